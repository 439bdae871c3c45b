/**
 * Word's own traps (issue 10), on small .docx files built here with the `docx` package the way an
 * office makes them: group rows merged across an assignment table, a table continued after a page
 * break without a repeated header row, footnotes holding citations and dates. The shapes are the
 * ones notes/DOCX-SHAPES.md describes for the builder.
 */
import {
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  type IFootnotes,
} from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Nodes, Root, RootContent, Table as MdTable, TableRow as MdRow } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../src/parse/docx.js';
import { buildPlan } from '../src/plan/build.js';
import { InputError } from '../src/util/errors.js';
import { rule as missingOwner } from '../src/rules/missing-owner.js';
import { runRule } from './rules/_harness.js';

type Block = Paragraph | Table;

async function docxOf(children: Block[], footnotes: IFootnotes = {}): Promise<Uint8Array> {
  const document = new Document({ footnotes, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

async function treeOf(children: Block[], footnotes: IFootnotes = {}): Promise<Root> {
  return (await parseDocx(await docxOf(children, footnotes), 'test.docx')).tree;
}

function text(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  return 'children' in node ? (node.children as Nodes[]).map(text).join('') : '';
}

function dataOf(node: { data?: unknown }): Record<string, unknown> {
  return (node.data ?? {}) as Record<string, unknown>;
}

const tables = (tree: Root): MdTable[] => tree.children.filter((b): b is MdTable => b.type === 'table');
const rowTexts = (row: MdRow): string[] => row.children.map((c) => text(c));

const GRID = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = {
  top: GRID,
  bottom: GRID,
  left: GRID,
  right: GRID,
  insideHorizontal: GRID,
  insideVertical: GRID,
};

function cell(value: string, columnSpan?: number): TableCell {
  return new TableCell({ children: [new Paragraph(value)], ...(columnSpan ? { columnSpan } : {}) });
}

function row(values: (string | [string, number])[], tableHeader = false): TableRow {
  return new TableRow({
    tableHeader: tableHeader || undefined,
    children: values.map((v) => (typeof v === 'string' ? cell(v) : cell(v[0], v[1]))),
  });
}

function table(
  rows: TableRow[],
  borders: typeof GRID_BORDERS | typeof TableBorders.NONE = GRID_BORDERS,
): Table {
  return new Table({ rows, borders });
}

const HEAD = ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian'];

describe('group rows of an assignment table', () => {
  it('marks a row merged across the whole grid, or across all of it after the number column', async () => {
    const tree = await treeOf([
      new Paragraph('Phụ lục phân công nhiệm vụ'),
      table([
        row(HEAD, true),
        row([['I. NHIỆM VỤ CHUNG', 5]]),
        row(['1', 'Tuyên truyền Luật Bình đẳng giới', 'Sở Văn hóa', 'Các sở, ngành', 'Quý I/2026']),
        row(['II', ['Lĩnh vực y tế', 4]]),
        row(['2', 'Tập huấn cán bộ y tế cơ sở', 'Sở Y tế', 'UBND các xã', 'Năm 2026']),
      ]),
    ]);
    const [t] = tables(tree);
    expect(t!.children).toHaveLength(5);
    const groups = t!.children.map((r) => dataOf(r)['group'] === true);
    expect(groups).toEqual([false, true, false, true, false]);
    // The grid stays rectangular: the spanning cell carries its span, placeholders follow it.
    const full = t!.children[1]!;
    expect(full.children).toHaveLength(5);
    expect(dataOf(full.children[0]!)['colSpan']).toBe(5);
    expect(full.children.slice(1).every((c) => dataOf(c)['merged'] === true)).toBe(true);
    expect(rowTexts(full)[0]).toBe('I. NHIỆM VỤ CHUNG');
    const labelled = t!.children[3]!;
    expect(rowTexts(labelled).slice(0, 2)).toEqual(['II', 'Lĩnh vực y tế']);
    expect(dataOf(labelled.children[1]!)['colSpan']).toBe(4);
    // The header row stays a header row, not a group.
    expect(dataOf(t!.children[0]!)['header']).toBe(true);
  });

  it('reaches the plan: group rows are kept as such, tasks keep their owners, only a real blank owner is reported', async () => {
    const doc = await parseDocx(
      await docxOf([
        new Paragraph('KẾ HOẠCH'),
        new Paragraph('Thực hiện công tác bình đẳng giới năm 2026'),
        new Paragraph('I. NHIỆM VỤ'),
        table([
          row(HEAD, true),
          row([['I. NHIỆM VỤ CHUNG', 5]]),
          row(['1', 'Tuyên truyền Luật Bình đẳng giới', 'Sở Văn hóa', 'Các sở, ngành', 'Quý I/2026']),
          row(['II', ['Lĩnh vực y tế', 4]]),
          row(['2', 'Tập huấn cán bộ y tế cơ sở', 'Sở Y tế', 'UBND các xã', 'Năm 2026']),
          row(['3', 'Rà soát số liệu giới', '', 'Cục Thống kê', 'Quý IV/2026']),
        ]),
      ]),
      'test.docx',
    );
    const plan = buildPlan(doc);
    const assignment = plan.tables.find((t) => t.role === 'assignment');
    expect(assignment).toBeDefined();
    expect(assignment!.rows.map((r) => (r as { group?: boolean }).group === true)).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
    const owners = plan.assignments.filter((a) => a.source === 'table').map((a) => a.owner);
    expect(owners).toEqual(['Sở Văn hóa', 'Sở Y tế']);
    const reported = runRule(missingOwner, plan).filter((m) => m.messageId === 'emptyOwnerCell');
    expect(reported.map((m) => m.excerpt)).toEqual(['Rà soát số liệu giới']);
  });

  it('leaves alone a task row whose owner cell is merely empty, and partial merges', async () => {
    const tree = await treeOf([
      table([
        row(HEAD, true),
        row(['1', 'Rà soát văn bản', '', '', 'Quý II']),
        row(['2', ['Hai cột gộp', 2], 'Sở Tư pháp', 'Quý III']),
        row([['Ghi chú gộp bốn cột', 4], 'Quý IV']),
      ]),
    ]);
    const [t] = tables(tree);
    expect(t!.children.map((r) => dataOf(r)['group'] === true)).toEqual([false, false, false, false]);
  });

  it('never calls a header row a group, even one merged across the table', async () => {
    const tree = await treeOf([
      table([
        row([['BẢNG PHÂN CÔNG NHIỆM VỤ', 3]], true),
        row(['STT', 'Nội dung', 'Chủ trì'], true),
        row(['1', 'Việc A', 'Sở A']),
      ]),
    ]);
    const [t] = tables(tree);
    expect(t!.children.map((r) => dataOf(r)['header'])).toEqual([true, true, false]);
    expect(t!.children.some((r) => dataOf(r)['group'] === true)).toBe(false);
  });
});

describe('a table continued on the next page', () => {
  const first = (): Table =>
    table([
      row(HEAD, true),
      row(['1', 'Việc một', 'Sở A', 'Sở B', 'Quý I']),
      row(['2', 'Việc hai', 'Sở C', 'Sở D', 'Quý II']),
    ]);
  const rest = (): Table =>
    table([row(['3', 'Việc ba', 'Sở E', 'Sở F', 'Quý III']), row(['4', 'Việc bốn', 'Sở G', '', 'Quý IV'])]);
  const pageBreak = (): Paragraph => new Paragraph({ pageBreakBefore: true, children: [] });

  it('joins a table with no header row of its own to the one above it', async () => {
    const tree = await treeOf([
      new Paragraph('Bảng phân công'),
      first(),
      pageBreak(),
      rest(),
      new Paragraph('Tổ chức thực hiện.'),
    ]);
    const ts = tables(tree);
    expect(ts).toHaveLength(1);
    const rows = ts[0]!.children;
    expect(rows.map((r) => rowTexts(r)[0])).toEqual(['STT', '1', '2', '3', '4']);
    expect(rows.map((r) => dataOf(r)['continued'] === true)).toEqual([false, false, false, true, false]);
    // Positions stay those of the rows' own paragraphs, in document order.
    const lines = rows.map((r) => r.position!.start.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    expect(text(tree.children[tree.children.length - 1]!)).toBe('Tổ chức thực hiện.');
  });

  it('keeps tables apart when text stands between them, the widths differ, or the second has a header', async () => {
    const withText = await treeOf([first(), new Paragraph('Ghi chú: kinh phí tự cân đối.'), rest()]);
    expect(tables(withText)).toHaveLength(2);

    const narrower = await treeOf([first(), pageBreak(), table([row(['5', 'Việc năm', 'Sở H', 'Quý I'])])]);
    expect(tables(narrower)).toHaveLength(2);

    const marked = await treeOf([
      first(),
      pageBreak(),
      table([
        row(['STT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời gian'], true),
        row(['3', 'Việc ba', 'Sở E', 'Sở F', 'Quý III']),
      ]),
    ]);
    expect(tables(marked)).toHaveLength(2);

    const typedAgain = await treeOf([
      first(),
      pageBreak(),
      table([row(HEAD), row(['3', 'Việc ba', 'Sở E', 'Sở F', 'Quý III'])]),
    ]);
    expect(tables(typedAgain)).toHaveLength(2);
  });

  it('keeps a borderless layout table apart from a bordered table of the same width', async () => {
    const tree = await treeOf([
      table([row(['1', 'Việc một']), row(['2', 'Việc hai'])]),
      new Paragraph(''),
      table([row(['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'])], TableBorders.NONE),
    ]);
    expect(tables(tree)).toHaveLength(2);
  });
});

describe('footnotes', () => {
  const body = (): Block[] => [
    new Paragraph({
      children: [new TextRun('Căn cứ Luật Bình đẳng giới'), new FootnoteReferenceRun(2), new TextRun(';')],
    }),
    new Paragraph({
      children: [
        new TextRun('Căn cứ Nghị định'),
        new FootnoteReferenceRun(1),
        new TextRun(' của Chính phủ;'),
      ],
    }),
    new Paragraph('Ủy ban nhân dân tỉnh ban hành Kế hoạch.'),
  ];
  const notes: IFootnotes = {
    1: { children: [new Paragraph('Nghị định số 48/2009/NĐ-CP ngày 19 tháng 5 năm 2009.')] },
    2: { children: [new Paragraph('Luật số 73/2006/QH11 ngày 29 tháng 11 năm 2006.')] },
    3: { children: [new Paragraph('Chú thích không được dẫn.')] },
  };

  it('keeps a zero-width reference in the body and appends the footnotes in the order Word numbers them', async () => {
    const tree = await treeOf(body(), notes);
    const first = tree.children[0]!;
    expect(text(first)).toBe('Căn cứ Luật Bình đẳng giới;');
    const ref = (first as { children: Nodes[] }).children.find((n) => n.type === 'footnoteReference') as
      (Nodes & { identifier: string; label?: string }) | undefined;
    expect(ref?.identifier).toBe('1');
    expect(ref!.position!.start).toEqual(ref!.position!.end);
    expect(ref!.position!.start.column).toBe('Căn cứ Luật Bình đẳng giới'.length + 1);

    const footnoteBlocks = tree.children.filter((b) => dataOf(b)['footnote'] !== undefined);
    expect(footnoteBlocks.map((b) => [dataOf(b)['footnote'], text(b)])).toEqual([
      ['1', 'Luật số 73/2006/QH11 ngày 29 tháng 11 năm 2006.'],
      ['2', 'Nghị định số 48/2009/NĐ-CP ngày 19 tháng 5 năm 2009.'],
    ]);
    // After the body, with paragraph positions of their own beyond the body's.
    const bodyLines = tree.children
      .filter((b) => dataOf(b)['footnote'] === undefined)
      .map((b) => b.position!.start.line);
    for (const b of footnoteBlocks) {
      expect(tree.children.indexOf(b as RootContent)).toBeGreaterThan(2);
      expect(b.position!.start.line).toBeGreaterThan(Math.max(...bodyLines));
      expect(dataOf(b)['paragraph']).toBe(b.position!.start.line);
    }
  });

  it('lets the plan read the citations and dates a footnote holds, pointing at the footnote', async () => {
    const doc = await parseDocx(await docxOf(body(), notes), 'test.docx');
    const footnote = doc.tree.children.find((b) => dataOf(b)['footnote'] === '1')!;
    const plan = buildPlan(doc);
    const cited = plan.citations.find((c) => c.raw.includes('73/2006/QH11'));
    expect(cited, 'the law cited in footnote 1').toBeDefined();
    expect(cited!.position.start.line).toBe(footnote.position!.start.line);
    const date = plan.dates.find((d) => d.value === '2006-11-29');
    expect(date, 'the date in footnote 1').toBeDefined();
    expect(date!.position.start.line).toBe(footnote.position!.start.line);
  });

  it('names the footnotes part when it is the damaged one', async () => {
    const files = unzipSync(await docxOf(body(), notes));
    files['word/footnotes.xml'] = strToU8(
      '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>x</w:p></w:footnote>',
    );
    const error = await parseDocx(zipSync(files), 'bad.docx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('docx-corrupt');
    expect((error as InputError).details['part']).toBe('word/footnotes.xml');
  });
});
