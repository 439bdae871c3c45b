/**
 * Recognising the legacy Vietnamese 8-bit encodings that office documents still come in, so kh can
 * say "convert this file to UTF-8" instead of reading mojibake. kh never decodes them for real:
 * the decoders here only score how plausible a file is in each encoding.
 *
 * Sources of the tables:
 *  - TCVN3 (ABC, the .VnTime fonts): bytes 0xA1–0xFF as in TCVN 5712:1993, taken from glibc's
 *    localedata charmap TCVN5712-1 (/usr/share/i18n/charmaps/TCVN5712-1.gz). TCVN3 ABC fonts use
 *    the same codes for that range (VN1 adds capital letters with tone marks in 0x01–0x17 and
 *    0x80–0x9F, which ABC fonts do not have: capitals are drawn by the ".VnTimeH" fonts with the
 *    lower-case codes). 0xB0–0xB4 are combining tone marks.
 *  - VNI (VNI-Windows fonts): a base letter followed by a "mark" byte that the font draws as the
 *    diacritic; the bytes are those of Windows-1252 (so "aø" is à, "eá" is ế, "ñ" is đ). The layout
 *    is the one of the VNI keyboard/font family as documented by Unikey's converter and the
 *    vietnamese-conversion package (unicode/vni/tcvn3 tables); written here as rules, not copied.
 *  - Windows-1258: the WHATWG Encoding Standard's table, via Node's own TextDecoder (full ICU):
 *    precomposed letters plus combining tone bytes 0xCC 0xEC 0xD2 0xDE 0xF2.
 */

export type LegacyEncoding = 'TCVN3 (ABC)' | 'VNI' | 'Windows-1258';

// ── byte → string tables ─────────────────────────────────────────────────────────────────────

const TCVN3_A1_FF = [
  0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103,
  0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0, 0x0300,
  0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1,
  0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4, 0x1eae,
  0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9,
  0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd, 0x00e9,
  0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec, 0x1ec9,
  0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2, 0x1ed4,
  0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, 0x1ed1,
  0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9, 0x1ed6,
  0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9,
  0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

type ByteTable = string[];

function singleByteTable(label: string): ByteTable {
  const decoder = new TextDecoder(label);
  const table: ByteTable = [];
  for (let b = 0; b < 256; b++) table.push(decoder.decode(Uint8Array.of(b)));
  return table;
}

let tables: { tcvn3: ByteTable; cp1252: ByteTable; cp1258: ByteTable } | null = null;

function getTables() {
  if (tables) return tables;
  const latin1 = Array.from({ length: 256 }, (_, b) => String.fromCharCode(b));
  const tcvn3 = latin1.slice();
  TCVN3_A1_FF.forEach((cp, i) => {
    tcvn3[0xa1 + i] = String.fromCodePoint(cp);
  });
  tables = { tcvn3, cp1252: singleByteTable('windows-1252'), cp1258: singleByteTable('windows-1258') };
  return tables;
}

// ── VNI: base letter + mark ──────────────────────────────────────────────────────────────────

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** Mark byte (as its Windows-1252 character, lower and upper case) → the diacritics it adds. */
const VNI_MARKS: Record<string, string> = (() => {
  const byLower: Record<string, string> = {
    'ø': GRAVE, 'ù': ACUTE, 'û': HOOK, 'õ': TILDE, 'ï': DOT,
    'â': CIRCUMFLEX, 'à': CIRCUMFLEX + GRAVE, 'á': CIRCUMFLEX + ACUTE, 'å': CIRCUMFLEX + HOOK,
    'ã': CIRCUMFLEX + TILDE, 'ä': CIRCUMFLEX + DOT,
    'ê': BREVE, 'è': BREVE + GRAVE, 'é': BREVE + ACUTE, 'ú': BREVE + HOOK, 'ü': BREVE + TILDE,
    'ë': BREVE + DOT,
  };
  const all: Record<string, string> = {};
  for (const [ch, marks] of Object.entries(byLower)) {
    all[ch] = marks;
    all[ch.toUpperCase()] = marks;
  }
  return all;
})();

/** Letters VNI writes as one byte. */
const VNI_SINGLES: Record<string, string> = {
  'ñ': 'đ', 'Ñ': 'Đ', 'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư',
  'ì': 'ì', 'Ì': 'Ì', 'í': 'í', 'Í': 'Í', 'æ': 'ỉ', 'Æ': 'Ỉ', 'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị',
  'î': 'ỵ', 'Î': 'Ỵ',
};

const VNI_BASES = /^[aeouyAEOUYơưƠƯ]$/u;

function vniToUnicode(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    const marks = VNI_MARKS[ch];
    const last = out.length ? out[out.length - 1]! : '';
    if (marks !== undefined && VNI_BASES.test(last)) {
      out[out.length - 1] = (last + marks).normalize('NFC');
    } else {
      out.push(VNI_SINGLES[ch] ?? ch);
    }
  }
  return out.join('');
}

// ── decoding a byte string in a candidate encoding ──────────────────────────────────────────

/** Decodes bytes (given as a "binary" string: one char per byte, code points 0–255). */
export function decodeLegacy(binary: string, encoding: LegacyEncoding): string {
  const t = getTables();
  let out = '';
  switch (encoding) {
    case 'TCVN3 (ABC)':
      for (let i = 0; i < binary.length; i++) out += t.tcvn3[binary.charCodeAt(i) & 0xff];
      break;
    case 'Windows-1258':
      for (let i = 0; i < binary.length; i++) out += t.cp1258[binary.charCodeAt(i) & 0xff];
      break;
    case 'VNI': {
      for (let i = 0; i < binary.length; i++) out += t.cp1252[binary.charCodeAt(i) & 0xff];
      out = vniToUnicode(out);
      break;
    }
  }
  return out.normalize('NFC');
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
  for (const token of tokens) {
    if (!/[\x80-\xff]/.test(token)) continue;
    words++;
    for (const score of scores) {
      const word = lettersOnly(decodeLegacy(token, score.encoding));
      if (word && isVietnameseSyllable(word)) score.hits++;
    }
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
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let binary = '';
  for (let i = 0; i < sample.length; i += 8192) {
    binary += String.fromCharCode(...sample.subarray(i, i + 8192));
  }
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
