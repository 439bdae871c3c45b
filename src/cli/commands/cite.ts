/**
 * `kh cite FILE… [--format table|json|csv|md]`: the documents the plans cite, de-duplicated —
 * type, number/symbol, date, issuer, subject, status in the registry (src/data/legal-documents.json
 * + kh.config.json "knowledge"), and where each is cited. Across several files: one row per
 * document with the files that cite it; the same document cited with different dates or symbols
 * is marked as a disagreement. A bad file costs one line on stderr (exit 2); the others are listed.
 */
import { resolve } from 'node:path';
import { openPlanReader } from '../../workers/isolate.js';
import type { Citation, Plan } from '../../plan/schema.js';
import type { CliContext } from '../../util/cli.js';
import { reportFileError } from '../../util/cli.js';
import type { Lang } from '../../util/errors.js';
import type { Knowledge, LegalDocument } from '../../domain/knowledge.js';
import { KnowledgeBase, viDate } from '../../domain/knowledge-base.js';
import { createDataStore } from '../../data/store.js';
import { documentLabel } from '../../rules/citation-status.js';
import { squash } from '../../util/whitespace.js';

export type CiteFormat = 'table' | 'json' | 'csv' | 'md';

export interface CiteOptions {
  format: CiteFormat;
  /** Default: process.cwd() (files and kh.config.json are looked up from here). */
  cwd?: string | undefined;
  config?: string | undefined;
}

export type CitedStatusKind = 'in-force' | 'replaced' | 'ended' | 'period' | 'guidance' | 'not-as-written' | 'unknown';

export interface CitedPlace {
  file: string;
  line: number;
  column: number;
}

export interface CitedDocument {
  /** The document as kh names it: "Nghị định số 125/2021/NĐ-CP", "Luật Bình đẳng giới". */
  label: string;
  docType: string;
  number: string | null;
  symbol: string | null;
  /** ISO date as first cited (or from the registry when never written). */
  date: string | null;
  issuer: string | null;
  subject: string | null;
  /** The registry entry's key, null when unknown. */
  registryKey: string | null;
  status: { kind: CitedStatusKind; text: string; confidence: 'V' | 'S' | 'M' | null };
  /** Files citing it, in order. */
  files: string[];
  places: CitedPlace[];
  /** Every distinct date and number/symbol as written. */
  dates: string[];
  symbols: string[];
  /** The same document cited with different dates or symbols. */
  disagreement: boolean;
}

const T = {
  vi: {
    headers: ['#', 'Văn bản', 'Ngày', 'Cơ quan ban hành', 'Trích yếu', 'Tình trạng', 'Nơi trích dẫn'],
    inForce: 'còn hiệu lực',
    inForceFrom: (d: string) => `hiệu lực từ ${d}`,
    replaced: (by: string, from: string) => `được thay thế bởi ${by} từ ${from}`,
    ended: (from: string) => `hết hiệu lực từ ${from}`,
    period: (p: string) => `áp dụng giai đoạn ${p}`,
    guidance: 'văn bản của Đảng (định hướng, không có thời hạn hiệu lực)',
    notAsWritten: (c: string) => `không có văn bản như được viết (cùng tên: ${c})`,
    unknown: 'không có trong danh mục',
    disagreement: 'trích dẫn không thống nhất',
    dates: 'ngày',
    symbols: 'số/ký hiệu',
    unverified: 'chưa kiểm chứng',
    none: 'Không có văn bản nào được trích dẫn.',
    summary: (n: number, d: number) => `${n} văn bản${d ? `, ${d} trích dẫn không thống nhất` : ''}`,
  },
  en: {
    headers: ['#', 'Document', 'Date', 'Issuer', 'Subject', 'Status', 'Cited at'],
    inForce: 'in force',
    inForceFrom: (d: string) => `in force from ${d}`,
    replaced: (by: string, from: string) => `replaced by ${by} from ${from}`,
    ended: (from: string) => `ended on ${from}`,
    period: (p: string) => `covers ${p}`,
    guidance: 'party document (guidance, no validity period)',
    notAsWritten: (c: string) => `no such document as written (same name: ${c})`,
    unknown: 'not in the registry',
    disagreement: 'cited inconsistently',
    dates: 'dates',
    symbols: 'numbers/symbols',
    unverified: 'unverified',
    none: 'No document is cited.',
    summary: (n: number, d: number) => `${n} documents${d ? `, ${d} cited inconsistently` : ''}`,
  },
} satisfies Record<Lang, unknown>;

function citedLabel(c: Citation): string {
  if (c.format === 'name') return c.raw;
  return `${c.docType} số ${c.raw.replace(/\s+/g, '')}`;
}

function statusOf(doc: LegalDocument, knowledge: Knowledge, lang: Lang): CitedDocument['status'] {
  const t = T[lang];
  const s = doc.status;
  const confidence = doc.confidence;
  const period = doc.period ? (doc.period.from === doc.period.to ? String(doc.period.from) : `${doc.period.from} - ${doc.period.to}`) : null;
  if (s.kind === 'replaced' && s.from) {
    const by = knowledge.legalDocuments.find((d) => d.key === s.replacedBy);
    return { kind: 'replaced', text: t.replaced(by ? documentLabel(by) : (s.replacedBy ?? '?'), viDate(s.from)), confidence };
  }
  if (s.kind === 'ended' && s.from) return { kind: 'ended', text: t.ended(viDate(s.from)), confidence };
  if (s.kind === 'guidance') return { kind: 'guidance', text: t.guidance, confidence };
  if (period) return { kind: 'period', text: t.period(period) + (s.note ? `; ${s.note[lang]}` : ''), confidence };
  return { kind: 'in-force', text: s.from ? t.inForceFrom(viDate(s.from)) : t.inForce, confidence };
}

const normSymbol = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

/** The documents cited by `plans`, one entry per document, in order of first citation. */
export function collectCitations(plans: readonly Plan[], knowledge: Knowledge, lang: Lang): CitedDocument[] {
  const kb = new KnowledgeBase(knowledge);
  const groups = new Map<string, CitedDocument>();
  const numKey = (docType: string, number: string | null, year: number | null) =>
    `num:${docType.toLowerCase()}|${(number ?? '').replace(/^0+(?=\d)/, '')}|${year ?? '?'}`;
  // A citation the registry does not match (a wrong symbol) joins the entry with its type, number and year.
  const regByNum = new Map<string, LegalDocument>();
  for (const d of knowledge.legalDocuments) if (d.number) regByNum.set(numKey(d.docType, d.number, d.year ?? (d.date ? Number(d.date.slice(0, 4)) : null)), d);
  for (const plan of plans) {
    const file = plan.source.path;
    for (const c of plan.citations) {
      const resolution = kb.resolveCitation(c);
      let key: string;
      let doc: LegalDocument | null = null;
      if (resolution.kind === 'found') {
        doc = resolution.match.document;
        key = `reg:${doc.key}`;
      } else if (c.format === 'name') {
        key = `name:${c.raw.toLowerCase().replace(/\s+/g, ' ')}`;
      } else {
        const year = c.year ?? (c.date ? Number(c.date.slice(0, 4)) : null);
        key = numKey(c.docType, c.number, year);
        const known = regByNum.get(key);
        if (known) {
          doc = known;
          key = `reg:${known.key}`;
        } else if (year === null) {
          // An undated citation joins the one dated document of that type and number, if any.
          const prefix = key.slice(0, -1);
          const same = [...groups.keys()].filter((k) => k.startsWith(prefix));
          if (same.length === 1) key = same[0]!;
        }
      }
      let group = groups.get(key);
      if (!group) {
        let status: CitedDocument['status'];
        if (doc) status = statusOf(doc, knowledge, lang);
        else if (resolution.kind === 'not-as-written')
          status = { kind: 'not-as-written', text: T[lang].notAsWritten(resolution.candidates.map(documentLabel).join(', ')), confidence: null };
        else status = { kind: 'unknown', text: T[lang].unknown, confidence: null };
        group = {
          label: doc && c.format !== 'name' ? citedLabel(c) : doc ? documentLabel(doc) : citedLabel(c),
          docType: c.docType,
          number: c.number,
          symbol: c.symbol,
          date: c.date ?? doc?.date ?? null,
          issuer: c.issuer ?? doc?.issuer ?? null,
          subject: c.subject ?? doc?.subject ?? null,
          registryKey: doc?.key ?? null,
          status,
          files: [],
          places: [],
          dates: [],
          symbols: [],
          disagreement: false,
        };
        groups.set(key, group);
      }
      group.date ??= c.date;
      group.issuer ??= c.issuer;
      group.subject ??= c.subject;
      if (!group.files.includes(file)) group.files.push(file);
      group.places.push({ file, line: c.position.start.line, column: c.position.start.column });
      if (c.date && !group.dates.includes(c.date)) group.dates.push(c.date);
      if (c.format !== 'name' && !group.symbols.includes(c.raw)) group.symbols.push(c.raw);
    }
  }
  for (const group of groups.values()) {
    group.disagreement = group.dates.length > 1 || new Set(group.symbols.map(normSymbol)).size > 1;
  }
  return [...groups.values()];
}

function shorten(text: string | null, width: number): string {
  if (!text) return '';
  const flat = squash(text);
  return flat.length <= width ? flat : `${flat.slice(0, width - 1).trimEnd()}…`;
}

function placesText(doc: CitedDocument, multi: boolean): string {
  if (!multi) return doc.places.map((p) => `${p.line}:${p.column}`).join(', ');
  return doc.files.map((f) => `${f} (${doc.places.filter((p) => p.file === f).map((p) => p.line).join(', ')})`).join('; ');
}

function statusCell(doc: CitedDocument, lang: Lang): string {
  const mark = doc.status.confidence && doc.status.confidence !== 'V' ? ` [${doc.status.confidence}: ${T[lang].unverified}]` : '';
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
      ? [`! ${i + 1}. ${d.label}: ${t.disagreement} — ${t.dates}: ${d.dates.map(viDate).join(' / ') || '—'}; ${t.symbols}: ${d.symbols.join(' / ') || '—'}`]
      : [],
  );
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCitations(docs: readonly CitedDocument[], format: CiteFormat, lang: Lang, multi: boolean): string {
  const t = T[lang];
  if (format === 'json') return `${JSON.stringify(docs, null, 2)}\n`;
  if (format === 'csv') {
    const header = ['label', 'docType', 'number', 'symbol', 'date', 'issuer', 'subject', 'status', 'statusText', 'registryKey', 'files', 'places', 'dates', 'symbols', 'disagreement'];
    const body = docs.map((d) =>
      [
        d.label, d.docType, d.number ?? '', d.symbol ?? '', d.date ?? '', d.issuer ?? '', d.subject ?? '', d.status.kind, d.status.text, d.registryKey ?? '',
        d.files.join(' '), d.places.map((p) => `${p.file}:${p.line}:${p.column}`).join(' '), d.dates.join(' '), d.symbols.join(' '), String(d.disagreement),
      ].map(csvCell).join(','),
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
  const line = (r: string[]) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - [...cell].length))).join('  ').trimEnd();
  const out = [line(table[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...table.slice(1).map(line)];
  const notes = disagreementNotes(docs, lang);
  const disagreements = docs.filter((d) => d.disagreement).length;
  return `${out.join('\n')}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}\n${t.summary(docs.length, disagreements)}\n`;
}

export async function run(ctx: CliContext, files: readonly string[], options: CiteOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  // User entries from kh.config.json (same discovery as kh lint); a bad config: one line, exit 2.
  let knowledge: Knowledge;
  try {
    const { loadConfig } = await import('../../config/index.js');
    const { ruleIds } = await import('../../rules/index.js');
    const loaded = loadConfig({ cwd, configPath: options.config, knownRuleIds: ruleIds() });
    knowledge = createDataStore({ knowledge: loaded.config.knowledge }).knowledge;
  } catch (error) {
    const { ConfigError } = await import('../../config/index.js');
    if (error instanceof ConfigError) {
      ctx.err(`kh: ${error.describe(ctx.lang)}\n`);
      return 2;
    }
    throw error;
  }
  const plans: Plan[] = [];
  let failed = 0;
  // Each file in a worker with the default limits (src/workers/isolate.ts).
  const reader = openPlanReader();
  try {
    for (const file of files) {
      try {
        const plan = await reader.read(resolve(cwd, file));
        plan.source.path = file;
        plans.push(plan);
      } catch (error) {
        failed++;
        reportFileError(ctx, file, error);
      }
    }
  } finally {
    await reader.close();
  }
  const docs = collectCitations(plans, knowledge, ctx.lang);
  ctx.out(formatCitations(docs, options.format, ctx.lang, files.length > 1));
  return failed > 0 ? 2 : 0;
}
