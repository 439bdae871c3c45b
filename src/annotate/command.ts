/**
 * `kh annotate plan.docx [-o out.docx] [--force] [--fix]`: lint the plan, then write a copy of it
 * with one Word comment per finding (src/api/annotate.ts does the work). The findings come from
 * `kh lint`'s own run (JSON report captured), so configuration, --rule and --ref mean the same
 * as there.
 *
 * Exit codes: 0 the copy was written; 2 bad input (not a .docx, unreadable, output exists, output
 * is the input, cannot write).
 */
import type { CliContext } from '../util/cli.js';
import { errorStack } from '../util/cli.js';
import { t } from '../i18n/index.js';
import type { AnnotateFinding, AnnotateFix } from '../api/annotate.js';

export { commentBody, defaultOutputPath } from '../api/annotate.js';

export interface AnnotateOptions {
  output?: string | undefined;
  force?: boolean | undefined;
  config?: string | undefined;
  rule?: string[] | undefined;
  ref?: string[] | undefined;
  langExplicit?: boolean | undefined;
  cwd?: string | undefined;
  /** Also write the certain fixes (as kh lint --fix) as tracked changes by "kh". */
  fix?: boolean | undefined;
}

/** kh lint ended without a report for the file (a bad config …): its stderr and exit code. */
class LintFailed extends Error {
  constructor(
    readonly lines: string[],
    readonly exitCode: number,
  ) {
    super('kh lint failed');
  }
}

export async function run(ctx: CliContext, input: string, options: AnnotateOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const lang = ctx.lang;
  const fail = (message: string, error?: unknown) => {
    ctx.err(`kh: ${message}\n`);
    if (ctx.debug && error !== undefined) ctx.err(`${errorStack(error)}\n`);
    return 2;
  };
  const [{ annotateDocx, AnnotateError }, { isUserError }] = await Promise.all([
    import('../api/annotate.js'),
    import('../api/errors.js'),
  ]);

  // The findings: kh lint's own run on this one file, reported as JSON.
  const lintFindings = async (file: string) => {
    let report = '';
    const errors: string[] = [];
    const { run: lint } = await import('../cli/commands/lint.js');
    const fixes: AnnotateFix[] = [];
    const code = await lint(
      { ...ctx, color: false, out: (text) => (report += text), err: (text) => errors.push(text) },
      [file],
      {
        format: 'json',
        config: options.config,
        rule: options.rule,
        ref: options.ref,
        langExplicit: options.langExplicit,
        cwd,
        onMessages: (files) => {
          if (!options.fix) return;
          for (const m of files[0]?.messages ?? []) {
            if (m.textFix && m.paragraph !== undefined && m.endLine === m.line) {
              fixes.push({
                paragraph: m.paragraph,
                column: m.column,
                expected: m.textFix.expected,
                text: m.textFix.text,
              });
            }
          }
        },
      },
    );
    const [result] = report
      ? (JSON.parse(report) as { messages: AnnotateFinding[]; fatal: { message: string } | null }[])
      : [];
    if (!result) throw new LintFailed(errors, code === 0 ? 2 : code);
    if (result.fatal) throw new LintFailed([`kh: ${file}: ${result.fatal.message}\n`], 2);
    return { findings: result.messages, fixes };
  };

  try {
    const done = await annotateDocx(input, {
      output: options.output,
      force: options.force,
      cwd,
      lang,
      findings: lintFindings,
    });
    ctx.err(
      `${t(lang, 'annotate.done', { file: done.output, count: done.comments, onText: done.onText, onParagraph: done.comments - done.onText })}${options.fix ? t(lang, 'annotate.fixed', { fixed: done.fixed, of: done.fixes }) : ''}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof LintFailed) {
      for (const line of error.lines) ctx.err(line);
      return error.exitCode;
    }
    if (error instanceof AnnotateError || isUserError(error)) return fail(error.describe(lang), error);
    throw error;
  }
}
