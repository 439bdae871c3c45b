/**
 * `ownersOf`: the responsibility matrix of each plan (agencies × goals/indicators, lead or
 * support), against the reference plans and catalogues of `references` and kh.config.json. What
 * `kh owners` does before printing.
 */
import type { Plan } from '../plan/schema.js';
import type { Catalogue } from '../domain/catalogue.js';
import type { Matrix } from '../domain/matrix.js';
import { parseFiles, type ReadOptions } from './parse.js';

export type { Matrix } from '../domain/matrix.js';

export interface OwnersOptions extends ReadOptions {
  /** Reference plans or catalogues (--ref), relative to `cwd`. */
  references?: readonly string[] | undefined;
  /** A configuration file instead of looking for kh.config.json from `cwd`. */
  config?: string | undefined;
}

export type OwnersResult =
  { filePath: string; ok: true; matrix: Matrix } | { filePath: string; ok: false; error: unknown };

/** The catalogues of `references` and then of the config's "references"; throws ConfigError or ReferenceError. */
export async function loadOwnerReferences(
  options: Pick<OwnersOptions, 'references' | 'config' | 'cwd'> = {},
): Promise<Catalogue[]> {
  const cwd = options.cwd ?? process.cwd();
  const [{ configReferences }, { loadReferences }] = await Promise.all([
    import('../config/references.js'),
    import('../owners/references.js'),
  ]);
  const fromConfig = configReferences({ cwd, configPath: options.config });
  return [
    ...(await loadReferences(options.references ?? [], cwd)),
    ...(await loadReferences(fromConfig.files, fromConfig.baseDir)),
  ];
}

/** The matrix of one plan. */
export async function ownersOfPlan(plan: Plan, references: readonly Catalogue[] = []): Promise<Matrix> {
  const [{ buildMatrix }, { builtinData }] = await Promise.all([
    import('../domain/matrix.js'),
    import('../data/store.js'),
  ]);
  return buildMatrix(plan, builtinData, { references: [...references] });
}

/**
 * The matrix of each file, in order. The references are loaded first: a bad one (ConfigError,
 * ReferenceError) rejects the first step, before any file is read.
 */
export async function* ownersOf(
  files: readonly string[],
  options: OwnersOptions = {},
): AsyncGenerator<OwnersResult> {
  const references = await loadOwnerReferences(options);
  const [{ buildMatrix }, { builtinData }] = await Promise.all([
    import('../domain/matrix.js'),
    import('../data/store.js'),
  ]);
  for await (const result of parseFiles(files, { cwd: options.cwd, read: options.read })) {
    if (!result.ok) {
      yield { filePath: result.filePath, ok: false, error: result.error };
      continue;
    }
    let outcome: OwnersResult;
    try {
      outcome = {
        filePath: result.filePath,
        ok: true,
        matrix: buildMatrix(result.plan, builtinData, { references }),
      };
    } catch (error) {
      outcome = { filePath: result.filePath, ok: false, error };
    }
    yield outcome;
  }
}
