/**
 * mammoth's document model → mdast (text still carrying the paragraph markers; docx-mdast.ts
 * turns them into positions).
 *
 * mammoth reads the .docx into a small tree (paragraphs, runs with bold/italic/strike flags,
 * hyperlinks, line breaks, tables with col/row spans) and renders it as HTML. We take the tree
 * itself, through convertToHtml's `transformDocument` hook: the same reading of the file as the
 * HTML, without rendering HTML and parsing it back (which cost more than mammoth's own reading on
 * small files) and without an HTML whitespace-collapsing step to undo.
 *
 * Rendering choices follow mammoth's default HTML: Heading 1–6 styles → heading, bold or the
 * "Strong" character style → strong, italic → emphasis, strikethrough → delete, hyperlinks →
 * link, a line break (w:br, w:cr) → break; page/column breaks, images, checkboxes, bookmarks,
 * endnote/comment references are dropped; a footnote reference becomes a `footnoteReference` and the
 * footnote's blocks follow the body's (modelToMdast). Word numbering labels are written at the
 * start of their paragraph; no `list` is ever made.
 */
import type {
  Data,
  Heading,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import type { DocumentScan } from './docx-xml.js';
import { layOut, setSpan } from './docx-mdast.js';
import { squash } from '../util/whitespace.js';

/** The parts of mammoth's document model we read. */
export interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  isBold?: boolean;
  isItalic?: boolean;
  isStrikethrough?: boolean;
  href?: string;
  anchor?: string;
  breakType?: string;
  isHeader?: boolean;
  colSpan?: number;
  rowSpan?: number;
  noteType?: string;
  noteId?: string;
  /** On the document: mammoth's notes, by "footnote-<id>" / "endnote-<id>". */
  notes?: { findNoteByKey?: (key: string) => { body?: MammothNode[] } | null };
}

const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;

interface Segment {
  flags: number;
  link: string | undefined;
  /** Text, or null for a line break (or a footnote reference, when `note` is set). */
  value: string | null;
  /** w:id of the footnote referenced here. */
  note?: string;
}

export interface ModelContext {
  marker: string;
  /** Numbering label per paragraph index ("1. ", "a) ", "- "), from docx-numbering.ts. */
  labels: (string | null)[];
  scan: DocumentScan;
  /** Footnotes in order of first reference: w:id → the number Word shows (1, 2, 3 …). */
  footnotes: Map<string, string>;
}

function collect(node: MammothNode, flags: number, link: string | undefined, out: Segment[]): void {
  switch (node.type) {
    case 'text':
      if (node.value) out.push({ flags, link, value: node.value });
      return;
    case 'tab':
      out.push({ flags, link, value: '\t' });
      return;
    case 'break':
      if (node.breakType === 'line') out.push({ flags, link, value: null });
      return;
    case 'run': {
      let f = flags;
      if (node.isBold || node.styleName === 'Strong') f |= BOLD;
      if (node.isItalic) f |= ITALIC;
      if (node.isStrikethrough) f |= STRIKE;
      for (const c of node.children ?? []) collect(c, f, link, out);
      return;
    }
    case 'hyperlink': {
      const href = node.href ?? (node.anchor ? `#${node.anchor}` : undefined);
      for (const c of node.children ?? []) collect(c, flags, href ?? link, out);
      return;
    }
    case 'noteReference':
      if (node.noteType === 'footnote' && node.noteId !== undefined)
        out.push({ flags, link, value: null, note: node.noteId });
      return;
    case 'image':
    case 'checkbox':
    case 'bookmarkStart':
    case 'commentReference':
      return;
    default:
      for (const c of node.children ?? []) collect(c, flags, link, out);
  }
}

/** Group equal formatting, merge adjacent text (NFC), wrap: link > strong > emphasis > delete. */
function phrasing(segments: Segment[], ctx: ModelContext, out: PhrasingContent[]): void {
  let i = 0;
  while (i < segments.length) {
    const { flags, link } = segments[i]!;
    let leaves: PhrasingContent[] = [];
    let text = '';
    const flush = (): void => {
      if (text) leaves.push({ type: 'text', value: text.normalize('NFC') });
      text = '';
    };
    while (i < segments.length && segments[i]!.flags === flags && segments[i]!.link === link) {
      const { value: v, note } = segments[i]!;
      if (note !== undefined) {
        // Word numbers footnotes 1, 2, 3 … in order of first reference.
        let label = ctx.footnotes.get(note);
        if (label === undefined) {
          label = String(ctx.footnotes.size + 1);
          ctx.footnotes.set(note, label);
        }
        flush();
        leaves.push({ type: 'footnoteReference', identifier: label, label });
      } else if (v === null) {
        flush();
        leaves.push({ type: 'break' });
      } else {
        text += v;
      }
      i++;
    }
    flush();
    if (flags & STRIKE) leaves = [{ type: 'delete', children: leaves }];
    if (flags & ITALIC) leaves = [{ type: 'emphasis', children: leaves }];
    if (flags & BOLD) leaves = [{ type: 'strong', children: leaves }];
    if (link !== undefined) leaves = [{ type: 'link', url: link, children: leaves }];
    out.push(...leaves);
  }
}

function markerIndex(text: string, marker: string): { index: number; end: number } | undefined {
  if (text[0] !== marker) return undefined;
  const close = text.indexOf(marker, 1);
  if (close === -1) return undefined;
  const index = Number(text.slice(1, close));
  return Number.isInteger(index) ? { index, end: close + 1 } : undefined;
}

/** A paragraph's segments, its numbering label written after its marker. */
function paragraphSegments(p: MammothNode, ctx: ModelContext): Segment[] {
  const segments: Segment[] = [];
  for (const c of p.children ?? []) collect(c, 0, undefined, segments);
  const first = segments[0];
  const found = first?.value ? markerIndex(first.value, ctx.marker) : undefined;
  const label = found ? ctx.labels[found.index] : null;
  if (first && found && label) {
    const rest = first.value!.slice(found.end);
    const hasText = /\S/.test(rest) || segments.slice(1).some((s) => s.value !== null && /\S/.test(s.value));
    // An empty numbered paragraph still shows its number in Word: "3.".
    first.value = first.value!.slice(0, found.end) + (hasText ? label : label.trimEnd()) + rest;
  }
  return segments;
}

const HEADING_RE = /^heading\s*([1-6])$/i;

function headingDepth(p: MammothNode): 1 | 2 | 3 | 4 | 5 | 6 | undefined {
  const m = HEADING_RE.exec(p.styleName ?? '') ?? HEADING_RE.exec(p.styleId ?? '');
  return m ? (Number(m[1]) as 1 | 2 | 3 | 4 | 5 | 6) : undefined;
}

function firstMarker(node: MammothNode, marker: string): number {
  if (node.type === 'text') return node.value ? (markerIndex(node.value, marker)?.index ?? -1) : -1;
  for (const c of node.children ?? []) {
    const found = firstMarker(c, marker);
    if (found !== -1) return found;
  }
  return -1;
}

/** Whether a row of a table at nesting `depth` (1 = top level) is marked w:tblHeader in the XML. */
function xmlHeader(row: MammothNode, depth: number, ctx: ModelContext): boolean {
  const index = firstMarker(row, ctx.marker);
  const { paragraphRow, rows } = ctx.scan;
  let at = index > 0 && index < paragraphRow.length ? paragraphRow[index]! : -1;
  while (at >= 0 && rows[at]!.depth > depth) at = rows[at]!.parent;
  return at >= 0 && rows[at]!.depth === depth && rows[at]!.header;
}

/** Everything in a cell as phrasing: its paragraphs (and nested tables' cells) one after another;
 *  the markers at each paragraph's start later become separator breaks. */
function cellPhrasing(children: MammothNode[], ctx: ModelContext, out: PhrasingContent[]): void {
  for (const c of children) {
    if (c.type === 'paragraph') {
      phrasing(paragraphSegments(c, ctx), ctx, out);
    } else if (c.type === 'table' || c.type === 'tableRow' || c.type === 'tableCell') {
      cellPhrasing(c.children ?? [], ctx, out);
    } else if (c.children) {
      cellPhrasing(c.children, ctx, out);
    }
  }
}

function table(t: MammothNode, depth: number, ctx: ModelContext): Table {
  const rows: TableRow[] = [];
  let leading = true; // header rows count only at the top of the table (mammoth's <thead>, Word's repeat)
  for (const r of t.children ?? []) {
    if (r.type !== 'tableRow') continue;
    const header: boolean = leading && xmlHeader(r, depth, ctx);
    leading = header;
    const cells: TableCell[] = [];
    for (const c of r.children ?? []) {
      if (c.type !== 'tableCell') continue;
      const children: PhrasingContent[] = [];
      cellPhrasing(c.children ?? [], ctx, children);
      const cell: TableCell = { type: 'tableCell', children };
      setSpan(cell, c.colSpan, c.rowSpan);
      cells.push(cell);
    }
    rows.push({ type: 'tableRow', children: cells, data: { header } as Data });
  }
  layOut(rows);
  return { type: 'table', children: rows };
}

/** The scan's record of a top-level mammoth table (found through its first paragraph). */
function tableLook(t: MammothNode, ctx: ModelContext): string | undefined {
  const index = firstMarker(t, ctx.marker);
  const { paragraphRow, rows, tables } = ctx.scan;
  let at = index > 0 && index < paragraphRow.length ? paragraphRow[index]! : -1;
  while (at >= 0 && rows[at]!.depth > 1) at = rows[at]!.parent;
  return at >= 0 ? tables[rows[at]!.table]?.look : undefined;
}

/** Grid width of a laid-out table: its widest row. */
function gridWidth(t: Table): number {
  return t.children.reduce((max, row) => Math.max(max, row.children.length), 0);
}

/** A row's text with the paragraph markers taken out, white space collapsed (for comparison). */
function rowText(row: TableRow, marker: string): string {
  const parts: string[] = [];
  const visit = (nodes: PhrasingContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push(n.value);
      else if ('children' in n) visit(n.children as PhrasingContent[]);
    }
  };
  for (const cell of row.children) {
    visit(cell.children);
    parts.push('|');
  }
  return squash(withoutMarkers(parts.join(''), marker)).toLowerCase();
}

/** Text with the paragraph markers (marker, digits, marker) taken out. */
function withoutMarkers(text: string, marker: string): string {
  if (!text.includes(marker)) return text;
  let out = '';
  let at = 0;
  for (let open = text.indexOf(marker); open !== -1; open = text.indexOf(marker, at)) {
    const close = text.indexOf(marker, open + 1);
    if (close === -1) break;
    out += text.slice(at, open);
    at = close + 1;
  }
  return out + text.slice(at);
}

function hasVisibleText(segments: Segment[], marker: string): boolean {
  return segments.some((s) => s.value !== null && /\S/.test(withoutMarkers(s.value, marker)));
}

interface OpenTable {
  node: Table;
  look: string | undefined;
  width: number;
  head: string;
}

/**
 * A table that follows another with nothing but empty paragraphs between them (Word itself merges
 * two tables that touch, so a table split by hand, or at a page break, is kept apart by one), with
 * the same grid width and the same look (style and borders), whose first row is no header row
 * (neither w:tblHeader nor a typed copy of the first table's first row), continues it: its rows
 * are appended, the first of them marked `data.continued`.
 */
function continues(
  open: OpenTable | null,
  next: Table,
  look: string | undefined,
  ctx: ModelContext,
): open is OpenTable {
  if (!open || open.look !== look) return false;
  const first = next.children[0];
  if (!first || (first.data as { header?: boolean } | undefined)?.header) return false;
  if (gridWidth(next) !== open.width) return false;
  return rowText(first, ctx.marker) !== open.head;
}

function blocks(children: MammothNode[], ctx: ModelContext, out: RootContent[], note?: string): void {
  let open: OpenTable | null = null;
  for (const c of children) {
    if (c.type === 'paragraph') {
      const segments = paragraphSegments(c, ctx);
      if (hasVisibleText(segments, ctx.marker)) open = null;
      const inline: PhrasingContent[] = [];
      phrasing(segments, ctx, inline);
      const depth = headingDepth(c);
      const block: Paragraph | Heading =
        depth === undefined
          ? { type: 'paragraph', children: inline }
          : { type: 'heading', depth, children: inline };
      if (note !== undefined) block.data = { footnote: note } as Data;
      out.push(block);
    } else if (c.type === 'table') {
      const node = table(c, 1, ctx);
      const look = tableLook(c, ctx);
      if (continues(open, node, look, ctx)) {
        const [first, ...rest] = node.children;
        first!.data = { ...(first!.data ?? {}), continued: true } as Data;
        open.node.children.push(first!, ...rest);
      } else {
        if (note !== undefined) node.data = { footnote: note } as Data;
        out.push(node);
        const head = node.children[0];
        open = head ? { node, look, width: gridWidth(node), head: rowText(head, ctx.marker) } : null;
      }
    } else if (c.children) {
      open = null;
      blocks(c.children, ctx, out, note);
    }
  }
}

/**
 * The body's blocks, then each footnote's blocks in the order Word numbers them (first
 * reference), marked `data.footnote` with that number. Footnotes never referenced are not shown
 * by Word and are left out.
 */
export function modelToMdast(document: MammothNode, ctx: ModelContext): Root {
  const children: RootContent[] = [];
  blocks(document.children ?? [], ctx, children);
  for (const [id, label] of ctx.footnotes) {
    const note = document.notes?.findNoteByKey?.(`footnote-${id}`);
    if (note?.body) blocks(note.body, ctx, children, label);
  }
  return { type: 'root', children };
}
