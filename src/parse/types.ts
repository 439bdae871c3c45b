/**
 * What every parser hands to the Plan builder: an mdast tree whose text nodes point into the
 * original file. Parsers know nothing of plans or rules.
 *
 * Contract (all three formats):
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

export interface ParsedDocument {
  format: SourceFormat;
  /** Path as given by the user (used in messages). */
  filePath: string;
  tree: Root;
  /** The decoded text of a text/markdown file; null for docx/pdf. */
  source: string | null;
  /** Number of pages (pdf only). */
  pages: number | null;
}
