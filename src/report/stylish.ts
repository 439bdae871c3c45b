/**
 * `--format stylish` (default): grouped by file,
 *
 *   van-ban/ke-hoach.txt
 *     12:5  cảnh báo  Cụm từ "các" bị gõ lặp liền nhau  repeated-phrase
 *                     các các
 *
 *   ✖ 0 lỗi, 1 cảnh báo, 0 thông tin
 *
 * The excerpt (dimmed) stands under the message; PDF pages and .docx paragraphs prefix it.
 * Colours only when the context says so (a terminal, no --no-color, no NO_COLOR, no -o FILE).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { msg, t, type Lang } from '../i18n/index.js';
import type { LintMessage, Severity } from '../rules/types.js';
import { countsData, totals, type FileResult, type Formatter, type Totals } from './types.js';

/** The report's words in `lang` (src/i18n/messages/report.ts). */
function wordsOf(lang: Lang) {
  return {
    severity: {
      error: t(lang, 'stylish.severity.error'),
      warning: t(lang, 'stylish.severity.warning'),
      info: t(lang, 'stylish.severity.info'),
    } as Record<Severity, string>,
    fatal: t(lang, 'stylish.fatal'),
    page: t(lang, 'report.page'),
    paragraph: t(lang, 'report.paragraph'),
    suggestion: t(lang, 'stylish.suggestion'),
    counts: (totals: Totals) => t(lang, 'report.counts', countsData(totals)),
    fatals: (n: number) => t(lang, 'stylish.fatals', { count: n }),
    clean: (files: number) => t(lang, 'stylish.clean', { files: msg('report.files', { count: files }) }),
  };
}

function colorOf(c: ChalkInstance, severity: Severity): ChalkInstance {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.blue;
}

function place(message: Pick<LintMessage, 'page' | 'paragraph'>, lang: Lang): string {
  const w = wordsOf(lang);
  if (message.page !== undefined) return `[${w.page} ${message.page}] `;
  return '';
}

function formatFile(result: FileResult, c: ChalkInstance, lang: Lang): string[] {
  const w = wordsOf(lang);
  const lines = [c.underline(result.filePath)];
  if (result.fatal) {
    lines.push(`  ${c.red(w.fatal)}  ${result.fatal.message}`);
    return lines;
  }
  const positions = result.messages.map((m) => `${m.line}:${m.column}`);
  const posWidth = Math.max(...positions.map((p) => p.length));
  const sevWidth = Math.max(...result.messages.map((m) => w.severity[m.severity].length));
  const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);
  result.messages.forEach((m, i) => {
    const severity = w.severity[m.severity];
    lines.push(
      `  ${c.dim(positions[i]!.padEnd(posWidth))}  ${colorOf(c, m.severity)(severity.padEnd(sevWidth))}  ${m.message}  ${c.dim(m.ruleId)}`,
    );
    const where = place(m, lang);
    if (m.excerpt || where) lines.push(`${indent}${c.dim(`${where}${m.excerpt}`)}`);
    if (m.suggestion !== undefined)
      lines.push(`${indent}${c.dim(`→ ${w.suggestion}: `)}${c.green(m.suggestion)}`);
    for (const r of m.related ?? []) {
      const file = r.filePath ? `${r.filePath}:` : '';
      lines.push(
        `${indent}${c.dim(`↳ ${file}${r.line}:${r.column}  ${r.message}${r.excerpt ? ` — ${r.excerpt}` : ''}`)}`,
      );
    }
  });
  return lines;
}

export const format: Formatter = (results, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const w = wordsOf(context.lang);
  const blocks: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0 && !result.fatal) continue;
    blocks.push(formatFile(result, c, context.lang).join('\n'));
  }
  const t = totals(results);
  if (blocks.length === 0) return `${c.green('✔')} ${w.clean(t.files)}\n`;
  const summaryParts = [w.counts(t)];
  if (t.fatals) summaryParts.push(w.fatals(t.fatals));
  const mark = t.errors || t.fatals ? c.red.bold('✖') : t.warnings ? c.yellow.bold('✖') : c.blue.bold('✖');
  return `${blocks.join('\n\n')}\n\n${mark} ${c.bold(summaryParts.join(', '))}\n`;
};
