/**
 * `kh owners FILE… [--format table|json|csv|md] [--ref FILE…]`: the responsibility matrix of each
 * plan — agencies × goals/indicators (lead or support) — with the indicators nobody leads and
 * those led twice. Reference plans/catalogues come from --ref and kh.config.json "references".
 * A file that cannot be read: one line on stderr, exit 2 (the others are still printed).
 */
import type { CliContext } from '../../util/cli.js';
import { reportFileError } from '../../util/cli.js';
import { buildMatrix } from '../../domain/matrix.js';
import { builtinData } from '../../data/store.js';
import { renderOwners, summarize, type OwnersFormat } from '../../owners/render.js';
import { loadReferences, ReferenceError } from '../../owners/references.js';
import type { Catalogue } from '../../domain/catalogue.js';

export interface OwnersOptions {
  format: OwnersFormat;
  ref?: string[] | undefined;
  config?: string | undefined;
  cwd?: string | undefined;
}

export async function run(ctx: CliContext, files: string[], options: OwnersOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  let references: Catalogue[] = [];
  try {
    const { configReferences } = await import('../../config/references.js');
    const fromConfig = configReferences({ cwd, configPath: options.config });
    references = [...(await loadReferences(options.ref ?? [], cwd)), ...(await loadReferences(fromConfig.files, fromConfig.baseDir))];
  } catch (error) {
    if (error instanceof ReferenceError) {
      ctx.err(`kh: ${error.describe(ctx.lang)}\n`);
      return 2;
    }
    const describe = (error as { describe?: (lang: string) => string }).describe;
    if (typeof describe === 'function') {
      ctx.err(`kh: ${describe.call(error, ctx.lang)}\n`);
      return 2;
    }
    throw error;
  }

  // Each file in a worker with the default limits (src/workers/isolate.ts).
  const { openPlanReader } = await import('../../workers/isolate.js');
  const reader = openPlanReader();
  let failed = 0;
  const outputs: string[] = [];
  const json: unknown[] = [];
  for (const file of files) {
    try {
      const plan = await reader.read(file);
      const matrix = buildMatrix(plan, builtinData.strategy, { references });
      if (options.format === 'json') json.push(summarize(file, matrix, ctx.lang));
      else outputs.push(renderOwners(file, matrix, options.format, { lang: ctx.lang, color: ctx.color }));
    } catch (error) {
      failed++;
      reportFileError(ctx, file, error);
    }
  }
  await reader.close();
  if (options.format === 'json') {
    if (json.length > 0) ctx.out(`${JSON.stringify(files.length === 1 ? json[0] : json, null, 2)}\n`);
  } else {
    ctx.out(outputs.join('\n'));
  }
  return failed > 0 ? 2 : 0;
}
