import { describe, expect, it } from 'vitest';
import { planFromText } from '../../src/rules/docs.js';
import { rule } from '../../src/rules/citation-format.js';
import { brief, PLAN_SEEDS, seedFindings, expectSameAcrossFormats } from './_seeds.js';
import { testRule } from './_harness.js';

const dated = async (text: string, issueDate: string | null, planYear: number | null = null) => {
  const plan = await planFromText(text);
  plan.meta.issueDate = issueDate;
  plan.meta.planYear = planYear;
  return plan;
};

testRule(rule, {
  valid: [
    { fromText: true, text: 'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.' },
    { fromText: true, text: 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt.' },
    { fromText: true, text: 'Căn cứ Chỉ thị số 21-CT/TW ngày 20/01/2018 của Ban Bí thư về công tác phụ nữ.' },
    { fromText: true, text: 'Căn cứ Kế hoạch số 119-KH/TU ngày 27/5/2013 của Ban Thường vụ Tỉnh ủy.' },
    { fromText: true, text: 'Căn cứ Tờ trình số 60/TTr-SLĐTBXH ngày 08/4/2024 của Sở Lao động - Thương binh và Xã hội.' },
    { fromText: true, text: 'Căn cứ Luật Bình đẳng giới năm 2006 và Bộ luật Lao động (sửa đổi) năm 2019.' },
    { name: 'a law cited by name and number', fromText: true, text: 'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 ngày 25/6/2015.' },
    {
      name: 'the document naming itself (its number is document-header\'s)',
      plan: await (async () => {
        const plan = await planFromText('(Kèm theo Kế hoạch số: 188 /KH-UBND ngày 02 tháng 4 năm 2026 của UBND thành phố Huế)');
        plan.meta.number = '188';
        plan.meta.symbol = 'KH-UBND';
        return plan;
      })(),
    },
    { name: 'cited before the plan', plan: await dated('Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.', '2024-04-24', 2024) },
  ],
  invalid: [
    {
      fromText: true,
      text: 'Căn cứ Công văn số 1303/BLĐT BXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.',
      errors: [{ messageId: 'spaces', severity: 'error', excerpt: '1303/BLĐT BXH-VBĐG', suggestion: '1303/BLĐTBXH-VBĐG', column: 20, endColumn: 38 }],
    },
    {
      name: 'spaces around "/"',
      fromText: true,
      text: 'Căn cứ Nghị định số 125 / 2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt.',
      errors: [{ messageId: 'spaces', excerpt: '125 / 2021/NĐ-CP', suggestion: '125/2021/NĐ-CP' }],
    },
    {
      name: 'a space after "/"',
      fromText: true,
      text: 'Căn cứ Công văn số 1303/ BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.',
      errors: [{ messageId: 'spaces', suggestion: '1303/BLĐTBXH-VBĐG' }],
    },
    {
      name: 'spaces around a dash',
      fromText: true,
      text: 'Căn cứ Thông tư số 21/2025/TT - BNV ngày 10/10/2025 của Bộ Nội vụ.',
      errors: [{ messageId: 'spaces', suggestion: '21/2025/TT-BNV' }],
    },
    {
      fromText: true,
      text: 'Căn cứ Quyết định số 12/KH-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh.',
      errors: [{ messageId: 'typeCode', message: 'Quyết định "12/KH-UBND" có mã loại "KH" của Kế hoạch: mã của Quyết định là "QĐ" — kiểm tra lại tên loại hoặc ký hiệu' }],
    },
    {
      fromText: true,
      text: 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2020 của Chính phủ quy định xử phạt.',
      errors: [{ messageId: 'yearMismatch', message: expect.stringContaining('(2021)') as unknown as string }],
    },
    {
      name: 'cited document dated after the plan',
      plan: await dated('Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.', '2024-03-01', 2024),
      errors: [{ messageId: 'afterIssue', severity: 'error', message: expect.stringContaining('2024-03-01') as unknown as string }],
    },
    {
      name: 'undated draft: a cited year after the plan year is a warning',
      plan: await dated('Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2025 của Bộ Lao động - Thương binh và Xã hội.', null, 2024),
      errors: [{ messageId: 'afterPlanYear', severity: 'warning' }],
    },
  ],
});

describe('citation-format on the seeds', () => {
  it('000 writes two Công văn symbols with a space inside (real errors); 002, 003, 004 have none', async () => {
    expect(brief(await seedFindings(rule, '000')).map(([, id, severity, excerpt]) => [id, severity, excerpt])).toEqual([
      ['spaces', 'error', '1303/BLĐT BXH-VBĐG'],
      ['spaces', 'error', '2792/LĐT BXH-BĐG'],
    ]);
    for (const id of ['002', '003', '004'] as const) expect(await seedFindings(rule, id)).toEqual([]);
  });
  it.each(PLAN_SEEDS)('%s: same findings in .txt, .docx and .pdf', async (id) => {
    await expectSameAcrossFormats(rule, id);
  });
});

