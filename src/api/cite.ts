/**
 * `citeFiles`: the documents a set of plans cites, de-duplicated, with their registry status
 * (built-in registry + kh.config.json "knowledge"). What `kh cite` does before printing.
 */
import type { Lang } from '../util/errors.js';
import type { CitedDocument } from '../cite/collect.js';
import { parseFiles, type ReadOptions } from './parse.js';

export type { CitedDocument, CitedPlace, CitedStatusKind } from '../cite/collect.js';

export interface CiteOptions extends ReadOptions {
  /** Language of the status texts (default vi). */
  lang?: Lang | undefined;
  /** A configuration file instead of looking for kh.config.json from `cwd`. */
  config?: string | undefined;
}

export interface CiteResult {
  /** One entry per document, in order of first citation. */
  documents: CitedDocument[];
  /** The files that could not be read (the others are listed). */
  failures: { filePath: string; error: unknown }[];
}

/** Throws ConfigError for a bad configuration; a bad file goes to `failures`. */
export async function citeFiles(files: readonly string[], options: CiteOptions = {}): Promise<CiteResult> {
  const cwd = options.cwd ?? process.cwd();
  const [{ loadConfig }, { ruleIds }, { createDataStore }, { collectCitations }] = await Promise.all([
    import('../config/index.js'),
    import('../rules/index.js'),
    import('../data/store.js'),
    import('../cite/collect.js'),
  ]);
  // User entries from kh.config.json (the same discovery as kh lint).
  const loaded = loadConfig({ cwd, configPath: options.config, knownRuleIds: ruleIds() });
  const data = createDataStore({ knowledge: loaded.config.knowledge });
  const plans = [];
  const failures: CiteResult['failures'] = [];
  for await (const result of parseFiles(files, { cwd, read: options.read })) {
    if (result.ok) plans.push(result.plan);
    else failures.push({ filePath: result.filePath, error: result.error });
  }
  return { documents: collectCitations(plans, data, options.lang ?? 'vi'), failures };
}
