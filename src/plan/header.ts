/**
 * The header of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I; party documents
 * per Hướng dẫn 36-HD/VPTW): issuer, quốc hiệu (or "ĐẢNG CỘNG SẢN VIỆT NAM"), "Số: …/…", place and
 * date, document type and trích yếu. Each part is recognised wherever it stands, in whatever
 * order: the first blocks are flattened into one text (a two-column table's cells, a web page's
 * "|" cells and hard-wrapped lines alike) and each part is found in it by its own shape. Steps:
 *  1. `headerText`: the first lines of the document as one mapped text, cell breaks kept;
 *  2. `findMotto`, `findNumber`, `findDate`, `findTypeLine`: the parts with a fixed shape;
 *  3. `findIssuer`: the capitals just before the first part (a website banner above is left out);
 *  4. `findTitle`: the trích yếu under the type line (or after "V/v" in a letter);
 *  5. `composeIssuer`, `levelOfIssuer`, `planYearOf`: meta fields read from those parts;
 *  6. `bodyStartAfter`: where the body begins, splitting a block the header shares with it.
 */
import { builtinData } from '../data/store.js';
import { lines, type Block } from './blocks.js';
import type { Level, Meta, TextLine } from './schema.js';
import { join, locate, slice, trim, type Span, type SpanPart } from './span.js';
import {
  capitalize,
  escapeRegExp,
  isUpperText,
  isoDate,
  lower,
  normalizeTones,
  squash,
  startsWithAny,
  wordPattern,
} from './vi.js';
import { parseLabel } from './labels.js';
import { execAll } from '../util/regex.js';

export interface HeaderResult {
  meta: Meta;
  /** Index of the first block after the header (preamble or body). */
  bodyStart: number;
  /** Indices of tables that were the header block. */
  headerTables: number[];
}

/** Cells of a layout table in reading order: the left column top-down, then the right. */
export function layoutLines(block: Block): Span[] {
  return layoutCells(block).flat();
}

function layoutCells(block: Block): Span[][] {
  if (block.kind !== 'table') return [lines(block.span)];
  const columns = Math.max(...block.rows.map((r) => r.cells.length));
  const out: Span[][] = [];
  for (let c = 0; c < columns; c++) {
    for (const row of block.rows) {
      const cell = row.cells[c];
      if (cell) out.push(lines(cell));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 1. The header text

/** A line of the header text: where it came from, and whether a cell or block starts with it. */
interface HeaderLine {
  /** Offset of the line in the header text. */
  at: number;
  end: number;
  block: number;
  /** Index of the source line within the block's lines (layoutLines order). */
  line: number;
  cellStart: boolean;
}

interface HeaderText {
  text: string;
  parts: SpanPart[];
  lines: HeaderLine[];
}

/** At most this many blocks / lines are read for the header (a banner may come first). */
const MAX_BLOCKS = 60;
const MAX_LINES = 260;

/** Cell borders ("|"), rules ("-------", "______") and markdown marks split a source line. */
const LINE_BREAKERS = /\|+|[-_=–]{3,}|[*#]+|_{2,}|\\/gu;

/**
 * The first lines of the document as one text: pieces of a source line joined by a space, lines
 * by "\n", cells and blocks by "\n|\n" so that no part of the header is matched across them.
 */
function headerText(blocks: Block[]): HeaderText {
  const out: HeaderText = { text: '', parts: [], lines: [] };
  const limit = Math.min(blocks.length, MAX_BLOCKS);
  for (let b = 0; b < limit && out.lines.length < MAX_LINES; b++) {
    let index = 0;
    for (const cell of layoutCells(blocks[b]!)) {
      let cellStart = true;
      for (const line of cell) {
        // One block may hold the whole document (a file without blank lines): read its head only.
        if (out.lines.length >= MAX_LINES) return out;
        let pieces: Span[] = [];
        let start = 0;
        const flush = (end: number) => {
          const piece = trim(slice(line, start, end));
          if (!piece.text) return;
          // A mark inside a word ("ng**ày", "C****ÔNG"): the two halves are one word.
          const markStart = pieceStartBefore(line.text, start);
          const inWord =
            markStart < start &&
            markStart > 0 &&
            /[\p{L}\p{N}]/u.test(line.text[markStart - 1]!) &&
            /^[\p{L}\p{N}]/u.test(line.text.slice(start));
          glued.set(piece, inWord);
          pieces.push(piece);
        };
        for (const m of execAll(new RegExp(LINE_BREAKERS.source, 'gu'), line.text)) {
          flush(m.index);
          start = m.index + m[0].length;
          if (/^[*#]+$/.test(m[0])) continue;
          // A cell border or a rule: what follows is another cell.
          if (pieces.length > 0) appendLine(out, pieces, b, index, cellStart);
          pieces = [];
          cellStart = true;
        }
        flush(line.text.length);
        if (pieces.length > 0) {
          appendLine(out, pieces, b, index, cellStart);
          cellStart = false;
        }
        index++;
      }
    }
  }
  return out;
}

/** Pieces split by a mark inside a word, to be joined without a space. */
const glued = new WeakMap<Span, boolean>();

/** Start of the run of marks that ends at `end`. */
function pieceStartBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && text[i - 1] === '*') i--;
  return i;
}

function appendLine(out: HeaderText, pieces: Span[], block: number, line: number, cellStart: boolean): void {
  if (out.lines.length > 0) out.text += cellStart ? '\n|\n' : '\n';
  const at = out.text.length;
  pieces.forEach((piece, i) => {
    if (i > 0 && !glued.get(piece)) out.text += ' ';
    const base = out.text.length;
    for (const part of piece.parts) out.parts.push({ ...part, at: part.at + base });
    out.text += piece.text;
  });
  out.lines.push({ at, end: out.text.length, block, line, cellStart });
}

function spanOf(header: HeaderText, start: number, end: number): Span {
  return trim(slice({ text: header.text, parts: header.parts }, start, end));
}

/** A field's line for the rules: its text with wraps and cell marks joined by one space. */
function textLine(header: HeaderText, start: number, end: number): TextLine {
  const span = spanOf(header, start, end);
  const text = span.text.replace(/\n\|\n|\n/g, ' ');
  return { type: 'line', text, ...locate({ text, parts: span.parts }) };
}

function lineIndexAt(header: HeaderText, offset: number): number {
  let lo = 0;
  let hi = header.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (header.lines[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// 2. Parts with a fixed shape

interface Found {
  start: number;
  end: number;
}

/** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in capitals, words split by any white space. */
function capitalsPattern(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

let mottoRe: RegExp | null = null;
function findMotto(header: HeaderText): (Found & { party: boolean }) | null {
  if (!mottoRe) {
    const motto = builtinData.documentParts.motto;
    const nation = capitalsPattern(normalizeTones(motto.nation.toUpperCase()));
    const slogan = motto.slogan
      .split(/\s*-\s*/)
      .map(capitalsPattern)
      .join('\\s*[-–]\\s*');
    const party = builtinData.headerWords.partyMotto.words.map(capitalsPattern).join('|');
    mottoRe = new RegExp(
      `(?<nation>${nation}(?:\\s*(?:\\n\\|\\n)?\\s*${slogan})?)|(?<slogan>${slogan})|(?<party>${party})`,
      'u',
    );
  }
  const m = mottoRe.exec(normalizeTones(header.text));
  if (!m) return null;
  return { start: m.index, end: m.index + m[0].length, party: m.groups!.party !== undefined };
}

const SYMBOL_PIECE = String.raw`[\p{L}\d&.]+`;
/** "Số: 2820/QĐ-UBND", "Số: 87/2025/QĐ-UBND", "Số:\n57/VBHN-BCT", a draft's "Số: …/KH-UBND". */
const NUMBER_STATE = new RegExp(
  String.raw`(?<=^|\n|[ \t]{2})Số(?:\s*:)?(?:\s*(?<number>\d+[a-z]?|[.…]+))?\s*\/[ \t]*(?<symbol>${SYMBOL_PIECE}(?:[ \t]*[-–/][ \t]*${SYMBOL_PIECE})*)`,
  'u',
);
/** Party style: "Số 50-QĐ/TW", "Số: 1147-QĐ/BTGDVTW". */
const NUMBER_PARTY = new RegExp(
  String.raw`(?<=^|\n|[ \t]{2})Số(?:\s*:)?\s*(?:(?<number>\d+|[.…]+)[ \t]*)?-[ \t]*(?<symbol>\p{Lu}[\p{L}]*[ \t]*\/[ \t]*${SYMBOL_PIECE})`,
  'u',
);

interface NumberPart extends Found {
  number: string;
  symbol: string;
  party: boolean;
}

function findNumber(header: HeaderText): NumberPart | null {
  const state = NUMBER_STATE.exec(header.text);
  const party = NUMBER_PARTY.exec(header.text);
  const m = party && (!state || party.index <= state.index) ? party : state;
  if (!m) return null;
  const rawNumber = (m.groups!.number ?? '').trim();
  const number = /^\d/.test(rawNumber) ? rawNumber : '';
  let symbol = m.groups!.symbol!.replace(/\s+/g, '').replace(/–/g, '-');
  // The year of a legal-normative number ("87/2025/QĐ-UBND") is not part of the ký hiệu.
  symbol = symbol.replace(/^(?:19|20)\d\d\//, '');
  return { start: m.index, end: m.index + m[0].length, number, symbol, party: m === party };
}

/**
 * "Bắc Ninh, ngày 20 tháng 11 năm 2025", wrapped anywhere; a draft's "ngày … tháng … năm 2025".
 * Word lengths are bounded so that a long run of letters costs linear time, not quadratic.
 */
const DATE_LINE =
  /(?:(?<![\p{L}])(?<place>\p{Lu}[\p{L}.']{0,15}(?:(?:[ \t]+|[ \t]*\n[ \t]*)[\p{L}.']{1,15}){0,5}?)\s*,\s*)?(?<![\p{L}])ngày[\s.…]*(?:(?<day>\d{1,2})[\s.…]*)?tháng[\s.…]*(?:(?<month>\d{1,2})[\s.…]*)?năm[\s.…]*(?<year>\d{4})?/u;

interface DatePart extends Found {
  place: string | null;
  issueDate: string | null;
  blank: boolean;
}

function findDate(header: HeaderText, from: number, to: number): DatePart | null {
  const re = new RegExp(DATE_LINE.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(header.text); m && m.index < to; m = re.exec(header.text)) {
    const g = m.groups!;
    // "Ngày 18 tháng 11 năm 2025, tại trụ sở …" opens the body of a Thông báo: not the date line.
    if (!g.place) {
      const before = header.text.slice(Math.max(0, m.index - 3), m.index);
      if (!/\n\|\n$|^$|,\s*$/.test(before) || /^Ngày/.test(m[0])) continue;
    }
    const place = g.place ? squash(g.place.replace(/\n/g, ' ')) : null;
    if (place && /^(?:Số|Ngày)\b/u.test(place)) continue;
    const issueDate =
      g.day && g.month && g.year ? isoDate(Number(g.year), Number(g.month), Number(g.day)) : null;
    return { start: m.index, end: m.index + m[0].length, place, issueDate, blank: !(g.day && g.month) };
  }
  return null;
}

interface TypePart extends Found {
  docType: string;
  /** Offset where text after the type name on the same line starts (a title run in). */
  rest: number | null;
}

let typeRe: RegExp | null = null;
/** A line that is a document type's name in capitals ("QUYẾT ĐỊNH", "NGHỊ ĐỊNHVề …"). */
function findTypeLine(header: HeaderText, from: number, to: number, afterParts = to): TypePart | null {
  const names = builtinData.documentTypes.entries.map((e) => e.name).sort((a, b) => b.length - a.length);
  typeRe ??= new RegExp(
    `^(?:${names.map((n) => capitalsPattern(normalizeTones(n.toUpperCase()))).join('|')})(?=$|[^\\p{Lu}]|\\p{Lu}\\p{Ll})`,
    'u',
  );
  const byUpper = new Map(names.map((n) => [squash(normalizeTones(n.toUpperCase())), n]));
  for (const line of header.lines) {
    if (line.end <= from || line.at >= to) continue;
    const text = normalizeTones(header.text.slice(line.at, line.end));
    const m = typeRe.exec(text);
    if (!m) continue;
    const after = text.slice(m[0].length);
    // The name alone, or run into a sentence-case title ("NGHỊ ĐỊNHVề hợp đồng …"), or, below the
    // number and date, joined with a title in capitals by the converter ("QUYẾT ĐỊNH VỀ VIỆC …").
    const runIn =
      /^\s*\p{Lu}\p{Ll}/u.test(after) ||
      (line.at >= afterParts && /^\s+\p{Lu}{2,}\s+\p{Lu}/u.test(after) && isUpperText(after.slice(0, 40)));
    if (after.trim() !== '' && !runIn) continue;
    const docType = byUpper.get(squash(m[0]));
    if (!docType) continue;
    const restAt =
      after.trim() === '' ? null : line.at + m[0].length + (after.length - after.trimStart().length);
    return { start: line.at, end: line.at + m[0].length, docType, rest: restAt };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 3. The issuer block

/** The capitals just before the first header part: the issuer block, read back to a non-capital line. */
function findIssuer(header: HeaderText, firstPart: number): Found | null {
  const at = lineIndexAt(header, firstPart);
  const line = header.lines[at]!;
  let start = -1;
  let end = -1;
  // The part may share its line with the issuer ("ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI …").
  const head = header.text.slice(line.at, firstPart);
  if (firstPart > line.at && isUpperText(head)) {
    start = line.at;
    end = firstPart;
  }
  for (let i = at - 1; i >= 0 && at - i <= 8; i--) {
    const l = header.lines[i]!;
    const text = header.text.slice(l.at, l.end);
    if (!isUpperText(text) || text.replace(/[^\p{L}]/gu, '').length < 2 || /[:]$/.test(text)) break;
    start = l.at;
    if (end < 0) end = l.end;
  }
  return start >= 0 ? { start, end } : null;
}

/**
 * Two header columns on one visual line (text extracted from a PDF): "THÀNH PHỐ HUẾ Độc lập - Tự do
 * - Hạnh phúc" under "ỦY BAN NHÂN DÂN CỘNG HÒA …": the capitals before the slogan continue the issuer.
 */
function issuerBesideMotto(header: HeaderText, motto: Found): Found | null {
  const slogan = /Độc\s+lập\s*[-–]\s*Tự\s+do/u;
  for (let i = lineIndexAt(header, motto.start), n = 0; i < header.lines.length && n < 3; i++, n++) {
    const line = header.lines[i]!;
    const text = header.text.slice(line.at, line.end);
    const m = slogan.exec(text);
    if (m && m.index > 0 && line.at > motto.start && isUpperText(text.slice(0, m.index)))
      return { start: line.at, end: line.at + m.index };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 4. The trích yếu

function connectsToNext(text: string): boolean {
  const words = builtinData.headerWords.titleConnectors.words;
  const last = lower(text.trim()).split(/\s+/).pop() ?? '';
  return words.includes(last) || /[,(\-–]$/.test(text.trim());
}

function isAuthorityLine(text: string): boolean {
  return isUpperText(text) && startsWithAny(text, builtinData.headerWords.authorityWords.words) !== null;
}

/**
 * Does the line open the preamble or the content? `firstTitleLine`: only the unmistakable openings
 * count ("Căn cứ", "Kính gửi", "Điều 1", "I."), since a trích yếu may itself begin "Triển khai …",
 * "Thực hiện …".
 */
function startsBody(text: string, firstTitleLine = false): boolean {
  const t = text.replace(/^[-–•+\s]+/, '');
  if (firstTitleLine) {
    const strong = builtinData.documentParts.preambleStarters.words.slice(0, 1);
    return (
      parseLabel(t)?.kind === 'roman' ||
      (!isUpperText(t) && startsWithAny(t, strong) !== null) ||
      /^(?:Kính\s+gửi|Điều\s+1\b)/u.test(t)
    );
  }
  const label = parseLabel(t);
  if (label?.kind === 'roman') return true;
  // "THỰC HIỆN CHƯƠNG TRÌNH …" in capitals is a wrapped title line, not "Thực hiện …" of a preamble.
  if (isUpperText(t)) return false;
  if (startsWithAny(t, builtinData.documentParts.preambleStarters.words)) return true;
  return /^(?:Kính\s+gửi|Điều\s+1\b|Chương\s+I\b|Phần\s+I\b)/u.test(t);
}

/**
 * Lines of the trích yếu from `start`: the same case all through (a capital title ends at the
 * first line in sentence case and vice versa), not the authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN
 * …") unless the previous line ends mid-phrase, not past a cell break once a line is read.
 */
function findTitle(header: HeaderText, start: number, sameLine: boolean): Found | null {
  let i = lineIndexAt(header, start);
  let end = -1;
  let upper: boolean | null = null;
  let previous = '';
  for (let n = 0; i < header.lines.length && n < 12; i++, n++) {
    const line = header.lines[i]!;
    const from = n === 0 ? Math.max(start, line.at) : line.at;
    if (from >= line.end) continue;
    const text = header.text.slice(from, line.end);
    if (n > 0 && line.cellStart && end >= 0) break;
    if (startsBody(text, end < 0)) break;
    if (/^(?:ngày|Ngày)\s+\d/u.test(text) && end >= 0) break;
    const isUpper: boolean = /\p{L}/u.test(text) ? isUpperText(text) : (upper ?? true);
    if (upper !== null && isUpper !== upper) {
      // "VỀ\nviệc …"-style mixed wraps do not occur; a change of case ends the title.
      break;
    }
    if (end >= 0 && isAuthorityLine(text) && !connectsToNext(previous)) break;
    if (end < 0 && !sameLine && isAuthorityLine(text) && !/^(?:VỀ|V\/V)/u.test(text)) {
      // No title: the authority line follows the type line directly.
      return null;
    }
    if (upper === null) start = from;
    upper ??= isUpper;
    // A converter may have joined the preamble to the title's line: "… TỈNH CAO BẰNG Căn cứ Luật …".
    const joined = preambleInside(text);
    if (joined > 0) {
      end = from + joined;
      break;
    }
    end = line.end;
    previous = text;
  }
  return end > start ? { start, end } : null;
}

let preambleRe: RegExp | null = null;
/** Offset of a sentence-case preamble opening inside a line ("… CAO BẰNG Căn cứ Luật …"), else -1. */
function preambleInside(text: string): number {
  preambleRe ??= new RegExp(
    `\\s(?:${builtinData.documentParts.preambleStarters.words.map(escapeRegExp).join('|')})(?![\\p{L}])`,
    'u',
  );
  const m = preambleRe.exec(text);
  return m ? m.index : -1;
}

/**
 * "V/v đề xuất giải pháp …" under the number of a letter (Công văn), wrapped over the lines of
 * its cell: the text after "V/v" ("Về …" when the mark is left out).
 */
function findLetterSubject(header: HeaderText, from: number, to: number): Found | null {
  const marks = builtinData.headerWords.letterSubject.words.filter((w) => w.includes('/'));
  const re = new RegExp(`^\\s*(?:(?:${marks.map(escapeRegExp).join('|')})(?:\\s*[:.])?\\s*|(?=Về\\s))`, 'iu');
  const next = header.text.indexOf('\n', from);
  if (next < 0 || next >= to || header.text.startsWith('\n|\n', next)) return null;
  const m = re.exec(header.text.slice(next + 1, to));
  if (!m) return null;
  const start = next + 1 + m[0].length;
  let end = header.text.indexOf('\n|\n', start);
  if (end < 0 || end > to) end = to;
  // The date may follow in the same cell on the next line.
  const date = /\n[^\n]*ngày\s*[\d.…]/u.exec(header.text.slice(start, end));
  if (date) end = start + date.index;
  return end > start ? { start, end } : null;
}

// ---------------------------------------------------------------------------------------------
// 5. Meta fields from the parts

interface BodyHead {
  words: string;
  level: Level | null;
  parentAs: string;
  needsName: boolean;
}

let bodyHeads: BodyHead[] | null = null;
function heads(): BodyHead[] {
  bodyHeads ??= builtinData.headerWords.bodies
    .flatMap((b) =>
      b.words.map((w) => ({ words: lower(w), level: b.level, parentAs: b.parentAs, needsName: b.needsName })),
    )
    .sort((a, b) => b.words.split(' ').length - a.words.split(' ').length);
  return bodyHeads;
}

interface IssuerSegment {
  words: string[];
  head: BodyHead | null;
}

/**
 * "BỘ TÀI CHÍNH CỤC THUẾ" → [Bộ Tài chính][Cục Thuế]: a new body starts at a body head word,
 * except right after another head ("CỤC THUẾ", "BỘ CÔNG AN" are one body).
 */
function segmentsOf(issuer: string): IssuerSegment[] {
  const lineStarts = new Set<number>();
  const words: string[] = [];
  for (const line of normalizeTones(issuer).split('\n')) {
    const ws = squash(line).split(' ').filter(Boolean);
    if (ws.length > 0) lineStarts.add(words.length);
    words.push(...ws);
  }
  const lw = words.map((w) => normalizeTones(lower(w)));
  const segments: IssuerSegment[] = [];
  let current: IssuerSegment | null = null;
  let guard = 0;
  for (let i = 0; i < words.length;) {
    // A generic head ("Vụ", "Cục", "Sở") opens a body only at the start of a line of the block:
    // inside a line it is part of a name ("BỘ NỘI VỤ", "PHỤC VỤ").
    const hit =
      guard === 0
        ? heads().find(
            (h) =>
              (!h.needsName || i === 0 || lineStarts.has(i)) &&
              h.words.split(' ').every((w, k) => lw[i + k] === w),
          )
        : undefined;
    if (hit) {
      const n = hit.words.split(' ').length;
      current = { words: words.slice(i, i + n), head: hit };
      segments.push(current);
      i += n;
      guard = hit.needsName ? 1 : 0;
      continue;
    }
    if (!current) {
      current = { words: [], head: null };
      segments.push(current);
    }
    current.words.push(words[i]!);
    i++;
    guard = Math.max(0, guard - 1);
  }
  return segments;
}

let levelWordRe: RegExp | null = null;
/** "tỉnh Lai Châu" of "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU". */
function localityOf(segment: string): string | null {
  const words = builtinData.adminLevels.levels.flatMap((l) => l.words).concat(['thành phố']);
  levelWordRe ??= new RegExp(`(?:${words.map(wordPattern).join('|')})`, 'u');
  const m = levelWordRe.exec(lower(segment));
  return m ? segment.slice(m.index) : null;
}

/** "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC" → "Ủy ban nhân dân tỉnh Bình Phước". */
export function issuerCase(upper: string, continuation = false): string {
  const acronyms = new Set(builtinData.agencyAbbreviations.entries.map((e) => e.abbreviation));
  const levelWords = builtinData.adminLevels.levels.flatMap((l) => l.words).concat(['thành phố']);
  const headNames = new Map(builtinData.headerWords.bodies.flatMap((b) => b.words).map((w) => [lower(w), w]));
  const words = squash(upper).split(' ');
  const out: string[] = [];
  let properName = false;
  let startOfName = !continuation;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (
      acronyms.has(word) ||
      (/^[\p{Lu}\d]{2,}$/u.test(word) &&
        !/[aăâeêioôơuưy]/iu.test(lower(word).normalize('NFD').replace(/\p{M}/gu, '')))
    ) {
      out.push(word);
      startOfName = false;
      continue;
    }
    // A body's head as the data writes it ("Ủy ban nhân dân", "Văn phòng Chính phủ").
    const head = [7, 6, 5, 4, 3, 2, 1]
      .map((n) =>
        words
          .slice(i, i + n)
          .map(lower)
          .join(' '),
      )
      .find((phrase) => headNames.has(phrase));
    if (head && !properName) {
      out.push(headNames.get(head)!);
      i += head.split(' ').length - 1;
      startOfName = true;
      continue;
    }
    const lw = lower(word);
    const two = i + 1 < words.length ? `${lw} ${lower(words[i + 1]!)}` : '';
    if (levelWords.includes(two)) {
      out.push(lw, lower(words[i + 1]!));
      i++;
      properName = true;
      continue;
    }
    if (levelWords.includes(lw)) {
      out.push(lw);
      properName = true;
      continue;
    }
    if (lw === 'và' || lw === ',') {
      out.push(lw);
      startOfName = true;
      continue;
    }
    out.push(properName || startOfName || out.length === 0 ? capitalize(lw) : lw);
    startOfName = word.endsWith(',');
  }
  return out.join(' ').replace(/\bviệt nam\b/giu, 'Việt Nam');
}

/**
 * The issuing body, as written in running text: the lowest body of the block qualified by the
 * one above it ("UBND TỈNH LAI CHÂU / SỞ Y TẾ" → "Sở Y tế tỉnh Lai Châu"; "BỘ TÀI CHÍNH / CỤC
 * THUẾ" → "Cục Thuế Bộ Tài chính"; "BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TUYÊN GIÁO VÀ DÂN VẬN" → "Ban
 * Tuyên giáo và Dân vận Trung ương").
 */
function composeIssuer(block: string): { issuer: string; segments: IssuerSegment[] } {
  const segments = segmentsOf(block).filter((s) => s.words.length > 0);
  if (segments.length <= 1) return { issuer: issuerCase(squash(block.replace(/\n/g, ' '))), segments };
  const child = segments[segments.length - 1]!;
  const parent = segments[segments.length - 2]!;
  const childText = child.words.join(' ');
  const parentText = parent.words.join(' ');
  let qualifier: string | null;
  if (localityOf(childText)) qualifier = null;
  else if (parent.head?.parentAs === 'locality') qualifier = localityOf(parentText);
  else if (parent.head?.parentAs && parent.head.parentAs !== 'whole') qualifier = parent.head.parentAs;
  else qualifier = parentText;
  // A person's office above the body is part of it ("CHỦ TỊCH / ỦY BAN NHÂN DÂN …").
  if (parent.head === null || /^chủ tịch$/u.test(lower(parentText)))
    return { issuer: issuerCase(squash(block.replace(/\n/g, ' '))), segments };
  const issuer =
    qualifier && !lower(childText).endsWith(lower(qualifier))
      ? `${issuerCase(childText)} ${issuerCase(qualifier, true)}`
      : issuerCase(childText);
  return { issuer: squash(issuer), segments };
}

let cityPattern: RegExp | null = null;
let levelPatterns: { level: Level; word: string; re: RegExp }[] | null = null;

/** "tỉnh", "huyện", "xã" from an issuer or place phrase: its lowest named unit. */
export function levelOf(phrase: string): Level | null {
  const text = lower(phrase);
  levelPatterns ??= builtinData.adminLevels.levels.flatMap(({ level, words }) =>
    words.map((word) => ({ level, word, re: new RegExp(wordPattern(word), 'gu') })),
  );
  cityPattern ??= new RegExp(`${wordPattern('thành phố')}\\s+([\\p{L}\\s]+)`, 'u');
  const city = cityPattern.exec(text);
  let best: { level: Level; index: number } | null = null;
  for (const { level, word, re } of levelPatterns) {
    for (const m of execAll(re, text)) {
      // "thị xã" is a district-level unit, not "xã".
      if (word === 'xã' && text.slice(0, m.index).endsWith('thị ')) continue;
      if (!best || m.index > best.index) best = { level, index: m.index };
    }
  }
  if (city && (!best || city.index > best.index)) {
    const name = city[1]!.trim();
    return builtinData.adminLevels.centralCities.some((c) => name.startsWith(lower(c.name)))
      ? 'tỉnh'
      : 'huyện';
  }
  return best?.level ?? null;
}

/** The level of the issuing body: a central body at the top of the block, else its locality. */
function levelOfIssuer(issuer: string, segments: IssuerSegment[], symbol: string | null): Level | null {
  const top = segments.find((s) => s.head);
  if (top?.head?.level) return top.head.level;
  const local = levelOf(issuer);
  if (local) return local;
  if (symbol && /\/TW$/u.test(symbol)) return 'trung ương';
  if (/\btrung ương$/iu.test(issuer)) return 'trung ương';
  return null;
}

/** The issuer named by the ký hiệu's issuer code (issuer-codes.json) when the block is missing. */
function issuerFromCode(code: string | null, typeCode: string | null): string | null {
  if (!code) return null;
  const hit = builtinData.issuerCodes.entries.find(
    (e) => e.code === code && (e.types === null || (typeCode !== null && e.types.includes(typeCode))),
  );
  return hit?.names[0] ?? null;
}

/** The issuer code of the ký hiệu: "QĐ-UBND" → "UBND", "QĐ/TW" → "TW", a letter's "BNV-CQĐP" → "BNV". */
function issuerCodeOf(symbol: string | null, issuer: string | null, letter = false): string | null {
  if (symbol) {
    const party = /^[\p{L}]+\/(.+)$/u.exec(symbol);
    if (party) return party[1]!;
    const parts = symbol.split('-');
    if (parts.length > 1) {
      const typeCodes = new Set(builtinData.documentTypes.entries.map((e) => e.abbreviation).filter(Boolean));
      // A letter's ký hiệu starts with its issuer ("CT-CS": Cục Thuế, its Ban Chính sách).
      return typeCodes.has(parts[0]!) && !letter ? parts.slice(1).join('-') : parts[0]!;
    }
  }
  if (issuer) {
    const li = lower(issuer);
    const hit = builtinData.agencyAbbreviations.entries
      .filter((e) => li.startsWith(e.expansion))
      .sort((a, b) => b.expansion.length - a.expansion.length)[0];
    if (hit) return hit.abbreviation;
  }
  return null;
}

/**
 * The year the title names: "năm 2025", "năm học 2025 - 2026", "giai đoạn 2026 - 2030" (its
 * first year); not a horizon ("tầm nhìn đến năm 2045") nor a cited document's date ("ngày 10
 * tháng 11 năm 2025").
 */
export function planYearOf(title: string | null): number | null {
  if (!title) return null;
  // A year after a cited document ("… Nghị quyết số 09/2022/NQ-HĐND … giai đoạn 2021 - 2025") is that document's.
  const t = lower(title).split(/(?<![\p{L}])số\s*\d+\s*[/-]|\d+\/\d{4}\//u)[0]!;
  const re = /(?<!(?:đến|tới|tháng\s*\d{1,2}|\/)\s*)(?:năm(?:\s+học)?|giai\s+đoạn)\s+(\d{4})(?!\d)/gu;
  const first = re.exec(t);
  return first ? Number(first[1]) : null;
}

/** The issuer named in the body: "Ủy ban nhân dân tỉnh ban hành Kế hoạch …". */
function issuerFromBody(blocks: Block[], place: string | null, title: string | null): string | null {
  for (const block of blocks.slice(0, 12)) {
    if (block.kind !== 'para') continue;
    const m = /(?:^|[.;:]\s+)(\p{Lu}[^.;:]*?)\s+(?:ban hành|xây dựng)\s+(?:kế hoạch|Kế hoạch)/u.exec(
      block.span.text,
    );
    if (!m) continue;
    let issuer = squash(m[1]!);
    if (startsWithAny(issuer, builtinData.documentParts.preambleStarters.words)) continue;
    const level = /(?:tỉnh|huyện|xã|thành phố|thị xã|quận|phường)$/u.exec(issuer);
    if (level) {
      const fromTitle = title
        ? new RegExp(`${level[0]}\\s+((?:\\p{Lu}[\\p{L}]*\\s?)+)`, 'u').exec(title)
        : null;
      const name = fromTitle?.[1]?.trim() ?? place;
      if (name) issuer = `${issuer} ${name}`;
    }
    return issuer;
  }
  return null;
}

/**
 * A resolution without its date line (lost in conversion) still says when it was adopted, at the
 * end: "Nghị quyết này được Ủy ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm 2025."
 */
function adoptionDate(blocks: Block[], from: number, docType: string): string | null {
  const re = new RegExp(
    `${escapeRegExp(docType)}\\s+này\\s+(?:đã\\s+)?được[^.;]{0,240}?thông\\s+qua\\s+ngày\\s*(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*năm\\s*(\\d{4})`,
    'u',
  );
  for (let i = blocks.length - 1; i >= from; i--) {
    const block = blocks[i]!;
    if (block.kind !== 'para') continue;
    const m = re.exec(block.span.text);
    if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 6. Where the body starts

/**
 * The first block after the header ending at `end` (an offset in the header text). When the
 * body starts inside the block holding the header's last line, the rest of that block is handed
 * back to the body as a block of its own.
 */
function bodyStartAfter(blocks: Block[], header: HeaderText, end: number): number {
  const last = header.lines[lineIndexAt(header, Math.max(0, end - 1))]!;
  const block = blocks[last.block]!;
  if (block.kind === 'para') {
    const all = lines(block.span);
    const rest = all.slice(last.line + 1);
    if (rest.length > 0) {
      // The rest of the paragraph, from its first line on, keeps its own mapping.
      const at = offsetOfLine(block.span, rest[0]!);
      const remainder = trim(slice(block.span, at, block.span.text.length));
      if (remainder.text)
        blocks.splice(last.block + 1, 0, { kind: 'para', span: remainder, emphasized: false });
    }
  }
  return last.block + 1;
}

/** Offset in `span` where the line `line` (a trimmed sub-span of it) starts. */
function offsetOfLine(span: Span, line: Span): number {
  const target = line.parts[0];
  if (target) {
    const hit = span.parts.find(
      (p) =>
        p.line === target.line &&
        p.column <= target.column &&
        (p.offset === undefined || target.offset === undefined || p.offset <= target.offset),
    );
    if (hit) {
      const at = hit.at + (target.column - hit.column);
      if (span.text.startsWith(line.text, at)) return at;
    }
  }
  const found = span.text.indexOf(line.text);
  return found >= 0 ? found : span.text.length;
}

// ---------------------------------------------------------------------------------------------

export function parseHeader(blocks: Block[]): HeaderResult {
  const header = headerText(blocks);
  const lineOf = emptyLines();
  // A web article opens with its question ("Mẫu quyết định … mới nhất?"); a form it quotes is not its header.
  const opening = header.lines[0] ? header.text.slice(header.lines[0].at, header.lines[0].end) : '';
  if (/\?\s*$/u.test(opening)) return noHeader(lineOf);
  const limit = bodyLimit(blocks, header);

  const parts = findHeaderParts(header, limit);
  if (!parts) return noHeader(lineOf);
  const { motto, validNumber, date, type, first } = parts;

  const issuerPart = findIssuer(header, first);
  const issuerMore = issuerPart && motto ? issuerBesideMotto(header, motto) : null;

  const { titlePart, docType } = titleAndType(header, type, validNumber, limit);

  const authority = !issuerPart && type ? findAuthority(header, titlePart?.end ?? type.end, limit) : null;

  const ends = [motto?.end, validNumber?.end, date?.end, type?.end, titlePart?.end, issuerPart?.end].filter(
    (n): n is number => n !== undefined,
  );
  const headerEnd = Math.max(...ends);

  const issuerSource = issuerPart ?? authority;
  recordLines(lineOf, header, {
    motto,
    number: validNumber,
    date,
    docType: type,
    title: titlePart,
    issuer: issuerSource,
  });

  const title = titlePart
    ? squash(spanOf(header, titlePart.start, titlePart.end).text.replace(/\n\|\n|\n/g, ' ')) || null
    : null;
  const number = validNumber?.number ?? null;
  const symbol = validNumber?.symbol ?? null;
  const { issuer, segments } = resolveIssuer(
    blocks,
    header,
    lineOf,
    { part: issuerPart, source: issuerSource, more: issuerMore },
    date?.place ?? null,
    title,
    symbol,
  );

  const bodyStart = bodyStartAfter(blocks, header, headerEnd);
  const headerTables = headerTablesBefore(blocks, header, bodyStart, issuerPart?.start ?? first, headerEnd);

  const meta: Meta = {
    issuer,
    issuerCode: issuerCodeOf(symbol, issuer, docType === 'Công văn'),
    number,
    symbol,
    place: date?.place ?? null,
    issueDate: date ? date.issueDate : docType ? adoptionDate(blocks, bodyStart, docType) : null,
    docType,
    isPlan: docType === 'Kế hoạch',
    title,
    // A letter's "V/v …" names its subject, not a plan's year.
    planYear: docType === 'Công văn' ? null : planYearOf(title),
    level: issuer
      ? levelOfIssuer(issuer, segments, symbol)
      : symbol && /\/TW$/u.test(symbol)
        ? 'trung ương'
        : null,
    draft: number === '' || (date?.blank ?? false),
    lines: lineOf,
  };
  return { meta, bodyStart, headerTables };
}

/** The motto, number, date and type line of the header, and where the first of them starts; null without a header. */
function findHeaderParts(header: HeaderText, limit: number) {
  const motto = findMotto(header);
  const numberPart = findNumber(header);
  const validNumber = numberPart && numberPart.start < limit ? numberPart : null;
  const anchors = [motto?.start, validNumber?.start].filter((n): n is number => n !== undefined && n < limit);
  const anchor = anchors.length > 0 ? Math.min(...anchors) : null;
  // Without a motto or number, the date and type line are looked for from the top.
  const searchFrom = anchor === null ? 0 : Math.max(0, lineStartBefore(header, anchor, 10));
  const date = findHeaderDate(header, searchFrom, limit, motto, validNumber);
  const afterParts = Math.max(motto?.end ?? 0, validNumber?.end ?? 0, date?.end ?? 0);
  const type = findTypeLine(
    header,
    anchor === null ? 0 : Math.min(searchFrom, afterParts),
    limit,
    afterParts,
  );

  const starts = [anchor, date?.start, type?.start].filter((n): n is number => n !== undefined && n !== null);
  if (starts.length === 0 || (!motto && !validNumber && !date && !type)) {
    return null;
  }
  const first = Math.min(...starts);
  if (!validNumber && !date && !motto && type && type.start > 0 && !isNearTop(header, type.start))
    return null;

  return { motto, validNumber, date, type, first };
}

/** The issuer: its block (with the part beside the motto), else the body's own words, else the ký hiệu's code. */
function resolveIssuer(
  blocks: Block[],
  header: HeaderText,
  lineOf: Meta['lines'],
  found: { part: Found | null; source: Found | null; more: Found | null },
  place: string | null,
  title: string | null,
  symbol: string | null,
) {
  const { part: issuerPart, source: issuerSource, more: issuerMore } = found;
  const typeCode = symbol ? (/^([\p{L}]+)[-/]/u.exec(symbol)?.[1] ?? null) : null;

  // The issuer block, beside the motto too when a Word table splits it.
  const more = issuerSource && issuerMore && issuerSource === issuerPart ? issuerMore : null;
  if (issuerSource && more) lineOf.issuer = issuerLine(header, issuerSource, more);
  let { issuer, segments }: { issuer: string | null; segments: IssuerSegment[] } =
    lineOf.issuer && issuerSource
      ? composeIssuer(issuerBlockText(header, issuerSource, more))
      : { issuer: null, segments: [] };
  const code = issuerCodeOf(symbol, null);
  // The body's own words ("Ủy ban nhân dân tỉnh ban hành Kế hoạch …") name the body with its place;
  // a ký hiệu's code may name only its kind ("UBND").
  issuer ??= issuerFromBody(blocks, place, title) ?? issuerFromCode(code, typeCode);
  if (!segments.length && issuer) segments = segmentsOf(issuer);
  return { issuer, segments };
}

/** No header line found yet. */
function emptyLines(): Meta['lines'] {
  return { issuer: null, number: null, date: null, docType: null, title: null, motto: null };
}

/** Each header part's line as found (text and position), for messages that quote it. */
function recordLines(
  lineOf: Meta['lines'],
  header: HeaderText,
  found: Record<keyof Meta['lines'], Found | null>,
): void {
  for (const key of Object.keys(found) as (keyof Meta['lines'])[]) {
    const part = found[key];
    if (part) lineOf[key] = textLine(header, part.start, part.end);
  }
}

/** The title under the type line, or a letter's subject ("V/v …") under its number: a Công văn. */
function titleAndType(
  header: HeaderText,
  type: TypePart | null,
  validNumber: { end: number } | null,
  limit: number,
) {
  if (type)
    return { titlePart: findTitle(header, type.rest ?? type.end, type.rest !== null), docType: type.docType };
  const subject = validNumber ? findLetterSubject(header, validNumber.end, limit) : null;
  return subject ? { titlePart: subject, docType: 'Công văn' } : { titlePart: null, docType: null };
}

/** Where the body starts at the latest: the first line that opens a preamble or the content. */
function bodyLimit(blocks: Block[], header: HeaderText): number {
  for (const line of header.lines) {
    // Inside a header table ("Kính gửi:" in its left column) the right column still follows.
    if (blocks[line.block]!.kind === 'table') continue;
    if (startsBody(header.text.slice(line.at, line.end))) return line.at;
  }
  return header.text.length;
}

/** The place and date line ("Hà Nội, ngày …"), never read across the motto or the number. */
function findHeaderDate(
  header: HeaderText,
  searchFrom: number,
  limit: number,
  motto: Found | null,
  validNumber: Found | null,
) {
  let date = findDate(header, searchFrom, limit);
  // A place is never read across the motto ("… Hạnh phúc / Bình Phước, ngày …" of a Word table).
  if (date && motto && date.start < motto.end && date.end > motto.end)
    date = findDate(header, motto.end, limit);
  if (date && validNumber && date.start < validNumber.end && date.end > validNumber.end)
    date = findDate(header, validNumber.end, limit);
  if (date && !motto && !validNumber) {
    // With nothing else of a header, a date counts only as a line of its own ("Hà Nội, ngày …"),
    // not inside running text ("Bên cạnh đó, ngày 6 tháng 5 năm 1946, …").
    const line = header.lines[lineIndexAt(header, date.start)]!;
    if (
      date.start !== line.at ||
      line.end - line.at > 100 ||
      header.text.slice(date.end, line.end).trim() !== ''
    )
      date = null;
  }
  return date;
}

/** The authority line under the title ("ỦY BAN THƯỜNG VỤ QUỐC HỘI"): the issuer when the block lacks one. */
function findAuthority(header: HeaderText, after: number, limit: number): Found | null {
  // The next few lines (a web page may repeat the title above it).
  for (let i = lineIndexAt(header, after) + 1, n = 0; n < 3 && i < header.lines.length; i++, n++) {
    const line = header.lines[i]!;
    if (line.at >= limit) break;
    const text = header.text.slice(line.at, line.end);
    if (isAuthorityLine(text) && segmentsOf(text)[0]?.head) return { start: line.at, end: line.end };
  }
  return null;
}

/** The issuer's line when its block continues beside the motto: both parts joined. */
function issuerLine(header: HeaderText, source: Found, more: Found): NonNullable<Meta['lines']['issuer']> {
  const both = join([spanOf(header, source.start, source.end), spanOf(header, more.start, more.end)], '\n');
  const text = both.text.replace(/\n\|\n|\n/g, ' ');
  return { type: 'line', text, ...locate({ text, parts: both.parts }) };
}

/** The issuer block's text, without "TM./KT./TL./Q." and leading marks. */
function issuerBlockText(header: HeaderText, source: Found, more: Found | null): string {
  const text = more
    ? `${spanOf(header, source.start, source.end).text}\n${spanOf(header, more.start, more.end).text}`
    : spanOf(header, source.start, source.end).text;
  return text
    .replace(/\n\|\n/g, '\n')
    .replace(/^(?:TM|KT|TL|Q)\.\s*/u, '')
    .replace(/^[^\p{L}]+/u, '');
}

/** The tables before the body that hold header lines (from the issuer to the header's end). */
function headerTablesBefore(
  blocks: Block[],
  header: HeaderText,
  bodyStart: number,
  from: number,
  headerEnd: number,
): number[] {
  const tables: number[] = [];
  for (let b = 0; b < bodyStart; b++) {
    if (
      blocks[b]!.kind === 'table' &&
      header.lines.some((l) => l.block === b && l.at >= from && l.at < headerEnd)
    )
      tables.push(b);
  }
  return tables;
}

/** The result for a text with no document header: nothing of meta, the body from the first block. */
function noHeader(lines: Meta['lines']): HeaderResult {
  return {
    meta: {
      issuer: null,
      issuerCode: null,
      number: null,
      symbol: null,
      place: null,
      issueDate: null,
      docType: null,
      isPlan: false,
      title: null,
      planYear: null,
      level: null,
      draft: false,
      lines,
    },
    bodyStart: 0,
    headerTables: [],
  };
}

/** The start of the line `count` lines above `offset` (the issuer block may stand above the anchor). */
function lineStartBefore(header: HeaderText, offset: number, count: number): number {
  const i = lineIndexAt(header, offset);
  return header.lines[Math.max(0, i - count)]!.at;
}

/** A lone type line counts as a header only among the document's first lines. */
function isNearTop(header: HeaderText, offset: number): boolean {
  return lineIndexAt(header, offset) < 6;
}
