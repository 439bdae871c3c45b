/**
 * `kh diff OLD NEW`: what changed between two plans, by structure (src/diff).
 *
 * OLD and NEW are files kh parses, or two plan years (`kh diff 2023 2024`): see src/api/diff.ts,
 * which does the work; this module checks the options, prints through the "diff" reporters of
 * src/report/reporters.ts or writes -o.
 * Exit codes: 0 the report was written (whatever it says); 2 bad input or no single pair found.
 */
import { resolve } from 'node:path';
import type { CliContext } from '../../util/cli.js';
import { errorStack } from '../../util/cli.js';
import { assertNotInput, writeOutput } from '../../util/output.js';
import { t } from '../../i18n/index.js';
import { readerOptions } from '../read-options.js';

export { registryResolver } from '../../api/diff.js';

export interface DiffOptions {
  format: string;
  output?: string | undefined;
  dir?: string | undefined;
  issuer?: string | undefined;
  config?: string | undefined;
  maxFileSize?: string | undefined;
  timeoutPerFile?: string | undefined;
  ocr?: boolean;
  /** For tests: where relative paths start (default process.cwd()). */
  cwd?: string;
}

export async function run(
  ctx: CliContext,
  oldArg: string,
  newArg: string,
  options: DiffOptions,
): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const fail = (message: string, error?: unknown) => {
    ctx.err(`kh: ${message}\n`);
    if (ctx.debug && error) ctx.err(`${errorStack(error)}\n`);
    return 2;
  };
  const reading = readerOptions(options, undefined, ctx.lang);
  if (typeof reading === 'string') return fail(reading);
  const [{ diffFiles, diffYears }, { isUserError }, { render }] = await Promise.all([
    import('../../api/diff.js'),
    import('../../api/errors.js'),
    import('../../report/reporters.js'),
  ]);
  try {
    // Two files: -o may not name either (checked before reading; years: when writing).
    if (options.output && !diffYears(oldArg, newArg, cwd))
      assertNotInput(options.output, { cwd, inputs: [resolve(cwd, oldArg), resolve(cwd, newArg)] });
    const result = await diffFiles(oldArg, newArg, {
      cwd,
      read: reading,
      dir: options.dir,
      issuer: options.issuer,
      config: options.config,
      lang: ctx.lang,
    });
    const text = await render('diff', options.format, result, {
      lang: ctx.lang,
      color: ctx.color && !options.output,
    });
    if (options.output) {
      writeOutput(options.output, text, { cwd, inputs: result.inputs });
      ctx.err(t(ctx.lang, 'diff.written', { file: options.output }));
    } else ctx.out(text);
    return 0;
  } catch (error) {
    if (isUserError(error)) return fail(error.describe(ctx.lang), error);
    throw error;
  }
}
