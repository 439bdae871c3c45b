/**
 * Finding and reading the configuration: `--config FILE`, else kh.config.json or .khrc.json in
 * the working directory or the nearest parent that has one. No file: the defaults.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { nearest } from '../rules/util.js';
import { isMessageId, msg, type Message, type MessageValue } from '../i18n/index.js';
import { ConfigError } from './errors.js';
import { CONFIG_FILE_NAMES, ConfigSchema, type Config } from './schema.js';

export interface LoadedConfig {
  config: Config;
  /** The file read (as found or given), or null when none was found. */
  filePath: string | null;
  /** Directory that relative `documents` globs start from. */
  baseDir: string;
}

const TOP_LEVEL_KEYS = Object.keys(ConfigSchema.shape);

/** The config file for `cwd`: the first directory upward holding one. Two in one place: an error. */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    const found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).filter((path) => isFile(path));
    if (found.length > 1) {
      const [first, second] = CONFIG_FILE_NAMES;
      throw new ConfigError(msg('config.two-files', { first, second, dir }), null);
    }
    if (found.length === 1) return found[0]!;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads the configuration. `knownRuleIds`: every rule id (an unknown one is an error naming the
 * nearest known id).
 */
export function loadConfig(options: {
  cwd: string;
  configPath?: string | undefined;
  knownRuleIds: readonly string[];
}): LoadedConfig {
  const { cwd, configPath, knownRuleIds } = options;
  let filePath: string | null;
  if (configPath !== undefined) {
    filePath = configPath;
    const absolute = resolve(cwd, configPath);
    if (!existsSync(absolute)) {
      throw new ConfigError(msg('config.not-found'), configPath);
    }
    if (!isFile(absolute)) {
      throw new ConfigError(msg('config.is-directory'), configPath);
    }
  } else {
    filePath = findConfigFile(cwd);
  }
  if (filePath === null) return { config: {}, filePath: null, baseDir: resolve(cwd) };
  const absolute = resolve(cwd, filePath);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(msg('config.read-error', { code }), filePath, error);
  }
  const config = parseConfigText(text, filePath, knownRuleIds);
  return { config, filePath, baseDir: dirname(absolute) };
}

/** Parses and validates the text of a config file (`filePath` is only used in messages). */
export function parseConfigText(text: string, filePath: string, knownRuleIds: readonly string[]): Config {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(jsonErrorText(text, error), filePath, error);
  }
  const result = ConfigSchema.safeParse(data);
  if (!result.success) throw new ConfigError(issueText(result.error.issues[0]!), filePath, result.error);
  for (const id of Object.keys(result.data.rules ?? {})) {
    if (!knownRuleIds.includes(id)) throw new ConfigError(unknownRuleText(id, knownRuleIds), filePath);
  }
  return result.data;
}

export function unknownRuleText(id: string, knownRuleIds: readonly string[]): Message {
  const hint = nearest(id, knownRuleIds);
  return msg('config.unknown-rule', { id, hint: hint ? msg('config.did-you-mean', { hint }) : '' });
}

function jsonErrorText(text: string, error: unknown): Message {
  const raw = error instanceof Error ? error.message : String(error);
  const reason = raw
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/,\s*".*" is not valid JSON$/s, '');
  const position = raw.match(/at position (\d+)/);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return msg('config.json-at', { line, column, reason });
  }
  return msg('config.json', { reason });
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

function issueText(issue: z.core.$ZodIssue): Message {
  const where = pathText(issue.path);
  const at = (text: Message): Message => (where ? msg('config.at', { where, text }) : text);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const hint = issue.path.length === 0 ? nearest(key, TOP_LEVEL_KEYS) : null;
      const known = issue.path.length === 0 ? TOP_LEVEL_KEYS.join(', ') : '$comment, severity, options';
      return at(
        msg('config.unknown-key', { key, hint: hint ? msg('config.did-you-mean', { hint }) : '', known }),
      );
    }
    case 'invalid_union':
      if (issue.path[0] === 'rules') {
        return at(msg('config.rule-entry'));
      }
      break;
    case 'invalid_value':
      return at(
        msg('config.invalid-value', { values: issue.values.map((v) => JSON.stringify(v)).join(', ') }),
      );
    case 'invalid_type':
      return at(msg('config.wrong-type', { type: typeName(issue.expected) }));
    default:
      break;
  }
  return at(msg('config.zod-issue', { message: issue.message }));
}

/** zod's name of a type in the reader's words (a type the catalogue does not word: as zod says it). */
function typeName(expected: string): MessageValue {
  const id = `config.type.${expected}`;
  return isMessageId(id) ? msg(id) : expected;
}

export { issueText as describeZodIssue };
