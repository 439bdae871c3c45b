/**
 * Legacy Vietnamese encodings (issue 16, item 3): the code charts (src/data/legacy-encodings.json),
 * the converter both ways, .txt/.md and .docx read as Unicode with one legacy-encoding message,
 * kh convert, and the failures (undecidable encoding, unrepresentable character) as exit 2.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { legacyEncodings } from '../src/data/legacy-encodings.js';
import { LegacyEncodingsSchema } from '../src/domain/legacy-encodings.js';
import { decodeLegacy, encodeLegacy, UnrepresentableError } from '../src/util/legacy-convert.js';
import { decodeTextDetailed } from '../src/parse/decode.js';
import { readDocument } from '../src/parse/index.js';
import { InputError } from '../src/util/errors.js';
import type { LintMessage } from '../src/rules/types.js';

const { run: lint } = await import('../src/cli/commands/lint.js');
const { run: convert } = await import('../src/cli/commands/convert.js');

const tmp = mkdtempSync(join(tmpdir(), 'kh-legacy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SEEDS = readdirSync('fixtures')
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seedText = (seed: string) => readFileSync(join('fixtures', seed), 'utf8').normalize('NFC');
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

function capture(lang: 'vi' | 'en' = 'vi') {
  const io = { out: '', err: '' };
  const ctx = {
    lang,
    debug: false,
    color: false,
    out: (t: string) => void (io.out += t),
    err: (t: string) => void (io.err += t),
  };
  return { ctx, io };
}

describe('the code charts', () => {
  it('validate against their schema, each table with a source', () => {
    const raw = JSON.parse(readFileSync('src/data/legacy-encodings.json', 'utf8'));
    const data = LegacyEncodingsSchema.parse(raw);
    for (const table of data.tables) expect(table.source.length).toBeGreaterThan(20);
    for (const font of data.fonts) expect(font.source.length).toBeGreaterThan(10);
  });

  it('hold all 134 Vietnamese letters outside ASCII, each in TCVN3 and in VNI', () => {
    const [tcvn3, vni] = legacyEncodings().tables;
    const letters = [...'aăâeêioôơuưy'].flatMap((v) =>
      ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].map((t) => (v + t).normalize('NFC')),
    );
    const all = [...letters.filter((l) => /[^\x00-\x7f]/.test(l)), 'đ'].flatMap((l) => [l, l.toUpperCase()]);
    expect(all).toHaveLength(134);
    const inTcvn3 = new Set([...tcvn3.letters, ...tcvn3.capitals].map((e) => e.char));
    const inVni = new Set(vni.sequences.map((e) => e.char));
    for (const letter of all) {
      expect(inTcvn3.has(letter), letter).toBe(true);
      expect(inVni.has(letter), letter).toBe(true);
      // In a word: "bặn", "BỌN", "đa" (a lone capital on a byte TCVN3 texts also use for “ ” – …
      // reads as that punctuation).
      const upper = letter !== letter.toLowerCase();
      const word = /đ/i.test(letter) ? `${letter}a` : upper ? `B${letter}N` : `b${letter}n`;
      for (const encoding of ['tcvn3', 'vni'] as const)
        expect(decodeLegacy(encodeLegacy(word, encoding), encoding)).toBe(word);
    }
  });

  it('are the published charts: known code points', () => {
    // TCVN 5712:1993: 0xB8 á, 0xD5 ế, 0xAE đ, 0xA7 Đ; VNI: "aù" á, "eá" ế, "ñ" đ, "ö" ư.
    expect(decodeLegacy(Uint8Array.of(0xb8, 0xd5, 0xae, 0xa7), 'tcvn3', { restoreCase: false })).toBe('áếđĐ');
    expect(latin1(encodeLegacy('áếđư', 'vni'))).toBe('aùeáñö');
    expect(latin1(encodeLegacy('Kế hoạch', 'tcvn3'))).toBe('KÕ ho¹ch');
  });
});

describe('round trip: every seed to TCVN3 and VNI and back', () => {
  it.each(
    SEEDS.flatMap(
      (seed) =>
        [
          [seed, 'tcvn3'],
          [seed, 'vni'],
        ] as const,
    ),
  )('%s → %s → Unicode is identical', (seed, encoding) => {
    const text = seedText(seed);
    const bytes = encodeLegacy(text, encoding);
    expect(bytes.some((b) => b >= 0x80)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    expect(decodeLegacy(bytes, encoding)).toBe(text);
    // …and the reader recognises the encoding by itself.
    expect(decodeTextDetailed(bytes)).toEqual({ text, encoding });
  });

  it('a character the encoding has no code for is refused, never written lossily', () => {
    expect(() => encodeLegacy('giá trị ≥ 95%', 'tcvn3')).toThrow(UnrepresentableError);
    expect(() => encodeLegacy('mục tiêu → kết quả', 'vni')).toThrow(UnrepresentableError);
  });
});

describe('TCVN3 as ABC texts write it (capitals with the lower-case codes of .VnTimeH)', () => {
  it('puts capitals back in words and headings typed in capitals, not elsewhere', () => {
    const abc = 'KÕ HO¹CH\nSè: 12/KH-UBND\nTriÓn khai thùc hiÖn\nI. MôC §ÝCH, Y£U CÇU\n';
    expect(decodeLegacy(abc, 'tcvn3')).toBe(
      'KẾ HOẠCH\nSố: 12/KH-UBND\nTriển khai thực hiện\nI. MỤC ĐÍCH, YÊU CẦU\n',
    );
  });

  it('tells Windows-1252 punctuation from the VN1 capitals on the same bytes', () => {
    // 0x93/0x94 are “ ” around words, Ỏ/Õ inside a word in capitals; 0x96 is – between spaces.
    expect(decodeLegacy('\x93Phßng ngõa\x94 2021 \x96 2025', 'tcvn3')).toBe('“Phòng ngừa” 2021 – 2025');
    expect(decodeLegacy(latin1(encodeLegacy('HỌC TẬP “KẾ HOẠCH”', 'tcvn3')), 'tcvn3')).toBe(
      'HỌC TẬP “KẾ HOẠCH”',
    );
  });
});

describe('.txt/.md in a legacy encoding are read', () => {
  it('Windows-1258 with decomposed tones reads as NFC', async () => {
    // "Kế hoạch" with ế as ê + combining acute (0xEC) and ạ as a + combining dot below (0xF2).
    const bytes = Uint8Array.from([
      ...Buffer.from('K'),
      0xea,
      0xec,
      ...Buffer.from(' ho'),
      0x61,
      0xf2,
      ...Buffer.from('ch th'),
      0xfd,
      0xf2,
      ...Buffer.from('c hi'),
      0xea,
      0xf2,
      ...Buffer.from('n c'),
      0xf4,
      ...Buffer.from('ng t'),
      0xe1,
      ...Buffer.from('c n'),
      0xe3,
      ...Buffer.from('m 2025\n'),
    ]);
    const path = join(tmp, 'w1258.txt');
    writeFileSync(path, bytes);
    const doc = await readDocument(path);
    expect(doc.converted).toEqual({ from: 'windows-1258', runs: null });
    expect(doc.source).toBe('Kế hoạch thực hiện công tác năm 2025\n');
    expect(doc.source).toBe(doc.source!.normalize('NFC'));
  });

  it('bytes that read as well in two encodings: legacy-undecided, exit 2, in both languages', async () => {
    const path = join(tmp, 'undecided.txt');
    writeFileSync(path, Uint8Array.from([0x63, 0xe0, 0x20, 0x70, 0x68, 0xea, 0x0a])); // "cà phê"? "cổ phê"? …
    await expect(readDocument(path)).rejects.toMatchObject({ code: 'legacy-undecided' });
    for (const lang of ['vi', 'en'] as const) {
      const { ctx, io } = capture(lang);
      expect(await lint(ctx, [path], { format: 'json', cwd: tmp, langExplicit: true })).toBe(2);
      const fatal = JSON.parse(io.out)[0].fatal.message as string;
      expect(fatal).toContain('--from');
      expect(fatal).toMatch(
        lang === 'vi' ? /không xác định được bảng mã/ : /cannot tell the text's encoding/,
      );
      const converted = capture(lang);
      expect(
        await convert(converted.ctx, path, {
          output: join(tmp, 'undecided.out.txt'),
          from: 'auto',
          to: 'utf-8',
        }),
      ).toBe(2);
      expect(converted.io.err.split('\n').filter(Boolean)).toHaveLength(1);
    }
    // Told which, kh convert reads it.
    const told = capture();
    expect(
      await convert(told.ctx, path, { output: join(tmp, 'undecided.vni.txt'), from: 'vni', to: 'utf-8' }),
    ).toBe(0);
    expect(readFileSync(join(tmp, 'undecided.vni.txt'), 'utf8')).toBe('cà phê\n');
  });
});

describe('TCVN3 and VNI versions of the seeds lint like the Unicode originals', () => {
  async function findings(path: string): Promise<LintMessage[]> {
    const { ctx, io } = capture();
    await lint(ctx, [path], { format: 'json', cwd: tmp, today: new Date('2026-01-01') });
    return JSON.parse(io.out)[0].messages;
  }
  const key = (m: LintMessage) =>
    `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`;

  it.each(SEEDS)('%s', async (seed) => {
    const text = seedText(seed);
    const unicode = join(tmp, `u-${seed}`);
    writeFileSync(unicode, text);
    const expected = (await findings(unicode)).map(key);
    for (const encoding of ['tcvn3', 'vni'] as const) {
      const path = join(tmp, `${encoding}-${seed}`);
      writeFileSync(path, encodeLegacy(text, encoding));
      const got = await findings(path);
      const legacy = got.filter((m) => m.ruleId === 'legacy-encoding');
      expect(legacy).toHaveLength(1);
      expect(legacy[0]).toMatchObject({ severity: 'info', line: 1, column: 1 });
      expect(legacy[0]!.message).toContain(encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI');
      expect(got.filter((m) => m.ruleId !== 'legacy-encoding').map(key)).toEqual(
        expected.map((k) => k.replace(unicode, path)),
      );
    }
  });
});

describe('.docx with runs in .VnTime / .VnTimeH / VNI-Times', () => {
  const tcvn3 = (text: string) => latin1(encodeLegacy(text, 'tcvn3'));
  const vni = (text: string) => latin1(encodeLegacy(text, 'vni'));

  it('reads the runs as Unicode: the font of the run, of the document default, capitals for .VnTimeH', async () => {
    const document = new Document({
      styles: { default: { document: { run: { font: '.VnTime' } } } },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'ñy ban nh©n d©n tØnh', font: '.VnTimeH' })] }),
            new Paragraph({ children: [new TextRun({ text: tcvn3('kế hoạch'), font: '.VnTimeH' })] }),
            new Paragraph({
              children: [
                new TextRun({
                  text: tcvn3('Triển khai thực hiện công tác phòng, chống thiên tai'),
                  font: '.VnTime',
                }),
              ],
            }),
            // No font on the run: the document default (.VnTime).
            new Paragraph({
              children: [new TextRun({ text: tcvn3('Đơn vị chủ trì: Sở Nông nghiệp và Môi trường') })],
            }),
            new Paragraph({
              children: [
                new TextRun({ text: vni('Người dân được hỗ trợ'), font: 'VNI-Times' }),
                new TextRun({ text: ' café – Unicode', font: 'Times New Roman' }),
              ],
            }),
            // Word split a VNI letter over two runs: "hoa" + "ø".
            new Paragraph({
              children: [
                new TextRun({ text: 'hoa', font: 'VNI-Times' }),
                new TextRun({ text: 'ø bình', font: 'VNI-Times', bold: true }),
              ],
            }),
          ],
        },
      ],
    });
    const path = join(tmp, 'vntime.docx');
    writeFileSync(path, new Uint8Array(await Packer.toBuffer(document)));
    const doc = await readDocument(path);
    expect(doc.converted).toEqual({ from: 'tcvn3', runs: 7 });
    const paragraphs = doc.tree.children.map((block) =>
      JSON.stringify(block)
        .match(/"value":"([^"]*)"/g)!
        .map((v) => v.slice(9, -1))
        .join(''),
    );
    expect(paragraphs).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH',
      'KẾ HOẠCH',
      'Triển khai thực hiện công tác phòng, chống thiên tai',
      'Đơn vị chủ trì: Sở Nông nghiệp và Môi trường',
      'Người dân được hỗ trợ café – Unicode',
      'hoà bình',
    ]);
    const { ctx, io } = capture('en');
    await lint(ctx, [path], { format: 'json', cwd: tmp, langExplicit: true });
    const legacy = JSON.parse(io.out)[0].messages.filter((m: LintMessage) => m.ruleId === 'legacy-encoding');
    expect(legacy).toHaveLength(1);
    expect(legacy[0].message).toMatch(/^7 runs in legacy fonts \(TCVN3 \(ABC\)/);
  });

  it('a Unicode .docx is untouched and has no legacy-encoding message', async () => {
    const doc = await readDocument('fixtures/000_a2bc4216fc60fd38.docx');
    expect(doc.converted).toBeUndefined();
  });
});

describe('kh convert', () => {
  it('writes the Unicode text of a TCVN3 file, and --to vni the VNI bytes, never over its input', async () => {
    const seed = SEEDS[0]!;
    const text = seedText(seed);
    const input = join(tmp, `convert-${seed}`);
    writeFileSync(input, encodeLegacy(text, 'tcvn3'));
    const out = join(tmp, 'convert-out.txt');
    const first = capture();
    expect(await convert(first.ctx, input, { output: out, from: 'auto', to: 'utf-8' })).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(text);
    expect(first.io.err).toBe(`kh: ${input}: đã chuyển từ TCVN3 (ABC) sang Unicode (UTF-8) → ${out}\n`);
    const back = capture('en');
    expect(
      await convert(back.ctx, out, { output: join(tmp, 'convert-out.vni.txt'), from: 'auto', to: 'vni' }),
    ).toBe(0);
    expect(readFileSync(join(tmp, 'convert-out.vni.txt'))).toEqual(Buffer.from(encodeLegacy(text, 'vni')));
    const self = capture();
    const before = readFileSync(input);
    expect(await convert(self.ctx, input, { output: input, from: 'auto', to: 'utf-8' })).toBe(2);
    expect(self.io.err).toMatch(/không bao giờ ghi đè tệp đầu vào/);
    expect(readFileSync(input)).toEqual(before);
  });

  it('--from forces the encoding; a character --to cannot write is one line, exit 2, nothing written', async () => {
    const input = join(tmp, 'arrow.txt');
    writeFileSync(input, 'Mục tiêu → kết quả\n');
    const out = join(tmp, 'arrow.tcvn3.txt');
    const { ctx, io } = capture('en');
    expect(await convert(ctx, input, { output: out, from: 'auto', to: 'tcvn3' })).toBe(2);
    expect(io.err).toBe(
      `kh: ${input}: the character "→" (U+2192) on line 1 has no code in TCVN3 (ABC); nothing written\n`,
    );
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('errors', () => {
  it('legacy-undecided is an InputError with the candidates', () => {
    try {
      decodeTextDetailed(Uint8Array.from([0x63, 0xe0, 0x0a]));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).details.encodings).toContain('VNI');
    }
  });
});
