/**
 * Rule documentation: rendering (kh explain, SARIF help). The examples are run by
 * src/examples/run.ts (the parser is no rule's business).
 */
import type { Lang } from '../util/errors.js';
import { t } from '../i18n/index.js';
import type { DocExample, Rule } from './types.js';

export interface NormalizedExample {
  text: string;
  options: Record<string, unknown>;
  note: string | null;
}

export function normalizeExample(example: DocExample, lang: Lang): NormalizedExample {
  if (typeof example === 'string') return { text: example, options: {}, note: null };
  return { text: example.text, options: example.options ?? {}, note: example.note?.[lang] ?? null };
}

/** The docs' words in `lang` (src/i18n/messages/data.ts). */
function wordsOf(lang: Lang) {
  const word = (key: 'wrong' | 'right' | 'severity' | 'options' | 'none') => t(lang, `rules.docs.${key}`);
  return {
    wrong: word('wrong'),
    right: word('right'),
    severity: word('severity'),
    options: word('options'),
    none: word('none'),
  };
}

function defaultOptions(rule: Rule): Record<string, unknown> {
  return rule.meta.options.parse({}) as Record<string, unknown>;
}

function optionsText(rule: Rule, lang: Lang): string {
  const options = defaultOptions(rule);
  return Object.keys(options).length ? JSON.stringify(options) : wordsOf(lang).none;
}

/** Plain-text docs: description, explanation, default severity and options, examples. */
export function renderRuleDocs(rule: Rule, lang: Lang): string {
  const w = wordsOf(lang);
  const lines = [`${rule.meta.id} — ${rule.meta.description[lang]}`, '', rule.meta.docs[lang], ''];
  lines.push(`${w.severity}: ${rule.meta.defaultSeverity}`);
  lines.push(`${w.options}: ${optionsText(rule, lang)}`);
  for (const kind of ['wrong', 'right'] as const) {
    lines.push('', `${w[kind]}:`);
    for (const raw of rule.meta.docs[kind]) {
      const example = normalizeExample(raw, lang);
      if (example.note) lines.push(`  # ${example.note}`);
      if (Object.keys(example.options).length) lines.push(`  # options: ${JSON.stringify(example.options)}`);
      for (const line of example.text.split('\n')) lines.push(`  ${kind === 'wrong' ? '✗' : '✓'} ${line}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown docs (SARIF help.markdown). */
export function renderRuleDocsMarkdown(rule: Rule, lang: Lang): string {
  const w = wordsOf(lang);
  const parts = [`**${rule.meta.id}** — ${rule.meta.description[lang]}`, '', rule.meta.docs[lang], ''];
  parts.push(`${w.severity}: \`${rule.meta.defaultSeverity}\`. ${w.options}: \`${optionsText(rule, lang)}\``);
  for (const kind of ['wrong', 'right'] as const) {
    parts.push('', `**${w[kind]}**`);
    for (const raw of rule.meta.docs[kind]) {
      const example = normalizeExample(raw, lang);
      if (example.note) parts.push('', `_${example.note}_`);
      parts.push('', '```text', example.text, '```');
    }
  }
  return parts.join('\n');
}

/** The markers around the README's rule table (rewritten by `npm run docs`, checked by test/rules/readme-table.test.ts). */
export const RULE_TABLE_START = "<!-- rule table: generated from each rule's meta by `npm run docs` -->";
export const RULE_TABLE_END = '<!-- end of rule table -->';

/** The README's rule table: id, default severity and one-line description of each rule, in registry order. */
export function renderRuleTable(rules: readonly Rule[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = rules.map(
    (rule) => `| \`${rule.meta.id}\` | ${rule.meta.defaultSeverity} | ${cell(rule.meta.description.en)} |`,
  );
  return ['| rule | default | checks |', '|---|---|---|', ...rows].join('\n');
}

/** `readme` with the block between the rule-table markers replaced by the current table; null without the markers. */
export function withRuleTable(readme: string, rules: readonly Rule[]): string | null {
  const start = readme.indexOf(RULE_TABLE_START);
  const end = readme.indexOf(RULE_TABLE_END);
  if (start < 0 || end < start) return null;
  return `${readme.slice(0, start + RULE_TABLE_START.length)}\n${renderRuleTable(rules)}\n${readme.slice(end)}`;
}
