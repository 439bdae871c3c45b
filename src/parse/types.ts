/**
 * What every parser hands to the Plan builder: an mdast tree whose text nodes point into the
 * original file. Parsers know nothing of plans or rules.
 *
 * Contract (all formats):
 *  - Root children are block nodes: paragraph | heading | list (text format only) | table |
 *    blockquote | code | html | thematicBreak. docx and pdf never emit `list`: a numbered or bulleted
 *    paragraph is a `paragraph` whose text starts with its label as a reader sees it ("1. ", "a) ",
 *    "- ", "+ ").
 *  - Every `text` node has a `position` (start/end line, column, offset):
 *      text: the file's own coordinates;
 *      docx: line = 1-based index of the Word paragraph (w:p in document order, table cells
 *            included), column = 1-based character in that paragraph, offset = running offset;
 *            `data.paragraph` repeats the paragraph index;
 *      pdf:  line/column in the extracted text (all pages, 1-based), `data.page` = 1-based page.
 *  - `break` nodes are line breaks inside a paragraph (docx soft breaks, PDF visual lines kept).
 *      doc:  as docx (Word paragraphs in text order, table cells included, row-end marks not
 *            counted; footnote paragraphs numbered after the body's) — see src/parse/doc.ts;
 *  - docx footnotes: the body keeps a zero-width `footnoteReference` (label = the number Word
 *    shows); the footnotes' paragraphs follow the body as root blocks with `data.footnote` = that
 *    number and paragraph indices of their own after the body's (see src/parse/docx.ts).
 *  - Text is NFC.
 */
import type { Root } from 'mdast';

/** The readable formats of the input-format table (src/parse/formats.ts). */
export type { SourceFormat } from './formats.js';
import type { SourceFormat } from './formats.js';

export interface NodeData {
  page?: number;
  paragraph?: number;
}

/** A document read from a legacy Vietnamese encoding (src/util/legacy-convert.ts). */
export interface LegacyConversion {
  from: 'tcvn3' | 'vni' | 'windows-1258';
  /** docx: the runs in legacy fonts that were converted; null for a text file (all of it). */
  runs: number | null;
}

/** A stretch of OCR'd text (one word or more) read with low confidence: extracted-text line and
 * 1-based columns, end exclusive (the coordinates of pdf positions). */
export interface OcrSpan {
  line: number;
  column: number;
  endColumn: number;
}

/** How a scanned PDF's text was read (src/parse/ocr.ts). */
export interface OcrInfo {
  /** "tesseract 5.3.0". */
  engine: string;
  language: 'vie';
  /** Resolution the pages were rendered at. */
  dpi: number;
  /** Words read. */
  words: number;
  /** Mean word confidence, 0–100. */
  meanConfidence: number;
  /** The confidence from which a word counts as read right. */
  highConfidence: number;
  /** The words read below `highConfidence`. */
  lowConfidence: OcrSpan[];
}

export interface ParsedDocument {
  format: SourceFormat;
  /** Path as given by the user (used in messages). */
  filePath: string;
  tree: Root;
  /** The decoded text of a text/markdown file; null for docx/pdf. */
  source: string | null;
  /** Number of pages (pdf only). */
  pages: number | null;
  /** Set when the text was converted from a legacy encoding. */
  converted?: LegacyConversion;
  /** Set when the text came from OCR (a scanned PDF, or --ocr). */
  ocr?: OcrInfo;
}
