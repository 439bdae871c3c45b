/**
 * Running the rules' documented examples. Like ESLint's checked rule examples and remark-lint's
 * executed readme examples, every `wrong` and `right` example of a rule is a real document
 * snippet that the test suite (test/rules/docs.test.ts) parses with the text parser and the Plan
 * builder and lints with the rule alone: a wrong example must give at least one message of the
 * rule, a right example none. The docs can't drift.
 */
import type { Lang } from '../util/errors.js';
import type { Plan } from '../plan/schema.js';
import { buildPlan } from '../plan/build.js';
import { parseText } from '../parse/text.js';
import { decodeTextDetailed } from '../parse/decode.js';
import { builtinData, type DataStore } from '../data/store.js';
import { lintPlan } from '../rules/engine.js';
import { normalizeExample, type NormalizedExample } from '../rules/docs.js';
import type { LintMessage, Rule } from '../rules/types.js';

/** Parses a document snippet as a .txt file and builds its Plan. */
export async function planFromText(text: string, filePath = 'example.txt'): Promise<Plan> {
  // Read as a file's bytes are: an example in a legacy encoding is converted (legacy-encoding).
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
  options: { lang?: Lang; today?: Date; data?: DataStore } = {},
): Promise<ExampleRun[]> {
  const lang = options.lang ?? 'vi';
  const data = options.data ?? builtinData;
  const runs: ExampleRun[] = [];
  for (const kind of ['wrong', 'right'] as const) {
    for (const [index, raw] of rule.meta.docs[kind].entries()) {
      const example = normalizeExample(raw, lang);
      const plan = await planFromText(example.text, `${rule.meta.id}.${kind}-${index + 1}.txt`);
      const parsedOptions = rule.meta.options.parse(example.options);
      const messages = lintPlan(
        plan,
        [{ rule, severity: rule.meta.defaultSeverity, options: parsedOptions }],
        {
          lang,
          data,
          ...(options.today ? { today: options.today } : {}),
        },
      ).filter((message) => message.ruleId === rule.meta.id);
      runs.push({
        kind,
        example,
        plan,
        messages,
        ok: kind === 'wrong' ? messages.length > 0 : messages.length === 0,
      });
    }
  }
  return runs;
}
