/**
 * Matching plan text against the knowledge registries (./knowledge.ts):
 *  - agencies: a name as written ("Sở LĐTBXH", "Sở Lao động - Thương binh Xã hội") → its entry,
 *    through the store's ownerKey (./owner-key.ts) for whole names and variant patterns for text;
 *  - provinces and district-level units named in text;
 *  - citations (plan.citations) → legal-document entries.
 * Used by the rules defunct-agency and citation-status, by `kh cite` and by `kh diff`.
 *
 * Public API (stable): knowledgeBaseOf(data), KnowledgeBase#resolveAgency(name),
 * #successorsOf(key), #currentSuccessors(key, date), #findAgencies(text), #findProvinces(text),
 * #findDistricts(text), #resolveCitation(citation), #statusOn(doc, date); existsOn(entry, date);
 * planDate(plan); citationIndex(plan) and citationSpans(index, text).
 */
import { PieceIndex } from '../util/piece-index.js';
import { ownerKeyOf, type OwnerKey } from './owner-key.js';
import type { Citation, Plan } from '../plan/schema.js';
import {
  existsOn,
  type Agency,
  type Commune,
  type Knowledge,
  type LegalDocument,
  type Province,
} from './knowledge.js';
import type { DataStore } from './data-store.js';
import { execAll } from '../util/regex.js';

export { existsOn, type Agency, type Province, type LegalDocument, type Knowledge } from './knowledge.js';

const LETTER = '[\\p{L}\\p{M}\\p{N}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex source matching a name as written: flexible spaces and dashes, "và"/"&", any case. */
function namePattern(name: string): string {
  const tokens = name
    .normalize('NFC')
    .trim()
    .replace(/\s*[-–—]\s*/g, ' - ')
    .split(/\s+/);
  let out = '';
  tokens.forEach((token, i) => {
    const piece =
      token === '-' ? '[-–—]' : token === 'và' || token === '&' ? '(?:và|&)' : escapeRegExp(token);
    if (i > 0) out += token === '-' || tokens[i - 1] === '-' ? '\\s*' : '\\s+';
    out += piece;
  });
  return out;
}

export interface Mention<T> {
  start: number;
  end: number;
  text: string;
  entry: T;
}

export interface DistrictMention {
  start: number;
  end: number;
  text: string;
  /** The district's name when one is written ("Ngọc Hồi"); null for "UBND các huyện". */
  name: string | null;
  /** The province it belonged to, when the registry knows the district. */
  province: Province | null;
}

export interface ResolvedSuccessor {
  agency: Agency;
  functions: { vi: string; en: string } | null;
}

export interface CitationMatch {
  document: LegalDocument;
  /** exact: number and symbol; name: a law cited by name. */
  by: 'exact' | 'name';
}

export type CitationResolution =
  | { kind: 'found'; match: CitationMatch }
  /** A law cited by name with a year no version of it has ("Luật Ngân sách nhà nước năm 2024"). */
  | { kind: 'not-as-written'; candidates: LegalDocument[]; year: number }
  | { kind: 'unknown' };

export type DocumentStatusOn =
  | { kind: 'in-force' }
  | { kind: 'replaced'; from: string; by: LegalDocument | null; byKey: string | null }
  | { kind: 'ended'; from: string }
  | { kind: 'period-ended'; period: { from: number; to: number } }
  | { kind: 'guidance' }
  | { kind: 'not-yet' };

/** YYYY-MM-DD of the plan: its issue date, else 1 January of its plan year; null if neither. */
export function planDate(plan: Plan): string | null {
  if (plan.meta.issueDate && /^\d{4}-\d{2}-\d{2}$/.test(plan.meta.issueDate)) return plan.meta.issueDate;
  if (plan.meta.planYear) return `${plan.meta.planYear}-01-01`;
  return null;
}

/** dd/mm/yyyy from YYYY-MM-DD. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function normSymbol(symbol: string | null): string {
  return (symbol ?? '')
    .normalize('NFC')
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/Đ/g, 'Đ')
    .replace(/^[-/]+/, '')
    .replace(/-/g, '/');
}

function normNumber(number: string | null): string {
  return (number ?? '').replace(/^0+(?=\d)/, '');
}

function lawName(text: string, ownerKey: OwnerKey): string {
  return ownerKey(
    text
      .replace(/\(sửa đổi[^)]*\)/giu, ' ')
      .replace(/\bsố\s+\d+\/\d{4}\/[\p{L}\d]+/giu, ' ')
      .replace(/\s+năm\s+\d{4}\b.*$/iu, ' '),
  );
}

function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

export class KnowledgeBase {
  readonly knowledge: Knowledge;
  private readonly agencyByKey: Map<string, Agency>;
  private readonly agencyByName = new Map<string, Agency>();
  private readonly provinceByKey: Map<string, Province>;
  private agencyRe: { re: RegExp; entries: Agency[] } | null = null;
  private provinceRe: { re: RegExp; entries: Province[] } | null = null;
  private bareProvinceRe: { re: RegExp; entries: Province[] } | null = null;
  private communeRe: { re: RegExp; entries: Commune[] } | null = null;
  private districtRes: { named: RegExp; generic: RegExp } | null = null;

  /** `ownerKey`: the store's agency-name normaliser (ownerKeyOf). */
  constructor(
    knowledge: Knowledge,
    private readonly ownerKey: OwnerKey,
  ) {
    this.knowledge = knowledge;
    this.agencyByKey = new Map(knowledge.agencies.map((a) => [a.key, a]));
    this.provinceByKey = new Map(knowledge.adminUnits.provinces.map((p) => [p.key, p]));
    for (const agency of knowledge.agencies) {
      for (const name of [agency.name.replace(/\s*\([^)]*\)\s*$/, ''), ...agency.variants]) {
        const key = ownerKey(name);
        if (!this.agencyByName.has(key)) this.agencyByName.set(key, agency);
      }
    }
  }

  agency(key: string): Agency | undefined {
    return this.agencyByKey.get(key);
  }

  province(key: string): Province | undefined {
    return this.provinceByKey.get(key);
  }

  /**
   * The registry entry of an agency name as written (an owner, a recipient); a trailing
   * "tỉnh", "tỉnh Bình Phước", "huyện …" is allowed. With `date`, entries that did not exist on it
   * are still returned (check `existsOn`): the caller decides.
   */
  resolveAgency(name: string): Agency | null {
    const key = this.ownerKey(name);
    const exact = this.agencyByName.get(key);
    if (exact) return exact;
    const tail = /^(?:tỉnh|thành phố|huyện|quận|thị xã)(?:\s|$)/u;
    let best: { agency: Agency; length: number } | null = null;
    for (const [variant, agency] of this.agencyByName) {
      if (
        key.startsWith(`${variant} `) &&
        tail.test(key.slice(variant.length + 1)) &&
        (!best || variant.length > best.length)
      ) {
        best = { agency, length: variant.length };
      }
    }
    return best?.agency ?? null;
  }

  /** The direct successors of an agency, with the functions each received. */
  successorsOf(key: string): ResolvedSuccessor[] {
    const agency = this.agencyByKey.get(key);
    if (!agency) return [];
    return agency.successors.flatMap((s) => {
      const next = this.agencyByKey.get(s.key);
      return next ? [{ agency: next, functions: s.functions ?? null }] : [];
    });
  }

  /** The successors that exist on `date`, following chains (functions from the first step). */
  currentSuccessors(key: string, date: string): ResolvedSuccessor[] {
    const out: ResolvedSuccessor[] = [];
    const seen = new Set<string>([key]);
    const walk = (k: string, functions: ResolvedSuccessor['functions'], depth: number) => {
      for (const s of this.successorsOf(k)) {
        if (seen.has(s.agency.key)) continue;
        seen.add(s.agency.key);
        const f = functions ?? s.functions;
        if (existsOn(s.agency, date) || depth > 5 || s.agency.successors.length === 0)
          out.push({ agency: s.agency, functions: f });
        else walk(s.agency.key, f, depth + 1);
      }
    };
    walk(key, null, 0);
    return out;
  }

  /** Provinces that replaced `key` and exist on `date`. */
  currentProvinceSuccessors(key: string, date: string): Province[] {
    const out: Province[] = [];
    const walk = (k: string, depth: number) => {
      for (const s of this.provinceByKey.get(k)?.successors ?? []) {
        const p = this.provinceByKey.get(s);
        if (!p) continue;
        if (existsOn(p, date) || depth > 5) out.push(p);
        else walk(p.key, depth + 1);
      }
    };
    walk(key, 0);
    return out;
  }

  /** Every agency of the registry named in `text` (longest names first, no overlaps). */
  findAgencies(text: string): Mention<Agency>[] {
    if (!this.agencyRe) {
      const names: { source: string; agency: Agency; length: number }[] = [];
      for (const agency of this.knowledge.agencies) {
        for (const name of new Set([agency.name.replace(/\s*\([^)]*\)\s*$/, ''), ...agency.variants])) {
          names.push({ source: namePattern(name), agency, length: name.length });
        }
      }
      names.sort((a, b) => b.length - a.length);
      this.agencyRe = {
        re: new RegExp(
          `(?<!${LETTER})(?:${names.map((n, i) => `(?<a${i}>${n.source})`).join('|')})(?!${LETTER})`,
          'giu',
        ),
        entries: names.map((n) => n.agency),
      };
    }
    // "Ban Dân tộc HĐND tỉnh" is a committee of the council, not the dissolved Ban Dân tộc.
    return matchAll(text, this.agencyRe.re, this.agencyRe.entries, 'a').filter(
      (m) => !/^\s*(?:của\s+)?(?:HĐND|Hội đồng nhân dân)/u.test(text.slice(m.end)),
    );
  }

  /**
   * Provinces named with their unit word ("tỉnh Bình Phước", "thành phố Huế", "TP. Hồ Chí Minh");
   * with `bare`, also the name alone ("Báo Bình Phước": for agency names, where a capitalised
   * place name is the province).
   */
  findProvinces(text: string, bare = false): Mention<Province>[] {
    if (bare) {
      if (!this.bareProvinceRe) {
        const names = this.knowledge.adminUnits.provinces.flatMap((province) =>
          [...new Set([province.name, ...province.variants])].map((name) => ({
            source: namePattern(name),
            province,
            length: name.length,
          })),
        );
        names.sort((a, b) => b.length - a.length);
        this.bareProvinceRe = {
          re: new RegExp(
            `(?<!${LETTER})(?:${names.map((n, i) => `(?<p${i}>${n.source})`).join('|')})(?!${LETTER})`,
            'gu',
          ),
          entries: names.map((n) => n.province),
        };
      }
      return matchAll(text, this.bareProvinceRe.re, this.bareProvinceRe.entries, 'p');
    }
    if (!this.provinceRe) {
      const names: { source: string; province: Province; length: number }[] = [];
      for (const province of this.knowledge.adminUnits.provinces) {
        for (const name of new Set([province.name, ...province.variants])) {
          const prefixed = /^(?:TP\.?\s)/u.test(name);
          const source = prefixed
            ? namePattern(name)
            : `(?:[Tt]ỉnh|[Tt]hành phố|TP\\.?)\\s+${namePattern(name)}`;
          names.push({ source, province, length: name.length });
        }
      }
      names.sort((a, b) => b.length - a.length);
      // Names are matched case-sensitively: "hòa bình" (peace) is not "tỉnh Hòa Bình".
      this.provinceRe = {
        re: new RegExp(
          `(?<!${LETTER})(?:${names.map((n, i) => `(?<p${i}>${n.source})`).join('|')})(?!${LETTER})`,
          'gu',
        ),
        entries: names.map((n) => n.province),
      };
    }
    return matchAll(text, this.provinceRe.re, this.provinceRe.entries, 'p');
  }

  /**
   * District-level units named in text: "huyện Ngọc Hồi", "thị xã Bình Long", and the bodies of
   * the district level in general ("UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân cấp
   * huyện", "Công an huyện").
   */
  findDistricts(text: string): DistrictMention[] {
    if (!this.districtRes) {
      const cased = (w: string) => [w, w.charAt(0).toUpperCase() + w.slice(1)].map((v) => escapeRegExp(v));
      const words = this.knowledge.adminUnits.districtLevel.words.flatMap(cased).join('|');
      const upper = '[\\p{Lu}][\\p{L}\\p{M}]*';
      this.districtRes = {
        named: new RegExp(`(?<!${LETTER})(?:${words})\\s+(?<name>${upper}(?:\\s+${upper})*)`, 'gu'),
        generic: new RegExp(
          `(?<!${LETTER})(?:UBND|[ỦủU]y ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Công an|Chi [Cc]ục Thống kê)\\s+(?:các\\s+)?(?:cấp\\s+)?(?:${words})(?:\\s*,\\s*(?:${words}|thành phố)(?!\\s+\\p{Lu}))*(?!${LETTER})`,
          'gu',
        ),
      };
    }
    const found: DistrictMention[] = [];
    for (const m of execAll(this.districtRes.generic, text)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], name: null, province: null });
    }
    for (const m of execAll(this.districtRes.named, text)) {
      const name = m.groups!.name!;
      const district = this.knowledge.adminUnits.districts.find(
        (d) => d.name === name || d.variants.includes(name),
      );
      const province = district ? (this.provinceByKey.get(district.province) ?? null) : null;
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        name: district?.name ?? name,
        province,
      });
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: DistrictMention[] = [];
    for (const mention of found) {
      const last = out[out.length - 1];
      if (last && mention.start < last.end) {
        // Overlap ("Ủy ban nhân dân huyện Ngọc Hồi"): keep one, spanning both, with the name.
        last.end = Math.max(last.end, mention.end);
        last.text = text.slice(last.start, last.end);
        last.name ??= mention.name;
        last.province ??= mention.province;
        continue;
      }
      out.push({ ...mention });
    }
    return out;
  }

  /**
   * Communes of the registry named in text ("xã Ngọc Hồi" …; the commune-level mapping of
   * 01/7/2025 is filled from kh.config.json "knowledge.communes" until a checked source is shipped).
   */
  findCommunes(text: string): Mention<Commune>[] {
    const communes = this.knowledge.adminUnits.communes;
    if (communes.length === 0) return [];
    if (!this.communeRe) {
      const names = communes.map((c) => ({
        source: `(?:${escapeRegExp(c.kind)}|${escapeRegExp(c.kind.charAt(0).toUpperCase() + c.kind.slice(1))})\\s+${namePattern(c.name)}`,
        commune: c,
        length: c.name.length,
      }));
      names.sort((a, b) => b.length - a.length);
      this.communeRe = {
        re: new RegExp(
          `(?<!${LETTER})(?:${names.map((n, i) => `(?<c${i}>${n.source})`).join('|')})(?!${LETTER})`,
          'gu',
        ),
        entries: names.map((n) => n.commune),
      };
    }
    return matchAll(text, this.communeRe.re, this.communeRe.entries, 'c');
  }

  /** The registry entry of a citation, or why there is none. */
  resolveCitation(
    citation: Pick<Citation, 'docType' | 'number' | 'year' | 'symbol' | 'format' | 'raw' | 'text' | 'date'>,
  ): CitationResolution {
    const docs = this.knowledge.legalDocuments;
    if (citation.format !== 'name' && citation.number) {
      const symbol = normSymbol(citation.symbol);
      const year = citation.year ?? yearOf(citation.date);
      const hits = docs.filter(
        (d) =>
          normNumber(d.number) === normNumber(citation.number) &&
          normSymbol(d.symbol) === symbol &&
          (year === null || (d.year ?? yearOf(d.date)) === null || (d.year ?? yearOf(d.date)) === year),
      );
      if (hits.length > 0) return { kind: 'found', match: { document: hits[0]!, by: 'exact' } };
      return { kind: 'unknown' };
    }
    const name = lawName(citation.raw, this.ownerKey);
    const candidates = docs.filter((d) => d.names.some((n) => lawName(n, this.ownerKey) === name));
    if (candidates.length === 0) return { kind: 'unknown' };
    const numbered = /số\s+(\d+)\/(\d{4})\/([\p{L}\d-]+)/u.exec(citation.text);
    if (numbered) {
      const hit = candidates.find(
        (d) => normNumber(d.number) === normNumber(numbered[1]!) && d.year === Number(numbered[2]),
      );
      if (hit) return { kind: 'found', match: { document: hit, by: 'exact' } };
    }
    if (citation.year !== null) {
      const hit = candidates.find((d) => d.year === citation.year || yearOf(d.date) === citation.year);
      if (hit) return { kind: 'found', match: { document: hit, by: 'name' } };
      return { kind: 'not-as-written', candidates, year: citation.year };
    }
    // A law cited by name alone: the version in force (the latest one).
    const latest = [...candidates].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0]!;
    return { kind: 'found', match: { document: latest, by: 'name' } };
  }

  /** The law version in force on `date` among documents cited by the same name. */
  versionOn(candidates: readonly LegalDocument[], date: string): LegalDocument | null {
    const inForce = candidates.filter((d) => {
      const s = this.statusOn(d, date);
      return s.kind === 'in-force';
    });
    return inForce[0] ?? null;
  }

  /** The status of a document on a date (YYYY-MM-DD). */
  statusOn(doc: LegalDocument, date: string): DocumentStatusOn {
    if (doc.status.from && doc.status.kind === 'in-force' && doc.status.from > date)
      return { kind: 'not-yet' };
    if (doc.status.kind === 'replaced' && doc.status.from && doc.status.from <= date) {
      const by = doc.status.replacedBy
        ? (this.knowledge.legalDocuments.find((d) => d.key === doc.status.replacedBy) ?? null)
        : null;
      return { kind: 'replaced', from: doc.status.from, by, byKey: doc.status.replacedBy ?? null };
    }
    if (doc.status.kind === 'ended' && doc.status.from && doc.status.from <= date)
      return { kind: 'ended', from: doc.status.from };
    if (doc.period && doc.period.to < Number(date.slice(0, 4)))
      return { kind: 'period-ended', period: doc.period };
    if (doc.status.kind === 'guidance') return { kind: 'guidance' };
    return { kind: 'in-force' };
  }
}

function matchAll<T>(text: string, re: RegExp, entries: readonly T[], prefix: string): Mention<T>[] {
  const out: Mention<T>[] = [];
  re.lastIndex = 0;
  for (const m of execAll(re, text.normalize('NFC'))) {
    const groups = m.groups ?? {};
    let entry: T | undefined;
    for (const [name, value] of Object.entries(groups)) {
      if (value !== undefined && name.startsWith(prefix)) {
        entry = entries[Number(name.slice(prefix.length))];
        break;
      }
    }
    if (entry !== undefined) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], entry });
  }
  return out;
}

/** The knowledge base of a data store's knowledge (the shipped entries and the user's), built once per store. */
export function knowledgeBaseOf(data: Pick<DataStore, 'derived'>): KnowledgeBase {
  return data.derived('knowledge-base', (d) => new KnowledgeBase(d.knowledge, ownerKeyOf(d)));
}

/** A plan's citations by text (the first of each text) and their PieceIndex: build once per plan. */
export interface CitationIndex {
  byText: Map<string, Plan['citations'][number]>;
  index: PieceIndex;
}

export function citationIndex(plan: Plan): CitationIndex {
  const byText = new Map<string, Plan['citations'][number]>();
  for (const citation of plan.citations)
    if (citation.text && !byText.has(citation.text)) byText.set(citation.text, citation);
  return { byText, index: new PieceIndex(byText.keys()) };
}

/**
 * The [start, end) spans of `text` that belong to citations: the reference itself, its issuer
 * ("của UBND tỉnh Bình Phước") and its subject — history, not the plan's own naming.
 */
export function citationSpans(indexed: CitationIndex, text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const piece of indexed.index.candidates(text)) {
    const citation = indexed.byText.get(piece)!;
    let from = 0;
    for (;;) {
      const at = text.indexOf(citation.text, from);
      if (at < 0) break;
      let end = at + citation.text.length;
      for (const tail of [citation.issuer, citation.subject]) {
        if (!tail) continue;
        const next = text.indexOf(tail, end);
        if (next >= 0 && next - end <= 40) end = next + tail.length;
      }
      spans.push([at, end]);
      from = at + citation.text.length;
    }
  }
  return spans;
}

export function insideAny(spans: readonly [number, number][], start: number, end: number): boolean {
  return spans.some(([s, e]) => start >= s && end <= e);
}
