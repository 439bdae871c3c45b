/**
 * What `kh lint`'s CI options do around the run (src/cli/commands/lint.ts calls these at three
 * points): which files to read (--shard, --changed-since), the progress line, and the
 * suppressions file (read, applied, written with --suppress-all / --prune-suppressions).
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../util/errors.js';
import { t } from '../i18n/index.js';
import { assertNotInput } from '../util/output.js';
import { fileResult, type FileResult } from '../report/types.js';
import { changedFiles } from './changed.js';
import { CiError } from './errors.js';

export { CiError } from './errors.js';
import { parseShard, selectShard } from './shard.js';
import {
  CACHE_STRATEGIES,
  dataHash,
  DEFAULT_CACHE_LOCATION,
  LintCache,
  settingsHash,
  type CacheStrategy,
} from './cache.js';
import type { ActiveRule } from '../rules/engine.js';
import type { LintedFile } from '../api/lint.js';
import type { Target } from '../api/inputs.js';
import type { FileSummary } from '../rules/summary.js';
import { toolVersion } from '../report/index.js';
import { jsonResults } from '../report/json.js';
import { SHARD_REPORT_VERSION, type ShardReport } from './merge.js';
import {
  applySuppressions,
  DEFAULT_SUPPRESSIONS_FILE,
  loadSuppressions,
  pruneSuppressions,
  suppressAll,
  unusedCount,
  writeSuppressions,
} from './suppressions.js';

export interface CiLintOptions {
  /** --shard i/n */
  shard?: string | undefined;
  /** --changed-since REF */
  changedSince?: string | undefined;
  suppressAll?: boolean | undefined;
  pruneSuppressions?: boolean | undefined;
  /** Default: kh-suppressions.json in the working directory. */
  suppressionsLocation?: string | undefined;
  passOnUnprunedSuppressions?: boolean | undefined;
  /** --cache, --cache-location (default .khcache/ in the working directory). */
  cache?: boolean | undefined;
  cacheLocation?: string | undefined;
  /** --cache-strategy metadata|content (default metadata: see src/ci/cache.ts). */
  cacheStrategy?: string | undefined;
}

/** Checks the CI options that need no work (before the run starts). Throws CiError. */
export function checkCiOptions(options: CiLintOptions): void {
  if (options.shard !== undefined) parseShard(options.shard);
  if (options.shard !== undefined && (options.suppressAll || options.pruneSuppressions)) {
    throw new CiError('suppress-with-shard');
  }
  if (options.suppressAll && options.pruneSuppressions) {
    throw new CiError('suppress-and-prune');
  }
  if (
    options.cacheStrategy !== undefined &&
    !(CACHE_STRATEGIES as readonly string[]).includes(options.cacheStrategy)
  ) {
    throw new CiError('cache-strategy', { value: options.cacheStrategy });
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync.native(path); // the C library's: one call per path, not one lstat per component
  } catch {
    return path;
  }
}

/**
 * The targets of this run: those changed since the ref (inputs that failed before reading are
 * kept: they are usage errors), then those of the shard; `all` is every target before the
 * selection (the same array when nothing was selected). Throws CiError.
 */
export async function selectTargets<T extends { filePath: string; fatal?: string | undefined }>(
  all: T[],
  options: CiLintOptions,
  cwd: string,
): Promise<{ targets: T[]; all: T[] }> {
  const targets = await select(all, options, cwd);
  return { targets: targets.length === all.length ? all : targets, all };
}

async function select<T extends { filePath: string; fatal?: string | undefined }>(
  targets: T[],
  options: CiLintOptions,
  cwd: string,
): Promise<T[]> {
  let selected = targets;
  if (options.changedSince !== undefined) {
    const changed = await changedFiles(options.changedSince, cwd);
    const real = new Set([...changed].map(realOrResolved));
    selected = selected.filter(
      (t) =>
        t.fatal !== undefined ||
        changed.has(resolve(cwd, t.filePath)) ||
        real.has(realOrResolved(resolve(cwd, t.filePath))),
    );
  }
  if (options.shard !== undefined) selected = selectShard(selected, parseShard(options.shard), cwd);
  return selected;
}

export interface SuppressionOutcome {
  results: FileResult[];
  /** Lines for stderr (what was written). */
  notes: string[];
  /** Unused suppressions left: the run fails with this line (exit 2). */
  unpruned?: string;
}

/** Applies the suppressions file to the run's results, writing it first when asked. Throws CiError / OutputError. */
export function suppressionStep(
  results: FileResult[],
  options: CiLintOptions,
  context: { cwd: string; inputs: readonly string[]; lang: Lang },
): SuppressionOutcome {
  const { cwd, lang } = context;
  const shown = options.suppressionsLocation ?? DEFAULT_SUPPRESSIONS_FILE;
  const path = resolve(cwd, shown);
  const writing = Boolean(options.suppressAll || options.pruneSuppressions);
  if (!writing && !existsSync(path)) return { results, notes: [] };
  if (writing) assertNotInput(shown, { cwd, inputs: context.inputs }); // before reading it as JSON
  const existing = loadSuppressions(path, shown);
  const notes: string[] = [];
  let active = existing;
  if (writing) {
    active = options.suppressAll
      ? suppressAll(results, existing, cwd)
      : pruneSuppressions(results, existing, cwd);
    writeSuppressions(shown, active, { cwd, inputs: context.inputs });
    const files = Object.keys(active).length;
    let total = 0;
    for (const rules of Object.values(active)) for (const { count } of Object.values(rules)) total += count;
    notes.push(t(lang, 'ci.suppressed', { file: shown, total, files }));
  }
  const applied = applySuppressions(results, active, cwd);
  const unused = unusedCount(applied.unused);
  if (unused > 0 && !writing && !options.passOnUnprunedSuppressions) {
    const files = Object.keys(applied.unused).join(', ');
    return {
      results: applied.results,
      notes,
      unpruned: t(lang, 'ci.unpruned', { file: shown, unused, files }),
    };
  }
  return { results: applied.results, notes };
}

/** The cache of this run (--cache), keyed by everything the per-file results depend on. */
export function openCache(
  options: CiLintOptions,
  run: {
    active: readonly ActiveRule[];
    knowledge: unknown;
    lang: Lang;
    today: Date;
    cwd: string;
    ocr?: boolean | undefined;
  },
): LintCache {
  const location = resolve(run.cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION);
  return new LintCache(
    location,
    {
      khVersion: toolVersion(),
      settings: settingsHash(run.active, run.knowledge, { ocr: run.ocr }),
      lang: run.lang,
      today: run.today.toISOString().slice(0, 10),
      data: dataHash(),
    },
    run.active,
    { strategy: (options.cacheStrategy as CacheStrategy | undefined) ?? 'metadata' },
  );
}

/**
 * --changed-since with --cache: the summaries of the run's other files that the cache holds for
 * their current content (the others are left out of the cross-file pass: nothing is parsed for them).
 */
export function cachedSummaries<T extends { filePath: string; fatal?: string | undefined }>(
  cache: LintCache,
  all: readonly T[],
  targets: readonly T[],
  cwd: string,
): Map<T, FileSummary> {
  const selected = new Set(targets);
  const out = new Map<T, FileSummary>();
  for (const target of all) {
    if (selected.has(target) || target.fatal !== undefined) continue;
    const { hit } = cache.lookup(resolve(cwd, target.filePath), target.filePath, 'summary');
    if (hit) out.set(target, hit.summary);
  }
  return out;
}

/** A shard's `--format json` report: each file's per-file findings, summary and position in the whole run. */
export function shardReport(
  linted: readonly LintedFile[],
  session: {
    all: readonly Target[];
    targets: readonly Target[];
    active: readonly ActiveRule[];
    knowledge: unknown;
    lang: Lang;
    today: Date;
  },
  shard: string,
): string {
  const position = new Map(session.all.map((t, i) => [t, i]));
  const json = jsonResults(linted.map((r) => (r.fatal ? r : fileResult(r.filePath, r.fileMessages))));
  const report: ShardReport = {
    khShardReport: SHARD_REPORT_VERSION,
    khVersion: toolVersion(),
    shard: parseShard(shard),
    files: session.all.length,
    settings: settingsHash(session.active, session.knowledge),
    lang: session.lang,
    today: session.today.toISOString(),
    results: session.targets.map((target, i) => ({
      ...json[i]!,
      index: position.get(target)!,
      summary: linted[i]!.summary,
    })) as ShardReport['results'],
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
