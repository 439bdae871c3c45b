/**
 * mdast → a flat list of blocks (paragraphs and tables) with mapped text.
 *
 * Whatever the format, the Plan builder then sees the same thing: paragraphs of NFC text, white
 * space collapsed, list markers restored from the source ("1.", "-"), lines that start a numbered
 * item split off, and paragraphs that a page break split in mid-sentence rejoined.
 */
import type { Nodes, Root, RootContent, PhrasingContent, Table as MdTable } from 'mdast';
import type { ParsedDocument, NodeData } from '../parse/types.js';
import { parseLabel } from './labels.js';
import { opensArticleOrChapter } from './body-parts.js';
import { builtinData } from '../data/store.js';
import { isUpperText, startsWithAny } from './vi.js';
import { join, slice, trim, type Span, type SpanPart } from './span.js';
import { hasOnlySingleSpaces } from '../util/whitespace.js';
import type { Code, List } from 'mdast';

export interface ParaBlock {
  kind: 'para';
  span: Span;
  /** Every visible character is bold or italic (a heading typed as bold text). */
  emphasized: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** group: a heading row inside the table ("I" | "NHIỆM VỤ CHUNG" spanning the row), not an entry. */
  rows: { header: boolean; group?: boolean; incomplete?: boolean; cells: Span[] }[];
  span: Span;
}

export type Block = ParaBlock | TableBlock;

interface Cursor {
  line: number;
  column: number;
  offset: number | undefined;
}

/** A run of visible characters (sticky: matched at a given index). */
const WORD = /[^\s\u00a0\u2002\u2003\u202f]+/y;

class SpanBuilder {
  // The text is kept as chunks with its length and last character: testing the end of a string
  // that is being concatenated flattens it every time (quadratic on long paragraphs).
  private chunks: string[] = [];
  private last = '';
  length = 0;
  parts: SpanPart[] = [];
  private needPart = true;
  emphasizedChars = 0;
  plainChars = 0;

  /**
   * markdown: a line break inside a bold or italic run is the converter's wrap (the website wraps
   * every ~80 characters, "**I. MỤC" / "ĐÍCH, YÊU CẦU**"), kept as a space.
   */
  constructor(
    private readonly lineStarts: number[] | null,
    private readonly source: string | null,
    private readonly markdown = false,
  ) {}

  private add(chunk: string): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    this.last = chunk[chunk.length - 1]!;
  }

  /** Drops the one trailing space there can be (spaces are collapsed as they are added). */
  private dropTrailingSpace(): void {
    if (this.last !== ' ') return;
    const chunk = this.chunks.pop()!;
    this.length -= 1;
    if (chunk.length > 1) this.chunks.push(chunk.slice(0, -1));
    const prev = this.chunks[this.chunks.length - 1];
    this.last = prev ? prev[prev.length - 1]! : '';
  }

  private startPart(cursor: Cursor, data: NodeData | undefined): void {
    if (!this.needPart) return;
    this.parts.push({
      at: this.length,
      line: cursor.line,
      column: cursor.column,
      offset: cursor.offset,
      page: data?.page,
      paragraph: data?.paragraph,
    });
    this.needPart = false;
  }

  /** Append a text node's value, starting at `start` in the source. */
  appendText(
    value: string,
    start: Cursor | null,
    data: NodeData | undefined,
    emphasized: boolean,
    wrapped = emphasized,
  ): void {
    const cursor: Cursor = start ? { ...start } : { line: 1, column: 1, offset: undefined };
    this.needPart = true;
    const softWraps = wrapped && this.markdown;
    if (hasOnlySingleSpaces(value)) {
      this.appendSimple(value, cursor, data, emphasized);
      return;
    }
    // Parsers hand over NFC text (src/parse/types.ts).
    for (let i = 0; i < value.length;) {
      // Fast path: a run of visible characters is copied at once.
      WORD.lastIndex = i;
      const word = WORD.exec(value);
      if (word) {
        const run = word[0];
        this.startPart(cursor, data);
        this.add(run);
        if (emphasized) this.emphasizedChars += run.length;
        else this.plainChars += run.length;
        cursor.column += run.length;
        if (cursor.offset !== undefined) cursor.offset += run.length;
        i += run.length;
        continue;
      }
      const ch = value[i]!;
      i += 1;
      if (ch === '\n' || ch === '\r') {
        if (ch === '\n') {
          if (softWraps) {
            if (this.length > 0 && this.last !== ' ' && this.last !== '\n') this.add(' ');
          } else {
            this.dropTrailingSpace();
            this.add('\n');
          }
          cursor.line += 1;
          cursor.column = 1;
          if (this.lineStarts && this.source) {
            // remark drops a continuation line's indentation from the value: skip it in the source.
            const lineStart = this.lineStarts[cursor.line - 1];
            if (lineStart !== undefined) {
              let j = lineStart;
              while (this.source[j] === ' ' || this.source[j] === '\t') j++;
              cursor.column = 1 + j - lineStart;
              cursor.offset = j;
            }
          } else if (cursor.offset !== undefined) {
            cursor.offset += 1;
          }
          this.needPart = true;
        }
        continue;
      }
      const isSpace =
        ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u2002' || ch === '\u2003' || ch === '\u202f';
      if (isSpace && (this.length === 0 || this.last === ' ' || this.last === '\n')) {
        cursor.column += ch.length;
        if (cursor.offset !== undefined) cursor.offset += ch.length;
        this.needPart = true;
        continue;
      }
      this.startPart(cursor, data);
      this.add(isSpace ? ' ' : ch);
      if (!isSpace) {
        if (emphasized) this.emphasizedChars++;
        else this.plainChars++;
      }
      cursor.column += ch.length;
      if (cursor.offset !== undefined) cursor.offset += ch.length;
    }
  }

  /**
   * The common case, a value whose only white space is single spaces: what the general loop
   * below would do, at once — skip a leading space that would double one, then one part, one chunk.
   */
  private appendSimple(value: string, cursor: Cursor, data: NodeData | undefined, emphasized: boolean): void {
    let from = 0;
    if (value[0] === ' ' && (this.length === 0 || this.last === ' ' || this.last === '\n')) {
      from = 1;
      cursor.column += 1;
      if (cursor.offset !== undefined) cursor.offset += 1;
    }
    if (from === value.length) return;
    const rest = from ? value.slice(from) : value;
    this.startPart(cursor, data);
    this.add(rest);
    let visible = rest.length;
    for (let i = rest.indexOf(' '); i !== -1; i = rest.indexOf(' ', i + 1)) visible--;
    if (emphasized) this.emphasizedChars += visible;
    else this.plainChars += visible;
  }

  lineBreak(): void {
    this.dropTrailingSpace();
    if (this.length > 0 && this.last !== '\n') this.add('\n');
    this.needPart = true;
  }

  span(): Span {
    return trim({ text: this.chunks.join(''), parts: this.parts });
  }
}

function cursorOf(node: {
  position?: { start: { line: number; column: number; offset?: number | undefined } } | undefined;
}): Cursor | null {
  const start = node.position?.start;
  if (!start) return null;
  return { line: start.line, column: start.column, offset: start.offset };
}

function dataOf(node: Nodes, inherited: NodeData | undefined): NodeData | undefined {
  const data = (node as { data?: NodeData }).data;
  if (data && (data.page !== undefined || data.paragraph !== undefined))
    return { page: data.page, paragraph: data.paragraph };
  return inherited;
}

/** Text of an inline run, for the wrap test below. */
function inlineText(nodes: PhrasingContent[]): string {
  return nodes
    .map((n) => ('value' in n ? n.value : 'children' in n ? inlineText(n.children as PhrasingContent[]) : ''))
    .join('');
}

/**
 * A bold or italic run whose line breaks are wraps: a few lines, none a table's "|". A run that
 * remark paired across a document's lines (an unpaired "**" far above closes on this one) keeps
 * its lines.
 */
function isWrappedRun(nodes: PhrasingContent[]): boolean {
  const text = inlineText(nodes);
  let breaks = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++breaks > 4) return false;
  return !/(?:^|\n)\s*\|/u.test(text);
}

function flattenInline(
  nodes: PhrasingContent[],
  builder: SpanBuilder,
  data: NodeData | undefined,
  emphasized: boolean,
  wrapped = emphasized,
): void {
  for (const node of nodes) {
    const nodeData = dataOf(node, data);
    switch (node.type) {
      case 'text':
        builder.appendText(node.value, cursorOf(node), nodeData, emphasized, wrapped);
        break;
      case 'inlineCode':
        builder.appendText(node.value, cursorOf(node), nodeData, emphasized, wrapped);
        break;
      case 'strong':
      case 'emphasis':
      case 'delete':
        flattenInline(
          node.children,
          builder,
          nodeData,
          true,
          (emphasized ? wrapped : true) && isWrappedRun(node.children),
        );
        break;
      case 'link':
      case 'linkReference':
        flattenInline(node.children, builder, nodeData, emphasized, wrapped);
        break;
      case 'break':
        builder.lineBreak();
        break;
      case 'html':
        if (/^<br\s*\/?>$/i.test(node.value.trim())) builder.lineBreak();
        break;
      case 'image':
      case 'imageReference':
        break;
      default:
        break;
    }
  }
}

export interface BlockContext {
  source: string | null;
  lineStarts: number[] | null;
  format: ParsedDocument['format'];
  /** A markdown file wrapped at a fixed width by its converter (see isHardWrapped). */
  hardWrapped: boolean;
}

function newBuilder(ctx: BlockContext): SpanBuilder {
  return new SpanBuilder(ctx.lineStarts, ctx.source, ctx.hardWrapped);
}

function paraFrom(builder: SpanBuilder): ParaBlock | null {
  const span = builder.span();
  if (span.text.length === 0) return null;
  return { kind: 'para', span, emphasized: builder.emphasizedChars > 0 && builder.plainChars === 0 };
}

function tableBlock(node: MdTable, ctx: BlockContext): TableBlock {
  const rows = node.children.map((row, rowIndex) => {
    const rowData = (row as { data?: { header?: boolean; group?: boolean } }).data;
    const header = rowData?.header ?? (ctx.format === 'text' && rowIndex === 0);
    const group = rowData?.group === true;
    const cells = row.children.map((cell) => {
      const builder = newBuilder(ctx);
      flattenInline(cell.children, builder, dataOf(cell, dataOf(row, undefined)), false);
      return builder.span();
    });
    return group ? { header, group, cells } : { header, cells };
  });
  const span = join(
    rows.flatMap((r) => r.cells).filter((c) => c.text.length > 0),
    '\n',
  );
  return { kind: 'table', rows, span };
}

function listMarker(item: Nodes, ctx: BlockContext, ordered: boolean, index: number, start: number): string {
  const itemStart = item.position?.start.offset;
  const firstChild = (item as { children?: Nodes[] }).children?.[0];
  const childStart = firstChild?.position?.start.offset;
  if (ctx.source !== null && itemStart !== undefined) {
    const end = childStart ?? item.position?.end.offset ?? itemStart;
    const marker = ctx.source.slice(itemStart, end).trim();
    if (marker) return marker;
  }
  return ordered ? `${start + index}.` : '-';
}

/** The mdast tree as blocks, in document order: paragraphs (list markers kept), tables, code read as text. */
function walk(nodes: RootContent[], ctx: BlockContext, out: Block[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const builder = newBuilder(ctx);
        flattenInline(node.children, builder, dataOf(node, undefined), false);
        const block = paraFrom(builder);
        if (block) out.push(block);
        break;
      }
      case 'list':
        walkList(node, ctx, out);
        break;
      case 'table':
        out.push(tableBlock(node, ctx));
        break;
      case 'blockquote':
        walk(node.children, ctx, out);
        break;
      case 'code':
        codeBlocks(node, ctx, out);
        break;
      case 'html': {
        const text = node.value.replace(/<[^>]*>/g, ' ');
        if (text.trim()) {
          const builder = newBuilder(ctx);
          builder.appendText(text, cursorOf(node), dataOf(node, undefined), false);
          const block = paraFrom(builder);
          if (block) out.push(block);
        }
        break;
      }
      default:
        break;
    }
  }
}

/** A list's items, each item's marker ("1.", "-", "a)") put in front of its first paragraph. */
function walkList(node: List, ctx: BlockContext, out: Block[]): void {
  node.children.forEach((item, index) => {
    const marker = listMarker(item, ctx, node.ordered === true, index, node.start ?? 1);
    const before = out.length;
    walk(item.children, ctx, out);
    const first = out[before];
    const markerStart = cursorOf(item);
    const markerPart: SpanPart = {
      at: 0,
      line: markerStart?.line ?? 1,
      column: markerStart?.column ?? 1,
      offset: markerStart?.offset,
      page: undefined,
      paragraph: undefined,
    };
    if (first && first.kind === 'para' && out.length > before) {
      const shifted = first.span.parts.map((p) => ({ ...p, at: p.at + marker.length + 1 }));
      first.span = { text: `${marker} ${first.span.text}`, parts: [markerPart, ...shifted] };
    } else {
      out.splice(before, 0, { kind: 'para', span: { text: marker, parts: [markerPart] }, emphasized: false });
    }
  });
}

/** Four-space indented lines in a text file: remark calls them code; they are paragraphs. */
function codeBlocks(node: Code, ctx: BlockContext, out: Block[]): void {
  const start = node.position?.start;
  const lines = node.value.split('\n');
  let builder = newBuilder(ctx);
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      const block = paraFrom(builder);
      if (block) out.push(block);
      builder = newBuilder(ctx);
      return;
    }
    const lineNo = (start?.line ?? 1) + i + (node.lang || node.meta ? 1 : 0);
    const lineStart = ctx.lineStarts?.[lineNo - 1];
    const column =
      ctx.source && lineStart !== undefined ? ctx.source.slice(lineStart).indexOf(line.trimStart()) + 1 : 1;
    if (builder.length > 0) builder.lineBreak();
    builder.appendText(
      line,
      {
        line: lineNo,
        column: Math.max(1, column),
        offset: lineStart === undefined ? undefined : lineStart + Math.max(0, column - 1),
      },
      undefined,
      false,
    );
  });
  const block = paraFrom(builder);
  if (block) out.push(block);
}

/** Lines of a paragraph, each as its own span. */
export function lines(span: Span): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= span.text.length; i++) {
    if (i === span.text.length || span.text[i] === '\n') {
      const line = trim(slice(span, start, i));
      if (line.text) out.push(line);
      start = i + 1;
    }
  }
  return out;
}

/**
 * Lines that open a part of the document even inside one paragraph of extracted text: "Nơi nhận:",
 * an authority line ("TM. ỦY BAN NHÂN DÂN"), "Trên đây là …", "PHỤ LỤC".
 */
function startsDocumentPart(text: string): boolean {
  const parts = builtinData.documentParts;
  if (startsWithAny(text, parts.recipientsHeading.words) || startsWithAny(text, parts.closingStarters.words))
    return true;
  if (new RegExp(`^(?:${parts.authorityPrefixes.words.join('|')})\\.\\s*\\p{Lu}{2,}`, 'u').test(text))
    return true;
  return (
    /^\p{Lu}+(?:\s\p{Lu}+)*$/u.test(text) &&
    parts.appendixWords.words.some((w) => text.startsWith(w.toUpperCase()))
  );
}

/** Words a line cannot end a sentence on, so a label-like start of the next line ("01. …") is a wrap. */
const LABEL_WRAP_WORDS =
  /(?:^|\s)(?:số|ngày|tháng|năm|của|tại|theo|về|với|cho|trong|đến|từ|và|các|khoản|điểm|điều)$/iu;

/** A line that is only a page number ("2", "- 2 -") left in extracted text. */
const PAGE_NUMBER = /^[-–]?\s*\d{1,3}\s*[-–]?$/u;

/** Split a paragraph at line breaks that start a numbered item or a recognizable heading line. */
function splitAtLabels(block: ParaBlock, softWrapped: boolean): ParaBlock[] {
  if (!block.span.text.includes('\n')) return [block];
  const ls = lines(block.span);
  const groups: Span[][] = [];
  let previous: Span | null = null;
  let skipped = false;
  for (let k = 0; k < ls.length; k++) {
    const line = ls[k]!;
    // A number alone between two "|" lines is a cell of a flattened table (a row's "1"), not a page number.
    const cell = ls[k - 1]?.text === '|' && ls[k + 1]?.text === '|';
    if (PAGE_NUMBER.test(line.text) && !cell) {
      skipped = true;
      continue;
    }
    // A short numbered heading line ("1. Mục tiêu chung") followed by a new capitalized line —
    // unless the paragraph is one bold heading, or a heading in capitals wrapped onto the next
    // line ("I. MỤC" / "ĐÍCH, YÊU CẦU").
    const afterHeading =
      previous !== null &&
      !softWrapped &&
      !block.emphasized &&
      parseLabel(previous.text) !== null &&
      previous.text.length < 60 &&
      !/[.,;:]$/u.test(previous.text) &&
      /^\p{Lu}/u.test(line.text) &&
      !(isUpperText(previous.text) && isUpperText(line.text));
    // A label after a word that cannot end a sentence ("… Quyết định số" / "01. …") is a wrap.
    const labelStarts =
      parseLabel(line.text) !== null && !(previous !== null && LABEL_WRAP_WORDS.test(previous.text));
    const startsNew =
      groups.length === 0 ||
      labelStarts ||
      afterHeading ||
      startsDocumentPart(line.text) ||
      opensArticleOrChapter(line.text);
    previous = line;
    if (startsNew) groups.push([line]);
    else groups[groups.length - 1]!.push(line);
  }
  if (groups.length === 1 && !skipped) return [block];
  return groups.map((g) => ({ kind: 'para' as const, span: join(g, '\n'), emphasized: block.emphasized }));
}

const SENTENCE_END = /(?:[.;:!?…]|\.\/\.)["”’)\]*]*$/u;
/** Words after which a line cannot end a sentence: the continuation must follow. */
const CONTINUATION_WORDS =
  /(?:^|\s)(?:số|ngày|tháng|năm|giai đoạn|của|và|các|tại|theo|về|với|cho|trong|đến|từ|Kế|hoạch)$/iu;

function isHeadingLike(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * Paragraphs split by a page break of the original: the first does not end a sentence and the
 * second does not start a numbered item, so they are one paragraph.
 */
function shouldRejoin(a: ParaBlock, b: ParaBlock): boolean {
  const first = a.span.text;
  const second = b.span.text;
  if (first.includes('\n') && !second.match(/^\p{Ll}/u)) return false;
  if (SENTENCE_END.test(first)) return false;
  if (parseLabel(second) !== null) return false;
  if (isHeadingLike(first) || isHeadingLike(second.split('\n')[0]!)) return false;
  if (/^\p{Ll}/u.test(second)) return true;
  // A paragraph never ends with a comma, except the "Căn cứ …," lines of a preamble.
  if (
    /,$/u.test(first) &&
    /^\p{Lu}/u.test(second) &&
    !startsWithAny(first, builtinData.documentParts.preambleStarters.words)
  )
    return true;
  if (/^\d/u.test(second) && (CONTINUATION_WORDS.test(first) || first.length > 60)) return true;
  return false;
}

function rejoin(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (
      block.kind === 'para' &&
      previous?.kind === 'para' &&
      isLabelOnly(previous) &&
      parseLabel(block.span.text) === null
    ) {
      // "**III.**" then "**TỔ CHỨC THỰC HIỆN**": one heading.
      out[out.length - 1] = {
        kind: 'para',
        span: join([previous.span, block.span], ' '),
        emphasized: previous.emphasized && block.emphasized,
      };
      continue;
    }
    if (block.kind === 'para' && previous?.kind === 'para' && shouldRejoin(previous, block)) {
      // A word split with a hyphen at the break ("KH-" / "UBND") joins without a space.
      const separator = /[\p{L}\d]-$/u.test(previous.span.text) ? '' : ' ';
      out[out.length - 1] = {
        kind: 'para',
        span: join([previous.span, block.span], separator),
        emphasized: previous.emphasized && block.emphasized,
      };
      continue;
    }
    out.push(block);
  }
  return out;
}

/**
 * Markdown emphasis marks remark left as text because they do not pair ("**Điều 1. **Ban",
 * "*a) …", "** **", "**TM. ỦY BAN NHÂN" / "DÂN **"): a run of "*" at a line's edge or beside white
 * space. A "*" inside a word or between brackets ("(*)", a footnote mark) stays. In a hard-wrapped
 * file the line breaks between an opening and a closing run are wraps, as inside a parsed bold run.
 */
const STRAY_MARKS = /\*+/g;
export function dropStrayMarks(span: Span, hardWrapped = false): Span {
  const text = span.text;
  if (!text.includes('*')) return span;
  const kept: Span[] = [];
  let from = 0;
  let open = false;
  const keep = (start: number, end: number, insideRun: boolean) => {
    if (end <= start) return;
    const piece = slice(span, start, end);
    if (!insideRun || !hardWrapped || !piece.text.includes('\n')) {
      kept.push(piece);
      return;
    }
    // Wraps inside the run: the lines joined by a space.
    let at = 0;
    for (let nl = piece.text.indexOf('\n'); nl !== -1; nl = piece.text.indexOf('\n', at)) {
      kept.push(trim(slice(piece, at, nl)), { text: ' ', parts: [] });
      at = nl + 1;
    }
    kept.push(slice(piece, at, piece.text.length));
  };
  STRAY_MARKS.lastIndex = 0;
  for (let m = STRAY_MARKS.exec(text); m; m = STRAY_MARKS.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    const before = start === 0 ? '\n' : text[start - 1]!;
    const after = end === text.length ? '\n' : text[end]!;
    if (!/\s/u.test(before) && !/\s/u.test(after)) continue;
    // "x ** y": one of the two spaces goes with the marks.
    if (/[ \n]/u.test(before) && after === ' ') end += 1;
    keep(from, start, open);
    open = !open && !/\s/u.test(after);
    from = end;
  }
  if (from === 0) return span;
  keep(from, text.length, false);
  return trim(
    join(
      kept.filter((k) => k.text),
      '',
    ),
  );
}

/** A paragraph that is only a numbering label ("III.", "1.") — its heading is the next paragraph. */
function isLabelOnly(block: Block): boolean {
  if (block.kind !== 'para') return false;
  const label = parseLabel(`${block.span.text} `);
  return (
    label !== null && label.kind !== 'dash' && label.kind !== 'plus' && label.length >= block.span.text.length
  );
}

/**
 * A markdown file whose paragraphs are separated by blank lines (at least one blank line for
 * every ten lines of text): a single line break inside a paragraph is then a soft wrap, not the
 * end of a heading line. Text extracted from a PDF runs its lines on without blank lines (a
 * published document with flattened tables has about one blank line for every eight lines).
 */
function separatesParagraphsByBlankLines(source: string): boolean {
  let blank = 0;
  let text = 0;
  for (const line of source.split('\n')) {
    if (line.trim() === '') blank++;
    else text++;
  }
  return text > 0 && blank * 10 >= text;
}

/**
 * Wrapped at a fixed width: at least one line in ten runs on into a next line that starts in lower
 * case (the legal-text website wraps every ~80 characters; a file typed by hand has whole
 * paragraphs on one line, and its line breaks inside a bold run — "**KT. CHỦ TỊCH" /
 * "PHÓ CHỦ TỊCH**" — are real).
 */
function isHardWrapped(source: string): boolean {
  const ls = source.split('\n');
  let runOn = 0;
  let text = 0;
  for (let i = 0; i < ls.length; i++) {
    if (ls[i]!.trim() === '') continue;
    text++;
    if (/^[*_\s]*\p{Ll}/u.test(ls[i + 1] ?? '')) runOn++;
  }
  return text > 0 && runOn * 10 >= text;
}

export function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

export function toBlocks(doc: ParsedDocument): Block[] {
  const ctx: BlockContext = {
    source: doc.source,
    lineStarts: doc.source === null ? null : lineStartsOf(doc.source),
    format: doc.format,
    hardWrapped: doc.format === 'text' && doc.source !== null && isHardWrapped(doc.source),
  };
  const softWrapped =
    doc.format === 'text' && doc.source !== null && separatesParagraphsByBlankLines(doc.source);
  // A hard-wrapped markdown file that sets its headings in bold: a heading line ends where its
  // bold run does, so a short numbered line followed by a capital is a wrap, not a heading's end.
  const boldHeadings = ctx.hardWrapped && doc.source!.includes('**');
  const walked: Block[] = [];
  walk((doc.tree as Root).children, ctx, walked);
  // Markdown written by a converter leaves unpaired emphasis marks; Word and PDF text has none.
  const raw =
    doc.format === 'text'
      ? walked.flatMap((b): Block[] => {
          if (b.kind !== 'para') return [b];
          const span = dropStrayMarks(b.span, ctx.hardWrapped);
          return span.text ? [span === b.span ? b : { ...b, span }] : [];
        })
      : walked;
  const split = raw
    .filter((b) => !(b.kind === 'para' && PAGE_NUMBER.test(b.span.text)))
    .flatMap((b): Block[] => (b.kind === 'para' ? splitAtLabels(b, softWrapped || boldHeadings) : [b]));
  return rejoin(split);
}

/**
 * A paragraph's visual lines joined into running text: a space between lines, nothing after a
 * hyphen that ends a line right after a letter or digit ("157/KH-" + "UBND").
 */
export function unwrap(span: Span): Span {
  if (!span.text.includes('\n')) return span;
  const ls = lines(span);
  let out = ls[0]!;
  for (const line of ls.slice(1)) {
    out = join([out, line], /[\p{L}\d]-$/u.test(out.text) ? '' : ' ');
  }
  return out;
}
