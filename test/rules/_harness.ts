/**
 * Tabled tests for one rule, after ESLint's RuleTester: `valid` cases must give no message of the
 * rule, `invalid` cases exactly the listed ones (each listed field compared, others ignored).
 *
 *   testRule(rule, {
 *     valid: ['ngày ngày', { text: '…', options: { … } }],
 *     invalid: [{ text: 'của của', errors: [{ messageId: 'repeatedWord', column: 1, endColumn: 8 }] }],
 *   });
 *
 * A case is a document text (`text`: one preamble paragraph at line 1, column 1 by default —
 * a hand-made Plan, so the rule is tested at the level of check() whatever the builder does) or a
 * whole Plan (`plan`, built with the helpers below). `fromText: true` runs the text through the
 * real text parser and Plan builder instead.
 */
import { describe, expect, it } from 'vitest';
import type { Item, Paragraph, Part, Plan, Position } from '../../src/plan/schema.js';
import { lintPlan } from '../../src/rules/engine.js';
import { planFromText } from '../../src/examples/run.js';
import type { Lang, LintMessage, Rule, Severity } from '../../src/rules/types.js';
import { builtinData, type DataStore } from '../../src/data/store.js';

// The stand-in builder lives in its own module: see _minimal-builder.ts for why.
export { emptyPlan, minimalBuildPlan } from './_minimal-builder.js';
import { emptyPlan } from './_minimal-builder.js';

/** The source position of `text` written from (line, column), line breaks counted. */
export function positionOf(text: string, line = 1, column = 1, extra: Partial<Position> = {}): Position {
  const lines = text.split('\n');
  const endLine = line + lines.length - 1;
  const endColumn = (lines.length === 1 ? column : 1) + lines[lines.length - 1]!.length;
  return { start: { line, column }, end: { line: endLine, column: endColumn }, ...extra };
}

export interface At {
  line?: number;
  column?: number;
  page?: number;
  paragraph?: number;
  parts?: Part[];
}

export function paragraph(text: string, at: At = {}): Paragraph {
  const extra: Partial<Position> = {};
  if (at.page !== undefined) extra.page = at.page;
  if (at.paragraph !== undefined) extra.paragraph = at.paragraph;
  const node: Paragraph = { type: 'paragraph', text, position: positionOf(text, at.line, at.column, extra) };
  if (at.parts) node.parts = at.parts;
  return node;
}

export function item(text: string, at: At & { label?: string; children?: Item[] } = {}): Item {
  const base = paragraph(text, at);
  const node: Item = {
    type: 'item',
    label: at.label ?? null,
    labelKind: at.label ? 'arabic' : 'none',
    text,
    position: base.position,
    children: at.children ?? [],
  };
  if (base.parts) node.parts = base.parts;
  return node;
}

/** A plan whose preamble holds the given paragraphs (strings start on lines 1, 3, 5 …). */
export function planWith(paragraphs: (string | Paragraph)[], path = 'test.txt'): Plan {
  const plan = emptyPlan(path);
  let line = 1;
  for (const p of paragraphs) {
    const node = typeof p === 'string' ? paragraph(p, { line }) : p;
    plan.preamble.push(node);
    line = node.position.end.line + 2;
  }
  return plan;
}

export interface RunOptions {
  options?: Record<string, unknown>;
  severity?: Severity;
  lang?: Lang;
  today?: Date;
  data?: DataStore;
  files?: Plan[];
}

/** The rule alone on a plan, with its options parsed from its schema. */
export function runRule(rule: Rule, plan: Plan, run: RunOptions = {}): LintMessage[] {
  const options = rule.meta.options.parse(run.options ?? {});
  return lintPlan(
    plan,
    [{ rule, severity: run.severity ?? rule.meta.defaultSeverity, options }],
    {
      lang: run.lang ?? 'vi',
      today: run.today ?? new Date('2024-06-01T00:00:00'),
      data: run.data ?? builtinData,
    },
    run.files ?? [],
  );
}

export type ExpectedMessage = Partial<
  Pick<
    LintMessage,
    | 'messageId'
    | 'message'
    | 'severity'
    | 'line'
    | 'column'
    | 'endLine'
    | 'endColumn'
    | 'page'
    | 'paragraph'
    | 'excerpt'
    | 'suggestion'
  >
>;

interface CaseBase extends RunOptions {
  /** Test title (default: the text). */
  name?: string;
  text?: string;
  plan?: Plan;
  /** Parse `text` with the real parser and builder. */
  fromText?: boolean;
}
export type ValidCase = string | CaseBase;
export interface InvalidCase extends CaseBase {
  errors: ExpectedMessage[];
}

async function planOf(c: CaseBase): Promise<Plan> {
  if (c.plan) return c.plan;
  if (c.text === undefined) throw new Error('a case needs `text` or `plan`');
  return c.fromText ? planFromText(c.text) : planWith([c.text]);
}

function title(c: CaseBase | string): string {
  if (typeof c === 'string') return c;
  return c.name ?? c.text ?? 'plan';
}

export function testRule(rule: Rule, cases: { valid?: ValidCase[]; invalid?: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid ?? []) {
        it(title(c), async () => {
          const run = typeof c === 'string' ? { text: c } : c;
          const messages = runRule(rule, await planOf(run), run);
          expect(messages).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid ?? []) {
        it(title(c), async () => {
          const messages = runRule(rule, await planOf(c), c);
          expect(messages.length, JSON.stringify(messages, null, 1)).toBe(c.errors.length);
          c.errors.forEach((expected, i) => expect(messages[i]).toMatchObject(expected));
        });
      }
    });
  });
}
