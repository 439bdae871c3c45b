/**
 * Finding and reading the configuration: `--config FILE`, else kh.config.json or .khrc.json in
 * the working directory or the nearest parent that has one. No file: the defaults.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { nearest } from '../rules/util.js';
import { ConfigError, type LocalizedText } from './errors.js';
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
      throw new ConfigError(
        {
          vi: `có cả ${CONFIG_FILE_NAMES.join(' và ')} trong ${dir}; hãy giữ một tệp`,
          en: `both ${CONFIG_FILE_NAMES.join(' and ')} are in ${dir}; keep one`,
        },
        null,
      );
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
export function loadConfig(options: { cwd: string; configPath?: string | undefined; knownRuleIds: readonly string[] }): LoadedConfig {
  const { cwd, configPath, knownRuleIds } = options;
  let filePath: string | null;
  if (configPath !== undefined) {
    filePath = configPath;
    const absolute = resolve(cwd, configPath);
    if (!existsSync(absolute)) {
      throw new ConfigError({ vi: 'không tìm thấy tệp cấu hình', en: 'configuration file not found' }, configPath);
    }
    if (!isFile(absolute)) {
      throw new ConfigError({ vi: 'đây là thư mục, không phải tệp cấu hình', en: 'is a directory, not a configuration file' }, configPath);
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
    throw new ConfigError({ vi: `không đọc được tệp cấu hình (${code})`, en: `cannot read the configuration file (${code})` }, filePath, error);
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

export function unknownRuleText(id: string, knownRuleIds: readonly string[]): LocalizedText {
  const hint = nearest(id, knownRuleIds);
  return {
    vi: `không có quy tắc "${id}"${hint ? ` (có phải ý bạn là "${hint}"?)` : ''}; xem danh sách bằng lệnh kh rules`,
    en: `unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; see kh rules for the list`,
  };
}

function jsonErrorText(text: string, error: unknown): LocalizedText {
  const raw = error instanceof Error ? error.message : String(error);
  const reason = raw.replace(/\s*in JSON at position \d+.*$/s, '').replace(/,\s*".*" is not valid JSON$/s, '');
  const position = raw.match(/at position (\d+)/);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return {
      vi: `JSON không hợp lệ ở dòng ${line}, cột ${column} (${reason})`,
      en: `invalid JSON at line ${line}, column ${column} (${reason})`,
    };
  }
  return { vi: `JSON không hợp lệ (${reason})`, en: `invalid JSON (${reason})` };
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

function issueText(issue: z.core.$ZodIssue): LocalizedText {
  const where = pathText(issue.path);
  const at = (text: LocalizedText): LocalizedText => (where ? { vi: `${where}: ${text.vi}`, en: `${where}: ${text.en}` } : text);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const hint = issue.path.length === 0 ? nearest(key, TOP_LEVEL_KEYS) : null;
      const known = issue.path.length === 0 ? TOP_LEVEL_KEYS.join(', ') : '$comment, severity, options';
      return at({
        vi: `khóa không hợp lệ "${key}"${hint ? ` (có phải ý bạn là "${hint}"?)` : ''}; các khóa dùng được: ${known}`,
        en: `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; known keys: ${known}`,
      });
    }
    case 'invalid_union':
      if (issue.path[0] === 'rules') {
        return at({
          vi: 'phải là "off", "info", "warning", "error", ["mức", {tùy chọn}] hoặc {"severity": …, "options": {…}}',
          en: 'must be "off", "info", "warning", "error", [severity, {options}] or {"severity": …, "options": {…}}',
        });
      }
      break;
    case 'invalid_value':
      return at({
        vi: `giá trị không hợp lệ; chọn một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        en: `invalid value; choose one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      });
    case 'invalid_type':
      return at({
        vi: `sai kiểu: cần ${typeName(issue.expected, 'vi')}`,
        en: `wrong type: expected ${typeName(issue.expected, 'en')}`,
      });
    default:
      break;
  }
  return at({ vi: issue.message, en: issue.message });
}

function typeName(expected: string, lang: 'vi' | 'en'): string {
  const vi: Record<string, string> = { string: 'chuỗi', number: 'số', array: 'mảng', object: 'đối tượng', boolean: 'true/false', record: 'đối tượng' };
  const en: Record<string, string> = { record: 'object' };
  return (lang === 'vi' ? vi[expected] : en[expected]) ?? expected;
}

export { issueText as describeZodIssue };
