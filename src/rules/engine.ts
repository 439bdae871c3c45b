/**
 * The lint engine: runs the active rules over each Plan and collects their messages.
 *
 * - Severity and options are settled before the run (src/config resolves and validates them);
 *   the engine receives the enabled rules only.
 * - A rule that throws (or returns something that is not a message of its own) stops the run
 *   with a RuleError naming the rule and the file: an internal error (exit 2), never a finding.
 */
import { sourceFix } from '../fix/declare.js';
import type { Plan } from '../plan/schema.js';
import { t } from '../i18n/index.js';
import type { Lang } from '../util/errors.js';
import { DOCUMENT_START, excerptOf, fromPosition, locate, type SourceRange } from '../util/location.js';
import type { DataStore } from '../domain/data-store.js';
import type { TextNode } from '../util/location.js';
import { planIdentity, SUMMARY_VERSION, type FileSummary } from './summary.js';
import { applyOcrConfidence } from './ocr-confidence.js';
import {
  SEVERITY_RANK,
  type LintMessage,
  type RelatedInput,
  type RelatedLocation,
  type ReportData,
  type ReportInput,
  type Place,
  type ReportTarget,
  type Rule,
  type RuleContext,
  type RunContext,
  type SummaryContext,
  type Severity,
} from './types.js';

/** A rule switched on, with its severity and parsed options. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: unknown;
}

export interface LintEnvironment {
  lang: Lang;
  /** Default: now. */
  today?: Date;
  /** The data store (src/data/store.ts): shipped registries and the user's knowledge entries. */
  data: DataStore;
}

/**
 * What rules derive from a plan (its text nodes, its responsibility matrix …), per Plan object
 * and key: computed by the first rule that asks, shared by the others and by later runs on the
 * same Plan. A rule's derived value depends on the Plan and on nothing else the key does not name.
 */
const derivedByPlan = new WeakMap<Plan, Map<string, unknown>>();

export function derivedOf<T>(plan: Plan, key: string, compute: (plan: Plan) => T): T {
  let values = derivedByPlan.get(plan);
  if (!values) derivedByPlan.set(plan, (values = new Map()));
  if (!values.has(key)) values.set(key, compute(plan));
  return values.get(key) as T;
}

/** A rule failed: a bug in kh (or in the rule), not a problem of the document. */
export class RuleError extends Error {
  readonly ruleId: string;
  readonly filePath: string;
  constructor(ruleId: string, filePath: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`rule "${ruleId}" failed on ${filePath}: ${reason}`, { cause });
    this.name = 'RuleError';
    this.ruleId = ruleId;
    this.filePath = filePath;
  }

  describe(lang: Lang): string {
    const reason = this.cause instanceof Error ? this.cause.message : String(this.cause);
    return t(lang, 'internal.rule-failed', { rule: this.ruleId, file: this.filePath, reason });
  }
}

/** Fills `{name}` placeholders; a placeholder without data is a bug in the rule. */
export function fillTemplate(template: string, data: ReportData = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in data)) throw new Error(`message placeholder {${name}} has no data`);
    return String(data[name]);
  });
}

function milder(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

function targetRange(target: ReportTarget): { range: SourceRange; excerpt: string } {
  if (target.node) {
    const text = target.node.text;
    const [start, end] = target.range ?? [0, text.length];
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      throw new Error(`report range [${start}, ${end}) is outside the node's text (length ${text.length})`);
    }
    return { range: locate(target.node, start, end), excerpt: excerptOf(text.slice(start, end)) };
  }
  if (target.place) {
    const { excerpt, ...range } = target.place;
    return { range, excerpt };
  }
  if (target.position) return { range: fromPosition(target.position), excerpt: '' };
  return { range: { ...DOCUMENT_START }, excerpt: '' };
}

/** The place of a node's text range as a cross-file rule keeps it in its summary (what `report` would compute). */
export function placeOf(node: TextNode, range?: readonly [number, number]): Place {
  const { range: located, excerpt } = targetRange(range ? { node, range } : { node });
  return { ...located, excerpt };
}

/** Message text, severity, place, related places and fixes of one report (shared by both kinds of context). */
function messageBuilder(active: ActiveRule, filePath: string, lang: Lang) {
  const { rule, severity } = active;
  const template = (messageId: string) => {
    const found = Object.hasOwn(rule.meta.messages, messageId) ? rule.meta.messages[messageId] : undefined;
    if (!found) throw new Error(`unknown messageId "${messageId}"`);
    return found;
  };
  const format = (messageId: string, data?: ReportData) => fillTemplate(template(messageId)[lang], data);
  const related = (input: RelatedInput): RelatedLocation => {
    const { range, excerpt } = targetRange(input);
    const location: RelatedLocation = {
      message: format(input.messageId, input.data),
      ...range,
      excerpt: input.excerpt ?? excerpt,
    };
    if (input.filePath !== undefined && input.filePath !== filePath) location.filePath = input.filePath;
    return location;
  };
  const report = (input: ReportInput): LintMessage => {
    const own = template(input.messageId);
    const { range, excerpt } = targetRange(input);
    const message: LintMessage = {
      ruleId: rule.meta.id,
      messageId: input.messageId,
      severity: own.severity ? milder(own.severity, severity) : severity,
      message: fillTemplate(own[lang], input.data),
      ...range,
      excerpt: input.excerpt ?? excerpt,
    };
    if (input.suggestion !== undefined) message.suggestion = input.suggestion;
    if (input.related?.length) message.related = input.related.map(related);
    const fix =
      input.fix && input.node ? sourceFix(input.node, input.fix.range ?? input.range, input.fix.text) : null;
    if (fix) message.fix = fix;
    if (input.fix && input.node) {
      const [start, end] = input.fix.range ?? input.range ?? [0, input.node.text.length];
      const sameRange =
        !input.fix.range || (input.range !== undefined && input.range[0] === start && input.range[1] === end);
      if (
        sameRange &&
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        start >= 0 &&
        start < end &&
        end <= input.node.text.length
      ) {
        message.textFix = { expected: input.node.text.slice(start, end), text: input.fix.text };
      }
    }
    return message;
  };
  return { format, report };
}

export function createContext(
  active: ActiveRule,
  plan: Plan,
  env: LintEnvironment,
): RuleContext<any, string> {
  const { format, report } = messageBuilder(active, plan.source.path, env.lang);
  return {
    options: active.options,
    lang: env.lang,
    today: env.today ?? new Date(),
    filePath: plan.source.path,
    data: env.data,
    derived: (key, compute) => derivedOf(plan, key, compute),
    severity: active.severity,
    format,
    report,
  };
}

function createRunContext(
  active: ActiveRule,
  files: readonly { filePath: string }[],
  env: LintEnvironment,
): RunContext<any, string> {
  const builders = new Map<number, ReturnType<typeof messageBuilder>>();
  const builder = (file: number) => {
    let found = builders.get(file);
    if (!found) {
      const path = files[file]?.filePath;
      if (path === undefined) throw new Error(`report for file ${file}: the run has ${files.length} files`);
      found = messageBuilder(active, path, env.lang);
      builders.set(file, found);
    }
    return found;
  };
  return {
    options: active.options,
    lang: env.lang,
    today: env.today ?? new Date(),
    data: env.data,
    severity: active.severity,
    format: (messageId, data) => messageBuilder(active, '', env.lang).format(messageId, data),
    report: (file, input) => ({ file, message: builder(file).report(input) }),
  };
}

export function compareMessages(a: LintMessage, b: LintMessage): number {
  return (
    (a.page ?? 0) - (b.page ?? 0) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Adds `extra` to messages sorted by place, keeping the order `lintPlan` gives (a stable sort by place, then rule). */
export function mergeMessages(sorted: readonly LintMessage[], extra: readonly LintMessage[]): LintMessage[] {
  return extra.length === 0 ? [...sorted] : [...sorted, ...extra].sort(compareMessages);
}

/** A file linted where its Plan is: the per-file rules' messages (sorted by place) and its summary. */
export interface FileLint {
  messages: LintMessage[];
  summary: FileSummary;
  /** A rule read context.today for this file: the result holds for that day only (--cache keys it by the day). */
  readToday?: boolean;
}

/** Runs the per-file rules on one plan and summarizes it for the cross-file rules. */
export function lintFile(plan: Plan, rules: readonly ActiveRule[], env: LintEnvironment): FileLint {
  const messages: LintMessage[] = [];
  const summary: FileSummary = {
    version: SUMMARY_VERSION,
    filePath: plan.source.path,
    plan: planIdentity(plan),
    rules: {},
  };
  const today = env.today ?? new Date();
  const fileEnv = { ...env, today };
  let readToday = false;
  const todayGetter = { get: () => ((readToday = true), today), enumerable: true };
  for (const active of rules) {
    const { id } = active.rule.meta;
    try {
      const context = Object.defineProperty(createContext(active, plan, fileEnv), 'today', todayGetter);
      if (active.rule.check) {
        for (const message of active.rule.check(plan, context)) {
          if (!message || typeof message !== 'object' || message.ruleId !== id) {
            throw new Error('check() returned something that is not a message made by context.report()');
          }
          messages.push(message);
        }
      }
      const crossFile = active.rule.crossFile;
      if (crossFile) {
        const { options, lang, filePath, data, derived } = context;
        const summaryContext = Object.defineProperty(
          { options, lang, filePath, data, derived },
          'today',
          todayGetter,
        ) as SummaryContext;
        summary.rules[id] = { version: crossFile.version, data: crossFile.summarize(plan, summaryContext) };
      }
    } catch (error) {
      throw new RuleError(id, plan.source.path, error);
    }
  }
  return {
    messages: applyOcrConfidence(plan, messages, env.lang).sort(compareMessages),
    summary,
    ...(readToday ? { readToday } : {}),
  };
}

/**
 * The cross-file pass: each cross-file rule's `checkRun` once over the summaries of the run (in
 * input order). Returns the messages of each file, sorted by place. A summary without the rule's
 * part of this version is a bug of the caller (check them with `summaryProblem` first).
 */
export function crossFilePass(
  summaries: readonly FileSummary[],
  rules: readonly ActiveRule[],
  env: LintEnvironment,
): LintMessage[][] {
  const out: LintMessage[][] = summaries.map(() => []);
  const runEnv = { ...env, today: env.today ?? new Date() };
  for (const active of rules) {
    const crossFile = active.rule.crossFile;
    if (!crossFile) continue;
    const { id } = active.rule.meta;
    const files = summaries.map((s) => {
      const part = s.rules[id];
      if (!part || part.version !== crossFile.version)
        throw new RuleError(id, s.filePath, new Error(`no summary of version ${crossFile.version}`));
      return { filePath: s.filePath, summary: part.data };
    });
    try {
      for (const found of crossFile.checkRun(files, createRunContext(active, files, runEnv))) {
        if (!found || typeof found !== 'object' || found.message?.ruleId !== id || !out[found.file]) {
          throw new Error('checkRun() returned something that is not a message made by context.report()');
        }
        out[found.file]!.push(found.message);
      }
    } catch (error) {
      if (error instanceof RuleError) throw error;
      throw new RuleError(
        id,
        summaries.length === 1 ? summaries[0]!.filePath : `${summaries.length} files`,
        error,
      );
    }
  }
  return out.map((list) => list.sort(compareMessages));
}

/** Runs the rules on one plan; `files` are the other plans of the run (for cross-file rules). Messages sorted by place. */
export function lintPlan(
  plan: Plan,
  rules: readonly ActiveRule[],
  env: LintEnvironment,
  files: readonly Plan[] = [],
): LintMessage[] {
  return lintPlans([plan, ...files], rules, env)[0]!;
}

/** Runs the rules on every plan of a run: per file, then the cross-file pass over their summaries. */
export function lintPlans(
  plans: readonly Plan[],
  rules: readonly ActiveRule[],
  env: LintEnvironment,
): LintMessage[][] {
  const runEnv = { ...env, today: env.today ?? new Date() };
  const linted = plans.map((plan) => lintFile(plan, rules, runEnv));
  const crossFile = rules.some((r) => r.rule.crossFile)
    ? crossFilePass(
        linted.map((l) => l.summary),
        rules,
        runEnv,
      )
    : null;
  return linted.map((l, i) => (crossFile ? mergeMessages(l.messages, crossFile[i]!) : l.messages));
}
