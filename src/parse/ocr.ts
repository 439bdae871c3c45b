/**
 * Scanned PDFs: OCR (ocr-tools.ts) → the PDF parser's own layout and paragraph code → mdast.
 *
 * Tesseract's words become pdf-layout.ts items: the words of one Tesseract line are cut into
 * chunks at gaps wider than a font size (a header's two columns share a line) and placed on the
 * line's baseline, in PDF points. From there a scan goes the way a text layer does: visual lines,
 * two-column header/footer blocks, page furniture, paragraphs (pdf.ts buildTree, without the
 * text-layer repairs, which are for pdf.js's split words). Positions follow pdf.ts's contract:
 * line/column in the extracted text, `data.page` on every node.
 *
 * What the OCR was sure of is kept: every word's confidence is mapped onto the line and columns
 * it ended up at, and the words below OCR_HIGH_CONFIDENCE are recorded (ParsedDocument.ocr) so
 * that the rules OCR errors would trigger are capped (src/rules/ocr-confidence.ts).
 */
import { InputError } from '../util/errors.js';
import { DEFAULT_LIMITS, exceeded, type Limits } from '../util/limits.js';
import { layoutPage, markFurniture, type PageLayout, type PdfItem, type VisualLine } from './pdf-layout.js';
import { buildTree } from './pdf.js';
import { checkOcrTools, OCR_DPI, ocrPdfPages } from './ocr-tools.js';
import { isSyllable } from './pdf-vietnamese.js';
import type { OcrInfo, OcrSpan, ParsedDocument } from './types.js';
import { numberToRoman, romanToNumber } from '../util/roman.js';

/**
 * A word Tesseract gives at least this confidence (0–100) is taken as read right. On the corpus
 * scan and the rasterised seeds, words read right score 91–97 and misreadings ("QUYÉT", "ngàyl6",
 * "bồ sung" for "bổ sung") mostly below 90.
 */
export const OCR_HIGH_CONFIDENCE = 90;

/** One Tesseract word, in pixels of the page image. */
export interface OcrWord {
  text: string;
  conf: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** block/paragraph/line key: the words of one Tesseract line share it. */
  line: string;
}

export interface OcrPage {
  page: number;
  width: number;
  height: number;
  words: OcrWord[];
}

/** Tesseract's TSV (level, page, block, par, line, word, left, top, width, height, conf, text). */
export function parseTsv(page: number, tsv: string): OcrPage {
  const out: OcrPage = { page, width: 0, height: 0, words: [] };
  for (const row of tsv.split(/\r?\n/u)) {
    const f = row.split('\t');
    if (f.length < 12 || !/^\d+$/u.test(f[0]!)) continue; // the header row, blank lines
    const [level, , block, par, line, , left, top, width, height, conf] = f
      .slice(0, 11)
      .map(Number) as number[];
    if (level === 1) {
      out.width = width!;
      out.height = height!;
    }
    const text = fixWord(f.slice(11).join('\t').trim().normalize('NFC'), conf!);
    if (level !== 5 || text === '' || !(conf! >= 0) || isNoise(text, conf!)) continue;
    out.words.push({
      text,
      conf: conf!,
      left: left!,
      top: top!,
      width: width!,
      height: height!,
      line: `${block}/${par}/${line}`,
    });
  }
  return out;
}

/**
 * Two misreadings of the Vietnamese model:
 *  - digit/letter confusions inside a number, only in words Tesseract was unsure of: "l", "I" or
 *    "|" touching a digit on the right, with a digit or a lower-case letter on the left
 *    ("ngàyl6" → "ngày16", "2l5" → "215");
 *  - a circumflex lost under a tone mark ("QUYÉT" for "QUYẾT", read with confidence 92): a word
 *    that is not a Vietnamese syllable, when putting the circumflex on exactly one of its toned
 *    a/e/o makes it one (foreign words carry no Vietnamese tone marks, so they are left alone).
 */
export function fixWord(text: string, conf: number): string {
  let out =
    conf < OCR_HIGH_CONFIDENCE && /\d/u.test(text) ? text.replace(/(?<=[\d\p{Ll}])[lI|](?=\d)/gu, '1') : text;
  out = out.replace(/\p{L}+/gu, (word) => (isSyllable(word) ? word : (withCircumflex(word) ?? word)));
  return out;
}

const CIRCUMFLEX = '\u0302';

/** The one way of adding a circumflex to a bare a/e/o of `word` that makes a syllable, or null. */
function withCircumflex(word: string): string | null {
  const letters = [...word.normalize('NFD').matchAll(/\P{M}\p{M}*/gu)].map((m) => m[0]);
  let found: string | null = null;
  for (let i = 0; i < letters.length; i++) {
    const l = letters[i]!;
    // A bare a/e/o carrying a tone mark (acute, grave, hook, tilde, dot below).
    if (
      !/^[aeoAEO]/u.test(l) ||
      /[\u0302\u0306\u031b]/u.test(l) ||
      !/[\u0300\u0301\u0303\u0309\u0323]/u.test(l)
    )
      continue;
    const variant = [...letters.slice(0, i), l[0] + CIRCUMFLEX + l.slice(1), ...letters.slice(i + 1)]
      .join('')
      .normalize('NFC');
    if (!isSyllable(variant)) continue;
    if (found !== null) return null;
    found = variant;
  }
  return found;
}

/**
 * Marks that are not text: a drawn rule read as a row of dashes ("—————", the line under the
 * issuer's name), and a word of punctuation only read with low confidence (specks, stamp and
 * signature strokes: "„", "~-__").
 */
function isNoise(text: string, conf: number): boolean {
  if (/[\p{L}\p{N}]/u.test(text)) return false;
  return /^[-–—_=~.]{3,}$/u.test(text) || conf < OCR_HIGH_CONFIDENCE;
}

/** The value of a well-formed Roman numeral up to 89 ("IV" → 4), or null. */
function romanValue(s: string): number | null {
  return /C/u.test(s) ? null : romanToNumber(s);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/**
 * Roman numerals of section headings ("III. KINH PHÍ THỰC HIỆN") are where the model errs most
 * on bold type ("II" for "III", "IL." for "I.", a lost period), and it says so with a low
 * confidence. A heading's numeral read below OCR_HIGH_CONFIDENCE is taken as the successor of the
 * heading numeral before it, when it is within two edits of it; numerals read with confidence are
 * left as they are (a document's own numbering mistake stays visible to the numbering rule).
 * A heading: a line's first word made of I V X L H l 1 | and an optional period, followed by a
 * word in capitals.
 */
function repairHeadingNumerals(pages: OcrPage[]): void {
  let previous = 0;
  for (const page of pages) {
    const lines = new Map<string, OcrWord[]>();
    for (const w of page.words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
    const ordered = [...lines.values()]
      .map((ws) => ws.sort((a, b) => a.left - b.left))
      .sort((a, b) => a[0]!.top - b[0]!.top);
    for (const [first, second] of ordered) {
      if (!first || !second || !/^[IVXLHl1|]{1,6}\.?$/u.test(first.text) || !/[IVX]/u.test(first.text))
        continue;
      if (!/^\p{Lu}{2,}/u.test(second.text) || /\p{Ll}/u.test(second.text)) continue;
      const read = romanValue(first.text.replace(/\.$/u, ''));
      if (first.conf >= OCR_HIGH_CONFIDENCE) {
        if (read !== null && first.text.endsWith('.')) previous = read;
        continue;
      }
      const expected = `${numberToRoman(previous + 1)}.`;
      if (editDistance(first.text, expected) <= 2) {
        first.text = expected;
        previous++;
      } else if (read !== null) {
        previous = read;
      }
    }
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Chunk {
  item: PdfItem;
  words: OcrWord[];
}

/** Height of a Tesseract line box (accents to descenders) per font size, for Times-like faces. */
const LINE_BOX_PER_EM = 1.1;

/**
 * One page's words → pdf-layout items: each Tesseract line cut into chunks at gaps wider than a
 * font size, placed on the line's baseline. `bodyHeight`: the document's usual line-box height
 * (px); a line within 25 % of it gets the body size, so that a line without ascenders or
 * descenders is not taken for a font change.
 */
function pageChunks(page: OcrPage, bodyHeight: number): Chunk[] {
  const pt = 72 / OCR_DPI;
  const lines = new Map<string, OcrWord[]>();
  for (const w of page.words) {
    const list = lines.get(w.line);
    if (list) list.push(w);
    else lines.set(w.line, [w]);
  }
  const chunks: Chunk[] = [];
  for (const words of lines.values()) {
    words.sort((a, b) => a.left - b.left);
    const top = Math.min(...words.map((w) => w.top));
    const bottom = Math.max(...words.map((w) => w.top + w.height));
    const height = bottom - top;
    const ratio = bodyHeight > 0 ? height / bodyHeight : 1;
    const sizePx = (ratio > 0.75 && ratio < 1.25 ? bodyHeight : height) / LINE_BOX_PER_EM;
    // Baseline: the highest word bottom among words of two letters or more (most words sit on it;
    // descenders and dots below only go lower).
    const sitting = words.filter((w) => /\p{L}{2}/u.test(w.text) && w.height > 0.4 * height);
    const baseline = sitting.length ? Math.min(...sitting.map((w) => w.top + w.height)) : bottom;
    let current: OcrWord[] = [];
    const flush = (): void => {
      if (current.length === 0) return;
      const first = current[0]!;
      const last = current[current.length - 1]!;
      chunks.push({
        item: {
          str: current.map((w) => w.text).join(' '),
          x0: first.left * pt,
          x1: (last.left + last.width) * pt,
          y: baseline * pt,
          size: sizePx * pt,
        },
        words: current,
      });
      current = [];
    };
    for (const w of words) {
      const prev = current[current.length - 1];
      if (prev && w.left - (prev.left + prev.width) > sizePx) flush();
      current.push(w);
    }
    flush();
  }
  return chunks;
}

/**
 * Where each chunk's words ended up in the page's visual lines: the chunks near a line's
 * baseline are found in its text left to right. Words of a line that cannot be matched count as
 * unsure (the whole line).
 */
function wordSpans(
  layout: PageLayout,
  chunks: Chunk[],
): Map<VisualLine, Array<{ start: number; end: number; conf: number }>> {
  const spans = new Map<VisualLine, Array<{ start: number; end: number; conf: number }>>();
  const left = new Set(chunks);
  for (const line of layout.lines) {
    const near = [...left]
      .filter(
        (c) =>
          Math.abs(c.item.y - line.y) <= line.size && c.item.x0 >= line.x0 - 1 && c.item.x1 <= line.x1 + 1,
      )
      .sort((a, b) => a.item.x0 - b.item.x0);
    const found: Array<{ start: number; end: number; conf: number }> = [];
    let cursor = 0;
    for (const c of near) {
      const at = line.text.indexOf(c.item.str, cursor);
      if (at < 0) continue;
      left.delete(c);
      let p = at;
      for (const w of c.words) {
        found.push({ start: p, end: p + w.text.length, conf: w.conf });
        p += w.text.length + 1;
      }
      cursor = at + c.item.str.length;
    }
    const covered = found.reduce((n, s) => n + (s.end - s.start), 0);
    const letters = line.text.replace(/\s/gu, '').length;
    // Text the chunks do not account for: the whole line is unsure.
    if (covered < letters) found.splice(0, found.length, { start: 0, end: line.text.length, conf: 0 });
    spans.set(line, found);
  }
  return spans;
}

/** The OCR'd pages → the parser's layouts plus the confidence record. */
export function layoutOcrPages(pages: OcrPage[], engine: string): { layouts: PageLayout[]; ocr: OcrInfo } {
  const pt = 72 / OCR_DPI;
  const lineHeights: number[] = [];
  for (const p of pages) {
    const boxes = new Map<string, { top: number; bottom: number; n: number }>();
    for (const w of p.words) {
      const b = boxes.get(w.line) ?? { top: Infinity, bottom: -Infinity, n: 0 };
      b.top = Math.min(b.top, w.top);
      b.bottom = Math.max(b.bottom, w.top + w.height);
      b.n++;
      boxes.set(w.line, b);
    }
    for (const b of boxes.values()) if (b.n >= 3) lineHeights.push(b.bottom - b.top);
  }
  const bodyHeight = median(lineHeights);
  const layouts: PageLayout[] = [];
  const spans = new Map<VisualLine, Array<{ start: number; end: number; conf: number }>>();
  for (const p of pages) {
    const chunks = pageChunks(p, bodyHeight);
    const layout = layoutPage(
      p.page,
      p.width * pt,
      p.height * pt,
      chunks.map((c) => c.item),
    );
    for (const [line, s] of wordSpans(layout, chunks)) spans.set(line, s);
    layouts.push(layout);
  }
  markFurniture(layouts);
  const lowConfidence: OcrSpan[] = [];
  let lineNo = 0;
  for (const layout of layouts) {
    for (const line of layout.lines) {
      lineNo++;
      if (line.dropped) continue;
      for (const s of spans.get(line) ?? []) {
        if (s.conf < OCR_HIGH_CONFIDENCE)
          lowConfidence.push({ line: lineNo, column: s.start + 1, endColumn: s.end + 1 });
      }
    }
  }
  const words = pages.flatMap((p) => p.words);
  const mean = words.length ? words.reduce((n, w) => n + w.conf, 0) / words.length : 0;
  return {
    layouts,
    ocr: {
      engine,
      language: 'vie',
      dpi: OCR_DPI,
      words: words.length,
      meanConfidence: Math.round(mean * 10) / 10,
      highConfidence: OCR_HIGH_CONFIDENCE,
      lowConfidence,
    },
  };
}

/**
 * OCR a whole PDF of `pages` pages into the mdast contract. Throws 'ocr-missing' (tools not
 * installed), 'limit' (more than limits.ocrPages pages), 'timeout', 'pdf-no-text' (no word found).
 */
export async function parseScannedPdf(
  data: Uint8Array,
  filePath: string,
  pages: number,
  limits: Limits = DEFAULT_LIMITS,
  timeoutMs = 60_000,
): Promise<ParsedDocument> {
  const engine = await checkOcrTools();
  if (pages > limits.ocrPages) exceeded(limits, 'ocrPages');
  const results = await ocrPdfPages(data, pages, timeoutMs);
  const ocrPages = results.map((r) => parseTsv(r.page, r.tsv));
  repairHeadingNumerals(ocrPages);
  const { layouts, ocr } = layoutOcrPages(ocrPages, engine.version);
  if (ocr.words === 0) throw new InputError('pdf-no-text', { pages: String(pages) });
  return {
    format: 'pdf',
    filePath,
    tree: buildTree(layouts, false),
    source: null,
    pages,
    ocr,
  };
}
