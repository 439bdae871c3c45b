/**
 * Marker resolution for the .docx parser: every Word paragraph's text reaches the mdast tree
 * prefixed by a marker `S<index>S` (S = a private-use character, see docx-xml.ts). `finishTree`
 * splits text at the markers and turns them into positions: line = paragraph index, column =
 * 1-based character in that paragraph's text as emitted (numbering label included, a soft break
 * counting one), offset = the same character in the virtual text made of every paragraph's
 * emitted text joined by "\n". It also lays merged table cells out on the grid and drops blocks
 * without text.
 */
import type { Data, Nodes, PhrasingContent, Root, RootContent, TableCell, TableRow, Text } from 'mdast';
import type { Position } from 'unist';

/** Span of a cell as mammoth read it (gridSpan; vMerge → rowSpan). */
const spans = new WeakMap<TableCell, { colSpan: number; rowSpan: number }>();

function positiveInt(value: unknown, max: number): number {
  if (value === undefined || value === null) return 1;
  const n = typeof value === 'number' ? value : parseInt(String(value), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), max) : 1;
}

/** Record a cell's span (mdast cells have no span fields): `layOut` places it on the grid. */
export function setSpan(cell: TableCell, colSpan: unknown, rowSpan: unknown): void {
  const cols = positiveInt(colSpan, 64);
  const rows = positiveInt(rowSpan, 4096);
  if (cols > 1 || rows > 1) spans.set(cell, { colSpan: cols, rowSpan: rows });
}

function placeholder(): TableCell {
  return { type: 'tableCell', children: [], data: { merged: true } as Data };
}

/** Lay merged cells out on the grid: a cell spanning n columns/rows is followed/continued by
 *  empty cells marked `data.merged`, so column k of every row is the same column of the table. */
export function layOut(rows: TableRow[]): void {
  const covered: Set<number>[] = rows.map(() => new Set<number>());
  rows.forEach((row, r) => {
    const cells: TableCell[] = [];
    let c = 0;
    const skipCovered = (): void => {
      while (covered[r]!.has(c)) {
        cells.push(placeholder());
        c++;
      }
    };
    for (const cell of row.children) {
      skipCovered();
      cells.push(cell);
      const span = spans.get(cell);
      const colSpan = span?.colSpan ?? 1;
      if (colSpan > 1) cell.data = { ...(cell.data ?? {}), colSpan } as Data;
      const rowSpan = Math.min(span?.rowSpan ?? 1, rows.length - r);
      for (let k = 1; k < colSpan; k++) cells.push(placeholder());
      for (let rr = r + 1; rr < r + rowSpan; rr++) {
        for (let cc = c; cc < c + colSpan; cc++) covered[rr]!.add(cc);
      }
      c += colSpan;
    }
    // Slots covered by row spans after the last cell of this row.
    let max = -1;
    for (const cc of covered[r]!) if (cc > max) max = cc;
    while (c <= max) {
      cells.push(covered[r]!.has(c) ? placeholder() : { type: 'tableCell', children: [] });
      c++;
    }
    row.children = cells;
  });
}

// ---------------------------------------------------------------------------------------------
// Markers → positions

interface Point {
  line: number;
  column: number;
  offset: number;
}

class Tracker {
  /** Current Word paragraph (0 before any marker). */
  para = 0;
  /** Characters already emitted in the current paragraph. */
  col = 0;
  /** Emitted length per paragraph. */
  readonly lengths: number[] = [];
  /** Inside a table cell: each paragraph after the first starts with a separator `break`. */
  inCell = false;
  /** Markers met in the current cell. */
  cellParagraphs = 0;
  /** Whether the current block has non-whitespace text. */
  hasText = false;
  /** First paragraph seen in the current block. */
  firstPara = 0;
  /** Paragraph indices seen (markers found). */
  seen = 0;

  constructor(
    private readonly marker: string,
    /** Paragraphs of the body (document.xml); footnote paragraphs come after and are not `seen`. */
    private readonly bodyCount: number,
  ) {}

  startBlock(inCell: boolean): void {
    this.inCell = inCell;
    this.cellParagraphs = 0;
    this.hasText = false;
    this.firstPara = 0;
  }

  point(para: number, col: number): Point {
    return { line: para, column: col + 1, offset: col };
  }

  private newParagraph(index: number, out: PhrasingContent[]): void {
    this.para = index;
    this.col = 0;
    if (index <= this.bodyCount) this.seen++;
    if (this.firstPara === 0) this.firstPara = index;
    if (this.inCell && this.cellParagraphs++ > 0) {
      out.push({
        type: 'break',
        position: { start: this.point(index, 0), end: this.point(index, 0) },
        data: { paragraph: index, separator: true } as Data,
      });
    }
  }

  private emitText(value: string, out: PhrasingContent[]): void {
    const start = this.point(this.para, this.col);
    this.col += value.length;
    const node: Text = {
      type: 'text',
      value,
      position: { start, end: this.point(this.para, this.col) },
      data: { paragraph: this.para } as Data,
    };
    this.lengths[this.para] = this.col;
    if (!this.hasText && /\S/.test(value)) this.hasText = true;
    out.push(node);
  }

  text(value: string, out: PhrasingContent[]): void {
    const marker = this.marker;
    let i = 0;
    while (i < value.length) {
      const m = value.indexOf(marker, i);
      const end = m === -1 ? value.length : m;
      if (end > i) this.emitText(value.slice(i, end), out);
      if (m === -1) break;
      const close = value.indexOf(marker, m + 1);
      const index = close === -1 ? NaN : Number(value.slice(m + 1, close));
      if (!Number.isInteger(index)) {
        // Not one of ours (cannot happen: the marker character is absent from the document).
        this.emitText(value.slice(m, m + 1), out);
        i = m + 1;
        continue;
      }
      this.newParagraph(index, out);
      i = close + 1;
    }
  }

  anchor(node: PhrasingContent, out: PhrasingContent[]): void {
    if (this.para === 0) return;
    const at = this.point(this.para, this.col);
    node.position = { start: at, end: { ...at } };
    node.data = { ...(node.data ?? {}), paragraph: this.para } as Data;
    out.push(node);
  }

  lineBreak(out: PhrasingContent[]): void {
    out.push({
      type: 'break',
      position: { start: this.point(this.para, this.col), end: this.point(this.para, this.col + 1) },
      data: { paragraph: this.para } as Data,
    });
    this.col += 1;
    this.lengths[this.para] = this.col;
  }
}

type WithPosition = { position?: Position | undefined; data?: Data | undefined };

function spanOf(nodes: WithPosition[]): Position | undefined {
  let first: Position['start'] | undefined;
  let last: Position['end'] | undefined;
  for (const n of nodes) {
    if (!n.position) continue;
    first ??= n.position.start;
    last = n.position.end;
  }
  return first && last ? { start: { ...first }, end: { ...last } } : undefined;
}

function setPositionFrom(node: WithPosition, children: WithPosition[]): void {
  const span = spanOf(children);
  if (span) {
    node.position = span;
    node.data = { ...(node.data ?? {}), paragraph: span.start.line } as Data;
  } else {
    delete node.position;
  }
}

function inline(nodes: PhrasingContent[], t: Tracker): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      t.text(node.value, out);
    } else if (node.type === 'break') {
      t.lineBreak(out);
    } else if (node.type === 'footnoteReference') {
      // Zero width where Word shows the superscript number: the number is not part of the text.
      t.anchor(node, out);
    } else if ('children' in node) {
      const children = inline(node.children as PhrasingContent[], t);
      if (children.length === 0) continue;
      (node as { children: PhrasingContent[] }).children = children;
      setPositionFrom(node, children);
      out.push(node);
    }
    // Other leaves (images, inline html) carry no text: dropped.
  }
  return out;
}

function isSeparator(node: PhrasingContent): boolean {
  return node.type === 'break' && Boolean((node.data as { separator?: boolean } | undefined)?.separator);
}

function hasNonSpace(nodes: PhrasingContent[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const n = nodes[i]!;
    if (
      n.type === 'text'
        ? /\S/.test(n.value)
        : 'children' in n && hasNonSpace(n.children as PhrasingContent[], 0, n.children.length)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * A cell's paragraphs are the runs between separators (markers, hence separators, sit at the top
 * level of the cell). Like empty paragraphs outside tables, whitespace-only ones are dropped.
 */
function trimCell(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let start = 0;
  for (let i = 0; i <= children.length; i++) {
    if (i < children.length && !isSeparator(children[i]!)) continue;
    // children[start] may be the separator opening this paragraph.
    const from = start < children.length && isSeparator(children[start]!) ? start + 1 : start;
    if (hasNonSpace(children, from, i)) {
      if (out.length > 0 && from > start) out.push(children[start]!);
      for (let k = from; k < i; k++) out.push(children[k]!);
    }
    start = i;
  }
  return out;
}

export interface FinishStats {
  /** Markers of body paragraphs met in mammoth's output (body paragraphs mammoth emitted). */
  seen: number;
}

/**
 * Split at markers, give positions, drop what carries no text. Mutates and returns `tree`.
 * `count` is the number of Word paragraphs (for offsets).
 */
export function finishTree(
  tree: Root,
  marker: string,
  count: number,
  bodyCount = count,
): { tree: Root; stats: FinishStats } {
  const t = new Tracker(marker, bodyCount);
  const out: RootContent[] = [];

  const blocks = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
        case 'heading': {
          t.startBlock(false);
          const children = inline(node.children, t);
          if (!t.hasText) break;
          node.children = children;
          setPositionFrom(node, children);
          out.push(node);
          break;
        }
        case 'table': {
          let tableHasText = false;
          for (const row of node.children) {
            for (const cell of row.children) {
              t.startBlock(true);
              const merged = (cell.data as { merged?: boolean } | undefined)?.merged;
              const children = trimCell(inline(cell.children, t));
              tableHasText ||= t.hasText;
              cell.children = children;
              setPositionFrom(cell, children);
              if (!cell.position && t.firstPara > 0) {
                cell.position = { start: t.point(t.firstPara, 0), end: t.point(t.firstPara, 0) };
                cell.data = { ...(cell.data ?? {}), paragraph: t.firstPara } as Data;
              }
              if (merged) cell.data = { ...(cell.data ?? {}), merged: true } as Data;
            }
            const header = Boolean((row.data as { header?: boolean } | undefined)?.header);
            setPositionFrom(row, row.children);
            row.data = { ...(row.data ?? {}), header } as Data;
          }
          markGroupRows(node.children);
          if (!tableHasText) break;
          setPositionFrom(node, node.children);
          out.push(node);
          break;
        }
        default:
          // Containers mammoth does not produce in our setup (lists are flattened by the
          // handlers): read their blocks in place; leaves without text are dropped.
          if ('children' in node && Array.isArray(node.children)) {
            const kids = node.children as RootContent[];
            if (kids.length > 0 && isPhrasing(kids[0]!)) {
              blocks([{ type: 'paragraph', children: kids as PhrasingContent[] }]);
            } else {
              blocks(kids);
            }
          }
      }
    }
  };
  blocks(tree.children);
  tree.children = out;
  delete tree.position;

  // Offsets: every paragraph k starts after the text (and "\n") of paragraphs 1..k-1.
  const base = new Float64Array(count + 2);
  for (let k = 2; k <= count + 1; k++) base[k] = base[k - 1]! + (t.lengths[k - 1] ?? 0) + 1;
  const fix = (node: Nodes): void => {
    const position = (node as WithPosition).position;
    if (position) {
      position.start.offset = (position.start.offset ?? 0) + (base[position.start.line] ?? 0);
      position.end.offset = (position.end.offset ?? 0) + (base[position.end.line] ?? 0);
    }
    if ('children' in node) for (const c of node.children) fix(c as Nodes);
  };
  for (const c of tree.children) fix(c);
  return { tree, stats: { seen: t.seen } };
}

function cellData(cell: TableCell): { merged?: boolean; colSpan?: number } {
  return (cell.data ?? {}) as { merged?: boolean; colSpan?: number };
}

function cellHasText(cell: TableCell): boolean {
  return hasNonSpace(cell.children, 0, cell.children.length);
}

/**
 * A group row ("I. NHIỆM VỤ CHUNG", "Lĩnh vực y tế") is a heading inside the table, not a task:
 * its text sits in one cell merged across the whole grid, or across all of it but a first
 * number column ("I" | "NHIỆM VỤ CHUNG"). Marked `data.group`; header rows are never groups.
 * Only real merges count: a row whose other cells are merely empty is left alone (an owner
 * column left blank is what a reviewer wants to hear about).
 */
function markGroupRows(rows: TableRow[]): void {
  const width = rows.reduce((max, row) => Math.max(max, row.children.length), 0);
  if (width < 2) return;
  for (const row of rows) {
    const data = (row.data ?? {}) as { header?: boolean };
    if (data.header) continue;
    const real = row.children
      .map((cell, column) => ({ cell, column }))
      .filter(({ cell }) => !cellData(cell).merged);
    const last = real[real.length - 1];
    if (!last || last.column + (cellData(last.cell).colSpan ?? 1) !== width || !cellHasText(last.cell))
      continue;
    const spansAll = real.length === 1 && last.column === 0;
    const spansAfterNumber =
      real.length === 2 && real[0]!.column === 0 && last.column === 1 && width - 1 >= 2;
    if (spansAll || spansAfterNumber) row.data = { ...data, group: true } as Data;
  }
}

function isPhrasing(node: RootContent): boolean {
  return (
    node.type === 'text' ||
    node.type === 'break' ||
    node.type === 'strong' ||
    node.type === 'emphasis' ||
    node.type === 'delete' ||
    node.type === 'link'
  );
}
