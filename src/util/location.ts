/**
 * From a place in a node's text to a place in the source file.
 *
 * A Plan node that holds text carries `position` (where the whole node stands in the file) and,
 * when its text was rejoined from several source pieces, `parts` (each piece's start index in the
 * text and its own source position). Given a [start, end) range of indices in the node's text,
 * `locate()` finds the piece holding each end and walks to the character:
 *  - a piece on one source line: the column is the piece's start column + the index in the piece;
 *  - a piece over several lines whose text keeps its line breaks ("\n"): lines are counted;
 *  - a piece over several lines whose text lost its line breaks (they were joined with spaces):
 *    the line can't be known, so the point stays on the piece's first line (column by offset) and
 *    is clamped to the piece's end. Builders that rejoin lines should give one part per line.
 * Columns are 1-based UTF-16 code units (JavaScript string indices), like the parsers' columns;
 * `endColumn` is exclusive (the column after the last character), as in ESLint and SARIF.
 */
import type { Part, Point, Position } from '../plan/schema.js';
import { squash } from '../util/whitespace.js';

/** Any Plan node with text that can be pointed into. */
export interface TextNode {
  text: string;
  position: Position;
  parts?: Part[] | undefined;
}

export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** PDF: the page of the start. */
  page?: number;
  /** .docx: the Word paragraph of the start. */
  paragraph?: number;
}

interface Segment {
  /** Index in the node's text where the segment starts. */
  at: number;
  /** Index where the next segment starts (or the text's length). */
  until: number;
  position: Position;
}

function segments(node: TextNode): Segment[] {
  const parts = (node.parts ?? []).filter((p) => p.at >= 0 && p.at <= node.text.length);
  if (parts.length === 0) return [{ at: 0, until: node.text.length, position: node.position }];
  const sorted = [...parts].sort((a, b) => a.at - b.at);
  const result: Segment[] = [];
  // Text before the first part (rare: parts should start at 0) belongs to the node's own start.
  if (sorted[0]!.at > 0) result.push({ at: 0, until: sorted[0]!.at, position: node.position });
  sorted.forEach((part, i) => {
    result.push({ at: part.at, until: sorted[i + 1]?.at ?? node.text.length, position: part.position });
  });
  return result;
}

/** The segment holding text index `index` (the last one starting at or before it). */
function segmentAt(list: Segment[], index: number): Segment {
  let found = list[0]!;
  for (const segment of list) {
    if (segment.at <= index) found = segment;
    else break;
  }
  return found;
}

function comparePoints(a: Point, b: Point): number {
  return a.line - b.line || a.column - b.column;
}

/** The source point of the character at `local` (0-based) inside a segment's text. */
function pointIn(segment: Segment, text: string, local: number): Point {
  const { start, end } = segment.position;
  const pieceText = text.slice(segment.at, segment.until);
  if (start.line === end.line) {
    return { line: start.line, column: start.column + local };
  }
  const breaks = countBreaks(pieceText);
  if (breaks > 0 && breaks <= end.line - start.line) {
    const before = pieceText.slice(0, local);
    const lastBreak = Math.max(before.lastIndexOf('\n'), -1);
    const linesBefore = countBreaks(before);
    if (linesBefore === 0) return { line: start.line, column: start.column + local };
    return { line: start.line + linesBefore, column: local - lastBreak };
  }
  // Line breaks were lost: stay on the first line, never past the piece's end.
  const point = { line: start.line, column: start.column + local };
  return comparePoints(point, end) > 0 ? { line: end.line, column: end.column } : point;
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Where the text range [start, end) of `node` stands in the source. Without a range: the whole
 * node. Indices are clamped to the text.
 */
export function locate(node: TextNode, start = 0, end: number = node.text.length): SourceRange {
  const length = node.text.length;
  const from = Math.max(0, Math.min(start, length));
  const to = Math.max(from, Math.min(end, length));
  if (length === 0) return fromPosition(node.position);
  const list = segments(node);
  const first = segmentAt(list, from);
  const startPoint = pointIn(first, node.text, from - first.at);
  let endPoint: Point;
  if (to === from) {
    endPoint = startPoint;
  } else {
    // The end is exclusive: locate the last character and step one column past it, so a range
    // ending on a piece boundary stays on its own piece.
    const last = segmentAt(list, to - 1);
    const point = pointIn(last, node.text, to - 1 - last.at);
    endPoint = { line: point.line, column: point.column + 1 };
  }
  const range: SourceRange = {
    line: startPoint.line,
    column: startPoint.column,
    endLine: endPoint.line,
    endColumn: endPoint.column,
  };
  const page = first.position.page ?? node.position.page;
  const paragraph = first.position.paragraph ?? node.position.paragraph;
  if (page !== undefined) range.page = page;
  if (paragraph !== undefined) range.paragraph = paragraph;
  return range;
}

/** A whole source position as a range (for nodes without text of their own). */
export function fromPosition(position: Position): SourceRange {
  const range: SourceRange = {
    line: position.start.line,
    column: position.start.column,
    endLine: position.end.line,
    endColumn: position.end.column,
  };
  if (position.page !== undefined) range.page = position.page;
  if (position.paragraph !== undefined) range.paragraph = position.paragraph;
  return range;
}

/** The start of the document, for findings about something missing. */
export const DOCUMENT_START: SourceRange = Object.freeze({ line: 1, column: 1, endLine: 1, endColumn: 1 });

/**
 * A short excerpt for display: whitespace runs (line breaks included) shown as one space, cut to
 * `max` characters with an ellipsis.
 */
export function excerptOf(text: string, max = 120): string {
  const flat = squash(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
