/**
 * The Plan tree on the real seeds and their .docx/.pdf: real content, whatever the format.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../src/parse/index.js';
import { parseText } from '../src/parse/text.js';
import { buildPlan } from '../src/plan/build.js';
import { PlanSchema, type Item, type Plan } from '../src/plan/schema.js';

const FIX = path.resolve(__dirname, '../fixtures');
const CORPUS = path.resolve(__dirname, '../../shared/corpus');
const PLANS = [
  '000_a2bc4216fc60fd38',
  '002_06484e6e4818e0d7',
  '003_4648be2b9eb23052',
  '004_a5398dc3df371b71',
];

const plans = new Map<string, Plan>();
async function plan(file: string): Promise<Plan> {
  if (!plans.has(file)) plans.set(file, await loadPlan(path.join(FIX, file)));
  return plans.get(file)!;
}
function fromText(text: string): Plan {
  return buildPlan(parseText(text, 'test.txt'));
}

/** The tree without positions and with the layout-only motto line, for cross-format comparison. */
function content(p: Plan): unknown {
  return JSON.parse(
    JSON.stringify(
      { ...p, source: null, meta: { ...p.meta, lines: { ...p.meta.lines, motto: null } } },
      (key, value) => (key === 'position' || key === 'parts' || key === 'sourcePosition' ? undefined : value),
    ),
  );
}

describe('every plan seed, every format', () => {
  for (const seed of PLANS) {
    for (const ext of ['txt', 'docx', 'pdf']) {
      it(`${seed}.${ext} matches the Plan schema`, async () => {
        const p = await plan(`${seed}.${ext}`);
        expect(() => PlanSchema.parse(p)).not.toThrow();
        expect(p.meta.isPlan).toBe(true);
        expect(p.meta.docType).toBe('Kế hoạch');
      });
    }
    it(`${seed}: .txt, .docx and .pdf give the same tree apart from positions`, async () => {
      const txt = content(await plan(`${seed}.txt`));
      expect(content(await plan(`${seed}.docx`))).toEqual(txt);
      expect(content(await plan(`${seed}.pdf`))).toEqual(txt);
    });
  }
  it('Word automatic numbering gives the same tree as typed numbering', async () => {
    expect(content(await plan('variants/000_autonumber.docx'))).toEqual(
      content(await plan('000_a2bc4216fc60fd38.txt')),
    );
  });
  it('soft line breaks inside paragraphs give the same tree', async () => {
    expect(content(await plan('variants/003_softbreaks.docx'))).toEqual(
      content(await plan('003_4648be2b9eb23052.txt')),
    );
  });
  it('accents stored decomposed (NFD) give the same tree, in .docx and in .pdf', async () => {
    const txt = content(await plan('002_06484e6e4818e0d7.txt'));
    expect(content(await plan('variants/002_nfd.docx'))).toEqual(txt);
    expect(content(await plan('variants/002_nfd.pdf'))).toEqual(txt);
  });
});

describe('000 (Bình Phước 2024, draft)', () => {
  let p: Plan;
  beforeAll(async () => {
    p = await plan('000_a2bc4216fc60fd38.txt');
  });
  it('reads the header of a draft', () => {
    expect(p.meta).toMatchObject({
      issuer: 'Ủy ban nhân dân tỉnh Bình Phước',
      issuerCode: 'UBND',
      number: '',
      symbol: 'KH-UBND',
      place: 'Bình Phước',
      issueDate: null,
      planYear: 2024,
      level: 'tỉnh',
      draft: true,
      title: 'Triển khai thực hiện công tác Bình đẳng giới trên địa bàn tỉnh Bình Phước năm 2024',
    });
    expect(p.meta.lines.number?.position.start.line).toBe(3);
  });
  it('has sections I–IV of the right kinds', () => {
    expect(p.sections.map((s) => [s.numeral, s.kind])).toEqual([
      ['I', 'purpose'],
      ['II', 'tasks'],
      ['III', 'budget'],
      ['IV', 'organization'],
    ]);
    expect(p.sections[2]!.heading).toBe('KINH PHÍ THỰC HIỆN');
    expect(p.sections[2]!.items[0]!.text).toMatch(/^Từ nguồn kinh phí Trung ương/);
  });
  it('nests items by their labels', () => {
    const ii = p.sections[1]!;
    expect(ii.items.map((i) => i.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
    expect(ii.items[1]!.children.map((i) => i.label)).toEqual(['a)', 'b)']);
    expect(ii.items[1]!.children[0]!.children.every((i: Item) => i.labelKind === 'dash')).toBe(true);
  });
  it('has 19 numbered assignments in IV', () => {
    const iv = p.sections[3]!;
    expect(iv.items.map((i) => i.label)).toEqual(Array.from({ length: 19 }, (_, i) => `${i + 1}.`));
    expect(p.assignments).toHaveLength(19);
    expect(p.assignments.map((a) => a.label)).toEqual(iv.items.map((i) => i.label));
  });
  it('Sở Nội vụ answers for Mục tiêu 1 of Kế hoạch 122/KH-UBND', () => {
    const noiVu = p.assignments.find((a) => a.owner === 'Sở Nội vụ')!;
    expect(noiVu.role).toBe('chịu trách nhiệm');
    expect(noiVu.indicatorRefs).toEqual([
      expect.objectContaining({
        goal: 1,
        indicator: null,
        plan: expect.objectContaining({ number: '122', symbol: 'KH-UBND', date: '2021-04-13' }),
      }),
    ]);
  });
  it('resolves "chỉ tiêu 2 (…), 3, 4 của Mục tiêu 3" and "chỉ tiêu 3 Mục tiêu 5"', () => {
    const ldtbxh = p.assignments[0]!;
    expect(ldtbxh.owner).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(ldtbxh.ownerKey).toBe('sở lao động - thương binh và xã hội');
    expect(ldtbxh.indicatorRefs.map((r) => `${r.goal}.${r.indicator}`)).toEqual([
      '2.1',
      '2.2',
      '3.2',
      '3.3',
      '3.4',
      '5.3',
      '6.1',
      '6.2',
    ]);
  });
  it('"Đề nghị …" assignments have the role đề nghị, without the word in the owner', () => {
    const hoi = p.assignments.find((a) => a.owner === 'Hội Liên hiệp Phụ nữ tỉnh')!;
    expect(hoi.role).toBe('đề nghị');
  });
  it('rejoins a citation split by a page break and keeps both lines', () => {
    const c = p.citations.find((x) => x.number === '128')!;
    expect(c.text).toBe('Kế hoạch số 128/KH-UBND ngày 06/5/2022');
    expect(c.position.start.line).toBe(33);
    expect(c.parts?.map((part) => part.position.start.line)).toEqual([33, 35]);
    expect(c.parts?.[1]?.position.start.column).toBe(1);
  });
  it('keeps a malformed symbol as written', () => {
    const c = p.citations.find((x) => x.number === '1303')!;
    expect(c.raw).toBe('1303/BLĐT BXH-VBĐG');
    expect(c.issuer).toBe('Bộ Lao động - Thương binh và Xã hội');
  });
  it('reads Nơi nhận and the signature', () => {
    expect(p.recipients?.items.map((l) => l.text)[0]).toBe('- Bộ LĐTBXH;');
    expect(p.recipients?.items).toHaveLength(8);
    expect(p.signature).toMatchObject({
      authority: ['KT. CHỦ TỊCH'],
      position: 'PHÓ CHỦ TỊCH',
      signer: 'Trần Tuyết Minh',
    });
  });
  it('dates: the action month as a period, programme periods, none invented', () => {
    const period = p.dates.find((d) => d.raw === 'từ ngày 15/11 đến ngày 15/12/2024')!;
    expect(period).toMatchObject({
      kind: 'period',
      value: '2024-11-15',
      end: '2024-12-15',
      inCitation: false,
    });
    const inCitation = p.dates.filter((d) => d.inCitation).map((d) => d.value);
    expect(inCitation).toContain('2021-03-03');
    expect(p.dates.filter((d) => d.invalid)).toEqual([]);
  });
});

describe('every citation in the four plans', () => {
  const expected: Record<string, [string, string | null, string | null, string | null][]> = {
    '000_a2bc4216fc60fd38': [
      ['Nghị quyết', '28', 'NQ-CP', '2021-03-03'],
      ['Công văn', '1303', 'BLĐTBXH-VBĐG', '2024-03-29'],
      ['Tờ trình', '60', 'TTr-SLĐTBXH', '2024-04-08'],
      ['Kế hoạch', '49', 'KH-UBND', '2021-02-19'],
      ['Kế hoạch', '122', 'KH-UBND', '2021-04-13'],
      ['Kế hoạch', '128', 'KH-UBND', '2022-05-06'],
      ['Luật', null, null, null],
      ['Bộ luật', null, null, null],
      ['Chỉ thị', '21', 'CT/TW', '2018-01-20'],
      ['Quyết định', '2282', 'QĐ-TTg', '2020-12-31'],
      ['Nghị định', '125', 'NĐ-CP', '2021-12-28'],
      ['Kế hoạch', '119', 'KH/TU', '2013-05-27'],
      ['Kết luận', '55', 'KL/TW', '2013-01-18'],
      ['Nghị quyết', '11', 'NQ/TW', null],
      ['Nghị định', '125', 'NĐ-CP', '2021-12-28'],
      ['Quyết định', '4247', 'QĐ-BGDĐT', '2023-12-12'],
      ['Thông tư', '10', 'TT-BKHĐT', '2019-07-30'],
      ['Công văn', '2792', 'LĐTBXH-BĐG', '2021-08-20'],
      ...Array.from({ length: 7 }, (): [string, string, string, string] => [
        'Kế hoạch',
        '122',
        'KH-UBND',
        '2021-04-13',
      ]),
      ['Bộ luật', null, null, null],
    ],
    '002_06484e6e4818e0d7': [
      ['Kế hoạch', '102', 'KH-UBND', '2021-03-22'],
      ['Kế hoạch', '212', 'KH-UBND', '2021-06-11'],
      ['Kế hoạch', '385', 'KH-UBND', '2021-12-18'],
      ['Luật', null, null, null],
      ['Kế hoạch', '102', 'KH-UBND', '2021-03-22'],
      ['Kế hoạch', '212', 'KH-UBND', '2021-06-11'],
      ['Kế hoạch', '385', 'KH-UBND', '2021-12-18'],
      ['Luật', null, null, null],
      ['Thông tư', '191', 'TT-BTC', '2009-10-01'],
      ['Luật', null, null, null],
      ['Công văn', '9973', 'UBND-XH', '2023-09-19'],
      ['Kế hoạch', '76', 'KH-UBND', '2021-03-06'],
      ['Luật', null, null, null],
      ['Luật', null, null, null],
      ['Luật', null, null, null],
      ['Quyết định', '1719', 'QĐ-TTg', '2021-10-14'],
      ['Công văn', '9973', 'UBND-XH', '2023-09-19'],
      ['Quyết định', '1719', 'QĐ-TTg', '2021-10-14'],
    ],
    '003_4648be2b9eb23052': [
      ['Kế hoạch', '1415', 'KH-UBND', '2021-05-25'],
      ['Công văn', '1303', 'BLĐTBXH-VBĐG', '2024-03-29'],
      ['Nghị quyết', '11', 'NQ/TW', '2007-04-27'],
      ['Chỉ thị', '21', 'CT/TW', '2018-01-20'],
      ['Luật', null, null, null],
      ['Nghị định', '70', 'NĐ-CP', '2008-06-04'],
      ['Luật', null, null, null],
      ['Nghị định', '48', 'NĐ-CP', '2009-05-19'],
      ['Nghị định', '125', 'NĐ-CP', '2021-12-28'],
      ['Quyết định', '2282', 'QĐ-TTg', '2020-12-31'],
      ['Kế hoạch', '1415', 'KH-UBND', '2021-05-25'],
    ],
    '004_a5398dc3df371b71': [
      ['Kế hoạch', '786', 'KH-UBND', '2023-03-22'],
      ['Luật', null, null, null],
    ],
  };
  for (const [seed, list] of Object.entries(expected)) {
    it(`${seed}: ${list.length} citations with number, symbol and date`, async () => {
      const p = await plan(`${seed}.txt`);
      expect(p.citations.map((c) => [c.docType, c.number, c.symbol, c.date])).toEqual(list);
    });
  }
  it('laws cited by name are cut at the end of the name, with the year when written', async () => {
    const p = await plan('002_06484e6e4818e0d7.txt');
    const names = p.citations.filter((c) => c.format === 'name').map((c) => [c.raw, c.year]);
    expect(names).toContainEqual(['Luật Ngân sách nhà nước năm 2024', 2024]);
    expect(names).toContainEqual(['Luật Phòng, chống bạo lực gia đình', null]);
  });
});

describe('004 (Ngọc Hồi 2023): goals, indicators, targets', () => {
  let p: Plan;
  beforeAll(async () => {
    p = await plan('004_a5398dc3df371b71.txt');
  });
  it('has goals 1–6 with 1, 3, 3, 3, 4, 4 indicators', () => {
    expect(p.goals.map((g) => [g.index, g.indicators.length])).toEqual([
      [1, 1],
      [2, 3],
      [3, 3],
      [4, 3],
      [5, 4],
      [6, 4],
    ]);
    expect(p.goals[0]!.field).toBe('Trong lĩnh vực chính trị');
  });
  it('parses Vietnamese targets', () => {
    const t = (goal: number, indicator: number) => p.goals[goal - 1]!.indicators[indicator - 1]!.targets;
    expect(t(2, 3)[0]).toMatchObject({ kind: 'percent', value: 26.05, comparator: 'at-least' });
    expect(t(4, 2)[0]).toMatchObject({ kind: 'rate', value: 31.8, base: 100000 });
    expect(t(4, 1)[0]).toMatchObject({ kind: 'ratio', value: 108, base: 110, unit: 'bé trai/bé gái' });
    expect(t(4, 3)[0]).toMatchObject({ kind: 'change', from: 55, to: 56, base: 1000, direction: 'decrease' });
    expect(t(3, 1)[0]).toMatchObject({ kind: 'count', value: 1.6, unit: 'lần', direction: 'decrease' });
  });
  it('does not mistake the task section\'s "Mục tiêu N" groupings for goals', () => {
    expect(p.goals).toHaveLength(6);
    expect(p.sections[2]!.kind).toBe('tasks');
  });
  it('reads the district level and the issuer named in the body', () => {
    expect(p.meta).toMatchObject({
      issuer: 'Ủy ban nhân dân huyện Ngọc Hòì',
      level: 'huyện',
      planYear: 2023,
      issuerCode: 'UBND',
    });
  });
  it('an owner listing several offices keeps the list', () => {
    expect(p.assignments[0]!.owner).toMatch(
      /^Các Phòng: Nội vụ, .*Trung tâm Văn hóa, Thể thao, Du lịch, và Truyền thông$/,
    );
  });
  it('refers to an appendix it does not contain', () => {
    expect(p.appendixRefs.map((r) => r.raw)).toContain('phụ lục kèm theo');
    expect(p.appendices).toEqual([]);
  });
  it('the appendix variant has its assignment table', async () => {
    const v = await plan('variants/004_appendix.docx');
    expect(v.appendices).toHaveLength(1);
    const table = v.tables[v.appendices[0]!.tables[0]!]!;
    expect(table.role).toBe('assignment');
    expect(table.rows[0]!.cells.map((c) => c.text)).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian thực hiện',
    ]);
    expect(v.assignments.filter((a) => a.source === 'table').length).toBeGreaterThan(5);
  });
});

describe('003 and 002 headers', () => {
  it('003: number "01", symbol KH-BVSTBPN, issued 2024-04-24', async () => {
    const p = await plan('003_4648be2b9eb23052.txt');
    expect(p.meta).toMatchObject({
      number: '01',
      symbol: 'KH-BVSTBPN',
      issueDate: '2024-04-24',
      issuerCode: 'BVSTBPN',
      draft: false,
    });
    expect(p.meta.issuer).toBe('Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu');
    expect(p.signature).toMatchObject({ position: 'TRƯỞNG BAN', signer: 'Tổng Thanh Hải' });
  });
  it('002: no header block, issuer from the body, reporting section', async () => {
    const p = await plan('002_06484e6e4818e0d7.txt');
    expect(p.meta).toMatchObject({
      number: null,
      symbol: null,
      issueDate: null,
      issuer: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế',
      planYear: 2024,
    });
    expect(p.sections.map((s) => s.kind)).toEqual([
      'purpose',
      'tasks',
      'budget',
      'organization',
      'reporting',
    ]);
    expect(p.dates.filter((d) => d.kind === 'deadline').map((d) => d.value)).toEqual([
      '2024-01-31',
      '2024-12-05',
      '2024-12-10',
    ]);
    expect(p.signature).toMatchObject({
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      signer: 'Nguyễn Thanh Bình',
    });
  });
});

describe('positions point into the original file', () => {
  it('docx: paragraph numbers; pdf: pages', async () => {
    const docx = await plan('000_a2bc4216fc60fd38.docx');
    const pdf = await plan('000_a2bc4216fc60fd38.pdf');
    expect(docx.sections[3]!.position.paragraph).toBeGreaterThan(10);
    expect(pdf.sections[0]!.position.page).toBe(1);
    expect(pdf.signature!.sourcePosition.page).toBe(pdf.source.pages);
  });
});

describe('not a plan: the news article 001', () => {
  it('isPlan false, docType null, citations still found', async () => {
    const p = await plan('001_7c7171d5d3a46b8d.txt');
    expect(p.meta.isPlan).toBe(false);
    expect(p.meta.docType).toBeNull();
    expect(p.citations.map((c) => `${c.number}/${c.symbol}`)).toContain('95/KH-UBND');
  });
});

describe('small texts', () => {
  it('numbering, not markdown, makes the structure', () => {
    const p = fromText(
      'KẾ HOẠCH\n\nThử nghiệm năm 2025\n\n# I. MỤC ĐÍCH\n\n## 1. Mục đích\n\n**a) Một**\n\n- gạch\n\n2) Hai\n\nII. KINH PHÍ\n\nKhông.',
    );
    expect(p.sections.map((s) => s.numeral)).toEqual(['I', 'II']);
    expect(p.sections[0]!.items.map((i) => i.label)).toEqual(['1.', '2)']);
    expect(p.sections[0]!.items[0]!.children[0]!.label).toBe('a)');
    expect(p.sections[0]!.items[0]!.children[0]!.children[0]!.label).toBe('-');
  });
  it('a decimal item closes the bullets and letters open above it ("3.3." after "- …" is a child of "3.")', () => {
    const p = fromText(
      'KẾ HOẠCH\n\nThử năm 2025\n\nI. NHIỆM VỤ\n\n3. Nhóm ba\n\n- Gạch dưới 3\n\n3.3. Ba chấm ba\n\n- Gạch dưới 3.3\n\na) Chữ dưới 3.3\n\n3.4. Ba chấm bốn\n\n3.4.1. Sâu hơn\n\n3.5. Ba chấm năm',
    );
    const three = p.sections[0]!.items[0]!;
    expect(three.children.map((c) => c.label)).toEqual(['-', '3.3.', '3.4.', '3.5.']);
    expect(three.children[1]!.children.map((c) => c.label)).toEqual(['-', 'a)']);
    expect(three.children[2]!.children.map((c) => c.label)).toEqual(['3.4.1.']);
  });
  it('a law cited by name: raw is the name; by name and number: the number as written, spaces kept', () => {
    const p = fromText(
      'KẾ HOẠCH\n\nThử năm 2025\n\nCăn cứ Luật Bình đẳng giới; Luật Tố cáo số 25/2018/ QH14;\n\nI. NỘI DUNG\n\n1. Làm.',
    );
    expect(p.citations.map((c) => [c.format, c.raw, c.number, c.symbol])).toEqual([
      ['name', 'Luật Bình đẳng giới', null, null],
      ['state', '25/2018/ QH14', '25', 'QH14'],
    ]);
  });
  it('an impossible date is kept as written and marked invalid', () => {
    const p = fromText('KẾ HOẠCH\n\nThử năm 2025\n\nI. NỘI DUNG\n\n1. Hoàn thành trước ngày 31/02/2025.');
    expect(p.dates.find((d) => d.raw === '31/02/2025')).toMatchObject({
      invalid: true,
      value: null,
      kind: 'deadline',
    });
  });
});

describe('real office documents (corpus)', () => {
  const dir = path.join(CORPUS, 'docx');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.docx')) : [];
  it.skipIf(files.length === 0)('every corpus .docx parses into a valid tree', async () => {
    for (const f of files) {
      const p = await loadPlan(path.join(dir, f));
      expect(() => PlanSchema.parse(p), f).not.toThrow();
      expect(p.meta.docType, f).not.toBeNull();
    }
  });
  it.skipIf(files.length === 0)(
    'a signed plan, a decision and a guidance read as what they are',
    async () => {
      const kh = await loadPlan(path.join(dir, 'luongminh_MTTQ_KH16-KH-MTTQ-BTT_2025-11-18_bau-cu.docx'));
      expect(kh.meta).toMatchObject({
        number: '16',
        symbol: 'KH-MTTQ-BTT',
        issueDate: '2025-11-18',
        isPlan: true,
        level: 'xã',
      });
      const qd = await loadPlan(
        path.join(dir, 'luongminh_MTTQ_QD_2026-01-12_thanh-lap-to-tiep-cong-dan.docx'),
      );
      expect(qd.meta).toMatchObject({ docType: 'Quyết định', isPlan: false });
      expect(qd.citations[0]).toMatchObject({
        docType: 'Luật',
        number: '85',
        year: 2015,
        symbol: 'QH13',
        format: 'state',
        raw: '85/2015/QH13',
      });
      expect(qd.citations[0]!.text).toMatch(
        /^Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85\/2015\/QH13/u,
      );
      const hd = await loadPlan(path.join(dir, 'luongminh_MTTQ_HD_2025-11_bau-cu.docx'));
      expect(hd.meta).toMatchObject({ docType: 'Hướng dẫn', isPlan: false });
    },
  );
  it.skipIf(files.length === 0)(
    '"7.1." after a list of bullets takes the bullets that follow it (Bắc Cam Ranh 2025)',
    async () => {
      const p = await loadPlan(
        path.join(dir, 'bac-cam-ranh_MTTQ-phuong_KH_2025-11_kiem-tra-giam-sat-bau-cu.docx'),
      );
      const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(i.children)]);
      const seven = all(p.sections.flatMap((s) => s.items)).find((i) => i.label === '7.1.')!;
      expect(seven.text).toMatch(/^Kiểm tra việc vận động bầu cử thông qua hội nghị tiếp xúc cử tri/u);
      expect(seven.children.map((c) => c.label)).toEqual(['-', '-', '-', '-']);
    },
  );
  it.skipIf(!existsSync(path.join(CORPUS, 'text')))(
    'PDF-extracted text of a signed plan: header columns, hyphen breaks',
    async () => {
      const p = await loadPlan(
        path.join(CORPUS, 'text', 'hue_UBND-TP_KH188-KH-UBND_2026-04-02_du-lich-sinh-thai-cong-dong.txt'),
      );
      expect(p.meta).toMatchObject({
        number: '188',
        symbol: 'KH-UBND',
        issueDate: '2026-04-02',
        issuer: 'Ủy ban nhân dân thành phố Huế',
        level: 'tỉnh',
      });
      expect(p.meta.title).toBe(
        'Phát triển du lịch sinh thái, du lịch cộng đồng thành phố Huế giai đoạn 2026 – 2027',
      );
      expect(p.citations.map((c) => `${c.number}/${c.symbol}`)).toContain('157/KH-UBND');
    },
  );
});
