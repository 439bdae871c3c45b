/**
 * `kh owners FILE… [--format table|json|csv|md] [--ref FILE…]`: the responsibility matrix of each
 * plan — agencies × goals/indicators (lead or support) — with the indicators nobody leads and
 * those led twice. Reference plans/catalogues come from --ref and kh.config.json "references".
 * A file that cannot be read: one line on stderr, exit 2 (the others are still printed).
 * The work is src/api/owners.ts's, the printing the "owners" reporters of src/report/reporters.ts.
 */
import type { CliContext } from '../../util/cli.js';
import { reportFileError } from '../../util/cli.js';
import type { Matrix } from '../../domain/matrix.js';

export interface OwnersOptions {
  format: string;
  ref?: string[] | undefined;
  config?: string | undefined;
  cwd?: string | undefined;
}

export async function run(ctx: CliContext, files: string[], options: OwnersOptions): Promise<number> {
  const [{ ownersOf }, { isUserError }, { render }] = await Promise.all([
    import('../../api/owners.js'),
    import('../../api/errors.js'),
    import('../../report/reporters.js'),
  ]);
  const matrices: { filePath: string; matrix: Matrix }[] = [];
  let failed = 0;
  try {
    for await (const result of ownersOf(files, {
      cwd: options.cwd,
      references: options.ref ?? [],
      config: options.config,
    })) {
      if (result.ok) matrices.push({ filePath: result.filePath, matrix: result.matrix });
      else {
        failed++;
        reportFileError(ctx, result.filePath, result.error);
      }
    }
  } catch (error) {
    // A bad configuration or reference (before any file is read): one line, exit 2.
    if (isUserError(error)) {
      ctx.err(`kh: ${error.describe(ctx.lang)}\n`);
      return 2;
    }
    throw error;
  }
  ctx.out(await render('owners', options.format, { files: matrices, single: files.length === 1 }, ctx));
  return failed > 0 ? 2 : 0;
}
