/**
 * `lintFiles(inputs, options)`: everything `kh lint` does but print — configuration, reference
 * plans, input expansion, reading (in a worker pool or one file at a time), the per-file rules,
 * the cross-file pass over the files' summaries, --fix, the onMessages hook — as an async
 * iterable of file results in input order. The CLI (src/cli/commands/lint.ts) only parses
 * arguments, prints and chooses the exit code; `prepareLint` gives it what it needs before any
 * document is read (language, rules, the input paths that -o may not name).
 *
 * Results stream as soon as each file and all files before it are done when no cross-file rule
 * is active; otherwise (and with --fix or onMessages) they come once every file has been read,
 * since a file's cross-file findings depend on all the others. Only messages and summaries are
 * kept meanwhile: with a pool no Plan reaches this thread, and one at a time each Plan is
 * dropped after its file (except with --fix, which relints the fixed plans).
 */
import { msg, t } from '../i18n/index.js';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, parseRuleOverride, resolveRules } from '../config/index.js';
import type { UserKnowledge } from '../domain/knowledge.js';
import { builtinData, createDataStore } from '../data/store.js';
import type { Plan } from '../plan/schema.js';
import { fileResult, type FileResult } from '../report/index.js';
import {
  crossFilePass,
  lintFile,
  lintPlans,
  mergeMessages,
  type ActiveRule,
  type FileLint,
  type LintEnvironment,
} from '../rules/engine.js';
import { rules as allRules, ruleIds } from '../rules/index.js';
import type { FileSummary } from '../rules/summary.js';
import type { LintMessage, Rule } from '../rules/types.js';
import { readerOptions } from '../cli/read-options.js';
import { describeError, type Lang } from '../util/errors.js';
import type { PlanReaderOptions } from '../workers/isolate.js';
import type { PackedLint } from '../workers/packed-lint.js';
import { expandInputs, type Target } from './inputs.js';
import type { CiLintOptions } from '../ci/lint-ci.js';
import type { LintCache } from '../ci/cache.js';

export interface LintFilesOptions extends CiLintOptions {
  /** Default: process.cwd(). */
  cwd?: string | undefined;
  config?: string | undefined;
  /** --rule overrides ("id:severity" or "id:{json}"). */
  rule?: string[] | undefined;
  /** Default "vi"; a config file's "lang" wins unless `langExplicit`. */
  lang?: Lang | undefined;
  langExplicit?: boolean | undefined;
  /** Default: KH_TODAY (YYYY-MM-DD) if set, else now. */
  today?: Date | undefined;
  /** citation-status also lists cited documents the registry does not know (info). */
  strictCitations?: boolean | undefined;
  /** Reference plans / indicator catalogues, added to the config's "references". */
  ref?: string[] | undefined;
  maxFileSize?: string | undefined;
  timeoutPerFile?: string | undefined;
  /** Only errors in the results (warnings and infos dropped). */
  quiet?: boolean | undefined;
  /** --fix: apply certain fixes to .txt/.md files; --fix-dry-run: list them, write nothing. */
  fix?: boolean | undefined;
  fixDryRun?: boolean | undefined;
  /**
   * Worker threads: a positive integer, "auto" (one per core, the default) or "off" (one file at
   * a time: parsed in one isolated worker, rules in this thread). --fix runs "off".
   */
  concurrency?: number | string | undefined;
  /** Called with each file's messages before the results (kh annotate reads the fixes there). */
  onMessages?: ((messages: { filePath: string; messages: LintMessage[] }[]) => void) | undefined;
  /** A line for the user (--fix notes). */
  note?: ((line: string) => void) | undefined;
  /** A file could not be read (it is a fatal result; this is for --debug). */
  onReadError?: ((filePath: string, error: unknown) => void) | undefined;
  /** After the files are read: how many came from --cache (null without it). For tests and the bench. */
  onCache?: ((stats: { hits: number; misses: number } | null) => void) | undefined;
}

/** One file's result: what the reporters print, plus what a cache or a shard's report keeps. */
export interface LintedFile extends FileResult {
  /** The file's summary for the cross-file pass; null when it could not be read. */
  summary: FileSummary | null;
  /** The per-file rules' messages (before --quiet): with the summary, all a cache needs. */
  fileMessages: LintMessage[];
}

/** The run cannot start (configuration, references, KH_TODAY, no inputs, options): one line, already in the run's language. */
export class LintSetupError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'LintSetupError';
  }
}

export interface LintSession {
  /** The language of the run (a config's "lang" may have set it). */
  lang: Lang;
  active: ActiveRule[];
  rules: Rule[];
  targets: Target[];
  /** Every target before --changed-since / --shard chose `targets` (the same array when they did not). */
  all: Target[];
  today: Date;
  knowledge: UserKnowledge | undefined;
  /** Every input of the run, resolved (documents, references, the config file): -o may not name one. */
  inputPaths: string[];
  /**
   * The results in input order (`onFile` after each file: the progress line). Throws RuleError
   * when a rule fails (an internal error: the run stops).
   */
  results(hooks?: { onFile?: () => void }): AsyncGenerator<LintedFile>;
}

function todayFrom(env: NodeJS.ProcessEnv): Date | ConfigError {
  const value = env.KH_TODAY?.trim();
  if (!value) return new Date();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(NaN);
  if (Number.isNaN(date.getTime())) return new ConfigError(msg('lint.bad-today', { value }));
  return date;
}

/**
 * The settings a run's rules depend on: configuration, rule overrides, --strict-citations,
 * reference plans, "today" (kh merge-reports resolves the same to run the cross-file pass).
 * Throws LintSetupError.
 */
export async function resolveLintSettings(options: LintFilesOptions = {}) {
  const cwd = options.cwd ?? process.cwd();
  let lang: Lang = options.lang ?? 'vi';
  // Configuration.
  let loaded;
  let active: ActiveRule[];
  try {
    loaded = loadConfig({ cwd, configPath: options.config, knownRuleIds: ruleIds() });
    if (!options.langExplicit && loaded.config.lang) lang = loaded.config.lang;
    const overrides = (options.rule ?? []).map((value) => parseRuleOverride(value, ruleIds()));
    active = resolveRules(allRules, loaded.config, overrides, loaded.filePath);
    if (options.strictCitations) {
      active = active.map((entry) =>
        entry.rule.meta.id === 'citation-status'
          ? { ...entry, options: { ...(entry.options as Record<string, unknown>), strict: true } }
          : entry,
      );
    }
  } catch (error) {
    if (error instanceof ConfigError) throw new LintSetupError(error.describe(lang), error);
    throw error;
  }
  // Reference plans and catalogues (--ref, "references"): handed to the rules that take them.
  try {
    const { loadReferences } = await import('../owners/references.js');
    const references = [
      ...(await loadReferences(options.ref ?? [], cwd)),
      ...(await loadReferences(loaded.config.references ?? [], loaded.baseDir)),
    ];
    if (references.length > 0) {
      active = active.map((a) => {
        const own = (a.options as { references?: unknown } | null)?.references;
        return Array.isArray(own)
          ? { ...a, options: { ...(a.options as object), references: [...references, ...own] } }
          : a;
      });
    }
  } catch (error) {
    const describe = (error as { describe?: (lang: Lang) => string }).describe;
    if (error instanceof Error && error.name === 'ReferenceError' && typeof describe === 'function')
      throw new LintSetupError(describe.call(error, lang), error);
    throw error;
  }
  const today = options.today ?? todayFrom(process.env);
  if (today instanceof ConfigError) throw new LintSetupError(today.describe(lang));
  return { loaded, active, lang, today };
}

/** Settles everything before reading: config, rules, references, today, inputs, limits. Throws LintSetupError. */
export async function prepareLint(
  inputs: readonly string[],
  options: LintFilesOptions = {},
): Promise<LintSession> {
  const cwd = options.cwd ?? process.cwd();
  const { parseConcurrency } = await import('../workers/lint-pool.js');
  const concurrency = parseConcurrency(options.concurrency);
  if (concurrency === null)
    throw new LintSetupError(
      t(options.lang ?? 'vi', 'lint.bad-concurrency', { value: String(options.concurrency) }),
    );
  const { loaded, active, lang, today } = await resolveLintSettings(options);

  // Inputs.
  let targets: Target[];
  if (inputs.length > 0) targets = await expandInputs(inputs, cwd, lang, cwd);
  else if (loaded.config.documents?.length)
    targets = await expandInputs(loaded.config.documents, loaded.baseDir, lang, cwd);
  else throw new LintSetupError(t(lang, 'lint.no-inputs'));

  // CI (src/ci/): --changed-since and --shard choose the targets; `all` keeps the whole run (the
  // cross-file context from the cache, a shard's positions).
  const ci = await import('../ci/lint-ci.js');
  let all = targets;
  try {
    ci.checkCiOptions(options);
    ({ targets, all } = await ci.selectTargets(targets, options, cwd));
  } catch (error) {
    if (error instanceof ci.CiError) throw new LintSetupError(error.describe(lang), error);
    throw error;
  }

  const reading = readerOptions(options, loaded.config.limits, lang);
  if (typeof reading === 'string') throw new LintSetupError(reading);
  const config = loaded;
  const inputPaths = [
    ...all.filter((t) => !t.fatal).map((t) => resolve(cwd, t.filePath)),
    ...(options.ref ?? []).map((ref) => resolve(cwd, ref)),
    ...(config.config.references ?? []).map((ref) => resolve(config.baseDir, ref)),
    ...(config.filePath ? [config.filePath] : []),
  ];
  const knowledge = config.config.knowledge;
  const env: LintEnvironment = {
    lang,
    today,
    data: knowledge ? createDataStore({ knowledge }) : builtinData,
  };
  const fixing = Boolean(options.fix || options.fixDryRun);
  const cache =
    options.cache && !fixing
      ? ci.openCache(options, { active, knowledge, lang, today, cwd, ocr: reading.ocr })
      : null;
  const run: Run = {
    cwd,
    active,
    env,
    targets,
    all,
    reading,
    knowledge,
    cache,
    shard: options.shard !== undefined,
    concurrency: fixing ? 'off' : concurrency,
  };
  return {
    lang,
    active,
    rules: active.map((a) => a.rule),
    targets,
    all,
    today,
    knowledge,
    inputPaths,
    results: (hooks) => lintRun(run, options, hooks?.onFile),
  };
}

/** `kh lint` as a library call: the results of every input, in order (see prepareLint for errors). */
export async function* lintFiles(
  inputs: readonly string[],
  options: LintFilesOptions = {},
): AsyncGenerator<LintedFile> {
  yield* (await prepareLint(inputs, options)).results();
}

interface Run {
  cwd: string;
  active: ActiveRule[];
  env: LintEnvironment;
  targets: Target[];
  all: Target[];
  reading: PlanReaderOptions;
  knowledge: UserKnowledge | undefined;
  /** --cache: per-file results looked up before reading, stored after. */
  cache: LintCache | null;
  /** --shard: the cross-file pass is left to kh merge-reports. */
  shard: boolean;
  concurrency: number | 'off';
  /** --changed-since with --cache: the other files' cached summaries (takeContext). */
  context?: Map<Target, FileSummary>;
}

/**
 * --changed-since with --cache and a cross-file rule: the run's other files take part through
 * their cached summaries. Taken once, while the workers start when there are files to read.
 */
function takeContext(run: Run, ci: typeof import('../ci/lint-ci.js')): void {
  if (
    run.context ||
    !run.cache ||
    run.all === run.targets ||
    run.shard ||
    !run.active.some((a) => a.rule.crossFile)
  )
    return;
  run.context = ci.cachedSummaries(run.cache, run.all, run.targets, run.cwd);
}

/** One file read and linted, or why not. */
type Settled = { lint: FileLint; plan?: Plan } | { fatal: string };
/** As it comes from the reading: a pool's result stays packed until it is used (PackedLint). */
type Outcome = Settled | { packed: PackedLint };
const settle = (outcome: Outcome): Settled =>
  'packed' in outcome ? { lint: outcome.packed.unpack() } : outcome;

async function* lintRun(
  run: Run,
  options: LintFilesOptions,
  onFile?: () => void,
): AsyncGenerator<LintedFile> {
  const { active, env, targets } = run;
  const keepPlans = Boolean(options.fix || options.fixDryRun);
  const crossFile = !run.shard && active.some((a) => a.rule.crossFile);
  const waitForAll = keepPlans || options.onMessages !== undefined || crossFile;
  const result = (target: Target, outcome: Settled, messages?: LintMessage[]): LintedFile => {
    if ('fatal' in outcome)
      return {
        ...fileResult(target.filePath, [], { message: outcome.fatal }),
        summary: null,
        fileMessages: [],
      };
    let shown = messages ?? outcome.lint.messages;
    if (options.quiet) shown = shown.filter((m) => m.severity === 'error');
    return {
      ...fileResult(target.filePath, shown),
      summary: outcome.lint.summary,
      fileMessages: outcome.lint.messages,
    };
  };

  const outcomes = readAndLint(run, options, keepPlans);
  if (!waitForAll) {
    let i = 0;
    for await (const outcome of outcomes) {
      onFile?.();
      (yield result(targets[i]!, settle(outcome)), i++);
    }
    options.onCache?.(run.cache ? { hits: run.cache.hits, misses: run.cache.misses } : null);
    await saveCache(run);
    return;
  }
  const read: (Outcome | null)[] = [];
  for await (const outcome of outcomes) {
    onFile?.();
    read.push(outcome);
  }
  // The workers are closed by now: unpacked one by one, each packed result released as it goes.
  const all = read.map((outcome, i) => ((read[i] = null), settle(outcome!)));
  options.onCache?.(run.cache ? { hits: run.cache.hits, misses: run.cache.misses } : null);
  const linted = all.flatMap((o) => ('lint' in o ? [o] : []));
  const cross = crossFile ? await crossFileMessages(run, all) : null;
  let messageLists = linted.map((o, i) =>
    cross ? mergeMessages(o.lint.messages, cross[i]!) : o.lint.messages,
  );
  if (keepPlans) {
    const { fixFiles } = await import('../fix/apply.js');
    const plans = linted.map((o) => o.plan!);
    const relint = (fixed: Plan[]) => lintPlans(fixed, active, env);
    messageLists = await fixFiles(plans, messageLists, {
      write: Boolean(options.fix) && !options.fixDryRun,
      cwd: run.cwd,
      lang: env.lang,
      relint,
      note: (line) => options.note?.(line),
    });
  }
  await saveCache(run);
  const final = new Map(linted.map((o, i) => [o as Settled, messageLists[i]!]));
  options.onMessages?.(
    linted.map((o, i) => ({ filePath: o.lint.summary.filePath, messages: messageLists[i]! })),
  );
  for (const [i, outcome] of all.entries()) yield result(targets[i]!, outcome, final.get(outcome));
}

/**
 * The cross-file rules' messages of each file that was read, in the order of the read ones. In the
 * whole run's order; with --changed-since and --cache the other files take part through their
 * cached summaries (their own findings are not reported).
 */
async function crossFileMessages(run: Run, all: Settled[]): Promise<LintMessage[][]> {
  const { active, env, targets } = run;
  const own = new Map(
    targets.flatMap((t, i) =>
      'lint' in all[i]! ? [[t, (all[i] as { lint: FileLint }).lint.summary] as const] : [],
    ),
  );
  takeContext(run, await import('../ci/lint-ci.js'));
  const context = run.context ?? new Map<Target, FileSummary>();
  const runFiles = run.all.filter((t) => own.has(t) || context.has(t));
  const pass = crossFilePass(
    runFiles.map((t) => own.get(t) ?? context.get(t)!),
    active,
    env,
  );
  const byTarget = new Map(runFiles.map((t, i) => [t, pass[i]!]));
  return targets.flatMap((t) => (own.has(t) ? [byTarget.get(t)!] : []));
}

/** --cache: stores this run's results and prunes (the run's inputs are every target before --changed-since / --shard). */
async function saveCache(run: Run): Promise<void> {
  await run.cache?.save(run.all.flatMap((t) => (t.fatal ? [] : [resolve(run.cwd, t.filePath)])));
}

/**
 * Each target's outcome, in input order. A file that cannot be read is a fatal outcome (its
 * reason in the run's language); a rule that fails throws RuleError.
 */
// long: one file through reader, cache and rules with its error handling in order; split with the pool work
async function* readAndLint(
  run: Run,
  options: LintFilesOptions,
  keepPlans: boolean,
): AsyncGenerator<Outcome> {
  const { targets, env, cwd } = run;
  const lang = env.lang;
  const readable = targets.filter((t) => !t.fatal).length;
  let closing = false;
  const failed = (target: Target, error: unknown): Outcome => {
    if (!closing) options.onReadError?.(target.filePath, error);
    run.cache?.forget(resolve(cwd, target.filePath));
    return { fatal: describeError(error, lang) };
  };
  const { lintWorkerPath, LintPool } = await import('../workers/lint-pool.js');
  const { readOptionsOf } = await import('../workers/isolate.js');
  const workerPath = lintWorkerPath();
  // --cache: every file's entry looked up first, so that a run with nothing to read starts no worker.
  const { cache } = run;
  const lookups = cache
    ? targets.map((t) => (t.fatal ? null : cache.lookup(resolve(cwd, t.filePath), t.filePath)))
    : null;
  const hitOf = (i: number) => lookups?.[i]?.hit ?? null;
  const store = (i: number, lint: FileLint) => {
    const lookup = lookups?.[i];
    if (cache && lookup) cache.set(resolve(cwd, targets[i]!.filePath), lookup, lint);
  };
  const toRead = lookups ? lookups.filter((l) => l !== null && !l.hit).length : readable;

  if (run.concurrency !== 'off' && workerPath !== null && toRead > 0) {
    const { RuleError } = await import('../rules/engine.js');
    const pool = new LintPool(workerPath, {
      threads: Math.min(run.concurrency, toRead),
      timeoutMs: run.reading.timeoutMs,
      memoryMb: run.reading.memoryMb,
      setup: {
        rules: run.active.map((a) => ({ id: a.rule.meta.id, severity: a.severity, options: a.options })),
        lang,
        today: (env.today ?? new Date()).toISOString(),
        knowledge: run.knowledge,
        limits: run.reading.limits!,
        read: readOptionsOf(run.reading),
      },
    });
    try {
      // Every file is queued at once (piscina runs as many as there are workers); each promise
      // settles to an outcome, so none rejects unawaited, and they are taken in input order.
      const pending = targets.map((target, i): Promise<Outcome | RuleErrorOutcome> =>
        target.fatal
          ? Promise.resolve({ fatal: target.fatal })
          : hitOf(i)
            ? Promise.resolve({ lint: hitOf(i)! })
            : pool.lintPacked(resolve(cwd, target.filePath), target.filePath).then(
                (packed) => (cache ? store(i, packed.unpack()) : undefined, { packed }),
                (error: unknown) =>
                  error instanceof RuleError ? { ruleError: error } : failed(target, error),
              ),
      );
      // The workers start meanwhile: the other files' summaries are looked up now, not after.
      takeContext(run, await import('../ci/lint-ci.js'));
      for (const next of pending) {
        const outcome = await next;
        if ('ruleError' in outcome) throw outcome.ruleError;
        yield outcome;
      }
    } finally {
      closing = true;
      await pool.close();
    }
    return;
  }

  // One file at a time: parsed in one isolated worker (isolate.ts), linted here.
  const { openPlanReader } = await import('../workers/isolate.js');
  const reader = openPlanReader(run.reading);
  try {
    for (const [i, target] of targets.entries()) {
      if (target.fatal) {
        yield { fatal: target.fatal };
        continue;
      }
      const hit = hitOf(i);
      if (hit) {
        yield { lint: hit };
        continue;
      }
      let plan: Plan;
      try {
        plan = await reader.read(resolve(cwd, target.filePath));
      } catch (error) {
        yield failed(target, error);
        continue;
      }
      plan.source.path = target.filePath; // messages name the file as the user gave it
      const lint = lintFile(plan, run.active, env);
      store(i, lint);
      yield keepPlans ? { lint, plan } : { lint };
    }
  } finally {
    await reader.close();
  }
}

type RuleErrorOutcome = { ruleError: Error };
