/**
 * The input layer: readDocument's checks, decoding (BOMs, UTF-16, NFC, binary, legacy Vietnamese
 * encodings) and the text parser's positions. Fixtures: fixtures/bad (made by make.mjs there).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paragraph, Text } from 'mdast';
import { readDocument } from '../src/parse/index.js';
import { decodeText } from '../src/parse/decode.js';
import { describeError, InputError } from '../src/util/errors.js';
import { decodeLegacy, guessLegacyEncoding, isVietnameseSyllable } from '../src/util/vn-charsets.js';

const BAD = 'fixtures/bad';
const bad = (name: string) => join(BAD, name);
/** The sample text all encoded fixtures carry, from the UTF-8 (BOM) file. */
const SAMPLE = readFileSync(bad('utf8-bom.txt'), 'utf8').replace(/^\uFEFF/, '');

async function codeOf(path: string): Promise<{ code: string; details: Record<string, string> }> {
  try {
    await readDocument(path);
  } catch (error) {
    if (error instanceof InputError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error(`${path} was read without error`);
}

describe('readDocument refuses bad input with the right code', () => {
  it.each([
    ['does-not-exist.txt', 'not-found'],
    ['does-not-exist.docx', 'not-found'],
    ['folder.txt', 'is-directory'],
    ['empty.txt', 'empty'],
    ['plan.rtf', 'unknown-extension'],
    ['binary.txt', 'binary'],
    ['latin1.txt', 'invalid-utf8'],
  ])('%s → %s', async (name, code) => {
    expect((await codeOf(bad(name))).code).toBe(code);
  });

  it('a missing file with an unknown extension is reported as missing', async () => {
    expect((await codeOf(bad('nothing.xlsx'))).code).toBe('not-found');
  });

  it('names the extension it does not read', async () => {
    expect((await codeOf(bad('plan.rtf'))).details.ext).toBe('.rtf');
  });

  it('gives the line of the first byte that is not UTF-8', async () => {
    expect((await codeOf(bad('latin1.txt'))).details.line).toBe('1');
    const bytes = new Uint8Array([...Buffer.from('dòng một\ndòng hai\n', 'utf8'), 0x41, 0xe9, 0x42, 0x0a]);
    try {
      decodeText(bytes);
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).code).toBe('invalid-utf8');
      expect((error as InputError).details.line).toBe('3');
    }
  });

  it.each([
    ['tcvn3.txt', 'tcvn3'],
    ['tcvn3-pasted.txt', 'tcvn3'],
    ['vni.txt', 'vni'],
    ['windows-1258.txt', 'windows-1258'],
  ])('%s is read, converted from its legacy encoding (%s)', async (name, encoding) => {
    const doc = await readDocument(bad(name));
    expect(doc.converted).toEqual({ from: encoding, runs: null });
    const sample = SAMPLE.normalize('NFC');
    if (encoding !== 'tcvn3') {
      expect(doc.source).toBe(sample);
      return;
    }
    // These TCVN3 fixtures are ABC text (toned capitals as the .VnTimeH lower-case codes): the
    // lines in capitals come back in capitals; a sentence-initial "Ủy" is beyond what ABC says.
    expect(doc.source!.toLowerCase()).toBe(sample.toLowerCase());
    const lines = doc.source!.split('\n');
    sample.split('\n').forEach((line, i) => {
      if (line === line.toUpperCase()) expect(lines[i]).toBe(line);
    });
    expect(lines).toContain('KẾ HOẠCH');
  });

  it('an internal error is not an InputError and reads as one line', () => {
    expect(describeError(new TypeError('x is undefined'), 'vi')).toBe(
      'lỗi nội bộ (x is undefined); hãy chạy lại với --debug và báo lỗi',
    );
    expect(describeError(new InputError('empty'), 'en')).toBe('the file is empty');
  });
});

describe('legacy encodings', () => {
  // The fixtures were encoded by glibc iconv / the VNI layout in make.mjs; decoding them back with
  // kh's own tables checks those tables.
  it('TCVN3 table decodes iconv TCVN5712-1 output (capitals as .VnTimeH lower-case codes)', () => {
    const binary = readFileSync(bad('tcvn3.txt')).toString('latin1');
    expect(decodeLegacy(binary, 'TCVN3 (ABC)').toLowerCase()).toBe(SAMPLE.toLowerCase());
  });

  it('VNI rules decode the VNI sample', () => {
    const binary = readFileSync(bad('vni.txt')).toString('latin1');
    expect(decodeLegacy(binary, 'VNI')).toBe(SAMPLE);
  });

  it('Windows-1258 (combining tone bytes) decodes to NFC', () => {
    const binary = readFileSync(bad('windows-1258.txt')).toString('latin1');
    expect(binary).toMatch(/a\xf2/); // "ạ" written as a + combining dot below
    expect(decodeLegacy(binary, 'Windows-1258')).toBe(SAMPLE);
  });

  it('each legacy sample scores best in its own encoding, by a wide margin', () => {
    for (const [name, encoding] of [
      ['tcvn3.txt', 'TCVN3 (ABC)'],
      ['vni.txt', 'VNI'],
      ['windows-1258.txt', 'Windows-1258'],
    ] as const) {
      const guess = guessLegacyEncoding(readFileSync(bad(name)));
      const own = guess.scores.find((s) => s.encoding === encoding)!.hits;
      const others = guess.scores.filter((s) => s.encoding !== encoding).map((s) => s.hits);
      expect(guess.encoding).toBe(encoding);
      expect(own).toBeGreaterThanOrEqual(0.9 * guess.words);
      for (const other of others) expect(other).toBeLessThan(0.5 * own);
    }
  });

  it('recognises Vietnamese syllables and rejects mojibake', () => {
    for (const word of ['Kế', 'hoạch', 'nghiêng', 'người', 'khuyết', 'tật', 'Ủy', 'quyết', 'giữ', 'oai']) {
      expect(isVietnameseSyllable(word), word).toBe(true);
    }
    for (const word of ['c¸c', 'aø', 'TriÓn', 'ho¹ch', 'thöïc', 'xyz', 'hoạchh', 'áà']) {
      expect(isVietnameseSyllable(word), word).toBe(false);
    }
  });

  it('real Vietnamese words are almost all syllables (the scorer is not biased against Unicode text)', () => {
    const seeds = readdirSync('fixtures').filter((f) => f.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    let words = 0;
    let ok = 0;
    for (const seed of seeds) {
      const text = readFileSync(join('fixtures', seed), 'utf8');
      for (const word of text.split(/[^\p{L}\p{M}]+/u)) {
        if (!/[^\x00-\x7f]/.test(word)) continue;
        words++;
        if (isVietnameseSyllable(word)) ok++;
      }
    }
    expect(words).toBeGreaterThan(1000);
    expect(ok / words).toBeGreaterThan(0.97);
  });

  it('UTF-8 Vietnamese with a few Latin-1 words is not mistaken for a legacy encoding', () => {
    const text = `${SAMPLE}\nThực đơn: café, crème brûlée, piñata; à la carte; Ångström; façade; señor.\n`;
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text.normalize('NFC'));
  });
});

describe('Unicode files that must parse', () => {
  it.each(['utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'utf8-nfd.txt'])('%s', async (name) => {
    const doc = await readDocument(bad(name));
    expect(doc.format).toBe('text');
    expect(doc.source).toBe(SAMPLE.normalize('NFC'));
    expect(doc.source!.charCodeAt(0)).not.toBe(0xfeff);
    expect(doc.pages).toBeNull();
  });

  it('UTF-16 without a BOM is recognised by its NUL pattern', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf16le'))).toBe(SAMPLE);
    expect(decodeText(Buffer.from(SAMPLE, 'utf16le').swap16())).toBe(SAMPLE);
  });

  it('CRLF text keeps its lines', () => {
    const text = decodeText(Buffer.from(SAMPLE.replace(/\n/g, '\r\n'), 'utf8'));
    expect(text.split(/\r\n/)).toHaveLength(SAMPLE.split('\n').length);
  });
});

describe('parseText keeps remark positions', () => {
  it('text nodes point at their line and offset in the decoded file', async () => {
    const doc = await readDocument(bad('utf16le-bom.txt'));
    const source = doc.source!;
    const texts: Text[] = [];
    const visit = (node: { type: string; children?: unknown[] }) => {
      if (node.type === 'text') texts.push(node as Text);
      for (const child of (node.children ?? []) as { type: string }[]) visit(child);
    };
    visit(doc.tree);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const text of texts) {
      const { start, end } = text.position!;
      expect(source.slice(start.offset, end.offset)).toBe(text.value);
      const line = source.split('\n')[start.line - 1]!;
      expect(line.slice(start.column - 1).startsWith(text.value.split('\n')[0]!)).toBe(true);
    }
    const found = texts.find((t) => t.value.includes('Triển khai'))!;
    const before = found.value.slice(0, found.value.indexOf('Triển khai'));
    expect(found.position!.start.line + before.split('\n').length - 1).toBe(4);
    // Blocks only: remark's own list/heading reading is left to the Plan builder to ignore.
    expect(doc.tree.children.every((c) => c.type !== 'text')).toBe(true);
    expect((doc.tree.children[0] as Paragraph).type).toBe('paragraph');
  });

  it('seeds parse as text with a tree of blocks', async () => {
    const seeds = readdirSync('fixtures').filter((f) => f.endsWith('.txt'));
    for (const seed of seeds) {
      const doc = await readDocument(join('fixtures', seed));
      expect(doc.format).toBe('text');
      expect(doc.tree.children.length).toBeGreaterThan(5);
      expect(doc.source).toBe(
        readFileSync(join('fixtures', seed), 'utf8')
          .replace(/^\uFEFF/, '')
          .normalize('NFC'),
      );
    }
  });
});
