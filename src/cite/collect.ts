/**
 * The documents a set of plans cites, de-duplicated (kh cite, src/api/cite.ts): one entry per
 * document, with its registry status (src/data/legal-documents.json + the config's "knowledge"),
 * every place it is cited, and whether the plans disagree on its date or number/symbol.
 */
import type { Citation, Plan } from '../plan/schema.js';
import type { Lang } from '../util/errors.js';
import type { Knowledge, LegalDocument } from '../domain/knowledge.js';
import type { DataStore } from '../domain/data-store.js';
import { knowledgeBaseOf, viDate } from '../domain/knowledge-base.js';
import { documentLabel } from '../domain/document-label.js';
import { CITE_MESSAGES as T } from './messages.js';

export type CitedStatusKind =
  'in-force' | 'replaced' | 'ended' | 'period' | 'guidance' | 'not-as-written' | 'unknown';

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

function citedLabel(c: Citation): string {
  if (c.format === 'name') return c.raw;
  return `${c.docType} số ${c.raw.replace(/\s+/g, '')}`;
}

function statusOf(doc: LegalDocument, knowledge: Knowledge, lang: Lang): CitedDocument['status'] {
  const t = T[lang];
  const s = doc.status;
  const confidence = doc.confidence;
  const period = doc.period
    ? doc.period.from === doc.period.to
      ? String(doc.period.from)
      : `${doc.period.from} - ${doc.period.to}`
    : null;
  if (s.kind === 'replaced' && s.from) {
    const by = knowledge.legalDocuments.find((d) => d.key === s.replacedBy);
    return {
      kind: 'replaced',
      text: t.replaced(by ? documentLabel(by) : (s.replacedBy ?? '?'), viDate(s.from)),
      confidence,
    };
  }
  if (s.kind === 'ended' && s.from) return { kind: 'ended', text: t.ended(viDate(s.from)), confidence };
  if (s.kind === 'guidance') return { kind: 'guidance', text: t.guidance, confidence };
  if (period)
    return { kind: 'period', text: t.period(period) + (s.note ? `; ${s.note[lang]}` : ''), confidence };
  return { kind: 'in-force', text: s.from ? t.inForceFrom(viDate(s.from)) : t.inForce, confidence };
}

const normSymbol = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

/** The documents cited by `plans`, one entry per document, in order of first citation. */
export function collectCitations(plans: readonly Plan[], data: DataStore, lang: Lang): CitedDocument[] {
  const kb = knowledgeBaseOf(data);
  const knowledge = data.knowledge;
  const groups = new Map<string, CitedDocument>();
  const numKey = (docType: string, number: string | null, year: number | null) =>
    `num:${docType.toLowerCase()}|${(number ?? '').replace(/^0+(?=\d)/, '')}|${year ?? '?'}`;
  // A citation the registry does not match (a wrong symbol) joins the entry with its type, number and year.
  const regByNum = new Map<string, LegalDocument>();
  for (const d of knowledge.legalDocuments)
    if (d.number)
      regByNum.set(numKey(d.docType, d.number, d.year ?? (d.date ? Number(d.date.slice(0, 4)) : null)), d);
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
          status = {
            kind: 'not-as-written',
            text: T[lang].notAsWritten(resolution.candidates.map(documentLabel).join(', ')),
            confidence: null,
          };
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
