/**
 * The header of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuer, quốc
 * hiệu, "Số: …/…", place and date, document type and trích yếu. Read from the first blocks of the
 * document, whether they are paragraphs (.txt, .pdf) or a borderless two-column table (.docx).
 */
import { adminLevels, agencyAbbreviations, documentParts, documentTypes } from '../data/index.js';
import { lines, type Block } from './blocks.js';
import type { Level, Meta, TextLine } from './schema.js';
import { join, locate, slice, trim, type Span } from './span.js';
import { capitalize, isUpperText, isoDate, lower, squash, startsWithAny, wordPattern } from './vi.js';
import { parseLabel } from './labels.js';
import { execAll } from '../util/regex.js';

export interface HeaderResult {
  meta: Meta;
  /** Index of the first block after the header (preamble or body). */
  bodyStart: number;
  /** Indices of tables that were the header block. */
  headerTables: number[];
}

function textLine(span: Span): TextLine {
  return { type: 'line', text: span.text, ...locate(span) };
}

/** Cells of a layout table in reading order: the left column top-down, then the right. */
export function layoutLines(block: Block): Span[] {
  if (block.kind !== 'table') return lines(block.span);
  const columns = Math.max(...block.rows.map((r) => r.cells.length));
  const out: Span[] = [];
  for (let c = 0; c < columns; c++) {
    for (const row of block.rows) {
      const cell = row.cells[c];
      if (cell) out.push(...lines(cell));
    }
  }
  return out;
}

const NUMBER_LINE = /(?:^|[\s/])Số\s*:?\s*(?<number>\d*)\s*(?<slash>\/)\s*(?<symbol>[\p{L}\d&]+(?:\s*-\s*[\p{L}\d&]+)*)/u;
const DATE_LINE = /(?<place>\p{Lu}[\p{L}.'\s-]*?)\s*,\s*ngày\s*(?<day>\d{1,2})?\s*tháng\s*(?<month>\d{1,2})?\s*năm\s*(?<year>\d{4})/u;

function typeLine(text: string): string | null {
  const cleaned = squash(text.replace(/[#*_]/g, ' '));
  if (!isUpperText(cleaned)) return null;
  for (const entry of documentTypes().entries) {
    if (lower(cleaned) === lower(entry.name)) return entry.name;
  }
  return null;
}

function isMotto(text: string): boolean {
  const motto = documentParts().motto;
  const t = lower(squash(text));
  return t.includes(lower(motto.nation).replace('hòa', 'h')) || t.includes(lower(motto.nation)) || /độc lập\s*[-–]\s*tự do/u.test(t);
}


/** "tỉnh", "huyện", "xã" from an issuer or place phrase. */
let levelPatterns: { level: Level; word: string; re: RegExp }[] | null = null;
let cityPattern: RegExp | null = null;

export function levelOf(phrase: string): Level | null {
  const text = lower(phrase);
  levelPatterns ??= adminLevels().levels.flatMap(({ level, words }) => words.map((word) => ({ level, word, re: new RegExp(wordPattern(word), 'gu') })));
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
    return adminLevels().centralCities.some((c) => name.startsWith(lower(c.name))) ? 'tỉnh' : 'huyện';
  }
  return best?.level ?? null;
}

/** "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC" → "Ủy ban nhân dân tỉnh Bình Phước". */
export function issuerCase(upper: string, continuation = false): string {
  const acronyms = new Set(agencyAbbreviations().entries.map((e) => e.abbreviation));
  const levelWords = adminLevels().levels.flatMap((l) => l.words).concat(['thành phố']);
  const words = squash(upper).split(' ');
  const out: string[] = [];
  let properName = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (acronyms.has(word) || /^[\p{Lu}]{2,}$/u.test(word) && !/[aăâeêioôơuưyàáảãạ]/iu.test(lower(word).normalize('NFD').replace(/\p{M}/gu, ''))) {
      out.push(word);
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
    out.push(properName || (out.length === 0 && !continuation) ? capitalize(lw) : lw);
  }
  return out.join(' ').replace(/\bviệt nam\b/giu, 'Việt Nam');
}

/** The issuer named in the body: "Ủy ban nhân dân tỉnh ban hành Kế hoạch …". */
function issuerFromBody(blocks: Block[], place: string | null, title: string | null): string | null {
  for (const block of blocks.slice(0, 12)) {
    if (block.kind !== 'para') continue;
    const m = /(?:^|[.;:]\s+)(\p{Lu}[^.;:]*?)\s+(?:ban hành|xây dựng)\s+(?:kế hoạch|Kế hoạch)/u.exec(block.span.text);
    if (!m) continue;
    let issuer = squash(m[1]!);
    if (startsWithAny(issuer, documentParts().preambleStarters.words)) continue;
    const level = /(?:tỉnh|huyện|xã|thành phố|thị xã|quận|phường)$/u.exec(issuer);
    if (level) {
      const fromTitle = title ? new RegExp(`${level[0]}\\s+((?:\\p{Lu}[\\p{L}]*\\s?)+)`, 'u').exec(title) : null;
      const name = fromTitle?.[1]?.trim() ?? place;
      if (name) issuer = `${issuer} ${name}`;
    }
    return issuer;
  }
  return null;
}

function issuerCodeOf(symbol: string | null, issuer: string | null): string | null {
  if (symbol) {
    const dash = symbol.indexOf('-');
    if (dash > 0) return symbol.slice(dash + 1).replace(/\s+/g, '');
  }
  if (issuer) {
    const li = lower(issuer);
    const hit = agencyAbbreviations()
      .entries.filter((e) => li.startsWith(e.expansion))
      .sort((a, b) => b.expansion.length - a.expansion.length)[0];
    if (hit) return hit.abbreviation;
  }
  return null;
}

export function parseHeader(blocks: Block[]): HeaderResult {
  const lineOf = {
    issuer: null as TextLine | null,
    number: null as TextLine | null,
    date: null as TextLine | null,
    docType: null as TextLine | null,
    title: null as TextLine | null,
    motto: null as TextLine | null,
  };
  let number: string | null = null;
  let symbol: string | null = null;
  let place: string | null = null;
  let issueDate: string | null = null;
  let docType: string | null = null;
  let title: string | null = null;
  let draftDate = false;
  const issuerLines: Span[] = [];
  const headerTables: number[] = [];
  let bodyStart = 0;
  let titleSpans: Span[] = [];
  const restLines: Span[] = [];
  const limit = Math.min(blocks.length, 14);

  for (let i = 0; i < limit; i++) {
    const block = blocks[i]!;
    if (block.kind === 'para' && parseLabel(block.span.text)?.kind === 'roman') break;
    let consumed = false;
    let afterType = false;
    for (const line of layoutLines(block)) {
      const text = line.text;
      if (afterType) {
        // Visual lines of an extracted PDF: the trích yếu ends where "Căn cứ …" / "Thực hiện …" starts.
        if (titleSpans.length > 0 && (restLines.length > 0 || startsWithAny(text, documentParts().preambleStarters.words))) restLines.push(line);
        else titleSpans.push(line);
        continue;
      }
      if (isMotto(text)) {
        // Two header columns on one visual line: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …".
        const lowered = lower(text);
        const nation = [lowered.indexOf('cộng h'), lowered.indexOf('độc lập')].filter((n) => n >= 0).sort((a, b) => a - b)[0] ?? -1;
        if (nation > 0) issuerLines.push(trim(slice(line, 0, nation)));
        lineOf.motto ??= textLine(line);
        consumed = true;
        continue;
      }
      const numberMatch: RegExpExecArray | null = number === null ? NUMBER_LINE.exec(text) : null;
      if (numberMatch) {
        number = numberMatch.groups!.number ?? '';
        symbol = numberMatch.groups!.symbol!.replace(/\s+/g, '');
        lineOf.number = textLine(line);
        consumed = true;
        // A PDF may put the place/date line beside "Số:" on the same visual line.
        const restStart = numberMatch.index + numberMatch[0].length;
        const dateInRest = DATE_LINE.exec(text.slice(restStart));
        if (dateInRest) {
          const start = restStart + dateInRest.index;
          ({ place, issueDate, draftDate } = readDate(dateInRest));
          lineOf.date = textLine(slice(line, start, start + dateInRest[0].length));
        }
        continue;
      }
      const dateMatch = lineOf.date === null && text.length < 120 ? DATE_LINE.exec(text) : null;
      if (dateMatch) {
        ({ place, issueDate, draftDate } = readDate(dateMatch));
        lineOf.date = textLine(line);
        consumed = true;
        continue;
      }
      const type = typeLine(text);
      if (type) {
        docType = type;
        lineOf.docType = textLine(line);
        consumed = true;
        afterType = true;
        continue;
      }
      if (isUpperText(text) && !lineOf.number && !lineOf.date) {
        issuerLines.push(line);
        consumed = true;
        continue;
      }
    }
    if (docType) {
      bodyStart = i + 1;
      if (restLines.length > 0) {
        // The rest of the paragraph is the preamble: hand it back to the body as its own block.
        blocks.splice(i + 1, 0, { kind: 'para', span: join(restLines, '\n'), emphasized: false });
      }
      if (block.kind === 'table') headerTables.push(i);
      // The trích yếu: the rest of the type line's paragraph, or the paragraph after it.
      const next = blocks[i + 1];
      if (titleSpans.length === 0 && next?.kind === 'para' && parseLabel(next.span.text)?.kind !== 'roman') {
        titleSpans = lines(next.span);
        bodyStart = i + 2;
      }
      break;
    }
    if (consumed) {
      if (block.kind === 'table') headerTables.push(i);
      bodyStart = i + 1;
    } else if (lineOf.number || lineOf.date || issuerLines.length > 0) {
      break;
    } else if (i >= 3) {
      break;
    }
  }
  if (!docType && !lineOf.number && !lineOf.date) {
    // No header at all (a news article, a fragment): nothing was consumed.
    issuerLines.length = 0;
    bodyStart = 0;
    headerTables.length = 0;
  }

  if (titleSpans.length > 0) {
    title = squash(titleSpans.map((s) => s.text.replace(/[#*_]+/g, ' ')).join(' '));
    const first = titleSpans[0]!;
    const last = titleSpans[titleSpans.length - 1]!;
    const pos = locate(first);
    const end = locate(last).position.end;
    lineOf.title = { type: 'line', text: title, position: { ...pos.position, end } };
    if (titleSpans.length > 1) {
      lineOf.title.parts = titleSpans.map((s) => ({ at: 0, position: locate(s).position }));
      let at = 0;
      lineOf.title.parts.forEach((p, idx) => {
        p.at = at;
        at += squash(titleSpans[idx]!.text.replace(/[#*_]+/g, ' ')).length + 1;
      });
    }
  }
  if (issuerLines.length > 0) {
    const cleaned = issuerLines.map((s) => squash(s.text.replace(/[#*_]/g, ' ').replace(/^[^\p{L}]+/u, ''))).filter(Boolean);
    if (cleaned.length > 0) {
      const first = issuerLines[0]!;
      lineOf.issuer = { type: 'line', text: cleaned.join(' '), ...locate(first) };
    }
  }
  const issuerFromHeader = lineOf.issuer
    ? issuerLines
        .map((s) => squash(s.text.replace(/[#*_]/g, ' ').replace(/^[^\p{L}]+/u, '')))
        .filter(Boolean)
        .map((l, i) => (i === 0 ? issuerCase(l) : issuerCase(l, true)))
        .join(' ')
    : null;
  const issuer = issuerFromHeader ?? issuerFromBody(blocks.slice(bodyStart), place, title);
  // "năm 2024" in the trích yếu; not a horizon ("tầm nhìn đến năm 2045"); else the first year of
  // the period the plan covers ("giai đoạn 2026 – 2027").
  const planYearMatch = title
    ? execAll(/(?<!(?:đến|tới)\s)năm\s+(\d{4})/gu, title).pop() ?? /giai đoạn\s+(\d{4})\s*[-–]\s*\d{4}/u.exec(title) ?? undefined
    : undefined;
  const meta: Meta = {
    issuer,
    issuerCode: issuerCodeOf(symbol, issuer),
    number,
    symbol,
    place,
    issueDate,
    docType,
    isPlan: docType === 'Kế hoạch',
    title,
    planYear: planYearMatch ? Number(planYearMatch[1]) : null,
    level: issuer ? levelOf(issuer) : place ? levelOf(place) : null,
    draft: number === '' || draftDate,
    lines: lineOf,
  };
  return { meta, bodyStart, headerTables };
}

function readDate(m: RegExpExecArray): { place: string | null; issueDate: string | null; draftDate: boolean } {
  const g = m.groups!;
  const place = squash(g.place ?? '').replace(/^[^\p{L}]+/u, '') || null;
  if (g.day && g.month && g.year) {
    return { place, issueDate: isoDate(Number(g.year), Number(g.month), Number(g.day)), draftDate: false };
  }
  return { place, issueDate: null, draftDate: true };
}
