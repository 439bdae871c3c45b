import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  ConfigSchema,
  findConfigFile,
  loadConfig,
  parseConfigText,
  parseRuleOverride,
  resolveRules,
  starterConfig,
} from '../src/config/index.js';
import { rules, ruleIds } from '../src/rules/index.js';

const root = mkdtempSync(join(tmpdir(), 'kh-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dir(...parts: string[]): string {
  const path = join(root, ...parts);
  mkdirSync(path, { recursive: true });
  return path;
}

/** The localized line of a ConfigError thrown by `fn`. */
function configError(fn: () => unknown, lang: 'vi' | 'en' = 'vi'): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).describe(lang);
  }
  throw new Error('no ConfigError thrown');
}

const known = ruleIds();

describe('finding the config file', () => {
  it('from the working directory upward; the nearest wins', () => {
    const top = dir('up', 'a');
    const deep = dir('up', 'a', 'b', 'c');
    writeFileSync(join(top, 'kh.config.json'), '{"rules": {"repeated-phrase": "error"}}');
    expect(findConfigFile(deep)).toBe(join(top, 'kh.config.json'));
    const loaded = loadConfig({ cwd: deep, knownRuleIds: known });
    expect(loaded.filePath).toBe(join(top, 'kh.config.json'));
    expect(loaded.baseDir).toBe(top);
    expect(loaded.config.rules).toEqual({ 'repeated-phrase': 'error' });

    writeFileSync(join(top, 'b', '.khrc.json'), '{"rules": {"repeated-phrase": "off"}}');
    expect(findConfigFile(deep)).toBe(join(top, 'b', '.khrc.json'));
  });

  it('none found: defaults, no file', () => {
    const lonely = dir('lonely');
    // tmpdir's parents hold no kh config on a test machine; guard anyway.
    const found = findConfigFile(lonely);
    if (found === null)
      expect(loadConfig({ cwd: lonely, knownRuleIds: known })).toEqual({
        config: {},
        filePath: null,
        baseDir: lonely,
      });
  });

  it('both names in one directory: an error', () => {
    const both = dir('both');
    writeFileSync(join(both, 'kh.config.json'), '{}');
    writeFileSync(join(both, '.khrc.json'), '{}');
    expect(configError(() => findConfigFile(both))).toBe(
      `có cả kh.config.json và .khrc.json trong ${both}; hãy giữ một tệp`,
    );
  });

  it('--config FILE is used as given; a missing one is an error', () => {
    const cwd = dir('explicit');
    writeFileSync(join(cwd, 'other.json'), '{"lang": "en"}');
    expect(loadConfig({ cwd, configPath: 'other.json', knownRuleIds: known })).toMatchObject({
      filePath: 'other.json',
      config: { lang: 'en' },
      baseDir: cwd,
    });
    expect(configError(() => loadConfig({ cwd, configPath: 'missing.json', knownRuleIds: known }))).toBe(
      'missing.json: không tìm thấy tệp cấu hình',
    );
    expect(
      configError(() => loadConfig({ cwd, configPath: 'missing.json', knownRuleIds: known }), 'en'),
    ).toBe('missing.json: configuration file not found');
  });
});

describe('validating the config file: one clear line', () => {
  const parse = (text: string) => () => parseConfigText(text, 'kh.config.json', known);

  it('accepts every rule-entry form and the documented keys', () => {
    const config = parseConfigText(
      JSON.stringify({
        $comment: 'x',
        lang: 'en',
        documents: ['**/*.docx'],
        rules: { 'repeated-phrase': ['warning', { maxWords: 3 }] },
      }),
      'kh.config.json',
      known,
    );
    expect(config.rules?.['repeated-phrase']).toEqual(['warning', { maxWords: 3 }]);
    for (const entry of [
      'off',
      'info',
      ['error'],
      { severity: 'error' },
      { severity: 'info', options: {}, $comment: 'c' },
    ]) {
      expect(() =>
        parseConfigText(JSON.stringify({ rules: { 'repeated-phrase': entry } }), 'k', known),
      ).not.toThrow();
    }
  });

  it('bad JSON: line and column', () => {
    expect(configError(parse('{\n  "rules": {\n    "repeated-phrase": "error",\n  }\n}'))).toMatch(
      /^kh\.config\.json: JSON không hợp lệ ở dòng 4, cột 3 \(.+\)$/,
    );
    expect(configError(parse(''), 'en')).toMatch(
      /^kh\.config\.json: invalid JSON \(Unexpected end of JSON input\)$/,
    );
  });

  it('unknown rule id: named, with the nearest known id', () => {
    expect(configError(parse('{"rules": {"repeated-phrases": "error"}}'))).toBe(
      'kh.config.json: không có quy tắc "repeated-phrases" (có phải ý bạn là "repeated-phrase"?); xem danh sách bằng lệnh kh rules',
    );
    expect(configError(parse('{"rules": {"repeat": "error"}}'), 'en')).toBe(
      'kh.config.json: unknown rule "repeat" (did you mean "repeated-phrase"?); see kh rules for the list',
    );
  });

  it('unknown top-level key: with the nearest key', () => {
    expect(configError(parse('{"rule": {}}'), 'en')).toBe(
      'kh.config.json: unknown key "rule" (did you mean "rules"?); known keys: $comment, lang, documents, rules, references, knowledge, limits',
    );
  });

  it('bad severity, bad lang, bad documents', () => {
    expect(configError(parse('{"rules": {"repeated-phrase": "warn"}}'), 'en')).toBe(
      'kh.config.json: rules.repeated-phrase: must be "off", "info", "warning", "error", [severity, {options}] or {"severity": …, "options": {…}}',
    );
    expect(configError(parse('{"lang": "fr"}'))).toBe(
      'kh.config.json: lang: giá trị không hợp lệ; chọn một trong: "vi", "en"',
    );
    expect(configError(parse('{"documents": "*.docx"}'))).toBe(
      'kh.config.json: documents: sai kiểu: cần mảng',
    );
    expect(configError(parse('[]'), 'en')).toBe('kh.config.json: wrong type: expected object');
  });

  it('invalid options of a known rule: named with the field', () => {
    const config = ConfigSchema.parse({ rules: { 'repeated-phrase': ['error', { maxWords: 'ba' }] } });
    expect(configError(() => resolveRules(rules, config, [], 'kh.config.json'))).toMatch(
      /^kh\.config\.json: rules\.repeated-phrase: tùy chọn không hợp lệ — maxWords: sai kiểu: cần số$/,
    );
  });
});

describe('--rule id:severity', () => {
  it('parses', () => {
    expect(parseRuleOverride('repeated-phrase:error', known)).toEqual({
      id: 'repeated-phrase',
      severity: 'error',
    });
    expect(parseRuleOverride(' repeated-phrase=off ', known)).toEqual({
      id: 'repeated-phrase',
      severity: 'off',
    });
  });

  it('rejects an unknown id (nearest named), a bad severity, a bad shape', () => {
    expect(configError(() => parseRuleOverride('repeted-phrase:error', known))).toBe(
      '--rule: không có quy tắc "repeted-phrase" (có phải ý bạn là "repeated-phrase"?); xem danh sách bằng lệnh kh rules',
    );
    expect(configError(() => parseRuleOverride('repeated-phrase:fatal', known), 'en')).toBe(
      '--rule repeated-phrase: invalid severity "fatal"; choose one of: off, info, warning, error',
    );
    expect(configError(() => parseRuleOverride('repeated-phrase', known), 'en')).toMatch(
      /^--rule "repeated-phrase": expected rule:severity/,
    );
  });
});

describe('kh init starter config', () => {
  it.each(['vi', 'en'] as const)('is valid, lists every rule at its defaults, documented in %s', (lang) => {
    const starter = starterConfig(rules, lang);
    const text = JSON.stringify(starter, null, 2);
    const reparsed = parseConfigText(text, 'kh.config.json', known);
    expect(reparsed.lang).toBe(lang);
    expect(Object.keys(reparsed.rules ?? {})).toEqual(known);
    const active = resolveRules(rules, reparsed);
    expect(active.map((a) => [a.rule.meta.id, a.severity])).toEqual(
      rules.map((r) => [r.meta.id, r.meta.defaultSeverity]),
    );
    for (const rule of rules) {
      const entry = reparsed.rules![rule.meta.id] as { $comment: string; options?: unknown };
      expect(entry.$comment).toBe(rule.meta.description[lang]);
      expect(entry.options ?? {}).toEqual(rule.meta.options.parse({}));
    }
    expect(starter.$comment).toContain(lang === 'vi' ? 'kh explain' : 'kh explain');
  });
});
