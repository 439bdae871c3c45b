import { describe, expect, it } from 'vitest';
import { planFromText } from '../../src/rules/docs.js';
import { rule } from '../../src/rules/citation-consistency.js';
import { PLAN_SEEDS, seedFindings, seedPlan } from './_seeds.js';
import { runRule, testRule } from './_harness.js';

const two = (a: string, b: string) => `${a}\n\n${b}`;
const other = async (text: string, path: string) => {
  const plan = await planFromText(text);
  plan.source.path = path;
  return plan;
};
const CV_OK = 'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.';
const CV_BAD = 'Căn cứ Công văn số 1303/BLĐT BXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.';

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
    { name: 'two different documents with the same number', fromText: true, text: two('Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh.', 'Căn cứ Kế hoạch số 12/KH-SYT ngày 10/3/2022 của Sở Y tế.') },
    { name: 'across files: the malformed one is in the other file', fromText: true, text: CV_OK, files: [await other(CV_BAD, 'b.txt')] },
  ],
  invalid: [
    {
      name: 'a symbol written two ways in one plan: the malformed one is named',
      fromText: true,
      text: two(CV_OK, CV_BAD),
      errors: [{ messageId: 'symbolForm', line: 3, excerpt: '1303/BLĐT BXH-VBĐG', suggestion: '1303/BLĐTBXH-VBĐG' }],
    },
    {
      name: 'malformed first, well-formed later',
      fromText: true,
      text: two(CV_BAD, CV_OK),
      errors: [{ messageId: 'symbolForm', line: 1 }],
    },
    {
      fromText: true,
      text: two('Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ.', 'Thực hiện Nghị định số 125/2021/NĐ-CP ngày 28/11/2021 của Chính phủ.'),
      errors: [{ messageId: 'date', line: 3, message: expect.stringContaining('28/11/2021') as unknown as string }],
    },
    {
      fromText: true,
      text: two(CV_OK, 'Theo Công văn số 1303/LĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.'),
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
  ],
});

describe('citation-consistency across the files of a run', () => {
  it('names the malformed citation and points at the other file', async () => {
    const messages = runRule(rule, await planFromText(CV_BAD), { files: [await other(CV_OK, 'b.txt')] });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ messageId: 'symbolForm', excerpt: '1303/BLĐT BXH-VBĐG' });
    expect(messages[0]!.message).toContain('b.txt');
    expect(messages[0]!.related).toEqual([expect.objectContaining({ filePath: 'b.txt', excerpt: expect.stringContaining('1303/BLĐTBXH-VBĐG') })]);
  });
  it('two files disagreeing on a date: each names its own', async () => {
    const a = 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ.';
    const b = 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/11/2021 của Chính phủ.';
    expect(runRule(rule, await planFromText(a), { files: [await other(b, 'b.txt')] }).map((m) => m.messageId)).toEqual(['date']);
    expect(runRule(rule, await other(b, 'b.txt'), { files: [await planFromText(a)] }).map((m) => m.messageId)).toEqual(['date']);
  });
});

describe('citation-consistency on the seeds', () => {
  it('alone, no seed cites a document two ways', async () => {
    for (const id of PLAN_SEEDS) expect(await seedFindings(rule, id)).toEqual([]);
  });
  it.each(['txt', 'docx', 'pdf'] as const)('000 and 003 together (%s): 000 writes Công văn 1303 with a space, 003 right', async (ext) => {
    const plans = await Promise.all(PLAN_SEEDS.map((id) => seedPlan(id, ext)));
    const [p000, , p003] = plans;
    const m000 = runRule(rule, p000!, { files: plans.filter((p) => p !== p000) });
    expect(m000.map((m) => [m.messageId, m.excerpt])).toEqual([['symbolForm', '1303/BLĐT BXH-VBĐG']]);
    expect(m000[0]!.related![0]!.filePath).toBe(p003!.source.path);
    for (const plan of plans.slice(1)) expect(runRule(rule, plan, { files: plans.filter((p) => p !== plan) })).toEqual([]);
  });
});

