/** src/util/whitespace.ts: the one way kh collapses white space (builder, PDF layout and repair). */
import { describe, expect, it } from 'vitest';
import { collapseSpaces, hasOnlySingleSpaces, squash } from '../src/util/whitespace.js';

describe('white space', () => {
  it('a text with single spaces only is left as it is', () => {
    const line = 'Kế hoạch số 122/KH-UBND';
    expect(hasOnlySingleSpaces(line)).toBe(true);
    expect(collapseSpaces(line)).toBe(line);
  });

  it('runs, tabs, line breaks and Unicode spaces collapse to one space', () => {
    for (const odd of ['  ', '\t', '\n', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff'])
      expect(hasOnlySingleSpaces(`a${odd}b`), JSON.stringify(odd)).toBe(false);
    expect(collapseSpaces('a  b\u00a0\u00a0c\td\u2028e')).toBe('a b c d e');
  });

  it('squash also trims, as \\s+ → " " then trim did', () => {
    for (const text of ['  Nơi nhận:\n- Như trên; ', 'một', ' ', '\t a \u00a0 b \n'])
      expect(squash(text)).toBe(text.replace(/\s+/g, ' ').trim());
  });
});
