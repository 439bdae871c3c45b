/**
 * A file's summary: what the cross-file pass needs of a document once its Plan is gone (see
 * notes/CROSS-FILE.md). Plain JSON, versioned: a worker sends it with the file's messages, a cache
 * keeps it, a shard writes it into its JSON report, and `checkRun` of each cross-file rule reads
 * it. Nothing in it depends on the language of the messages.
 */
import type { Plan } from '../plan/schema.js';

/** Bumped when the envelope below changes; each rule's part carries its own `version` too. */
export const SUMMARY_VERSION = 1;

/** Who issued the plan and when, and the periods it covers: what identifies it among the others. */
export interface PlanIdentity {
  docType: string | null;
  number: string | null;
  symbol: string | null;
  issuer: string | null;
  issueDate: string | null;
  planYear: number | null;
  title: string | null;
  format: Plan['source']['format'];
  /** The plan's own periods ("giai đoạn 2021-2025"), not those of the documents it cites. */
  periods: { value: string | null; end: string | null }[];
}

export interface RuleSummary {
  /** The rule's `crossFile.version` when the summary was made. */
  version: number;
  data: unknown;
}

export interface FileSummary {
  version: typeof SUMMARY_VERSION;
  /** The file as the user named it (what messages show). */
  filePath: string;
  plan: PlanIdentity;
  /** By rule id: the summary of each active cross-file rule. */
  rules: Record<string, RuleSummary>;
}

export function planIdentity(plan: Plan): PlanIdentity {
  const { meta } = plan;
  return {
    docType: meta.docType,
    number: meta.number,
    symbol: meta.symbol,
    issuer: meta.issuer,
    issueDate: meta.issueDate,
    planYear: meta.planYear,
    title: meta.title,
    format: plan.source.format,
    periods: plan.dates
      .filter((d) => d.kind === 'period' && !d.inCitation)
      .map((d) => ({ value: d.value, end: d.end })),
  };
}

/**
 * Why a summary (read from a cache or another machine's report) cannot be used for these rules,
 * or null when it can: another envelope version, or a rule's part missing or of another version.
 */
export function summaryProblem(
  summary: unknown,
  rules: readonly { id: string; version: number }[],
): string | null {
  if (!summary || typeof summary !== 'object') return 'not an object';
  const s = summary as Partial<FileSummary>;
  if (s.version !== SUMMARY_VERSION)
    return `summary version ${String(s.version)} (this kh: ${SUMMARY_VERSION})`;
  if (typeof s.filePath !== 'string' || !s.plan || typeof s.rules !== 'object' || s.rules === null)
    return 'malformed summary';
  for (const { id, version } of rules) {
    const part = s.rules[id];
    if (!part) return `no summary for rule "${id}"`;
    if (part.version !== version) return `rule "${id}" summary version ${part.version} (this kh: ${version})`;
  }
  return null;
}
