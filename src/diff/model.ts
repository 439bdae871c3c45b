/**
 * The report of `kh diff`: what the formatters print and `--format json` emits.
 *
 * JSON contract (README "## `kh diff`"): `summary` has one integer per change kind; `changes` is
 * `[{kind, old, new, …}]` where `old`/`new` are `{text, path, position}` (null on the side where
 * the thing is absent). Extra fields (`group`, `aspect`, `owner`, `words`, `id`) add detail.
 */
import type { Position } from '../plan/schema.js';
import type { WordPart } from './text.js';

export const CHANGE_KINDS = [
  'added',
  'removed',
  'moved',
  'reworded',
  'owner',
  'indicator',
  'target',
  'citation',
  'date',
  'stale',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const GROUPS = ['structure', 'responsibilities', 'goals', 'citations', 'dates'] as const;
export type Group = (typeof GROUPS)[number];

export interface Side {
  text: string;
  /** Numbering path ("II.3.b"), agency, citation number …; null when there is none. */
  path: string | null;
  /** Where it stands in that document (the Plan tree's position: line, column, page/paragraph). */
  position: Position | null;
}

export interface Change {
  /** Stable id within the report ("c12"): anchors in the html. */
  id: string;
  kind: ChangeKind;
  group: Group;
  /**
   * What exactly: section | item (structure); agency-added | agency-removed | task-gained |
   * task-lost | role | indicator-gained | indicator-lost (responsibilities); indicator-added |
   * indicator-dropped | target (goals); added | dropped | cited-differently (citations);
   * moved | stale (dates).
   */
  aspect: string;
  /** The agency, for responsibilities. */
  owner?: string;
  old: Side | null;
  new: Side | null;
  /** Word-level diff old → new (reworded, and cited-differently). */
  words?: WordPart[];
}

export interface DocInfo {
  path: string;
  format: string;
  issuer: string | null;
  title: string | null;
  number: string | null;
  planYear: number | null;
  isPlan: boolean;
  /** Has sections (plan structure). */
  structured: boolean;
}

export interface DiffReport {
  old: DocInfo;
  new: DocInfo;
  /** Remarks on the comparison (rendered in the user's language by the formatters). */
  notes: Note[];
  summary: Record<ChangeKind, number> & { minor: number; unchanged: number };
  changes: Change[];
}

/**
 * not-a-plan / no-structure: that side has no plan structure (structure, responsibilities and
 * goals are not compared); years: the plan years differ by `data.years`; renamed: an agency
 * matched across a rename (`data.from`, `data.to`).
 */
export interface Note {
  code: 'not-a-plan' | 'no-structure' | 'years' | 'renamed';
  side?: 'old' | 'new';
  data?: Record<string, string | number>;
}
