/** Configuration of `kh lint`: the file format, finding and reading it, and resolving rules. */
export { ConfigError } from './errors.js';
export {
  CONFIG_FILE_NAMES,
  ConfigSchema,
  RuleEntrySchema,
  normalizeEntry,
  type Config,
  type RuleEntry,
} from './schema.js';
export { findConfigFile, loadConfig, parseConfigText, type LoadedConfig } from './load.js';
export { parseRuleOverride, resolveRules, type RuleOverride } from './resolve.js';
export { starterConfig } from './starter.js';
