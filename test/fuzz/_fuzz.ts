/**
 * Shared pieces of the parser fuzz suite (fast-check): the property every parser must hold, and
 * generators of Vietnamese plan-like text. Every input gives either a Plan that passes the zod
 * schema or an InputError — no other exception — within a time bound per case.
 *
 * FUZZ_RUNS (default 10 000 per parser) and FUZZ_SEED reproduce a run; a failure found is kept as
 * a file in test/fuzz/regressions/ and replayed by regressions.test.ts.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import { PlanSchema } from '../../src/plan/schema.js';
import type { ParsedDocument } from '../../src/parse/types.js';
import { InputError } from '../../src/util/errors.js';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Per case: a hang fails the property instead of stalling CI. */
export const CASE_TIMEOUT_MS = 10_000;
/** A whole fuzz test: ~20-30 s alone on 2 cores, more beside the rest of the suite. */
export const FUZZ_TEST_TIMEOUT_MS = 600_000;

/** 'plan' | 'input-error'; throws (failing the property) on anything else. */
export async function outcome(
  parse: () => Promise<ParsedDocument> | ParsedDocument,
): Promise<'plan' | 'input-error'> {
  let doc: ParsedDocument;
  try {
    doc = await parse();
  } catch (error) {
    if (error instanceof InputError) return 'input-error';
    throw error;
  }
  const plan = buildPlan(doc);
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) throw new Error(`the Plan fails its schema: ${checked.error.message.slice(0, 500)}`);
  return 'plan';
}

export function assertOptions(runs: number): fc.Parameters<unknown> {
  return {
    numRuns: runs,
    timeout: CASE_TIMEOUT_MS,
    ...(SEED !== undefined ? { seed: SEED } : {}),
    endOnFailure: true,
  };
}

/** Counts outcomes so that a test can check both kinds were met (a generator that only ever
 *  produces garbage tests nothing of the builder). */
export class Tally {
  plan = 0;
  inputError = 0;
  add(result: 'plan' | 'input-error'): void {
    if (result === 'plan') this.plan++;
    else this.inputError++;
  }
}

const WORDS = [
  'Kế hoạch',
  'thực hiện',
  'công tác',
  'bình đẳng giới',
  'năm 2024',
  'Ủy ban nhân dân',
  'tỉnh',
  'huyện',
  'xã',
  'Sở Nội vụ',
  'chủ trì',
  'phối hợp',
  'với',
  'các',
  'Sở, ngành',
  'địa phương',
  'Mục tiêu',
  'Chỉ tiêu',
  'đạt',
  '100%',
  'trên 80%',
  'giảm',
  'Quyết định số 12/QĐ-UBND',
  'ngày 10/4/2024',
  'Nghị định số 30/2020/NĐ-CP',
  '“',
  '”',
  '(',
  ')',
  ';',
  ':',
  ',',
  '.',
  'Phụ lục',
  'kèm theo',
  'trước ngày 30/6',
  'Hòì',
  'Kê hoach',
  'Trần Văn A',
  'TM.',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Nơi nhận:',
  'Lưu: VT.',
];
const LABELS = [
  'I. ',
  'II. ',
  'IV. ',
  '1. ',
  '2. ',
  '1.1. ',
  '1.2. ',
  'a) ',
  'b) ',
  'đ) ',
  '- ',
  '+ ',
  '* ',
  'Mục tiêu 1: ',
  'Chỉ tiêu 2: ',
  '',
];
const HEADERS = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH BÌNH PHƯỚC',
  'Số: 12/KH-UBND',
  'Số:    /KH-UBND',
  'Bình Phước, ngày 10 tháng 4 năm 2024',
  'KẾ HOẠCH',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'DỰ THẢO',
];

const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...LABELS), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }))
      .map(([label, words]) => label + words.join(' ')),
  },
  { weight: 2, arbitrary: fc.constantFrom(...HEADERS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom('|', ' ', 'Sở', '---', 'x', '1'), { maxLength: 12 })
      .map((cells) => cells.join(' | ')),
  },
);

/** A Vietnamese plan-like text: header lines, numbered and bulleted lines, odd characters. */
export const vietnameseText = fc
  .array(line, { minLength: 0, maxLength: 40 })
  .map((lines) => lines.join('\n'));

/** The paragraphs of a plan-like text (for .docx and PDF bodies). */
export const vietnameseParagraphs = fc.array(line, { minLength: 1, maxLength: 25 });

/** Byte mutations of a valid file: flips, overwrites, a cut, an insertion. */
export function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ maxLength: 16 }),
    }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let data = Uint8Array.from(base);
    for (const e of edits) {
      const at = data.length ? e.at % data.length : 0;
      if (e.kind === 'flip') data[at]! ^= 1 << e.bit;
      else if (e.kind === 'set') data[at] = e.value;
      else if (e.kind === 'cut') data = data.slice(0, at);
      else data = Uint8Array.from([...data.subarray(0, at), ...e.bytes, ...data.subarray(at)]);
    }
    return data;
  });
}

export function expectBothOutcomes(tally: Tally): void {
  expect(tally.plan, 'some generated inputs parse into a Plan').toBeGreaterThan(0);
  expect(tally.inputError, 'some generated inputs are refused with an InputError').toBeGreaterThan(0);
}
