import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/citation-status.js';
import { createDataStore } from '../../src/data/store.js';
import type { LegalDocument } from '../../src/domain/knowledge.js';
import { planFromText } from '../../src/examples/run.js';
import { runRule, testRule } from './_harness.js';
import { PLAN_SEEDS, seedPlan } from './_seeds.js';

function doc(date: string, body: string): string {
  const [d, m, y] = date.split('/');
  return `ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 12/KH-UBND\n\nLai Châu, ngày ${d} tháng ${m} năm ${y}\n\nKẾ HOẠCH\n\nCông tác bình đẳng giới năm ${y}\n\n${body}\n`;
}

const BUDGET_2015 = 'Kinh phí thực hiện theo Luật Ngân sách nhà nước năm 2015.';
const BUDGET_2024 = 'Kinh phí thực hiện theo Luật Ngân sách nhà nước năm 2024.';
const P1719 =
  'Lồng ghép với Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia.';
const LOCAL = 'Tiếp tục thực hiện Kế hoạch số 49/KH-UBND ngày 19/02/2021 của Ủy ban nhân dân tỉnh.';

/** A user entry (kh.config.json "knowledge"): a local decision replaced on 01/3/2025. */
const userDocs: LegalDocument[] = [
  {
    key: 'qd-7-2020-ubnd',
    docType: 'Quyết định',
    number: '7',
    year: 2020,
    symbol: 'QĐ-UBND',
    date: '2020-02-10',
    issuer: 'Ủy ban nhân dân tỉnh',
    subject: 'quy chế phối hợp',
    names: [],
    status: { kind: 'replaced', replacedBy: 'qd-9-2025-ubnd', from: '2025-03-01' },
    period: null,
    source: 'test',
    confidence: 'V',
  },
  {
    key: 'qd-9-2025-ubnd',
    docType: 'Quyết định',
    number: '9',
    year: 2025,
    symbol: 'QĐ-UBND',
    date: '2025-02-20',
    issuer: 'Ủy ban nhân dân tỉnh',
    subject: 'quy chế phối hợp',
    names: [],
    status: { kind: 'in-force' },
    period: null,
    source: 'test',
    confidence: 'V',
  },
];
const data = createDataStore({ knowledge: { legalDocuments: userDocs } });
const USER =
  'Thực hiện Quyết định số 07/2020/QĐ-UBND ngày 10/02/2020 của Ủy ban nhân dân tỉnh ban hành quy chế phối hợp.';

testRule(rule, {
  valid: [
    {
      name: '31/12/2025: the 2015 budget law is still in force',
      text: doc('31/12/2025', BUDGET_2015),
      fromText: true,
    },
    { name: 'an unknown local plan is not a finding', text: doc('15/01/2026', LOCAL), fromText: true },
    { name: '2025: programme 1719 phase I still running', text: doc('15/06/2025', P1719), fromText: true },
    {
      name: 'a law in force cited by name alone',
      text: doc('15/01/2026', 'Thực hiện nghiêm Luật Bình đẳng giới và Luật Ngân sách nhà nước.'),
      fromText: true,
    },
    {
      name: 'user entry: 28/02/2025, before the replacement',
      text: doc('28/02/2025', USER),
      fromText: true,
      data,
    },
  ],
  invalid: [
    {
      name: '01/01/2026: the 2015 budget law was replaced by 89/2025/QH15 (S data: warning)',
      text: doc('01/01/2026', BUDGET_2015),
      fromText: true,
      errors: [
        {
          messageId: 'replacedUnverified',
          severity: 'warning',
          message: expect.stringMatching(
            /thay thế bởi Luật Ngân sách nhà nước số 89\/2025\/QH15 từ ngày 01\/01\/2026/,
          ),
        },
      ],
    },
    {
      name: 'no Luật Ngân sách nhà nước năm 2024',
      text: doc('15/06/2024', BUDGET_2024),
      fromText: true,
      errors: [
        {
          messageId: 'notAsWritten',
          excerpt: 'Luật Ngân sách nhà nước năm 2024',
          message: expect.stringContaining('có hiệu lực: Luật Ngân sách nhà nước số 83/2015/QH13'),
          suggestion: 'Luật Ngân sách nhà nước năm 2015',
        },
      ],
    },
    {
      name: '2026: programme 1719 phase I ended (info, with its successor programme)',
      text: doc('15/01/2026', P1719),
      fromText: true,
      errors: [
        { messageId: 'periodEnded', severity: 'info', message: expect.stringContaining('2021 - 2025') },
      ],
    },
    {
      name: 'strict: unknown documents listed as info',
      text: doc('15/01/2026', LOCAL),
      fromText: true,
      options: { strict: true },
      errors: [
        {
          messageId: 'unknown',
          severity: 'info',
          message: expect.stringContaining('Kế hoạch số 49/KH-UBND'),
        },
      ],
    },
    {
      name: 'user entry: 01/3/2025, replaced (V: error)',
      text: doc('01/03/2025', USER),
      fromText: true,
      data,
      errors: [
        {
          messageId: 'replaced',
          severity: 'error',
          message: expect.stringContaining('Quyết định số 9/2025/QĐ-UBND từ ngày 01/03/2025'),
        },
      ],
    },
    {
      name: 'English',
      text: doc('01/01/2026', BUDGET_2015),
      fromText: true,
      lang: 'en',
      errors: [
        {
          message: expect.stringMatching(
            /^Luật Ngân sách nhà nước năm 2015 was replaced by Luật Ngân sách nhà nước số 89\/2025\/QH15 from 01\/01\/2026/,
          ),
        },
      ],
    },
  ],
});

describe('citation-status on the seeds', () => {
  it('seeds as they are: only 002\'s "Luật Ngân sách nhà nước năm 2024"', async () => {
    const found: string[] = [];
    for (const id of PLAN_SEEDS) {
      for (const m of runRule(rule, await seedPlan(id)))
        found.push(`${id}:${m.line}:${m.messageId}:${m.excerpt}`);
    }
    expect(found).toEqual(['002:99:notAsWritten:Luật Ngân sách nhà nước năm 2024']);
  });

  it.each(['docx', 'pdf'] as const)('the .%s seeds give the same findings as the .txt ones', async (ext) => {
    const found: string[] = [];
    for (const id of PLAN_SEEDS)
      for (const m of runRule(rule, await seedPlan(id, ext))) found.push(`${id}:${m.messageId}:${m.excerpt}`);
    expect(found).toEqual(['002:notAsWritten:Luật Ngân sách nhà nước năm 2024']);
  });

  it('uses the plan date, not today', async () => {
    const plan = await planFromText(doc('15/06/2025', BUDGET_2015));
    expect(runRule(rule, plan, { today: new Date('2026-11-23') })).toEqual([]);
  });
});
