/**
 * The form rules of issue 3 together on the real seeds: what each .txt seed gives (rule, line,
 * message variant), the news article 001 getting one message only, and the same findings from a
 * seed's .txt, .docx and .pdf apart from positions (rule + variant + excerpt, as multisets).
 */
import { describe, expect, it } from 'vitest';
import { getRule } from '../../src/rules/index.js';
import { lintPlan } from '../../src/rules/engine.js';
import { builtinData } from '../../src/data/store.js';
import type { LintMessage, Rule } from '../../src/rules/types.js';
import { PLAN_SEEDS, seedPlan, type SeedId } from './_seeds.js';

const IDS = [
  'document-header',
  'required-sections',
  'numbering',
  'signature-block',
  'missing-appendix',
  'unbalanced-punctuation',
  'repeated-phrase',
  'vietnamese-syllable',
];
const active = IDS.map((id) => {
  const rule = getRule(id) as Rule;
  return { rule, severity: rule.meta.defaultSeverity, options: rule.meta.options.parse({}) };
});

async function lint(id: SeedId, ext: 'txt' | 'docx' | 'pdf' = 'txt'): Promise<LintMessage[]> {
  return lintPlan(await seedPlan(id, ext), active, {
    lang: 'vi',
    data: builtinData,
    today: new Date('2024-06-01T00:00:00'),
  });
}
const key = (m: LintMessage) => `${m.ruleId} | ${m.messageId} | ${m.excerpt}`;

describe('form rules on the seeds (.txt)', () => {
  it('every rule of issue 3 is registered', () => {
    for (const id of IDS) expect(getRule(id), id).toBeDefined();
  });

  it('what each plan seed gives: rule, line, variant, severity', async () => {
    const found: Record<string, [string, number, string, string][]> = {};
    for (const id of PLAN_SEEDS)
      found[id] = (await lint(id)).map((m) => [m.ruleId, m.line, m.messageId, m.severity]);
    expect(found).toEqual({
      '000': [
        ['document-header', 3, 'draftNumber', 'info'],
        ['document-header', 5, 'draftDate', 'info'],
        ['unbalanced-punctuation', 43, 'quoteRunsOn', 'warning'],
        ['unbalanced-punctuation', 87, 'unclosed', 'warning'],
        ['unbalanced-punctuation', 103, 'unclosed', 'warning'],
        ['repeated-phrase', 177, 'repeatedWord', 'warning'],
        // issue 10: a plan signed KT. without TM. is how many issued plans are signed — a note now.
        ['signature-block', 234, 'collectiveUsual', 'info'],
      ],
      '002': [
        ['document-header', 1, 'missingHeader', 'warning'],
        ['repeated-phrase', 111, 'repeatedPhrase', 'warning'],
        ['unbalanced-punctuation', 181, 'unopened', 'warning'],
        ['unbalanced-punctuation', 215, 'unopened', 'warning'],
      ],
      '003': [['document-header', 3, 'numberSpacing', 'warning']],
      '004': [
        // issue 10: no budget section is no longer required by default (9 of 41 corpus plans have one).
        ['document-header', 3, 'draftNumber', 'info'],
        ['vietnamese-syllable', 5, 'twoTones', 'warning'],
        ['document-header', 5, 'draftDate', 'info'],
        ['vietnamese-syllable', 9, 'twoTones', 'warning'],
        ['vietnamese-syllable', 11, 'twoTones', 'warning'],
        ['missing-appendix', 143, 'noAppendix', 'warning'],
      ],
    });
  });

  it('no error-level finding on the plan seeds', async () => {
    for (const id of PLAN_SEEDS)
      for (const ext of ['txt', 'docx', 'pdf'] as const) {
        expect(
          (await lint(id, ext)).filter((m) => m.severity === 'error'),
          `${id}.${ext}`,
        ).toEqual([]);
      }
  });

  it('the news article 001: one "not a plan document" message, nothing else', async () => {
    expect((await lint('001')).map((m) => [m.ruleId, m.messageId, m.line])).toEqual([
      ['document-header', 'notPlan', 1],
    ]);
  });
});

describe('the same findings from .txt, .docx and .pdf', () => {
  it.each(PLAN_SEEDS)(
    '%s',
    async (id) => {
      const txt = (await lint(id, 'txt')).map(key).sort();
      expect(txt.length).toBeGreaterThan(0);
      expect((await lint(id, 'docx')).map(key).sort(), 'docx').toEqual(txt);
      expect((await lint(id, 'pdf')).map(key).sort(), 'pdf').toEqual(txt);
    },
    60_000,
  );
});
