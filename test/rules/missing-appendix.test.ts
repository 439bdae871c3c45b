import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/missing-appendix.js';
import { emptyPlan, testRule } from './_harness.js';
import { brief, PLAN_SEEDS, seedFindings } from './_seeds.js';
import type { Plan } from '../../src/plan/schema.js';

const doc = (body: string) => `KẾ HOẠCH\nTriển khai công tác năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. ${body}`;

function withAppendices(refs: (string | null)[], labels: (string | null)[]): Plan {
  const plan = emptyPlan();
  const position = { start: { line: 5, column: 10 }, end: { line: 5, column: 22 } };
  plan.appendixRefs = refs.map((label) => ({
    type: 'appendixRef',
    raw: label ? `Phụ lục ${label}` : 'phụ lục kèm theo',
    label,
    position,
  }));
  plan.appendices = labels.map((label, i) => ({
    type: 'appendix',
    label,
    title: 'DANH MỤC',
    tables: [],
    position: { start: { line: 40 + i, column: 1 }, end: { line: 40 + i, column: 10 } },
  }));
  return plan;
}

const decision = (body: string, title = 'Về việc ban hành Quy chế quản lý giá trên địa bàn tỉnh') =>
  `QUYẾT ĐỊNH\n${title}\n\nĐiều 1. ${body}\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.`;

// Shapes of false alarms read in shared/corpus/tvpl: another document's appendix.
testRule(rule, {
  valid: [
    {
      fromText: true,
      text: decision('Mức giá quy định tại Mục A Phụ lục II ban hành kèm theo Quyết định số 15/2025/QĐ-TTg.'),
      name: 'the appendix of a cited decision',
    },
    {
      fromText: true,
      text: decision(
        'Chức danh quy định tại Phụ lục I, Phụ lục II và Phụ lục IX ban hành kèm theo Thông tư số 02/2023/TT-BTP.',
      ),
      name: "a list of another document's appendices",
    },
    {
      fromText: true,
      text: decision('Lập hồ sơ theo Mẫu số 02 Phụ lục III Thông tư số 16/2025/TT-BNNMT.'),
      name: "a form of another document's appendix",
    },
    {
      fromText: true,
      text: decision('Báo cáo theo biểu mẫu tại Phụ lục ban hành kèm theo Nghị định này.'),
      name: '"Nghị định này" quoted in a Quyết định',
    },
    {
      fromText: true,
      text: decision(
        'Chi phí theo Phụ lục VI.10 kèm theo Quyết định số 866/QĐ-TTg ngày 18 tháng 7 năm 2023.',
      ),
      name: 'a label with a dot ("VI.10")',
    },
    {
      fromText: true,
      text: decision('Thanh toán theo hợp đồng dự án và phụ lục hợp đồng (nếu có).'),
      name: "a contract's appendix",
    },
    {
      fromText: true,
      text: decision('Dự thảo điều lệ theo mẫu số 07 của phụ lục (nếu có).'),
      name: 'a bare lower-case "phụ lục"',
    },
    {
      fromText: true,
      text: decision(
        'Báo cáo số 157/BC-HĐTV ngày 27/10/2025 của Hội đồng tư vấn, tại Phụ lục gửi kèm có nội dung kiến nghị.',
      ),
      name: 'the appendix sent with a cited report',
    },
    {
      plan: withAppendices(['1', '2'], ['2']),
      name: 'appendix 1 below appendix 2: the tree did not take it as one',
    },
    {
      fromText: true,
      text: decision(
        'Thay thế cụm từ "Phòng Tư pháp" tại Phụ lục II và Phụ lục VI.',
        'Sửa đổi, bổ sung một số điều của Thông tư số 06/2023/TT-BTP',
      ),
      name: 'an amending document: its "Phụ lục II" is the amended one\'s',
    },
  ],
  invalid: [
    {
      fromText: true,
      text: decision('Danh mục dự án chi tiết tại Phụ lục kèm theo.'),
      errors: [{ messageId: 'noAppendix' }],
      name: 'its own appendix, not in the file',
    },
    {
      fromText: true,
      text: decision('Mức giá quy định tại Phụ lục II kèm theo Quyết định này.'),
      errors: [{ messageId: 'noAppendix' }],
      name: '"kèm theo Quyết định này" in a Quyết định',
    },
  ],
});

testRule(rule, {
  valid: [
    {
      text: doc('Các phòng triển khai các nhiệm vụ tại Kế hoạch này.'),
      fromText: true,
      name: 'no reference',
    },
    { plan: withAppendices(['I', 'II'], ['I', 'II']), name: 'both appendices present' },
    { plan: withAppendices([null], [null]), name: 'one unnumbered appendix answers "phụ lục kèm theo"' },
    {
      text: doc(
        'Chi tiết tại Phụ lục kèm theo.\n\nNơi nhận: TM. ỦY BAN NHÂN DÂN\n- Lưu: VT.\n\nPHỤ LỤC\nDanh mục các nhiệm vụ ưu tiên',
      ),
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
      errors: [
        {
          messageId: 'unknownAppendix',
          line: 5,
          column: 10,
          excerpt: 'Phụ lục III',
          message: 'Văn bản dẫn đến "Phụ lục III" nhưng không có phụ lục III; các phụ lục hiện có: I, II',
        },
      ],
    },
    {
      plan: withAppendices(['II'], []),
      lang: 'en',
      name: 'English',
      errors: [
        {
          message:
            'The text refers to "Phụ lục II" but no appendix is attached: add it (headed "PHỤ LỤC" with a "(Kèm theo …)" line) or drop the reference',
        },
      ],
    },
  ],
});

describe('missing-appendix on the seeds', () => {
  it('004 refers to "phụ lục kèm theo" and has none; the others are quiet', async () => {
    const found = Object.fromEntries(
      await Promise.all(PLAN_SEEDS.map(async (id) => [id, brief(await seedFindings(rule, id))] as const)),
    );
    expect(found).toEqual({
      '000': [],
      '002': [],
      '003': [],
      '004': [[143, 'noAppendix', 'warning', 'phụ lục kèm theo']],
    });
    expect(await seedFindings(rule, '001')).toEqual([]);
  });
});
