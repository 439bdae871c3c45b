import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/required-sections.js';
import { emptyPlan, item, testRule } from './_harness.js';
import type { Plan, Section } from '../../src/plan/schema.js';
import { brief, PLAN_SEEDS, seedFindings } from './_seeds.js';

const plan = (...sections: string[]) =>
  `KẾ HOẠCH\nTổ chức Tháng hành động năm 2024\n\n${sections.map((s, i) => `${['I', 'II', 'III', 'IV', 'V'][i]}. ${s}\n\n1. Nội dung của phần.`).join('\n\n')}`;

function swallowedBudget(): Plan {
  const plan = emptyPlan();
  const position = { start: { line: 1, column: 1 }, end: { line: 1, column: 10 } };
  const section = (
    numeral: string,
    heading: string,
    kind: Section['kind'],
    items: Section['items'] = [],
  ): Section => ({ type: 'section', numeral, heading, kind, position, items });
  plan.sections = [
    section('I', 'MỤC ĐÍCH', 'purpose'),
    section('II', 'NHIỆM VỤ', 'tasks', [
      item('Xây dựng thương hiệu du lịch.\n11 III. KINH PHÍ THỰC HIỆN', { line: 5 }),
    ]),
    section('IV', 'TỔ CHỨC THỰC HIỆN', 'organization'),
  ];
  return plan;
}

testRule(rule, {
  valid: [
    {
      text: plan('MỤC ĐÍCH, YÊU CẦU', 'NHIỆM VỤ, GIẢI PHÁP', 'KINH PHÍ THỰC HIỆN', 'TỔ CHỨC THỰC HIỆN'),
      fromText: true,
      name: 'all four',
    },
    {
      text: plan('MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'KINH PHÍ', 'TỔ CHỨC THỰC HIỆN', 'CHẾ ĐỘ BÁO CÁO'),
      fromText: true,
      name: 'NỘI DUNG is tasks',
    },
    {
      text: plan('MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'TỔ CHỨC THỰC HIỆN'),
      fromText: true,
      options: { kinds: ['purpose', 'tasks', 'organization'] },
      name: 'configured set',
    },
    {
      text: plan('MỤC TIÊU', 'NHIỆM VỤ, GIẢI PHÁP', 'KINH PHÍ THỰC HIỆN', 'TỔ CHỨC THỰC HIỆN'),
      fromText: true,
      name: 'MỤC TIÊU stands for the purpose',
    },
    {
      plan: swallowedBudget(),
      name: 'a heading glued to a page number ("11 III. KINH PHÍ") inside an item is still there',
    },
    {
      text: 'Sáng 12/3, hội nghị tổng kết công tác bình đẳng giới đã diễn ra tại Hà Nội.',
      fromText: true,
      name: 'not a plan: nothing',
    },
  ],
  invalid: [
    {
      text: plan('MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'TỔ CHỨC THỰC HIỆN'),
      fromText: true,
      options: { kinds: ['purpose', 'tasks', 'budget', 'organization'] },
      name: 'no budget section, when the budget is asked for',
      errors: [
        {
          messageId: 'missingSection',
          severity: 'warning',
          line: 1,
          column: 1,
          message:
            'Kế hoạch "Tổ chức Tháng hành động năm 2024" thiếu phần "kinh phí" (budget; thêm một mục La Mã với tiêu đề như "KINH PHÍ"); các phần hiện có: I. MỤC ĐÍCH, YÊU CẦU; II. NỘI DUNG; III. TỔ CHỨC THỰC HIỆN',
        },
      ],
    },
    {
      text: plan('NHIỆM VỤ', 'KINH PHÍ'),
      fromText: true,
      name: 'purpose and organization missing',
      errors: [
        { message: expect.stringContaining('"mục đích"') },
        { message: expect.stringContaining('"tổ chức thực hiện"') },
      ],
    },
    {
      text: plan('MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'KINH PHÍ', 'TỔ CHỨC THỰC HIỆN'),
      fromText: true,
      options: { kinds: ['purpose', 'reporting'] },
      lang: 'en',
      name: 'configured reporting, English',
      errors: [
        {
          message: expect.stringMatching(
            /^The plan "Tổ chức Tháng hành động năm 2024" has no reporting section \("chế độ báo cáo"/,
          ),
        },
      ],
    },
  ],
});

describe('required-sections on the seeds', () => {
  it('the seeds have purpose, tasks and organization; 004 has no kinh phí section, no longer required by default (issue 10: 9 of 41 corpus plans have one)', async () => {
    const found = Object.fromEntries(
      await Promise.all(PLAN_SEEDS.map(async (id) => [id, brief(await seedFindings(rule, id))] as const)),
    );
    expect(found).toEqual({ '000': [], '002': [], '003': [], '004': [] });
  });
  it('nothing on the news article 001', async () => {
    expect(await seedFindings(rule, '001')).toEqual([]);
  });
});
