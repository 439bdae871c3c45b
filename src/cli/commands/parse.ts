/**
 * `kh parse FILE… [--format json|outline]`: the Plan tree of each file as JSON (one file → the
 * object, several → an array), or a readable outline. A bad file costs one line on stderr; the
 * others are still printed; exit code 2 when any failed. The reading is src/api/parse.ts's, the
 * printing the "parse" reporters of src/report/reporters.ts.
 */
import type { Plan } from '../../plan/schema.js';
import type { CliContext } from '../../util/cli.js';
import { reportFileError } from '../../util/cli.js';
import { readerOptions } from '../read-options.js';

export { formatOutline, shorten } from '../../report/outline.js';

export interface ParseOptions {
  format: string;
  maxFileSize?: string | undefined;
  timeoutPerFile?: string | undefined;
  ocr?: boolean;
}

export async function run(ctx: CliContext, files: string[], options: ParseOptions): Promise<number> {
  const reading = readerOptions(options, undefined, ctx.lang);
  if (typeof reading === 'string') {
    ctx.err(`kh: ${reading}\n`);
    return 2;
  }
  const [{ parseFiles }, { render }] = await Promise.all([
    import('../../api/parse.js'),
    import('../../report/reporters.js'),
  ]);
  const plans: Plan[] = [];
  let failed = 0;
  for await (const result of parseFiles(files, { read: reading })) {
    if (result.ok) plans.push(result.plan);
    else {
      failed++;
      reportFileError(ctx, result.filePath, result.error);
    }
  }
  ctx.out(await render('parse', options.format, { plans, single: files.length === 1 }, ctx));
  return failed > 0 ? 2 : 0;
}
