/**
 * Rule documentation: rendering (kh explain, SARIF help) and running the examples.
 *
 * Like ESLint's checked rule examples and remark-lint's executed readme examples, every `wrong`
 * and `right` example of a rule is a real document snippet that the test suite (test/rules/docs.test.ts)
 * parses with the text parser and the Plan builder and lints with the rule alone: a wrong example
 * must give at least one message of the rule, a right example none. The docs can't drift.
 */
import type { Lang } from '../util/errors.js';
import { t } from '../i18n/index.js';
import type { Plan } from '../plan/schema.js';
import { loadRegistries, type Registries } from '../data/registries.js';
import { lintPlan } from './engine.js';
import type { DocExample, LintMessage, Rule } from './types.js';

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
  return { wrong: word('wrong'), right: word('right'), severity: word('severity'), options: word('options'), none: word('none') };
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

/** Parses a document snippet as a .txt file and builds its Plan. */
export async function planFromText(text: string, filePath = 'example.txt'): Promise<Plan> {
  const { parseText } = await import('../parse/text.js');
  const { buildPlan } = await import('../plan/build.js');
  // Read as a file's bytes are: an example in a legacy encoding is converted (legacy-encoding).
  const { decodeTextDetailed } = await import('../parse/decode.js');
  const { text: decoded, encoding } = decodeTextDetailed(new TextEncoder().encode(text));
  const doc = parseText(decoded, filePath);
  return buildPlan(encoding ? { ...doc, converted: { from: encoding, runs: null } } : doc);
}

export interface ExampleRun {
  kind: 'wrong' | 'right';
  example: NormalizedExample;
  plan: Plan;
  /** Messages of this rule on the example. */
  messages: LintMessage[];
  /** wrong: at least one message; right: none. */
  ok: boolean;
}

/** Runs every example of a rule through the parser, the builder and the rule. */
export async function runDocExamples(
  rule: Rule,
  options: { lang?: Lang; today?: Date; registries?: Registries } = {},
): Promise<ExampleRun[]> {
  const lang = options.lang ?? 'vi';
  const registries = options.registries ?? loadRegistries();
  const runs: ExampleRun[] = [];
  for (const kind of ['wrong', 'right'] as const) {
    for (const [index, raw] of rule.meta.docs[kind].entries()) {
      const example = normalizeExample(raw, lang);
      const plan = await planFromText(example.text, `${rule.meta.id}.${kind}-${index + 1}.txt`);
      const parsedOptions = rule.meta.options.parse(example.options);
      const messages = lintPlan(plan, [{ rule, severity: rule.meta.defaultSeverity, options: parsedOptions }], {
        lang,
        registries,
        ...(options.today ? { today: options.today } : {}),
      }).filter((message) => message.ruleId === rule.meta.id);
      runs.push({ kind, example, plan, messages, ok: kind === 'wrong' ? messages.length > 0 : messages.length === 0 });
    }
  }
  return runs;
}
