/**
 * Rendering of the responsibility matrix (kh owners): a terminal table, JSON, CSV and Markdown.
 * Columns are the indicators ("3.2" = chỉ tiêu 2 của Mục tiêu 3), rows the agencies; a cell is
 * the agency's duty (lead / support). Indicators nobody leads and those led twice are listed.
 */
import type { Lang } from '../util/errors.js';
import type { Matrix, MatrixIndicator } from '../domain/matrix.js';
import { SELF, isDoubleLed, leadKeys } from '../domain/matrix.js';
import { squash } from '../util/whitespace.js';

export type OwnersFormat = 'table' | 'json' | 'csv' | 'md';

const T = {
  vi: {
    agency: 'Cơ quan',
    lead: 'C',
    support: 'P',
    legend: 'C = chủ trì / chịu trách nhiệm, P = phối hợp; cột "M.N" = chỉ tiêu N của Mục tiêu M',
    unowned: 'Chỉ tiêu chưa có cơ quan chủ trì',
    double: 'Chỉ tiêu có hai cơ quan chủ trì trở lên',
    none: 'không có',
    noCatalogue: 'Văn bản không nêu và không giao mục tiêu, chỉ tiêu nào: không có ma trận trách nhiệm.',
    self: 'mục tiêu, chỉ tiêu của chính văn bản',
    catalogue: 'Bộ chỉ tiêu',
    leadsRow: 'Số cơ quan chủ trì',
  },
  en: {
    agency: 'Agency',
    lead: 'L',
    support: 'S',
    legend: 'L = lead (chủ trì / chịu trách nhiệm), S = support (phối hợp); column "M.N" = indicator N of goal M',
    unowned: 'Indicators with no lead agency',
    double: 'Indicators with two or more lead agencies',
    none: 'none',
    noCatalogue: 'The document neither defines nor assigns goals or indicators: no responsibility matrix.',
    self: "the document's own goals and indicators",
    catalogue: 'Catalogue',
    leadsRow: 'Lead agencies',
  },
} satisfies Record<Lang, Record<string, string>>;

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
      ind.leads.some((e) => e.ownerKey === key) ? ('lead' as const) : ind.supports.some((e) => e.ownerKey === key) ? ('support' as const) : ('' as const),
    );
    if (duties.some((d) => d !== '')) rows.push({ key, name, duties });
  }
  return rows;
}

export interface OwnersSummary {
  file: string;
  catalogue: { id: string; title: string } | null;
  indicators: { goal: number; indicator: number; text: string; leads: string[]; supports: string[]; status: 'ok' | 'unowned' | 'double' }[];
  agencies: { name: string; key: string; lead: string[]; support: string[] }[];
}

export function summarize(file: string, matrix: Matrix, lang: Lang): OwnersSummary {
  const names = (entries: MatrixIndicator['leads']) => [...new Map(entries.map((e) => [e.ownerKey, e.owner])).values()];
  const catalogue = matrix.catalogue;
  return {
    file,
    catalogue: catalogue ? { id: catalogue.id, title: catalogue.id === SELF ? T[lang].self : catalogue.title } : null,
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
  const t = T[lang];
  const header = [t.agency, ...matrix.indicators.map(label)];
  const body = agencyRows(matrix).map((a) => [a.name, ...a.duties.map((d) => (d === 'lead' ? t.lead : d === 'support' ? t.support : ''))]);
  const footer = [t.leadsRow, ...matrix.indicators.map((row) => String(leadKeys(row).length))];
  return { header, body, footer };
}

function problemLines(matrix: Matrix, lang: Lang, bullet: string): string[] {
  const t = T[lang];
  const unowned = matrix.indicators.filter((row) => leadKeys(row).length === 0);
  const double = matrix.indicators.filter(isDoubleLed);
  const lines = [`${t.unowned}: ${unowned.length === 0 ? t.none : ''}`];
  for (const row of unowned) lines.push(`${bullet}${label(row)} ${short(row.text, 90)}`);
  lines.push(`${t.double}: ${double.length === 0 ? t.none : ''}`);
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

export function renderOwners(file: string, matrix: Matrix, format: OwnersFormat, options: RenderOptions): string {
  const { lang } = options;
  const t = T[lang];
  if (format === 'json') return `${JSON.stringify(summarize(file, matrix, lang), null, 2)}\n`;
  if (!matrix.catalogue || matrix.indicators.length === 0) {
    if (format === 'csv') return `${t.agency}\n`;
    return `${format === 'md' ? `## ${file}\n\n` : `${file}\n`}${t.noCatalogue}\n`;
  }
  const { header, body, footer } = cells(matrix, lang);
  const catalogueTitle = matrix.catalogue.id === SELF ? t.self : matrix.catalogue.title;

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
    const out = [`## ${file}`, '', `${t.catalogue}: ${catalogueTitle}`, '', line(header), `|${header.map((_, i) => (i === 0 ? ' --- ' : ' :-: ')).join('|')}|`];
    for (const r of body) out.push(line(r));
    out.push(line(footer), '', t.legend, '');
    out.push(...problemLines(matrix, lang, '- '));
    return out.join('\n') + '\n';
  }

  // Terminal table.
  const mark = (s: string, code: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const first = Math.min(44, Math.max(...[header, ...body, footer].map((r) => width(r[0]!))));
  const colWidths = header.slice(1).map((h) => Math.max(width(h), 1));
  const render = (r: string[], isFooter = false) =>
    [pad(short(r[0]!, first), first), ...r.slice(1).map((c, i) => {
      const cell = pad(c, colWidths[i]!);
      if (isFooter && flagged(i)) return mark(cell, '1;31');
      return c === T[lang].lead ? mark(cell, '1') : cell;
    })].join(' ');
  const out = [file, `${t.catalogue}: ${catalogueTitle}`, '', render(header), '-'.repeat(first + colWidths.reduce((a, b) => a + b + 1, 0))];
  for (const r of body) out.push(render(r));
  out.push(render(footer, true), '', t.legend, '');
  out.push(...problemLines(matrix, lang, '  ! '));
  return out.join('\n') + '\n';
}
