/**
 * The contract of a `kh lint` rule. One rule = one module in src/rules/ exporting a `Rule`:
 *
 *   export const rule = defineRule({
 *     meta: { id, defaultSeverity, description: {vi, en}, docs: {vi, en, wrong, right},
 *             options: z.object({...}) (every field with a default), messages: {id: {vi, en}} },
 *     check(plan, context) { return [...context.report({...})]; },
 *   });
 *
 * Rules read the Plan tree only (never the file), get everything else from `context` (data as
 * `context.data`, values derived from the plan as `context.derived`), and return their messages; the engine decides severities, sorts, and turns a throw into an internal error.
 */
import type { z } from 'zod';
import type { Plan, Position } from '../plan/schema.js';
import type { Lang } from '../util/errors.js';
import type { SourceRange, TextNode } from '../util/location.js';
import type { DataStore } from '../domain/data-store.js';

export type { Lang } from '../util/errors.js';
export type { TextNode, SourceRange } from '../util/location.js';
export type { DataStore, Registries } from '../domain/data-store.js';

export type Severity = 'error' | 'warning' | 'info';
/** What a configuration may say about a rule. */
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Higher is more severe. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export interface Localized {
  vi: string;
  en: string;
}

/** A message template; `{name}` placeholders are filled from the report's `data`. */
export interface MessageTemplate extends Localized {
  /**
   * This variant's own severity, when it is milder than the rule's (a draft's blank number is
   * only `info` in a rule whose other findings are warnings). The effective severity is the
   * milder of this and the rule's configured severity, so turning the rule down turns it down too.
   */
  severity?: Severity;
}

/**
 * A document-text example for the docs. The test suite parses each one with the text parser and
 * the Plan builder and runs the rule on it: every `wrong` example must give at least one message
 * of the rule, every `right` example none.
 */
export type DocExample =
  | string
  | {
      text: string;
      /** Options for this example (validated with the rule's schema). */
      options?: Record<string, unknown>;
      /** One line telling what the example shows. */
      note?: Localized;
    };

export interface RuleDocs {
  /** A few sentences: what the rule checks, why, and the source (decree, style guide) if any. */
  vi: string;
  en: string;
  wrong: DocExample[];
  right: DocExample[];
}

export interface RuleMeta<Options = Record<string, unknown>, MessageId extends string = string> {
  /** kebab-case, fixed: configurations, reports and tests use it. */
  id: string;
  defaultSeverity: Severity;
  /** One line, shown by `kh rules` and in SARIF. */
  description: Localized;
  docs: RuleDocs;
  /** zod schema of the options; every field has a default, so `{}` is valid. */
  options: z.ZodType<Options>;
  messages: Record<MessageId, MessageTemplate>;
}

/** A place a rule points at. */
export type ReportTarget =
  /** A node with text; `range` is [start, end) in `node.text` (default: the whole text). */
  | { node: TextNode; range?: readonly [number, number]; position?: never; place?: never }
  /** A node without text of its own (a section, the signature block): its source position. */
  | { position: Position; node?: never; range?: never; place?: never }
  /** A place located where the Plan was (cross-file rules report from summaries, without the tree). */
  | { place: Place; node?: never; position?: never; range?: never }
  /** Neither: the document as a whole (something missing), reported at line 1, column 1. */
  | { node?: never; position?: never; range?: never; place?: never };

/** A located range with its excerpt: what `report` computes from a node, kept as plain JSON. */
export interface Place extends SourceRange {
  excerpt: string;
}

export type ReportData = Record<string, string | number>;

export type RelatedInput<MessageId extends string = string> = ReportTarget & {
  messageId: MessageId;
  data?: ReportData;
  /** Another document of the run (cross-file rules); default: the one being checked. */
  filePath?: string;
  excerpt?: string;
};

export type ReportInput<MessageId extends string = string> = ReportTarget & {
  messageId: MessageId;
  data?: ReportData;
  /** The corrected text for the range, only when it is certain. */
  suggestion?: string;
  related?: RelatedInput<MessageId>[];
  /** Override the excerpt (default: the text of the range, shortened). */
  excerpt?: string;
  /**
   * A certain, mechanical correction (`kh lint --fix`): replace `range` of the node's text
   * (default: the report's range) by `text`. Only on a `node` target; dropped when the range
   * cannot be mapped one to one onto the source.
   */
  fix?: { range?: readonly [number, number]; text: string };
};

/** A fix in the decoded source text (.txt/.md): replace [start, end), which must hold `expected`. */
export interface Fix {
  range: [number, number];
  text: string;
  expected: string;
}

/** Another place that explains a message. */
export interface RelatedLocation extends SourceRange {
  message: string;
  /** Set when the place is in another file of the run. */
  filePath?: string;
  excerpt: string;
}

/** One finding. JSON output uses exactly these names (see README, "kh lint output (JSON)"). */
export interface LintMessage extends SourceRange {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  excerpt: string;
  suggestion?: string;
  related?: RelatedLocation[];
  /** Not in the JSON output: what `kh lint --fix` applies. */
  fix?: Fix;
  /**
   * Not in the JSON output: the same fix in the node's own text (the text the rule saw and its
   * replacement), set only when the fix's range is the message's range, so the message's place
   * locates it. For inputs without source offsets (.docx: `kh annotate --fix`).
   */
  textFix?: { expected: string; text: string };
}

export interface RuleContext<Options = Record<string, unknown>, MessageId extends string = string> {
  /** The rule's options, parsed with its schema (defaults filled in). */
  options: Options;
  lang: Lang;
  /** "Today" for date rules (injectable in tests). */
  today: Date;
  /** The path of the document being checked, as given on the command line. */
  filePath: string;
  /**
   * Domain data (src/data/*.json and the user's knowledge entries), each registry read on first
   * use; `data.derived(key, fn)` keeps what is computed from the data alone (a word set, a
   * compiled pattern) once per store.
   */
  data: DataStore;
  /**
   * What is computed from the plan (its text nodes, its responsibility matrix, its citation
   * groups), once per Plan and key, shared by the rules. The key must name everything besides
   * the plan the value depends on (an option).
   */
  derived<T>(key: string, compute: (plan: Plan) => T): T;
  /** The severity this rule runs at. */
  severity: Severity;
  /** Builds one message: position, excerpt and localized text computed from the target. */
  report(input: ReportInput<MessageId>): LintMessage;
  /** The localized, filled-in text of a message template (for `related` or suggestions). */
  format(messageId: MessageId, data?: ReportData): string;
}

/** What `summarize` gets: the rule's options and the run's environment (no `report`: nothing is reported per file). */
export type SummaryContext<Options = Record<string, unknown>> = Pick<
  RuleContext<Options>,
  'options' | 'lang' | 'today' | 'filePath' | 'data' | 'derived'
>;

/** One file of a run as a cross-file rule sees it: its path and the rule's own summary of it. */
export interface RunFile<Summary> {
  filePath: string;
  summary: Summary;
}

/** A message of the cross-file pass, for the file at `file` (an index into the run's files). */
export interface FileMessage {
  file: number;
  message: LintMessage;
}

export interface RunContext<
  Options = Record<string, unknown>,
  MessageId extends string = string,
> extends Pick<
  RuleContext<Options, MessageId>,
  'options' | 'lang' | 'today' | 'data' | 'severity' | 'format'
> {
  /** Builds a message for the file at index `file` (targets are `place`s or the whole document). */
  report(file: number, input: ReportInput<MessageId>): FileMessage;
}

/**
 * The cross-file part of a rule (see notes/CROSS-FILE.md). Per file, where the Plan is (a worker),
 * `summarize` keeps what the rule needs of it as plain JSON; the Plan is then dropped. Once per
 * run, `checkRun` gets every file's summary in input order and reports. It must be linear in the
 * size of the summaries (index them; never compare every file with every other).
 */
export interface CrossFile<Options = any, MessageId extends string = string, Summary = unknown> {
  /** Bumped whenever the shape or meaning of the summary changes (cached and merged summaries carry it). */
  version: number;
  summarize(plan: Plan, context: SummaryContext<Options>): Summary;
  checkRun(
    files: readonly RunFile<Summary>[],
    context: RunContext<Options, MessageId>,
  ): Iterable<FileMessage>;
}

export interface Rule<Options = any, MessageId extends string = string> {
  meta: RuleMeta<Options, MessageId>;
  /** The per-file check (a rule that is wholly cross-file has none). */
  check?(plan: Plan, context: RuleContext<Options, MessageId>): LintMessage[] | Iterable<LintMessage>;
  crossFile?: CrossFile<Options, MessageId, any>;
}

/** Identity helper that infers a rule's option and message-id types. */
export function defineRule<Options, MessageId extends string>(
  rule: Rule<Options, MessageId>,
): Rule<Options, MessageId> {
  return rule;
}
