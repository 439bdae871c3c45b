/** Fuzz: the .docx parser on random bytes, generated documents and mutated real zips. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseDocx } from '../../src/parse/docx.js';
import { ROOT } from '../_build.js';
import {
  FUZZ_TEST_TIMEOUT_MS,
  assertOptions,
  expectBothOutcomes,
  mutated,
  outcome,
  RUNS,
  Tally,
  vietnameseParagraphs,
} from './_fuzz.js';
// @ts-expect-error plain JS generator shared with the measure script
import * as make from '../hostile/generate.mjs';

const escape = (text: string) =>
  text
    .replace(/[<&>]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const small = (paragraphs: string[]): Uint8Array =>
  make.docx(make.DOC_HEAD + paragraphs.map((p) => make.paragraphXml(escape(p))).join('') + make.DOC_TAIL);
const real = new Uint8Array(readFileSync(join(ROOT, 'fixtures/003_4648be2b9eb23052.docx')));

describe('fuzz: .docx', () => {
  it(
    `${RUNS} inputs: a schema-valid Plan or an InputError`,
    async () => {
      const tally = new Tally();
      const input = fc.oneof(
        { weight: 3, arbitrary: fc.uint8Array({ maxLength: 300 }) },
        {
          weight: 2,
          arbitrary: fc
            .uint8Array({ maxLength: 300 })
            .map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail])),
        },
        { weight: 3, arbitrary: vietnameseParagraphs.map(small) },
        {
          weight: 4,
          arbitrary: mutated(small(['I. MỤC ĐÍCH', '1. Sở Nội vụ chủ trì', 'a) Tuyên truyền (năm 2024);'])),
        },
        // A real Word file mutated: mostly broken zips and XML, now and then a readable one.
        { weight: 1, arbitrary: mutated(real) },
      );
      await fc.assert(
        fc.asyncProperty(input, async (bytes) => {
          tally.add(await outcome(() => parseDocx(bytes, 'fuzz.docx')));
        }),
        assertOptions(RUNS),
      );
      expectBothOutcomes(tally);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
