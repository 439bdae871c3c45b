/**
 * The "references" of kh.config.json: reference plans and indicator catalogues, as paths relative
 * to the config file (read by src/owners/references.ts).
 */
import { loadConfig } from './load.js';
import { ruleIds } from '../rules/index.js';

export function configReferences(options: { cwd: string; configPath?: string | undefined }): {
  files: string[];
  baseDir: string;
} {
  const loaded = loadConfig({ cwd: options.cwd, configPath: options.configPath, knownRuleIds: ruleIds() });
  return { files: loaded.config.references ?? [], baseDir: loaded.baseDir };
}
