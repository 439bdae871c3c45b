import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/target-sanity.js';
import { planFromText } from '../../src/examples/run.js';
import { runRule, testRule } from './_harness.js';
import { PLAN_SEEDS, brief, seedFindings, expectSameAcrossFormats } from './_seeds.js';

const goal = (n: number, ...indicators: string[]) =>
  `II. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu ${n}: Trong lĩnh vực\n\n` +
  indicators.map((t, i) => `- Chỉ tiêu ${i + 1}: ${t}\n`).join('\n');
const plan = (year: number, body: string) =>
  `KẾ HOẠCH\n\nThực hiện Chiến lược quốc gia về bình đẳng giới năm ${year}\n\n${body}`;

testRule(rule, {
  valid: [
    {
      fromText: true,
      name: 'a decrease to a lower value',
      text: goal(4, 'Tỷ suất sinh ở vị thành niên giảm từ 55 ca sinh/1.000 phụ nữ xuống 50/1.000 phụ nữ.'),
    },
    {
      fromText: true,
      name: 'the sex ratio per 100 girls',
      text: goal(4, 'Tỷ số giới tính khi sinh ở mức 110 bé trai/100 bé gái sinh ra sống.'),
    },
    { fromText: true, name: '100% is fine', text: goal(6, 'Duy trì 100% xã có tin, bài về bình đẳng giới.') },
    {
      fromText: true,
      name: 'a growth over 100% is not a share',
      text: goal(6, 'Số tin, bài về bình đẳng giới tăng 120% so với năm 2022.'),
    },
    {
      fromText: true,
      name: 'a 2023 target is not compared with the 2025 one',
      text: plan(
        2023,
        goal(
          2,
          'Tăng tỷ lệ lao động nữ làm công hưởng lương đạt 50%.',
          'Giảm tỷ trọng lao động nữ trong khu vực nông nghiệp xuống dưới 30%.',
          'Tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã đạt ít nhất 26,05%.',
        ),
      ),
    },
    {
      fromText: true,
      name: 'a 2025 target at least as strong as the strategy',
      text: plan(
        2025,
        goal(
          2,
          'Tăng tỷ lệ lao động nữ làm công hưởng lương đạt 52%.',
          'Giảm tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp xuống dưới 28%.',
        ),
      ),
    },
  ],
  invalid: [
    {
      fromText: true,
      name: 'a decrease to a higher value',
      text: goal(4, 'Tỷ suất sinh ở vị thành niên giảm từ 55 ca sinh/1.000 phụ nữ xuống 56/1.000 phụ nữ.'),
      errors: [
        {
          messageId: 'contradiction',
          excerpt: 'giảm từ 55 ca sinh/1.000 phụ nữ xuống 56/1.000',
          message: expect.stringContaining('(56) lớn hơn giá trị ban đầu (55)') as unknown as string,
        },
      ],
    },
    {
      fromText: true,
      name: 'a sex ratio per 110 girls',
      text: goal(4, 'Tỷ số giới tính khi sinh ở mức 108 bé trai/110 bé gái sinh ra sống.'),
      errors: [
        {
          messageId: 'oddBase',
          excerpt: '108 bé trai/110 bé gái',
          message: expect.stringContaining('trên 100 bé gái, không phải 110 bé gái') as unknown as string,
        },
      ],
    },
    {
      fromText: true,
      name: 'a percentage over 100',
      text: goal(6, 'Phấn đấu đạt 120% người dân được tiếp cận kiến thức về bình đẳng giới.'),
      errors: [{ messageId: 'percentOver100', excerpt: '120%' }],
    },
    {
      fromText: true,
      name: 'weaker than the strategy for 2025 (higher is better, and lower is better)',
      text: plan(
        2025,
        goal(
          2,
          'Tăng tỷ lệ lao động nữ làm công hưởng lương đạt 45%.',
          'Giảm tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp xuống dưới 35%.',
          'Tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã đạt ít nhất 26,05%.',
        ),
      ),
      errors: [
        {
          messageId: 'weakerThanCatalogue',
          excerpt: '45%',
          message: expect.stringContaining('năm 2025') as unknown as string,
        },
        { messageId: 'weakerThanCatalogue', excerpt: '35%' },
        {
          messageId: 'weakerThanCatalogue',
          excerpt: '26,05%',
          message: expect.stringContaining('(27%)') as unknown as string,
        },
      ],
    },
    {
      fromText: true,
      name: 'the year written in the indicator wins over the plan year',
      text: plan(2023, goal(2, 'Đến năm 2025, tăng tỷ lệ lao động nữ làm công hưởng lương đạt 45%.')),
      errors: [{ messageId: 'weakerThanCatalogue', severity: 'warning' }],
    },
  ],
});

describe('target-sanity on the real seeds', () => {
  it('004: the sex ratio per 110 girls and the adolescent birth rate going down from 55 to 56; its 2023 targets are not compared with 2025', async () => {
    expect(brief(await seedFindings(rule, '004'))).toEqual([
      [47, 'oddBase', 'warning', '108 bé trai/110 bé gái'],
      [51, 'contradiction', 'warning', 'giảm từ 55 ca sinh/1.000 phụ nữ xuống 56/1.000'],
    ]);
  });
  it('000, 002, 003 define no targets: nothing', async () => {
    for (const id of ['000', '002', '003'] as const) expect(await seedFindings(rule, id)).toEqual([]);
  });
  it.each(PLAN_SEEDS)('%s: the same findings in .txt, .docx and .pdf', async (id) => {
    await expectSameAcrossFormats(rule, id);
  });
  it('English', async () => {
    const p = await planFromText(
      goal(4, 'Tỷ số giới tính khi sinh ở mức 108 bé trai/110 bé gái sinh ra sống.'),
    );
    expect(runRule(rule, p, { lang: 'en' })[0]!.message).toBe(
      '"108 bé trai/110 bé gái": the tỷ số giới tính khi sinh is counted per 100 bé gái, not 110 bé gái; rewrite it per 100',
    );
  });
});
