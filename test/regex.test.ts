/** execAll (src/util/regex.ts) gives what String.prototype.matchAll gives, without copying the regex. */
import { describe, expect, it } from 'vitest';
import { execAll } from '../src/util/regex.js';

const plain = (ms: Iterable<RegExpMatchArray>) =>
  [...ms].map((m) => ({ index: m.index, all: [...m], groups: m.groups }));

describe('execAll', () => {
  it.each([
    [/(\d{1,2})\/(\d{1,2})\/(\d{4})/gu, 'ngày 15/12/2024 và 01/7/2025; 31/02/2023'],
    [
      /(?<type>Nghị định|Quyết định)\s+số\s+(?<n>\d+)/gu,
      'Nghị định số 125 và Quyết định số 2282, Nghị định số 1',
    ],
    [/\d*/g, 'a12b3'], // empty matches step on
    [/(?:)/gu, 'ủy 𝐀 ban'], // empty matches step over whole code points
    [/x/g, 'không có'],
  ])('%s on %j', (re, text) => {
    expect(plain(execAll(re, text))).toEqual(plain(text.matchAll(new RegExp(re))));
  });

  it('leaves lastIndex at 0, so one module-level regex serves every call', () => {
    const re = /\d+/g;
    re.lastIndex = 3;
    expect(execAll(re, '12 ab 345').map((m) => m[0])).toEqual(['12', '345']);
    expect(re.lastIndex).toBe(0);
    expect(execAll(re, '7 8').map((m) => m[0])).toEqual(['7', '8']);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => execAll(/\d/, '1')).toThrow(TypeError);
  });
});
