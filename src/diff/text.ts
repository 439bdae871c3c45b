/**
 * Vietnamese-aware text helpers for `kh diff`: normalisation, word tokens, similarity and the
 * word-level diff.
 *
 * - Tokens: runs of letters (with their combining marks) or digits, NFC-normalised; punctuation is
 *   a token of its own, spaces are not. A Vietnamese word is a run of syllables: we diff by
 *   syllable, which is what a reader sees change ("2023" → "2024", "Sở" → "Bộ").
 * - Diacritics matter: "ban" and "bản" are different tokens. Case and spacing do not change the
 *   meaning: a change that is only that is "minor".
 * - The low-level diff (longest common subsequence on token arrays) is jsdiff's `diffArrays`
 *   (npm `diff`): well kept, Myers' O(ND) algorithm, fast on the near-equal texts a plan carried
 *   over from last year mostly has. We only feed it our own Vietnamese tokens.
 */
import { diffArrays } from 'diff';

/** NFC, one space between words, trimmed. Case kept. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Case- and spacing-insensitive form (diacritics kept): equal ⇔ at most a "minor" change. */
export function fold(text: string): string {
  return clean(text).toLocaleLowerCase('vi');
}

const TOKEN = /[\p{L}\p{M}]+|\p{N}+(?:[.,]\p{N}+)*%?|[^\s\p{L}\p{M}\p{N}]/gu;

/** Tokens (syllables, numbers, punctuation marks) of a text, NFC, case kept. */
export function tokenize(text: string): string[] {
  return text.normalize('NFC').match(TOKEN) ?? [];
}

/** Lower-cased word tokens only (no punctuation): the basis of similarity. */
export function words(text: string): string[] {
  return tokenize(text.toLocaleLowerCase('vi')).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** Dice coefficient of two token multisets reduced to sets (0…1). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Word bigrams ("shingles") of a text, for the candidate index; single words for short texts. */
export function shingles(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (tokens.length < 2) {
    for (const t of tokens) out.add(t);
    return out;
  }
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

/** One piece of a word diff: kept text, removed from the old side, or added on the new side. */
export interface WordPart {
  op: 'equal' | 'removed' | 'added';
  text: string;
}

export interface WordDiff {
  parts: WordPart[];
  /** Only case or spacing changed. */
  minor: boolean;
}

/** Word-level diff of two texts (tokens joined back with single spaces; no space before , . ; : ) ]). */
export function wordDiff(oldText: string, newText: string): WordDiff {
  const minor = fold(oldText) === fold(newText);
  const a = tokenize(oldText);
  const b = tokenize(newText);
  const parts: WordPart[] = [];
  // Case does not count as a change inside a word diff either ("Sở" / "sở"): the diff runs on
  // lower-cased tokens (plain ===, fast) and the pieces are cut back out of the written tokens.
  const lower = (tokens: string[]) => tokens.map((t) => t.toLocaleLowerCase('vi'));
  let ai = 0;
  let bi = 0;
  for (const change of diffArrays(lower(a), lower(b))) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'equal';
    const n = change.value.length;
    const source = op === 'removed' ? a.slice(ai, ai + n) : b.slice(bi, bi + n);
    if (op !== 'added') ai += n;
    if (op !== 'removed') bi += n;
    const text = joinTokens(source);
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += ` ${text}`;
    else parts.push({ op, text });
  }
  return { parts, minor };
}

export function joinTokens(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    if (out === '' || /^[,.;:!?)\]”%/]/u.test(t) || /[(\[“/]$/u.test(out)) out += t;
    else out += ` ${t}`;
  }
  return out;
}
