import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/citation-issuer.js';
import { brief, PLAN_SEEDS, seedFindings, expectSameAcrossFormats } from './_seeds.js';
import { testRule } from './_harness.js';

testRule(rule, {
  valid: [
    {
      fromText: true,
      text: 'Căn cứ Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ phê duyệt Chương trình.',
    },
    {
      fromText: true,
      text: 'Căn cứ Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới.',
    },
    {
      fromText: true,
      text: 'Căn cứ Thông tư số 10/2019/TT-BKHĐT ngày 30/7/2019 của Bộ trưởng Bộ Kế hoạch và Đầu tư quy định bộ chỉ tiêu.',
    },
    {
      fromText: true,
      text: 'Căn cứ Chỉ thị số 21-CT/TW ngày 20/01/2018 của Ban Bí thư Trung ương Đảng về công tác phụ nữ.',
    },
    {
      fromText: true,
      text: 'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động – Thương binh và Xã hội hướng dẫn.',
    },
    // An issuer the data does not know: not reported.
    {
      fromText: true,
      text: 'Căn cứ Quyết định số 12/QĐ-TTg ngày 03/3/2021 của Văn phòng ABC về việc thành lập.',
    },
    // A symbol whose code is unknown.
    { fromText: true, text: 'Căn cứ Kế hoạch số 12/KH-BCĐ ngày 13/4/2021 của Chính phủ.' },
  ],
  invalid: [
    {
      fromText: true,
      text: 'Căn cứ Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Chính phủ phê duyệt Chương trình.',
      errors: [
        {
          messageId: 'mismatch',
          severity: 'error',
          excerpt: 'Chính phủ',
          suggestion: 'Thủ tướng Chính phủ',
          column: 54,
          endColumn: 63,
          message: expect.stringContaining('"của Thủ tướng Chính phủ"') as unknown as string,
        },
      ],
    },
    {
      fromText: true,
      text: 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Thủ tướng Chính phủ quy định xử phạt.',
      errors: [
        {
          messageId: 'mismatch',
          severity: 'error',
          message: expect.stringContaining('"của Chính phủ"') as unknown as string,
        },
      ],
    },
    {
      name: 'unverified code: warning',
      fromText: true,
      text: 'Căn cứ Thông tư số 191/2009/TT-BTC ngày 01/10/2009 của Bộ Kế hoạch và Đầu tư hướng dẫn.',
      errors: [{ messageId: 'mismatchUnverified', severity: 'warning' }],
    },
    {
      name: 'a user code from the options',
      fromText: true,
      options: { issuers: [{ code: 'SLĐTBXH', names: ['Sở Lao động - Thương binh và Xã hội'] }] },
      text: 'Căn cứ Công văn số 60/SLĐTBXH-BĐG ngày 08/4/2024 của Chính phủ về việc triển khai.',
      errors: [
        {
          messageId: 'mismatchUnverified',
          excerpt: 'Chính phủ',
          message: expect.stringContaining('60/SLĐTBXH-BĐG') as unknown as string,
        },
      ],
    },
    {
      lang: 'en',
      fromText: true,
      text: 'Căn cứ Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Chính phủ phê duyệt Chương trình.',
      errors: [
        {
          message:
            'The symbol "2282/QĐ-TTg" is a document of Thủ tướng Chính phủ, but the citation says "của Chính phủ": write "của Thủ tướng Chính phủ" (or check the number and symbol)',
        },
      ],
    },
  ],
});

describe('citation-issuer on the seeds', () => {
  it('000 names the Government as issuer of 2282/QĐ-TTg (a real error); the other seeds are right', async () => {
    const found = brief(await seedFindings(rule, '000'));
    expect(found).toHaveLength(1);
    expect(found[0]![1]).toBe('mismatch');
    expect(found[0]![3]).toBe('Chính phủ');
    const [message] = await seedFindings(rule, '000');
    expect(message!.message).toContain('2282/QĐ-TTg');
    expect(message!.suggestion).toBe('Thủ tướng Chính phủ');
    for (const id of ['002', '003', '004'] as const) expect(await seedFindings(rule, id)).toEqual([]);
  });
  it.each(PLAN_SEEDS)('%s: same findings in .txt, .docx and .pdf', async (id) => {
    await expectSameAcrossFormats(rule, id);
  });
});

describe('issuer-codes data', () => {
  it('loads, every entry sourced, and symbols resolve to their issuers', async () => {
    const { issuersOfSymbol, symbolCore } = await import('../../src/domain/issuers.js');
    const { builtinData } = await import('../../src/data/store.js');
    const entries = builtinData.issuerCodes.entries;
    for (const e of entries) expect(e.source.length).toBeGreaterThan(5);
    const types = new Set(['QĐ', 'NĐ', 'NQ', 'CT', 'KL', 'TT', 'KH']);
    const names = (symbol: string) => issuersOfSymbol(symbol, types, entries).map((e) => e.names[0]);
    expect(names('QĐ-TTg')).toEqual(['Thủ tướng Chính phủ']);
    expect(names('NĐ-CP')).toEqual(['Chính phủ']);
    expect(names('CT/TW')).toEqual(['Ban Bí thư']);
    expect(names('NQ/TW')).toEqual(['Bộ Chính trị']);
    expect(names('BLĐTBXH-VBĐG')).toEqual(['Bộ Lao động - Thương binh và Xã hội']);
    expect(names('TT-BKHĐT')).toEqual(['Bộ Kế hoạch và Đầu tư']);
    expect(names('KH-UBND')).toEqual(['Ủy ban nhân dân']);
    expect(names('QH15')).toEqual(['Quốc hội']);
    expect(names('NQ-UBTVQH15')).toEqual(['Ủy ban Thường vụ Quốc hội']);
    expect(names('KH-XYZ')).toEqual([]);
    expect(symbolCore('Luật Tố cáo số 25/2018/QH14')).toBe('25/2018/QH14');
    expect(symbolCore('1303/BLĐT BXH-VBĐG')).toBe('1303/BLĐT BXH-VBĐG');
    expect(
      builtinData.programmes.programmes.find((p) => p.id === 'strategy-gender-equality')!.period,
    ).toEqual([2021, 2030]);
  });
});
