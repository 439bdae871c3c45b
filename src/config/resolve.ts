/**
 * From configuration to the rules the engine runs: each rule's severity (default, then the config
 * file, then --rule on the command line) and its options parsed with the rule's zod schema.
 */
import type { ActiveRule } from '../rules/engine.js';
import type { Rule, SeveritySetting } from '../rules/types.js';
import { msg } from '../i18n/index.js';
import { ConfigError } from './errors.js';
import { describeZodIssue, unknownRuleText } from './load.js';
import { normalizeEntry, SeveritySettingSchema, type Config } from './schema.js';

export interface RuleOverride {
  id: string;
  severity: SeveritySetting;
}

const SETTINGS = SeveritySettingSchema.options;

/** Parses one `--rule id:severity` value. */
export function parseRuleOverride(value: string, knownRuleIds: readonly string[]): RuleOverride {
  const match = value.trim().match(/^([^:=\s]+)\s*[:=]\s*(\S+)$/);
  if (!match) {
    throw new ConfigError(msg('config.rule-format', { value, settings: SETTINGS.join(', ') }));
  }
  const [, id, severity] = match as unknown as [string, string, string];
  if (!knownRuleIds.includes(id)) {
    throw new ConfigError(msg('config.rule-option', { text: unknownRuleText(id, knownRuleIds) }));
  }
  if (!(SETTINGS as readonly string[]).includes(severity)) {
    throw new ConfigError(msg('config.rule-severity', { id, severity, settings: SETTINGS.join(', ') }));
  }
  return { id, severity: severity as SeveritySetting };
}

/**
 * The enabled rules with severity and parsed options. `configPath` names the file in option
 * errors. Rules left out of the config run at their default severity with default options.
 */
export function resolveRules(
  rules: readonly Rule[],
  config: Config = {},
  overrides: readonly RuleOverride[] = [],
  configPath: string | null = null,
): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const id = rule.meta.id;
    const entry = config.rules?.[id];
    const { severity: configured, options: rawOptions } =
      entry !== undefined ? normalizeEntry(entry) : { severity: undefined, options: undefined };
    let severity: SeveritySetting = configured ?? rule.meta.defaultSeverity;
    for (const override of overrides) if (override.id === id) severity = override.severity;
    const parsed = rule.meta.options.safeParse(rawOptions ?? {});
    if (!parsed.success) {
      const detail = describeZodIssue(parsed.error.issues[0]!);
      throw new ConfigError(msg('config.rule-options', { id, detail }), configPath, parsed.error);
    }
    if (severity === 'off') continue;
    active.push({ rule, severity, options: parsed.data });
  }
  return active;
}
