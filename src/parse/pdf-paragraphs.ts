/**
 * Rejoining visual lines into paragraphs.
 *
 * Signals, strongest first (a Nghị định 30/2020 office document: justified paragraphs whose first
 * line is indented, headings "I.", "1.", "a)", "-", "+" that start new paragraphs):
 *  - column blocks (header/footer): a line continues the previous one only when it is a plain
 *    wrap (starts in lower case, no label, the previous line does not end a sentence);
 *  - vertical gap larger than the document's usual line pitch (paragraph spacing);
 *  - font size change;
 *  - indentation: the line starts right of the paragraph's left edge (first-line indent);
 *  - the previous line stopped short: the next line's first word would have fitted at its end;
 *  - text: the previous line ends a sentence (. ; : ./.) and the next starts with a label
 *    (I. 1. a) - +); an upper-case heading line followed by a normal line.
 * Centred lines (titles) continue each other when nothing above says otherwise.
 * Across a page break there is no vertical gap to read: indentation, short line and text decide.
 */
import type { VisualLine } from './pdf-layout.js';

export interface Metrics {
  /** Most common left edge of body lines. */
  left: number;
  /** Right edge of full (justified) body lines. */
  right: number;
  /** Right edge of the text area: the rightmost body line ends (ragged text never reaches `right`). */
  rightMost: number;
  /** Usual baseline distance between lines of one paragraph, in font sizes. */
  pitch: number;
}

const LABEL = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•–])(?:\s|$)/u;
const ENDS_SENTENCE = /(?:[.;:!?…]|\.\/\.)["”’)]*$/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 0;
  for (const v of values) {
    const k = Math.round(v);
    const c = (counts.get(k) ?? 0) + 1;
    counts.set(k, c);
    if (c > bestCount || (c === bestCount && best !== undefined && k < best)) {
      best = k;
      bestCount = c;
    }
  }
  return best;
}

export function measure(lines: VisualLine[]): Metrics {
  const body = lines.filter((l) => !l.dropped && !l.column);
  const all = body.length ? body : lines;
  const left = mode(all.map((l) => l.x0)) ?? 0;
  // Right edge: the most common right end among the longer lines (justified lines end there).
  const xs = all.map((l) => l.x1).sort((a, b) => b - a);
  const long = xs.slice(0, Math.max(1, Math.ceil(xs.length * 0.5)));
  const right = mode(long) ?? xs[0] ?? 0;
  const ratios: number[] = [];
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1]!;
    const b = all[i]!;
    if (a.page !== b.page || Math.abs(a.size - b.size) > 0.5) continue;
    const d = (b.y - a.y) / a.size;
    if (d > 0.8 && d < 3) ratios.push(d);
  }
  ratios.sort((a, b) => a - b);
  const pitch = ratios.length ? ratios[Math.floor(ratios.length * 0.15)]! : 1.2;
  // Justified text: many lines end at `right`, which is then the text area's edge. Ragged text:
  // take the rightmost line ends (leaving out a few strays).
  const flush = xs.filter((x) => Math.abs(x - right) < 1.5).length >= 0.15 * xs.length;
  const rightMost = flush ? right : (xs[Math.floor(xs.length * 0.03)] ?? right);
  return { left, right: Math.max(right, left + 1), rightMost: Math.max(rightMost, right, left + 1), pitch };
}

/** Estimated width (points) of the first word of a line. */
function firstWordWidth(line: VisualLine): number {
  const word = line.text.split(' ', 1)[0] ?? '';
  const avg = (line.x1 - line.x0) / Math.max(1, line.text.length);
  return word.length * avg;
}

function isUpper(text: string): boolean {
  return HAS_LETTER.test(text) && !HAS_LOWER.test(text);
}

/** Centred: clear of both margins of the text area by about the same amount (titles). */
function isCentered(line: VisualLine, m: Metrics): boolean {
  const l = line.x0 - m.left;
  const r = m.rightMost - line.x1;
  return l > 1.5 && r > 1.5 && Math.abs(l - r) < 1.5 * line.size;
}

export interface ParagraphState {
  /** Left edge of the paragraph's continuation lines, once known. */
  contLeft?: number;
  lines: number;
}

/** Whether `b` starts a new paragraph after `a` (both not dropped, in reading order). */
export function startsParagraph(a: VisualLine, b: VisualLine, m: Metrics, para: ParagraphState): boolean {
  const sameColumn = a.column?.block === b.column?.block && a.column?.side === b.column?.side;
  if (!sameColumn) return true;
  const labelled = LABEL.test(b.text);
  const ended = ENDS_SENTENCE.test(a.text);
  if (labelled && ended) return true;
  if (b.column) {
    // Header/footer columns: one line per paragraph unless it is plainly a wrapped line: it starts
    // in lower case, or it continues a "- recipient" line that has not ended (with ";" or ".").
    if (labelled || ended) return true;
    const first = b.text.charAt(0);
    const lower = first !== first.toUpperCase();
    return !(lower || (/^[-+]\s/u.test(a.text) && !/[;,.]$/u.test(a.text)));
  }
  if (Math.abs(a.size - b.size) > 1.5) return true;
  if (a.page === b.page) {
    const gap = (b.y - a.y) / a.size;
    if (gap > m.pitch + 0.2 || gap < 0) return true;
  }
  if (isUpper(a.text) && !isUpper(b.text)) return true;
  const ca = isCentered(a, m);
  const cb = isCentered(b, m);
  if (ca && cb) return false;
  if (ca !== cb && (ca || b.x0 > m.left + b.size)) return true;
  const left = para.contLeft ?? m.left;
  if (b.x0 > left + 0.5 * b.size && !(para.lines > 1 && Math.abs(b.x0 - a.x0) < 0.3 * b.size)) return true;
  // The previous line stopped short although the next word would have fitted.
  if (a.x1 + firstWordWidth(b) + 0.5 * b.size < m.right) return true;
  return false;
}

/** Joins a line to the previous one of its paragraph: '' after a hyphen that follows a letter or digit. */
export function joiner(prev: string): string {
  return /[\p{L}\p{N}]-$/u.test(prev) ? '' : ' ';
}
