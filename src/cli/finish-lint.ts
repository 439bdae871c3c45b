/**
 * The end of a lint-style run, shared by `kh lint` and `kh merge-reports`: --quiet, printing or
 * writing the report (-o, never over an input), and the exit code.
 */
import type { Command } from 'commander';
import { errorStack, type CliContext } from '../util/cli.js';
import type { Lang } from '../util/errors.js';
import { t } from '../i18n/index.js';
import { OutputError, writeOutput } from '../util/output.js';
import { fileResult, totals, type FileResult } from '../report/index.js';
import { defaultReporter, reporterNames } from '../report/reporters.js';

/** --quiet: errors only (a file that could not be read stays). */
export function onlyErrors(results: FileResult[]): FileResult[] {
  return results.map((r) =>
    r.fatal
      ? r
      : fileResult(
          r.filePath,
          r.messages.filter((m) => m.severity === 'error'),
        ),
  );
}

export interface FinishOptions {
  output: string | undefined;
  cwd: string;
  /** Paths -o may not name. */
  inputs: string[];
  /** A suppressions file holding entries no longer needed (the message), or undefined. */
  unpruned: string | undefined;
  maxWarnings: number | undefined;
  lang: Lang;
  fail: (message: string, error?: unknown) => number;
}

/** Prints or writes `text`, then gives the exit code: 2 unreadable files, 1 errors or too many warnings. */
export function finishLint(ctx: CliContext, text: string, results: FileResult[], o: FinishOptions): number {
  if (o.output !== undefined) {
    try {
      writeOutput(o.output, text, { cwd: o.cwd, inputs: o.inputs });
    } catch (error) {
      if (error instanceof OutputError) return o.fail(error.describe(o.lang), error);
      throw error;
    }
  } else {
    ctx.out(text);
  }
  const sum = totals(results);
  if (o.unpruned !== undefined) return o.fail(o.unpruned);
  if (sum.fatals > 0) return 2;
  if (sum.errors > 0) return 1;
  if (o.maxWarnings !== undefined && sum.warnings > o.maxWarnings) {
    ctx.err(`kh: ${t(o.lang, 'lint.too-many-warnings', { count: sum.warnings, max: o.maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The options kh lint and kh merge-reports share: report format and output, limits, rule settings. */
export function addReportAndRuleOptions(command: Command, lang: Lang): Command {
  return command
    .addOption(
      command
        .createOption('-f, --format <format>', t(lang, 'help.lint.format'))
        .choices([...reporterNames('lint')])
        .default(defaultReporter('lint')),
    )
    .option('-o, --output <file>', t(lang, 'help.lint.output'))
    .option('--max-warnings <n>', t(lang, 'help.lint.max-warnings'))
    .option('-q, --quiet', t(lang, 'help.lint.quiet'))
    .option('-c, --config <file>', t(lang, 'help.lint.config'))
    .option('--rule <id:severity>', t(lang, 'help.lint.rule'), collect)
    .option('--strict-citations', t(lang, 'help.lint.strict-citations'))
    .option('--ref <file>', t(lang, 'help.lint.ref'), collect);
}

/** Those shared options as the commands take them. */
export function reportAndRuleOptions(options: Record<string, unknown>) {
  return {
    output: options.output as string | undefined,
    maxWarnings: options.maxWarnings as string | undefined,
    quiet: Boolean(options.quiet),
    config: options.config as string | undefined,
    rule: (options.rule as string[] | undefined) ?? [],
    strictCitations: Boolean(options.strictCitations),
    ref: (options.ref as string[] | undefined) ?? [],
  };
}

/** The command's way out on a usage or setup problem: one line (the stack with --debug), exit 2. */
export function failWith(ctx: CliContext) {
  return (message: string, error?: unknown): number => {
    ctx.err(`kh: ${message}\n`);
    if (ctx.debug && error !== undefined) ctx.err(`${errorStack(error)}\n`);
    return 2;
  };
}

/** --max-warnings as typed: a non-negative integer, undefined when absent, or the message saying it is not. */
export function parseMaxWarnings(
  value: number | string | undefined,
  lang: Lang,
): number | undefined | { bad: string } {
  if (value === undefined) return undefined;
  const raw = String(value).trim();
  return /^\d+$/.test(raw) ? Number(raw) : { bad: t(lang, 'lint.bad-max-warnings', { value: raw }) };
}
