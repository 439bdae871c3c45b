/**
 * No superlinear path (issue 13): each path that was quadratic is run on an input and on its
 * double (twice more), and the work must grow about linearly — counted where the code exposes a
 * count, else a generous time ratio over several sizes (linear: ×4 for 4× the input; the ratio
 * allowed, ×9, is far below what a quadratic path takes, ×16). Not a wall-clock bound.
 */
import { describe, expect, it } from 'vitest';
import { layoutPage, type PdfItem } from '../src/parse/pdf-layout.js';
import { PieceIndex } from '../src/util/piece-index.js';
import { parseText } from '../src/parse/text.js';
import { buildPlan } from '../src/plan/build.js';
import { lintPlans } from '../src/rules/engine.js';
import { rules } from '../src/rules/index.js';
import { resolveRules } from '../src/config/index.js';
import { builtinData } from '../src/data/store.js';
// @ts-expect-error plain JS generator shared with the measure script
import * as make from './hostile/generate.mjs';

/**
 * The CPU time of `work` in ms (this process's, so other processes on a busy machine do not
 * count), the least of 5 runs (the least disturbed by GC).
 */
function time(work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

function expectLinear(sizes: number[], work: (n: number) => void): void {
  work(sizes[0]!); // warm-up
  const times = sizes.map((n) => time(() => work(n)));
  const ratio = times[times.length - 1]! / Math.max(times[0]!, 1);
  const growth = sizes[sizes.length - 1]! / sizes[0]!;
  expect(
    ratio,
    `times ${times.map((t) => t.toFixed(0)).join(' / ')} ms for sizes ${sizes.join(' / ')}`,
  ).toBeLessThan(growth * 2.25);
}

describe('linear in the input', () => {
  it('PDF line merge: one text drawn again and again at one place', () => {
    const items = (n: number): PdfItem[] =>
      Array.from({ length: n }, () => ({ str: 'Ke hoach so 12', x0: 72, x1: 160, y: 100, size: 12 }));
    expectLinear([500, 1000, 2000], (n) => layoutPage(1, 595, 842, items(n)));
  });

  it('PDF line merge: a line of many separate items', () => {
    const items = (n: number): PdfItem[] =>
      Array.from({ length: n }, (_, i) => ({ str: 'ab', x0: i * 10, x1: i * 10 + 8, y: 100, size: 12 }));
    expectLinear([5000, 10_000, 20_000], (n) => layoutPage(1, 595, 842, items(n)));
  });

  it('citation spans: a paragraph tests only the citations that share its rarest word (counted)', () => {
    const citations = (n: number) =>
      Array.from({ length: n }, (_, i) => `Quyết định số ${i + 1}/QĐ-UBND ngày 01/3/2024`);
    const text = 'Thực hiện Quyết định số 17/QĐ-UBND ngày 01/3/2024 của UBND tỉnh';
    const small = new PieceIndex(citations(1000)).candidates(text);
    const large = new PieceIndex(citations(4000)).candidates(text);
    expect(small).toContain('Quyết định số 17/QĐ-UBND ngày 01/3/2024');
    // 4× the citations, not 4× the candidates: a handful whose rarest word the text shares.
    expect(large.length).toBeLessThanOrEqual(small.length + 1);
    expect(large.length).toBeLessThanOrEqual(3);
  });

  const lintOne = (id: string, text: string) => {
    const plan = buildPlan(parseText(text, 'x.txt'));
    const active = resolveRules(rules, {}, [], null).filter((a) => a.rule.meta.id === id);
    return () => lintPlans([plan], active, { lang: 'vi', today: new Date('2024-06-01'), data: builtinData });
  };

  it('unbalanced-punctuation: a long Nơi nhận block', () => {
    const runs = [60_000, 120_000, 240_000].map((bytes) =>
      lintOne('unbalanced-punctuation', make.textLongRecipients(bytes).toString('utf8')),
    );
    runs[0]!();
    const times = runs.map((run) => time(run));
    expect(times[2]! / Math.max(times[0]!, 1), times.join(' / ')).toBeLessThan(9);
  });

  it('defunct-agency: many paragraphs, many citations', () => {
    for (const id of ['defunct-agency']) {
      const runs = [50_000, 100_000, 200_000].map((bytes) =>
        lintOne(id, make.textLongPlan(bytes).toString('utf8')),
      );
      runs[0]!();
      const times = runs.map((run) => time(run));
      expect(times[2]! / Math.max(times[0]!, 1), `${id}: ${times.join(' / ')}`).toBeLessThan(9);
    }
  });
});
