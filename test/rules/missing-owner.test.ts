import { describe, expect, it } from 'vitest';
import { needsShared } from '../_shared.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rule } from '../../src/rules/missing-owner.js';
import { loadPlan } from '../../src/parse/index.js';
import type { Plan, Table, TableRow } from '../../src/plan/schema.js';
import { emptyPlan, positionOf, runRule, testRule } from './_harness.js';
import { PLAN_SEEDS, brief, seedFindings, expectSameAcrossFormats } from './_seeds.js';

const GOALS =
  'II. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu 1: Trong lĩnh vực chính trị\n\nChỉ tiêu: Đến cuối năm 2023, đạt 56% các cơ quan có lãnh đạo chủ chốt là nữ.\n\n' +
  '2. Mục tiêu 2: Trong lĩnh vực kinh tế, lao động\n\n- Chỉ tiêu 1: Tăng tỷ lệ lao động nữ làm công hưởng lương đạt 50%.\n\n- Chỉ tiêu 2: Giảm tỷ trọng lao động nữ trong nông nghiệp xuống dưới 30%.\n\n';

let line = 1;
function row(cells: string[], header = false): TableRow {
  const at = line;
  line += 2;
  return {
    type: 'row',
    header,
    cells: cells.map((text, i) => ({
      type: 'cell',
      text,
      position: positionOf(text || ' ', at, 1 + i * 40),
    })),
    position: positionOf('x', at),
  };
}
function tablePlan(rows: string[][]): Plan {
  line = 1;
  const plan = emptyPlan();
  const table: Table = {
    type: 'table',
    role: 'assignment',
    rows: [
      row(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian'], true),
      ...rows.map((r) => row(r)),
    ],
    position: positionOf('x'),
  };
  plan.tables.push(table);
  return plan;
}

const ORG = (items: string) => `IV. TỔ CHỨC THỰC HIỆN\n\n${items}\n`;

testRule(rule, {
  valid: [
    // Shapes of false alarms read in shared/corpus/tvpl ('Tổ chức thực hiện' of provincial plans, issue 10).
    {
      name: 'a sub-heading is not a task',
      fromText: true,
      text: ORG('1. Sở Y tế: Chủ trì tổ chức truyền thông.\n\n2. Cơ chế phối hợp và trách nhiệm giải trình'),
    },
    {
      name: '"Các sở, ban, ngành …" names the bodies',
      fromText: true,
      text: ORG('1. Các sở, ban, ngành theo chức năng, nhiệm vụ triển khai các nội dung của Kế hoạch.'),
    },
    {
      name: '"Các cơ quan, đơn vị, địa phương …"',
      fromText: true,
      text: ORG('1. Các cơ quan, đơn vị, địa phương chủ động bố trí kinh phí thực hiện.'),
    },
    {
      name: '"Đề nghị Công ty Điện lực …"',
      fromText: true,
      text: ORG('1. Đề nghị Công ty Điện lực tỉnh bảo đảm cung cấp điện phục vụ các hoạt động.'),
    },
    {
      name: 'a requirement on the whole plan',
      fromText: true,
      text: ORG(
        '1. Việc triển khai Kế hoạch này phải được thực hiện bằng nhiều phương pháp, phù hợp với từng đối tượng.',
      ),
    },
    {
      name: 'every organization item names its agency',
      fromText: true,
      text: 'IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế: Chủ trì tổ chức truyền thông.\n\n2. Sở Tư pháp: Phối hợp tập huấn.\n',
    },
    {
      name: 'a sub-heading inside Tổ chức thực hiện',
      fromText: true,
      text: 'IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế: Chủ trì tổ chức truyền thông.\n\n2. Chế độ báo cáo\n',
    },
    {
      name: 'goals owned in the text (whole goal and single indicators)',
      fromText: true,
      text:
        GOALS +
        'III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Nội vụ: Chịu trách nhiệm thực hiện chỉ tiêu của Mục tiêu 1.\n\n2. Phòng Lao động - Thương binh và Xã hội: Chủ trì thực hiện chỉ tiêu 1, 2 của Mục tiêu 2.\n',
    },
    {
      name: 'an assignment table with owners',
      plan: tablePlan([
        ['I', 'Mục tiêu 1: Chính trị', '', '', ''],
        ['1', 'Rà soát quy hoạch cán bộ nữ', 'Phòng Nội vụ', 'Các xã', 'Năm 2023'],
      ]),
    },
  ],
  invalid: [
    {
      name: 'an assignment-table row with an empty owner cell',
      plan: tablePlan([
        ['I', 'Mục tiêu 1: Chính trị', '', '', ''],
        ['1', 'Rà soát quy hoạch cán bộ nữ', '', 'Các xã', 'Năm 2023'],
        ['2', 'Đào tạo cán bộ nữ', 'Phòng Nội vụ', '', 'Năm 2023'],
      ]),
      errors: [
        {
          messageId: 'emptyOwnerCell',
          line: 5,
          excerpt: 'Rà soát quy hoạch cán bộ nữ',
          message: expect.stringContaining('"Cơ quan chủ trì"') as unknown as string,
        },
      ],
    },
    {
      name: 'a lead named in the table for an empty task',
      plan: tablePlan([['1', '', 'Phòng Nội vụ', 'Các xã', 'Năm 2023']]),
      errors: [{ messageId: 'leadForNothing', severity: 'info', excerpt: 'Phòng Nội vụ' }],
    },
    {
      name: 'a task item among sub-headings and named bodies still needs its owner',
      fromText: true,
      text: ORG(
        '1. Thời gian thực hiện\n\n2. Các sở, ban, ngành: Triển khai kế hoạch.\n\n3. Tăng cường kiểm tra, giám sát việc thực hiện kế hoạch.',
      ),
      errors: [{ messageId: 'unknownOwner', line: 7 }],
    },
    {
      name: 'an organization item without an agency',
      fromText: true,
      text: 'IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế: Chủ trì tổ chức truyền thông.\n\n2. Tăng cường kiểm tra, giám sát việc thực hiện kế hoạch.\n',
      errors: [{ messageId: 'unknownOwner', line: 5 }],
    },
    {
      name: 'a goal nobody owns, and one indicator of a partly owned goal',
      fromText: true,
      text:
        GOALS +
        'III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Lao động - Thương binh và Xã hội: Chủ trì thực hiện chỉ tiêu 1 của Mục tiêu 2.\n',
      errors: [
        {
          messageId: 'unownedGoal',
          line: 3,
          message: expect.stringContaining('Mục tiêu 1 (1 chỉ tiêu') as unknown as string,
        },
        {
          messageId: 'unownedIndicator',
          line: 11,
          message: expect.stringContaining('Chỉ tiêu 2 của Mục tiêu 2') as unknown as string,
        },
      ],
    },
    {
      name: 'a partner is not an owner',
      fromText: true,
      text:
        GOALS +
        'III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Nội vụ: Phối hợp thực hiện chỉ tiêu của Mục tiêu 1.\n\n2. Phòng Lao động - Thương binh và Xã hội: Chủ trì thực hiện Mục tiêu 2.\n',
      errors: [{ messageId: 'unownedGoal', line: 3 }],
    },
  ],
});

describe('missing-owner on the real seeds', () => {
  it('004: no indicator is assigned in the text, the assignment is in an appendix that the file does not hold: one note', async () => {
    const messages = await seedFindings(rule, '004');
    expect(brief(messages).map((m) => [m[1], m[2]])).toEqual([['ownersInAppendix', 'info']]);
    expect(messages[0]!.message).toContain('18 chỉ tiêu');
  });
  it('004 with its appendix: the rows with an empty "Cơ quan chủ trì" and the goals 1 and 3 they leave unowned', async () => {
    const plan = await loadPlan('fixtures/variants/004_appendix.docx');
    const messages = runRule(rule, plan);
    const ids = messages.map((m) => m.messageId);
    expect(ids.filter((id) => id === 'emptyOwnerCell')).toHaveLength(8);
    expect(messages.filter((m) => m.messageId === 'unownedGoal').map((m) => m.message.slice(0, 12))).toEqual([
      'Mục tiêu 1 (',
      'Mục tiêu 3 (',
    ]);
    expect(messages.find((m) => m.messageId === 'emptyOwnerCell')!.excerpt).toMatch(
      /^Các cơ quan, đơn vị địa phương thường xuyên rà soát/,
    );
    expect(messages.every((m) => m.severity !== 'error')).toBe(true);
  });
  it('000, 002, 003: every item of Tổ chức thực hiện names its agency', async () => {
    for (const id of ['000', '002', '003'] as const) expect(await seedFindings(rule, id)).toEqual([]);
  });
  it.each(PLAN_SEEDS)('%s: the same findings in .txt, .docx and .pdf', async (id) => {
    await expectSameAcrossFormats(rule, id);
  });
});

describe('missing-owner on the real corpus (/work/shared/corpus)', () => {
  const dir = join(__dirname, '../../../shared/corpus');
  const files = existsSync(dir)
    ? [
        ...readdirSync(join(dir, 'text')).map((f) => join(dir, 'text', f)),
        ...readdirSync(join(dir, 'docx')).map((f) => join(dir, 'docx', f)),
      ]
    : [];
  it.skipIf(files.length === 0)(
    needsShared("owners named by agency or by a person's title are recognised: no unknownOwner"),
    async () => {
      for (const file of files) {
        const messages = runRule(rule, await loadPlan(file));
        expect(
          messages.filter((m) => m.messageId === 'unknownOwner').map((m) => `${file}: ${m.excerpt}`),
        ).toEqual([]);
      }
    },
  );
});
