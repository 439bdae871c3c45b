/** Fuzz: the PDF parser on random bytes, generated PDFs and their mutations. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parsePdf } from '../../src/parse/pdf.js';
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

/** Helvetica/WinAnsi cannot show Vietnamese: the text is folded to ASCII (the layout is what is tested). */
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/đ/g, 'd');
const page = (lines: string[]) =>
  `BT /F1 11 Tf\n${lines.map((l, i) => `1 0 0 1 72 ${800 - i * 16} Tm (${ascii(l).replace(/[\\()]/g, (c) => `\\${c}`)}) Tj`).join('\n')}\nET`;
const small = (paragraphs: string[]): Uint8Array => make.pdf([page(paragraphs)]);

describe('fuzz: .pdf', () => {
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
            .map((tail) => Uint8Array.from([...new TextEncoder().encode('%PDF-1.4\n'), ...tail])),
        },
        { weight: 2, arbitrary: vietnameseParagraphs.map(small) },
        {
          weight: 3,
          arbitrary: mutated(small(['I. MUC DICH', '1. So Noi vu chu tri', 'a) Tuyen truyen (nam 2024);'])),
        },
      );
      await fc.assert(
        fc.asyncProperty(input, async (bytes) => {
          tally.add(await outcome(() => parsePdf(bytes, 'fuzz.pdf')));
        }),
        assertOptions(RUNS),
      );
      expectBothOutcomes(tally);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
