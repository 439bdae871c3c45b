/**
 * `kh merge-reports REPORT... [--format F] [-o FILE]`: see merge.ts. Exit codes as kh lint's: 0 no
 * errors; 1 errors or more warnings than --max-warnings; 2 a file of the run could not be read, the
 * reports do not make one run, or a usage error.
 */
import { resolve } from 'node:path';
import type { CliContext } from '../util/cli.js';
import type { Lang } from '../util/errors.js';
import { t } from '../i18n/index.js';
import { failWith, finishLint, onlyErrors, parseMaxWarnings } from '../cli/finish-lint.js';
import { OutputError } from '../util/output.js';
import { LintSetupError, resolveLintSettings } from '../api/lint.js';
import type { LintOptions } from '../cli/commands/lint.js';
import { crossFilePass, mergeMessages, RuleError } from '../rules/engine.js';
import { summaryProblem, type FileSummary } from '../rules/summary.js';
import { builtinData, createDataStore } from '../data/store.js';
import { fileResult, formatResults, toolVersion, type FileResult, type FormatName } from '../report/index.js';
import { settingsHash } from './cache.js';
import { CiError } from './errors.js';
import { suppressionStep } from './lint-ci.js';
import { joinParts, readPart } from './merge.js';

export interface MergeOptions extends Pick<
  LintOptions,
  | 'config'
  | 'rule'
  | 'strictCitations'
  | 'ref'
  | 'langExplicit'
  | 'suppressionsLocation'
  | 'passOnUnprunedSuppressions'
  | 'quiet'
  | 'maxWarnings'
  | 'output'
> {
  format: FormatName;
  cwd?: string | undefined;
}

// long: the steps of kh merge-reports in order (options, settings, parts, cross-file pass, suppressions, report, exit code)
export async function run(
  ctx: CliContext,
  reports: readonly string[],
  options: MergeOptions,
): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  let lang: Lang = ctx.lang;
  const fail = failWith(ctx);
  const maxWarnings = parseMaxWarnings(options.maxWarnings, lang);
  if (typeof maxWarnings === 'object') return fail(maxWarnings.bad);
  let settings;
  try {
    settings = await resolveLintSettings({ ...options, cwd, lang });
  } catch (error) {
    if (error instanceof LintSetupError) return fail(error.message, error.cause);
    throw error;
  }
  lang = settings.lang;
  const { active, loaded } = settings;
  const inputs = reports.map((r) => resolve(cwd, r));

  let results: FileResult[];
  try {
    const joined = joinParts(
      reports.map((r) => readPart(resolve(cwd, r), r)),
      toolVersion(),
    );
    if (joined.crossFile) {
      const knowledge = loaded.config.knowledge;
      if (settingsHash(active, knowledge) !== joined.settings) {
        throw new CiError('reports-other-settings');
      }
      lang = joined.lang!;
      const rules = active
        .filter((a) => a.rule.crossFile)
        .map((a) => ({ id: a.rule.meta.id, version: a.rule.crossFile!.version }));
      const read = joined.results.filter((r) => !r.fatal);
      for (const r of read) {
        const problem = summaryProblem(r.summary, rules);
        if (problem) throw new CiError('reports-summary-unusable', { document: r.filePath, problem });
      }
      const data = knowledge ? createDataStore({ knowledge }) : builtinData;
      const cross = rules.length
        ? crossFilePass(
            read.map((r) => r.summary as FileSummary),
            active,
            { lang, today: joined.today!, data },
          )
        : null;
      const crossOf = new Map(read.map((r, i) => [r, cross?.[i] ?? []]));
      results = joined.results.map((r) =>
        r.fatal
          ? fileResult(r.filePath, [], r.fatal)
          : fileResult(r.filePath, mergeMessages(r.messages, crossOf.get(r)!)),
      );
    } else {
      results = joined.results.map((r) => fileResult(r.filePath, r.messages, r.fatal));
    }
  } catch (error) {
    if (error instanceof CiError) return fail(error.describe(lang), error);
    if (error instanceof RuleError) return fail(error.describe(lang), error);
    throw error;
  }

  let unpruned: string | undefined;
  try {
    const step = suppressionStep(results, options, { cwd, inputs, lang });
    results = step.results;
    unpruned = step.unpruned;
  } catch (error) {
    if (error instanceof CiError || error instanceof OutputError) return fail(error.describe(lang), error);
    throw error;
  }
  if (options.quiet) results = onlyErrors(results);

  const text = await formatResults(options.format, results, {
    lang,
    color: ctx.color && options.output === undefined,
    cwd,
    rules: active.map((a) => a.rule),
    version: toolVersion(),
  });
  return finishLint(ctx, text, results, {
    output: options.output,
    cwd,
    inputs: inputs,
    unpruned,
    maxWarnings,
    lang,
    fail,
  });
}
