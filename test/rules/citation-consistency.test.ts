import { describe, expect, it } from 'vitest';
import { planFromText } from '../../src/examples/run.js';
import { rule } from '../../src/rules/citation-consistency.js';
import { PLAN_SEEDS, seedFindings, seedPlan } from './_seeds.js';
import { runRule, testRule } from './_harness.js';
import { centralBodyPattern, namesCentralBody } from '../../src/domain/symbol-scope.js';
import { builtinData } from '../../src/data/store.js';

const two = (a: string, b: string) => `${a}\n\n${b}`;
const other = async (text: string, path: string) => {
  const plan = await planFromText(text);
  plan.source.path = path;
  return plan;
};
const CV_OK = 'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.';
const CV_BAD =
  'Căn cứ Công văn số 1303/BLĐT BXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.';

testRule(rule, {
  valid: [
    { fromText: true, text: two(CV_OK, CV_OK) },
    {
      name: 'a subject shortened or reworded a little',
      fromText: true,
      text: two(
        'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực bình đẳng giới.',
        'Thực hiện Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính về bình đẳng giới.',
      ),
    },
    {
      name: 'two different documents with the same number',
      fromText: true,
      text: two(
        'Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh.',
        'Căn cứ Kế hoạch số 12/KH-SYT ngày 10/3/2022 của Sở Y tế.',
      ),
    },
    {
      name: 'across files: the malformed one is in the other file',
      fromText: true,
      text: CV_OK,
      files: [await other(CV_BAD, 'b.txt')],
    },
    // Shapes of false alarms read in shared/corpus/tvpl.
    {
      name: 'a ký hiệu without its year is given again every year: dates of two years are two documents',
      fromText: true,
      text: two(
        'Bãi bỏ Quyết định số 800/QĐ-UBND ngày 06/11/2024 của Ủy ban nhân dân tỉnh.',
        'Căn cứ Quyết định số 800/QĐ-UBND ngày 08/6/2011 của Ủy ban nhân dân tỉnh.',
      ),
    },
    {
      name: 'what a provision of the cited document is about is not its subject',
      fromText: true,
      text: two(
        'Căn cứ khoản 2 Điều 29 Nghị định số 181/2025/NĐ-CP ngày 01/7/2025 của Chính phủ về hoàn thuế đối với xuất khẩu.',
        'Căn cứ Điều 23 Nghị định số 181/2025/NĐ-CP ngày 01/7/2025 của Chính phủ về khấu trừ thuế giá trị gia tăng.',
      ),
    },
    {
      name: 'a subject that is another citation or a "như sau:"',
      fromText: true,
      text: two(
        'Nghị định số 126/2024/NĐ-CP quy định về chia, tách, sáp nhập hội như sau:',
        'Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về tổ chức, hoạt động và quản lý hội.',
      ),
    },
    {
      name: 'the same number and date, ký hiệu too different to be one slip: two documents',
      fromText: true,
      text: two(
        'Căn cứ Thông tư số 03/2025/TT-BYT ngày 15/9/2025 của Bộ Y tế.',
        'Căn cứ Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ.',
      ),
    },
  ],
  invalid: [
    {
      name: 'a symbol written two ways in one plan: the malformed one is named',
      fromText: true,
      text: two(CV_OK, CV_BAD),
      errors: [
        { messageId: 'symbolForm', line: 3, excerpt: '1303/BLĐT BXH-VBĐG', suggestion: '1303/BLĐTBXH-VBĐG' },
      ],
    },
    {
      name: 'malformed first, well-formed later',
      fromText: true,
      text: two(CV_BAD, CV_OK),
      errors: [{ messageId: 'symbolForm', line: 1 }],
    },
    {
      fromText: true,
      text: two(
        'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ.',
        'Thực hiện Nghị định số 125/2021/NĐ-CP ngày 28/11/2021 của Chính phủ.',
      ),
      errors: [
        { messageId: 'date', line: 3, message: expect.stringContaining('28/11/2021') as unknown as string },
      ],
    },
    {
      fromText: true,
      text: two(
        CV_OK,
        'Theo Công văn số 1303/LĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.',
      ),
      errors: [{ messageId: 'symbol', line: 3 }],
    },
    {
      fromText: true,
      text: two(
        'Căn cứ Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ phê duyệt Chương trình tăng cường sự tham gia của phụ nữ.',
        'Căn cứ Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ về quy hoạch mạng lưới đường bộ quốc gia.',
      ),
      errors: [{ messageId: 'subject', line: 3 }],
    },
    {
      name: 'a "-" left out between the groups',
      fromText: true,
      text: two(
        'Căn cứ Thông tư số 10/2024/TTBTC ngày 05/02/2024 của Bộ Tài chính.',
        'Thực hiện Thông tư số 10/2024/TT-BTC ngày 05/02/2024 của Bộ Tài chính.',
      ),
      errors: [{ messageId: 'symbolForm', line: 1, suggestion: '10/2024/TT-BTC' }],
    },
    {
      name: 'a Cyrillic letter that looks Latin ("BТС")',
      fromText: true,
      text: two(
        'Căn cứ Thông tư số 105/2025/TT-BTC ngày 31/10/2025 của Bộ Tài chính.',
        'Thực hiện Thông tư số 105/2025/TT-BTС ngày 31/10/2025 của Bộ Tài chính.',
      ),
      errors: [{ messageId: 'symbolForm', line: 3 }],
    },
    {
      name: 'the first date outvoted by the later ones',
      fromText: true,
      text: [
        'Căn cứ Nghị quyết số 197/2025/QH15 ngày 01/7/2025 của Quốc hội.',
        'Thực hiện Nghị quyết số 197/2025/QH15 ngày 17/5/2025 của Quốc hội.',
        'Theo Nghị quyết số 197/2025/QH15 ngày 17/5/2025 của Quốc hội.',
      ].join('\n\n'),
      errors: [{ messageId: 'date', line: 1 }],
    },
  ],
});

describe('citation-consistency across the files of a run', () => {
  it('names the malformed citation and points at the other file', async () => {
    const messages = runRule(rule, await planFromText(CV_BAD), { files: [await other(CV_OK, 'b.txt')] });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ messageId: 'symbolForm', excerpt: '1303/BLĐT BXH-VBĐG' });
    expect(messages[0]!.message).toContain('b.txt');
    expect(messages[0]!.related).toEqual([
      expect.objectContaining({ filePath: 'b.txt', excerpt: expect.stringContaining('1303/BLĐTBXH-VBĐG') }),
    ]);
  });
  it('one file against one on a date: nothing settles it, nothing is said', async () => {
    const a = 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ.';
    const b = 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/11/2021 của Chính phủ.';
    expect(runRule(rule, await planFromText(a), { files: [await other(b, 'b.txt')] })).toEqual([]);
    expect(runRule(rule, await other(b, 'b.txt'), { files: [await planFromText(a)] })).toEqual([]);
  });
  it('two files against one: the odd one is named, the others are quiet', async () => {
    const right = 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ.';
    const wrong = 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/11/2021 của Chính phủ.';
    const [a, b, c] = [await other(right, 'a.txt'), await other(right, 'b.txt'), await other(wrong, 'c.txt')];
    expect(
      runRule(rule, c, { files: [a, b] }).map((m) => [m.messageId, m.message.includes('28/12/2021')]),
    ).toEqual([['date', true]]);
    expect(runRule(rule, a, { files: [b, c] })).toEqual([]);
  });
  it('one against one, settled by the year of the ký hiệu: only the date of another year is named', async () => {
    const right = 'Căn cứ Nghị định số 88/2024/NĐ-CP ngày 15/7/2024 của Chính phủ.';
    const wrong = 'Căn cứ Nghị định số 88/2024/NĐ-CP ngày 15/7/2025 của Chính phủ.';
    expect(
      runRule(rule, await other(wrong, 'b.txt'), { files: [await planFromText(right)] }).map(
        (m) => m.messageId,
      ),
    ).toEqual(['date']);
    expect(runRule(rule, await planFromText(right), { files: [await other(wrong, 'b.txt')] })).toEqual([]);
  });
  it('a local ký hiệu ("…/QĐ-UBND") is another document in another province', async () => {
    const a = await other(
      'Căn cứ Quyết định số 01/2025/QĐ-UBND ngày 01/7/2025 của Ủy ban nhân dân tỉnh.',
      'a.txt',
    );
    const b = await other(
      'Căn cứ Quyết định số 01/2025/QĐ-UBND ngày 07/7/2025 của Ủy ban nhân dân tỉnh.',
      'b.txt',
    );
    const c = await other(
      'Căn cứ Quyết định số 01/2025/QĐ-UBND ngày 07/7/2025 của Ủy ban nhân dân tỉnh.',
      'c.txt',
    );
    a.meta.issuer = 'Ủy ban nhân dân Thành phố Hồ Chí Minh';
    b.meta.issuer = 'Ủy ban nhân dân tỉnh Bắc Ninh';
    c.meta.issuer = 'Sở Y tế tỉnh Lai Châu';
    expect(runRule(rule, a, { files: [b, c] })).toEqual([]);
    // The same issuer: the same document.
    c.meta.issuer = b.meta.issuer = a.meta.issuer;
    expect(runRule(rule, a, { files: [b, c] }).map((m) => m.messageId)).toEqual(['date']);
  });
});

describe('citation-consistency on the seeds', () => {
  it('alone, no seed cites a document two ways', async () => {
    for (const id of PLAN_SEEDS) expect(await seedFindings(rule, id)).toEqual([]);
  });
  it.each(['txt', 'docx', 'pdf'] as const)(
    '000 and 003 together (%s): 000 writes Công văn 1303 with a space, 003 right',
    async (ext) => {
      const plans = await Promise.all(PLAN_SEEDS.map((id) => seedPlan(id, ext)));
      const [p000, , p003] = plans;
      const m000 = runRule(rule, p000!, { files: plans.filter((p) => p !== p000) });
      expect(m000.map((m) => [m.messageId, m.excerpt])).toEqual([['symbolForm', '1303/BLĐT BXH-VBĐG']]);
      expect(m000[0]!.related![0]!.filePath).toBe(p003!.source.path);
      for (const plan of plans.slice(1))
        expect(runRule(rule, plan, { files: plans.filter((p) => p !== plan) })).toEqual([]);
    },
  );
});

describe('symbol-scope data: ký hiệu of national bodies', () => {
  it.each([
    ['125/2021/NĐ-CP', true],
    ['2282/QĐ-TTg', true],
    ['44/2023/TT-BTC', true],
    ['72/2025/QH15', true],
    ['76/2025/UBTVQH15', true],
    ['21-CT/TW', true],
    ['1303/BLĐTBXH-VBĐG', true],
    ['01/2025/QĐ-UBND', false],
    ['16/KH-MTTQ-BTT', false],
    ['125/TTr-SKHCN', false],
  ])('%s → %s', (symbol, central) => {
    expect(namesCentralBody(symbol, centralBodyPattern(builtinData.symbolScope))).toBe(central);
  });
});
