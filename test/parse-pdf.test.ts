/**
 * The .pdf parser: the committed fixtures (the four plans exported by LibreOffice, the NFD and
 * appendix variants) against their seed text, pdf.js item dumps of a PDF whose writer fell back
 * to a second font for Vietnamese letters, paragraph rules on hand-made visual lines, the
 * Vietnamese repairs, and bad input (not a PDF, damaged, password, scan).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Paragraph, Root, Text } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildTree, parsePdf } from '../src/parse/pdf.js';
import {
  layoutPage,
  markFurniture,
  type PageLayout,
  type PdfItem,
  type VisualLine,
} from '../src/parse/pdf-layout.js';
import { hasCombiningMark, isSyllable, repairLine } from '../src/parse/pdf-vietnamese.js';
import type { NodeData } from '../src/parse/types.js';
import { InputError } from '../src/util/errors.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures');
const PLANS = [
  '000_a2bc4216fc60fd38',
  '002_06484e6e4818e0d7',
  '003_4648be2b9eb23052',
  '004_a5398dc3df371b71',
];

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const collapse = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const paragraphs = (tree: Root): Paragraph[] =>
  tree.children.filter((n): n is Paragraph => n.type === 'paragraph');
const textOf = (p: Paragraph): string => p.children.map((c) => (c.type === 'text' ? c.value : '\n')).join('');
const page = (n: { data?: unknown }): number | undefined => (n.data as NodeData | undefined)?.page;

/** A seed's paragraphs (blank-line separated), markdown marks dropped, whitespace collapsed. */
function seedParagraphs(base: string): string[] {
  const text = readFileSync(join(FIXTURES, `${base}.txt`), 'utf8').replace(/\r/gu, '');
  return text
    .split(/\n\s*\n/u)
    .map((p) =>
      collapse(
        p
          .split('\n')
          .map((l) => l.replace(/^#+\s*/u, '').replace(/\*+/gu, ''))
          .join(' '),
      ),
    )
    .filter(Boolean);
}

/**
 * The seed's body: the paragraphs after the one holding "KẾ HOẠCH" and before "Nơi nhận" (the
 * header table, the title paragraph and the footer table are laid out differently on paper).
 */
function seedBody(base: string): string[] {
  const all = seedParagraphs(base);
  const title = all.findIndex((p) => /^KẾ HOẠCH\b/u.test(p));
  const footer = all.findIndex((p) => /^Nơi nhận/u.test(p));
  return all.slice(title + 1, footer < 0 ? undefined : footer);
}

const parsed = new Map<string, Promise<Awaited<ReturnType<typeof parsePdf>>>>();
function parseFixture(rel: string): ReturnType<typeof parsePdf> {
  if (!parsed.has(rel)) parsed.set(rel, parsePdf(read(join(FIXTURES, rel)), rel));
  return parsed.get(rel)!;
}

// ── fixtures ──────────────────────────────────────────────────────────────────────────────────

describe('parsePdf on the plan fixtures', () => {
  for (const base of PLANS) {
    it(`${base}.pdf: every body paragraph of the seed comes out as one paragraph`, async () => {
      const doc = await parseFixture(`${base}.pdf`);
      expect(doc.format).toBe('pdf');
      expect(doc.source).toBeNull();
      expect(doc.filePath).toBe(`${base}.pdf`);
      const got = new Set(paragraphs(doc.tree).map((p) => collapse(textOf(p))));
      const body = seedBody(base);
      expect(body.length).toBeGreaterThan(40);
      const missing = body.filter((p) => !got.has(p));
      expect(missing).toEqual([]);
      // And over the whole seed (header/title/footer included), most paragraphs match exactly.
      const all = seedParagraphs(base);
      const matched = all.filter((p) => got.has(p)).length;
      expect(matched / all.length).toBeGreaterThan(0.93);
    });
  }

  it('pages, positions and page data are consistent', async () => {
    for (const base of PLANS) {
      const doc = await parseFixture(`${base}.pdf`);
      expect(doc.pages).toBeGreaterThan(4);
      let lastLine = 0;
      let lastOffset = -1;
      let lastPage = 1;
      for (const p of paragraphs(doc.tree)) {
        const first = p.children[0] as Text;
        expect(page(p)).toBe(page(first));
        expect(p.position!.start).toEqual(first.position!.start);
        for (const c of p.children) {
          expect(c.type).toBe('text');
          const t = c as Text;
          const pos = t.position!;
          expect(page(t)).toBeGreaterThanOrEqual(lastPage);
          expect(page(t)).toBeLessThanOrEqual(doc.pages!);
          lastPage = page(t)!;
          if (t.value === ' ') {
            // The space between two joined lines stands for the line break.
            expect(pos.end.line).toBeGreaterThan(pos.start.line);
            expect(pos.end.column).toBe(1);
            continue;
          }
          expect(pos.start.column).toBe(1);
          expect(pos.end.line).toBe(pos.start.line);
          expect(pos.end.column).toBe(t.value.length + 1);
          expect(pos.end.offset! - pos.start.offset!).toBe(t.value.length);
          expect(pos.start.line).toBeGreaterThan(lastLine);
          expect(pos.start.offset!).toBeGreaterThan(lastOffset);
          lastLine = pos.start.line;
          lastOffset = pos.start.offset!;
          expect(t.value).toBe(t.value.normalize('NFC'));
          expect(t.value).toBe(t.value.trim());
        }
      }
      expect(lastPage).toBe(doc.pages);
    }
  });

  it('splits the two-column header and footer: Số, the date line and the motto are their own paragraphs', async () => {
    const doc = await parseFixture('000_a2bc4216fc60fd38.pdf');
    const texts = paragraphs(doc.tree).map(textOf);
    expect(texts.slice(0, 5)).toEqual([
      'Số: /KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Bình Phước, ngày tháng năm 2024',
      'KẾ HOẠCH',
    ]);
    // Footer: the Nơi nhận column first, then the signature column, one line each.
    const at = texts.indexOf('Nơi nhận:');
    expect(at).toBeGreaterThan(100);
    expect(texts[at - 1]).toMatch(/\.\/\.$/u);
    expect(texts.slice(at + 1, at + 3)).toEqual(['- Bộ LĐTBXH;', '- Vụ Bình đẳng giới;']);
    const lưu = texts.indexOf('- Lưu: VT, KGVX (Ch-14).');
    expect(lưu).toBeGreaterThan(at);
    expect(texts.slice(lưu + 1, lưu + 3)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });

  it('a recipient wrapped inside the Nơi nhận column is rejoined', async () => {
    const doc = await parseFixture('004_a5398dc3df371b71.pdf');
    const texts = paragraphs(doc.tree).map(textOf);
    expect(texts).toContain('- Các Phòng, ngành thành viên Ban vì sự tiến bộ của phụ nữ huyện (t/h);');
    expect(texts.indexOf('TM. ỦY BAN NHÂN DÂN')).toBeGreaterThan(texts.indexOf('- Lưu: VT, LĐTBXH.'));
  });

  it('joins a line that ends in a hyphen after a letter without a space, keeping the hyphen', async () => {
    const doc = await parseFixture('002_06484e6e4818e0d7.pdf');
    const joined = paragraphs(doc.tree).filter((p) =>
      p.children.some((c, i) => {
        const next = p.children[i + 1];
        return c.type === 'text' && /\p{L}-$/u.test(c.value) && next?.type === 'text' && next.value !== ' ';
      }),
    );
    expect(joined.length).toBeGreaterThan(1);
    const texts = joined.map(textOf);
    expect(texts.some((t) => t.includes('Quyết định 1719/QĐ-TTg ngày 14/10/2021'))).toBe(true);
    expect(texts.some((t) => t.includes('mô hình Địa chỉ tin cậy-nhà tạm lánh'))).toBe(true);
  });

  it('a PDF written from decomposed (NFD) text reads like the NFC one, words whole', async () => {
    const nfd = paragraphs((await parseFixture('variants/002_nfd.pdf')).tree).map(textOf);
    const nfc = paragraphs((await parseFixture('002_06484e6e4818e0d7.pdf')).tree).map(textOf);
    expect(nfd).toEqual(nfc);
    const all = nfd.join('\n');
    expect(all).toContain('các cấp ủy Đảng');
    expect(all).toContain('của Ủy ban nhân dân tỉnh');
    expect(all).toContain('phòng ngừa và ứng phó với bạo lực');
    expect(all).not.toMatch(/ủ y|Ủ y|ứ ng/u);
    expect(all).not.toMatch(/\p{M}/u);
  });

  it('the appendix variant: body unchanged, the table comes out as paragraphs in page order', async () => {
    const doc = await parseFixture('variants/004_appendix.pdf');
    const texts = paragraphs(doc.tree).map((p) => collapse(textOf(p)));
    const got = new Set(texts);
    expect(seedBody('004_a5398dc3df371b71').filter((p) => !got.has(p))).toEqual([]);
    const appendix = texts.indexOf('PHỤ LỤC');
    expect(appendix).toBeGreaterThan(texts.indexOf('Y Lan'));
    expect(texts.slice(appendix).join(' ')).toContain('Mục tiêu 2: Trong lĩnh vực kinh tế, lao động');
  });
});

// ── overlays: a PDF writer that draws the missing Vietnamese letters in a second pass ─────────

/** Items as pdf.js reports them (stream order: first pass, then the fallback font's glyphs). */
function items(
  host: Array<[string, number, number]>,
  overlay: Array<[string, number, number]>,
  y = 100,
): PdfItem[] {
  return [...host, ...overlay].map(([str, x0, x1]) => ({ str, x0, x1, y, size: 14 }));
}
const lineText = (its: PdfItem[]): string =>
  layoutPage(2, 595, 842, its)
    .lines.map((l) => l.text)
    .join(' | ');

describe('overlay glyphs (LibreOffice with a font lacking ạ ả … ư ơ)', () => {
  // pdf.js item dumps of lines of a LibreOffice export whose Times New Roman fell back to
  // DejaVu for the letters Liberation Serif 1.07 does not have.
  it('puts each letter in the hole of the word under it', () => {
    expect(
      lineText(
        items(
          [
            ['T NH TH', 110.9, 167.2],
            ['NGHI', 181.7, 216.3],
            ['M', 226.2, 238.5],
          ],
          [
            ['Ỉ', 119.6, 125.7],
            ['Ử', 167.2, 178.5],
            ['Ệ', 216.4, 226.3],
          ],
        ),
      ),
    ).toBe('TỈNH THỬ NGHIỆM');
    expect(
      lineText(
        items(
          [
            ['15. Đ', 113.5, 144.6],
            ['ngh H i Liên hi p Ph', 156.7, 285.1],
            ['n', 297.6, 304.6],
            ['t nh', 317.1, 339.4],
          ],
          [
            ['ề', 144.6, 153.2],
            ['ị', 177.7, 182.1],
            ['ộ', 195.8, 204.2],
            ['ệ', 251.7, 259.9],
            ['ụ', 285.1, 294.2],
            ['ữ ỉ', 304.6, 325.5],
          ],
        ),
      ),
    ).toBe('15. Đề nghị Hội Liên hiệp Phụ nữ tỉnh');
  });

  it('keeps the real space that shared a hole with a letter', () => {
    expect(
      lineText(
        items(
          [
            ['- Ch tiêu 1: Tăng t', 113.5, 220.9],
            ['l', 232.3, 236.2],
            ['lao đ ng n', 248.0, 308.5],
            ['làm công h', 321.0, 383.2],
            ['ng l', 400.6, 422.0],
            ['ng đ t 50%.', 439.4, 508.8],
          ],
          [
            ['ỉ', 138.0, 142.5],
            ['ỷ ệ', 221.0, 244.6],
            ['ộ', 275.7, 284.1],
            ['ữ', 308.5, 317.6],
            ['ưở', 383.3, 400.8],
            ['ươ', 422.1, 439.6],
            ['ạ', 464.0, 472.4],
          ],
        ),
      ),
    ).toBe('- Chỉ tiêu 1: Tăng tỷ lệ lao động nữ làm công hưởng lương đạt 50%.');
    expect(
      lineText(
        items(
          [
            ['Trên c', 113.5, 150.1],
            ['s', 162.3, 167.8],
            ['d', 180.2, 187.2],
            ['toán đ', 200.0, 235.1],
            ['ngh c', 247.7, 283.2],
            ['a các c', 292.2, 331.2],
            ['quan, đ', 343.5, 385.1],
            ['n v , tham m', 393.6, 466.1],
            ['u UBND t nh', 475.1, 551.9],
          ],
          [
            ['ơ', 150.1, 158.5],
            ['ở', 167.9, 176.3],
            ['ự', 187.3, 196.3],
            ['ề', 235.3, 243.9],
            ['ị', 268.8, 273.3],
            ['ủ', 283.4, 292.5],
            ['ơ', 331.4, 339.9],
            ['ơ', 385.4, 393.8],
            ['ị', 411.8, 416.3],
            ['ư', 466.6, 475.6],
            ['ỉ', 534.1, 538.5],
          ],
        ),
      ),
    ).toBe('Trên cơ sở dự toán đề nghị của các cơ quan, đơn vị, tham mưu UBND tỉnh');
    expect(
      lineText(
        items(
          [
            ['s', 85.2, 90.6],
            ['gi', 102.6, 113.5],
            ['i góp ph', 121.9, 167.8],
            ['n xóa b', 176.3, 217.5],
            ['các quan ni m, t', 229.4, 323.2],
            ['t', 335.7, 339.6],
            ['ng l c h u, đ nh ki', 357.1, 465.6],
            ['n gi', 474.2, 495.6],
            ['i.', 504.1, 511.5],
          ],
          [
            ['ở', 90.6, 99.0],
            ['ớ', 113.4, 121.8],
            ['ầ', 167.8, 176.3],
            ['ỏ', 217.6, 226.0],
            ['ệ', 293.2, 301.4],
            ['ư ưở', 323.2, 357.0],
            ['ạ', 378.4, 386.8],
            ['ậ', 403.5, 411.8],
            ['ị', 432.9, 437.4],
            ['ế', 465.7, 474.3],
            ['ớ', 495.7, 504.1],
          ],
        ),
      ),
    ).toBe('sở giới góp phần xóa bỏ các quan niệm, tư tưởng lạc hậu, định kiến giới.');
  });

  it('does not take a table cell drawn after the one to its right for an overlay', () => {
    // The right cell of the header table written before the left one: no overlap, no overlay;
    // on page 1 the two lines are a header block, left column first.
    const its: PdfItem[] = [
      { str: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x0: 270.2, x1: 546.7, y: 68.9, size: 13 },
      { str: 'Độc lập - Tự do - Hạnh phúc', x0: 325.2, x1: 491.8, y: 83.8, size: 13 },
      { str: 'ỦY BAN NHÂN DÂN', x0: 112.5, x1: 236.8, y: 68.9, size: 13 },
      { str: 'TỈNH BÌNH PHƯỚC', x0: 110.9, x1: 238.5, y: 83.8, size: 13 },
    ];
    const lines = layoutPage(1, 595, 842, its).lines;
    expect(lines.map((l) => l.text)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH PHƯỚC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
    expect(lines.map((l) => l.column?.side)).toEqual(['left', 'left', 'right', 'right']);
    // Elsewhere (not the top of page 1, no "Nơi nhận"), a gutter does not reorder anything.
    expect(layoutPage(3, 595, 842, its).lines.map((l) => l.text)).toEqual([
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH BÌNH PHƯỚC Độc lập - Tự do - Hạnh phúc',
    ]);
  });

  it('a footer block starts at "Nơi nhận", not at the short last line above it', () => {
    const at = (str: string, x0: number, x1: number, y: number, size = 14): PdfItem => ({
      str,
      x0,
      x1,
      y,
      size,
    });
    const lines = layoutPage(5, 595, 842, [
      at('Trên đây là Kế hoạch triển khai thực hiện công tác bình đẳng giới trên địa', 113.5, 538, 100),
      at('bàn tỉnh năm 2024./.', 85.2, 210, 117.7),
      at('Nơi nhận:', 90.6, 142, 141.4, 12),
      at('KT. CHỦ TỊCH', 365, 462, 142.5),
      at('- Bộ LĐTBXH;', 90.6, 160, 155.3, 11),
      at('PHÓ CHỦ TỊCH', 362, 466, 160.2),
      at('- Lưu: VT, KGVX.', 90.6, 170, 169.2, 11),
    ]).lines;
    expect(lines.map((l) => [l.text, l.column?.side])).toEqual([
      ['Trên đây là Kế hoạch triển khai thực hiện công tác bình đẳng giới trên địa', undefined],
      ['bàn tỉnh năm 2024./.', undefined],
      ['Nơi nhận:', 'left'],
      ['- Bộ LĐTBXH;', 'left'],
      ['- Lưu: VT, KGVX.', 'left'],
      ['KT. CHỦ TỊCH', 'right'],
      ['PHÓ CHỦ TỊCH', 'right'],
    ]);
  });
});

// ── paragraphs from hand-made visual lines ───────────────────────────────────────────────────

/** A4 page, text from x=85 to x=538, 14 pt, line pitch 17.7, 6 pt after paragraphs. */
function pageOf(
  n: number,
  rows: Array<[string, 'first' | 'cont' | 'last' | 'one', number?]>,
  y0 = 70,
): PageLayout {
  let y = y0;
  const lines: VisualLine[] = rows.map(([text, kind, x1]) => {
    const x0 = kind === 'first' || kind === 'one' ? 113.5 : 85.2;
    const right = x1 ?? (kind === 'last' || kind === 'one' ? 300 : 538);
    const line: VisualLine = { page: n, text, x0, x1: right, y, size: 14 };
    y += kind === 'last' || kind === 'one' ? 23.7 : 17.7;
    return line;
  });
  return { page: n, width: 595, height: 842, lines };
}

describe('paragraph rejoining', () => {
  const body = (n: number): Array<[string, 'first' | 'cont' | 'last' | 'one']> => [
    [`Đoạn ${n} dòng đầu thụt vào như văn bản hành chính theo Nghị định`, 'first'],
    ['30/2020/NĐ-CP, các dòng sau sát lề trái và dàn đều hai bên cho đến', 'cont'],
    ['hết đoạn.', 'last'],
  ];

  it('first-line indent and paragraph spacing start paragraphs; lines join with a space node', () => {
    const tree = buildTree([pageOf(1, [...body(1), ...body(2), ...body(3)])]);
    const ps = paragraphs(tree);
    expect(ps.map(textOf)).toEqual(
      [1, 2, 3].map((n) =>
        body(n)
          .map((r) => r[0])
          .join(' '),
      ),
    );
    const p = ps[1]!;
    expect(p.children).toHaveLength(5);
    const [a, space, b] = p.children as Text[];
    expect(a!.position!.start).toEqual({
      line: 4,
      column: 1,
      offset: body(1).reduce((s, r) => s + r[0].length + 1, 0),
    });
    expect(space!.value).toBe(' ');
    expect(space!.position!.start).toEqual(a!.position!.end);
    expect(space!.position!.end).toEqual(b!.position!.start);
    expect(b!.position!.start.line).toBe(5);
  });

  it('a line ending in a hyphen after a letter or digit joins without a space', () => {
    const tree = buildTree([
      pageOf(1, [
        ['Thực hiện Kế hoạch số 122/KH-', 'first', 538],
        ['UBND ngày 13/4/2021 của Ủy ban nhân dân tỉnh về bình đẳng giới giai đoạn 2021-', 'cont'],
        ['2030.', 'last'],
        ['Bộ Lao động - Thương binh và Xã hội hướng dẫn, đôn đốc các địa phương', 'first'],
        ['- Thương binh và Xã hội', 'last'],
      ]),
    ]);
    const ps = paragraphs(tree).map(textOf);
    expect(ps[0]).toBe(
      'Thực hiện Kế hoạch số 122/KH-UBND ngày 13/4/2021 của Ủy ban nhân dân tỉnh về bình đẳng giới giai đoạn 2021-2030.',
    );
    expect(paragraphs(tree)[0]!.children).toHaveLength(3);
    // A dash after a space is punctuation: the next line is a continuation with a space.
    expect(ps[1]).toBe(
      'Bộ Lao động - Thương binh và Xã hội hướng dẫn, đôn đốc các địa phương - Thương binh và Xã hội',
    );
  });

  it('rejoins across a page break, and drops page numbers and pdf-parse markers', () => {
    const p1 = pageOf(1, [
      ...body(1),
      ['Đoạn kéo sang trang sau vẫn dàn đều hai bên đến hết dòng cuối cùng của', 'first'],
    ]);
    const p2 = pageOf(
      2,
      [
        ['2', 'one', 300],
        ['trang, tiếp tục ở đầu trang hai mà không thụt đầu dòng.', 'last'],
        ['-- 2 of 3 --', 'one'],
        ...body(2),
      ],
      40,
    );
    p2.lines[0]!.x0 = 290;
    p2.lines[0]!.x1 = 297;
    p2.lines[0]!.y = 40;
    const p3 = pageOf(3, [['3', 'one'], ...body(3)], 40);
    p3.lines[0]!.x0 = 290;
    p3.lines[0]!.x1 = 297;
    markFurniture([p1, p2, p3]);
    expect(p2.lines[0]!.dropped).toBe(true);
    expect(p2.lines[2]!.dropped).toBe(true);
    const tree = buildTree([p1, p2, p3]);
    const ps = paragraphs(tree);
    expect(ps.map(textOf)).toEqual([
      body(1)
        .map((r) => r[0])
        .join(' '),
      'Đoạn kéo sang trang sau vẫn dàn đều hai bên đến hết dòng cuối cùng của trang, tiếp tục ở đầu trang hai mà không thụt đầu dòng.',
      body(2)
        .map((r) => r[0])
        .join(' '),
      body(3)
        .map((r) => r[0])
        .join(' '),
    ]);
    const split = ps[1]!;
    expect(page(split)).toBe(1);
    expect(split.children.map(page)).toEqual([1, 1, 2]);
    // The dropped page number keeps its line number: the continuation is line 6, not 5.
    expect((split.children[2] as Text).position!.start.line).toBe(6);
  });

  it('a label after a line that ends a sentence starts a paragraph even without indent or spacing', () => {
    const lines: VisualLine[] = [
      'a) Chủ động ban hành kế hoạch và tổ chức triển khai thực hiện các giải',
      'pháp cụ thể theo phân công nhiệm vụ tại các Kế hoạch đã phê duyệt;',
      'b) Rà soát, đánh giá và tiếp tục duy trì, nhân rộng các mô hình thúc đẩy',
      'bình đẳng giới đã và đang được triển khai.',
      '- Bộ Lao động',
    ].map((text, i) => ({ page: 1, text, x0: 85.2, x1: i === 4 ? 170 : 538, y: 70 + 17.7 * i, size: 14 }));
    expect(paragraphs(buildTree([{ page: 1, width: 595, height: 842, lines }])).map(textOf)).toEqual([
      `${lines[0]!.text} ${lines[1]!.text}`,
      `${lines[2]!.text} ${lines[3]!.text}`,
      '- Bộ Lao động',
    ]);
  });
});

// ── Vietnamese repairs ──────────────────────────────────────────────────────────────────────

describe('Vietnamese repairs', () => {
  it('knows the shape of a syllable', () => {
    for (const w of ['người', 'nghiêng', 'khuya', 'quốc', 'giữa', 'Ủy', 'tỉnh', 'THÀNH', 'huynh', 'khuếch'])
      expect(isSyllable(w), w).toBe(true);
    for (const w of ['ng', 'ơy', 'tỷlệ', 'nghịcủa', 'UBND', 'KH', 'tỈnh', 'ươ', 'ảả'])
      expect(isSyllable(w), w).toBe(false);
  });

  it('rejoins words pdf.js split around combining marks, then NFC', () => {
    expect(repairLine('các cấp u\u0309 y Đảng')).toBe('các cấp ủy Đảng');
    expect(repairLine('phòng ngừa và ư\u0301 ng phó')).toBe('phòng ngừa và ứng phó');
    expect(repairLine('của U\u0309 y ban nhân dân')).toBe('của Ủy ban nhân dân');
    expect(repairLine('nơi ăn ơ\u0309 , tư vấn')).toBe('nơi ăn ở, tư vấn');
    expect(repairLine('Bi\u0300nh ddẳng a \u0300 b')).toBe('Bình ddẳng à b');
  });

  it('joins a fragment that cannot stand alone, never two words that can', () => {
    expect(repairLine('ứ ng phó')).toBe('ứng phó');
    expect(repairLine('th ủ tướng')).toBe('thủ tướng');
    expect(repairLine('bộ phận một cửa')).toBe('bộ phận một cửa');
    expect(repairLine('có y tế, ở y tế')).toBe('có y tế, ở y tế');
    expect(repairLine('Sở Y tế; 122/KH-UBND ngày 13/4/2021')).toBe('Sở Y tế; 122/KH-UBND ngày 13/4/2021');
    expect(repairLine('  nhiều   khoảng  trắng ')).toBe('nhiều khoảng trắng');
    expect(repairLine('tab\tand\u00a0no-break\u2003em')).toBe('tab and no-break em');
  });

  it('the quick combining-mark test agrees with \\p{M} on every BMP character and astral marks', () => {
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const text = `ab${ch}c`;
      if (hasCombiningMark(text) !== /\p{M}/u.test(text)) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
    expect(hasCombiningMark('x\u{1d165}y')).toBe(true); // MUSICAL SYMBOL COMBINING STEM
    expect(hasCombiningMark('x\u{1d400}y')).toBe(false); // MATHEMATICAL BOLD CAPITAL A
  });
});

// ── bad input ───────────────────────────────────────────────────────────────────────────────

/**
 * A one-page PDF with Helvetica text lines (or none), offsets computed; `rotate` sets the page's
 * /Rotate, `stamp` adds a line drawn at 45°.
 */
function minimalPdf(
  text: string | string[] | null,
  opts: { rotate?: number; stamp?: string } = {},
): Uint8Array {
  const lines = text === null ? [] : Array.isArray(text) ? text : [text];
  let content = lines.map((t, i) => `BT /F1 14 Tf 72 ${770 - 20 * i} Td (${t}) Tj ET`).join('\n');
  if (opts.stamp) content += `\nBT /F1 20 Tf 0.7071 0.7071 -0.7071 0.7071 300 300 Tm (${opts.stamp}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate ${opts.rotate ?? 0} /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

async function errorCode(data: Uint8Array): Promise<string> {
  try {
    await parsePdf(data, 'x.pdf');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).code;
  }
  return 'no error';
}

describe('bad input', () => {
  it('reads a minimal PDF', async () => {
    const doc = await parsePdf(minimalPdf('KE HOACH so 01/KH-UBND'), 'min.pdf');
    expect(doc.pages).toBe(1);
    expect(paragraphs(doc.tree).map(textOf)).toEqual(['KE HOACH so 01/KH-UBND']);
  });

  it('reads a page shown rotated, and leaves out text at an angle', async () => {
    const lines = ['I. KE HOACH so 01/KH-UBND.', '1. Thuc hien nhiem vu nam 2024'];
    for (const rotate of [90, 180, 270]) {
      const doc = await parsePdf(minimalPdf(lines, { rotate, stamp: 'DA KY SO' }), 'rot.pdf');
      expect(paragraphs(doc.tree).map(textOf), `rotate ${rotate}`).toEqual(lines);
    }
  });

  it('not a PDF, or a damaged one → pdf-corrupt', async () => {
    expect(await errorCode(read(join(FIXTURES, '000_a2bc4216fc60fd38.docx')))).toBe('pdf-corrupt');
    expect(await errorCode(new Uint8Array(Buffer.from('%PDF-1.7\nthis is not really a pdf\n')))).toBe(
      'pdf-corrupt',
    );
    const whole = read(join(FIXTURES, '000_a2bc4216fc60fd38.pdf'));
    expect(await errorCode(whole.slice(0, 2000))).toBe('pdf-corrupt');
  });

  it('typed with an old 8-bit Vietnamese font (TCVN3 .VnTime) → legacy-encoding', async () => {
    // "Kế hoạch triển khai thực hiện công tác bình đẳng giới …" in TCVN3 bytes, drawn as WinAnsi.
    const tcvn3 =
      'K\xd5 ho\xb9ch tri\xd3n khai th\xf9c hi\xd6n c\xabng t\xb8c b\xd7nh \xae\xbcng gi\xedi n\xa8m 2024';
    const data = minimalPdf([tcvn3, 'tr\xaan \xae\xdea b\xb5n t\xd8nh']);
    try {
      await parsePdf(data, 'vntime.pdf');
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).code).toBe('legacy-encoding');
      expect((error as InputError).details).toEqual({ encoding: 'TCVN3 (ABC)' });
    }
    // Latin-1 letters of real Vietnamese Unicode text are no alarm.
    const doc = await parsePdf(
      minimalPdf(['Tr\xean n\xe0y l\xe0 k\xea ho\xe0ch c\xf3 c\xe1c m\xf4 h\xecnh']),
      'ok.pdf',
    );
    expect(paragraphs(doc.tree).map(textOf)).toEqual(['Trên này là kê hoàch có các mô hình']);
  });

  it('password-protected (qpdf --encrypt, AES-256) → pdf-encrypted', async () => {
    expect(await errorCode(read(join(ROOT, 'test/data/pdf-encrypted.pdf')))).toBe('pdf-encrypted');
  });

  // Scans are read through OCR instead (test/parse-ocr.test.ts); a blank page has nothing to read.
  it('no text layer and nothing drawn → pdf-no-text (no OCR run)', async () => {
    expect(await errorCode(minimalPdf(null))).toBe('pdf-no-text');
  });

  it('leaves the caller’s bytes usable', async () => {
    const data = minimalPdf('KE HOACH');
    const copy = data.slice();
    await parsePdf(data, 'min.pdf');
    expect(data).toEqual(copy);
  });
});
