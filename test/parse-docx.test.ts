/**
 * The .docx parser: small documents built here with fflate (document.xml, numbering.xml,
 * styles.xml written by hand) for each mechanism, the real office files of shared/corpus/docx
 * (positions checked against their document.xml, labels against what Word/LibreOffice draw), and
 * the generated fixtures (plain vs Word auto-numbering, soft breaks, appendix table, NFD text).
 */
import { needsShared } from './_shared.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Nodes, Root, RootContent, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseDocx, parseDocxDetailed } from '../src/parse/docx.js';
import { InputError } from '../src/util/errors.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures');
const CORPUS = resolve(ROOT, '../shared/corpus');
const CORPUS_DOCX = join(CORPUS, 'docx');

// ── building .docx files ─────────────────────────────────────────────────────────────────────

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function docx(
  body: string,
  parts: { numbering?: string; styles?: string; extra?: Record<string, string> } = {},
): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" ` +
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
        `<w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
  };
  if (parts.numbering)
    files['word/numbering.xml'] = strToU8(`<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.styles) files['word/styles.xml'] = strToU8(`<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  for (const [name, text] of Object.entries(parts.extra ?? {})) files[name] = strToU8(text);
  return zipSync(files);
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A paragraph; `num` = [numId, ilvl]. */
function p(text: string, opts: { num?: [number, number]; style?: string; bold?: boolean } = {}): string {
  const pPr: string[] = [];
  if (opts.style) pPr.push(`<w:pStyle w:val="${opts.style}"/>`);
  if (opts.num)
    pPr.push(`<w:numPr><w:ilvl w:val="${opts.num[1]}"/><w:numId w:val="${opts.num[0]}"/></w:numPr>`);
  const run =
    text === ''
      ? ''
      : `<w:r>${opts.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  return `<w:p w:rsidR="00AB12CD">${pPr.length ? `<w:pPr>${pPr.join('')}</w:pPr>` : ''}${run}</w:p>`;
}

function lvl(ilvl: number, format: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
}

function abstractNum(id: number, levels: string): string {
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${levels}</w:abstractNum>`;
}

function num(numId: number, abstractId: number, overrides = ''): string {
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

// ── reading the tree ─────────────────────────────────────────────────────────────────────────

function text(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  return 'children' in node ? (node.children as Nodes[]).map(text).join('') : '';
}

function blocks(tree: Root): string[] {
  return tree.children.filter((b) => b.type !== 'table').map((b) => text(b));
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const c of node.children as Nodes[]) walk(c, visit);
}

function dataOf(node: Nodes): Record<string, unknown> {
  return (node.data ?? {}) as Record<string, unknown>;
}

/** The contract's invariants, checked on every tree of this file. */
function checkContract(tree: Root): void {
  for (const block of tree.children) {
    expect(['paragraph', 'heading', 'table']).toContain(block.type);
  }
  walk(tree, (node) => {
    expect(node.type).not.toBe('list');
    if (node.type === 'text') {
      const pos = node.position!;
      expect(pos, `text "${node.value}" has a position`).toBeDefined();
      expect(pos.start.line).toBe(pos.end.line);
      expect(dataOf(node)['paragraph']).toBe(pos.start.line);
      expect(pos.start.column).toBeGreaterThanOrEqual(1);
      expect(pos.end.column - pos.start.column).toBe(node.value.length);
      expect(pos.end.offset! - pos.start.offset!).toBe(node.value.length);
      expect(node.value).toBe(node.value.normalize('NFC'));
    }
  });
}

/** Paragraph index → its text rebuilt from the positions of the tree's text and break nodes. */
function paragraphsByPosition(tree: Root): Map<number, string> {
  const chars = new Map<number, string[]>();
  walk(tree, (node) => {
    if (node.type !== 'text' && node.type !== 'break') return;
    if (dataOf(node)['separator']) return;
    const { line, column } = node.position!.start;
    const row = chars.get(line) ?? [];
    const value = node.type === 'text' ? node.value : '\n';
    for (let i = 0; i < value.length; i++) row[column - 1 + i] = value[i]!;
    chars.set(line, row);
  });
  return new Map([...chars].map(([line, row]) => [line, Array.from(row, (c) => c ?? '\u0000').join('')]));
}

async function parse(data: Uint8Array) {
  const result = await parseDocxDetailed(data, 'test.docx');
  checkContract(result.document.tree);
  return result;
}

async function inputErrorOf(data: Uint8Array): Promise<InputError> {
  try {
    await parseDocx(data, 'bad.docx');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

// ── Word automatic numbering ─────────────────────────────────────────────────────────────────

describe('Word automatic numbering → labels', () => {
  it('writes decimal "%1." labels and keeps counting across the list', async () => {
    const { document, stats } = await parse(
      docx(p('Mục đích', { num: [1, 0] }) + p('Yêu cầu', { num: [1, 0] }) + p('Tổ chức', { num: [1, 0] }), {
        numbering: abstractNum(0, lvl(0, 'decimal', '%1.')) + num(1, 0),
      }),
    );
    expect(blocks(document.tree)).toEqual(['1. Mục đích', '2. Yêu cầu', '3. Tổ chức']);
    expect(stats.numbered).toBe(3);
    const first = document.tree.children[0]!;
    expect(first.type).toBe('paragraph');
    // The label is part of the paragraph's text: "Mục đích" starts at column 4.
    expect(text(first)).toBe('1. Mục đích');
    expect(first.position!.start.column).toBe(1);
  });

  it('restarts "%1)" letters under each new decimal item, Word-style (a, b, c, d, e: no đ)', async () => {
    const body =
      p('Nhiệm vụ', { num: [1, 0] }) +
      ['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu'].map((t) => p(t, { num: [1, 1] })).join('') +
      p('Giải pháp', { num: [1, 0] }) +
      p('Bảy', { num: [1, 1] });
    const { document } = await parse(
      docx(body, {
        numbering: abstractNum(0, lvl(0, 'decimal', '%1.') + lvl(1, 'lowerLetter', '%2)')) + num(1, 0),
      }),
    );
    expect(blocks(document.tree)).toEqual([
      '1. Nhiệm vụ',
      'a) Một',
      'b) Hai',
      'c) Ba',
      'd) Bốn',
      'e) Năm',
      'f) Sáu',
      '2. Giải pháp',
      'a) Bảy',
    ]);
  });

  it('writes multi-level "%1.%2." labels', async () => {
    const body =
      p('A', { num: [3, 0] }) +
      p('A1', { num: [3, 1] }) +
      p('A2', { num: [3, 1] }) +
      p('B', { num: [3, 0] }) +
      p('B1', { num: [3, 1] });
    const { document } = await parse(
      docx(body, {
        numbering: abstractNum(7, lvl(0, 'decimal', '%1.') + lvl(1, 'decimal', '%1.%2.')) + num(3, 7),
      }),
    );
    expect(blocks(document.tree)).toEqual(['1. A', '1.1. A1', '1.2. A2', '2. B', '2.1. B1']);
  });

  it('upperRoman, w:start, a startOverride restart, a shared abstractNum continuing, numId 0', async () => {
    const numbering =
      abstractNum(0, lvl(0, 'upperRoman', '%1.')) +
      abstractNum(
        1,
        `<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>`,
      ) +
      num(1, 0) +
      num(2, 1) +
      num(3, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>') +
      num(4, 0); // same list as numId 1: continues it
    const body =
      p('MỤC ĐÍCH', { num: [1, 0] }) +
      p('ba', { num: [2, 0] }) +
      p('bốn', { num: [2, 0] }) +
      p('không số', { num: [0, 0] }) +
      p('lại một', { num: [3, 0] }) +
      p('lại hai', { num: [3, 0] }) +
      p('NHIỆM VỤ', { num: [4, 0] });
    const { document } = await parse(docx(body, { numbering }));
    expect(blocks(document.tree)).toEqual([
      'I. MỤC ĐÍCH',
      '3. ba',
      '4. bốn',
      'không số',
      '1. lại một',
      '2. lại hai',
      'II. NHIỆM VỤ',
    ]);
  });

  it('writes bullets as "- " (dash, en dash, Symbol bullet) and "+ "', async () => {
    const numbering =
      abstractNum(
        0,
        lvl(0, 'bullet', '-') + lvl(1, 'bullet', '+') + lvl(2, 'bullet', '\uF0B7') + lvl(3, 'bullet', '–'),
      ) + num(1, 0);
    const body =
      p('gạch', { num: [1, 0] }) +
      p('cộng', { num: [1, 1] }) +
      p('chấm', { num: [1, 2] }) +
      p('ngang', { num: [1, 3] });
    const { document } = await parse(docx(body, { numbering }));
    expect(blocks(document.tree)).toEqual(['- gạch', '+ cộng', '- chấm', '- ngang']);
  });

  it('follows numbering attached to a paragraph style (basedOn chain), and w:suff nothing', async () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="Muc con"/><w:basedOn w:val="Muc"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering =
      abstractNum(2, lvl(0, 'decimal', '%1.') + lvl(1, 'lowerLetter', '%2)', '<w:suff w:val="nothing"/>')) +
      num(5, 2);
    const body =
      p('Một', { style: 'Muc' }) + p('con', { style: 'MucCon' }) + p('Hai', { style: 'Muc' }) + p('thường');
    const { document } = await parse(docx(body, { numbering, styles }));
    expect(blocks(document.tree)).toEqual(['1. Một', 'a)con', '2. Hai', 'thường']);
  });

  it('letters past z double up as Word does (aa, bb)', async () => {
    const numbering = abstractNum(0, lvl(0, 'lowerLetter', '%1)')) + num(1, 0);
    const body = Array.from({ length: 28 }, (_, i) => p(`điểm ${i + 1}`, { num: [1, 0] })).join('');
    const { document } = await parse(docx(body, { numbering }));
    const labels = blocks(document.tree).map((t) => t.split(' ')[0]);
    expect(labels.slice(0, 6)).toEqual(['a)', 'b)', 'c)', 'd)', 'e)', 'f)']);
    expect(labels.slice(25)).toEqual(['z)', 'aa)', 'bb)']);
  });

  it('maps Word heading styles to headings; keeps italic, strikethrough and links', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>' +
      '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>';
    const body =
      p('Phụ lục', { style: 'Heading2' }) +
      '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">nghiêng </w:t></w:r>' +
      '<w:r><w:rPr><w:strike/></w:rPr><w:t>gạch</w:t></w:r>' +
      '<w:hyperlink w:anchor="muc1"><w:r><w:t xml:space="preserve"> liên kết</w:t></w:r></w:hyperlink>' +
      '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve"> đậm</w:t></w:r></w:p>';
    const { document } = await parse(docx(body, { styles }));
    const [heading, para] = document.tree.children;
    expect(heading).toMatchObject({ type: 'heading', depth: 2 });
    expect(text(heading!)).toBe('Phụ lục');
    expect(para!.type === 'paragraph' && para!.children.map((n) => n.type)).toEqual([
      'emphasis',
      'delete',
      'link',
      'strong',
    ]);
    expect(text(para!)).toBe('nghiêng gạch liên kết đậm');
    expect(para!.type === 'paragraph' && para!.children[2]).toMatchObject({ type: 'link', url: '#muc1' });
  });

  it('keeps a bold-only heading as a paragraph with strong', async () => {
    const { document } = await parse(docx(p('I. MỤC ĐÍCH, YÊU CẦU', { bold: true }) + p('Nội dung')));
    const heading = document.tree.children[0]!;
    expect(heading.type).toBe('paragraph');
    expect(heading.type === 'paragraph' && heading.children[0]!.type).toBe('strong');
    expect(text(heading)).toBe('I. MỤC ĐÍCH, YÊU CẦU');
  });
});

// ── positions, breaks, text ──────────────────────────────────────────────────────────────────

describe('positions and text', () => {
  it('numbers every w:p (empty ones and table cells included) and counts columns inside it', async () => {
    const body =
      p('Đầu') + // 1
      p('') + // 2 (empty: dropped, still counted)
      '<w:tbl><w:tr><w:tc>' +
      p('ô một') /* 3 */ +
      p('ô hai') /* 4 */ +
      '</w:tc><w:tc>' +
      p('ô ba') /* 5 */ +
      '</w:tc></w:tr></w:tbl>' +
      '<w:p><w:r><w:t xml:space="preserve">Xin </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>chào</w:t></w:r></w:p>' + // 6
      '<w:p/>' + // 7
      p('Cuối'); // 8
    const { document, stats } = await parse(docx(body));
    expect(stats.paragraphs).toBe(8);
    expect(stats.seen).toBe(8);
    const byLine = paragraphsByPosition(document.tree);
    expect([...byLine]).toEqual([
      [1, 'Đầu'],
      [3, 'ô một'],
      [4, 'ô hai'],
      [5, 'ô ba'],
      [6, 'Xin chào'],
      [8, 'Cuối'],
    ]);
    // "chào" is bold, at column 5 of paragraph 6.
    let chao: Nodes | undefined;
    walk(document.tree, (n) => {
      if (n.type === 'text' && n.value === 'chào') chao = n;
    });
    expect(chao!.position!.start).toMatchObject({ line: 6, column: 5 });
    // Offsets run through the paragraphs joined by "\n": 1 "Đầu", 2 "", 3 "ô một", 4 "ô hai", 5 "ô ba", 6 …
    expect(chao!.position!.start.offset).toBe('Đầu\n\nô một\nô hai\nô ba\nXin '.length);
    // Two paragraphs of a cell are separated by a zero-width separator break.
    const table = document.tree.children.find((b): b is Table => b.type === 'table')!;
    const cell = table.children[0]!.children[0]!;
    expect(cell.children.map((n) => n.type)).toEqual(['text', 'break', 'text']);
    expect(dataOf(cell.children[1]!)['separator']).toBe(true);
    expect(dataOf(cell)['paragraph']).toBe(3);
  });

  it('turns soft line breaks (w:br, w:cr) into break nodes that count one column', async () => {
    const body =
      '<w:p><w:r><w:t>Kính gửi:</w:t><w:br/><w:t>- UBND tỉnh;</w:t><w:cr/><w:t>- Sở Nội vụ.</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>Sau</w:t><w:br w:type="page"/><w:t>trang</w:t></w:r></w:p>';
    const { document } = await parse(docx(body));
    const first = document.tree.children[0]!;
    expect(first.type === 'paragraph' && first.children.map((n) => n.type)).toEqual([
      'text',
      'break',
      'text',
      'break',
      'text',
    ]);
    expect(text(first)).toBe('Kính gửi:\n- UBND tỉnh;\n- Sở Nội vụ.');
    const third = first.type === 'paragraph' ? first.children[4]! : undefined;
    expect(third!.position!.start).toMatchObject({ line: 1, column: 'Kính gửi:\n- UBND tỉnh;\n'.length + 1 });
    // A page break is not a line break.
    expect(text(document.tree.children[1]!)).toBe('Sautrang');
  });

  it('normalizes to NFC and keeps whitespace as written', async () => {
    const decomposed = 'Ke\u0302\u0301 hoa\u0323ch'; // "Kế hoạch" stored decomposed
    const { document } = await parse(
      docx(
        `<w:p><w:r><w:t xml:space="preserve">${decomposed}  số\t01</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> hết </w:t></w:r></w:p>`,
      ),
    );
    expect(blocks(document.tree)).toEqual(['Kế hoạch  số\t01\t hết ']);
  });

  it("shows tracked changes as Word's final view: insertions kept, deletions and deleted paragraph marks gone", async () => {
    const body =
      '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A" w:date="2025-11-20T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Nối </w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">đoạn </w:t></w:r><w:del w:id="2" w:author="A"><w:r><w:delText>bị xóa </w:delText></w:r></w:del>' +
      '<w:ins w:id="3" w:author="A"><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>';
    const { document } = await parse(docx(body));
    expect(blocks(document.tree)).toEqual(['Nối đoạn thêm']);
    // Each piece keeps the paragraph it was written in.
    expect([...paragraphsByPosition(document.tree)]).toEqual([
      [1, 'Nối '],
      [2, 'đoạn thêm'],
    ]);
  });

  it('reads the mc:Fallback of alternate content once, and the text of w:fldSimple fields', async () => {
    const body =
      p('trước') +
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:p><w:r><w:t>bản Choice</w:t></w:r></w:p></w:drawing></mc:Choice>' +
      '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>trong khung</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>' +
      '<w:r><w:t>neo</w:t></w:r></w:p>' +
      '<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>10/12/2025</w:t></w:r></w:fldSimple></w:p>';
    const { document, stats } = await parse(docx(body));
    expect(stats.paragraphs).toBe(4); // trước, the anchor paragraph, the text-box paragraph, the field
    expect([...paragraphsByPosition(document.tree)]).toEqual([
      [1, 'trước'],
      [2, 'neo'],
      [3, 'trong khung'],
      [4, '10/12/2025'],
    ]);
  });
});

// ── tables ───────────────────────────────────────────────────────────────────────────────────

describe('tables', () => {
  const cell = (t: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(t)}</w:tc>`;

  it('marks only w:tblHeader rows as header rows (w:val="off" is not one)', async () => {
    const body =
      '<w:tbl>' +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${cell('STT')}${cell('Nội dung')}</w:tr>` +
      `<w:tr><w:trPr><w:tblHeader w:val="off"/></w:trPr>${cell('I')}${cell('Mục tiêu 1')}</w:tr>` +
      `<w:tr>${cell('1')}${cell('Rà soát')}</w:tr>` +
      '</w:tbl>';
    const data = docx(body);
    const { document } = await parse(data);
    const table = document.tree.children[0] as Table;
    expect(table.type).toBe('table');
    expect(table.children.map((r) => dataOf(r)['header'])).toEqual([true, false, false]);
    expect(table.children.map((r) => r.children.map(text))).toEqual([
      ['STT', 'Nội dung'],
      ['I', 'Mục tiêu 1'],
      ['1', 'Rà soát'],
    ]);
    // What this fixes: mammoth alone puts the "off" row in <thead>.
    const mammoth = (await import('mammoth')).default;
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(data) })).value;
    expect(html.match(/<th>/g)?.length).toBe(4);
  });

  it('lays merged cells (gridSpan, vMerge) out on the grid without crashing', async () => {
    const body =
      '<w:tbl>' +
      `<w:tr>${cell('gộp ngang', '<w:gridSpan w:val="2"/>')}${cell('dọc', '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr>${cell('a')}${cell('b')}${cell('', '<w:vMerge/>')}</w:tr>` +
      `<w:tr>${cell('c')}${cell('d')}${cell('e')}</w:tr>` +
      '</w:tbl>';
    const { document } = await parse(docx(body));
    const table = document.tree.children[0] as Table;
    expect(table.children.map((r) => r.children.map((c) => (dataOf(c)['merged'] ? '<m>' : text(c))))).toEqual(
      [
        ['gộp ngang', '<m>', 'dọc'],
        ['a', 'b', '<m>'],
        ['c', 'd', 'e'],
      ],
    );
  });
});

// ── bad input ────────────────────────────────────────────────────────────────────────────────

/** A minimal OLE compound file: header, one FAT sector, one directory sector with `names`. */
function compoundFile(names: string[]): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 3);
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // directory starts at sector 1
  view.setUint32(0x4c, 0, true); // FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, 0xffffffff, true);
  const fat = sector; // sector 0
  view.setInt32(fat, -3, true); // FAT sector
  view.setInt32(fat + 4, -2, true); // directory: end of chain
  for (let i = 2; i < 128; i++) view.setInt32(fat + i * 4, -1, true);
  ['Root Entry', ...names].forEach((name, i) => {
    const at = sector * 2 + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(at + k * 2, name.charCodeAt(k), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    out[at + 0x42] = i === 0 ? 5 : 2;
  });
  return out;
}

describe('bad input → InputError', () => {
  it('not a zip', async () => {
    expect((await inputErrorOf(strToU8('Kế hoạch số 12/KH-UBND, đây là văn bản thường'))).code).toBe(
      'not-zip',
    );
    const bad = join(FIXTURES, 'bad/not-a-zip.docx');
    expect((await inputErrorOf(new Uint8Array(readFileSync(bad)))).code).toBe('not-zip');
  });

  it('a truncated zip', async () => {
    const whole = docx(p('một'));
    expect((await inputErrorOf(whole.slice(0, whole.length - 30))).code).toBe('not-zip');
  });

  it('a password-protected .docx (OLE file with EncryptionInfo)', async () => {
    expect((await inputErrorOf(compoundFile(['EncryptionInfo', 'EncryptedPackage']))).code).toBe(
      'docx-encrypted',
    );
  });

  it('a Word 97 .doc renamed .docx', async () => {
    expect((await inputErrorOf(compoundFile(['WordDocument', '1Table']))).code).toBe('doc-legacy');
  });

  const realDoc = join(CORPUS, 'unsupported/legal_NQ99-2025-NQ-HDND.doc');
  it.skipIf(!existsSync(realDoc))(needsShared('a real Word 97 .doc of the corpus'), async () => {
    expect((await inputErrorOf(new Uint8Array(readFileSync(realDoc)))).code).toBe('doc-legacy');
  });

  it('a zip without word/document.xml', async () => {
    expect((await inputErrorOf(zipSync({ 'hello.txt': strToU8('xin chào') }))).code).toBe('no-document-xml');
    const bad = join(FIXTURES, 'bad/no-document-xml.docx');
    expect((await inputErrorOf(new Uint8Array(readFileSync(bad)))).code).toBe('no-document-xml');
  });

  it("a broken document.xml → docx-corrupt naming the part, the parser's words short (English message only)", async () => {
    const files = unzipSync(docx(p('một') + p('hai')));
    files['word/document.xml'] = strToU8(
      strFromU8(files['word/document.xml']!).replace('</w:body>', '<w:p><w:r>'),
    );
    const error = await inputErrorOf(zipSync(files));
    expect(error.code).toBe('docx-corrupt');
    expect(error.details).toMatchObject({ part: 'word/document.xml', problem: 'xml' });
    expect(error.details['detail']!.length).toBeLessThanOrEqual(100);
    expect(error.details['detail']).not.toMatch(/\n|at .*\.js/);

    files['word/document.xml'] = strToU8('không phải XML');
    expect((await inputErrorOf(zipSync(files))).code).toBe('docx-corrupt');
  });

  it('an empty file', async () => {
    expect((await inputErrorOf(new Uint8Array())).code).toBe('empty');
  });
});

// ── real office files ────────────────────────────────────────────────────────────────────────

/** Paragraph texts straight from document.xml (w:t, w:tab, w:br), for files without text boxes. */
/** Texts of the w:p of `part` in order (document.xml, or footnotes.xml: separators included). */
function xmlParagraphTexts(data: Uint8Array, part = 'word/document.xml'): string[] {
  const bytes = unzipSync(data, { filter: (f) => f.name === part })[part];
  if (!bytes) return [];
  const xml = strFromU8(bytes);
  expect(xml).not.toContain('txbxContent');
  const decode = (s: string) =>
    s.replace(
      /&(lt|gt|amp|quot|apos);/g,
      (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!,
    );
  return xml
    .split(/<w:p(?=[\s>/])/)
    .slice(1)
    .map((chunk) => {
      let out = '';
      for (const m of chunk.matchAll(
        /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:br w:type="textWrapping"\/>/g,
      )) {
        out += m[1] !== undefined ? decode(m[1]) : m[0].startsWith('<w:tab') ? '\t' : '\n';
      }
      return out.normalize('NFC');
    });
}

const corpusFiles = existsSync(CORPUS_DOCX)
  ? readdirSync(CORPUS_DOCX)
      .filter((f) => f.endsWith('.docx'))
      .sort()
  : [];

describe.skipIf(corpusFiles.length === 0)(needsShared('real office files (shared/corpus/docx)'), () => {
  it(needsShared('has the 11 files'), () => {
    expect(corpusFiles).toHaveLength(11);
  });

  it.each(corpusFiles)(
    '%s: parses, every paragraph found again, positions match document.xml',
    async (name) => {
      const data = new Uint8Array(readFileSync(join(CORPUS_DOCX, name)));
      const { document, stats } = await parse(data);
      expect(document.format).toBe('docx');
      expect(document.source).toBeNull();
      expect(document.pages).toBeNull();
      expect(document.tree.children.length).toBeGreaterThan(20);
      expect(stats.seen).toBe(stats.paragraphs);

      const xmlTexts = xmlParagraphTexts(data);
      expect(xmlTexts).toHaveLength(stats.paragraphs);
      // Footnote paragraphs are numbered on after the body's.
      xmlTexts.push(...xmlParagraphTexts(data, 'word/footnotes.xml'));
      const rebuilt = paragraphsByPosition(document.tree);
      expect(rebuilt.size).toBeGreaterThan(20);
      for (const [line, textAt] of rebuilt) {
        expect(textAt, `paragraph ${line}`).toBe((stats.labels[line] ?? '') + xmlTexts[line - 1]);
      }
      // The header block and the Nơi nhận / signature block are borderless tables.
      const tables = document.tree.children.filter((b): b is Table => b.type === 'table');
      expect(tables.length).toBeGreaterThanOrEqual(2);
      expect(text(tables[0]!)).toMatch(/CỘNG (HÒA|HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      expect(text(tables[0]!)).toMatch(/Số:/);
      expect(tables.some((t) => /Nơi nhận/.test(text(t)))).toBe(true);
    },
  );

  it('KH 16/KH-MTTQ-BTT: header table, sections, signature block', async () => {
    const { document } = await parse(
      new Uint8Array(
        readFileSync(join(CORPUS_DOCX, 'luongminh_MTTQ_KH16-KH-MTTQ-BTT_2025-11-18_bau-cu.docx')),
      ),
    );
    const header = document.tree.children[0] as Table;
    expect(header.type).toBe('table');
    const [issuer, motto] = header.children[0]!.children.map(text);
    expect(issuer).toBe('ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC\nSố: 16/KH-MTTQ-BTT');
    expect(motto).toMatch(
      /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\s*Độc lập - Tự do - Hạnh phúc\nLương Minh, ngày 18 tháng 11 năm 2025$/,
    );
    const texts = blocks(document.tree);
    expect(texts).toContain('KẾ HOẠCH');
    const i = texts.indexOf('I. MỤC ĐÍCH, YÊU CẦU ');
    const ii = texts.indexOf('II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN');
    expect(i).toBeGreaterThan(0);
    expect(ii).toBeGreaterThan(i);
    const heading = document.tree.children.filter((b) => b.type !== 'table')[i]!;
    expect(heading.type === 'paragraph' && heading.children[0]!.type).toBe('strong');
    const footer = document.tree.children.filter((b): b is Table => b.type === 'table').at(-1)!;
    const [recipients, signature] = footer.children[0]!.children.map(text);
    expect(recipients).toMatch(/Nơi nhận:\n- BTT Ủy ban MTTQ Việt Nam tỉnh;/);
    expect(recipients).toMatch(/- Lưu: MTTQ/);
    expect(signature).toBe('TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\nLan Thị Vân');
  });

  it('Hướng dẫn hiệp thương (Quảng Ninh draft): 216 Word-numbered paragraphs get their labels in order', async () => {
    const { document, stats } = await parse(
      new Uint8Array(
        readFileSync(join(CORPUS_DOCX, 'quangninh_MTTQ-tinh_HD_2025-11_hiep-thuong_draft.docx')),
      ),
    );
    expect(stats.numbered).toBe(216);
    const texts = blocks(document.tree);
    // Each found after the previous one (typed labels of the same words come earlier in the file).
    let from = 0;
    const at = (start: string) => {
      const i = texts.findIndex((t, k) => k >= from && t.startsWith(start));
      if (i >= 0) from = i + 1;
      return i;
    };
    // Labels as Word (and LibreOffice) draw them; checked against LibreOffice's text export.
    const sequence = [
      '1. Hội nghị cử chủ tọa trong Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ninh',
      '2. Đại diện Thường trực Hội đồng nhân dân tỉnh trình bày',
      '6. Căn cứ vào kết quả hiệp thương lần thứ nhất, chậm nhất là ngày 15 tháng 12 năm 2025, Ủy ban Thường vụ Quốc hội',
      'I. THÀNH PHẦN HỘI NGHỊ',
      '1. Họp Ban lãnh đạo cơ quan, tổ chức, đơn vị để dự kiến người giới thiệu ứng cử đại biểu Quốc hội',
      '1.1. Thành phần dự họp:',
      '- Ban lãnh đạo tổ chức đối với tổ chức chính trị',
      '1.2. Trình tự, thủ tục tổ chức cuộc họp:',
      '2.2. Thẩm quyền chủ trì và triệu tập hội nghị cử tri nơi công tác được thực hiện như sau:',
      'a) Người ứng cử đại biểu Quốc hội đang công tác chuyên trách tại cơ quan Đảng',
      'd) Người ứng cử đại biểu Quốc hội đang công tác tại Tòa án nhân dân',
      // Word has no "đ": the author typed "đ)" and "g)", Word's 5th letter "e)" sits between them.
      'e) Người ứng cử đại biểu Quốc hội đang công tác tại các đơn vị vũ trang nhân dân',
    ];
    const positions = sequence.map(at);
    expect(
      positions.every((i) => i >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    // Each of those paragraphs is auto-numbered: its label is not in document.xml.
    const nonTable = document.tree.children.filter((b) => b.type !== 'table');
    for (const i of positions) {
      const line = nonTable[i]!.position!.start.line;
      expect(stats.labels[line], texts[i]).toBeTruthy();
    }
    for (const typed of [
      'đ) Người ứng cử đại biểu Quốc hội đang làm việc',
      'g) Người ứng cử đại biểu Quốc hội đang công tác tại Đảng ủy',
    ]) {
      const i = texts.findIndex((t) => t.startsWith(typed));
      expect(i, typed).toBeGreaterThan(positions.at(-2)!);
      expect(stats.labels[nonTable[i]!.position!.start.line]).toBeNull();
    }
  });

  it('Kế hoạch kiểm tra, giám sát (Bắc Cam Ranh): its one auto-numbered "1. Mục đích"', async () => {
    const { document, stats } = await parse(
      new Uint8Array(
        readFileSync(join(CORPUS_DOCX, 'bac-cam-ranh_MTTQ-phuong_KH_2025-11_kiem-tra-giam-sat-bau-cu.docx')),
      ),
    );
    expect(stats.numbered).toBe(1);
    expect(blocks(document.tree)).toContain('1. Mục đích');
  });
});

// ── the generated fixtures ───────────────────────────────────────────────────────────────────

function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

/** The label a reader sees at the start of each paragraph ("1.", "a)", "-", "+", "II."). */
function paragraphLabels(tree: Root): string[] {
  return tree.children
    .filter((b): b is Exclude<RootContent, Table> => b.type !== 'table')
    .map((b) => /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-+•])(?=\s)/u.exec(text(b))?.[0])
    .filter((l): l is string => l !== undefined);
}

describe('fixtures', () => {
  it('000: Word auto-numbering gives the labels the typed version has', async () => {
    const typed = await parse(fixture('000_a2bc4216fc60fd38.docx'));
    const auto = await parse(fixture('variants/000_autonumber.docx'));
    expect(typed.stats.numbered).toBe(0);
    expect(auto.stats.numbered).toBeGreaterThan(10);
    const labels = paragraphLabels(typed.document.tree);
    expect(labels.filter((l) => /^[a-z]\)$/.test(l)).length).toBeGreaterThan(3);
    expect(paragraphLabels(auto.document.tree)).toEqual(labels);
    expect(blocks(auto.document.tree)).toEqual(blocks(typed.document.tree));
  });

  it("003: soft line breaks come out as break nodes, the text is the plain fixture's", async () => {
    const plain = await parse(fixture('003_4648be2b9eb23052.docx'));
    const soft = await parse(fixture('variants/003_softbreaks.docx'));
    let breaks = 0;
    walk(soft.document.tree, (n) => {
      if (n.type === 'break' && !dataOf(n)['separator']) breaks++;
    });
    expect(breaks).toBeGreaterThan(3);
    const flat = (tree: Root) => blocks(tree).join(' ').replace(/\s+/g, ' ');
    expect(flat(soft.document.tree)).toBe(flat(plain.document.tree));
  });

  it('004: the appendix table keeps its header row, and a tblHeader="off" row is not one', async () => {
    const { document } = await parse(fixture('variants/004_appendix.docx'));
    const tables = document.tree.children.filter((b): b is Table => b.type === 'table');
    const appendix = tables.find((t) => text(t.children[0]!).includes('Cơ quan chủ trì'))!;
    expect(appendix).toBeDefined();
    expect(dataOf(appendix.children[0]!)['header']).toBe(true);
    expect(appendix.children.slice(1).every((r) => dataOf(r)['header'] === false)).toBe(true);
    const xml = strFromU8(unzipSync(fixture('variants/004_appendix.docx'))['word/document.xml']!);
    expect(xml).toMatch(/<w:tblHeader w:val="(off|false|0)"\/>/);
  });

  it('002: the NFD variant reads as the NFC original', async () => {
    const nfc = await parse(fixture('002_06484e6e4818e0d7.docx'));
    const nfd = await parse(fixture('variants/002_nfd.docx'));
    const xml = strFromU8(unzipSync(fixture('variants/002_nfd.docx'))['word/document.xml']!);
    expect(xml).not.toBe(xml.normalize('NFC'));
    expect(blocks(nfd.document.tree)).toEqual(blocks(nfc.document.tree));
  });
});
