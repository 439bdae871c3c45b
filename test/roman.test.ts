import { describe, expect, it } from 'vitest';
import { numberToRoman, romanToNumber } from '../src/util/roman.js';

describe('Roman numerals (src/util/roman.ts)', () => {
  it.each([
    ['I', 1],
    ['IV', 4],
    ['IX', 9],
    ['XIV', 14],
    ['XL', 40],
    ['XC', 90],
    ['CCCXCIX', 399],
  ])('%s ↔ %i', (roman, value) => {
    expect(romanToNumber(roman)).toBe(value);
    expect(numberToRoman(value)).toBe(roman);
  });

  it.each(['', 'IIII', 'VX', 'IC', 'ABC', 'iv'])('"%s" is not a well-formed numeral', (text) => {
    expect(romanToNumber(text)).toBeNull();
  });
});
