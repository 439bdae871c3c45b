/**
 * Scanned PDFs through OCR (src/parse/ocr.ts, ocr-tools.ts, src/rules/ocr-confidence.ts).
 *  - Without the tools: TSV reading, word repairs, layout and confidence spans on hand-made
 *    Tesseract output; the caps on OCR'd findings; the message when the tools are missing.
 *  - With them (CI installs them; skipped with the reason otherwise): the corpus's scanned
 *    Quyết định 2605/QĐ-BGDĐT, and seed 003 rasterised to an image-only PDF
 *    (fixtures/scanned/, made by scripts/make-scan-fixture.sh) against the seed's own PDF.
 * Time: the OCR of the 6 + 1 + 1 pages is about 20 s of CPU, ~10–15 s on 2 idle cores.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan, readDocument } from '../src/parse/index.js';
import { fixWord, layoutOcrPages, OCR_HIGH_CONFIDENCE, parseTsv } from '../src/parse/ocr.js';
import type { NodeData } from '../src/parse/types.js';
import type { Plan } from '../src/plan/schema.js';
import { builtinData } from '../src/data/store.js';
import { lintPlan } from '../src/rules/engine.js';
import { rules } from '../src/rules/index.js';
import { applyOcrConfidence, OCR_NOTICE_RULE, OCR_SENSITIVE_RULES } from '../src/rules/ocr-confidence.js';
import type { LintMessage } from '../src/rules/types.js';
import { HAVE_OCR, needsOcr } from './_ocr.js';
import { needsShared } from './_shared.js';
import { emptyPlan } from './rules/_harness.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/kh.js');
const SEED_PDF = join(ROOT, 'fixtures/003_4648be2b9eb23052.pdf');
const SEED_SCAN = join(ROOT, 'fixtures/scanned/003_4648be2b9eb23052_scan.pdf');
const CORPUS_SCAN = [resolve(ROOT, '../shared/corpus/unsupported'), '/work/shared/corpus/unsupported']
  .map((d) => join(d, 'moet_QD2605-QD-BGDDT_2025-09-16_bo-sung-cong-chuc-bo-phan-mot-cua_scan.pdf'))
  .find(existsSync);

/** Deadline for one OCR'd file in these tests (kh's default is 60 s a file). */
const SLOW_MS = 240_000;

const TSV_HEADER =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
/** Tesseract TSV rows: a page row, then words [block, par, line, left, top, width, height, conf, text]. */
function tsv(
  width: number,
  height: number,
  words: Array<[number, number, number, number, number, number, number, number, string]>,
): string {
  const rows = [TSV_HEADER, `1\t1\t0\t0\t0\t0\t0\t0\t${width}\t${height}\t-1\t`];
  words.forEach(([b, p, l, left, top, w, h, conf, text], i) =>
    rows.push(`5\t1\t${b}\t${p}\t${l}\t${i + 1}\t${left}\t${top}\t${w}\t${h}\t${conf}\t${text}`),
  );
  return rows.join('\n');
}

function texts(tree: Root): string[] {
  return tree.children.map((p) =>
    'children' in p ? p.children.map((c) => ('value' in c ? c.value : '')).join('') : '',
  );
}

/** Lower-case words (letters and digits) of every text node, NFC. */
function wordsOf(tree: Root): string[] {
  const out: string[] = [];
  const visit = (n: { type: string; value?: string; children?: unknown[] }): void => {
    if (n.type === 'text' && n.value) out.push(n.value);
    for (const c of (n.children ?? []) as Array<typeof n>) visit(c);
  };
  visit(tree as never);
  return (
    out
      .join(' ')
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Share of `expected`'s words found in `got`, each occurrence used once (multiset overlap). */
function overlap(expected: string[], got: string[]): number {
  const left = new Map<string, number>();
  for (const w of got) left.set(w, (left.get(w) ?? 0) + 1);
  let found = 0;
  for (const w of expected) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      found++;
      left.set(w, n - 1);
    }
  }
  return found / expected.length;
}

describe('Tesseract output → words, repairs, layout (no tools needed)', () => {
  it('reads TSV words with their confidence; drops drawn rules and unsure specks', () => {
    const page = parseTsv(
      1,
      tsv(1654, 2339, [
        [1, 1, 1, 200, 100, 60, 30, 96.5, 'BỘ'],
        [1, 1, 2, 200, 140, 300, 4, 40, '—————————'],
        [1, 1, 3, 200, 180, 20, 20, 30, '„'],
        [1, 1, 3, 240, 180, 20, 20, 95, '-'],
      ]),
    );
    expect(page.width).toBe(1654);
    expect(page.words.map((w) => [w.text, w.conf])).toEqual([
      ['BỘ', 96.5],
      ['-', 95],
    ]);
  });

  it('repairs digit/letter confusions only in unsure words, and a circumflex lost under a tone', () => {
    expect(fixWord('ngàyl6', 73)).toBe('ngày16');
    expect(fixWord('ngàyl6', 96)).toBe('ngàyl6');
    expect(fixWord('QUYÉT', 92)).toBe('QUYẾT');
    expect(fixWord('tiép', 50)).toBe('tiếp');
    // Real syllables and untoned foreign words are left alone.
    expect(fixWord('thé', 50)).toBe('thé');
    expect(fixWord('Email', 50)).toBe('Email');
    expect(fixWord('QL1A', 50)).toBe('QL1A');
  });

  it('lays words out like a text layer: two-column header split, paragraphs joined, unsure words mapped to columns', () => {
    // 200 dpi: 1 px = 0.36 pt. The first line holds both header columns (one Tesseract line).
    const words: Array<[number, number, number, number, number, number, number, number, string]> = [
      [1, 1, 1, 200, 100, 60, 40, 96, 'ỦY'],
      [1, 1, 1, 270, 100, 60, 40, 96, 'BAN'],
      [1, 1, 1, 900, 100, 90, 40, 96, 'CỘNG'],
      [1, 1, 1, 1000, 100, 70, 40, 96, 'HÒA'],
      [1, 1, 2, 200, 150, 50, 40, 95, 'Số:'],
      [1, 1, 2, 260, 150, 140, 40, 95, '01/KH-UBND'],
      [1, 1, 2, 900, 150, 40, 40, 95, 'Độc'],
      [1, 1, 2, 950, 150, 40, 40, 95, 'lập'],
      [2, 1, 1, 200, 400, 90, 40, 97, 'Thực'],
      [2, 1, 1, 300, 400, 70, 40, 60, 'hiên'],
      [2, 1, 1, 380, 400, 1000, 40, 97, 'kế hoạch này đến hết năm'],
      [2, 1, 2, 120, 450, 60, 40, 97, 'tại'],
      [2, 1, 2, 190, 450, 60, 40, 97, 'tỉnh.'],
    ];
    const { layouts, ocr } = layoutOcrPages([parseTsv(1, tsv(1654, 2339, words))], 'tesseract test');
    const lines = layouts[0]!.lines.map((l) => l.text);
    expect(lines).toEqual([
      'ỦY BAN',
      'Số: 01/KH-UBND',
      'CỘNG HÒA',
      'Độc lập',
      'Thực hiên kế hoạch này đến hết năm',
      'tại tỉnh.',
    ]);
    expect(ocr.words).toBe(13);
    expect(ocr.highConfidence).toBe(OCR_HIGH_CONFIDENCE);
    // "hiên" (60) is the only unsure word: line 5, columns 6–10.
    expect(ocr.lowConfidence).toEqual([{ line: 5, column: 6, endColumn: 10 }]);
    expect(lines[4]!.slice(5, 9)).toBe('hiên');
  });
});

describe('findings on OCR text (src/rules/ocr-confidence.ts)', () => {
  const message = (
    ruleId: string,
    line: number,
    column: number,
    endColumn: number,
    severity: LintMessage['severity'] = 'warning',
  ): LintMessage => ({
    ruleId,
    messageId: 'm',
    severity,
    message: 'x',
    line,
    column,
    endLine: line,
    endColumn,
    excerpt: '',
  });
  const ocrPlan = (): Plan => {
    const plan = emptyPlan('scan.pdf');
    plan.source = {
      path: 'scan.pdf',
      format: 'pdf',
      pages: 1,
      ocr: {
        engine: 'tesseract 5.3.0',
        language: 'vie',
        dpi: 200,
        words: 100,
        meanConfidence: 93.5,
        highConfidence: 90,
        lowConfidence: [{ line: 5, column: 6, endColumn: 10 }],
      },
    };
    return plan;
  };

  it('caps the OCR-sensitive rules on unsure words at info, and says once that the text is OCR', () => {
    const out = applyOcrConfidence(
      ocrPlan(),
      [
        message('vietnamese-syllable', 5, 6, 10),
        message('unbalanced-punctuation', 5, 9, 12, 'error'),
        message('repeated-phrase', 5, 1, 5), // ends where the unsure word starts: untouched
        message('vietnamese-syllable', 4, 6, 10), // another line
        message('numbering', 5, 6, 10), // not a rule OCR errors would trigger
      ],
      'en',
    );
    expect(out.map((m) => `${m.ruleId}:${m.severity}`)).toEqual([
      'vietnamese-syllable:info',
      'unbalanced-punctuation:info',
      'repeated-phrase:warning',
      'vietnamese-syllable:warning',
      'numbering:warning',
      `${OCR_NOTICE_RULE}:info`,
    ]);
    expect(out.at(-1)!.message).toContain(
      'read by OCR (tesseract 5.3.0, Vietnamese model, mean word confidence 93.5%); 1 of 100 words',
    );
    expect(applyOcrConfidence(ocrPlan(), [], 'vi')[0]!.message).toContain(
      'nhận dạng chữ (OCR: tesseract 5.3.0',
    );
    expect([...OCR_SENSITIVE_RULES].every((id) => rules.some((r) => r.meta.id === id))).toBe(true);
  });

  it('a message spanning lines is capped when any of its lines touches an unsure word', () => {
    const m: LintMessage = { ...message('repeated-phrase', 4, 30, 3), endLine: 6 };
    expect(applyOcrConfidence(ocrPlan(), [m], 'vi')[0]!.severity).toBe('info');
  });

  it('leaves plans that were not OCR’d alone (no notice)', () => {
    const ms = [message('vietnamese-syllable', 5, 6, 10)];
    expect(applyOcrConfidence(emptyPlan(), ms, 'vi')).toBe(ms);
  });
});

describe('OCR tools missing', () => {
  // A PATH holding node alone: tesseract and pdftoppm are not found.
  it('one clear line naming the packages, in both languages, exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-nopath-'));
    try {
      symlinkSync(process.execPath, join(dir, 'node'));
      const run = (lang: string) =>
        spawnSync(process.execPath, [BIN, '--lang', lang, 'parse', SEED_SCAN], {
          encoding: 'utf8',
          env: { ...process.env, PATH: dir, NO_COLOR: '1' },
        });
      const vi = run('vi');
      expect(vi.status).toBe(2);
      expect(vi.stdout).toBe('');
      expect(vi.stderr).toBe(
        `kh: ${SEED_SCAN}: tệp PDF là bản quét (không có lớp chữ) nên cần nhận dạng chữ (OCR), nhưng máy chưa cài tesseract-ocr tesseract-ocr-vie poppler-utils; hãy cài bằng: sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils\n`,
      );
      const en = run('en');
      expect(en.status).toBe(2);
      expect(en.stderr).toBe(
        `kh: ${SEED_SCAN}: the PDF is a scan (no text layer) and needs OCR, but tesseract-ocr tesseract-ocr-vie poppler-utils are not installed; install with: sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!HAVE_OCR)(needsOcr('scanned PDFs read by Tesseract'), () => {
  let seed: Plan;
  let scan: Plan;
  let seedWords: string[];
  let scanWords: string[];
  let scanTree: Root;
  beforeAll(async () => {
    const seedDoc = await readDocument(SEED_PDF);
    // A generous deadline: the machine running the suite may be busy with other work.
    const scanDoc = await readDocument(SEED_SCAN, undefined, { timeoutMs: SLOW_MS });
    scanTree = scanDoc.tree;
    seedWords = wordsOf(seedDoc.tree);
    scanWords = wordsOf(scanDoc.tree);
    const { buildPlan } = await import('../src/plan/build.js');
    seed = buildPlan(seedDoc);
    scan = buildPlan(scanDoc);
  }, SLOW_MS + 30_000);

  it('seed 003 rasterised (no text layer): ≥ 95 % of the seed’s words, the same header and sections', () => {
    expect(seedWords.length).toBeGreaterThan(2000);
    expect(overlap(seedWords, scanWords)).toBeGreaterThanOrEqual(0.95);
    // Not by reading everything twice: about as many words as the seed.
    expect(scanWords.length / seedWords.length).toBeLessThan(1.05);
    const sections = (p: Plan) => p.sections.map((s) => `${s.numeral}. ${s.heading} (${s.items.length})`);
    expect(sections(scan)).toEqual(sections(seed));
    expect(sections(scan)).toHaveLength(4);
    for (const key of ['issuer', 'number', 'symbol', 'issueDate', 'docType', 'isPlan'] as const)
      expect(scan.meta[key]).toEqual(seed.meta[key]);
  });

  it('says where the text came from: source.ocr, pages in every position', () => {
    expect(scan.source.format).toBe('pdf');
    expect(scan.source.pages).toBe(6);
    expect(scan.source.ocr).toMatchObject({ language: 'vie', dpi: 200, highConfidence: OCR_HIGH_CONFIDENCE });
    expect(scan.source.ocr!.engine).toMatch(/^tesseract \d/u);
    expect(scan.source.ocr!.meanConfidence).toBeGreaterThan(85);
    expect(seed.source.ocr).toBeUndefined();
    const pages = new Set<number>();
    const visit = (n: { type: string; data?: unknown; children?: unknown[] }): void => {
      if (n.type === 'text') {
        const page = (n.data as NodeData | undefined)?.page;
        expect(page).toBeTypeOf('number');
        pages.add(page!);
      }
      for (const c of (n.children ?? []) as Array<typeof n>) visit(c);
    };
    visit(scanTree as never);
    expect([...pages].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(scan.sections[2]!.position.page).toBe(5);
  });

  it('lint: one OCR notice; OCR-sensitive findings on unsure words are info', () => {
    const active = rules.map((rule) => ({
      rule,
      severity: rule.meta.defaultSeverity,
      options: rule.meta.options.parse({}),
    }));
    const messages = lintPlan(scan, active, { lang: 'vi', today: new Date('2026-12-01'), data: builtinData });
    expect(messages.filter((m) => m.ruleId === OCR_NOTICE_RULE)).toHaveLength(1);
    const low = scan.source.ocr!.lowConfidence;
    for (const m of messages) {
      if (!OCR_SENSITIVE_RULES.has(m.ruleId)) continue;
      const touches = low.some(
        (s) =>
          s.line >= m.line &&
          s.line <= m.endLine &&
          (s.line !== m.line || s.endColumn > m.column) &&
          (s.line !== m.endLine || s.column < m.endColumn),
      );
      if (touches) expect(m.severity).toBe('info');
    }
    // The seed's own PDF gets no notice.
    expect(
      lintPlan(seed, active, { lang: 'vi', today: new Date('2026-12-01'), data: builtinData }).some(
        (m) => m.ruleId === OCR_NOTICE_RULE,
      ),
    ).toBe(false);
  });

  it.skipIf(!CORPUS_SCAN)(
    needsShared('the corpus’s scanned Quyết định 2605/QĐ-BGDĐT: its header'),
    async () => {
      const plan = await loadPlan(CORPUS_SCAN!, undefined, { timeoutMs: SLOW_MS });
      expect(plan.meta.number).toBe('2605');
      expect(plan.meta.symbol).toBe('QĐ-BGDĐT');
      expect(plan.meta.issueDate).toBe('2025-09-16');
      expect(plan.meta.issuer).toBe('Bộ Giáo dục và Đào tạo');
      expect(plan.meta.docType).toBe('Quyết định');
      expect(plan.articles.map((a) => a.number)).toEqual([1, 2, 3]);
      expect(plan.source.ocr!.meanConfidence).toBeGreaterThan(85);
    },
    SLOW_MS + 10_000,
  );

  it(
    '--ocr reads a PDF with a text layer through OCR too; without it the text layer is used',
    async () => {
      const page =
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>';
      const content = 'BT /F1 16 Tf 72 760 Td (KE HOACH so 01/KH-UBND) Tj ET';
      const objects = [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        page,
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ];
      let pdf = '%PDF-1.4\n';
      const offsets: number[] = [];
      objects.forEach((o, i) => {
        offsets.push(pdf.length);
        pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
      });
      const xref = pdf.length;
      pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
      pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
      const dir = mkdtempSync(join(tmpdir(), 'kh-ocr-test-'));
      try {
        const file = join(dir, 'typed.pdf');
        writeFileSync(file, pdf, 'latin1');
        const typed = await readDocument(file);
        expect(typed.ocr).toBeUndefined();
        const ocr = await readDocument(file, undefined, { ocr: true, timeoutMs: SLOW_MS });
        expect(ocr.ocr?.words).toBeGreaterThanOrEqual(4);
        expect(texts(ocr.tree).join(' ')).toContain('01/KH-UBND');
        const cli = spawnSync(
          process.execPath,
          [BIN, 'parse', '--ocr', '--timeout-per-file', String(SLOW_MS / 1000), file],
          { encoding: 'utf8' },
        );
        expect(cli.status).toBe(0);
        expect(JSON.parse(cli.stdout).source.ocr.language).toBe('vie');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    2 * SLOW_MS,
  );
});
