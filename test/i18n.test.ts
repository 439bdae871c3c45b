/**
 * The message catalogue (src/i18n): every id in both languages with the same placeholders, ids
 * unique across the area files, literal braces escaped, and no language switch left in code
 * outside the catalogue (a text in two languages belongs in src/i18n/messages/<area>.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PARTS, catalogue } from '../src/i18n/catalogue.js';
import { msg, placeholdersOf, t, type Entry, type MessageId, type Text } from '../src/i18n/index.js';
import { ROOT } from './_build.js';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
const entries = Object.entries(catalogue) as [MessageId, Entry][];

/** The text with placeholders and escaped braces taken out: no brace may remain. */
const stripped = (text: string) => text.replace(/\{\{|\}\}|\{\w+\}/g, '');
const forms = (text: Text) => (typeof text === 'string' ? [text] : [text.one, text.other]);

describe('the message catalogue', () => {
  it('every id is in exactly one area file', () => {
    const ids = Object.values(CATALOGUE_PARTS).flatMap((part) => Object.keys(part));
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
    expect(ids.length).toBe(entries.length);
  });

  it.each(entries)('%s: both languages, the same placeholders, braces escaped', (_id, entry) => {
    for (const lang of ['vi', 'en'] as const) {
      for (const form of forms(entry[lang])) expect(stripped(form)).not.toMatch(/[{}]/);
    }
    const omitted = entry.viOmits ?? [];
    expect([...placeholdersOf(entry.vi), ...omitted].sort()).toEqual(placeholdersOf(entry.en));
    for (const name of omitted) expect(placeholdersOf(entry.vi)).not.toContain(name);
    const plural = [entry.vi, entry.en].some((text) => typeof text !== 'string');
    if (plural) expect(placeholdersOf(entry.en)).toContain('count');
  });

  it('Vietnamese texts are Vietnamese where the English differs (no English left in vi)', () => {
    const suspicious = entries.filter(([, e]) => {
      const vi = forms(e.vi).join(' ');
      const en = forms(e.en).join(' ');
      // a text that differs between the languages but has no Vietnamese letter, and is a sentence
      return vi !== en && !VIETNAMESE.test(vi) && /\b(the|is|not|and|of|with)\b/.test(stripped(vi));
    });
    expect(suspicious.map(([id]) => id)).toEqual([]);
  });

  it('t fills placeholders, nested messages and plural pairs; missing data is a bug', () => {
    expect(
      t('en', 'report.counts', {
        errors: msg('report.count.errors', { count: 1 }),
        warnings: msg('report.count.warnings', { count: 2 }),
        infos: msg('report.count.infos', { count: 0 }),
      }),
    ).toBe('1 error, 2 warnings, 0 info');
    expect(t('vi', 'report.count.errors', { count: 1 })).toBe('1 lỗi');
    expect(t('en', 'config.rule-entry')).toContain('{"severity": …, "options": {…}}');
    expect(() => t('en', 'lint.bad-today')).toThrow(/\{value\} has no data/);
    expect(t('vi', 'docx-problem.xml', { part: 'p.xml', detail: ' (entity)' })).toBe(
      'p.xml không phải XML hợp lệ',
    );
  });
});

/** A language switch in code: `lang === 'en'`, `ctx.lang !== 'vi'`, `const vi = lang === 'vi'` … */
const LANGUAGE_SWITCH = /\blang\s*[!=]==?\s*['"](?:vi|en)['"]|['"](?:vi|en)['"]\s*[!=]==?\s*\w*\.?lang\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('texts in two languages live in the catalogue', () => {
  it('no language switch outside src/i18n (add an entry to src/i18n/messages/<area>.ts and call t())', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const path = relative(ROOT, file);
      if (path.startsWith(join('src', 'i18n'))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (LANGUAGE_SWITCH.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
