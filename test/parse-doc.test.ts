/**
 * Word 97–2003 .doc files (src/parse/doc.ts, doc-binary.ts): the .doc made from a .docx by LibreOffice
 * (scripts/make-doc-fixtures.mjs) reads into the same Plan as that .docx; the real .doc of the corpus
 * reads into a resolution with its header, articles and signature; bad files are one message, exit 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadPlan, readDocument } from '../src/parse/index.js';
import { PlanSchema, type Plan } from '../src/plan/schema.js';
import { InputError, formatInputError, DOC_PART_NAMES, NOT_WORD_KIND_NAMES } from '../src/util/errors.js';
import { parseDoc } from '../src/parse/doc.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/kh.js');
const F = (name: string) => join(ROOT, 'fixtures', name);
const SHARED = resolve(ROOT, '../shared/corpus');
const CORPUS_DOC = join(SHARED, 'unsupported/legal_NQ99-2025-NQ-HDND.doc');
const needsShared = (what: string) => `${what} (needs ../shared/corpus)`;

const PLANS = [
  '000_a2bc4216fc60fd38',
  '002_06484e6e4818e0d7',
  '003_4648be2b9eb23052',
  '004_a5398dc3df371b71',
];

/** The tree without positions and without the source (path, format): what must not depend on the format. */
function content(p: Plan): unknown {
  return JSON.parse(
    JSON.stringify({ ...p, source: null }, (key, value) =>
      key === 'position' || key === 'parts' || key === 'sourcePosition' ? undefined : value,
    ),
  );
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

function kh(args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('a .docx saved as .doc by LibreOffice reads into the same Plan', () => {
  for (const name of [
    ...PLANS,
    'variants/002_nfd',
    'variants/003_softbreaks',
    'variants/004_appendix',
    'corpus-docx/1095764e502a89b8',
    'corpus-docx/001c610b2efdcf0c',
  ]) {
    it(name, async () => {
      const fromDoc = await loadPlan(F(`${name}.doc`));
      expect(fromDoc.source.format).toBe('doc');
      expect(() => PlanSchema.parse(fromDoc)).not.toThrow();
      expect(content(fromDoc)).toEqual(content(await loadPlan(F(`${name}.docx`))));
    });
  }

  it('positions are Word paragraph numbers, the same as the .docx gives for these files', async () => {
    for (const name of PLANS) {
      const strip = (p: Plan) => JSON.parse(JSON.stringify({ ...p, source: null }));
      expect(strip(await loadPlan(F(`${name}.doc`)))).toEqual(strip(await loadPlan(F(`${name}.docx`))));
    }
  });

  it('tables: cells, merged group rows and header rows as in the .docx', async () => {
    const doc = await readDocument(F('variants/004_appendix.doc'));
    const docx = await readDocument(F('variants/004_appendix.docx'));
    const rows = (tree: Root) =>
      tree.children
        .filter((n) => n.type === 'table')
        .map((t) =>
          t.children.map((r) => ({
            data: { ...(r.data as object), paragraph: undefined },
            cells: r.children.map((c) => [
              textOf(c),
              (c.data as { merged?: boolean })?.merged ?? false,
              (c.data as { colSpan?: number })?.colSpan ?? 1,
            ]),
          })),
        );
    const tables = rows(doc.tree);
    expect(tables).toEqual(rows(docx.tree));
    // The appendix table: 5 columns, "I | Mục tiêu 1…" a group row whose title spans 4 columns.
    const appendix = tables[2]!;
    expect(appendix[0]!.cells.map((c) => c[0])).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian thực hiện',
    ]);
    expect(appendix[1]!.data).toMatchObject({ group: true });
    expect(appendix[1]!.cells[1]).toEqual(['Mục tiêu 1: Trong lĩnh vực chính trị', false, 4]);
  });

  it('footnotes: a zero-width reference in the body, the notes after it with data.footnote', async () => {
    const doc = await readDocument(F('corpus-docx/1095764e502a89b8.doc'));
    const notes = doc.tree.children.filter((n) => (n.data as { footnote?: string } | undefined)?.footnote);
    expect(notes.map((n) => (n.data as { footnote: string }).footnote)).toEqual(['1', '2', '3', '4', '5']);
    expect(textOf(notes[0]!)).toMatch(/^\s*Thông báo số 627\/TB-VPCP ngày 18\/11\/2025/);
    const refs: string[] = [];
    const visit = (n: Nodes) => {
      if (n.type === 'footnoteReference') {
        refs.push(n.label ?? '');
        expect(n.position!.start.offset).toBe(n.position!.end.offset);
      }
      if ('children' in n) (n.children as Nodes[]).forEach(visit);
    };
    visit(doc.tree);
    expect(refs).toEqual(['1', '2', '3', '4', '5']);
    // Note paragraphs are numbered after the body's.
    const lastBody = doc.tree.children
      .filter((n) => !(n.data as { footnote?: string } | undefined)?.footnote)
      .at(-1)!;
    expect(notes[0]!.position!.start.line).toBeGreaterThan(lastBody.position!.end.line);
  });

  it('automatic numbering: the labels are those LibreOffice shows when it reads the .doc back', async () => {
    // LibreOffice's .doc export starts each restarted list as a list of its own, so these are not
    // always the .docx's labels ("1. Yêu cầu"); they are what the file says.
    const shown = JSON.parse(readFileSync(F('variants/000_autonumber.doc-labels.json'), 'utf8')) as {
      label: string;
      text: string;
    }[];
    expect(shown.length).toBeGreaterThan(20);
    const doc = await readDocument(F('variants/000_autonumber.doc'));
    const numbered = doc.tree.children
      .filter((n) => n.type === 'paragraph')
      .map((n) => textOf(n))
      .map((t) => /^(\d+\.|[a-zđ]\)) (.*)$/su.exec(t))
      .filter((m) => m !== null)
      .map((m) => ({ label: m[1]!, text: m[2]!.slice(0, 40) }));
    expect(numbered).toEqual(shown);
  });

  it.skipIf(!existsSync(join(SHARED, 'docx')))(
    needsShared('real .docx saved as .doc: header in a text box, condensed spacing'),
    async () => {
      for (const name of [
        'luongminh_MTTQ_KH_2025-12-10_tiep-cong-dan',
        'bac-cam-ranh_MTTQ-phuong_KH_2025-11_kiem-tra-giam-sat-bau-cu',
      ]) {
        const fromDoc = await loadPlan(F(`doc-corpus/${name}.doc`));
        expect(content(fromDoc)).toEqual(content(await loadPlan(join(SHARED, 'docx', `${name}.docx`))));
      }
      const boxed = await loadPlan(F('doc-corpus/luongminh_MTTQ_KH_2025-12-10_tiep-cong-dan.doc'));
      expect(boxed.meta).toMatchObject({
        symbol: 'KH-MTTQ-BTT',
        issueDate: '2025-12-10',
        place: 'Lương Minh',
      });
    },
  );
});

describe('lint on a .doc', () => {
  it.each(PLANS)('%s: the same findings as on the .docx', (name) => {
    const run = (ext: string) => {
      const r = kh(['lint', `fixtures/${name}.${ext}`, '--format', 'json']);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { messages: Record<string, unknown>[] }[];
    };
    const doc = run('doc');
    const docx = run('docx');
    const strip = (files: { messages: Record<string, unknown>[] }[]) =>
      files.flatMap((f) =>
        f.messages.map(({ ruleId, severity, message, excerpt, messageId }) => ({
          ruleId,
          severity,
          message,
          excerpt,
          messageId,
        })),
      );
    expect(strip(doc).length).toBeGreaterThan(0);
    expect(strip(doc)).toEqual(strip(docx));
    // And the paragraph numbers agree too, for these files.
    expect(doc[0]!.messages.map((m) => m['paragraph'])).toEqual(docx[0]!.messages.map((m) => m['paragraph']));
  });

  it('kh lint DIR reads the .doc files in it', () => {
    const r = kh(['lint', 'fixtures/doc-corpus', 'fixtures/variants', '--format', 'json']);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath);
    expect(files).toContain('fixtures/variants/004_appendix.doc');
    expect(files).toContain('fixtures/variants/004_appendix.docx');
  });
});

describe.skipIf(!existsSync(CORPUS_DOC))(
  needsShared('the real .doc of the corpus (Nghị quyết 99/2025/NQ-HĐND)'),
  () => {
    it('reads into a resolution: header, articles, signature', async () => {
      const plan = await loadPlan(CORPUS_DOC);
      expect(plan.source.format).toBe('doc');
      expect(plan.meta).toMatchObject({
        docType: 'Nghị quyết',
        number: '99',
        symbol: 'NQ-HĐND',
        issueDate: '2025-12-16',
        place: 'Quảng Ninh',
        issuer: 'Hội đồng nhân dân tỉnh Quảng Ninh',
        isPlan: false,
      });
      expect(plan.meta.lines.number?.text).toBe('Số: 99/2025/NQ-HĐND');
      expect(plan.meta.title).toMatch(/^QUY ĐỊNH NỘI DUNG, MỨC CHI PHỤC VỤ CHO CÔNG TÁC TỔ CHỨC BẦU CỬ/);
      const articles = plan.articles ?? [];
      expect(articles.map((a) => a.label)).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.', 'Điều 4.', 'Điều 5.']);
      expect(articles.map((a) => a.heading)).toEqual([
        'Đối tượng áp dụng',
        'Quy định chung',
        'Nội dung và mức chi',
        'Hiệu lực thi hành',
        'Hội đồng nhân dân tỉnh giao',
      ]);
      // Điều 3's khoản 1.–6. and more, each with its own items.
      expect(articles[2]!.items.map((i) => i.label).slice(0, 6)).toEqual([
        '1.',
        '2.',
        '3.',
        '4.',
        '5.',
        '6.',
      ]);
      expect(plan.signature).toMatchObject({ position: 'CHỦ TỊCH', signer: 'Trịnh Thị Minh Thanh' });
      expect(plan.citations.some((c) => c.raw.includes('62/2025/NQ-HĐND'))).toBe(true);
    });

    it('kh parse prints it (exit 0, nothing on stderr)', () => {
      const r = kh(['parse', CORPUS_DOC, '--format', 'outline']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Loại văn bản: Nghị quyết');
    });
  },
);

describe('files kh cannot read: one line, exit 2, both languages', () => {
  const cases: [string, string, string][] = [
    [
      'doc-encrypted.doc',
      'tệp .doc được đặt mật khẩu; hãy gỡ mật khẩu rồi chạy lại',
      'the .doc is password-protected; remove the password and run again',
    ],
    [
      'rtf-named.doc',
      'tệp mang đuôi .doc nhưng không phải văn bản Word 97-2003: đây là tệp RTF; hãy mở bằng Word và lưu thành .docx',
      'the file is named .doc but is not a Word 97-2003 document: it is an RTF file; open it in Word and save it as .docx',
    ],
    [
      'html-named.doc',
      'tệp mang đuôi .doc nhưng không phải văn bản Word 97-2003: đây là trang web (HTML); hãy mở bằng Word và lưu thành .docx',
      'the file is named .doc but is not a Word 97-2003 document: it is a web page (HTML); open it in Word and save it as .docx',
    ],
    [
      'doc-damaged.doc',
      'tệp .doc bị hỏng, không đọc được (cấu trúc tệp OLE); hãy mở bằng Word và lưu lại thành .docx',
      'the .doc is damaged and cannot be read (its OLE container); open it in Word and save it as .docx',
    ],
  ];
  it.each(cases)('%s', (name, vi, en) => {
    const file = `fixtures/bad/${name}`;
    const viRun = kh(['parse', file]);
    expect(viRun.stderr).toBe(`kh: ${file}: ${vi}\n`);
    expect(viRun.code).toBe(2);
    const enRun = kh(['parse', file, '--lang', 'en']);
    expect(enRun.stderr).toBe(`kh: ${file}: ${en}\n`);
    expect(enRun.code).toBe(2);
  });

  async function codeOf(bytes: Uint8Array): Promise<InputError> {
    try {
      await parseDoc(bytes, 'x.doc');
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
    throw new Error('parsed');
  }

  it('the encrypted flag, Word 6/95, and other Office files are told apart', async () => {
    const doc = new Uint8Array(readFileSync(F('003_4648be2b9eb23052.doc')));
    const fib = Buffer.from(doc).indexOf(Buffer.from([0xec, 0xa5]), 512);
    const old = doc.slice();
    old[fib + 2] = 0x68; // nFib 0x0068: Word 95
    old[fib + 3] = 0x00;
    expect((await codeOf(old)).code).toBe('doc-old-version');
    expect((await codeOf(new Uint8Array(readFileSync(F('bad/doc-encrypted.doc'))))).code).toBe(
      'doc-encrypted',
    );
    const notWord = doc.slice();
    notWord[fib] = 0; // not the Word magic number
    expect((await codeOf(notWord)).details).toEqual({ kind: 'ole' });
    expect((await codeOf(new TextEncoder().encode('Kế hoạch số 12/KH-UBND\n'))).details).toEqual({
      kind: 'text',
    });
    expect((await codeOf(readFileSync(F('000_a2bc4216fc60fd38.pdf')))).details).toEqual({ kind: 'pdf' });
    expect((await codeOf(readFileSync(F('000_a2bc4216fc60fd38.docx')))).details).toEqual({ kind: 'zip' });
  });

  it('a damaged .doc (bytes changed or cut anywhere) is an InputError, never a crash', async () => {
    const base = readFileSync(F('003_4648be2b9eb23052.doc'));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 60; i++) {
      const bytes = Buffer.from(base);
      if (i % 2 === 0)
        for (let k = 0; k < 12; k++)
          bytes[512 + Math.floor(random() * (bytes.length - 512))] = Math.floor(random() * 256);
      const data = i % 2 === 1 ? bytes.subarray(0, Math.floor(random() * bytes.length)) : bytes;
      await parseDoc(new Uint8Array(data), 'x.doc').catch((error: unknown) => {
        expect(error).toBeInstanceOf(InputError);
      });
    }
  });

  it('the text-length limit applies to a .doc (its body and footnotes)', async () => {
    const bytes = new Uint8Array(readFileSync(F('003_4648be2b9eb23052.doc')));
    const error = await parseDoc(bytes, 'x.doc', { ...DEFAULT_LIMITS, textLength: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).details).toMatchObject({ limit: 'textLength' });
  });

  it('every kind and damaged part has words in both languages', () => {
    for (const kind of NOT_WORD_KIND_NAMES) {
      for (const lang of ['vi', 'en'] as const)
        expect(formatInputError(new InputError('doc-not-word', { kind }), lang)).not.toMatch(/undefined|\?/);
    }
    for (const part of DOC_PART_NAMES) {
      for (const lang of ['vi', 'en'] as const)
        expect(formatInputError(new InputError('doc-corrupt', { part }), lang)).not.toMatch(/undefined|\?/);
    }
  });
});
