/**
 * .doc (Word 97–2003) → ParsedDocument, the same mdast contract as .docx (types.ts):
 *  - root children: paragraph | table; text as Word shows it, NFC; field codes left out (their
 *    results kept); text deleted under tracked changes left out; empty paragraphs dropped;
 *  - positions: line = Word paragraph index (every paragraph in text order, table cells included,
 *    row-end marks not counted — as w:p are counted in a .docx), column = character in the
 *    paragraph; `data.paragraph` on every node; soft line breaks (Shift+Enter) → `break`;
 *  - tables rebuilt from Word's cell and row marks; the grid from the cells' edges (sprmTDefTable),
 *    so a cell spanning n columns has `data.colSpan` and placeholders `data.merged`, as do cells
 *    covered by a vertical merge; header rows (repeat as header) `data.header`; group rows marked
 *    by docx-mdast.ts's finishTree as for .docx; a table split by an empty paragraph joined to the
 *    one above (`data.continued`) as for .docx;
 *  - footnotes as in .docx: a zero-width `footnoteReference` (label 1, 2, 3 … in order) in the
 *    body, the footnotes' paragraphs after the body with `data.footnote`, numbered after it;
 *  - bold/italic set on the text itself → strong/emphasis (as mammoth reads w:b/w:i on runs).
 *  - automatic numbering: the labels Word shows, from the list tables (doc-binary.ts), written
 *    after the paragraph's marker as the .docx parser writes them;
 *  - text boxes: their paragraphs before the paragraph they are anchored in.
 * Not read (as for .docx): headers/footers, endnotes, comments, images.
 * The binary reading itself is doc-binary.ts.
 */
import type { Data, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { ParsedDocument } from './types.js';
import { readWordBinary, type ParagraphProps, type WordBinary } from './doc-binary.js';
import { finishTree, layOut, setSpan } from './docx-mdast.js';
import { computeLabels } from './docx-numbering.js';
import type { ParagraphInfo } from './docx-xml.js';
import { DEFAULT_LIMITS, exceeded, type Limits } from '../util/limits.js';
import { InputError } from '../util/errors.js';

const BOLD = 1;
const ITALIC = 2;

interface Segment {
  flags: number;
  /** Text, or null for a line break (or a footnote reference when `note` is set). */
  value: string | null;
  note?: string;
}

interface Paragraph {
  /** 1-based paragraph index; 0 for row-end marks (not counted). */
  index: number;
  segments: Segment[];
  props: ParagraphProps;
  inTable: boolean;
  rowEnd: boolean;
  cellEnd: boolean;
}

/** A private-use character absent from the text, for docx-mdast.ts's paragraph markers. */
function pickMarker(text: string): string {
  for (let code = 0xe000; code <= 0xf8ff; code++) {
    const c = String.fromCharCode(code);
    if (!text.includes(c)) return c;
  }
  throw new InputError('doc-corrupt', { part: 'markers' });
}

/** Characters of Word's text stream that are not text. */
function visibleChar(ch: string): string | null {
  const code = ch.charCodeAt(0);
  if (code >= 0x20) return ch;
  if (ch === '\t') return '\t';
  if (code === 0x1e) return '\u2011'; // non-breaking hyphen
  return null; // NUL (deleted), 0x01 picture, 0x02 note mark, 0x05 comment, 0x08 drawing, 0x0c page break, 0x1f optional hyphen …
}

/** The paragraphs of the CP range [from, to), split at paragraph, cell and row-end marks. */
// long: one-pass scanner over the paragraphs and their properties
function readParagraphs(
  bin: WordBinary,
  from: number,
  to: number,
  counter: { next: number },
  notes: Map<number, string>,
  boxes: Map<number, Array<{ start: number; end: number }>> = new Map(),
): Paragraph[] {
  const out: Paragraph[] = [];
  // Text boxes anchored in the current paragraph: their paragraphs go before it (where Word
  // draws them is the layout's business; a .docx reads them where they are anchored too).
  let boxed: Paragraph[] = [];
  const text = bin.text;
  let segments: Segment[] = [];
  // Fields: \x13 instructions \x14 result \x15, nested; only results are shown.
  const fields: boolean[] = [];
  let hidden = 0;
  const push = (flags: number, value: string): void => {
    const last = segments[segments.length - 1];
    if (last && last.value !== null && last.note === undefined && last.flags === flags) last.value += value;
    else segments.push({ flags, value });
  };
  for (let cp = from; cp < to; cp++) {
    const ch = text[cp]!;
    const format = bin.formatAt(cp);
    // A deleted paragraph mark joins its paragraph to the next, as Word shows it once accepted.
    if (format.deleted) continue;
    const isMark = ch === '\r' || ch === '\x07' || ch === '\n' || (ch === '\x0c' && bin.endsParagraph(cp));
    if (isMark) {
      const props = bin.paragraphAt(cp);
      const rowEnd = props.rowEnd || ch === '\n';
      if (boxed.length > 0) {
        out.push(...boxed);
        boxed = [];
      }
      const cellEnd = !rowEnd && ch === '\x07';
      out.push({
        index: rowEnd ? 0 : ++counter.next,
        segments,
        props,
        inTable: rowEnd || cellEnd || props.inTable,
        rowEnd,
        cellEnd,
      });
      segments = [];
      continue;
    }
    if (ch === '\x13') {
      fields.push(false);
      hidden++;
      continue;
    }
    if (ch === '\x14') {
      if (fields.length > 0 && !fields[fields.length - 1]) {
        fields[fields.length - 1] = true;
        hidden--;
      }
      continue;
    }
    if (ch === '\x15') {
      if (fields.length > 0 && !fields.pop()) hidden--;
      continue;
    }
    const anchored = boxes.get(cp);
    if (anchored)
      for (const box of anchored) boxed.push(...readParagraphs(bin, box.start, box.end, counter, new Map()));
    if (hidden > 0) continue;
    const note = notes.get(cp);
    if (note !== undefined) {
      segments.push({ flags: 0, value: null, note });
      if (ch === '\x02') continue;
    }
    if (ch === '\x0b') {
      segments.push({ flags: 0, value: null });
      continue;
    }
    const visible = visibleChar(ch);
    if (visible === null) continue;
    push((format.bold ? BOLD : 0) | (format.italic ? ITALIC : 0), visible);
  }
  out.push(...boxed);
  // Text after the last mark (a damaged file): a paragraph of its own.
  if (segments.some((s) => s.value !== null && s.value !== '')) {
    out.push({
      index: ++counter.next,
      segments,
      props: { inTable: false, rowEnd: false, headerRow: false, cells: null },
      inTable: false,
      rowEnd: false,
      cellEnd: false,
    });
  }
  return out;
}

/** A paragraph's inline nodes, led by its marker (docx-mdast.ts turns markers into positions). */
function phrasing(p: Paragraph, marker: string, labels: (string | null)[]): PhrasingContent[] {
  // The numbering label as Word shows it, after the marker (as the .docx parser writes it); an
  // empty numbered paragraph still shows its number ("3.").
  let label = labels[p.index] ?? '';
  if (label && !hasText(p)) label = label.trimEnd();
  const out: PhrasingContent[] = [{ type: 'text', value: `${marker}${p.index}${marker}${label}` }];
  let i = 0;
  const segs = p.segments;
  while (i < segs.length) {
    const flags = segs[i]!.flags;
    let leaves: PhrasingContent[] = [];
    while (i < segs.length && segs[i]!.flags === flags) {
      const s = segs[i]!;
      if (s.note !== undefined) leaves.push({ type: 'footnoteReference', identifier: s.note, label: s.note });
      else if (s.value === null) leaves.push({ type: 'break' });
      else leaves.push({ type: 'text', value: s.value.normalize('NFC') });
      i++;
    }
    if (flags & ITALIC) leaves = [{ type: 'emphasis', children: leaves }];
    if (flags & BOLD) leaves = [{ type: 'strong', children: leaves }];
    out.push(...leaves);
  }
  return out;
}

interface RawRow {
  cells: Paragraph[][];
  props: ParagraphProps;
}

/** Column edges of a table: the cells' left/right edges of all rows, near ones (≤ 10 twips) as one. */
function gridEdges(rows: RawRow[]): number[] {
  const all = rows
    .flatMap((r) => (r.props.cells ?? []).flatMap((c) => [c.left, c.right]))
    .sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of all) if (edges.length === 0 || x - edges[edges.length - 1]! > 10) edges.push(x);
  return edges;
}

function nearestEdge(edges: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - x) < Math.abs(edges[best]! - x)) best = i;
  return best;
}

function mergedCell(): TableCell {
  return { type: 'tableCell', children: [], data: { merged: true } as Data };
}

function buildTable(rows: RawRow[], marker: string, labels: (string | null)[]): Table {
  const edges = gridEdges(rows);
  let leading = true;
  const mdRows: TableRow[] = rows.map((row) => {
    const defs = row.props.cells;
    const cells: TableCell[] = [];
    let last: { cell: TableCell; span: number } | null = null;
    row.cells.forEach((paragraphs, i) => {
      const def = defs?.[i];
      const span =
        def && edges.length > 1
          ? Math.max(1, nearestEdge(edges, def.right) - nearestEdge(edges, def.left))
          : 1;
      if (def?.mergedLeft && last) {
        last.span += span;
        setSpan(last.cell, last.span, 1);
        return;
      }
      if (def?.mergedAbove) {
        for (let k = 0; k < span; k++) cells.push(mergedCell());
        last = null;
        return;
      }
      const cell: TableCell = {
        type: 'tableCell',
        children: paragraphs.flatMap((p) => phrasing(p, marker, labels)),
      };
      setSpan(cell, span, 1);
      cells.push(cell);
      last = { cell, span };
    });
    const header = leading && row.props.headerRow;
    leading = header;
    return { type: 'tableRow', children: cells, data: { header } as Data };
  });
  layOut(mdRows);
  return { type: 'table', children: mdRows };
}

function hasText(p: Paragraph): boolean {
  return p.segments.some((s) => s.value !== null && /\S/.test(s.value));
}

/** A row's text, white space collapsed, lower case (to tell a repeated header row). */
function rowText(row: RawRow): string {
  return row.cells
    .map((cell) => cell.map((p) => p.segments.map((s) => s.value ?? ' ').join('')).join(' '))
    .join('|')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

interface OpenTable {
  node: Table;
  rows: RawRow[];
}

/**
 * As for .docx (docx-model.ts): a table that follows another with nothing but empty paragraphs
 * between them, on the same column grid (cell edges: .doc has no table style to compare), whose
 * first row is no header row (neither marked nor a typed copy of the first table's first row),
 * continues it: its rows are appended, the first of them marked `data.continued`.
 */
function continues(open: OpenTable | null, rows: RawRow[]): open is OpenTable {
  if (!open) return false;
  const first = rows[0];
  if (!first || first.props.headerRow) return false;
  const look = (r: RawRow[]): string =>
    gridEdges(r)
      .map((x) => Math.round(x / 10))
      .join(',');
  const width = (r: RawRow[]): number => r.reduce((max, row) => Math.max(max, row.cells.length), 0);
  if (look(rows) !== look(open.rows) || width(rows) !== width(open.rows)) return false;
  return rowText(first) !== rowText(open.rows[0]!);
}

/** Body paragraphs → blocks: paragraphs, and tables from runs of cell paragraphs. */
function bodyBlocks(paragraphs: Paragraph[], marker: string, labels: (string | null)[]): RootContent[] {
  const blocks: RootContent[] = [];
  let rows: RawRow[] = [];
  let cells: Paragraph[][] = [];
  let cell: Paragraph[] = [];
  let open: OpenTable | null = null;
  const flushTable = (): void => {
    if (cell.length > 0) cells.push(cell);
    if (cells.length > 0)
      rows.push({ cells, props: { inTable: true, rowEnd: true, headerRow: false, cells: null } });
    if (rows.length > 0) {
      const node = buildTable(rows, marker, labels);
      if (continues(open, rows)) {
        const [first, ...rest] = node.children;
        first!.data = { ...(first!.data ?? {}), continued: true } as Data;
        open.node.children.push(first!, ...rest);
      } else {
        blocks.push(node);
        open = { node, rows };
      }
    }
    rows = [];
    cells = [];
    cell = [];
  };
  for (const p of paragraphs) {
    if (p.rowEnd) {
      if (cell.length > 0) cells.push(cell);
      rows.push({ cells, props: p.props });
      cells = [];
      cell = [];
    } else if (p.inTable) {
      cell.push(p);
      if (p.cellEnd) {
        cells.push(cell);
        cell = [];
      }
    } else {
      flushTable();
      if (hasText(p) || labels[p.index]) open = null;
      blocks.push({ type: 'paragraph', children: phrasing(p, marker, labels) });
    }
  }
  flushTable();
  return blocks;
}

/** Word's numbering labels per paragraph index, replayed by docx-numbering.ts from the list tables. */
function numberingLabels(paragraphs: Paragraph[], count: number, bin: WordBinary): (string | null)[] {
  const infos: ParagraphInfo[] = Array.from({ length: count + 1 }, () => ({
    numId: undefined,
    ilvl: undefined,
    style: undefined,
    deleted: false,
  }));
  for (const p of paragraphs) {
    if (p.index === 0 || p.props.ilfo === undefined) continue;
    // ilfo 0 is "no numbering"; negative values (0xF801) are Word's "numbering removed".
    infos[p.index] = {
      numId: String(Math.max(0, p.props.ilfo)),
      ilvl: p.props.ilvl,
      style: undefined,
      deleted: false,
    };
  }
  return computeLabels(infos, bin.numbering).labels;
}

export async function parseDoc(
  data: Uint8Array,
  filePath: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<ParsedDocument> {
  const bin = await readWordBinary(data);
  if (bin.ccpText + bin.ccpFtn > limits.textLength) exceeded(limits, 'textLength');
  const marker = pickMarker(bin.text);

  // Word numbers footnotes 1, 2, 3 … in the order of their references.
  const notes = [...bin.footnotes].sort((a, b) => a.refCp - b.refCp);
  const labelAt = new Map(notes.map((n, i) => [n.refCp, String(i + 1)]));
  const counter = { next: 0 };
  const boxes = new Map<number, Array<{ start: number; end: number }>>();
  for (const box of bin.textboxes) boxes.set(box.anchorCp, [...(boxes.get(box.anchorCp) ?? []), box]);
  const body = readParagraphs(bin, 0, bin.ccpText, counter, labelAt, boxes);
  const bodyCount = counter.next;
  const footnoteParagraphs = notes.map((note) =>
    readParagraphs(bin, note.start, note.end, counter, new Map()),
  );
  const labels = numberingLabels([body, ...footnoteParagraphs].flat(), counter.next, bin);
  const blocks = bodyBlocks(body, marker, labels);
  footnoteParagraphs.forEach((paragraphs, i) => {
    for (const p of paragraphs) {
      if (p.rowEnd) continue;
      blocks.push({
        type: 'paragraph',
        children: phrasing(p, marker, labels),
        data: { footnote: String(i + 1) } as Data,
      });
    }
  });

  const tree: Root = { type: 'root', children: blocks };
  const { tree: finished } = finishTree(tree, marker, counter.next, bodyCount);
  return { format: 'doc', filePath, tree: finished, source: null, pages: null };
}
