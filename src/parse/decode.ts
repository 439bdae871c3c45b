/**
 * Bytes of a .txt/.md file → NFC text, or an InputError that tells the user what the file is.
 *
 *  - UTF-8 with or without BOM; UTF-16 LE/BE with BOM (and without one when the NUL pattern of
 *    UTF-16 is unmistakable), through Node's WHATWG TextDecoder (`fatal: true`).
 *  - Binary data (magic numbers of zip/pdf/ole/images, NUL bytes, many control bytes) → 'binary'.
 *  - Not UTF-8 but readable as Vietnamese in TCVN3 (ABC), VNI or Windows-1258 → converted to
 *    Unicode (src/util/legacy-convert.ts), the encoding returned with the text; valid UTF-8 that is
 *    such text pasted as Latin-1 letters ("KÕ ho¹ch") → the same. Readable in two of them about
 *    equally well → 'legacy-undecided' (the user says which with kh convert --from). Any other
 *    invalid UTF-8 → 'invalid-utf8' with the line.
 *
 * No charset detector is used: no maintained npm package recognises TCVN3 or VNI
 * (chardet/jschardet know neither), so the recogniser (src/util/vn-charsets.ts) scores words as
 * Vietnamese syllables in each encoding.
 */
import { InputError } from '../util/errors.js';
import { decodeLegacy, type LegacyEncodingId } from '../util/legacy-convert.js';
import {
  guessLegacyEncoding,
  guessLegacyInUnicode,
  LEGACY_ENCODING_ID,
  type LegacyGuess,
} from '../util/vn-charsets.js';

const MAGIC: Array<[number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'zip'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'ole'],
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x7f, 0x45, 0x4c, 0x46], 'elf'],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** 'le' / 'be' when NULs sit on every other byte of mostly-ASCII text (UTF-16 without BOM). */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= 0.6 * pairs && evenNul <= 0.02 * pairs) return 'le';
  if (evenNul >= 0.6 * pairs && oddNul <= 0.02 * pairs) return 'be';
  return null;
}

/** True for bytes that no text file has: NUL, or many C0 controls other than tab/newlines/FF. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a && b !== 0x1b) {
      controls++;
    }
  }
  return controls > Math.max(2, 0.02 * n);
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Index of the first byte that breaks UTF-8 (the start of the broken sequence). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function finish(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).normalize('NFC');
}

export interface DecodedText {
  /** NFC Unicode text. */
  text: string;
  /** The legacy encoding the text was converted from; null when it was Unicode. */
  encoding: LegacyEncodingId | null;
}

/** The text of a .txt/.md file (converted from a legacy encoding when it is in one). */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextDetailed(bytes).text;
}

/**
 * Two candidates that read about equally well (a short file whose few 8-bit words are syllables
 * in both): kh does not guess.
 */
function undecided(guess: LegacyGuess): boolean {
  const hits = guess.scores.map((s) => s.hits).sort((a, b) => b - a);
  return hits[0]! > 0 && hits[1]! >= 0.8 * hits[0]!;
}

function undecidedError(guess: LegacyGuess): InputError {
  const best = Math.max(...guess.scores.map((s) => s.hits));
  const candidates = guess.scores.filter((s) => s.hits >= 0.8 * best).map((s) => s.encoding);
  return new InputError('legacy-undecided', {
    encodings: candidates.join(', '),
    ids: candidates.map((c) => LEGACY_ENCODING_ID[c]).join('|'),
  });
}

/** The text and the legacy encoding it was converted from, if any. */
export function decodeTextDetailed(bytes: Uint8Array): DecodedText {
  // Byte-order marks first: they say what the file is.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeStrict('utf-8', bytes.subarray(3));
    if (text === null) {
      throw new InputError('invalid-utf8', { line: String(lineOfByte(bytes, firstInvalidUtf8(bytes))) });
    }
    return checkUnicode(finish(text));
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeStrict(label, bytes.subarray(2));
    if (text === null) throw new InputError('binary');
    return checkUnicode(finish(text));
  }

  if (MAGIC.some(([prefix]) => startsWith(bytes, prefix))) throw new InputError('binary');

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = decodeStrict(`utf-16${utf16}`, bytes);
    if (text !== null && !/[\x00-\x08\x0e-\x19]/.test(text.slice(0, 4096))) {
      return checkUnicode(finish(text));
    }
  }

  if (looksBinary(bytes)) throw new InputError('binary');

  const text = decodeStrict('utf-8', bytes);
  if (text !== null) return checkUnicode(finish(text));

  const guess = guessLegacyEncoding(bytes);
  if (guess.encoding) {
    if (undecided(guess)) throw undecidedError(guess);
    const encoding = LEGACY_ENCODING_ID[guess.encoding];
    return { text: finish(decodeLegacy(bytes, encoding)), encoding };
  }
  throw new InputError('invalid-utf8', { line: String(lineOfByte(bytes, firstInvalidUtf8(bytes))) });
}

const LATIN1_SYMBOLS = /[\xa1-\xbf]/;
const LATIN1_SYMBOLS_ALL = /[\xa1-\xbf]/g;

/** Valid Unicode can still be legacy text pasted as Latin-1 letters. */
function checkUnicode(text: string): DecodedText {
  // Vietnamese written in Unicode uses à, ê, ô … but hardly ever the symbols ¡–¿, which legacy
  // text read as Latin-1 is full of ("KÕ ho¹ch"): only then run the full check.
  if (LATIN1_SYMBOLS.test(text) && (text.match(LATIN1_SYMBOLS_ALL) ?? []).length >= 3) {
    const guess = guessLegacyInUnicode(text);
    if (guess.encoding) {
      if (undecided(guess)) throw undecidedError(guess);
      const encoding = LEGACY_ENCODING_ID[guess.encoding];
      // Chars above U+00FF (Word's “quotes”, genuine Unicode words) pass through the decoder.
      return { text: decodeLegacy(text, encoding), encoding };
    }
  }
  return { text, encoding: null };
}
