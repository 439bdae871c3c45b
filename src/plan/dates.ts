/**
 * Date and period mentions: "15/12/2024", "ngày 22 tháng 3 năm 2023", "từ ngày 15/11 đến ngày
 * 15/12", "giai đoạn 2021-2030", "năm 2024". Each gets a kind (deadline, event, period, year) from
 * the words around it; dates written inside a citation are history (`inCitation`).
 */
import type { DateMention } from './schema.js';
import { locate, type Span } from './span.js';
import { isoDate, squash } from './vi.js';
import { execAll } from '../util/regex.js';

interface RawDate {
  start: number;
  end: number;
  day: number | null;
  month: number;
  year: number | null;
}

const FULL = /(?<![\d/.,])(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?![\d/])/gu;
const WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/gu;
const PARTIAL = /(?:ngày|từ|đến|trước|sau|hạn|và|-|–)\s*(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/.,]|\s*\/)/gu;
const RANGE_YEARS = /(?<![\d/])((?:giai đoạn|nhiệm kỳ|thời kỳ|năm)\s+)?(\d{4})\s*[-–—]\s*(\d{4})(?![\d/])/gu;
const YEAR = /(?<![\p{L}])năm\s+(\d{4})(?![\d/])/gu;
const TO_YEAR = /(?<![\p{L}])(?:đến|tới)\s+năm\s+(\d{4})/gu;

const DEADLINE_CUE =
  /(?:trước ngày|trước|chậm nhất(?: là)?(?: ngày)?|hạn chót|thời hạn|hoàn thành(?: trước)?|xong trước|gửi[^.;]{0,80}?trước|báo cáo[^.;]{0,60}?trước)\s*(?:ngày\s*)?$/u;

function iso(d: RawDate): string | null {
  if (d.year === null)
    return d.day === null ? null : `--${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  if (d.day === null) return `${d.year}-${String(d.month).padStart(2, '0')}`;
  return isoDate(d.year, d.month, d.day);
}

function invalid(d: RawDate): boolean {
  if (d.day === null) return d.month < 1 || d.month > 12;
  return isoDate(d.year ?? 2024, d.month, d.day) === null;
}

function overlaps(a: { start: number; end: number }, ranges: { start: number; end: number }[]): boolean {
  return ranges.some((r) => a.start < r.end && r.start < a.end);
}

/** Day-month(-year) dates in words and figures, the first reading of a stretch kept, in text order. */
function rawDates(text: string, slash: boolean, years: boolean) {
  const raws: RawDate[] = [];
  const taken: { start: number; end: number }[] = [];
  const push = (d: RawDate) => {
    if (overlaps(d, taken)) return;
    raws.push(d);
    taken.push(d);
  };
  if (years && text.includes('tháng')) {
    for (const m of execAll(WORDS, text))
      push({ start: m.index, end: m.index + m[0].length, day: +m[1]!, month: +m[2]!, year: +m[3]! });
  }
  if (slash && years) {
    for (const m of execAll(FULL, text))
      push({ start: m.index, end: m.index + m[0].length, day: +m[1]!, month: +m[2]!, year: +m[3]! });
  }
  if (slash)
    for (const m of execAll(PARTIAL, text)) {
      const month = +m[2]!;
      if (month < 1 || month > 12) continue;
      // The cue word before the date is not part of it.
      const start = m.index + m[0].search(/\d/);
      push({ start, end: m.index + m[0].length, day: +m[1]!, month, year: null });
    }
  raws.sort((a, b) => a.start - b.start);
  return { raws, taken };
}

export function findDates(span: Span, citationRanges: { start: number; end: number }[]): DateMention[] {
  const text = span.text;
  // Every pattern needs a digit, and most paragraphs have none: skip the scans they cannot match.
  if (!/\d/.test(text)) return [];
  const slash = text.includes('/');
  const years = /\d{4}/.test(text);
  const { raws, taken } = rawDates(text, slash, years);

  const out: DateMention[] = [];
  const used = new Set<RawDate>();
  const mention = (
    kind: DateMention['kind'],
    start: number,
    end: number,
    value: string | null,
    endValue: string | null,
    bad: boolean,
  ): DateMention => ({
    type: 'date',
    kind,
    raw: squash(text.slice(start, end)),
    value,
    end: endValue,
    inCitation: overlaps({ start, end }, citationRanges),
    invalid: bad,
    ...locate(span, start, end),
  });

  // "từ (ngày) 15/11 đến (ngày) 15/12/2024": one period; the first date takes the second's year.
  for (let i = 0; i + 1 < raws.length; i++) {
    const a = raws[i]!;
    const b = raws[i + 1]!;
    const between = text.slice(a.end, b.start);
    const before = text.slice(Math.max(0, a.start - 10), a.start);
    if (/^\s*(?:đến|tới|-|–)\s*(?:ngày\s*)?$/u.test(between) && /(?:từ|ngày)\s*(?:ngày\s*)?$/u.test(before)) {
      const aYear = a.year ?? b.year;
      const start = text.slice(0, a.start).search(/(?:từ\s*)?(?:ngày\s*)?$/u);
      const filled = { ...a, year: aYear };
      out.push(
        mention('period', start >= 0 ? start : a.start, b.end, iso(filled), iso(b), invalid(a) || invalid(b)),
      );
      used.add(a).add(b);
      i++;
    }
  }
  for (const d of raws) {
    if (used.has(d)) continue;
    const before = text.slice(Math.max(0, d.start - 120), d.start);
    const kind = DEADLINE_CUE.test(before) ? 'deadline' : 'event';
    out.push(mention(kind, d.start, d.end, invalid(d) ? null : iso(d), null, invalid(d)));
  }
  if (years) {
    for (const m of execAll(RANGE_YEARS, text)) {
      const range = { start: m.index, end: m.index + m[0].length };
      if (overlaps(range, taken)) continue;
      taken.push(range);
      out.push(mention('period', range.start, range.end, m[2]!, m[3]!, +m[3]! < +m[2]!));
    }
    for (const m of execAll(TO_YEAR, text)) {
      const range = { start: m.index, end: m.index + m[0].length };
      if (overlaps(range, taken)) continue;
      taken.push(range);
      out.push(mention('year', range.start, range.end, m[1]!, null, false));
    }
    for (const m of execAll(YEAR, text)) {
      const range = { start: m.index, end: m.index + m[0].length };
      if (overlaps(range, taken)) continue;
      taken.push(range);
      out.push(mention('year', range.start, range.end, m[1]!, null, false));
    }
  }
  return out.sort(
    (a, b) =>
      a.position.start.line - b.position.start.line || a.position.start.column - b.position.start.column,
  );
}
