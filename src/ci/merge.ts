/**
 * `kh merge-reports part*.json`: the reports of `kh lint --shard i/n --format json` joined into the
 * report of the whole run, the way Playwright and Jest merge their shards. Each shard report holds
 * its files' per-file findings, their summaries and their positions in the whole run; the merge
 * puts the files back in that order, runs the cross-file pass once over every shard's summaries
 * (with the settings resolved here, which must be those the shards ran with), then applies the
 * suppressions file and --quiet, and prints any format. The result is the unsharded run's report.
 *
 * A plain `kh lint --format json` report (an array) is accepted too, alone: its findings are final
 * and are only rendered in another format (how the GitHub Action makes SARIF and annotations from
 * one run).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { storedMessageSchema as messageSchema } from './message-schema.js';
import type { FileSummary } from '../rules/summary.js';
import type { LintMessage } from '../rules/types.js';
import type { Lang } from '../util/errors.js';
import { CiError } from './errors.js';

export const SHARD_REPORT_VERSION = 1;

const resultSchema = z.object({
  filePath: z.string(),
  messages: z.array(messageSchema),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  infoCount: z.number().int(),
  fatal: z.object({ message: z.string() }).nullable(),
});
const shardResultSchema = resultSchema.extend({
  index: z.number().int().nonnegative(),
  summary: z.unknown(),
});
const shardReportSchema = z.object({
  khShardReport: z.literal(SHARD_REPORT_VERSION),
  khVersion: z.string(),
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }),
  files: z.number().int().nonnegative(),
  settings: z.string(),
  lang: z.enum(['vi', 'en']),
  today: z.string(),
  results: z.array(shardResultSchema),
});

export type ShardReport = z.infer<typeof shardReportSchema>;
type PlainResult = z.infer<typeof resultSchema>;

export type Part =
  | { path: string; kind: 'shard'; report: ShardReport }
  | { path: string; kind: 'plain'; results: PlainResult[] };

/** Reads one report. Throws CiError naming the file. */
export function readPart(path: string, shown = path): Part {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code
      ? new CiError('report-unreadable', { file: shown, code }, error)
      : new CiError('report-not-json', { file: shown }, error);
  }
  if (Array.isArray(data)) {
    const parsed = z.array(resultSchema).safeParse(data);
    if (parsed.success) return { path: shown, kind: 'plain', results: parsed.data };
  } else {
    const parsed = shardReportSchema.safeParse(data);
    if (parsed.success) return { path: shown, kind: 'shard', report: parsed.data };
    if (
      data &&
      typeof data === 'object' &&
      'khShardReport' in data &&
      (data as { khShardReport: unknown }).khShardReport !== SHARD_REPORT_VERSION
    ) {
      throw new CiError('report-other-format', { file: shown });
    }
  }
  throw new CiError('report-not-kh', { file: shown });
}

/** What the merge needs of the parts once they are known to fit together. */
export interface Joined {
  /** In the whole run's order. */
  results: {
    filePath: string;
    messages: LintMessage[];
    fatal: { message: string } | null;
    summary: FileSummary | null;
  }[];
  /** Whether the cross-file pass must run (shard reports); false for a plain report. */
  crossFile: boolean;
  lang: Lang | null;
  today: Date | null;
  settings: string | null;
  khVersion: string | null;
}

/** Checks that the parts make one whole run and orders its files. Throws CiError. */
export function joinParts(parts: readonly Part[], khVersion: string): Joined {
  if (parts.length === 0) throw new CiError('reports-none');
  const plain = parts.filter((p) => p.kind === 'plain');
  if (plain.length > 0) {
    if (parts.length > 1) {
      throw new CiError('reports-plain-not-alone', { file: plain[0]!.path });
    }
    const only = plain[0] as Extract<Part, { kind: 'plain' }>;
    return {
      results: only.results.map((r) => ({
        filePath: r.filePath,
        messages: r.messages as unknown as LintMessage[],
        fatal: r.fatal,
        summary: null,
      })),
      crossFile: false,
      lang: null,
      today: null,
      settings: null,
      khVersion: null,
    };
  }
  const shards = parts as Extract<Part, { kind: 'shard' }>[];
  const first = shards[0]!.report;
  for (const { path, report } of shards) {
    if (report.khVersion !== khVersion) {
      throw new CiError('reports-other-version', { file: path, theirs: report.khVersion, ours: khVersion });
    }
    const differs =
      (['settings', 'lang', 'today', 'files'] as const).find((key) => report[key] !== first[key]) ??
      (report.shard.count !== first.shard.count ? 'shard' : undefined);
    if (differs) {
      throw new CiError('reports-other-run', { file: path, first: shards[0]!.path, field: differs });
    }
  }
  const seen = new Map<number, string>();
  for (const { path, report } of shards) {
    const other = seen.get(report.shard.index);
    if (other)
      throw new CiError('reports-shard-repeated', {
        file: path,
        shard: `${report.shard.index}/${report.shard.count}`,
        other,
      });
    seen.set(report.shard.index, path);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    const list = missing.map((i) => `${i}/${first.shard.count}`).join(', ');
    throw new CiError('reports-shard-missing', { list });
  }
  const byIndex = new Map<number, Joined['results'][number]>();
  for (const { path, report } of shards) {
    for (const r of report.results) {
      if (r.index >= first.files || byIndex.has(r.index)) {
        throw new CiError('reports-bad-position', { file: path, document: r.filePath, index: r.index });
      }
      byIndex.set(r.index, {
        filePath: r.filePath,
        messages: r.messages as unknown as LintMessage[],
        fatal: r.fatal,
        summary: (r.summary ?? null) as FileSummary | null,
      });
    }
  }
  return {
    results: [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r),
    crossFile: true,
    lang: first.lang,
    today: new Date(first.today),
    settings: first.settings,
    khVersion: first.khVersion,
  };
}
