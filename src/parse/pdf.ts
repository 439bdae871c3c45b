/**
 * .pdf → mdast (see types.ts for the contract).
 *
 * pdf-parse 2 (pdf.js underneath) loads the document; text comes from pdf.js `getTextContent`
 * per page — the call pdf-parse's own getText() makes — so that we keep each item's position and
 * font size instead of pdf-parse's flattened string. Layout (lines, overlays, two-column header
 * and footer blocks, page furniture) is in pdf-layout.ts, paragraph rejoining in
 * pdf-paragraphs.ts, Vietnamese repairs in pdf-vietnamese.ts.
 *
 * Positions. The "extracted text" of a PDF is defined as: every visual line kh extracted, one per
 * line, in reading order, pages one after another with nothing between them. A visual line is a
 * line of text on the page, or one column's part of it inside a two-column header/footer block
 * (left column lines come before right column lines there). Dropped lines (page numbers, running
 * headers/footers) keep their line number in this text but are not emitted. Line text is
 * whitespace-collapsed, repaired (pdf-vietnamese.ts) and NFC. Then:
 *  - `line` is the 1-based line in that text, `column` the 1-based UTF-16 index in the line,
 *    `offset` the 0-based index in the text with lines joined by "\n";
 *  - each emitted visual line is one text node with `data.page` (1-based); when two lines of one
 *    paragraph are joined, a text node " " stands for the line break between them (its position
 *    is that "\n"), except after a hyphen that follows a letter or digit ("122/KH-" + "UBND"),
 *    where the lines join directly and the hyphen stays;
 *  - a paragraph's `data.page` is the page of its first line.
 * Every block is a `paragraph` (no table structure exists in a text layer; header/footer columns
 * and table rows come out as paragraphs).
 *
 * Scans. A page is "scanned" when pdf.js reads fewer than MIN_PAGE_TEXT characters from it and
 * it draws an image (a scan's text layer is empty, or holds a digital-signature stamp at most; a
 * short page of real text draws no image). When more than half of the pages are scanned, when no
 * page has any text but some page paints an image or fills paths (text turned into outlines), or
 * when asked (`--ocr`), the whole file is read by OCR instead (ocr.ts); the Plan's source then says so
 * (`source.ocr`).
 *
 * Errors (InputError): no "%PDF-" header, or pdf.js cannot read it → 'pdf-corrupt'; a user
 * password → 'pdf-encrypted' (an owner password alone does not stop reading); a scan with the
 * OCR tools missing → 'ocr-missing'; a text layer in an old 8-bit Vietnamese font →
 * 'legacy-encoding'.
 * Pages whose text runs sideways are read in their own reading frame (see toItems).
 */
import type { Data, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { InputError } from '../util/errors.js';
import { guessLegacyInUnicode } from '../util/vn-charsets.js';
import {
  charWidth,
  layoutPage,
  markFurniture,
  type PageLayout,
  type PdfItem,
  type VisualLine,
} from './pdf-layout.js';
import { joiner, measure, startsParagraph, type ParagraphState } from './pdf-paragraphs.js';
import { hasCombiningMark, repairLine } from './pdf-vietnamese.js';
import { restoreBuiltins } from './pdfjs-builtins.js';
import type { NodeData, ParsedDocument } from './types.js';
import type { ReadOptions } from './index.js';
import { execAll } from '../util/regex.js';
import { DEFAULT_LIMITS, exceeded, type Limits } from '../util/limits.js';

// The few pdf.js shapes we use (pdf-parse does not re-export pdf.js types).
interface TextItemLike {
  str: string;
  fontName?: string;
  transform: number[];
  width: number;
  height: number;
}
interface PageLike {
  view: number[];
  getViewport(params: { scale: number }): { transform: number[]; width: number; height: number };
  getOperatorList(): Promise<{ fnArray: number[] }>;
  getTextContent(params?: Record<string, unknown>): Promise<{
    items: Array<TextItemLike | { type: string }>;
    styles: Record<string, { fontFamily?: string }>;
  }>;
  cleanup(): boolean | void;
}
interface DocumentLike {
  numPages: number;
  getPage(n: number): Promise<PageLike>;
}

/** Characters of text layer from which a page counts as typed, image or not (see the top). */
export const MIN_PAGE_TEXT = 200;

/** pdf.js operator codes (pdfjs-dist OPS) that paint a raster image. */
const PAINT_IMAGE_OPS = new Set([
  82 /* paintJpegXObject */, 83 /* paintImageMaskXObject */, 85 /* paintImageXObject */,
  86 /* paintInlineImageXObject */,
]);
/** … and that fill a path (text turned into outlines is filled paths). */
const FILL_OPS = new Set([22 /* fill */, 23 /* eoFill */, 24 /* fillStroke */, 25 /* eoFillStroke */]);

function hasPdfHeader(data: Uint8Array): boolean {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function mapLoadError(error: unknown): InputError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new InputError('pdf-encrypted', {}, error);
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError('pdf-corrupt', { reason }, error);
}

/** 2×3 affine matrices [a b c d e f], pdf.js order: m1 ∘ m2. */
function multiply(m1: number[], m2: number[]): number[] {
  const [a1, b1, c1, d1, e1, f1] = m1 as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = m2 as [number, number, number, number, number, number];
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

/**
 * pdf.js (5.4) counts a glyph as a zero-width diacritic when its text merely contains a
 * combining mark, as every accented letter of a PDF written from decomposed (NFD) text does; the
 * item's width then lacks those glyphs' advances. Estimate what is missing.
 */
function missedWidth(str: string, width: number, size: number, sans: boolean): number {
  if (!hasCombiningMark(str) || !/\p{Mn}/u.test(str)) return 0;
  let missed = 0;
  let counted = 0;
  for (const m of execAll(/\P{M}\p{M}*/gu, str)) {
    const w = charWidth(m[0][0]!, sans);
    if (m[0].length > 1) missed += w;
    else counted += w;
  }
  // Scale the width table by what the counted glyphs really measure (bold, condensed, …).
  const ratio = counted > 0 ? Math.min(1.4, Math.max(0.8, width / ((counted * size) / 1000))) : 1;
  return (missed * size * ratio) / 1000;
}

/**
 * pdf.js items → left-to-right items in a reading frame. Coordinates start in the viewport (the
 * page as displayed, y down); the page's dominant text direction (by characters) is then turned
 * to run left to right, so a page whose text was laid out sideways (a landscape table on a
 * portrait page, a /Rotate the producer compensated for or not) still reads in lines. Items in
 * other directions (a rotated stamp, a vertical margin note) are left out.
 */
function toItems(
  raw: Array<TextItemLike | { type: string }>,
  fonts: Record<string, { fontFamily?: string }>,
  viewport: { transform: number[]; width: number; height: number },
  samples: Map<string, { text: string; chars: number }>,
): { items: PdfItem[]; chars: number; width: number; height: number } {
  const scale = Math.hypot(viewport.transform[0]!, viewport.transform[1]!) || 1;
  const placed: Array<{ it: TextItemLike; m: number[]; quarter: number }> = [];
  const weight = [0, 0, 0, 0];
  let chars = 0;
  for (const it of raw) {
    if (!('str' in it)) continue;
    const n = it.str.trim().length;
    if (n === 0) continue;
    chars += n;
    const sample = samples.get(it.fontName ?? '') ?? { text: '', chars: 0 };
    sample.chars += n;
    if (sample.text.length < 4000) sample.text += ` ${it.str}`;
    samples.set(it.fontName ?? '', sample);
    const m = multiply(viewport.transform, it.transform);
    // Direction of the text: 0 → right, 1 → down, 2 → left, 3 → up (y grows downwards).
    const angle = Math.atan2(m[1]!, m[0]!);
    const quarter = (((Math.round(angle / (Math.PI / 2)) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
    if (Math.abs(angle - (quarter > 2 ? quarter - 4 : quarter) * (Math.PI / 2)) > 0.05) continue; // slanted
    weight[quarter]! += n;
    placed.push({ it, m, quarter });
  }
  const q = weight.indexOf(Math.max(...weight));
  const { width: W, height: H } = viewport;
  const turn = (x: number, y: number): [number, number] =>
    q === 0 ? [x, y] : q === 1 ? [y, W - x] : q === 2 ? [W - x, H - y] : [H - y, x];
  const items: PdfItem[] = [];
  for (const { it, m, quarter } of placed) {
    if (quarter !== q) continue;
    const [x, y] = turn(m[4]!, m[5]!);
    const size = Math.hypot(m[2]!, m[3]!) || Math.abs(it.height) || 1;
    const width = it.width * scale;
    const sans = fonts[it.fontName ?? '']?.fontFamily === 'sans-serif';
    items.push({
      str: it.str,
      x0: x,
      x1: x + width,
      y,
      size,
      sans,
      missed: missedWidth(it.str, width, size, sans),
    });
  }
  return { items, chars, width: q % 2 ? H : W, height: q % 2 ? W : H };
}

/**
 * A PDF typed with the old 8-bit Vietnamese fonts (.VnTime = TCVN3, VNI-Times) has a text layer of
 * Latin-1 letters ("KÕ ho¹ch"). Judged font by font (a document may mix Unicode and legacy fonts):
 * the encoding when fonts reading as legacy text carry at least 30 % of the characters.
 */
function legacyEncoding(samples: Map<string, { text: string; chars: number }>, chars: number): string | null {
  const byEncoding = new Map<string, number>();
  for (const { text, chars: n } of samples.values()) {
    if (!/[\x80-\xff]/u.test(text)) continue;
    const { encoding } = guessLegacyInUnicode(text);
    if (encoding) byEncoding.set(encoding, (byEncoding.get(encoding) ?? 0) + n);
  }
  for (const [encoding, n] of byEncoding) if (n >= 0.3 * chars) return encoding;
  return null;
}

function makeText(
  value: string,
  line: number,
  column: number,
  offset: number,
  page: number,
  length = value.length,
): Text {
  return {
    type: 'text',
    value,
    position: {
      start: { line, column, offset },
      end: { line, column: column + length, offset: offset + length },
    },
    data: { page } satisfies NodeData as Data,
  };
}

async function drawing(page: PageLike): Promise<{ image: boolean; fill: boolean }> {
  try {
    const { fnArray } = await page.getOperatorList();
    return {
      image: fnArray.some((op) => PAINT_IMAGE_OPS.has(op)),
      fill: fnArray.some((op) => FILL_OPS.has(op)),
    };
  } catch (error) {
    throw mapLoadError(error);
  }
}

/**
 * Parse a PDF. Throws InputError 'pdf-corrupt' (not a PDF, damaged), 'pdf-encrypted' (needs a
 * password), 'pdf-no-text' (no text, nothing drawn), 'ocr-missing' (a scan, and no OCR tools),
 * the OCR's own errors (ocr.ts).
 */
export async function parsePdf(
  data: Uint8Array,
  filePath: string,
  limits: Limits = DEFAULT_LIMITS,
  options: ReadOptions = {},
): Promise<ParsedDocument> {
  if (!hasPdfHeader(data)) throw new InputError('pdf-corrupt', { reason: 'no %PDF header' });
  const { PDFParse } = await import('pdf-parse');
  // pdf.js may take ownership of the buffer it is given: hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(data) });
  let doc: DocumentLike;
  const pages: PageLayout[] = [];
  const samples = new Map<string, { text: string; chars: number }>();
  let chars = 0;
  let textlessPages = 0;
  /** Pages with little text that paint an image or fill paths. */
  let paintedPages = 0;
  let numPages = 0;
  // `load` is pdf-parse's own (TypeScript-private) loader: the pdf.js document it returns is what
  // getText() walks; we walk it ourselves to keep positions.
  const load = (parser as unknown as { load?: () => Promise<DocumentLike> }).load;
  if (typeof load !== 'function')
    throw new Error('pdf-parse has no load() any more: src/parse/pdf.ts needs updating');
  try {
    try {
      doc = await load.call(parser);
    } catch (error) {
      throw mapLoadError(error);
    } finally {
      restoreBuiltins(); // pdf.js and its worker are loaded by now
    }
    if (doc.numPages > limits.pdfPages) exceeded(limits, 'pdfPages');
    numPages = doc.numPages;
    for (let n = 1; n <= doc.numPages && !options.ocr; n++) {
      let page: PageLike;
      let content: Awaited<ReturnType<PageLike['getTextContent']>>;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (error) {
        throw mapLoadError(error);
      }
      if (content.items.length > limits.pdfItemsPerPage) exceeded(limits, 'pdfItemsPerPage', { page: n });
      const got = toItems(content.items, content.styles, page.getViewport({ scale: 1 }), samples);
      chars += got.chars;
      if (got.chars < MIN_PAGE_TEXT) {
        const drawn = await drawing(page);
        if (drawn.image) textlessPages++;
        if (drawn.image || drawn.fill) paintedPages++;
      }
      pages.push(layoutPage(n, got.width, got.height, got.items));
      page.cleanup();
    }
    // No text at all but something drawn (a scan, text turned into outlines): OCR has nothing to
    // lose. Nothing drawn either (blank pages): nothing to read.
    if (chars === 0 && paintedPages === 0 && !options.ocr)
      throw new InputError('pdf-no-text', { pages: String(doc.numPages) });
    if (options.ocr || chars === 0 || textlessPages * 2 > doc.numPages) {
      pages.length = 0;
    } else {
      const legacy = legacyEncoding(samples, chars);
      if (legacy) throw new InputError('legacy-encoding', { encoding: legacy });
    }
  } finally {
    await parser.destroy();
  }
  if (pages.length === 0) {
    const { parseScannedPdf } = await import('./ocr.js');
    return parseScannedPdf(data, filePath, numPages, limits, options.timeoutMs);
  }
  markFurniture(pages);
  return {
    format: 'pdf',
    filePath,
    tree: buildTree(pages),
    source: null,
    pages: pages.length,
  };
}

/** Visual lines (all pages, reading order; furniture marked) → mdast root of paragraphs. */
export function buildTree(pages: PageLayout[], repair = true): Root {
  // The lines with their text repaired (the layout itself is left as it was); OCR'd lines are
  // whole words already (repair = false).
  const all: VisualLine[] = [];
  for (const p of pages) {
    for (const l of p.lines) {
      const text = repair ? repairLine(l.text) : l.text;
      all.push(text === l.text ? l : { ...l, text });
    }
  }
  const metrics = measure(all);
  const root: Root = { type: 'root', children: [] };
  let para: Paragraph | undefined;
  let state: ParagraphState = { lines: 0 };
  let prev: VisualLine | undefined;
  let prevEnd = { line: 0, column: 0, offset: 0 };
  let offset = 0;
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    const lineNo = i + 1;
    const lineOffset = offset;
    offset += line.text.length + 1;
    if (line.dropped || line.text === '') continue;
    const node = makeText(line.text, lineNo, 1, lineOffset, line.page);
    if (para && prev && !startsParagraph(prev, line, metrics, state)) {
      const sep = joiner(prev.text);
      if (sep) {
        // The " " stands for the line break(s) between the two lines in the extracted text.
        const space = makeText(sep, prevEnd.line, prevEnd.column, prevEnd.offset, prev.page, 1);
        space.position!.end = { line: lineNo, column: 1, offset: lineOffset };
        para.children.push(space);
      }
      para.children.push(node);
      if (state.lines === 1 || state.contLeft === undefined) state.contLeft = line.x0;
      state.lines++;
    } else {
      para = {
        type: 'paragraph',
        children: [node] as PhrasingContent[],
        data: { page: line.page } satisfies NodeData as Data,
      };
      root.children.push(para);
      state = { lines: 1 };
    }
    const end = { line: lineNo, column: line.text.length + 1, offset: lineOffset + line.text.length };
    para.position = { start: { ...para.children[0]!.position!.start }, end: { ...end } };
    prev = line;
    prevEnd = end;
  }
  return root;
}
