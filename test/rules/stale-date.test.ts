import { describe, expect, it } from 'vitest';
import { planFromText } from '../../src/examples/run.js';
import { rule } from '../../src/rules/stale-date.js';
import { brief, PLAN_SEEDS, seedFindings, seedPlan, expectSameAcrossFormats } from './_seeds.js';
import { runRule, testRule } from './_harness.js';

/** A 2024 plan (title line with the year) whose body is `body`. */
const P24 = (body: string) => `KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\n${body}`;
const dated = async (body: string, issueDate: string | null, draft = false) => {
  const plan = await planFromText(P24(body));
  plan.meta.issueDate = issueDate;
  plan.meta.planYear = 2024;
  plan.meta.draft = draft;
  return plan;
};

testRule(rule, {
  valid: [
    { fromText: true, text: P24('Phát huy kết quả năm 2023, tiếp tục triển khai các nhiệm vụ.') },
    { fromText: true, text: P24('Triển khai kế hoạch, phấn đấu tỷ lệ tăng 5% so với năm 2023.') },
    { fromText: true, text: P24('Trong công tác bình đẳng giới, năm 2023 đã đạt nhiều kết quả.') },
    {
      fromText: true,
      text: P24('Tổ chức tuyên truyền Bộ luật Lao động (sửa đổi) năm 2019 và Luật Bình đẳng giới.'),
    },
    { fromText: true, text: P24('Triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.') },
    { fromText: true, text: P24('Các hoạt động được đưa vào chương trình giảng dạy từ năm 2022 trở đi.') },
    {
      fromText: true,
      text: P24(
        'Căn cứ Kế hoạch số 95/KH-UBND ngày 21/3/2023 của UBND tỉnh về công tác bình đẳng giới năm 2023.',
      ),
    },
    {
      fromText: true,
      text: P24('Tổ chức Tháng hành động vì bình đẳng giới từ ngày 15/11 đến ngày 15/12/2024.'),
    },
    {
      fromText: true,
      text: P24('Tổ chức Tháng hành động vì bình đẳng giới (từ ngày 15/11 đến ngày 15/12).'),
    },
    {
      name: 'deadline in the plan year, after the issue date',
      plan: await dated('Các đơn vị báo cáo trước ngày 10/12/2024.', '2024-04-24'),
    },
    {
      name: 'a draft deadline still ahead',
      plan: await dated('Các đơn vị báo cáo trước ngày 10/12/2024.', null, true),
      today: new Date('2024-06-01T00:00:00'),
    },
  ],
  invalid: [
    {
      fromText: true,
      text: P24(
        'Các đơn vị xây dựng kế hoạch và tổ chức thực hiện chương trình công tác bình đẳng giới năm 2023.',
      ),
      errors: [
        { messageId: 'staleYear', severity: 'warning', excerpt: 'năm 2023', suggestion: 'năm 2024', line: 4 },
      ],
    },
    {
      fromText: true,
      text: P24('Tổ chức Tháng hành động vì bình đẳng giới năm 2023 trên địa bàn tỉnh.'),
      errors: [{ messageId: 'staleYear' }],
    },
    {
      fromText: true,
      text: P24('Tổ chức Tháng hành động vì bình đẳng giới từ ngày 15/11 đến ngày 15/12/2023.'),
      errors: [
        {
          messageId: 'actionMonthYear',
          severity: 'warning',
          message: expect.stringContaining('năm 2023') as unknown as string,
        },
      ],
    },
    {
      fromText: true,
      text: P24('Các đơn vị báo cáo kết quả thực hiện trước ngày 31/02/2024.'),
      errors: [{ messageId: 'invalidDate', severity: 'error', excerpt: '31/02/2024' }],
    },
    // Shapes of false alarms read in shared/corpus/tvpl: conditions, not deadlines; digits that are not dates.
    {
      name: 'a condition: land used before a date',
      plan: await dated(
        'Hộ gia đình đang sử dụng đất ổn định trước ngày 15 tháng 10 năm 1993 mà không có giấy tờ thì được công nhận.',
        '2024-04-24',
      ),
      errors: [],
    },
    {
      name: 'a condition: retired before a date',
      plan: await dated(
        'Cán bộ giữ chức danh (chức danh nghỉ hưu trước 01/7/2023) được hỗ trợ.',
        '2024-04-24',
      ),
      errors: [],
    },
    {
      name: 'the end of a span',
      plan: await dated(
        'Báo cáo số liệu từ ngày 01/01/2023 đến trước ngày 01/3/2024 theo mẫu.',
        '2024-04-24',
      ),
      errors: [],
    },
    {
      name: 'an ISBN is not a date',
      fromText: true,
      text: P24('Tài liệu tham khảo: ISBN 978-1-4616-3734-9.'),
      errors: [],
    },
    {
      name: 'a month-first date of a foreign source',
      fromText: true,
      text: P24('Nguồn: World Bank, 09/18/2014.'),
      errors: [],
    },
    {
      name: 'deadline before the issue date: error',
      plan: await dated('Các đơn vị báo cáo trước ngày 15/03/2024.', '2024-04-24'),
      errors: [{ messageId: 'deadlineBeforeIssue', severity: 'error' }],
    },
    {
      name: 'deadline in another year: warning',
      plan: await dated('Các đơn vị báo cáo trước ngày 10/12/2023.', null),
      errors: [{ messageId: 'deadlineOtherYear', severity: 'warning' }],
    },
    {
      name: 'a draft with a deadline already past today',
      plan: await dated('Các đơn vị báo cáo trước ngày 10/3/2024.', null, true),
      today: new Date('2024-06-01T00:00:00'),
      errors: [
        {
          messageId: 'deadlinePast',
          severity: 'warning',
          message: expect.stringContaining('2024-06-01') as unknown as string,
        },
      ],
    },
  ],
});

describe('stale-date on the seeds', () => {
  it('003 (2024) keeps "chương trình công tác … năm 2023" from last year: a real stale year', async () => {
    expect(brief(await seedFindings(rule, '003'))).toEqual([[93, 'staleYear', 'warning', 'năm 2023']]);
  });
  it("000 and 002: nothing (002's deadlines 31/01, 05/12, 10/12/2024 are in the plan year; 000's years are citations and periods)", async () => {
    expect(await seedFindings(rule, '000')).toEqual([]);
    expect(await seedFindings(rule, '002')).toEqual([]);
  });
  it('004 (a 2023 draft): "từ năm 2022 trở đi" is not stale; its deadline 10/12/2023 is past only once today is later', async () => {
    const plan = await seedPlan('004');
    expect(runRule(rule, plan, { today: new Date('2023-06-01T00:00:00') })).toEqual([]);
    expect(
      runRule(rule, plan, { today: new Date('2024-06-01T00:00:00') }).map((m) => [m.messageId, m.excerpt]),
    ).toEqual([['deadlinePast', 'ngày 10 tháng 12 năm 2023']]);
  });
  it.each(PLAN_SEEDS)('%s: same findings in .txt, .docx and .pdf', async (id) => {
    await expectSameAcrossFormats(rule, id);
  });
});

describe('stale-date on the format variants', () => {
  it('003 with soft line breaks (docx) gives the finding of 003', async () => {
    const { loadPlan } = await import('../../src/parse/index.js');
    const strip = (ms: { messageId: string; message: string; excerpt: string }[]) =>
      ms.map((m) => [m.messageId, m.message, m.excerpt]);
    expect(strip(runRule(rule, await loadPlan('fixtures/variants/003_softbreaks.docx')))).toEqual(
      strip(await seedFindings(rule, '003')),
    );
  });
});

describe('stale-date: months, quarters and halves of an earlier year (audit 2026-12)', () => {
  const found = async (body: string) =>
    runRule(rule, await planFromText(P24(body))).map((m) => [m.messageId, m.excerpt, m.suggestion]);
  it('"(tháng 6/2022)" dates the work before the parenthesis', async () => {
    expect(
      await found('Tổ chức hội nghị tập huấn cho cán bộ làm công tác bình đẳng giới (tháng 6/2022).'),
    ).toEqual([['stalePeriod', 'tháng 6/2022', 'tháng 6/2024']]);
  });
  it('"quý II/2023", "quý III năm 2023", "6 tháng đầu năm 2022" in the plan\'s own work', async () => {
    expect(await found('Triển khai hoạt động truyền thông trong quý II/2023.')).toEqual([
      ['stalePeriod', 'quý II/2023', 'quý II/2024'],
    ]);
    expect(await found('Tổ chức thực hiện kiểm tra trong quý III năm 2023.')).toEqual([
      ['stalePeriod', 'quý III năm 2023', 'quý III năm 2024'],
    ]);
    expect(await found('Hoàn thành các nhiệm vụ trọng tâm 6 tháng đầu năm 2022.')).toEqual([
      ['stalePeriod', '6 tháng đầu năm 2022', '6 tháng đầu năm 2024'],
    ]);
  });
  it('past events, full dates, this year and later years are not reported', async () => {
    expect(await found('Trên cơ sở kết quả 6 tháng đầu năm 2023, tiếp tục triển khai các nhiệm vụ.')).toEqual(
      [],
    );
    expect(
      await found('Tổ chức hội nghị tập huấn (tháng 6/2024); triển khai hoạt động trong quý II/2025.'),
    ).toEqual([]);
    expect(await found('Triển khai hoạt động so với quý II/2023 tăng 10%.')).toEqual([]);
    expect(await found('Tổ chức hội nghị sơ kết vào ngày 15 tháng 6/2023.')).toEqual([]);
    expect(
      await found(
        'Đánh giá việc triển khai Kế hoạch số 12/KH-UBND ngày 10/3/2023 của UBND tỉnh (tháng 6/2023).',
      ),
    ).toEqual([]);
  });
});
