import { describe, expect, it } from 'vitest';
import { needsShared, SHARED } from '../_shared.js';
import { rule } from '../../src/rules/numbering.js';
import { emptyPlan, item, runRule, testRule } from './_harness.js';
import { brief, PLAN_SEEDS, seedFindings } from './_seeds.js';
import { planFromText } from '../../src/examples/run.js';
import type { Item } from '../../src/plan/schema.js';

const doc = (...lines: string[]) => lines.join('\n\n');

testRule(rule, {
  valid: [
    {
      text: doc(
        'I. MỤC ĐÍCH',
        '1. Một.',
        '2. Hai',
        'a) Tọa đàm.',
        'b) Hội thi.',
        'c) Phát thanh.',
        'd) Pa nô.',
        'đ) Tờ rơi.',
        'e) Video.',
        'g) Báo.',
        'h) Đài.',
        'i) Loa.',
        'k) Mạng.',
        'II. NỘI DUNG',
        '1. Một.',
      ),
      fromText: true,
      name: 'I, II; 1, 2; a) … k) in the Vietnamese order',
    },
    {
      text: doc('I. TỔ CHỨC THỰC HIỆN', 'a) Sở Nội vụ.', 'b) Sở Tài chính.'),
      fromText: true,
      name: 'letter points right under a section',
    },
    {
      text: doc('I. NỘI DUNG', '1. Một', '1.1. Một một.', '1.2. Một hai.', '2. Hai.'),
      fromText: true,
      name: 'decimal sub-items',
    },
    {
      text: doc('I. NỘI DUNG', '2. Hai.', '3. Ba.'),
      fromText: true,
      options: { checkStart: false },
      name: 'checkStart off',
    },
    {
      text: doc('I. NỘI DUNG', '1. Một.', '2. Hai.', '1. Một (phần sau).', '2. Hai.'),
      fromText: true,
      name: 'a list numbered again from 1 (a level the tree does not hold)',
    },
  ],
  invalid: [
    {
      text: doc(
        'I. MỤC ĐÍCH',
        '1. Một.',
        'II. NỘI DUNG',
        '1. Một.',
        'II. KINH PHÍ',
        '1. Một.',
        'IV. TỔ CHỨC THỰC HIỆN',
        '1. Một.',
      ),
      fromText: true,
      name: 'a repeated Roman numeral, reported once',
      errors: [
        {
          messageId: 'duplicate',
          severity: 'warning',
          line: 9,
          excerpt: 'II. KINH PHÍ',
          message: 'Số "II." bị lặp: "KINH PHÍ" trùng số với mục trước; đánh lại thành "III."',
        },
      ],
    },
    {
      text: doc('I. NỘI DUNG', '1. Tuyên truyền.', '3. Tập huấn.'),
      fromText: true,
      errors: [
        {
          messageId: 'gap',
          line: 5,
          message: 'Đánh số bị bỏ qua: sau "1." là "3." ("Tập huấn."); thiếu "2."',
        },
      ],
    },
    {
      text: doc('I. NỘI DUNG', '1. Một', 'a) Tọa đàm.', 'b) Hội thi.', 'e) Phát thanh.'),
      fromText: true,
      name: 'd) and đ) skipped',
      errors: [
        { messageId: 'gap', message: 'Đánh số bị bỏ qua: sau "b)" là "e)" ("Phát thanh."); thiếu "c)"' },
      ],
    },
    {
      text: doc('I. NỘI DUNG', '1. Một.', '3. Ba.', '2. Hai.'),
      fromText: true,
      errors: [
        { messageId: 'gap' },
        { messageId: 'order', message: 'Đánh số đi lùi: "2." ("Hai.") đứng sau "3."; đúng thứ tự là "4."' },
      ],
    },
    {
      text: doc('I. NỘI DUNG', '2. Hai.', '3. Ba.'),
      fromText: true,
      lang: 'en',
      errors: [{ messageId: 'start', message: 'The list starts at "2." ("Hai.") instead of "1."' }],
    },
  ],
});

describe('numbering: hand-made lists', () => {
  const list = (...items: Item[]) => {
    const plan = emptyPlan();
    plan.sections.push({
      type: 'section',
      numeral: 'I',
      heading: 'NỘI DUNG',
      kind: 'tasks',
      position: { start: { line: 1, column: 1 }, end: { line: 1, column: 12 } },
      items,
    });
    return plan;
  };
  const labelled = (
    label: string,
    labelKind: Item['labelKind'],
    text: string,
    line: number,
    children: Item[] = [],
  ) => ({ ...item(text, { line, children }), label, labelKind });

  it('f) is not a Vietnamese point letter; emoji digits; a letter point beside numbered clauses', () => {
    const plan = list(
      labelled('1️.', 'arabic', 'Vùng Di sản', 3, [
        labelled('a)', 'letter', 'Một', 4),
        labelled('f)', 'letter', 'Sáu', 5),
      ]),
      labelled('2.', 'arabic', 'Vùng Biển', 6),
      labelled('c)', 'letter', 'Lạc cấp', 7),
    );
    expect(runRule(rule, plan).map((m) => [m.line, m.messageId, m.message])).toEqual([
      [3, 'emojiDigit', 'Số thứ tự "1️." viết bằng ký tự emoji; viết bằng chữ số thường: "1."'],
      [
        5,
        'letterNotUsed',
        'Điểm "f)" dùng chữ "f", không có trong thứ tự chữ cái tiếng Việt (không dùng f, j, w, z); dùng "?"',
      ],
      [
        7,
        'mixedLevel',
        'Điểm chữ cái "c)" ("Lạc cấp") đứng cùng cấp với các khoản số ("1️. Vùng Di sản"); điểm a), b) phải nằm trong một khoản số',
      ],
    ]);
  });

  it('a label swallowed with a page number ("8 6. Giải pháp …") is not a gap', () => {
    const plan = list(
      labelled('4.', 'arabic', 'Bốn', 2),
      labelled('5.', 'arabic', 'Năm', 3, [
        labelled('-', 'dash', 'Ý.\n8 6. Giải pháp ứng dụng công nghệ số', 4),
      ]),
      labelled('7.', 'arabic', 'Bảy', 6),
    );
    expect(runRule(rule, plan, { options: { checkStart: false } })).toEqual([]);
  });
});

describe('numbering on the seeds', () => {
  it('the four plan seeds are numbered in order; nothing on 001', async () => {
    const found = Object.fromEntries(
      await Promise.all(PLAN_SEEDS.map(async (id) => [id, brief(await seedFindings(rule, id))] as const)),
    );
    expect(found).toEqual({ '000': [], '002': [], '003': [], '004': [] });
    expect(await seedFindings(rule, '001')).toEqual([]);
  });

  it.skipIf(!SHARED)(
    needsShared('the Huế corpus plan KH188: emoji digits and the repeated "III."'),
    async () => {
      const { loadPlan } = await import('../../src/parse/index.js');
      const { readdirSync } = await import('node:fs');
      const dir = `${SHARED}/corpus/text/`;
      const file = readdirSync(dir).find((name) => name.startsWith('hue_UBND-TP_KH188'))!;
      const messages = runRule(rule, await loadPlan(dir + file));
      expect(messages.map((m) => [m.line, m.messageId, m.excerpt])).toEqual([
        [97, 'emojiDigit', 'Vùng Di sản – Sông Hương – Làng nghề, Nh'],
        [112, 'emojiDigit', 'Vùng Biển – Đầm phá Tam Giang – Văn hóa'],
        [127, 'emojiDigit', 'Vùng Miền núi – Sinh thái suối thác – Vă'],
        [140, 'emojiDigit', 'Vùng Nông nghiệp sinh thái – Làng quê –'],
        [151, 'duplicate', 'III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU GIAI ĐOẠN 2026–2027'],
      ]);
    },
  );
});

describe('numbering: goals, indicators and "Nhiệm vụ N" lists (audit 2026-12)', () => {
  const run = async (text: string) =>
    runRule(rule, await planFromText(text)).map((m) => [m.messageId, m.excerpt.slice(0, 10)]);
  const goals = 'KẾ HOẠCH\n\nCông tác phòng, chống thiên tai năm 2024\n\nI. MỤC TIÊU, CHỈ TIÊU\n\n';
  it('"Chỉ tiêu 1, 2, 4" and "Chỉ tiêu 1, 1" in a plan that follows no catalogue', async () => {
    expect(
      await run(
        `${goals}1. Mục tiêu 1: Giảm thiệt hại\n\n- Chỉ tiêu 1: Giảm 10% thiệt hại về người.\n\n- Chỉ tiêu 2: Giảm 5% thiệt hại về tài sản.\n\n- Chỉ tiêu 4: 100% xã có phương án.\n`,
      ),
    ).toEqual([['gap', 'Chỉ tiêu 4']]);
    expect(
      await run(
        `${goals}1. Mục tiêu 1: Giảm thiệt hại\n\n- Chỉ tiêu 1: Giảm 10% thiệt hại về người.\n\n- Chỉ tiêu 1: Giảm 5% thiệt hại về tài sản.\n`,
      ),
    ).toEqual([['duplicate', 'Chỉ tiêu 1']]);
  });
  it('"Mục tiêu 1, 3": a gap; in a plan implementing the strategy, its numbers are kept (no gap), a repeat still is one', async () => {
    const body =
      '1. Mục tiêu 1: Trong lĩnh vực chính trị\n\nChỉ tiêu: Đạt 56% cơ quan có lãnh đạo chủ chốt là nữ.\n\n2. Mục tiêu 3: Trong đời sống gia đình\n\n- Chỉ tiêu 1: Giảm số giờ làm việc nhà.\n\n- Chỉ tiêu 3: 100% nạn nhân bị mua bán trở về được hỗ trợ.\n';
    expect(await run(`${goals}${body}`)).toEqual([
      ['gap', 'Mục tiêu 3'],
      ['gap', 'Chỉ tiêu 3'],
    ]);
    const strategy =
      'KẾ HOẠCH\n\nThực hiện Chiến lược quốc gia về bình đẳng giới năm 2024\n\nI. MỤC TIÊU, CHỈ TIÊU\n\n';
    expect(await run(`${strategy}${body}`)).toEqual([]);
    // (A repeated "Mục tiêu 1" heading is merged into one goal by the builder: only indicators can repeat in plan.goals.)
    expect(
      await run(
        `${strategy}1. Mục tiêu 2: Trong lĩnh vực kinh tế\n\n- Chỉ tiêu 1: Đạt 50%.\n\n- Chỉ tiêu 1: Dưới 30%.\n`,
      ),
    ).toEqual([['duplicate', 'Chỉ tiêu 1']]);
  });
  it('"Nhiệm vụ 1, 2, 4" as item texts', async () => {
    const text =
      'I. NHIỆM VỤ\n\n1. Nhiệm vụ 1: Tuyên truyền.\n\n2. Nhiệm vụ 2: Tập huấn.\n\n3. Nhiệm vụ 4: Kiểm tra.\n';
    expect(await run(text)).toEqual([['gap', 'Nhiệm vụ 4']]);
    expect(await run('I. NHIỆM VỤ\n\n1. Nhiệm vụ 1: Tuyên truyền.\n\n2. Nhiệm vụ 2: Tập huấn.\n')).toEqual(
      [],
    );
  });
});
