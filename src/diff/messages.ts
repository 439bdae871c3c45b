/** The words of `kh diff`'s reports in one language, from the catalogue (src/i18n/messages/diff.ts). */
import { messageIds, t, type MessageId } from '../i18n/index.js';
import type { Lang } from '../util/errors.js';
import { CHANGE_KINDS, type ChangeKind, type Group, type Note } from './model.js';

const KINDS: readonly ChangeKind[] = CHANGE_KINDS;
const GROUPS: readonly Group[] = ['structure', 'responsibilities', 'goals', 'citations', 'dates'];

/** The entries under `prefix` as an object keyed by what follows the prefix. */
function wordsUnder<K extends string>(lang: Lang, prefix: string, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, t(lang, `${prefix}${key}` as MessageId)])) as Record<
    K,
    string
  >;
}

export function diffMessages(lang: Lang) {
  return {
    title: t(lang, 'diff.title'),
    old: t(lang, 'diff.old'),
    new: t(lang, 'diff.new'),
    summary: t(lang, 'diff.summary'),
    noChange: t(lang, 'diff.no-change'),
    unchangedItems: (n: number) => t(lang, 'diff.unchanged-items', { count: n }),
    minor: (n: number) => t(lang, 'diff.minor', { count: n }),
    kinds: wordsUnder(lang, 'diff.kind.', KINDS),
    groups: wordsUnder(lang, 'diff.group.', GROUPS),
    aspects: wordsUnder(lang, 'diff.aspect.', messageIds('diff.aspect.')) as Record<string, string>,
    note: (n: Note): string => {
      const which = t(lang, n.side === 'old' ? 'diff.side.old' : 'diff.side.new');
      switch (n.code) {
        case 'not-a-plan':
          return t(lang, 'diff.note.not-a-plan', { which });
        case 'no-structure':
          return t(lang, 'diff.note.no-structure', { which });
        case 'years':
          return t(lang, 'diff.note.years', { old: String(n.data?.old), new: String(n.data?.new) });
        case 'renamed':
          return t(lang, 'diff.note.renamed', { from: String(n.data?.from), to: String(n.data?.to) });
      }
    },
    none: t(lang, 'diff.none'),
    notes: t(lang, 'diff.notes'),
    at: t(lang, 'diff.at'),
  };
}
