import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/signature-block.js';
import { testRule } from './_harness.js';
import { brief, PLAN_SEEDS, seedFindings } from './_seeds.js';

const doc = (symbol: string, signature: string) =>
  `Số: 12/${symbol}\n\nLai Châu, ngày 24 tháng 4 năm 2024\n\nKẾ HOẠCH\nThực hiện công tác năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Các sở triển khai.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n${signature}`;

testRule(rule, {
  valid: [
    { text: doc('KH-UBND', 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An'), fromText: true, name: 'TM. then KT.' },
    { text: doc('KH-UBND', 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An'), fromText: true, name: 'TM. then the Chairman' },
    { text: doc('KH-SYT', 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn An'), fromText: true, name: 'a department (not collective): KT. alone' },
    { text: doc('KH-BVSTBPN', 'TRƯỞNG BAN\n\nNguyễn Văn An'), fromText: true, name: 'a board signed by its head' },
  ],
  invalid: [
    {
      text: doc('KH-UBND', 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An'),
      fromText: true,
      name: 'KH-UBND signed KT. CHỦ TỊCH without TM.',
      errors: [
        {
          messageId: 'missingCollective',
          severity: 'warning',
          line: 16,
          column: 1,
          excerpt: 'KT. CHỦ TỊCH',
          message:
            'Văn bản KH-UBND do tập thể ỦY BAN NHÂN DÂN ban hành nhưng ký "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" mà thiếu dòng "TM. ỦY BAN NHÂN DÂN" phía trên (Nghị định 30/2020/NĐ-CP, Điều 13)',
        },
      ],
    },
    {
      text: doc('KH-UBND', 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An'),
      fromText: true,
      lang: 'en',
      name: 'English',
      errors: [{ message: 'The KH-UBND document is issued by the collective body ỦY BAN NHÂN DÂN but signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" without a "TM. ỦY BAN NHÂN DÂN" line above it (Decree 30/2020, Art. 13)' }],
    },
  ],
});

describe('signature-block: hand-made blocks', () => {
  it('missing title and signer', async () => {
    const { emptyPlan, runRule } = await import('./_harness.js');
    const plan = emptyPlan();
    const position = { start: { line: 30, column: 1 }, end: { line: 31, column: 13 } };
    plan.signature = { type: 'signature', authority: ['TM. ỦY BAN NHÂN DÂN'], position: null, signer: null, lines: [{ type: 'line', text: 'TM. ỦY BAN NHÂN DÂN', position }], sourcePosition: position };
    expect(runRule(rule, plan).map((m) => [m.messageId, m.line, m.message])).toEqual([
      ['missingPosition', 30, 'Khối chữ ký "TM. ỦY BAN NHÂN DÂN" thiếu chức vụ của người ký (ví dụ "PHÓ CHỦ TỊCH")'],
      ['missingSigner', 30, 'Khối chữ ký "TM. ỦY BAN NHÂN DÂN" thiếu họ tên người ký'],
    ]);
  });
  it('a plan with sections and no signature block', async () => {
    const { emptyPlan, item, runRule } = await import('./_harness.js');
    const plan = emptyPlan();
    plan.sections.push({ type: 'section', numeral: 'I', heading: 'MỤC ĐÍCH', kind: 'purpose', position: { start: { line: 3, column: 1 }, end: { line: 3, column: 12 } }, items: [] });
    expect(runRule(rule, plan).map((m) => m.messageId)).toEqual(['missingSignature']);
    // A Nơi nhận and signature flattened into one column ("Nơi nhận: TM. ỦY BAN NHÂN DÂN"): the
    // block is there though the tree did not find it.
    plan.sections[0]!.items.push(item('TT. Thành ủy; TT. HĐND thành phố; KT. CHỦ TỊCH', { line: 5 }));
    expect(runRule(rule, plan)).toEqual([]);
  });
});

describe('signature-block on the seeds', () => {
  it('000 signs "KT. CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN"; 002 and 004 have the TM. line; 003 is a board (TRƯỞNG BAN)', async () => {
    const found = Object.fromEntries(await Promise.all(PLAN_SEEDS.map(async (id) => [id, brief(await seedFindings(rule, id))] as const)));
    expect(found).toEqual({ '000': [[234, 'missingCollective', 'warning', 'KT. CHỦ TỊCH']], '002': [], '003': [], '004': [] });
    expect(await seedFindings(rule, '001')).toEqual([]);
  });
});
