/**
 * Hostile and unusual input (issue 13): limits, isolation, outputs that never overwrite an input,
 * honest I/O errors. The hostile files are made in a temp dir by test/hostile/generate.mjs.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './_build.js';
import { readDocument } from '../src/parse/index.js';
import { DEFAULT_LIMITS, checkXmlShape, parseSize, type Limits } from '../src/util/limits.js';
import { readZipDirectory, readZipEntry, ZipLimitError } from '../src/parse/zip.js';
import { InputError, describeError } from '../src/util/errors.js';
import { OutputError, writeOutput } from '../src/util/output.js';
// @ts-expect-error plain JS generator shared with the measure script
import * as make from './hostile/generate.mjs';

const GOOD = join(ROOT, 'fixtures/000_a2bc4216fc60fd38.txt');
let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-hostile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function inputError(path: string, limits?: Limits): Promise<InputError> {
  try {
    await readDocument(path, limits);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${path} was read`);
}

describe('limits', () => {
  it('a .docx part is refused while inflating, not after (64 MiB of XML in a small zip)', async () => {
    const bomb: Buffer = make.docxBomb(64);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const entry = readZipDirectory(bomb).find((e) => e.name === 'word/document.xml')!;
    // The stream stops within one 16 KiB step of compressed data past the limit.
    expect(() => readZipEntry(bomb, entry, 4 * 1024 * 1024)).toThrow(ZipLimitError);
    writeFileSync(at('bomb.docx'), bomb);
    const error = await inputError(at('bomb.docx'));
    expect(error.code).toBe('limit');
    expect(error.details).toMatchObject({ limit: 'partSize', part: 'word/document.xml', value: '32 MiB' });
  });

  it('reads a part that stays under the limit in full', () => {
    const zip: Buffer = make.docx(make.DOC_HEAD + make.paragraphXml('Kế hoạch') + make.DOC_TAIL);
    const entry = readZipDirectory(zip).find((e) => e.name === 'word/document.xml')!;
    expect(new TextDecoder().decode(readZipEntry(zip, entry, 1 << 20))).toContain('Kế hoạch');
  });

  it('XML nesting depth and element count', async () => {
    writeFileSync(at('deep.docx'), make.docxDeepNesting(1000));
    expect((await inputError(at('deep.docx'))).details).toMatchObject({ limit: 'xmlDepth', value: '256' });
    expect(() =>
      checkXmlShape('<a>'.repeat(10) + '</a>'.repeat(10), 'x.xml', { ...DEFAULT_LIMITS, xmlDepth: 9 }),
    ).toThrow(InputError);
    expect(() =>
      checkXmlShape('<a>'.repeat(10) + '</a>'.repeat(10), 'x.xml', { ...DEFAULT_LIMITS, xmlDepth: 10 }),
    ).not.toThrow();
    expect(() =>
      checkXmlShape('<r>' + '<b/>'.repeat(100) + '</r>', 'x.xml', { ...DEFAULT_LIMITS, xmlNodes: 100 }),
    ).toThrow(InputError);
  });

  it('file size, text length and PDF pages', async () => {
    expect((await inputError(GOOD, { ...DEFAULT_LIMITS, fileSize: 1000 })).details).toMatchObject({
      limit: 'fileSize',
      value: '1000 B',
    });
    expect((await inputError(GOOD, { ...DEFAULT_LIMITS, textLength: 1000 })).details.limit).toBe(
      'textLength',
    );
    writeFileSync(at('three.pdf'), make.pdfPages(3));
    expect((await inputError(at('three.pdf'), { ...DEFAULT_LIMITS, pdfPages: 2 })).details.limit).toBe(
      'pdfPages',
    );
    writeFileSync(at('ops.pdf'), make.pdfRepeatedOperator(300));
    expect(
      (await inputError(at('ops.pdf'), { ...DEFAULT_LIMITS, pdfItemsPerPage: 200 })).details,
    ).toMatchObject({ limit: 'pdfItemsPerPage', page: '1' });
  });

  it('one line per limit, in both languages, naming the limit and its value', () => {
    const error = new InputError('limit', { limit: 'partSize', value: '32 MiB', part: 'word/document.xml' });
    expect(describeError(error, 'vi')).toMatch(
      /^vượt giới hạn dung lượng giải nén .* 32 MiB \(word\/document\.xml\)/,
    );
    expect(describeError(error, 'en')).toMatch(
      /^exceeds the limit on inflated size of a \.docx part, 32 MiB \(word\/document\.xml\)/,
    );
    expect(
      describeError(new InputError('limit', { limit: 'pdfPages', value: '2000', page: '3' }), 'vi'),
    ).toContain('(trang 3)');
  });

  it('sizes as typed', () => {
    expect(parseSize('100MB')).toBe(100 * 1024 * 1024);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('1.5 GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('2048')).toBe(2048);
    expect(parseSize('lots')).toBeNull();
    expect(parseSize('0')).toBeNull();
  });
});

describe('outputs', () => {
  it('refuses an input by real path (also through a symlink) and leaves it byte-identical', () => {
    const input = at('in.txt');
    copyFileSync(GOOD, input);
    const before = readFileSync(input);
    symlinkSync(input, at('link.json'));
    expect(() => writeOutput(input, 'x', { inputs: [input] })).toThrow(OutputError);
    expect(() => writeOutput(at('link.json'), 'x', { inputs: [input] })).toThrow(/input/);
    expect(() => writeOutput(join(dir, 'sub', '..', 'in.txt'), 'x', { inputs: [input] })).toThrow(
      OutputError,
    );
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('writes through a temp file and rename (no temp file left), and names a missing folder', () => {
    writeOutput(at('report.json'), '{"a":1}', { inputs: [] });
    expect(readFileSync(at('report.json'), 'utf8')).toBe('{"a":1}');
    writeOutput(at('report.json'), '{"a":2}', { inputs: [] });
    expect(readFileSync(at('report.json'), 'utf8')).toBe('{"a":2}');
    expect(spawnSync('ls', ['-a', dir], { encoding: 'utf8' }).stdout).not.toMatch(/\.tmp/);
    try {
      writeOutput(at('missing/dir/r.html'), 'x');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OutputError);
      expect((error as OutputError).describe('vi')).toBe(
        `không ghi được tệp ${at('missing/dir/r.html')} (không tồn tại (ENOENT))`,
      );
      expect((error as OutputError).describe('en')).toContain('does not exist (ENOENT)');
    }
  });
});

describe('the CLI on hostile files (built dist/, each file in a worker)', () => {
  const built = ensureBuilt();
  const kh = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/kh.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout: 60_000,
    });

  it.skipIf(!built)('a .docx bomb is one fatal line, the good file beside it is still reported', () => {
    writeFileSync(at('bomb2.docx'), make.docxBomb(64));
    copyFileSync(GOOD, at('good.txt'));
    const run = kh(['lint', '--format', 'json', 'bomb2.docx', 'good.txt']);
    expect(run.status).toBe(2);
    const results = JSON.parse(run.stdout) as {
      filePath: string;
      messages: unknown[];
      fatal?: { message: string };
    }[];
    expect(results.map((r) => r.filePath)).toEqual(['bomb2.docx', 'good.txt']);
    expect(results[0]!.fatal!.message).toMatch(
      /^vượt giới hạn dung lượng giải nén của một phần \.docx 32 MiB \(word\/document\.xml\)/,
    );
    expect(results[1]!.fatal).toBeFalsy();
    expect(results[1]!.messages.length).toBeGreaterThan(0);
  });

  it.skipIf(!built)('a file that takes too long is stopped (--timeout-per-file) and the run goes on', () => {
    // Within the limits (20 pages of 9 000 items each) but tens of seconds of work; the small plan
    // after it is quick.
    const page = `BT /F1 12 Tf\n${'1 0 0 1 72 720 Tm (Ke hoach so 12) Tj\n'.repeat(9000)}ET`;
    writeFileSync(at('slow.pdf'), make.pdf(Array.from({ length: 20 }, () => page)));
    writeFileSync(at('good.txt'), make.PLAN_HEAD + make.PLAN_TAIL);
    const run = kh(['parse', '--timeout-per-file', '3', 'slow.pdf', 'good.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'kh: slow.pdf: đọc tệp quá 3 giây nên đã dừng; nếu đây là văn bản thật, tăng --timeout-per-file\n',
    );
    expect(JSON.parse(run.stdout)[0].meta.issuer).toBeTruthy();
  });

  it.skipIf(!built)('a worker out of memory costs that file only', async () => {
    const { openPlanReader } = (await import(
      join(ROOT, 'dist/workers/isolate.js')
    )) as typeof import('../src/workers/isolate.js');
    const reader = openPlanReader({ memoryMb: 48, timeoutMs: 60_000 });
    try {
      writeFileSync(at('big.txt'), make.textLongPlan(900_000)); // under the text limit, over 48 MB of heap
      await expect(reader.read(at('big.txt'))).rejects.toMatchObject({ code: 'out-of-memory' });
      const roomy = openPlanReader({ timeoutMs: 30_000 });
      expect((await roomy.read(GOOD)).meta.number).not.toBeUndefined();
      await roomy.close();
    } finally {
      await reader.close();
    }
  });

  it.skipIf(!built)('lint -o and diff -o refuse an input (exit 2, input unchanged)', () => {
    copyFileSync(GOOD, at('a.txt'));
    copyFileSync(join(ROOT, 'fixtures/000_a2bc4216fc60fd38.docx'), at('b.docx'));
    const a = readFileSync(at('a.txt'));
    const b = readFileSync(at('b.docx'));
    const lint = kh(['lint', 'a.txt', '-o', 'a.txt']);
    expect(lint.status).toBe(2);
    expect(lint.stderr).toMatch(/^kh: a\.txt: đây là một tệp đầu vào/);
    const diff = kh(['diff', 'a.txt', 'b.docx', '-o', 'b.docx', '--lang', 'en']);
    expect(diff.status).toBe(2);
    expect(diff.stderr).toMatch(/^kh: b\.docx: this is one of the input files/);
    expect(readFileSync(at('a.txt')).equals(a)).toBe(true);
    expect(readFileSync(at('b.docx')).equals(b)).toBe(true);
  });

  it.skipIf(!built)(
    'diff -o into a missing folder is a user error naming the path, not an internal error',
    () => {
      copyFileSync(GOOD, at('a.txt'));
      copyFileSync(GOOD, at('c.txt'));
      const run = kh(['diff', 'a.txt', 'c.txt', '--format', 'html', '-o', 'missing/dir/r.html']);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('kh: không ghi được tệp missing/dir/r.html (không tồn tại (ENOENT))\n');
    },
  );

  // root reads every folder whatever its mode: the case needs an ordinary user.
  const isRoot = process.getuid?.() === 0;
  it.skipIf(!built || isRoot)(
    'an unreadable subdirectory is one fatal line; the rest of the folder is linted',
    () => {
      mkdirSync(at('tree/locked'), { recursive: true });
      mkdirSync(at('tree/ok'), { recursive: true });
      copyFileSync(GOOD, at('tree/ok/a.txt'));
      chmodSync(at('tree/locked'), 0);
      try {
        const run = kh(['lint', '--format', 'json', 'tree']);
        expect(run.status).toBe(2);
        const results = JSON.parse(run.stdout) as { filePath: string; fatal?: { message: string } }[];
        expect(results.find((r) => r.filePath.endsWith('locked'))!.fatal!.message).toMatch(
          /không đọc được thư mục \(không có quyền truy cập \(EACCES\)\)/,
        );
        expect(results.some((r) => r.filePath.endsWith('a.txt'))).toBe(true);
      } finally {
        chmodSync(at('tree/locked'), 0o755);
      }
    },
  );

  it.skipIf(!built)('no English library text in a Vietnamese message', () => {
    writeFileSync(
      at('entity.docx'),
      make.docx(make.DOC_HEAD + make.paragraphXml('Kế hoạch &nbsp; năm 2024') + make.DOC_TAIL),
    );
    writeFileSync(at('nobody.docx'), make.docx('<?xml version="1.0"?><root/>'));
    const run = kh(['parse', 'entity.docx', 'nobody.docx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'kh: entity.docx: không đọc được nội dung tệp .docx (word/document.xml không phải XML hợp lệ)\n' +
        'kh: nobody.docx: không đọc được nội dung tệp .docx (word/document.xml không phải phần nội dung của văn bản Word)\n',
    );
    expect(existsSync(at('entity.docx'))).toBe(true);
  });
});
