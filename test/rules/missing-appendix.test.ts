import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/missing-appendix.js';
import { emptyPlan, testRule } from './_harness.js';
import { brief, PLAN_SEEDS, seedFindings } from './_seeds.js';
import type { Plan } from '../../src/plan/schema.js';

const doc = (body: string) => `KẾ HOẠCH\nTriển khai công tác năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. ${body}`;

function withAppendices(refs: (string | null)[], labels: (string | null)[]): Plan {
  const plan = emptyPlan();
  const position = { start: { line: 5, column: 10 }, end: { line: 5, column: 22 } };
  plan.appendixRefs = refs.map((label) => ({ type: 'appendixRef', raw: label ? `Phụ lục ${label}` : 'phụ lục kèm theo', label, position }));
  plan.appendices = labels.map((label, i) => ({ type: 'appendix', label, title: 'DANH MỤC', tables: [], position: { start: { line: 40 + i, column: 1 }, end: { line: 40 + i, column: 10 } } }));
  return plan;
}

testRule(rule, {
  valid: [
    { text: doc('Các phòng triển khai các nhiệm vụ tại Kế hoạch này.'), fromText: true, name: 'no reference' },
    { plan: withAppendices(['I', 'II'], ['I', 'II']), name: 'both appendices present' },
    { plan: withAppendices([null], [null]), name: 'one unnumbered appendix answers "phụ lục kèm theo"' },
    {
      text: doc('Chi tiết tại Phụ lục kèm theo.\n\nNơi nhận: TM. ỦY BAN NHÂN DÂN\n- Lưu: VT.\n\nPHỤ LỤC\nDanh mục các nhiệm vụ ưu tiên'),
      fromText: true,
      name: 'a PHỤ LỤC heading the tree did not take as an appendix',
    },
  ],
  invalid: [
    {
      text: doc('Các phòng triển khai các nhiệm vụ theo phụ lục kèm theo Kế hoạch này.'),
      fromText: true,
      name: 'phụ lục kèm theo without an appendix',
      errors: [
        {
          messageId: 'noAppendix',
          severity: 'warning',
          line: 6,
          excerpt: 'phụ lục kèm theo',
          message:
            'Văn bản dẫn đến "phụ lục kèm theo" nhưng không có phụ lục nào kèm theo: thêm phụ lục (tiêu đề "PHỤ LỤC", dòng "(Kèm theo …)") hoặc bỏ câu dẫn',
        },
      ],
    },
    {
      plan: withAppendices(['I', 'III'], ['I', 'II']),
      name: 'Phụ lục III of two',
      errors: [{ messageId: 'unknownAppendix', line: 5, column: 10, excerpt: 'Phụ lục III', message: 'Văn bản dẫn đến "Phụ lục III" nhưng không có phụ lục III; các phụ lục hiện có: I, II' }],
    },
    {
      plan: withAppendices(['II'], []),
      lang: 'en',
      name: 'English',
      errors: [{ message: 'The text refers to "Phụ lục II" but no appendix is attached: add it (headed "PHỤ LỤC" with a "(Kèm theo …)" line) or drop the reference' }],
    },
  ],
});

describe('missing-appendix on the seeds', () => {
  it('004 refers to "phụ lục kèm theo" and has none; the others are quiet', async () => {
    const found = Object.fromEntries(await Promise.all(PLAN_SEEDS.map(async (id) => [id, brief(await seedFindings(rule, id))] as const)));
    expect(found).toEqual({ '000': [], '002': [], '003': [], '004': [[143, 'noAppendix', 'warning', 'phụ lục kèm theo']] });
    expect(await seedFindings(rule, '001')).toEqual([]);
  });
});
