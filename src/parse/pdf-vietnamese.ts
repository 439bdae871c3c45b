/**
 * Vietnamese text repair for PDF text layers.
 *
 * Vietnamese is written one syllable per word, and a syllable has a fixed shape: an optional
 * onset consonant cluster, a vowel nucleus of one to three vowel letters carrying at most one
 * tone mark, an optional final consonant. That shape is what lets us repair text that pdf.js
 * split inside words without gluing real words together: a fragment is joined to its neighbour
 * only when it cannot stand alone as a syllable and the joined form is a syllable.
 */

import { collapseSpaces } from '../util/whitespace.js';

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const COMBINING = /\p{M}/u;
/**
 * Characters outside the blocks where Vietnamese text lives (Latin up to U+02FF, Latin Extended
 * Additional, General Punctuation), none of which holds a combining mark: a line without any is
 * known to have no mark without the slower Unicode-property scan.
 */
const OUTSIDE_VIETNAMESE_BLOCKS = /[^\u0000-\u02ff\u1e00-\u1eff\u2000-\u206f]/;

/** Whether the text holds a combining mark (\p{M}). */
export function hasCombiningMark(text: string): boolean {
  return OUTSIDE_VIETNAMESE_BLOCKS.test(text) && COMBINING.test(text);
}
// Rhymes (vần) without tone: vowel clusters that can end a syllable, and clusters that take a
// final consonant (c, m, n, ng, p, t; ch and nh only after a, ê, i, y and their glide forms).
const OPEN =
  'a|e|ê|i|o|ô|ơ|u|ư|y|ia|ua|ưa|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|oa|oe|uê|uy|uơ|iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu';
const CLOSED = 'a|ă|â|e|ê|i|o|ô|ơ|u|ư|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uy|uyê|oo';
const PALATAL = 'a|ê|i|y|oa|uê|uy';
const SYLLABLE = new RegExp(
  `^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?(?:(?:${OPEN})|(?:${CLOSED})(?:ng|[cmnpt])|(?:${PALATAL})(?:ch|nh))$`,
  'u',
);
const VIETNAMESE_LETTER = /^[a-zđăâêôơư]+$/u;
/** A letter carrying a Vietnamese diacritic (tone mark, breve, circumflex, horn, đ). */
const DIACRITIC_LETTER = /[\u00c0-\u024f\u1ea0-\u1ef9]|\p{M}/u;

/** Lower-case, decompose, drop the tone mark; null if the word has two tone marks. */
function toneless(word: string): string | null {
  const d = word.toLowerCase().normalize('NFD');
  const tones = d.match(TONE_MARKS);
  if (tones && tones.length > 1) return null;
  return d.replace(TONE_MARKS, '').normalize('NFC');
}

const known = new Map<string, boolean>();

/** True if `word` (letters only, any case) has the shape of one Vietnamese syllable. */
export function isSyllable(word: string): boolean {
  let result = known.get(word);
  if (result === undefined) {
    result = checkSyllable(word);
    if (known.size > 20_000) known.clear();
    known.set(word, result);
  }
  return result;
}

function checkSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 8) return false;
  const base = toneless(word);
  if (base === null || !VIETNAMESE_LETTER.test(base)) return false;
  if (!SYLLABLE.test(base)) return false;
  // A syllable is written in one case pattern: all lower, all upper, or Capitalised.
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

/** True if `word` is made of letters only (Vietnamese or Latin). */
function isLetters(word: string): boolean {
  return /^[\p{L}\p{M}]+$/u.test(word);
}

const LEADING_PUNCT = /^[("“‘[]+/u;
const TRAILING_PUNCT = /[)"”’\].,;:!?…]+$/u;

/**
 * Repair one visual line of extracted text:
 *  1. drop the spaces pdf.js inserts before a combining mark, and after a combining mark that
 *     was floating alone between spaces (it belongs to the base letter before it);
 *  2. NFC;
 *  3. join a fragment that cannot stand alone to its neighbour when together they make one
 *     syllable ("ứ ng" → "ứng", "th ủ" → "thủ"); never two words that each stand alone.
 * Whitespace runs are collapsed to one space and the line is trimmed.
 */
export function repairLine(text: string): string {
  let s = collapseSpaces(text);
  if (hasCombiningMark(s)) {
    s = s.replace(/ (\p{M}+) /gu, '$1 ').replace(/ (?=\p{M})/gu, '');
    // A mark left at the very start of the line has nothing to attach to; drop the orphan.
    s = s.replace(/^\p{M}+/u, '');
    // pdf.js gives a glyph whose text is a decomposed letter no width, so a space often appears
    // right after it ("U\u0309 y ban"): join across such a space when the result is a syllable.
    s = s
      .replace(/([\p{L}\p{M}]*\p{M}) ([\p{L}\p{M}]+)/gu, (all, left: string, right: string) =>
        isSyllable((left + right).normalize('NFC')) ? left + right : all,
      )
      .replace(/(\p{M}) (?=[,.;:!?)])/gu, '$1');
  }
  s = s.normalize('NFC').trim();
  if (!DIACRITIC_LETTER.test(s)) return s;
  const tokens = s.split(' ');
  let changed = false;
  let prev = tokens[0]!;
  let left = tokenInfo(prev);
  let w = 0;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    const right = tokenInfo(token);
    if (left.trail === '' && right.lead === '' && joins(left, right)) {
      prev += token;
      left = tokenInfo(prev);
      changed = true;
      continue;
    }
    tokens[w++] = prev;
    prev = token;
    left = right;
  }
  if (!changed) return s;
  tokens[w++] = prev;
  tokens.length = w;
  return tokens.join(' ');
}

/** A token split into opening punctuation, letters and closing punctuation, with what shouldJoin
 * `joins` asks of its letters (memoised: the same words recur on every page). */
interface TokenInfo {
  lead: string;
  core: string;
  trail: string;
  syllable: boolean;
  letters: boolean;
  diacritic: boolean;
}

const tokens = new Map<string, TokenInfo>();

function tokenInfo(token: string): TokenInfo {
  let info = tokens.get(token);
  if (info === undefined) {
    const lead = token.match(LEADING_PUNCT)?.[0] ?? '';
    const trail = token.slice(lead.length).match(TRAILING_PUNCT)?.[0] ?? '';
    const core = token.slice(lead.length, token.length - trail.length);
    info = {
      lead,
      core,
      trail,
      syllable: isSyllable(core),
      letters: isLetters(core),
      diacritic: DIACRITIC_LETTER.test(core),
    };
    if (tokens.size > 20_000) tokens.clear();
    tokens.set(token, info);
  }
  return info;
}

/**
 * Whether two letter tokens separated by a space are one syllable split in two: the joined form
 * must be a syllable, at least one side must be unable to stand alone, and at least one side must
 * carry a Vietnamese diacritic (the splits we repair come from accented glyphs).
 */
function joins(left: TokenInfo, right: TokenInfo): boolean {
  if (left.syllable && right.syllable) return false;
  if (!left.letters || !right.letters) return false;
  if (!left.diacritic && !right.diacritic) return false;
  return isSyllable((left.core + right.core).normalize('NFC'));
}
