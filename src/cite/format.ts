/** kh cite's reports: a terminal table, JSON, CSV and Markdown (reporters of src/report/reporters.ts). */
import type { Lang } from '../util/errors.js';
import { viDate } from '../domain/knowledge-base.js';
import { squash } from '../util/whitespace.js';
import type { CitedDocument } from './collect.js';
import { CITE_MESSAGES as T } from './messages.js';

/** The report formats of kh cite (their names are declared in src/report/reporters.ts). */
export type CiteFormat = 'table' | 'json' | 'csv' | 'md';

function shorten(text: string | null, width: number): string {
  if (!text) return '';
  const flat = squash(text);
  return flat.length <= width ? flat : `${flat.slice(0, width - 1).trimEnd()}…`;
}

function placesText(doc: CitedDocument, multi: boolean): string {
  if (!multi) return doc.places.map((p) => `${p.line}:${p.column}`).join(', ');
  return doc.files
    .map(
      (f) =>
        `${f} (${doc.places
          .filter((p) => p.file === f)
          .map((p) => p.line)
          .join(', ')})`,
    )
    .join('; ');
}

function statusCell(doc: CitedDocument, lang: Lang): string {
  const mark =
    doc.status.confidence && doc.status.confidence !== 'V'
      ? ` [${doc.status.confidence}: ${T[lang].unverified}]`
      : '';
  return doc.status.text + mark;
}

function rows(docs: readonly CitedDocument[], lang: Lang, multi: boolean, width: number | null): string[][] {
  return docs.map((d, i) => [
    String(i + 1) + (d.disagreement ? ' !' : ''),
    d.label,
    d.date ? viDate(d.date) : '',
    width ? shorten(d.issuer, 28) : (d.issuer ?? ''),
    width ? shorten(d.subject, width) : (d.subject ?? ''),
    width ? shorten(statusCell(d, lang), 60) : statusCell(d, lang),
    placesText(d, multi),
  ]);
}

function disagreementNotes(docs: readonly CitedDocument[], lang: Lang): string[] {
  const t = T[lang];
  return docs.flatMap((d, i) =>
    d.disagreement
      ? [
          `! ${i + 1}. ${d.label}: ${t.disagreement} — ${t.dates}: ${d.dates.map(viDate).join(' / ') || '—'}; ${t.symbols}: ${d.symbols.join(' / ') || '—'}`,
        ]
      : [],
  );
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCitations(
  docs: readonly CitedDocument[],
  format: CiteFormat,
  lang: Lang,
  multi: boolean,
): string {
  const t = T[lang];
  if (format === 'json') return `${JSON.stringify(docs, null, 2)}\n`;
  if (format === 'csv') {
    const header = [
      'label',
      'docType',
      'number',
      'symbol',
      'date',
      'issuer',
      'subject',
      'status',
      'statusText',
      'registryKey',
      'files',
      'places',
      'dates',
      'symbols',
      'disagreement',
    ];
    const body = docs.map((d) =>
      [
        d.label,
        d.docType,
        d.number ?? '',
        d.symbol ?? '',
        d.date ?? '',
        d.issuer ?? '',
        d.subject ?? '',
        d.status.kind,
        d.status.text,
        d.registryKey ?? '',
        d.files.join(' '),
        d.places.map((p) => `${p.file}:${p.line}:${p.column}`).join(' '),
        d.dates.join(' '),
        d.symbols.join(' '),
        String(d.disagreement),
      ]
        .map(csvCell)
        .join(','),
    );
    return `${[header.join(','), ...body].join('\r\n')}\r\n`;
  }
  if (docs.length === 0) return `${t.none}\n`;
  if (format === 'md') {
    const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const lines = [`| ${t.headers.join(' | ')} |`, `|${t.headers.map(() => '---').join('|')}|`];
    for (const row of rows(docs, lang, multi, null)) lines.push(`| ${row.map(esc).join(' | ')} |`);
    const notes = disagreementNotes(docs, lang);
    return `${lines.join('\n')}\n${notes.length ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
  }
  // Terminal table.
  const table = [t.headers, ...rows(docs, lang, multi, 40)];
  const widths = t.headers.map((_, c) => Math.max(...table.map((r) => [...r[c]!].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - [...cell].length)))
      .join('  ')
      .trimEnd();
  const out = [line(table[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...table.slice(1).map(line)];
  const notes = disagreementNotes(docs, lang);
  const disagreements = docs.filter((d) => d.disagreement).length;
  return `${out.join('\n')}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}\n${t.summary(docs.length, disagreements)}\n`;
}
