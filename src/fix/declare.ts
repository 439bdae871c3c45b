/**
 * From a fix declared on a node's text (`context.report({ fix })`) to a fix in the source text.
 *
 * Text and Markdown positions carry `offset`, the index in the decoded (NFC) file text. A range of
 * a node's text maps onto the source one to one only inside one source piece (the node itself or
 * one of its `parts`) that stands on one line and whose text is as long as its source span (no
 * white space was joined; a leading list label may have been left out). Anything else gets no fix: the message is still
 * reported, only not fixed. The applier checks again that the source holds `expected`.
 */
import type { Position } from '../plan/schema.js';
import type { Fix, TextNode } from '../rules/types.js';

interface Piece {
  at: number;
  until: number;
  position: Position;
}

function pieces(node: TextNode): Piece[] {
  const parts = [...(node.parts ?? [])].sort((a, b) => a.at - b.at);
  if (parts.length === 0) return [{ at: 0, until: node.text.length, position: node.position }];
  return parts.map((part, i) => ({
    at: part.at,
    until: parts[i + 1]?.at ?? node.text.length,
    position: part.position,
  }));
}

export function sourceFix(
  node: TextNode,
  range: readonly [number, number] | undefined,
  text: string,
): Fix | null {
  const [start, end] = range ?? [0, node.text.length];
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end >= start &&
    end <= node.text.length
  ))
    return null;
  const piece = pieces(node).find((p) => p.at <= start && end <= p.until);
  if (!piece) return null;
  const { start: from, end: to } = piece.position;
  if (from.offset === undefined || to.offset === undefined || from.line !== to.line) return null;
  // The piece's text may end with white space that its source span does not hold (trimmed),
  // and its span may begin with a list label that its text does not hold ("- ", "a) "): then the
  // text is aligned on the span's end. Any other difference is caught by the applier, which
  // fixes only a range holding exactly `expected`.
  const pieceText = node.text.slice(piece.at, piece.until).trimEnd();
  const span = to.offset - from.offset;
  if (span < pieceText.length || end - piece.at > pieceText.length) return null;
  const offset = from.offset + (span - pieceText.length) + (start - piece.at);
  return { range: [offset, offset + (end - start)], text, expected: node.text.slice(start, end) };
}
