#!/usr/bin/env node
/**
 * Builds src/data/legacy-encodings.json: the TCVN3 (ABC) and VNI code charts kh converts with.
 *
 *   node scripts/build-legacy-encodings.mjs [CHARMAP]   (default /usr/share/i18n/charmaps/TCVN5712-1.gz)
 *
 * TCVN3: the single-byte entries of glibc's localedata charmap TCVN5712-1 (TCVN 5712:1993, table
 * VN1), split into what the ABC (.VnTime) fonts use — the lower-case letters, the seven capitals
 * Ă Â Ê Ô Ơ Ư Đ and the five combining tone marks, 0xA1–0xFF — and the capitals with tone marks
 * that only VN1 has (C0 and 0x80–0x9F and the gaps of 0xA1–0xFF). The ABC subset was checked
 * against UniKey's converter table (vnconv data.cpp, "TCVN3"): every letter at the same byte.
 * VNI: the VNI-Windows layout (base letter + a mark byte, read as Windows-1252), written out as
 * rules below and checked against UniKey's "VNI-WIN" table: every one of the 134 letters equal.
 */
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const charmapPath = process.argv[2] ?? '/usr/share/i18n/charmaps/TCVN5712-1.gz';
const charmap = execFileSync('zcat', ['-f', charmapPath], { encoding: 'utf8' });

const hex = (b) => b.toString(16).toUpperCase().padStart(2, '0');
const vn1 = new Map();
for (const line of charmap.split('\n')) {
  const m = /^<U([0-9A-F]{4,5})>\s+\/x([0-9a-f]{2})\s/.exec(line);
  if (m) vn1.set(parseInt(m[2], 16), String.fromCodePoint(parseInt(m[1], 16)));
}
const isLetter = (ch) => /[\p{L}\p{M}]/u.test(ch);
const lettersAbc = [];
const capitals = [];
for (const [byte, ch] of [...vn1].sort((a, b) => a[0] - b[0])) {
  if (byte < 0x80 && ch === String.fromCharCode(byte)) continue; // ASCII and controls
  if (byte === 0xa0) continue; // no-break space, as in Latin-1
  if (!isLetter(ch)) throw new Error(`unexpected ${hex(byte)} ${ch}`);
  const abc = byte >= 0xa1 && (/\p{M}/u.test(ch) || ch === ch.toLowerCase() || 'ĂÂÊÔƠƯĐ'.includes(ch));
  (abc ? lettersAbc : capitals).push({ byte: hex(byte), char: ch });
}

// Windows-1252 punctuation that ABC texts carry in 0x80–0x9F (UniKey keeps these bytes as
// Windows-1252 in TCVN3): the bytes VN1 gives to capitals, told apart by context when decoding.
// (iconv-lite: Node's TextDecoder reads 'windows-1252' as Latin-1.)
const punctuation = [0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97].map((b) => ({
  byte: hex(b),
  char: iconv.decode(Buffer.of(b), 'windows-1252'),
}));

// VNI-Windows.
const TONE_MARKS = { '\u0300': 'ø', '\u0301': 'ù', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
const CIRCUMFLEX_MARKS = {
  '': 'â',
  '\u0300': 'à',
  '\u0301': 'á',
  '\u0309': 'å',
  '\u0303': 'ã',
  '\u0323': 'ä',
};
const BREVE_MARKS = { '': 'ê', '\u0300': 'è', '\u0301': 'é', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };
const SINGLE = { đ: 'ñ', ơ: 'ô', ư: 'ö', í: 'í', ì: 'ì', ỉ: 'æ', ĩ: 'ó', ị: 'ò', ỵ: 'î' };
const vni = [];
const add = (unicode, code) => {
  vni.push({ char: unicode, vni: code });
  vni.push({ char: unicode.toUpperCase(), vni: code.toUpperCase() });
};
for (const [ch, code] of Object.entries(SINGLE)) add(ch, code);
for (const base of ['a', 'e', 'o', 'u', 'y', 'ơ', 'ư']) {
  const baseCode = SINGLE[base] ?? base;
  for (const [tone, mark] of Object.entries(TONE_MARKS)) {
    const ch = (base + tone).normalize('NFC');
    if (SINGLE[ch]) continue; // ỵ
    add(ch, baseCode + mark);
  }
}
for (const base of ['a', 'e', 'o']) {
  for (const [tone, mark] of Object.entries(CIRCUMFLEX_MARKS))
    add((base + '\u0302' + tone).normalize('NFC'), base + mark);
}
for (const [tone, mark] of Object.entries(BREVE_MARKS)) add(('a\u0306' + tone).normalize('NFC'), 'a' + mark);
for (const ch of 'ìíỉĩị') if (!vni.some((e) => e.char === ch)) throw new Error(`VNI lacks ${ch}`);
if (vni.length !== 134 - 0) {
  // 67 letters × 2 cases (the 134 Vietnamese letters outside ASCII; i-tones are single bytes).
  throw new Error(`VNI table has ${vni.length} letters, not 134`);
}

const data = {
  $comment:
    'Legacy Vietnamese 8-bit encodings kh converts to Unicode (src/util/legacy-convert.ts). tcvn3: TCVN 5712:1993 — `letters` is what the ABC (.VnTime) fonts use (byte → letter; B0–B4 are combining tone marks), `capitals` the capitals with tone marks of table VN1 (ABC fonts draw capitals with the .VnTimeH fonts and the lower-case codes instead), `punctuation` the Windows-1252 punctuation ABC texts carry in bytes VN1 gives to capitals. vni: VNI-Windows, a letter written as a base letter and a mark byte read as Windows-1252. fonts: the Word fonts whose runs are in these encodings. Built by scripts/build-legacy-encodings.mjs.',
  version: '2026-12-05',
  tables: [
    {
      id: 'tcvn3',
      name: 'TCVN3 (ABC)',
      letters: lettersAbc,
      capitals,
      punctuation,
      source:
        'TCVN 5712:1993 code chart, as glibc localedata charmaps/TCVN5712-1 (single-byte entries); ABC subset checked against UniKey vnconv data.cpp table "TCVN3" (github.com/vn-input/ibus-unikey ukengine/data.cpp); punctuation bytes: the same table\'s Windows-1252 section',
      confidence: 'V',
    },
    {
      id: 'vni',
      name: 'VNI',
      sequences: vni,
      source:
        'VNI-Windows code chart (VNI Software), as UniKey vnconv data.cpp table "VNI-WIN" (github.com/vn-input/ibus-unikey ukengine/data.cpp) and the vietnamese-conversion package (github.com/duydev/vietnamese-conversion src/charsets.ts): every letter checked against both',
      confidence: 'S',
    },
  ],
  fonts: [
    {
      pattern: '^\\.vn',
      encoding: 'tcvn3',
      capitals: false,
      source: 'ABC font family (.VnTime, .VnArial, .VnCentury Schoolbook …), the fonts of TCVN 5712:1993 VN3',
      confidence: 'S',
    },
    {
      pattern: '^\\.vn.*h$',
      encoding: 'tcvn3',
      capitals: true,
      source: 'ABC capital fonts (.VnTimeH, .VnArialH …): the lower-case codes drawn as capitals',
      confidence: 'S',
    },
    {
      pattern: '^vni[- ]',
      encoding: 'vni',
      capitals: false,
      source: 'VNI font family (VNI-Times, VNI-Helve, VNI-Aptima …)',
      confidence: 'S',
    },
  ],
};
const out = join(root, 'src/data/legacy-encodings.json');
const json = JSON.stringify(data, null, 1)
  .replace(/\{\n\s+"byte": ("[^"]+"),\n\s+"char": ("[^"]+")\n\s+\}/g, '{ "byte": $1, "char": $2 }')
  .replace(/\{\n\s+"char": ("[^"]+"),\n\s+"vni": ("[^"]+")\n\s+\}/g, '{ "char": $1, "vni": $2 }');
writeFileSync(out, `${json}\n`);
console.log(
  `wrote ${out}: tcvn3 ${lettersAbc.length} letters + ${capitals.length} capitals, vni ${vni.length} letters`,
);
