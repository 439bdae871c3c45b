/**
 * Recognising the legacy Vietnamese 8-bit encodings that office documents still come in, so kh can
 * convert them (src/util/legacy-convert.ts, whose code charts are src/data/legacy-encodings.json)
 * instead of reading mojibake: each candidate decoding of a file's 8-bit words is scored by how
 * many of them read as Vietnamese syllables.
 *
 *  - TCVN3 (ABC, the .VnTime fonts): TCVN 5712:1993.
 *  - VNI (VNI-Windows fonts): a base letter followed by a "mark" byte that the font draws as the
 *    diacritic, the bytes those of Windows-1252 ("aø" is à, "eá" is ế, "ñ" is đ).
 *  - Windows-1258: the WHATWG Encoding Standard's table, via Node's own TextDecoder (full ICU):
 *    precomposed letters plus combining tone bytes 0xCC 0xEC 0xD2 0xDE 0xF2.
 */
import { decodeLegacy as convertLegacy, latin1, type LegacyEncodingId } from './legacy-convert.js';

export type LegacyEncoding = 'TCVN3 (ABC)' | 'VNI' | 'Windows-1258';

/** The converter's id of each encoding. */
export const LEGACY_ENCODING_ID: Record<LegacyEncoding, LegacyEncodingId> = {
  'TCVN3 (ABC)': 'tcvn3',
  VNI: 'vni',
  'Windows-1258': 'windows-1258',
};

/** Decodes bytes (given as a "binary" string: one char per byte, code points 0–255). */
export function decodeLegacy(binary: string, encoding: LegacyEncoding): string {
  return convertLegacy(binary, LEGACY_ENCODING_ID[encoding]);
}

// ── is this a Vietnamese syllable? ───────────────────────────────────────────────────────────

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const SYLLABLE = new RegExp(
  '^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?' +
    '(uyê|uya|uyu|iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|' +
    'ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|' +
    '[aăâeêioôơuưy])' +
    '(ch|ng|nh|[cmnpt])?$',
  'u',
);

/** True when `word` (letters only) is a well-formed Vietnamese syllable with at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES);
  if (tones && tones.length > 1) return false;
  const base = decomposed.replace(TONES, '').normalize('NFC');
  return SYLLABLE.test(base);
}

/** Characters that only Unicode Vietnamese text has (outside Latin-1). */
const VIETNAMESE_UNICODE = /[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]/u;

// ── scoring ──────────────────────────────────────────────────────────────────────────────────

const CANDIDATES: LegacyEncoding[] = ['TCVN3 (ABC)', 'VNI', 'Windows-1258'];

/** Splits on ASCII whitespace, digits and punctuation; keeps the 8-bit bytes inside words. */
const TOKEN_SPLIT = /[\x00-\x40\x5b-\x60\x7b-\x7f]+/;

function lettersOnly(text: string): string {
  return text.replace(/^[^\p{L}]+|[^\p{L}\p{M}]+$/gu, '');
}

export interface LegacyScore {
  encoding: LegacyEncoding;
  /** Words with 8-bit characters that read as Vietnamese syllables in this encoding. */
  hits: number;
}

export interface LegacyGuess {
  encoding: LegacyEncoding | null;
  /** Words holding 8-bit characters. */
  words: number;
  /** Hits per candidate; all 0 when the verdict was reached without decoding. */
  scores: LegacyScore[];
}

/** Scores the tokens holding 8-bit characters in each candidate encoding. */
function scoreTokens(tokens: string[]): { words: number; scores: LegacyScore[]; best: LegacyScore } {
  const scores: LegacyScore[] = CANDIDATES.map((encoding) => ({ encoding, hits: 0 }));
  let words = 0;
  // The same few hundred words recur: each is decoded and judged once per encoding.
  const verdicts = new Map<string, boolean[]>();
  for (const token of tokens) {
    if (!/[\x80-\xff]/.test(token)) continue;
    words++;
    let verdict = verdicts.get(token);
    if (!verdict) {
      verdict = CANDIDATES.map((encoding) => {
        // Case does not matter to the syllable test: no capitals restored.
        const word = lettersOnly(convertLegacy(token, LEGACY_ENCODING_ID[encoding], { restoreCase: false }));
        return word !== '' && isVietnameseSyllable(word);
      });
      verdicts.set(token, verdict);
    }
    verdict.forEach((hit, i) => {
      if (hit) scores[i]!.hits++;
    });
  }
  // Ties go to the first candidate (TCVN3, the most common in government offices).
  const best = scores.reduce((a, b) => (b.hits > a.hits ? b : a));
  return { words, scores, best };
}

const SAMPLE_BYTES = 256 * 1024;

/**
 * Guesses the legacy encoding of bytes that are not valid UTF-8. `encoding` is null when the bytes
 * do not read as Vietnamese in any of them.
 */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyGuess {
  const binary = latin1(bytes.subarray(0, SAMPLE_BYTES));
  const guess = scoreTokens(binary.split(TOKEN_SPLIT));
  const { best } = guess;
  const enough = best.hits >= 1 && best.hits >= Math.max(1, 0.4 * guess.words);
  return { encoding: enough ? best.encoding : null, words: guess.words, scores: guess.scores };
}

/** A verdict reached without decoding: `words` is an upper bound of the suspect words. */
function notLegacy(words: number): LegacyGuess {
  return { encoding: null, words, scores: CANDIDATES.map((encoding) => ({ encoding, hits: 0 })) };
}

/**
 * Guesses whether valid Unicode text is legacy-encoded text pasted as Latin-1 characters
 * ("KÕ ho¹ch" for "Kế hoạch": a .VnTime document copied into a Unicode editor).
 */
export function guessLegacyInUnicode(text: string): LegacyGuess {
  const sample = text.slice(0, SAMPLE_BYTES);
  let genuine = 0;
  const latin: string[] = [];
  for (const token of sample.split(/[\x00-\x40\x5b-\x60\x7b-\x7f\s]+/u)) {
    if (VIETNAMESE_UNICODE.test(token)) genuine++;
    else if (/^[\x00-\xff]+$/.test(token) && /[\x80-\xff]/.test(token)) latin.push(token);
  }
  // Hits cannot outnumber the suspect words, nor these the Latin-1 words: when genuine Vietnamese
  // words already match them (a Unicode document, the usual case), the verdict is known.
  if (latin.length < 3 || genuine >= latin.length) return notLegacy(latin.length);
  // A word that already reads as Vietnamese (và, à, có) is no evidence of mojibake.
  const readsAsVietnamese = new Map<string, boolean>(); // the same few words recur (và, các, có)
  const suspects = latin.filter((token) => {
    let verdict = readsAsVietnamese.get(token);
    if (verdict === undefined) {
      const word = lettersOnly(token.normalize('NFC'));
      verdict = word !== '' && isVietnameseSyllable(word);
      readsAsVietnamese.set(token, verdict);
    }
    return !verdict;
  });
  if (suspects.length < 3 || genuine >= suspects.length) return notLegacy(suspects.length);
  const guess = scoreTokens(suspects);
  const { best } = guess;
  const enough = best.hits >= 3 && best.hits >= 0.5 * guess.words && genuine < best.hits;
  return { encoding: enough ? best.encoding : null, words: guess.words, scores: guess.scores };
}
