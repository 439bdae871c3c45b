/**
 * A piece of document text that knows where each of its characters came from.
 *
 * Parsers give text nodes with positions; the builder flattens them into `Span`s whose `parts`
 * each start a run of characters that are contiguous in the source *on one line*. Slicing a span
 * keeps that mapping, so a citation found in a paragraph rejoined across a page break still
 * points at the line where its words are.
 */
import type { Part, Point, Position } from './schema.js';

export interface SpanPart {
  /** Index in the span's text where this run starts. */
  at: number;
  line: number;
  column: number;
  offset: number | undefined;
  page: number | undefined;
  paragraph: number | undefined;
}

export interface Span {
  text: string;
  parts: SpanPart[];
}

export function emptySpan(): Span {
  return { text: '', parts: [] };
}

/** The source point of character `index` of the span (index may equal text.length: the end). */
export function pointAt(span: Span, index: number): SpanPart {
  const parts = span.parts;
  if (parts.length === 0) {
    return { at: index, line: 1, column: 1, offset: undefined, page: undefined, paragraph: undefined };
  }
  const part = parts[partIndexAt(span, index)]!;
  const delta = Math.max(0, index - part.at);
  return {
    at: index,
    line: part.line,
    column: part.column + delta,
    offset: part.offset === undefined ? undefined : part.offset + delta,
    page: part.page,
    paragraph: part.paragraph,
  };
}

/**
 * Source position of text[start, end). Points and positions are made in one shape each, absent
 * offset/page/paragraph left undefined (JSON drops them), which V8 handles faster than objects
 * that gain properties after they are made.
 */
export function positionOf(span: Span, start: number, end: number): Position {
  const parts = span.parts;
  if (parts.length === 0) {
    const column = end > start ? 2 : 1;
    return {
      start: { line: 1, column: 1, offset: undefined },
      end: { line: 1, column, offset: undefined },
      page: undefined,
      paragraph: undefined,
    };
  }
  const first = parts[partIndexAt(span, start)]!;
  const d = Math.max(0, start - first.at);
  const startPoint: Point = {
    line: first.line,
    column: first.column + d,
    offset: first.offset === undefined ? undefined : first.offset + d,
  };
  let endPoint: Point;
  if (end > start) {
    // Just after the last character: map the last character, then step one.
    const lastIndex = end - 1;
    const last = parts[partIndexAt(span, lastIndex)]!;
    const e = Math.max(0, lastIndex - last.at) + 1;
    endPoint = {
      line: last.line,
      column: last.column + e,
      offset: last.offset === undefined ? undefined : last.offset + e,
    };
  } else {
    endPoint = { line: startPoint.line, column: startPoint.column, offset: startPoint.offset };
  }
  return { start: startPoint, end: endPoint, page: first.page, paragraph: first.paragraph };
}

/** A sub-span text[start, end) with its own parts (indices rebased to 0). */
export function slice(span: Span, start: number, end: number): Span {
  const text = span.text.slice(start, end);
  const parts: SpanPart[] = [];
  const first = pointAt(span, start);
  parts.push({ ...first, at: 0 });
  const all = span.parts;
  // Parts are in text order: those starting inside (start, end) follow the one holding `start`.
  for (let i = all.length ? partIndexAt(span, start) + 1 : 0; i < all.length && all[i]!.at < end; i++) {
    const part = all[i]!;
    if (part.at > start) parts.push({ ...part, at: part.at - start });
  }
  return { text, parts };
}

/** Concatenate spans, inserting `separator` (which maps to the end of the previous span). */
export function join(spans: Span[], separator = ' '): Span {
  const out: Span = { text: '', parts: [] };
  spans.forEach((span, i) => {
    if (i > 0 && separator) {
      out.text += separator;
    }
    const base = out.text.length;
    for (const part of span.parts) out.parts.push({ ...part, at: part.at + base });
    out.text += span.text;
  });
  return out;
}

/** Trim white space at both ends, keeping the mapping. */
export function trim(span: Span): Span {
  const start = span.text.length - span.text.trimStart().length;
  const end = span.text.trimEnd().length;
  if (start === 0 && end === span.text.length) return span;
  return slice(span, start, Math.max(start, end));
}

/**
 * The schema's `position` + `parts` for a node made of text[start, end): parts are listed only
 * when the text comes from more than one source line (a rejoined paragraph).
 */
export function locate(
  span: Span,
  start = 0,
  end = span.text.length,
): { position: Position; parts?: Part[] } {
  const position = positionOf(span, start, end);
  const parts = span.parts;
  if (parts.length <= 1) return { position };
  // Runs of characters that come from one source line: [run start, next run start).
  let i = partIndexAt(span, start);
  const runs: number[] = [start];
  let current = parts[i]!;
  for (i += 1; i < parts.length && parts[i]!.at < end; i++) {
    const part = parts[i]!;
    if (part.line !== current.line || part.page !== current.page || part.paragraph !== current.paragraph) {
      runs.push(part.at);
      current = part;
    }
  }
  if (runs.length === 1) return { position };
  runs.push(end);
  const out: Part[] = [];
  for (let r = 0; r + 1 < runs.length; r++) {
    const runStart = runs[r]!;
    out.push({
      at: runStart - start,
      position: positionOf(span, runStart, Math.max(runStart + 1, runs[r + 1]!)),
    });
  }
  return { position, parts: out };
}

/** Index of the part that holds character `index`. */
function partIndexAt(span: Span, index: number): number {
  const parts = span.parts;
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid]!.at <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
