/** Helpers shared by rules. */
import type { Item, Plan } from '../plan/schema.js';
import type { TextNode } from '../util/location.js';
import type { RuleContext } from './types.js';
import { buildMatrix, type Matrix } from '../domain/matrix.js';
import type { Catalogue } from '../domain/catalogue.js';

export type TextNodeKind = 'header' | 'preamble' | 'item' | 'closing' | 'cell' | 'recipient' | 'signature';

export interface TextNodeEntry {
  node: TextNode;
  kind: TextNodeKind;
}

/**
 * Every node that holds the document's own text, each piece of text once, in document order
 * within each kind: header lines, preamble paragraphs, the items of a Quyết định's articles, the
 * attached plan's preamble, section items (depth first), closing paragraphs, table cells, Nơi
 * nhận lines, signature lines (the document's, then the attached plan's). Derived nodes (goals, indicators,
 * tasks, citations, dates) repeat text already found here and are left out, so a rule that scans
 * text reports each place once. A node met twice (a header line that is also a header-table cell)
 * is yielded once.
 */
export function* textNodes(plan: Plan): Generator<TextNodeEntry> {
  const seen = new Set<string>();
  function* emit(node: TextNode | null | undefined, kind: TextNodeKind): Generator<TextNodeEntry> {
    if (!node || typeof node.text !== 'string' || node.text.length === 0) return;
    const { start } = node.position;
    const key = `${start.line}:${start.column}:${node.position.page ?? ''}:${node.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    yield { node, kind };
  }
  function* items(list: readonly Item[]): Generator<TextNodeEntry> {
    for (const item of list) {
      yield* emit(item, 'item');
      yield* items(item.children);
    }
  }

  const lines = plan.meta.lines;
  for (const line of [lines.issuer, lines.motto, lines.number, lines.date, lines.docType, lines.title]) {
    yield* emit(line, 'header');
  }
  for (const paragraph of plan.preamble) yield* emit(paragraph, 'preamble');
  // A Quyết định's Điều 1, 2 … (their khoản and điểm), then the plan it attaches.
  for (const article of plan.articles ?? []) {
    // The article's own line: its position (and parts) cover the label and the heading.
    if (article.heading)
      yield* emit(
        { text: `${article.label} ${article.heading}`, position: article.position, parts: article.parts },
        'item',
      );
    yield* items(article.items);
  }
  for (const paragraph of plan.attachment?.preamble ?? []) yield* emit(paragraph, 'preamble');
  for (const section of plan.sections) yield* items(section.items);
  for (const paragraph of plan.closing) yield* emit(paragraph, 'closing');
  for (const table of plan.tables) {
    for (const row of table.rows) for (const cell of row.cells) yield* emit(cell, 'cell');
  }
  for (const line of plan.recipients?.items ?? []) yield* emit(line, 'recipient');
  for (const line of plan.signature?.lines ?? []) yield* emit(line, 'signature');
  for (const line of plan.attachment?.signature?.lines ?? []) yield* emit(line, 'signature');
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The candidate nearest to `word` by edit distance (ties: the first); null when there is none. */
export function nearest(word: string, candidates: readonly string[]): string | null {
  // A prefix of an id ("repeat" → "repeated-phrase") is the likeliest slip.
  const lowered = word.toLowerCase();
  const prefixed = candidates.filter((c) => lowered.length >= 3 && c.toLowerCase().startsWith(lowered));
  if (prefixed.length > 0) return [...prefixed].sort((a, b) => a.length - b.length)[0]!;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** textNodes as a list, for `context.derived('text-nodes', allTextNodes)`. */
export function allTextNodes(plan: Plan): TextNodeEntry[] {
  return [...textNodes(plan)];
}

interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** The text nodes of a plan with their lines (derived once per plan: see textBefore). */
function paragraphsOf(plan: Plan): Paragraph[] {
  return allTextNodes(plan).map(({ node: n }) => ({
    start: n.position.start.line,
    end: n.position.end.line,
    text: n.text,
  }));
}

/**
 * The words written just before a derived node (a citation, a date) in the paragraph that holds
 * it: "khoản 2 Điều 29 " before "Nghị định số 181/2025/NĐ-CP", "Thông báo " before "kết luận số 49/TB-VPCP".
 * `context`: the rule's, whose `derived` keeps the plan's paragraphs.
 */
export function textBefore(context: Pick<RuleContext, 'derived'>, node: TextNode, chars = 40): string {
  const paragraphs = context.derived('paragraphs', paragraphsOf);
  const line = node.position.start.line;
  for (const p of paragraphs) {
    if (p.start > line || p.end < line) continue;
    const at = p.text.indexOf(node.text);
    if (at >= 0) return p.text.slice(Math.max(0, at - chars), at);
  }
  return '';
}

/**
 * The plan's responsibility matrix (src/domain/matrix.ts), built once per plan for the rules that
 * read it with the same catalogues (indicator-ref, missing-owner). The key names the user's
 * catalogues by id and whether the built-in ones count.
 */
export function matrixOf(
  context: Pick<RuleContext, 'derived' | 'data'>,
  options: { references: readonly Catalogue[]; builtin: boolean },
): Matrix {
  const key = `matrix:${JSON.stringify([options.builtin, options.references.map((c) => c.id)])}`;
  return context.derived(key, (plan) => buildMatrix(plan, context.data, options));
}
