/**
 * Every rule's docs examples are executed (as ESLint and remark-lint do with theirs): each
 * `wrong` example, parsed by the text parser and built into a Plan, gives at least one message of
 * its rule; each `right` example gives none. Until the Plan builder fills paragraphs and items,
 * there is nothing to lint and these tests are skipped (not passed) — see `builderFillsText`.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { renderRuleDocs } from '../../src/rules/docs.js';
import { planFromText, runDocExamples } from '../../src/examples/run.js';
import { textNodes } from '../../src/rules/util.js';

const probe = await planFromText('Tổ chức thực hiện kế hoạch trên địa bàn tỉnh.\n');
const builderFillsText = [...textNodes(probe)].length > 0;

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s: docs examples', (_id, rule) => {
  it('has at least one wrong and one right example, and docs in both languages', () => {
    expect(rule.meta.docs.wrong.length).toBeGreaterThan(0);
    expect(rule.meta.docs.right.length).toBeGreaterThan(0);
    expect(rule.meta.docs.vi.length).toBeGreaterThan(20);
    expect(rule.meta.docs.en.length).toBeGreaterThan(20);
  });

  it('renders every example in kh explain', () => {
    for (const lang of ['vi', 'en'] as const) {
      const text = renderRuleDocs(rule, lang);
      for (const example of [...rule.meta.docs.wrong, ...rule.meta.docs.right]) {
        const first = (typeof example === 'string' ? example : example.text).split('\n')[0]!;
        expect(text).toContain(first);
      }
    }
  });

  it.skipIf(!builderFillsText)('wrong examples give a message, right examples none', async () => {
    const runs = await runDocExamples(rule);
    for (const run of runs) {
      expect(
        run.ok,
        `${run.kind} example gave ${run.messages.length} message(s):\n${run.example.text}\n${JSON.stringify(run.messages, null, 1)}`,
      ).toBe(true);
    }
  });
});
