/**
 * The docs-example runner end to end (text parser → builder → rule), independent of the real
 * Plan builder: here buildPlan is replaced by a minimal one that turns every mdast text node into
 * a preamble paragraph (its text as written, line breaks kept, and its position).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/plan/build.js', async () => {
  const { minimalBuildPlan } = await import('./_minimal-builder.js');
  return { buildPlan: minimalBuildPlan };
});

const { rules } = await import('../../src/rules/index.js');
const { runDocExamples, planFromText } = await import('../../src/examples/run.js');
const { rule: repeatedPhrase } = await import('../../src/rules/repeated-phrase.js');
const { runRule } = await import('./_harness.js');

/**
 * Rules that read only the text of the nodes (textNodes), so their examples must hold with the
 * minimal builder too. Rules that read the structure (header lines, sections, signature,
 * citations, appendices) need the real builder: test/rules/docs.test.ts runs their examples.
 */
const TEXT_ONLY = new Set(['repeated-phrase', 'unbalanced-punctuation', 'vietnamese-syllable']);

describe('docs examples through the text parser (minimal builder)', () => {
  it.each(rules.filter((rule) => TEXT_ONLY.has(rule.meta.id)).map((rule) => [rule.meta.id, rule] as const))(
    '%s',
    async (_id, rule) => {
      const runs = await runDocExamples(rule);
      expect(runs.length).toBe(rule.meta.docs.wrong.length + rule.meta.docs.right.length);
      for (const run of runs) expect(run.ok, `${run.kind}: ${run.example.text}`).toBe(true);
    },
  );

  it('a wrong example that gives nothing is caught', async () => {
    const broken = {
      ...repeatedPhrase,
      meta: {
        ...repeatedPhrase.meta,
        docs: { ...repeatedPhrase.meta.docs, wrong: ['Không có gì sai ở đây.'] },
      },
    };
    const runs = await runDocExamples(broken);
    expect(runs.filter((run) => !run.ok).map((run) => run.kind)).toEqual(['wrong']);
  });

  it('positions of a paragraph written over two lines of a .txt file', async () => {
    const plan = await planFromText(
      'Mở đầu.\n\nLồng ghép trong các hoạt động\nvà và phối hợp với với các sở.\n',
    );
    expect(
      runRule(repeatedPhrase, plan).map((m) => [m.line, m.column, m.endLine, m.endColumn, m.excerpt]),
    ).toEqual([
      [4, 1, 4, 6, 'và và'],
      [4, 16, 4, 23, 'với với'],
    ]);
  });
});
