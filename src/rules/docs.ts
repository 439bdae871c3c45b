/**
 * Rule documentation: rendering (kh explain, SARIF help). The examples are run by
 * src/examples/run.ts (the parser is no rule's business).
 */
import type { Lang } from '../util/errors.js';
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

const WORDS = {
  vi: { wrong: 'Sai', right: 'Đúng', severity: 'Mức mặc định', options: 'Tùy chọn mặc định', none: 'không có' },
  en: { wrong: 'Wrong', right: 'Right', severity: 'Default severity', options: 'Default options', none: 'none' },
};

function defaultOptions(rule: Rule): Record<string, unknown> {
  return rule.meta.options.parse({}) as Record<string, unknown>;
}

function optionsText(rule: Rule, lang: Lang): string {
  const options = defaultOptions(rule);
  return Object.keys(options).length ? JSON.stringify(options) : WORDS[lang].none;
}

/** Plain-text docs: description, explanation, default severity and options, examples. */
export function renderRuleDocs(rule: Rule, lang: Lang): string {
  const w = WORDS[lang];
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
  const w = WORDS[lang];
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
