/**
 * `kh cite FILE… [--format table|json|csv|md]`: the documents the plans cite, de-duplicated —
 * type, number/symbol, date, issuer, subject, status in the registry (src/data/legal-documents.json
 * + kh.config.json "knowledge"), and where each is cited. Across several files: one row per
 * document with the files that cite it; the same document cited with different dates or symbols
 * is marked as a disagreement. A bad file costs one line on stderr (exit 2); the others are listed.
 * The work is src/api/cite.ts's, the printing the "cite" reporters of src/report/reporters.ts.
 */
import type { CliContext } from '../../util/cli.js';
import { reportFileError } from '../../util/cli.js';

export type { CitedDocument, CitedPlace, CitedStatusKind } from '../../api/cite.js';

export interface CiteOptions {
  format: string;
  /** Default: process.cwd() (files and kh.config.json are looked up from here). */
  cwd?: string | undefined;
  config?: string | undefined;
}

export async function run(ctx: CliContext, files: readonly string[], options: CiteOptions): Promise<number> {
  const [{ citeFiles }, { ConfigError }, { render }] = await Promise.all([
    import('../../api/cite.js'),
    import('../../api/errors.js'),
    import('../../report/reporters.js'),
  ]);
  let result;
  try {
    result = await citeFiles(files, {
      cwd: options.cwd ?? process.cwd(),
      config: options.config,
      lang: ctx.lang,
    });
  } catch (error) {
    // A bad config: one line, exit 2.
    if (error instanceof ConfigError) {
      ctx.err(`kh: ${error.describe(ctx.lang)}\n`);
      return 2;
    }
    throw error;
  }
  for (const failure of result.failures) reportFileError(ctx, failure.filePath, failure.error);
  ctx.out(
    await render('cite', options.format, { documents: result.documents, multi: files.length > 1 }, ctx),
  );
  return result.failures.length > 0 ? 2 : 0;
}
