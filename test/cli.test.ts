/**
 * The built CLI, run as a user runs it: `node bin/kh.js …`. Builds dist/ first when it is missing
 * or older than src/ (CI runs `npm run build` before the tests anyway).
 */
import { needsShared } from './_shared.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt } from './_build.js';
import { Ajv2020 } from 'ajv/dist/2020.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/kh.js');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function kh(args: string[], env: Record<string, string | undefined> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KH_LANG: undefined, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const bad = (name: string) => `fixtures/bad/${name}`;

describe('bad input: one localized line naming the file, exit code 2', () => {
  it.each([
    ['fixtures/bad/does-not-exist.txt', 'không tìm thấy tệp'],
    [bad('folder.txt'), 'đây là thư mục, không phải tệp văn bản'],
    [bad('empty.txt'), 'tệp rỗng, không có nội dung'],
    [bad('plan.rtf'), 'không hỗ trợ định dạng ".rtf"; kh đọc .txt, .md, .docx, .doc và .pdf'],
    [bad('binary.txt'), 'tệp chứa dữ liệu nhị phân, không phải văn bản thuần (hãy kiểm tra lại đuôi tệp)'],
    [
      bad('latin1.txt'),
      'tệp không phải văn bản UTF-8 hợp lệ (byte lỗi ở dòng 1); hãy lưu lại với bảng mã Unicode (UTF-8) rồi chạy lại',
    ],
    [bad('not-a-zip.docx'), 'tệp .docx bị hỏng hoặc không phải tệp Word (.docx là tệp nén zip)'],
    [
      bad('no-document-xml.docx'),
      'tệp .docx thiếu phần nội dung (word/document.xml); hãy mở và lưu lại bằng Word',
    ],
  ])('%s', (file, message) => {
    const run = kh(['parse', file]);
    expect(run.stderr).toBe(`kh: ${file}: ${message}\n`);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  it('English with --lang en (after the command too) and with KH_LANG=en', () => {
    const expected = `kh: ${bad('latin1.txt')}: the file is not valid UTF-8 text (bad byte on line 1); save it again as Unicode (UTF-8) and run again\n`;
    for (const run of [
      kh(['--lang', 'en', 'parse', bad('latin1.txt')]),
      kh(['parse', bad('latin1.txt'), '--lang=en']),
      kh(['parse', bad('latin1.txt')], { KH_LANG: 'en' }),
    ]) {
      expect(run.stderr).toBe(expected);
      expect(run.code).toBe(2);
    }
    expect(kh(['parse', 'nope.docx', '--lang', 'en']).stderr).toBe('kh: nope.docx: file not found\n');
  });

  it('no stack trace unless --debug', () => {
    const plain = kh(['parse', bad('binary.txt')]);
    expect(plain.stderr.split('\n')).toHaveLength(2);
    const debug = kh(['parse', bad('binary.txt'), '--debug']);
    expect(debug.stderr.startsWith(plain.stderr)).toBe(true);
    expect(debug.stderr).toMatch(/InputError: binary[\s\S]*\n\s+at /);
    expect(debug.code).toBe(2);
  });

  // The corpus .doc and scanned PDF are read since issue 16: test/parse-doc.test.ts, test/parse-ocr.test.ts.

  // Encrypted/corrupt files made by the docx and pdf fixture scripts, wherever they put them.
  const special = (function find(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? find(join(dir, e.name))
        : /encrypt|password|corrupt|damaged/i.test(e.name)
          ? [join(dir, e.name)]
          : [],
    );
  })(join(ROOT, 'fixtures')).map((f) => f.slice(ROOT.length + 1));
  const expectedCode = (file: string) =>
    file.endsWith('.pdf')
      ? /encrypt|password/i.test(file)
        ? 'tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi chạy lại'
        : 'tệp PDF bị hỏng hoặc không phải PDF'
      : /encrypt|password/i.test(file)
        ? `tệp ${file.endsWith('.doc') ? '.doc' : '.docx'} được đặt mật khẩu; hãy gỡ mật khẩu rồi chạy lại`
        : null;
  it.skipIf(special.length === 0).each(special.length ? special : ['(none)'])('%s', (file) => {
    const run = kh(['parse', file]);
    const message = expectedCode(file);
    if (message) expect(run.stderr).toBe(`kh: ${file}: ${message}\n`);
    else
      expect(run.stderr).toMatch(
        new RegExp(`^kh: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [^\\n]+\\n$`),
      );
    expect(run.code).toBe(2);
  });
});

describe('kh parse', () => {
  it('files that must parse: UTF-8 with BOM, UTF-16 LE/BE with BOM', () => {
    for (const name of ['utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt']) {
      const run = kh(['parse', bad(name)]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const plan = JSON.parse(run.stdout) as { type: string; source: { path: string; format: string } };
      expect(plan.type).toBe('plan');
      expect(plan.source).toEqual({ path: bad(name), format: 'text', pages: null });
    }
  });

  it('files in a legacy encoding parse, the encoding recorded in source.converted', () => {
    for (const [name, from] of [
      ['tcvn3.txt', 'tcvn3'],
      ['tcvn3-pasted.txt', 'tcvn3'],
      ['vni.txt', 'vni'],
      ['windows-1258.txt', 'windows-1258'],
    ]) {
      const run = kh(['parse', bad(name!)]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as { source: unknown }).source).toEqual({
        path: bad(name!),
        format: 'text',
        pages: null,
        converted: { from, runs: null },
      });
    }
  });

  it('a batch with one bad and one good file prints the good one and exits 2', () => {
    const good = 'fixtures/000_a2bc4216fc60fd38.txt';
    const run = kh(['parse', bad('latin1.txt'), good]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^kh: fixtures\/bad\/latin1\.txt: tệp không phải văn bản UTF-8 hợp lệ/),
    ]);
    const plans = JSON.parse(run.stdout) as Array<{ source: { path: string } }>;
    expect(plans.map((p) => p.source.path)).toEqual([good]);
  });

  it('several good files give an array, in order; one gives the object', () => {
    const files = ['fixtures/003_4648be2b9eb23052.txt', 'fixtures/001_7c7171d5d3a46b8d.txt'];
    const run = kh(['parse', ...files]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Array<{ source: { path: string } }>).map((p) => p.source.path)).toEqual(
      files,
    );
    expect(Array.isArray(JSON.parse(kh(['parse', files[0]!]).stdout))).toBe(false);
  });

  it('--format outline prints the meta summary and sections of each file', () => {
    const files = ['fixtures/000_a2bc4216fc60fd38.txt', 'fixtures/004_a5398dc3df371b71.txt'];
    const run = kh(['parse', '--format', 'outline', ...files]);
    expect(run.code).toBe(0);
    for (const file of files) expect(run.stdout).toContain(`Tệp: ${file} (text)`);
    for (const label of [
      'Cơ quan ban hành:',
      'Số, ký hiệu:',
      'Ngày ban hành:',
      'Trích yếu:',
      'Năm kế hoạch:',
      'Các phần',
    ]) {
      expect(run.stdout).toContain(label);
    }
    expect(run.stdout).not.toMatch(/\x1b\[/); // NO_COLOR
    const en = kh(['parse', '-f', 'outline', '--lang', 'en', files[0]!]);
    expect(en.stdout).toContain(`File: ${files[0]} (text)`);
    expect(en.stdout).toContain('Issuer:');
  });

  it('--no-color and a pipe print no colour codes even when FORCE_COLOR is set', () => {
    const run = kh(['parse', '-f', 'outline', '--no-color', 'fixtures/000_a2bc4216fc60fd38.txt'], {
      NO_COLOR: undefined,
      FORCE_COLOR: '1',
    });
    expect(run.stdout).not.toMatch(/\x1b\[/);
    const colored = kh(['parse', '-f', 'outline', 'fixtures/000_a2bc4216fc60fd38.txt'], {
      NO_COLOR: undefined,
      FORCE_COLOR: '1',
    });
    expect(colored.stdout).toMatch(/\x1b\[/);
  });

  it('usage errors: one localized line, exit 2', () => {
    const format = kh(['parse', '--format', 'yaml', 'x.txt']);
    expect(format.stderr).toBe(
      "kh: giá trị 'yaml' không hợp lệ cho '-f, --format <format>'; chọn một trong: json, outline\n",
    );
    expect(format.code).toBe(2);
    const missing = kh(['parse']);
    expect(missing.stderr).toBe("kh: thiếu tham số 'tệp'\n");
    expect(missing.code).toBe(2);
    const unknown = kh(['pasre', 'x.txt', '--lang', 'en']);
    expect(unknown.stderr).toBe("kh: unknown command 'pasre' (see kh --help) (did you mean parse?)\n");
    expect(unknown.code).toBe(2);
  });
});

describe('kh schema', () => {
  it('prints a JSON Schema that validates the output of kh parse', () => {
    const run = kh(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as Record<string, unknown> & { $defs: Record<string, unknown> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // The recursive item tree is a named definition that refers to itself.
    expect(Object.keys(schema.$defs)).toContain('Item');
    expect(JSON.stringify(schema.$defs.Item)).toContain('"$ref":"#/$defs/Item"');
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const parsed = kh(['parse', 'fixtures/000_a2bc4216fc60fd38.txt', 'fixtures/002_06484e6e4818e0d7.txt']);
    for (const plan of JSON.parse(parsed.stdout) as unknown[]) {
      expect(validate(plan), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
    expect(validate({ type: 'plan' })).toBe(false);
  });
});

describe('start-up', () => {
  it('--version prints package.json version', () => {
    for (const args of [['--version'], ['-V'], ['--lang', 'en', '--version']]) {
      const run = kh(args);
      expect(run.stdout).toBe(`${PKG.version}\n`);
      expect(run.code).toBe(0);
    }
  });

  it('--help is Vietnamese by default, English with --lang en or KH_LANG=en', () => {
    const vi = kh(['--help']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/^Cách dùng: kh /);
    expect(vi.stdout).toContain('Lệnh:');
    expect(vi.stdout).toMatch(/parse \[tùy-chọn\] <tệp\.\.\.>/);
    expect(vi.stdout).toContain('schema');
    for (const run of [kh(['--help', '--lang', 'en']), kh(['help'], { KH_LANG: 'en' })]) {
      expect(run.stdout).toMatch(/^Usage: kh /);
      expect(run.stdout).toContain('Commands:');
    }
    expect(kh(['help', 'parse']).stdout).toContain('--format <format>');
  });

  it('--version and --help load no parser, no unified, no zod', () => {
    // A resolve hook prints every module the run imports.
    const hook = `export async function resolve(s, c, next) { const r = await next(s, c); process._rawDebug('LOADED ' + r.url); return r; }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
    for (const args of [['--version'], ['--help'], ['parse', '--help']]) {
      const result = spawnSync(
        process.execPath,
        ['--import', `data:text/javascript,${encodeURIComponent(register)}`, BIN, ...args],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      const loaded = result.stderr.split('\n').filter((l) => l.startsWith('LOADED '));
      expect(loaded.some((l) => l.includes('dist/cli/index.js'))).toBe(true);
      // dist/parse/formats.js is the input-format table (help texts list its extensions): it
      // imports no parser, which the rest of this list checks.
      expect(
        loaded.filter((l) =>
          /mammoth|pdf-parse|pdfjs|unified|remark|micromark|zod|chalk|dist\/parse\/(?!formats\.js)|dist\/plan\//.test(
            l,
          ),
        ),
      ).toEqual([]);
    }
  });
});

describe('outline of a full Plan tree', () => {
  it('shows sections with items, goals with indicators and targets, assignments, citations, signature', async () => {
    const { formatOutline } = await import('../src/cli/commands/parse.js');
    const { PlanSchema } = await import('../src/plan/schema.js');
    const { Chalk } = await import('chalk');
    const pos = (line: number) => ({
      start: { line, column: 1, offset: 0 },
      end: { line, column: 10, offset: 9 },
    });
    const long =
      'Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy đảng, chính quyền, sự phối hợp của các tổ chức chính trị - xã hội trong công tác bình đẳng giới';
    const plan = PlanSchema.parse({
      type: 'plan',
      source: { path: 'kh.txt', format: 'text', pages: null },
      meta: {
        issuer: 'UBND tỉnh Bình Phước',
        issuerCode: 'UBND',
        number: '',
        symbol: 'KH-UBND',
        place: 'Bình Phước',
        issueDate: null,
        docType: 'KẾ HOẠCH',
        isPlan: true,
        title: 'Triển khai công tác bình đẳng giới năm 2024',
        planYear: 2024,
        level: 'tỉnh',
        draft: true,
        lines: { issuer: null, number: null, date: null, docType: null, title: null, motto: null },
      },
      preamble: [],
      sections: [
        {
          type: 'section',
          numeral: 'I.',
          heading: 'MỤC ĐÍCH, YÊU CẦU',
          kind: 'purpose',
          position: pos(12),
          items: [
            {
              type: 'item',
              label: '1.',
              labelKind: 'arabic',
              text: long,
              position: pos(13),
              children: [
                {
                  type: 'item',
                  label: 'a)',
                  labelKind: 'letter',
                  text: 'Mục đích con',
                  position: pos(14),
                  children: [],
                },
              ],
            },
          ],
        },
      ],
      closing: [],
      goals: [
        {
          type: 'goal',
          index: 2,
          field: 'Trong lĩnh vực kinh tế, lao động',
          text: 'Tăng cường bình đẳng giới',
          position: pos(20),
          indicators: [
            {
              type: 'indicator',
              index: 1,
              label: 'Chỉ tiêu 1',
              text: 'Tỷ lệ lao động nữ',
              position: pos(21),
              targets: [
                {
                  type: 'target',
                  raw: 'trên 50%',
                  kind: 'percent',
                  value: 50,
                  base: null,
                  unit: null,
                  from: null,
                  to: null,
                  direction: null,
                  comparator: 'above',
                  position: pos(21),
                },
              ],
            },
          ],
        },
      ],
      assignments: [
        {
          type: 'assignment',
          owner: 'Sở Lao động - Thương binh và Xã hội',
          ownerKey: 'so lao dong',
          role: 'chủ trì',
          partners: ['Sở Nội vụ'],
          tasks: [],
          source: 'organization',
          label: '1.',
          position: pos(40),
          indicatorRefs: [
            {
              type: 'indicatorRef',
              goal: 2,
              indicator: 1,
              raw: 'chỉ tiêu 1 của Mục tiêu 2',
              position: pos(41),
              plan: {
                raw: 'Kế hoạch số 122/KH-UBND',
                docType: 'Kế hoạch',
                number: '122',
                symbol: 'KH-UBND',
                date: null,
              },
            },
          ],
        },
      ],
      citations: [
        {
          type: 'citation',
          docType: 'Nghị quyết',
          number: '28',
          year: null,
          symbol: 'NQ-CP',
          format: 'state',
          raw: '28/NQ-CP',
          text: 'Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ',
          date: '2021-03-03',
          dateRaw: '03/3/2021',
          issuer: 'Chính phủ',
          subject: null,
          position: pos(5),
        },
      ],
      dates: [],
      appendixRefs: [],
      appendices: [],
      tables: [],
      recipients: null,
      signature: {
        type: 'signature',
        authority: ['KT. CHỦ TỊCH'],
        position: 'PHÓ CHỦ TỊCH',
        signer: 'Trần Tuyết Minh',
        lines: [],
        sourcePosition: pos(90),
      },
    });
    const text = formatOutline(plan, { lang: 'vi' }, new Chalk({ level: 0 }));
    expect(text).toContain('Cơ quan ban hành: UBND tỉnh Bình Phước');
    expect(text).toContain('Số, ký hiệu: /KH-UBND (dự thảo)');
    expect(text).toContain('Năm kế hoạch: 2024   Cấp: tỉnh');
    expect(text).toMatch(/\n {2}I\. MỤC ĐÍCH, YÊU CẦU \[purpose\] L12\n/);
    const item = text.split('\n').find((l) => l.startsWith('    1. '))!;
    expect(item).toContain('Tăng cường sự lãnh đạo');
    expect(item).toMatch(/… L13$/); // shortened to ~100 characters
    expect(item.length).toBeLessThan(120);
    expect(text).toMatch(/\n {6}a\) Mục đích con L14\n/);
    expect(text).toContain('  2. Trong lĩnh vực kinh tế, lao động: Tăng cường bình đẳng giới L20');
    expect(text).toContain('    Chỉ tiêu 1: Tỷ lệ lao động nữ → trên 50% [percent, above] L21');
    expect(text).toContain(
      '  1. Sở Lao động - Thương binh và Xã hội [chủ trì]; phối hợp: Sở Nội vụ; chỉ tiêu: 2.1 (122/KH-UBND) L40',
    );
    expect(text).toContain('  Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ L5');
    expect(text).toContain('Chữ ký: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Tuyết Minh L90');
  });
});

describe('internal errors', () => {
  it('a bug while reading one file is one "lỗi nội bộ" line, the others still run, exit 2; --debug adds the stack', async () => {
    vi.resetModules();
    vi.doMock('../src/parse/index.js', () => ({
      loadPlan: async (file: string) => {
        if (file === 'crash.txt')
          throw new TypeError("Cannot read properties of undefined (reading 'children')");
        return { type: 'plan', source: { path: file } };
      },
    }));
    try {
      const { main } = await import('../src/cli/index.js');
      for (const debug of [false, true]) {
        let out = '';
        let err = '';
        const io = {
          out: (t: string) => void (out += t),
          err: (t: string) => void (err += t),
          env: {},
          isTTY: false,
        };
        const code = await main(
          ['node', 'kh', 'parse', 'crash.txt', 'ok.txt', ...(debug ? ['--debug'] : [])],
          io,
        );
        expect(code).toBe(2);
        const [first, ...rest] = err.split('\n');
        expect(first).toBe(
          "kh: crash.txt: lỗi nội bộ (Cannot read properties of undefined (reading 'children')); hãy chạy lại với --debug và báo lỗi",
        );
        if (debug) expect(rest.join('\n')).toMatch(/^TypeError: Cannot read[\s\S]*\n\s+at /);
        else expect(rest).toEqual(['']);
        expect(JSON.parse(out)).toEqual([{ type: 'plan', source: { path: 'ok.txt' } }]);
      }
    } finally {
      vi.doUnmock('../src/parse/index.js');
      vi.resetModules();
    }
  });
});
