/**
 * The body's structure on published layouts (issue 10): hard line wraps, unpaired emphasis marks,
 * a Quyết định's articles and attached plan, several appendices and forms, Nơi nhận copy counts,
 * and plan.structure's confidence.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/parse/index.js';
import { parseText } from '../src/parse/text.js';
import { buildPlan } from '../src/plan/build.js';
import { PlanSchema, type Plan } from '../src/plan/schema.js';

const TVPL = path.resolve(__dirname, '../../shared/corpus/tvpl');

function fromText(text: string): Plan {
  const plan = buildPlan(parseText(text, 'test.md'));
  PlanSchema.parse(plan);
  return plan;
}

/** A Quyết định as the legal-text website publishes it: wrapped every ~80 characters. */
const DECISION = `**QUYẾT ĐỊNH**

BAN HÀNH KẾ HOẠCH THỰC HIỆN CHUYỂN ĐỔI SỐ
NĂM 2026

*Căn cứ Luật Tổ chức chính
quyền địa phương số 72/2025/QH15;*

**QUYẾT ĐỊNH:**

**Điều 1. **Ban
hành kèm theo Quyết định này Kế hoạch thực hiện chuyển đổi số năm 2026 trên địa
bàn tỉnh.

**Điều 2. **Quyết
định này có hiệu lực thi hành kể từ ngày ký.

*Nơi nhận:*
- Như Điều 2;
- Lưu: VT, KGVX.
08 KH

**TM. ỦY BAN NHÂN
DÂN **
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
**Nguyễn Văn An**

**KẾ HOẠCH**

THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2026 TRÊN ĐỊA BÀN
TỈNH

*(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2026 của Ủy ban
nhân dân tỉnh)*

** **

**I. MỤC
ĐÍCH, YÊU CẦU**

**1**. **Mục đích**

- Nâng cao hiệu quả quản lý nhà nước trên môi trường số, bảo đảm kết nối
liên thông dữ liệu giữa các cơ quan.

**II.**

**TỔ CHỨC THỰC HIỆN**

*a) Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành triển khai
Kế hoạch.

**PHỤ LỤC I**

DANH MỤC NHIỆM VỤ

*(Kèm theo Kế hoạch số 12/KH-UBND)*

Đơn vị: triệu đồng

**PHỤ LỤC II**

DANH MỤC DỰ ÁN

**Mẫu số 01**

*(Kèm theo Kế hoạch số 12/KH-UBND)*

Nơi nhận:
- Sở Tài chính;
`;

describe('a Quyết định with its Kế hoạch attached, as published', () => {
  const p = fromText(DECISION);

  it('reads its articles, not invented sections', () => {
    expect(p.articles.map((a) => [a.number, a.label])).toEqual([
      [1, 'Điều 1.'],
      [2, 'Điều 2.'],
    ]);
    expect(p.articles[0]!.heading).toMatch(/^Ban hành kèm theo Quyết định này Kế hoạch/);
  });

  it('reads the attached plan: title, year, basis, sections joined across wraps and lone numerals', () => {
    expect(p.attachment).toMatchObject({ docType: 'Kế hoạch', planYear: 2026 });
    expect(p.attachment!.title).toBe('THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2026 TRÊN ĐỊA BÀN TỈNH');
    expect(p.attachment!.basis).toMatch(/^\(Kèm theo Quyết định số 12\/QĐ-UBND .* nhân dân tỉnh\)$/);
    expect(p.sections.map((s) => [s.numeral, s.heading, s.kind])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU', 'purpose'],
      ['II', 'TỔ CHỨC THỰC HIỆN', 'organization'],
    ]);
    expect(p.sections[0]!.items.map((i) => [i.label, i.text])).toEqual([['1.', 'Mục đích']]);
    expect(p.sections[0]!.items[0]!.children[0]!.text).toMatch(/cơ quan\.$/);
    expect(p.sections[1]!.items.map((i) => i.label)).toEqual(['a)']);
  });

  it('keeps the decision’s Nơi nhận and signature; copy counts are recipients, never the position', () => {
    expect(p.recipients!.items.map((i) => i.text)).toEqual(['- Như Điều 2;', '- Lưu: VT, KGVX.', '08 KH']);
    expect(p.signature).toMatchObject({
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      position: 'PHÓ CHỦ TỊCH',
      signer: 'Nguyễn Văn An',
    });
  });

  it('counts every appendix and form; a form’s "Nơi nhận" is not the document’s', () => {
    expect(p.appendices.map((a) => [a.kind, a.label, a.title, a.basis])).toEqual([
      ['appendix', 'I', 'DANH MỤC NHIỆM VỤ', '(Kèm theo Kế hoạch số 12/KH-UBND)'],
      ['appendix', 'II', 'DANH MỤC DỰ ÁN', null],
      ['form', '01', '', '(Kèm theo Kế hoạch số 12/KH-UBND)'],
    ]);
    expect(p.recipients!.items).toHaveLength(3);
  });

  it('says how sure it is', () => {
    expect(p.structure).toEqual({
      type: 'structure',
      body: 'attached',
      sections: 'consistent',
      signature: 'found',
      recipients: 'found',
      uncertain: [],
    });
  });
});

describe('a table the website flattened one cell per line', () => {
  it('is rebuilt row by row (a group row, a row index "1" that is not a page number) and read as assignments', () => {
    // An empty cell is two "|" lines in a row, as the website writes it.
    const cells = (row: string[]) => ['|', ...row.flatMap((c) => (c ? [c, '|'] : ['|']))].join('\n');
    const table = [
      cells(['**TT**', '**Nhiệm vụ**', '**Cơ quan chủ trì**', '**Cơ quan phối hợp**', '**Thời gian**']),
      cells(['**I**', '**Hoàn thiện thể chế**']),
      cells(['1', 'Rà soát quy định về quy hoạch', 'Sở Tài chính', 'Sở Tư pháp', 'Quý IV/2025']),
      cells(['2', 'Xây dựng cơ sở dữ liệu', 'Sở Khoa học và Công nghệ', '', 'Năm 2026']),
      // The website leaves out a cell merged down from the row above: the columns shift.
      cells(['3', 'Vận hành hệ thống', 'Năm 2027']),
    ].join('\n');
    const p = fromText(
      `KẾ HOẠCH\n\nThử năm 2025\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Các sở thực hiện theo bảng.\n\n${table}\n`,
    );
    const t = p.tables.find((x) => x.role === 'assignment')!;
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian'],
      ['I', 'Hoàn thiện thể chế'],
      ['1', 'Rà soát quy định về quy hoạch', 'Sở Tài chính', 'Sở Tư pháp', 'Quý IV/2025'],
      ['2', 'Xây dựng cơ sở dữ liệu', 'Sở Khoa học và Công nghệ', '', 'Năm 2026'],
      ['3', 'Vận hành hệ thống', 'Năm 2027'],
    ]);
    expect(t.rows.map((r) => r.group === true)).toEqual([false, true, false, false, false]);
    expect(t.rows.map((r) => r.incomplete === true)).toEqual([false, false, false, false, true]);
    expect(
      p.assignments.filter((a) => a.source === 'table').map((a) => [a.label, a.owner, a.partners]),
    ).toEqual([
      ['1', 'Sở Tài chính', ['Sở Tư pháp']],
      ['2', 'Sở Khoa học và Công nghệ', []],
    ]);
  });
});

describe('structure confidence', () => {
  it('a letter with "V/V" and no sections: no section V, body none, everything uncertain', () => {
    const p = fromText(
      'CÔNG VĂN\n\nV/V TRIỂN KHAI NHIỆM VỤ\n\nKính gửi: Các sở, ngành.\n\nĐề nghị các đơn vị thực hiện.',
    );
    expect(p.sections).toEqual([]);
    expect(p.structure).toMatchObject({
      body: 'none',
      sections: 'none',
      signature: 'none',
      recipients: 'none',
    });
    expect(p.structure.uncertain).toEqual(['sections', 'signature', 'recipients', 'body']);
  });

  it('sections with a gap are irregular', () => {
    const p = fromText('KẾ HOẠCH\n\nThử năm 2025\n\nI. MỤC ĐÍCH\n\n1. Một.\n\nIII. KINH PHÍ\n\nKhông.');
    expect(p.structure).toMatchObject({ body: 'plan', sections: 'irregular' });
    expect(p.structure.uncertain).toContain('sections');
  });

  it('a signature without a signer’s name is partial', () => {
    const p = fromText(
      'KẾ HOẠCH\n\nThử năm 2025\n\nI. MỤC ĐÍCH\n\n1. Một.\n\nII. KINH PHÍ\n\nKhông.\n\nNơi nhận:\n\n- Sở Nội vụ;\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH',
    );
    expect(p.structure).toMatchObject({
      sections: 'consistent',
      signature: 'partial',
      recipients: 'found',
      uncertain: ['signature'],
    });
  });

  it('"Điều 5 Luật …" inside a plan is not an article (articles run from 1)', () => {
    const p = fromText(
      'KẾ HOẠCH\n\nThử năm 2025\n\nI. CĂN CỨ\n\nĐiều 5 Luật Bình đẳng giới quy định như sau.',
    );
    expect(p.articles).toEqual([]);
    expect(p.sections[0]!.items[0]!.text).toMatch(/^Điều 5 Luật/);
  });
});

describe.skipIf(!existsSync(TVPL))('published documents (shared/corpus/tvpl)', () => {
  it('001c610b: the Kế hoạch attached to Quyết định 2820 has its four sections and an appendix', async () => {
    const p = await loadPlan(path.join(TVPL, '001c610b2efdcf0c.md'));
    expect(p.meta.docType).toBe('Quyết định');
    expect(p.articles.map((a) => a.number)).toEqual([1, 2, 3]);
    // "… QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 …": a cited decision's date, not the plan's year.
    expect(p.attachment).toMatchObject({ docType: 'Kế hoạch', planYear: null });
    expect(p.sections.map((s) => s.kind)).toEqual(['purpose', 'tasks', 'tasks', 'organization']);
    expect(p.recipients!.items).toHaveLength(14);
    expect(p.signature).toMatchObject({
      authority: ['KT. CHỦ TỊCH'],
      position: 'PHÓ CHỦ TỊCH',
      signer: 'Nguyễn Lộc Hà',
    });
    expect(p.appendices.map((a) => a.kind)).toEqual(['appendix']);
    expect(p.structure.uncertain).toEqual([]);
  });
});
