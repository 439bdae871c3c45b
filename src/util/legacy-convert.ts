/**
 * Converting between Unicode and the legacy Vietnamese 8-bit encodings that old office files
 * still come in: TCVN3 (ABC, the .VnTime fonts), VNI (the VNI-Times fonts) and Windows-1258.
 * The code charts are data (src/data/legacy-encodings.json); Windows-1258 and the Windows-1252
 * bytes VNI is written in are iconv-lite's tables, Windows-1258's combining tone marks composed
 * by NFC.
 *
 * Input to the decoders is a "binary" string: a char ≤ U+00FF is a byte; a char above it is kept
 * as it is (text pasted from a legacy document into a Unicode file keeps Word's “quotes”).
 */
import iconv from 'iconv-lite';
import { legacyEncodings } from '../data/legacy-encodings.js';
import { encodingNameIn } from '../domain/legacy-encodings.js';
import { isVietnameseSyllable } from './vn-charsets.js';

export type LegacyEncodingId = 'tcvn3' | 'vni' | 'windows-1258';
export const LEGACY_ENCODING_IDS: readonly LegacyEncodingId[] = ['tcvn3', 'vni', 'windows-1258'];

/** How messages name each encoding. */
export function encodingName(id: LegacyEncodingId): string {
  return encodingNameIn(legacyEncodings(), id);
}

/** A character the target encoding has no code for (`kh convert --to`). */
export class UnrepresentableError extends Error {
  readonly char: string;
  readonly index: number;
  constructor(char: string, index: number) {
    super(
      `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${index} has no code in the target encoding`,
    );
    this.name = 'UnrepresentableError';
    this.char = char;
    this.index = index;
  }
}

// ── tables, built once from the data ─────────────────────────────────────────────────────────

interface Tcvn3Tables {
  /** byte → letter (ABC letters and VN1 capitals); null: the byte is itself (ASCII/Latin-1). */
  decode: (string | null)[];
  /** Bytes VN1 gives to capitals that ABC texts use for Windows-1252 punctuation. */
  punctuation: Map<number, string>;
  capitalBytes: Set<number>;
  encode: Map<string, number>;
}
interface VniTables {
  /** Keyed by the char codes (as Windows-1252 chars): pairs as a * 0x10000 + b, singles as a. */
  pairs: Map<number, string>;
  singles: Map<number, string>;
  encode: Map<string, string>;
}

let tcvn3Tables: Tcvn3Tables | undefined;
let vniTables: VniTables | undefined;
let cp1252: { decode: string[]; encode: Map<string, number> } | undefined;
let cp1258: string[] | undefined;

// iconv-lite, not TextDecoder: Node's TextDecoder reads 'windows-1252' as Latin-1 (0x93 is not “).
function singleByte(label: string): string[] {
  return Array.from({ length: 256 }, (_, b) => iconv.decode(Buffer.of(b), label));
}

function windows1252() {
  if (cp1252) return cp1252;
  const decode = singleByte('windows-1252');
  const encode = new Map<string, number>();
  decode.forEach((ch, b) => {
    if (ch !== '\ufffd' && ch !== '' && !encode.has(ch)) encode.set(ch, b);
  });
  return (cp1252 = { decode, encode });
}

function tcvn3(): Tcvn3Tables {
  if (tcvn3Tables) return tcvn3Tables;
  const table = legacyEncodings().tables[0];
  const decode: (string | null)[] = new Array(256).fill(null);
  const encode = new Map<string, number>();
  for (const { byte, char } of [...table.letters, ...table.capitals]) {
    decode[parseInt(byte, 16)] = char;
    encode.set(char, parseInt(byte, 16));
  }
  const punctuation = new Map(table.punctuation.map(({ byte, char }) => [parseInt(byte, 16), char] as const));
  for (const [b, ch] of punctuation) encode.set(ch, b);
  const capitalBytes = new Set(table.capitals.map((e) => parseInt(e.byte, 16)));
  return (tcvn3Tables = { decode, punctuation, capitalBytes, encode });
}

function vni(): VniTables {
  if (vniTables) return vniTables;
  const pairs = new Map<number, string>();
  const singles = new Map<number, string>();
  const encode = new Map<string, string>();
  for (const { char, vni: code } of legacyEncodings().tables[1].sequences) {
    if (code.length === 2) pairs.set(code.charCodeAt(0) * 0x10000 + code.charCodeAt(1), char);
    else singles.set(code.charCodeAt(0), char);
    encode.set(char, code);
  }
  return (vniTables = { pairs, singles, encode });
}

// ── TCVN3 ────────────────────────────────────────────────────────────────────────────────────

function tcvn3Letter(binary: string, i: number, t: Tcvn3Tables): string | null {
  const code = binary.charCodeAt(i);
  if (code > 0xff) return /\p{L}/u.test(binary[i]!) ? binary[i]! : null;
  if (t.punctuation.has(code)) return null;
  const mapped = t.decode[code];
  if (mapped) return mapped;
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? binary[i]! : null;
}

/**
 * A byte VN1 gives to a capital and ABC texts to punctuation (0x93: Ỏ or “) is the capital when
 * the letters around it make a capitalised Vietnamese syllable with it ("HỌC"), else punctuation
 * (“KẾ, HOẠCH”).
 */
function isCapitalHere(binary: string, i: number, t: Tcvn3Tables): boolean {
  let before = '';
  for (let j = i - 1; j >= 0 && before.length < 8; j--) {
    const letter = tcvn3Letter(binary, j, t);
    if (letter === null) break;
    before = letter + before;
  }
  let after = '';
  for (let j = i + 1; j < binary.length && after.length < 8; j++) {
    const letter = tcvn3Letter(binary, j, t);
    if (letter === null) break;
    after += letter;
  }
  const word = (before + t.decode[binary.charCodeAt(i)]! + after).normalize('NFC');
  return [...word].length >= 2 && word === word.toUpperCase() && isVietnameseSyllable(word);
}

const WORD = /[\p{L}\p{M}]+/gu;
const LEGACY_LOWER = /[^\x00-\x7f]/u;

/**
 * ABC fonts have no capitals with tone marks: a heading typed in .VnTimeH is stored with the
 * lower-case codes ("KÕ HO¹CH" → "Kế HOạCH"). A word whose other letters are capitals, or a
 * title-cased word between such words on its line, is put back in capitals. What ABC cannot say
 * stays lower case: a title-cased word that starts with a toned capital ("Ủy ban" reads "ủy ban").
 */
function restoreCapitals(text: string): string {
  const words = [...text.matchAll(WORD)].map((m) => {
    const word = m[0];
    const lowerAscii = /[a-z]/.test(word);
    const hasLegacyLower = [...word].some((ch) => LEGACY_LOWER.test(ch) && ch !== ch.toUpperCase());
    const upperInside = [...word].slice(1).some((ch) => ch !== ch.toLowerCase());
    const caps = !lowerAscii && (upperInside || ([...word].length >= 2 && word === word.toUpperCase()));
    return { index: m.index, word, caps, ambiguous: !lowerAscii && !caps && hasLegacyLower };
  });
  // Neighbours: on the same line, apart by spaces and punctuation only ("Số: 12/KH-UBND" is not
  // a heading in capitals).
  const sameLine = (a: { index: number; word: string }, b: { index: number }) =>
    !/[\n\d/]/.test(text.slice(a.index + a.word.length, b.index));
  let out = '';
  let last = 0;
  words.forEach((w, k) => {
    let upper = w.caps;
    if (w.ambiguous) {
      const prev = k > 0 && sameLine(words[k - 1]!, w) ? words[k - 1]! : null;
      const next = k + 1 < words.length && sameLine(w, words[k + 1]!) ? words[k + 1]! : null;
      upper =
        (prev !== null || next !== null) && (prev === null || prev.caps) && (next === null || next.caps);
    }
    if (upper && w.word !== w.word.toUpperCase()) {
      out += text.slice(last, w.index) + w.word.toUpperCase();
      last = w.index + w.word.length;
    }
  });
  return out + text.slice(last);
}

function decodeTcvn3(binary: string, restoreCase: boolean): string {
  const t = tcvn3();
  let out = '';
  let capitals = 0;
  for (let i = 0; i < binary.length; i++) {
    const code = binary.charCodeAt(i);
    if (code > 0xff) {
      out += binary[i];
    } else if (t.punctuation.has(code)) {
      if (isCapitalHere(binary, i, t)) {
        out += t.decode[code];
        capitals++;
      } else {
        out += t.punctuation.get(code);
      }
    } else {
      const mapped = t.decode[code];
      if (mapped !== null && mapped !== undefined) {
        out += mapped;
        if (t.capitalBytes.has(code)) capitals++;
      } else {
        out += binary[i];
      }
    }
  }
  out = out.normalize('NFC');
  // A text that writes capitals with their own codes (TCVN 5712 VN1) says its case itself.
  return restoreCase && capitals === 0 ? restoreCapitals(out) : out;
}

function encodeTcvn3(text: string): number[] {
  const t = tcvn3();
  const bytes: number[] = [];
  let index = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const mapped = t.encode.get(ch);
    if (mapped !== undefined) bytes.push(mapped);
    else if (code < 0x80 || code === 0xa0) bytes.push(code);
    else throw new UnrepresentableError(ch, index);
    index += ch.length;
  }
  return bytes;
}

// ── VNI ──────────────────────────────────────────────────────────────────────────────────────

function decodeVni(binary: string): string {
  const t = vni();
  const { decode: cp } = windows1252();
  // Windows-1252 char codes (a char above U+00FF is kept).
  const codes = new Array<number>(binary.length);
  for (let i = 0; i < binary.length; i++) {
    const code = binary.charCodeAt(i);
    codes[i] = code <= 0xff ? cp[code]!.charCodeAt(0) : code;
  }
  const out: string[] = [];
  for (let i = 0; i < codes.length; i++) {
    const pair = i + 1 < codes.length ? t.pairs.get(codes[i]! * 0x10000 + codes[i + 1]!) : undefined;
    if (pair !== undefined) {
      out.push(pair);
      i++;
      continue;
    }
    out.push(t.singles.get(codes[i]!) ?? String.fromCharCode(codes[i]!));
  }
  return out.join('').normalize('NFC');
}

function encodeVni(text: string): number[] {
  const t = vni();
  const { encode: cp } = windows1252();
  const bytes: number[] = [];
  let index = 0;
  for (const ch of text) {
    const code = t.encode.get(ch) ?? ch;
    for (const c of code) {
      const b = cp.get(c);
      if (b === undefined) throw new UnrepresentableError(ch, index);
      bytes.push(b);
    }
    index += ch.length;
  }
  return bytes;
}

// ── the API ──────────────────────────────────────────────────────────────────────────────────

export interface DecodeOptions {
  /** TCVN3 only: put capitals back in words typed with the .VnTimeH lower-case codes (text files). */
  restoreCase?: boolean;
}

/** Bytes (or a binary string) in `encoding` → NFC Unicode text. */
export function decodeLegacy(
  input: Uint8Array | string,
  encoding: LegacyEncodingId,
  options: DecodeOptions = {},
): string {
  const binary = typeof input === 'string' ? input : latin1(input);
  switch (encoding) {
    case 'tcvn3':
      return decodeTcvn3(binary, options.restoreCase ?? true);
    case 'vni':
      return decodeVni(binary);
    case 'windows-1258': {
      const table = (cp1258 ??= singleByte('windows-1258'));
      const out = new Array<string>(binary.length);
      for (let i = 0; i < binary.length; i++) {
        const code = binary.charCodeAt(i);
        out[i] = code <= 0xff ? table[code]! : binary[i]!;
      }
      return out.join('').normalize('NFC');
    }
  }
}

/** One char per byte. */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

/**
 * Unicode text → bytes in TCVN3 or VNI. Throws UnrepresentableError at the first character the
 * encoding has no code for, or that would not read back as itself: the output always converts
 * back to the same text.
 */
export function encodeLegacy(text: string, encoding: 'tcvn3' | 'vni'): Uint8Array {
  const nfc = text.normalize('NFC');
  const bytes = Uint8Array.from(encoding === 'tcvn3' ? encodeTcvn3(nfc) : encodeVni(nfc));
  const back = decodeLegacy(bytes, encoding);
  if (back !== nfc) {
    let i = 0;
    while (i < nfc.length && back[i] === nfc[i]) i++;
    const ch = String.fromCodePoint(nfc.codePointAt(i) ?? 0xfffd);
    throw new UnrepresentableError(ch, i);
  }
  return bytes;
}
