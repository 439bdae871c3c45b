/**
 * Rendering of the responsibility matrix (kh owners): a terminal table, JSON, CSV and Markdown.
 * Columns are the indicators ("3.2" = chỉ tiêu 2 của Mục tiêu 3), rows the agencies; a cell is
 * the agency's duty (lead / support). Indicators nobody leads and those led twice are listed.
 */
import { t, type Lang } from '../i18n/index.js';
import type { Matrix, MatrixIndicator } from '../domain/matrix.js';
import { SELF, isDoubleLed, leadKeys } from '../domain/matrix.js';
import { squash } from '../util/whitespace.js';

export type OwnersFormat = 'table' | 'json' | 'csv' | 'md';

/** This command's words in `lang` (src/i18n/messages/owners.ts). */
function wordsOf(lang: Lang) {
  return {
    agency: t(lang, 'owners.agency'),
    lead: t(lang, 'owners.lead'),
    support: t(lang, 'owners.support'),
    legend: t(lang, 'owners.legend'),
    unowned: t(lang, 'owners.unowned'),
    double: t(lang, 'owners.double'),
    none: t(lang, 'owners.none'),
    noCatalogue: t(lang, 'owners.no-catalogue'),
    self: t(lang, 'owners.self'),
    catalogue: t(lang, 'owners.catalogue'),
    leadsRow: t(lang, 'owners.leads-row'),
  };
}

const label = (row: MatrixIndicator) => `${row.goal}.${row.indicator}`;
const short = (text: string, max: number) => {
  const t = squash(text);
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
};

interface AgencyRow {
  key: string;
  name: string;
  duties: ('lead' | 'support' | '')[];
}

function agencyRows(matrix: Matrix): AgencyRow[] {
  const rows: AgencyRow[] = [];
  for (const [key, name] of matrix.agencies) {
    const duties = matrix.indicators.map((ind) =>
      ind.leads.some((e) => e.ownerKey === key)
        ? ('lead' as const)
        : ind.supports.some((e) => e.ownerKey === key)
          ? ('support' as const)
          : ('' as const),
    );
    if (duties.some((d) => d !== '')) rows.push({ key, name, duties });
  }
  return rows;
}

export interface OwnersSummary {
  file: string;
  catalogue: { id: string; title: string } | null;
  indicators: {
    goal: number;
    indicator: number;
    text: string;
    leads: string[];
    supports: string[];
    status: 'ok' | 'unowned' | 'double';
  }[];
  agencies: { name: string; key: string; lead: string[]; support: string[] }[];
}

export function summarize(file: string, matrix: Matrix, lang: Lang): OwnersSummary {
  const names = (entries: MatrixIndicator['leads']) => [
    ...new Map(entries.map((e) => [e.ownerKey, e.owner])).values(),
  ];
  const catalogue = matrix.catalogue;
  return {
    file,
    catalogue: catalogue
      ? { id: catalogue.id, title: catalogue.id === SELF ? wordsOf(lang).self : catalogue.title }
      : null,
    indicators: matrix.indicators.map((row) => {
      const leads = leadKeys(row).length;
      const double = isDoubleLed(row);
      return {
        goal: row.goal,
        indicator: row.indicator,
        text: row.text,
        leads: names(row.leads),
        supports: names(row.supports),
        status: leads === 0 ? 'unowned' : double ? 'double' : 'ok',
      };
    }),
    agencies: agencyRows(matrix).map((a) => ({
      name: a.name,
      key: a.key,
      lead: a.duties.flatMap((d, i) => (d === 'lead' ? [label(matrix.indicators[i]!)] : [])),
      support: a.duties.flatMap((d, i) => (d === 'support' ? [label(matrix.indicators[i]!)] : [])),
    })),
  };
}

function cells(matrix: Matrix, lang: Lang): { header: string[]; body: string[][]; footer: string[] } {
  const w = wordsOf(lang);
  const header = [w.agency, ...matrix.indicators.map(label)];
  const body = agencyRows(matrix).map((a) => [
    a.name,
    ...a.duties.map((d) => (d === 'lead' ? w.lead : d === 'support' ? w.support : '')),
  ]);
  const footer = [w.leadsRow, ...matrix.indicators.map((row) => String(leadKeys(row).length))];
  return { header, body, footer };
}

function problemLines(matrix: Matrix, lang: Lang, bullet: string): string[] {
  const w = wordsOf(lang);
  const unowned = matrix.indicators.filter((row) => leadKeys(row).length === 0);
  const double = matrix.indicators.filter(isDoubleLed);
  const lines = [`${w.unowned}: ${unowned.length === 0 ? w.none : ''}`];
  for (const row of unowned) lines.push(`${bullet}${label(row)} ${short(row.text, 90)}`);
  lines.push(`${w.double}: ${double.length === 0 ? w.none : ''}`);
  for (const row of double) {
    const owners = [...new Map(row.leads.map((e) => [e.ownerKey, e.owner])).values()].join('; ');
    lines.push(`${bullet}${label(row)} ${short(row.text, 60)} — ${owners}`);
  }
  return lines;
}

const width = (s: string) => [...s].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export interface RenderOptions {
  lang: Lang;
  /** ANSI colours for the terminal table. */
  color?: boolean;
}

export function renderOwners(
  file: string,
  matrix: Matrix,
  format: OwnersFormat,
  options: RenderOptions,
): string {
  const { lang } = options;
  const w = wordsOf(lang);
  if (format === 'json') return `${JSON.stringify(summarize(file, matrix, lang), null, 2)}\n`;
  if (!matrix.catalogue || matrix.indicators.length === 0) {
    if (format === 'csv') return `${w.agency}\n`;
    return `${format === 'md' ? `## ${file}\n\n` : `${file}\n`}${w.noCatalogue}\n`;
  }
  const { header, body, footer } = cells(matrix, lang);
  const catalogueTitle = matrix.catalogue.id === SELF ? w.self : matrix.catalogue.title;

  if (format === 'csv') {
    const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return [header, ...body, footer].map((r) => r.map(quote).join(',')).join('\n') + '\n';
  }

  const flagged = (i: number) => {
    const row = matrix.indicators[i]!;
    return leadKeys(row).length === 0 || isDoubleLed(row);
  };

  if (format === 'md') {
    const bold = (s: string, i: number) => (i > 0 && s !== '' && flagged(i - 1) ? `**${s}**` : s);
    const line = (r: string[]) => `| ${r.map((c, i) => bold(c.replace(/\|/g, '\\|'), i)).join(' | ')} |`;
    const out = [
      `## ${file}`,
      '',
      `${w.catalogue}: ${catalogueTitle}`,
      '',
      line(header),
      `|${header.map((_, i) => (i === 0 ? ' --- ' : ' :-: ')).join('|')}|`,
    ];
    for (const r of body) out.push(line(r));
    out.push(line(footer), '', w.legend, '');
    out.push(...problemLines(matrix, lang, '- '));
    return out.join('\n') + '\n';
  }

  // Terminal table.
  const mark = (s: string, code: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const first = Math.min(44, Math.max(...[header, ...body, footer].map((r) => width(r[0]!))));
  const colWidths = header.slice(1).map((h) => Math.max(width(h), 1));
  const render = (r: string[], isFooter = false) =>
    [
      pad(short(r[0]!, first), first),
      ...r.slice(1).map((c, i) => {
        const cell = pad(c, colWidths[i]!);
        if (isFooter && flagged(i)) return mark(cell, '1;31');
        return c === wordsOf(lang).lead ? mark(cell, '1') : cell;
      }),
    ].join(' ');
  const out = [
    file,
    `${w.catalogue}: ${catalogueTitle}`,
    '',
    render(header),
    '-'.repeat(first + colWidths.reduce((a, b) => a + b + 1, 0)),
  ];
  for (const r of body) out.push(render(r));
  out.push(render(footer, true), '', w.legend, '');
  out.push(...problemLines(matrix, lang, '  ! '));
  return out.join('\n') + '\n';
}
