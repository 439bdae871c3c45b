/**
 * The starter configuration written by `kh init`: every rule at its default severity with its
 * default options spelled out, each with a "$comment" telling what it checks, so the file
 * documents itself while staying plain JSON.
 */
import { t, type Lang } from '../i18n/index.js';
import type { Rule } from '../rules/types.js';
import type { Config } from './schema.js';

export function starterConfig(rules: readonly Rule[], lang: Lang): Config {
  const entries: NonNullable<Config['rules']> = {};
  for (const rule of rules) {
    const options = rule.meta.options.parse({}) as Record<string, unknown>;
    const entry: {
      $comment: string;
      severity: Rule['meta']['defaultSeverity'];
      options?: Record<string, unknown>;
    } = {
      $comment: rule.meta.description[lang],
      severity: rule.meta.defaultSeverity,
    };
    if (Object.keys(options).length > 0) entry.options = options;
    entries[rule.meta.id] = entry;
  }
  return { $comment: t(lang, 'config.starter-header'), lang, rules: entries };
}
