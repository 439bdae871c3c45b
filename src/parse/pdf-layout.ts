/**
 * Page layout for the PDF parser: pdf.js text items → visual lines in reading order.
 *
 * Coordinates are PDF points in the page's reading frame (origin top-left, y grows downwards),
 * so a larger `y` is lower on the page. `y` of an item is its baseline.
 *
 * What happens here, per page:
 *  1. Items are grouped into visual lines by baseline (tolerance: half the font size).
 *  2. Inside a line, an item drawn over the extent of an item written before it is an "overlay": a
 *     PDF writer that falls back to a second font for the glyphs its main font lacks (LibreOffice
 *     with an old Times/Liberation font does this for ạ ả ấ … ư ơ) draws the line in two passes,
 *     and pdf.js reports the first pass with a space in every hole ("T NH TH") and the missing
 *     glyphs as separate items. Each overlay run goes into the hole whose position, estimated from
 *     both ends of the item with Times/Helvetica advance widths, is nearest; Vietnamese syllable
 *     shape breaks ties and says whether the hole also held a real space. Runs that fall between
 *     items are placed by x, and doubtful boundaries are settled by syllable shape.
 *  3. A line is cut into segments at horizontal gaps of more than SEGMENT_GAP font sizes.
 *  4. Two-column blocks — the issuer | "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" header that opens
 *     page 1, and the Nơi nhận | signature footer (a block with a "Nơi nhận"/"Kính gửi" line) —
 *     are found as runs of at least two lines that share a vertical gutter no segment crosses;
 *     their lines are split at the gutter and emitted left column first, then right column, each
 *     column top to bottom. Other gutters (data tables) leave lines whole, in page order.
 *  5. Page furniture is marked `dropped` (markFurniture): page numbers (a line that is only a
 *     number, "- 2 -", "Trang 2", "2/10") as the first or last line of a page in its top or bottom
 *     12 %, lines repeated there on several pages and standing apart from the text (running
 *     headers/footers), and pdf-parse's "-- 1 of 10 --" markers.
 */
import { isSyllable } from './pdf-vietnamese.js';
import { squash } from '../util/whitespace.js';
import { execAll } from '../util/regex.js';

/** One pdf.js text item in viewport coordinates. */
export interface PdfItem {
  str: string;
  x0: number;
  x1: number;
  /** Baseline, viewport y (down). */
  y: number;
  /** Font size in points. */
  size: number;
  /** Sans-serif font (width estimates use Helvetica metrics instead of Times). */
  sans?: boolean;
  /**
   * Width pdf.js left out of `x1 - x0`: it gives no advance to a glyph whose text contains a
   * combining mark (a PDF written from decomposed text), so the item is wider than it says.
   */
  missed?: number;
}

/** One visual line (or one column's part of a visual line) in reading order. */
export interface VisualLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Set for lines inside a two-column block: block id and side. */
  column?: { block: number; side: 'left' | 'right' };
  /** Page furniture (header, footer, page number): kept for line numbering, not emitted. */
  dropped?: boolean;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  lines: VisualLine[];
}

/** Gap (in font sizes) that cuts a line into segments (column candidates); segments outside a
 * two-column block are joined again with one space. */
const SEGMENT_GAP = 1.2;
/** Gap (in font sizes) above which two touching items get a space between them. */
const SPACE_GAP = 0.12;

// Advance widths (1/1000 em) of the standard Times-Roman and Helvetica fonts for ASCII 32..126;
// Liberation Serif/Sans and Times New Roman/Arial share them. Used only to estimate where inside
// an item a character sits; letters with diacritics take their base letter's width.
const TIMES = widths(
  '250,333,408,500,500,833,778,333,333,333,500,564,250,333,250,278,500,500,500,500,500,500,500,500,500,500,278,278,564,564,564,444,921,722,667,667,722,611,556,722,722,333,389,722,611,889,722,722,556,722,667,556,611,722,722,944,722,722,611,333,278,333,469,500,333,444,500,444,500,444,333,500,500,278,278,500,278,778,500,500,500,500,333,389,278,500,500,722,500,500,444,480,200,480,541',
);
const HELVETICA = widths(
  '278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584',
);
function widths(list: string): Map<string, number> {
  const m = new Map<string, number>();
  list.split(',').forEach((w, i) => m.set(String.fromCharCode(32 + i), Number(w)));
  m.set('đ', m.get('d')!).set('Đ', m.get('D')!).set('“', 444).set('”', 444).set('‘', 333).set('’', 333);
  m.set('–', 500).set('—', 1000).set('…', 1000);
  return m;
}
export function charWidth(ch: string, sans = false): number {
  const table = sans ? HELVETICA : TIMES;
  const w = table.get(ch);
  if (w !== undefined) return w;
  const base = ch.normalize('NFD')[0] ?? ch;
  return table.get(base) ?? 500;
}

interface Piece {
  str: string;
  x0: number;
  x1: number;
  size: number;
  /** Advance pdf.js did not count in this piece (see PdfItem.missed). */
  missed?: number;
}

/** Estimated start x of every character of an item: table widths scaled to its real width. */
function charStarts(str: string, x0: number, x1: number, sans: boolean): number[] {
  let total = 0;
  for (const ch of str) total += charWidth(ch, sans);
  const scale = (x1 - x0) / (total || 1);
  const starts: number[] = [];
  let acc = 0;
  for (const ch of str) {
    starts.push(x0 + acc * scale);
    acc += charWidth(ch, sans);
  }
  starts.push(x1);
  return starts;
}

const OPENING = '("“‘[';
const CLOSING = ')"”’].,;:!?…';
/** A word is acceptable if it is a syllable (with opening/closing punctuation) or has no letters. */
function wordOk(word: string): boolean {
  if (!/\p{L}/u.test(word)) return true;
  let a = 0;
  while (a < word.length && OPENING.includes(word[a]!)) a++;
  let b = word.length;
  while (b > a && CLOSING.includes(word[b - 1]!)) b--;
  const core = word.slice(a, b);
  if (/^[\p{L}\p{M}]+$/u.test(core)) return isSyllable(core);
  // Mixed letters/digits/inner punctuation ("KH-UBND", "2021-2030"): acceptable unless a
  // letter run in it is a broken syllable next to a diacritic letter.
  return core
    .split(/[^\p{L}\p{M}]+/u)
    .every((part) => part === '' || isSyllable(part) || !/[^\x00-\x7f]/u.test(part));
}

/** Pieces on each side of an undecided group whose words are judged with it. */
const WORD_WINDOW = 8;

interface Run {
  str: string;
  x0: number;
  x1: number;
  size: number;
}

/**
 * A host: a first-pass item whose spaces may be holes left for glyphs drawn later (overlays).
 * `fill` maps a space index to what replaces it.
 */
interface Host {
  str: string;
  x0: number;
  x1: number;
  size: number;
  sans: boolean;
  missed: number;
  runs: Run[];
  fill: Map<number, string>;
  /** Position among the line's hosts in stream order. */
  seq: number;
}

/**
 * The hosts of a line by left edge, so that finding the host under an item looks at the hosts
 * near it instead of all of them (a line of 50 000 items was quadratic).
 */
class HostIndex {
  private readonly sorted: Host[] = [];
  private widest = 0;

  add(host: Host): void {
    this.widest = Math.max(this.widest, host.x1 - host.x0);
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.x0 <= host.x0) lo = mid + 1;
      else hi = mid;
    }
    this.sorted.splice(lo, 0, host);
  }

  /**
   * The first host in stream order that satisfies `test`, among those with x0 <= `maxX0` and
   * x1 > `minX1` (a host's x1 is at most its x0 plus the widest host's width).
   */
  first(maxX0: number, minX1: number, test: (h: Host) => boolean): Host | undefined {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.x0 <= maxX0) lo = mid + 1;
      else hi = mid;
    }
    let found: Host | undefined;
    for (let i = lo - 1; i >= 0; i--) {
      const h = this.sorted[i]!;
      if (h.x0 + this.widest < minX1) break;
      if (test(h) && (found === undefined || h.seq < found.seq)) found = h;
    }
    return found;
  }
}

function render(h: Host, at?: number, text?: string): { out: string; pos: number } {
  if (at === undefined && h.fill.size === 0) return { out: h.str, pos: -1 };
  let out = '';
  let pos = -1;
  for (let i = 0; i < h.str.length; i++) {
    if (i === at) {
      pos = out.length;
      out += text!;
    } else {
      out += h.fill.get(i) ?? h.str[i]!;
    }
  }
  return { out, pos };
}

/** The words of `s` that touch the span [start, end) (a word ends at a space). */
function wordsAround(s: string, start: number, end: number): string[] {
  let a = start;
  while (a > 0 && s[a - 1] !== ' ') a--;
  let b = end;
  while (b < s.length && s[b] !== ' ') b++;
  return s.slice(a, b).split(' ');
}

/**
 * Put the overlay runs of a host into its holes (spaces). Positions are estimated from both ends
 * of the host with the font's width table: the prefix before a hole from the left edge, the text
 * after it from the right edge, real spaces sharing what is left of the host's width once glyphs
 * and overlays are counted (justified lines stretch them). Among holes near the run, Vietnamese
 * syllable shape decides, and also whether the hole held a real space too (kept before or after
 * the run). Returns the runs that found no hole.
 */
/**
 * The run's text in hole `i`: with a real space on the side the layout leaves room on (`room`
 * beyond the anchor nearer to it), else as it is; `valid` when the words around it read.
 */
function holeText(
  h: Host,
  r: Run,
  i: number,
  room: number,
  nearRight: boolean,
): { chosen: string; valid: boolean } {
  const slack = 0.18 * h.size;
  let options = [r.str, `${r.str} `, ` ${r.str}`];
  if (nearRight && room > slack) options = [`${r.str} `, r.str, ` ${r.str}`];
  else if (!nearRight && room > slack) options = [` ${r.str}`, r.str, `${r.str} `];
  for (const o of options) {
    // Judge the word the run ends up in (its neighbours may still wait for their own letters).
    const { out, pos } = render(h, i, o);
    const at = o.startsWith(' ') ? pos + 1 : pos;
    if (wordsAround(out, at, at + r.str.length).every(wordOk)) return { chosen: o, valid: true };
  }
  return { chosen: r.str, valid: false };
}

function fillHoles(h: Host): Run[] {
  const runs = h.runs.slice().sort((a, b) => a.x0 - b.x0);
  const k = h.size / 1000;
  let glyphs = 0;
  let spaces = 0;
  for (const ch of h.str) {
    if (ch === ' ') spaces++;
    else glyphs += charWidth(ch, h.sans) * k;
  }
  const runWidth = (r: Run): number => {
    if (r.x1 > r.x0) return r.x1 - r.x0;
    let w = 0;
    for (const ch of r.str) w += charWidth(ch, h.sans) * k;
    return w;
  };
  const overlay = runs.reduce((sum, r) => sum + runWidth(r), 0);
  const real = spaces - runs.length;
  let sp = real > 0 ? (h.x1 - h.x0 - glyphs - overlay) / real : charWidth(' ', h.sans) * k;
  sp = Math.min(Math.max(sp, 0.1 * h.size), 1.2 * h.size);
  const prefix: number[] = [0];
  for (const ch of h.str)
    prefix.push(prefix[prefix.length - 1]! + (ch === ' ' ? sp : charWidth(ch, h.sans) * k));
  const total = prefix[prefix.length - 1]!;
  const unplaced: Run[] = [];
  // Runs already placed (to the left) took their holes' width, and a real space where one was
  // kept; runs still to place are assumed to fill their holes alone. Both sums are kept running
  // (linear in the runs: a hostile line repeats one overlay thousands of times).
  const widths = runs.map(runWidth);
  let after = widths.reduce((sum, w) => sum + (w - sp), 0);
  let before = 0;
  let holes = 0;
  for (let i = 0; i < h.str.length; i++) if (h.str[i] === ' ' && !h.fill.has(i)) holes++;
  runs.forEach((r, ri) => {
    const w = widths[ri]!;
    after -= w - sp;
    if (holes === 0) {
      unplaced.push(r);
      return;
    }
    let best = -1;
    let bestCost = Infinity;
    let bestText = '';
    for (let i = 0; i < h.str.length; i++) {
      if (h.str[i] !== ' ' || h.fill.has(i)) continue;
      const left = h.x0 + prefix[i]! + before;
      const right = h.x1 - (total - prefix[i + 1]!) - after;
      const err = Math.min(Math.abs(left - r.x0), Math.abs(right - (r.x0 + w))) / h.size;
      if (err > 2) continue;
      // Did the hole also hold a real space? Read it on the side whose anchor is nearer.
      const suffix = total - prefix[i + 1]! + after;
      const nearRight = suffix < prefix[i]! + before;
      const { chosen, valid } = holeText(h, r, i, nearRight ? right - (r.x0 + w) : r.x0 - left, nearRight);
      const cost = err + (valid ? 0 : 1.5);
      if (cost < bestCost) {
        bestCost = cost;
        best = i;
        bestText = chosen;
      }
    }
    if (best < 0) unplaced.push(r);
    else {
      h.fill.set(best, bestText);
      holes--;
      before += w - (bestText.length > r.str.length ? 0 : sp);
    }
  });
  return unplaced;
}

/**
 * Merge the items of one visual line into pieces. `items` are in stream order. An item that
 * overlaps the extent of an item drawn before it on this line is an overlay (second pass): its
 * runs go into the holes of the item under them, or between items by x.
 */
// long: hosts, overlays and join decisions of one line share arrays across the overlay pass; fillHoles and holeText are already its steps
function mergeLineItems(items: PdfItem[]): Piece[] {
  const hosts: Host[] = [];
  const byX = new HostIndex();
  const overlays: PdfItem[] = [];
  for (const item of items) {
    const tol = 0.25 * item.size;
    const under = byX.first(
      item.x1 + tol,
      item.x0 - tol,
      (h) => item.x0 < h.x1 - tol && item.x1 > h.x0 + tol,
    );
    if (under) overlays.push(item);
    else {
      const host: Host = {
        str: item.str,
        x0: item.x0,
        x1: item.x1,
        size: item.size,
        sans: item.sans ?? false,
        missed: item.missed ?? 0,
        runs: [],
        fill: new Map(),
        seq: hosts.length,
      };
      hosts.push(host);
      byX.add(host);
    }
  }
  const loose: Loose[] = [];
  for (const o of overlays) {
    const starts = charStarts(o.str, o.x0, o.x1, o.sans ?? false);
    const matches = execAll(/\S+/gu, o.str);
    matches.forEach((m, n) => {
      const i = m.index;
      const rx0 = o.x1 > o.x0 ? starts[i]! : o.x0;
      const rx1 = o.x1 > o.x0 ? starts[i + m[0].length]! : o.x0;
      const tol = 0.25 * o.size;
      const host = byX.first(
        rx0 + tol,
        rx0 + tol,
        (h) => rx0 >= h.x0 - tol && rx0 < h.x1 - tol && rx1 <= h.x1 + tol,
      );
      const run = { str: m[0], x0: rx0, x1: rx1, size: o.size };
      if (host) host.runs.push(run);
      // Only the outer edges of an item are measured; inner run edges are estimates.
      else loose.push({ ...run, exactLeft: n === 0, exactRight: n === matches.length - 1 && o.x1 > o.x0 });
    });
  }
  for (const h of hosts) {
    if (h.runs.length)
      for (const r of fillHoles(h)) loose.push({ ...r, exactLeft: false, exactRight: false });
  }
  const all: Loose[] = hosts.map((h) => ({
    str: render(h).out,
    x0: h.x0,
    x1: h.x1,
    size: h.size,
    missed: h.missed,
    exactLeft: true,
    exactRight: true,
  }));
  all.push(...loose);
  // By x; items starting at the same x (a zero-width glyph and the text after it) keep stream order.
  all.forEach((p, i) => (p.seq = i));
  all.sort((a, b) => (Math.abs(a.x0 - b.x0) < 0.5 ? a.seq! - b.seq! : a.x0 - b.x0));
  // Boundaries between neighbours: measured edges decide by the gap; a boundary with an estimated
  // edge (inside an overlay item) and a small gap is decided afterwards by syllable shape, once
  // the measured boundaries have formed the words around it.
  const n = all.length;
  const joinAt: Array<boolean | undefined> = [];
  for (let i = 1; i < n; i++) {
    const a = all[i - 1]!;
    const b = all[i]!;
    const gap = b.x0 - a.x1;
    const size = Math.max(a.size, b.size);
    if (a.exactRight && b.exactLeft) joinAt.push(gap <= SPACE_GAP * size);
    else if (gap > 0.4 * size || /\s$/u.test(a.str) || /^\s/u.test(b.str))
      joinAt.push(gap <= SPACE_GAP * size);
    else joinAt.push(undefined);
  }
  // Undecided boundaries are settled in groups (those not separated by a space inside a piece):
  // every combination is tried, fewest non-syllable words first, then the best fit to the
  // estimated gaps.
  // Only the words touching a group's boundaries differ between its combinations: they are
  // counted in a window of pieces around the group (the chain of joined pieces without spaces on
  // each side, at most WORD_WINDOW pieces), which keeps the line's merge linear.
  const text = (lo: number, hi: number): string => {
    let out = '';
    for (let i = lo; i <= hi; i++) out += (i > lo && !joinAt[i - 1] ? ' ' : '') + all[i]!.str;
    return out;
  };
  const badWords = (lo: number, hi: number): number =>
    text(lo, hi)
      .split(' ')
      .filter((w) => w !== '' && !wordOk(w)).length;
  const geo = (i: number, join: boolean): number => {
    const a = all[i]!;
    const b = all[i + 1]!;
    const size = Math.max(a.size, b.size);
    const gap = b.x0 - a.x1;
    return join ? Math.max(0, gap - 0.05 * size) / size : Math.max(0, 0.2 * size - gap) / size;
  };
  let i = 0;
  while (i < n - 1) {
    if (joinAt[i] !== undefined) {
      i++;
      continue;
    }
    const group = [i];
    let j = i + 1;
    while (j < n - 1 && group.length < 6 && !/\s/u.test(all[j]!.str)) {
      if (joinAt[j] === undefined) group.push(j);
      else if (joinAt[j] === false) break;
      j++;
    }
    let lo = group[0]!;
    while (lo > 0 && group[0]! - lo < WORD_WINDOW && joinAt[lo - 1] === true && !/\s/u.test(all[lo]!.str))
      lo--;
    let hi = group[group.length - 1]! + 1;
    while (
      hi < n - 1 &&
      hi - group[group.length - 1]! < WORD_WINDOW &&
      joinAt[hi] === true &&
      !/\s/u.test(all[hi]!.str)
    )
      hi++;
    let best = 0;
    let bestScore = Infinity;
    for (let mask = 0; mask < 1 << group.length; mask++) {
      let g = 0;
      group.forEach((b, k) => {
        const join = (mask & (1 << k)) !== 0;
        joinAt[b] = join;
        g += geo(b, join);
      });
      // Boundaries after the group not yet settled count as apart while scoring.
      const score = badWords(lo, hi) * 10 + g;
      if (score < bestScore) {
        bestScore = score;
        best = mask;
      }
      group.forEach((b) => (joinAt[b] = undefined));
    }
    group.forEach((b, k) => (joinAt[b] = (best & (1 << k)) !== 0));
    i = group[group.length - 1]! + 1;
  }
  const pieces: Piece[] = [];
  all.forEach((p, i) => {
    const last = pieces[pieces.length - 1];
    if (last && joinAt[i - 1]) {
      last.str += p.str;
      last.x1 = Math.max(last.x1, p.x1);
      last.size = Math.max(last.size, p.size);
      last.missed = (last.missed ?? 0) + (p.missed ?? 0);
    } else {
      pieces.push({ str: p.str, x0: p.x0, x1: p.x1, size: p.size, missed: p.missed ?? 0 });
    }
  });
  return pieces;
}

interface Loose extends Piece {
  exactLeft: boolean;
  exactRight: boolean;
  /** Position before sorting by x (tie-break). */
  seq?: number;
}

interface RawLine {
  y: number;
  size: number;
  segments: Piece[];
}

function groupLines(items: PdfItem[]): RawLine[] {
  // Indices into `items` (stream order), sorted by baseline then x.
  const sorted = items
    .map((_, i) => i)
    .sort((a, b) => items[a]!.y - items[b]!.y || items[a]!.x0 - items[b]!.x0);
  const groups: number[][] = [];
  let current: number[] = [];
  let refY = 0;
  let refSize = 0;
  for (const i of sorted) {
    const item = items[i]!;
    if (current.length && Math.abs(item.y - refY) <= 0.5 * Math.min(item.size, refSize)) {
      current.push(i);
      continue;
    }
    if (current.length) groups.push(current);
    current = [i];
    refY = item.y;
    refSize = item.size;
  }
  if (current.length) groups.push(current);
  const lines: RawLine[] = [];
  for (const indices of groups) {
    const group = indices.sort((a, b) => a - b).map((i) => items[i]!); // back to stream order
    const pieces = mergeLineItems(group);
    // Cut into segments at large gaps.
    const segments: Piece[] = [];
    for (const p of pieces) {
      const last = segments[segments.length - 1];
      if (last && p.x0 - last.x1 < SEGMENT_GAP * Math.max(p.size, last.size)) {
        last.str = `${last.str} ${p.str}`;
        last.x1 = Math.max(last.x1, p.x1);
        last.size = Math.max(last.size, p.size);
        last.missed = (last.missed ?? 0) + (p.missed ?? 0);
      } else {
        segments.push({ ...p });
      }
    }
    // pdf.js's positions drift left along a text line by the advances it did not count (decomposed
    // accents: see PdfItem.missed): move each segment right by what the pieces before it missed,
    // and its right edge also by its own.
    let drift = 0;
    for (const s of segments) {
      s.str = squash(s.str);
      s.x0 += drift;
      drift += s.missed ?? 0;
      s.x1 += drift;
    }
    const kept = segments.filter((s) => s.str !== '');
    if (kept.length === 0) continue;
    // The line's baseline and size: those of its widest item (the body text, not a superscript).
    let main = group[0]!;
    for (const it of group) if (it.x1 - it.x0 > main.x1 - main.x0) main = it;
    lines.push({ y: main.y, size: main.size, segments: kept });
  }
  return lines;
}

interface Block {
  start: number;
  end: number;
  gutterLeft: number;
  gutterRight: number;
}

/** Extend a gutter [gl, gr] from line `from` in direction `step`; returns the last line index kept. */
function extendGutter(lines: RawLine[], from: number, step: 1 | -1, g: { l: number; r: number }): number {
  let last = from;
  for (let j = from + step; j >= 0 && j < lines.length; j += step) {
    const line = lines[j]!;
    const prev = lines[last]!;
    if (Math.abs(line.y - prev.y) > 4 * Math.max(line.size, prev.size)) break;
    // "Nơi nhận:" opens its block: the short last line of the paragraph above is not in it.
    if (step < 0 && prev.segments.some((sg) => BLOCK_OPENER.test(sg.str.normalize('NFC')))) break;
    let l = g.l;
    let r = g.r;
    let ok = true;
    for (const s of line.segments) {
      if (s.x1 <= r) l = Math.max(l, s.x1);
      else if (s.x0 >= l) r = Math.min(r, s.x0);
      else {
        ok = false;
        break;
      }
    }
    if (!ok || r - l < 0.5 * line.size) break;
    g.l = l;
    g.r = r;
    last = j;
  }
  return last;
}

/** Lines that open a footer/addressee block laid out beside another column. */
const BLOCK_OPENER = /^(?:nơi nhận|kính gửi)\b/iu;

/**
 * Two-column header/footer blocks of a page. Accepted only where ND 30/2020 puts them — the block
 * that opens page 1 (starting within its first three lines: issuer | national motto, Số | place
 * and date) and a block with a "Nơi nhận" or "Kính gửi" line — so that data tables, which also
 * have gutters, keep their rows.
 */
function findBlocks(lines: RawLine[], page: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    let best: Block | undefined;
    if (line.segments.length >= 2) {
      for (let k = 0; k + 1 < line.segments.length; k++) {
        const g = { l: line.segments[k]!.x1, r: line.segments[k + 1]!.x0 };
        // The seed line itself: every segment on one side of this gap.
        const end = extendGutter(lines, i, 1, g);
        const start = extendGutter(lines, i, -1, g);
        const lo = Math.max(start, blocks.length ? blocks[blocks.length - 1]!.end + 1 : 0);
        if (end - lo + 1 < 2) continue;
        let known = page === 1 && lo <= 2;
        for (let j = lo; j <= end && !known; j++)
          known = lines[j]!.segments.some((sg) => BLOCK_OPENER.test(sg.str.normalize('NFC')));
        if (!known) continue;
        if (!best || end - lo > best.end - best.start) {
          best = { start: lo, end, gutterLeft: g.l, gutterRight: g.r };
        }
      }
    }
    if (best) {
      blocks.push(best);
      i = best.end + 1;
    } else {
      i++;
    }
  }
  return blocks;
}

function lineFromSegments(page: number, segs: Piece[], y: number, size: number): VisualLine {
  return {
    page,
    text: segs.map((s) => s.str).join(' '),
    x0: segs[0]!.x0,
    x1: segs[segs.length - 1]!.x1,
    y,
    size,
  };
}

/** Lay out one page: visual lines in reading order (columns split), furniture not yet marked. */
export function layoutPage(page: number, width: number, height: number, items: PdfItem[]): PageLayout {
  const raw = groupLines(items);
  const blocks = findBlocks(raw, page);
  const lines: VisualLine[] = [];
  let b = 0;
  let blockId = page * 1000;
  for (let i = 0; i < raw.length; i++) {
    const block = blocks[b];
    if (block && i === block.start) {
      const left: VisualLine[] = [];
      const right: VisualLine[] = [];
      const id = blockId++;
      for (let j = block.start; j <= block.end; j++) {
        const line = raw[j]!;
        const mid = (block.gutterLeft + block.gutterRight) / 2;
        const l = line.segments.filter((s) => s.x1 <= mid);
        const r = line.segments.filter((s) => s.x1 > mid);
        if (l.length)
          left.push({ ...lineFromSegments(page, l, line.y, line.size), column: { block: id, side: 'left' } });
        if (r.length)
          right.push({
            ...lineFromSegments(page, r, line.y, line.size),
            column: { block: id, side: 'right' },
          });
      }
      lines.push(...left, ...right);
      i = block.end;
      b++;
      continue;
    }
    const line = raw[i]!;
    lines.push(lineFromSegments(page, line.segments, line.y, line.size));
  }
  return { page, width, height, lines };
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*(?:\/|trên|of)\s*\d{1,4})?(?:\s*[-–—])?$/iu;
const PDF_PARSE_MARKER = /^--\s*\d+\s+of\s+\d+\s*--$/u;

/**
 * Lines that may be page furniture: the first and last line of a page when they lie in its top or
 * bottom 12 %, with `apart` set when they stand apart from the text by more than 1.3 line heights
 * (a running header or footer; a page number needs no gap).
 */
function edgeLines(p: PageLayout): Array<{ line: VisualLine; apart: boolean }> {
  const lines = p.lines.filter((l) => !l.column);
  const n = lines.length;
  const out: Array<{ line: VisualLine; apart: boolean }> = [];
  if (n === 0) return out;
  const first = lines[0]!;
  if (first.y < p.height * 0.12) {
    const next = lines[1];
    out.push({ line: first, apart: !next || next.y - first.y > 1.3 * Math.max(first.size, next.size) });
  }
  const last = lines[n - 1]!;
  if (n > 1 && last.y > p.height * 0.88) {
    const prev = lines[n - 2]!;
    out.push({ line: last, apart: last.y - prev.y > 1.3 * Math.max(last.size, prev.size) });
  }
  return out;
}

/**
 * Mark page furniture as dropped: pdf-parse's "-- 1 of 10 --" markers anywhere, page numbers
 * ("2", "- 2 -", "Trang 2", "2/10") among a page's edge lines, and edge lines repeated (digits
 * aside) on at least two pages and 40 % of them (running headers and footers).
 */
export function markFurniture(pages: PageLayout[]): void {
  const key = (l: VisualLine): string => l.text.replace(/\d+/gu, '#').toLowerCase();
  const edges = pages.map(edgeLines);
  const seen = new Map<string, Set<number>>();
  edges.forEach((lines, i) => {
    for (const { line, apart } of lines) {
      if (!apart) continue;
      if (!seen.has(key(line))) seen.set(key(line), new Set());
      seen.get(key(line))!.add(i);
    }
  });
  const repeatMin = Math.max(2, Math.ceil(pages.length * 0.4));
  pages.forEach((p, i) => {
    for (const l of p.lines) if (PDF_PARSE_MARKER.test(l.text)) l.dropped = true;
    for (const { line, apart } of edges[i]!) {
      if (PAGE_NUMBER.test(line.text) || (apart && (seen.get(key(line))?.size ?? 0) >= repeatMin))
        line.dropped = true;
    }
  });
}
