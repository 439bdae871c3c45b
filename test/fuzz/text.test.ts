/** Fuzz: the text parser (decode → remark → builder) on random bytes and random Vietnamese plans. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decodeText } from '../../src/parse/decode.js';
import { parseText } from '../../src/parse/text.js';
import { InputError } from '../../src/util/errors.js';
import {
  FUZZ_TEST_TIMEOUT_MS,
  assertOptions,
  expectBothOutcomes,
  outcome,
  RUNS,
  Tally,
  vietnameseText,
} from './_fuzz.js';

/** What readDocument does with a text file's bytes (minus the file system). */
function readText(bytes: Uint8Array) {
  const text = decodeText(bytes);
  if (text.trim() === '') throw new InputError('empty');
  return parseText(text, 'fuzz.txt');
}

describe('fuzz: .txt/.md', () => {
  it(
    `${RUNS} inputs: a schema-valid Plan or an InputError`,
    async () => {
      const tally = new Tally();
      const input = fc.oneof(
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
        { weight: 3, arbitrary: vietnameseText.map((text) => new TextEncoder().encode(text)) },
        // UTF-16 with a byte order mark, and a BOM'd UTF-8
        {
          weight: 1,
          arbitrary: vietnameseText.map((text) =>
            Uint8Array.from([
              0xff,
              0xfe,
              ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer),
            ]),
          ),
        },
        {
          weight: 1,
          arbitrary: vietnameseText.map((text) =>
            Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
          ),
        },
      );
      await fc.assert(
        fc.asyncProperty(input, async (bytes) => {
          tally.add(await outcome(() => readText(bytes)));
        }),
        assertOptions(RUNS),
      );
      expectBothOutcomes(tally);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
