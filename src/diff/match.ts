/**
 * Matching nodes (sections, items, tasks) of two plans without comparing every pair.
 *
 * 1. Exact: texts equal up to case and spacing (a hash map); among equal texts, the one with the
 *    same numbering path wins.
 * 2. Similar: an inverted index from word bigrams ("shingles") to the still-unmatched new nodes.
 *    Each old node looks up its own shingles and counts hits per new node; shingles shared by more
 *    than MAX_POSTING nodes (boilerplate like "bình đẳng giới") are skipped, so the work per node
 *    is bounded. Only the TOP_CANDIDATES nodes with most hits are scored (Dice on word sets,
 *    +0.1 when the numbering path is the same). Pairs at or above `threshold` are taken greedily,
 *    best first.
 * 3. Numbering: what is left is paired by equal numbering path when the texts still share enough
 *    words (`looseThreshold`): the same "2. b)" rewritten.
 * Cost: O(total shingles × MAX_POSTING) plus a sort of the candidate pairs — linear in the size of
 * the plans for a fixed cap, not quadratic (see the 1×/4×/16× rows of bench/run.mjs).
 */
import { dice, fold, shingles, words } from './text.js';

export interface MatchNode<T> {
  ref: T;
  /** Numbering path ("II.3.b"), or '' when it has none. */
  path: string;
  text: string;
}

export interface MatchResult<T> {
  pairs: { old: T; new: T; score: number }[];
  removed: T[];
  added: T[];
}

const MAX_POSTING = 40;
const TOP_CANDIDATES = 6;

interface Prepared<T> {
  node: MatchNode<T>;
  key: string;
  words: Set<string>;
  shingles: Set<string>;
}

function prepare<T>(node: MatchNode<T>): Prepared<T> {
  const w = words(node.text);
  return { node, key: fold(node.text), words: new Set(w), shingles: shingles(w) };
}

/**
 * Mean of the Dice coefficients on words and on word bigrams: shared words alone overrate two
 * unrelated sentences of the same field (Vietnamese syllables like "bình", "đẳng", "giới", "các"
 * recur everywhere); shared bigrams need the same phrasing.
 */
function similarity<T>(a: Prepared<T>, b: Prepared<T>): number {
  return (dice(a.words, b.words) + dice(a.shingles, b.shingles)) / 2;
}

// long: the matching passes (same path, exact text, similar text by shingles, leftovers) share the taken flags
export function matchNodes<T>(
  oldNodes: readonly MatchNode<T>[],
  newNodes: readonly MatchNode<T>[],
  options: { threshold?: number; looseThreshold?: number } = {},
): MatchResult<T> {
  const threshold = options.threshold ?? 0.5;
  const loose = options.looseThreshold ?? 0.25;
  const olds = oldNodes.map(prepare);
  const news = newNodes.map(prepare);
  const oldTaken = new Array<boolean>(olds.length).fill(false);
  const newTaken = new Array<boolean>(news.length).fill(false);
  const pairs: { oi: number; ni: number; score: number }[] = [];

  // 1. exact text
  const byKey = new Map<string, number[]>();
  news.forEach((n, i) => {
    const list = byKey.get(n.key);
    if (list) list.push(i);
    else byKey.set(n.key, [i]);
  });
  olds.forEach((o, oi) => {
    const list = byKey.get(o.key);
    if (!list) return;
    let best = -1;
    for (const ni of list) {
      if (newTaken[ni]) continue;
      if (best < 0) best = ni;
      if (news[ni]!.node.path === o.node.path) {
        best = ni;
        break;
      }
    }
    if (best >= 0) {
      oldTaken[oi] = newTaken[best] = true;
      pairs.push({ oi, ni: best, score: 1 });
    }
  });

  // 2. similar text, candidates from the shingle index
  const index = new Map<string, number[]>();
  news.forEach((n, ni) => {
    if (newTaken[ni]) return;
    for (const s of n.shingles) {
      const list = index.get(s);
      if (list) list.push(ni);
      else index.set(s, [ni]);
    }
  });
  const candidates: { oi: number; ni: number; score: number }[] = [];
  olds.forEach((o, oi) => {
    if (oldTaken[oi]) return;
    const hits = new Map<number, number>();
    for (const s of o.shingles) {
      const list = index.get(s);
      if (!list || list.length > MAX_POSTING) continue;
      for (const ni of list) hits.set(ni, (hits.get(ni) ?? 0) + 1);
    }
    const top = [...hits].sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES);
    for (const [ni] of top) {
      const n = news[ni]!;
      const score = similarity(o, n) + (o.node.path && o.node.path === n.node.path ? 0.1 : 0);
      if (score >= threshold) candidates.push({ oi, ni, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.oi - b.oi || a.ni - b.ni);
  for (const c of candidates) {
    if (oldTaken[c.oi] || newTaken[c.ni]) continue;
    oldTaken[c.oi] = newTaken[c.ni] = true;
    pairs.push(c);
  }

  // 3. same numbering, still related
  const byPath = new Map<string, number>();
  news.forEach((n, ni) => {
    if (!newTaken[ni] && n.node.path && !byPath.has(n.node.path)) byPath.set(n.node.path, ni);
  });
  olds.forEach((o, oi) => {
    if (oldTaken[oi] || !o.node.path) return;
    const ni = byPath.get(o.node.path);
    if (ni === undefined || newTaken[ni]) return;
    const score = similarity(o, news[ni]!);
    if (score >= loose) {
      oldTaken[oi] = newTaken[ni] = true;
      pairs.push({ oi, ni, score });
    }
  });

  pairs.sort((a, b) => a.ni - b.ni);
  return {
    pairs: pairs.map((p) => ({ old: olds[p.oi]!.node.ref, new: news[p.ni]!.node.ref, score: p.score })),
    removed: olds.filter((_, i) => !oldTaken[i]).map((o) => o.node.ref),
    added: news.filter((_, i) => !newTaken[i]).map((n) => n.node.ref),
  };
}
