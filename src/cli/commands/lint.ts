/**
 * `kh lint FILES|DIRS|GLOBS…`: read each document, run the configured rules, report.
 *
 * Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 fatal: a file that
 * could not be read (the others are still linted and reported), a bad configuration, a usage
 * error, or an internal error (a rule that threw — the run stops, nothing is reported as a finding).
 */
import { discoveredExtensions } from '../../parse/formats.js';
import type { CliContext } from '../../util/cli.js';
import { errorStack } from '../../util/cli.js';
import type { Lang } from '../../util/errors.js';
import { t } from '../../i18n/index.js';
import { failWith, finishLint, onlyErrors, parseMaxWarnings } from '../finish-lint.js';
import { assertNotInput, OutputError } from '../../util/output.js';
import { RuleError } from '../../rules/engine.js';
import type { LintMessage } from '../../rules/types.js';
import { formatResults, toolVersion, type FileResult, type FormatName } from '../../report/index.js';
import { LintSetupError, prepareLint, type LintedFile, type LintSession } from '../../api/lint.js';
import type { CiLintOptions } from '../../ci/lint-ci.js';
import type { ProgressStream } from '../../ci/progress.js';

export { expandInputs } from '../../api/inputs.js';
export const LINT_EXTENSIONS = discoveredExtensions(); // the input-format table (src/parse/formats.ts)

export interface LintOptions extends CiLintOptions {
  format: FormatName;
  output?: string | undefined;
  /** A non-negative integer (a string as typed on the command line is checked here). */
  maxWarnings?: number | string | undefined;
  quiet?: boolean | undefined;
  config?: string | undefined;
  rule?: string[] | undefined;
  /** --lang or KH_LANG was given: it wins over the config file's "lang". */
  langExplicit?: boolean | undefined;
  /** Default: process.cwd(). */
  cwd?: string | undefined;
  /** Default: KH_TODAY (YYYY-MM-DD) if set, else now. */
  today?: Date | undefined;
  /** citation-status also lists cited documents the registry does not know (info). */
  strictCitations?: boolean | undefined;
  /** Reference plans / indicator catalogues (--ref), added to the config's "references". */
  ref?: string[] | undefined;
  /** --max-file-size (e.g. "200MB"), --timeout-per-file (seconds), over the config's "limits". */
  maxFileSize?: string | undefined;
  timeoutPerFile?: string | undefined;
  ocr?: boolean;
  /** --fix: apply certain fixes to .txt/.md files; --fix-dry-run: list them, write nothing. */
  fix?: boolean | undefined;
  fixDryRun?: boolean | undefined;
  /** --concurrency: a positive integer, "auto" (default) or "off". */
  concurrency?: number | string | undefined;
  /** Called with each file's messages before the report (kh annotate reads the fixes there). */
  onMessages?: ((messages: { filePath: string; messages: LintMessage[] }[]) => void) | undefined;
  /** Called after the files are read: how many came from --cache (null without it). For tests and the bench. */
  onCache?: ((stats: { hits: number; misses: number } | null) => void) | undefined;
  /** Where the progress line goes (default process.stderr; drawn only on a terminal). */
  progress?: ProgressStream | undefined;
}

// long: the steps of kh lint in order (options, session, fixes, CI steps, report, exit code)
export async function run(ctx: CliContext, inputs: readonly string[], options: LintOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  let lang: Lang = ctx.lang;
  const fail = failWith(ctx);

  const maxWarnings = parseMaxWarnings(options.maxWarnings, lang);
  if (typeof maxWarnings === 'object') return fail(maxWarnings.bad);

  // Configuration, references, inputs and limits (any problem: one line, exit 2).
  let session: LintSession;
  try {
    session = await prepareLint(inputs, {
      ...options,
      quiet: false, // applied below, after the suppressions (which count every finding)
      cwd,
      lang,
      note: (line) => ctx.err(`${line}\n`),
      onReadError: ctx.debug
        ? (filePath, error) => ctx.err(`kh: ${filePath}: ${errorStack(error)}\n`)
        : undefined,
    });
  } catch (error) {
    if (error instanceof LintSetupError) return fail(error.message, error.cause);
    throw error;
  }
  lang = session.lang;
  // -o may not name an input (checked before any work, and again when writing).
  if (options.output !== undefined) {
    try {
      assertNotInput(options.output, { cwd, inputs: session.inputPaths });
    } catch (error) {
      if (error instanceof OutputError) return fail(error.describe(lang), error);
      throw error;
    }
  }

  // Read and lint (a file that is too large, too slow or crashes the parser costs a fatal
  // finding for that file only; a rule that fails stops the run).
  const ci = await import('../../ci/lint-ci.js');
  const progress = (await import('../../ci/progress.js')).createProgress(
    options.progress ?? process.stderr,
    session.targets.length,
    { quiet: options.quiet, lang },
  );
  const linted: LintedFile[] = [];
  const shard = options.shard !== undefined;
  try {
    // Only a shard's report needs the summaries and per-file messages: dropped here otherwise,
    // before the report is built (a run's largest moment in memory).
    for await (const result of session.results({ onFile: () => progress.tick() }))
      linted.push(shard ? result : { ...result, summary: null, fileMessages: [] });
  } catch (error) {
    if (error instanceof RuleError) return fail(error.describe(lang), error);
    throw error;
  } finally {
    progress.end();
  }
  let results: FileResult[] = linted;

  // Suppressions (kh-suppressions.json, --suppress-all, --prune-suppressions), then --quiet; a
  // shard's suppressions are applied by kh merge-reports, after the cross-file pass.
  let unpruned: string | undefined;
  try {
    const step = shard
      ? null
      : ci.suppressionStep(results, options, { cwd, inputs: session.inputPaths, lang });
    if (step) {
      results = step.results;
      unpruned = step.unpruned;
      for (const note of step.notes) ctx.err(`${note}\n`);
    }
  } catch (error) {
    if (error instanceof OutputError || error instanceof ci.CiError) return fail(error.describe(lang), error);
    throw error;
  }
  if (options.quiet) results = onlyErrors(results);

  // Report (a shard's JSON report carries each file's summary and position for kh merge-reports).
  const text =
    shard && options.format === 'json'
      ? ci.shardReport(linted, session, options.shard!)
      : await formatResults(options.format, results, {
          lang,
          color: ctx.color && options.output === undefined,
          cwd,
          rules: session.rules,
          version: toolVersion(),
        });
  return finishLint(ctx, text, results, {
    output: options.output,
    cwd,
    inputs: session.inputPaths,
    unpruned,
    maxWarnings,
    lang,
    fail,
  });
}
