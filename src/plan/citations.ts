/**
 * References to legal and administrative documents: "Nghị quyết số 28/NQ-CP ngày 03/3/2021 của
 * Chính phủ …", party documents "Chỉ thị số 21-CT/TW", laws by name "Luật Bình đẳng giới".
 * Malformed numbers ("1303/BLĐT BXH-VBĐG") are kept with their `raw` text for the rules to flag.
 */
import { builtinData } from '../data/store.js';
import type { Citation } from './schema.js';
import { locate, type Span } from './span.js';
import { escapeRegExp, isoDate, squash } from './vi.js';
import { execAll } from '../util/regex.js';

export interface FoundCitation {
  citation: Citation;
  start: number;
  end: number;
}

let typePattern: string | null = null;
function typeAlternation(): string {
  if (typePattern) return typePattern;
  const names = builtinData.documentTypes.entries
    .map((e) => e.name)
    .sort((a, b) => b.length - a.length)
    .map((name) => {
      // Laws are cited with a capital ("Luật"): lower-case "luật" is the common noun.
      if (name === 'Luật' || name === 'Bộ luật' || name === 'Hiến pháp')
        return escapeRegExp(name).replace(/ /g, '\\s+');
      const first = name[0]!;
      return `[${first.toUpperCase()}${first.toLowerCase()}]${escapeRegExp(name.slice(1)).replace(/ /g, '\\s+')}`;
    });
  typePattern = names.join('|');
  return typePattern;
}

const SYMBOL_TOKEN = String.raw`[\p{L}\d&]+`;
let citationRe: RegExp | null = null;
function citationRegex(): RegExp {
  if (citationRe) return citationRe;
  const type = `(?<type>${typeAlternation()})`;
  const state = String.raw`(?<state>(?<number>\d+)\s*\/\s*(?:(?<year>\d{4})\s*\/\s*)?(?<symbol>\p{Lu}${SYMBOL_TOKEN.slice(0, -1)}*(?:\s*-\s*${SYMBOL_TOKEN})*))`;
  const party = String.raw`(?<party>(?<pnumber>\d+)\s*-\s*(?<ptype>\p{Lu}[\p{L}]{0,3})\s*\/\s*(?<pissuer>\p{Lu}[\p{L}\d]*))`;
  citationRe = new RegExp(
    String.raw`(?<![\p{L}])${type}\s*(?:số\s*:?\s*)?(?:${party}|${state})(?![\p{L}\d])`,
    'gu',
  );
  return citationRe;
}

let lawRe: RegExp | null = null;
function lawRegex(): RegExp {
  if (lawRe) return lawRe;
  const names = builtinData.lawNames.entries
    .map((e) => e.name)
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRegExp(n).replace(/ /g, '\\s+'));
  lawRe = new RegExp(
    String.raw`(?<![\p{L}])(?<type>Bộ\s+luật|Luật)\s+(?<name>${names.join('|')}|\p{Lu}[\p{Ll}]*(?:\s+(?!và\s|của\s|về\s|trong\s|để\s|nhằm\s|theo\s|tại\s|đã\s|được\s|có\s|cho\s|với\s|là\s|số\s|năm\s|hiện\s|đặc\s|sửa\s)[\p{L}]+){0,5})(?<amended>\s*\(sửa đổi(?:,\s*bổ sung)?\))?(?:\s+năm\s+(?<year>\d{4}))?(?:\s+số\s+(?<lnumber>\d+)\s*\/\s*(?<lyear>\d{4})\s*\/\s*(?<lsymbol>QH\d+))?`,
    'gud', // d: group indices, to cut the number part out of "Luật Tố cáo số 25/2018/QH14"
  );
  return lawRe;
}

const DATE_AFTER =
  /^\s*,?\s*(?:ban hành\s+)?(?:ngày\s*)?(?:(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})|(?<d2>\d{1,2})\s+tháng\s+(?<m2>\d{1,2})\s+năm\s+(?<y2>\d{4}))/u;
const ISSUER_AFTER =
  /^\s*,?\s*của\s+(?<issuer>.+?)(?=\s+(?:về|ban hành|hướng dẫn|quy định|triển khai|thực hiện|phê duyệt|V\/v|tổ chức|tiếp tục|đã|được|trên|tại|nhằm|để|ngày|năm)(?![\p{L}])|\s+và\s+(?=\p{Ll})|\s*[,;.(:“"]|$)/u;
const SUBJECT_AFTER =
  /^\s*(?:,\s*)?(?<subject>(?:về việc|về|V\/v|ban hành|hướng dẫn|quy định|triển khai|thực hiện|phê duyệt)(?![\p{L}])[^;]{0,200}?)(?=[;.]\s|[;.]$|$|\s*\(|,\s*(?:ngày|đặc biệt|trên cơ sở))/u;

function dateOf(m: RegExpExecArray): { iso: string | null; raw: string } {
  const g = m.groups!;
  const d = Number(g.d ?? g.d2);
  const mo = Number(g.m ?? g.m2);
  const y = Number(g.y ?? g.y2);
  return { iso: isoDate(y, mo, d), raw: squash(m[0].replace(/^\s*,?\s*/, '')) };
}

/** Read date, issuer and subject after a citation's number, from `from` in `text`. */
function tail(text: string, from: number) {
  let cursor = from;
  let date: string | null = null;
  let dateRaw: string | null = null;
  let issuer: string | null = null;
  let subject: string | null = null;
  const dm = DATE_AFTER.exec(text.slice(cursor));
  if (dm) {
    ({ iso: date, raw: dateRaw } = dateOf(dm));
    cursor += dm[0].length;
  }
  const textEnd = cursor;
  const im = ISSUER_AFTER.exec(text.slice(cursor));
  if (im && im.groups!.issuer!.length <= 120) {
    issuer = squash(im.groups!.issuer!);
    cursor += im[0].length;
  }
  const sm = SUBJECT_AFTER.exec(text.slice(cursor));
  if (sm) subject = squash(sm.groups!.subject!.replace(/^(?:về việc|về|V\/v)\s+/u, '')) || null;
  // A second date after the issuer is not this citation's: only the one right after the number.
  return { date, dateRaw, issuer, subject, textEnd };
}

type Identity = Pick<Citation, 'docType' | 'number' | 'year' | 'symbol' | 'format' | 'raw'>;

/** A citation whose identity ends at `end`: its date, issuer and subject are read after it. */
function citationAt(span: Span, start: number, end: number, identity: Identity): FoundCitation {
  const after = tail(span.text, end);
  const citation: Citation = {
    type: 'citation',
    ...identity,
    text: squash(span.text.slice(start, after.textEnd)),
    date: after.date,
    dateRaw: after.dateRaw,
    issuer: after.issuer,
    subject: after.subject,
    ...locate(span, start, after.textEnd),
  };
  return { citation, start, end: after.textEnd };
}

export function findCitations(span: Span): FoundCitation[] {
  const text = span.text;
  const found: FoundCitation[] = [];
  // Most paragraphs cite nothing: a number with "/" or "-" after it (a numbered document), or
  // "Luật" (a law by name), is needed.
  const numbered = /\d\s*[/-]/.test(text);
  const law = /[Ll]uật/.test(text);
  if (!numbered && !law) return found;
  if (numbered)
    for (const m of execAll(citationRegex(), text)) {
      const g = m.groups!;
      const start = m.index;
      const type = squash(g.type!);
      const docType = type[0]!.toUpperCase() + type.slice(1);
      let end = start + m[0].length;
      let raw: string;
      let number: string;
      let symbol: string;
      let year: number | null = null;
      let format: Citation['format'];
      if (g.party) {
        raw = g.party;
        number = g.pnumber!;
        symbol = `${g.ptype}/${g.pissuer}`;
        format = 'party';
      } else {
        raw = g.state!;
        number = g.number!;
        symbol = g.symbol!.replace(/\s+/g, '');
        year = g.year ? Number(g.year) : null;
        format = 'state';
        // "1303/BLĐT BXH-VBĐG": a symbol broken by a stray space continues with a capital group.
        const more = /^ +(\p{Lu}[\p{Lu}\d&]+(?:-[\p{L}\d&]+)*)(?![\p{L}\d])/u.exec(text.slice(end));
        if (more && !symbol.includes('-') && more[1]!.includes('-')) {
          raw += more[0];
          symbol += more[1];
          end += more[0].length;
        }
      }
      found.push(citationAt(span, start, end, { docType, number, year, symbol, format, raw: raw.trim() }));
    }
  if (law)
    for (const m of execAll(lawRegex(), text)) {
      const start = m.index;
      if (found.some((f) => start >= f.start && start < f.end)) continue;
      const g = m.groups!;
      const name = squash(g.name!);
      // "Luật" followed by a word that is not a name ("Luật này", "Luật sửa đổi") is not a citation.
      if (!/^\p{Lu}/u.test(name)) continue;
      const end = start + m[0].length;
      found.push(
        citationAt(span, start, end, {
          docType: squash(g.type!),
          number: g.lnumber ?? null,
          year: g.lyear ? Number(g.lyear) : g.year ? Number(g.year) : null,
          symbol: g.lsymbol ?? null,
          format: g.lnumber ? 'state' : 'name',
          // The number/symbol as written when there is one, else the name.
          raw: g.lnumber ? text.slice(m.indices!.groups!.lnumber![0], end) : squash(m[0]),
        }),
      );
    }
  return found.sort((a, b) => a.start - b.start);
}
