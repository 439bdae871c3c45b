import { describe, expect, it } from 'vitest';
import { planFromText } from '../../src/examples/run.js';
import { rule } from '../../src/rules/citation-format.js';
import { brief, PLAN_SEEDS, seedFindings, expectSameAcrossFormats } from './_seeds.js';
import { testRule } from './_harness.js';

/** A plan whose date was read from its place-and-date line (or, `fromLine: false`, from nowhere the rule trusts). */
const dated = async (
  text: string,
  issueDate: string | null,
  planYear: number | null = null,
  fromLine = true,
) => {
  const plan = await planFromText(text);
  plan.meta.issueDate = issueDate;
  plan.meta.planYear = planYear;
  if (fromLine) {
    const line = issueDate
      ? `Bắc Ninh, ngày ${issueDate.slice(8)} tháng ${Number(issueDate.slice(5, 7))} năm ${issueDate.slice(0, 4)}`
      : `Bắc Ninh, ngày … tháng … năm ${planYear}`;
    plan.meta.lines.date = {
      type: 'line',
      text: line,
      position: { start: { line: 1, column: 1 }, end: { line: 1, column: line.length + 1 } },
    };
    plan.structure = { ...plan.structure, body: 'plan' };
  }
  return plan;
};

testRule(rule, {
  valid: [
    {
      fromText: true,
      text: 'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.',
    },
    {
      fromText: true,
      text: 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt.',
    },
    { fromText: true, text: 'Căn cứ Chỉ thị số 21-CT/TW ngày 20/01/2018 của Ban Bí thư về công tác phụ nữ.' },
    { fromText: true, text: 'Căn cứ Kế hoạch số 119-KH/TU ngày 27/5/2013 của Ban Thường vụ Tỉnh ủy.' },
    {
      fromText: true,
      text: 'Căn cứ Tờ trình số 60/TTr-SLĐTBXH ngày 08/4/2024 của Sở Lao động - Thương binh và Xã hội.',
    },
    { fromText: true, text: 'Căn cứ Luật Bình đẳng giới năm 2006 và Bộ luật Lao động (sửa đổi) năm 2019.' },
    {
      name: 'a law cited by name and number',
      fromText: true,
      text: 'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 ngày 25/6/2015.',
    },
    {
      name: "the document naming itself (its number is document-header's)",
      plan: await (async () => {
        const plan = await planFromText(
          '(Kèm theo Kế hoạch số: 188 /KH-UBND ngày 02 tháng 4 năm 2026 của UBND thành phố Huế)',
        );
        plan.meta.number = '188';
        plan.meta.symbol = 'KH-UBND';
        return plan;
      })(),
    },
    // Shapes of false alarms read in shared/corpus/tvpl.
    {
      name: 'a party Quy định ("QĐ" is its code in the Party\'s documents)',
      fromText: true,
      text: 'Căn cứ Quy định số 50-QĐ/TW ngày 23/11/2011 của Ban Bí thư về tổ chức cơ quan chính trị.',
    },
    {
      name: 'a Thông báo kết luận',
      fromText: true,
      text: 'Thực hiện Thông báo kết luận số 99-TB/TW ngày 21/11/2025 của Bộ Chính trị.',
    },
    {
      name: 'a Thông báo kết luận of a State body',
      fromText: true,
      text: 'Theo Thông báo kết luận số 49/TB-VPCP ngày 07/02/2024 của Văn phòng Chính phủ.',
    },
    {
      name: 'a ký hiệu with no type code, only its issuer',
      fromText: true,
      text: 'Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội.',
    },
    {
      name: 'an issue date not read from a place-and-date line (a web article\'s "ngày 16 tháng 7 năm 2010")',
      plan: await dated(
        'Công văn số 969/TTg-KGVX ngày 17/7/2021 về việc giãn cách xã hội.',
        '2010-07-16',
        null,
        false,
      ),
    },
    {
      name: 'cited before the plan',
      plan: await dated(
        'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.',
        '2024-04-24',
        2024,
      ),
    },
  ],
  invalid: [
    {
      fromText: true,
      text: 'Căn cứ Công văn số 1303/BLĐT BXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.',
      errors: [
        {
          messageId: 'spaces',
          severity: 'error',
          excerpt: '1303/BLĐT BXH-VBĐG',
          suggestion: '1303/BLĐTBXH-VBĐG',
          column: 20,
          endColumn: 38,
        },
      ],
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
      errors: [
        {
          messageId: 'typeCode',
          message:
            'Quyết định "12/KH-UBND" có mã loại "KH" của Kế hoạch: mã của Quyết định là "QĐ" — kiểm tra lại tên loại hoặc ký hiệu',
        },
      ],
    },
    {
      fromText: true,
      text: 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2020 của Chính phủ quy định xử phạt.',
      errors: [
        { messageId: 'yearMismatch', message: expect.stringContaining('(2021)') as unknown as string },
      ],
    },
    {
      name: 'cited document dated after the plan',
      plan: await dated(
        'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.',
        '2024-03-01',
        2024,
      ),
      errors: [
        {
          messageId: 'afterIssue',
          severity: 'error',
          message: expect.stringContaining('2024-03-01') as unknown as string,
        },
      ],
    },
    {
      name: '"QĐ- UBND": the labellers read the copy as written (a space in the ký hiệu)',
      fromText: true,
      text: 'Căn cứ Quyết định số 15/2014/QĐ- UBND ngày 02/7/2014 của UBND tỉnh.',
      errors: [{ messageId: 'spaces', suggestion: '15/2014/QĐ-UBND' }],
    },
    {
      name: 'a space before the hyphen is never a line break',
      fromText: true,
      text: 'Căn cứ Nghị định số 78/2021/NĐ -CP ngày 01/8/2021 của Chính phủ.',
      errors: [{ messageId: 'spaces' }],
    },
    {
      name: 'a Thông tư with the code of a Nghị định',
      fromText: true,
      text: 'Căn cứ Thông tư số 03/2025/NĐ-VPCP ngày 15/9/2025 của Văn phòng Chính phủ.',
      errors: [{ messageId: 'typeCode' }],
    },
    {
      name: 'undated draft: a cited year after the plan year is a warning',
      plan: await dated(
        'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2025 của Bộ Lao động - Thương binh và Xã hội.',
        null,
        2024,
      ),
      errors: [{ messageId: 'afterPlanYear', severity: 'warning' }],
    },
  ],
});

describe('citation-format on the seeds', () => {
  it('000 writes two Công văn symbols with a space inside (real errors); 002, 003, 004 have none', async () => {
    expect(
      brief(await seedFindings(rule, '000')).map(([, id, severity, excerpt]) => [id, severity, excerpt]),
    ).toEqual([
      ['spaces', 'error', '1303/BLĐT BXH-VBĐG'],
      ['spaces', 'error', '2792/LĐT BXH-BĐG'],
    ]);
    for (const id of ['002', '003', '004'] as const) expect(await seedFindings(rule, id)).toEqual([]);
  });
  it.each(PLAN_SEEDS)('%s: same findings in .txt, .docx and .pdf', async (id) => {
    await expectSameAcrossFormats(rule, id);
  });
});
