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
import type { Lang } from '../util/errors.js';
import { DOCUMENT_START, excerptOf, fromPosition, locate, type SourceRange } from '../util/location.js';
import type { DataStore } from '../domain/data-store.js';
import {
  SEVERITY_RANK,
  type LintMessage,
  type RelatedInput,
  type RelatedLocation,
  type ReportData,
  type ReportInput,
  type ReportTarget,
  type Rule,
  type RuleContext,
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
    return lang === 'en'
      ? `internal error in rule "${this.ruleId}" while checking ${this.filePath} (${reason}); run again with --debug and report it`
      : `lỗi nội bộ ở quy tắc "${this.ruleId}" khi kiểm tra tệp ${this.filePath} (${reason}); hãy chạy lại với --debug và báo lỗi`;
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
  if (target.position) return { range: fromPosition(target.position), excerpt: '' };
  return { range: { ...DOCUMENT_START }, excerpt: '' };
}

export function createContext(
  active: ActiveRule,
  plan: Plan,
  files: readonly Plan[],
  env: LintEnvironment,
): RuleContext<any, string> {
  const { rule, severity } = active;
  const { lang } = env;
  const template = (messageId: string) => {
    const found = Object.hasOwn(rule.meta.messages, messageId) ? rule.meta.messages[messageId] : undefined;
    if (!found) throw new Error(`unknown messageId "${messageId}"`);
    return found;
  };
  const format = (messageId: string, data?: ReportData) => fillTemplate(template(messageId)[lang], data);
  const related = (input: RelatedInput): RelatedLocation => {
    const { range, excerpt } = targetRange(input);
    const location: RelatedLocation = { message: format(input.messageId, input.data), ...range, excerpt: input.excerpt ?? excerpt };
    if (input.filePath !== undefined && input.filePath !== plan.source.path) location.filePath = input.filePath;
    return location;
  };
  return {
    options: active.options,
    lang,
    today: env.today ?? new Date(),
    filePath: plan.source.path,
    files,
    data: env.data,
    derived: (key, compute, of = plan) => derivedOf(of, key, compute),
    severity,
    format,
    report(input: ReportInput): LintMessage {
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
      const fix = input.fix && input.node ? sourceFix(input.node, input.fix.range ?? input.range, input.fix.text) : null;
      if (fix) message.fix = fix;
      if (input.fix && input.node) {
        const [start, end] = input.fix.range ?? input.range ?? [0, input.node.text.length];
        const sameRange = !input.fix.range || (input.range !== undefined && input.range[0] === start && input.range[1] === end);
        if (sameRange && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= input.node.text.length) {
          message.textFix = { expected: input.node.text.slice(start, end), text: input.fix.text };
        }
      }
      return message;
    },
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

/** Runs the rules on one plan; `files` are the other plans of the run. Messages sorted by place. */
export function lintPlan(
  plan: Plan,
  rules: readonly ActiveRule[],
  env: LintEnvironment,
  files: readonly Plan[] = [],
): LintMessage[] {
  const messages: LintMessage[] = [];
  const today = env.today ?? new Date();
  for (const active of rules) {
    const id = active.rule.meta.id;
    try {
      const context = createContext(active, plan, files, { ...env, today });
      for (const message of active.rule.check(plan, context)) {
        if (!message || typeof message !== 'object' || message.ruleId !== id) {
          throw new Error('check() returned something that is not a message made by context.report()');
        }
        messages.push(message);
      }
    } catch (error) {
      throw new RuleError(id, plan.source.path, error);
    }
  }
  return messages.sort(compareMessages);
}

/** Runs the rules on every plan of a run, each seeing the others as `files`. */
export function lintPlans(plans: readonly Plan[], rules: readonly ActiveRule[], env: LintEnvironment): LintMessage[][] {
  const today = env.today ?? new Date();
  return plans.map((plan) =>
    lintPlan(
      plan,
      rules,
      { ...env, today },
      plans.filter((other) => other !== plan),
    ),
  );
}
