import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/indicator-ref.js';
import { planToCatalogue, similarity } from '../../src/domain/catalogue.js';
import { builtinData } from '../../src/data/store.js';
import { planFromText } from '../../src/examples/run.js';
import { runRule, testRule } from './_harness.js';
import { PLAN_SEEDS, brief, seedFindings, seedPlan, expectSameAcrossFormats } from './_seeds.js';

const CITE =
  'Căn cứ Kế hoạch số 122/KH-UBND ngày 13/4/2021 của UBND tỉnh thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.\n\n';
const ORG = (...items: string[]) =>
  CITE + 'IV. TỔ CHỨC THỰC HIỆN\n\n' + items.map((t, i) => `${i + 1}. ${t}\n`).join('\n');
const AT = 'tại Kế hoạch số 122/KH-UBND ngày 13/4/2021';
const NO_COVERAGE = { coverage: 'off' };

testRule(rule, {
  valid: [
    {
      name: 'an indicator of the strategy',
      fromText: true,
      options: NO_COVERAGE,
      text: ORG(`Sở Y tế\n\n- Chịu trách nhiệm theo dõi chỉ tiêu 4 của Mục tiêu 4 ${AT}.`),
    },
    {
      name: 'a whole goal',
      fromText: true,
      options: NO_COVERAGE,
      text: ORG(`Sở Y tế\n\n- Chịu trách nhiệm tổng hợp báo cáo Mục tiêu 4 ${AT}.`),
    },
    {
      name: 'one lead and one partner',
      fromText: true,
      options: NO_COVERAGE,
      text: ORG(
        `Sở Y tế\n\n- Chủ trì thực hiện chỉ tiêu 1 của Mục tiêu 4 ${AT}.`,
        `Sở Tư pháp\n\n- Phối hợp thực hiện chỉ tiêu 1 của Mục tiêu 4 ${AT}.`,
      ),
    },
    {
      name: 'a plan that does not implement a known catalogue is not checked',
      fromText: true,
      text: 'IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n- Chịu trách nhiệm chỉ tiêu 9 của Mục tiêu 9 tại Kế hoạch số 5/KH-UBND ngày 1/2/2022 về phát triển du lịch.\n',
    },
    {
      name: 'builtin: false switches the strategy off',
      fromText: true,
      options: { builtin: false },
      text: ORG(`Sở Y tế\n\n- Chịu trách nhiệm theo dõi chỉ tiêu 7 của Mục tiêu 4 ${AT}.`),
    },
  ],
  invalid: [
    {
      name: 'an indicator the strategy does not have',
      fromText: true,
      options: NO_COVERAGE,
      text: ORG(`Sở Y tế\n\n- Chịu trách nhiệm theo dõi chỉ tiêu 7 của Mục tiêu 4 ${AT}.`),
      errors: [{ messageId: 'unknownIndicator', severity: 'warning', excerpt: 'chỉ tiêu 7 của Mục tiêu 4' }],
    },
    {
      name: 'a goal the strategy does not have',
      fromText: true,
      options: NO_COVERAGE,
      text: ORG(`Sở Y tế\n\n- Chịu trách nhiệm theo dõi Mục tiêu 8 ${AT}.`),
      errors: [{ messageId: 'unknownGoal' }],
    },
    {
      name: 'two leads for one indicator',
      fromText: true,
      options: NO_COVERAGE,
      text: ORG(
        `Sở Y tế\n\n- Chủ trì thực hiện chỉ tiêu 1 của Mục tiêu 4 ${AT}.`,
        `Sở Tư pháp\n\n- Chịu trách nhiệm báo cáo chỉ tiêu 1 của Mục tiêu 4 ${AT}.`,
      ),
      errors: [
        {
          messageId: 'doubleLead',
          message: expect.stringContaining('Sở Y tế và Sở Tư pháp') as unknown as string,
        },
      ],
    },
    {
      name: 'coverage: the indicators nobody is given',
      fromText: true,
      text: ORG(
        `Sở Y tế\n\n- Chịu trách nhiệm Mục tiêu 1, Mục tiêu 2, Mục tiêu 3, Mục tiêu 4, Mục tiêu 5 ${AT}.`,
        `Sở Thông tin và Truyền thông\n\n- Chịu trách nhiệm chỉ tiêu 1, 2, 3 của Mục tiêu 6 ${AT}.`,
      ),
      errors: [
        {
          messageId: 'coverage',
          severity: 'info',
          message: expect.stringContaining('chỉ tiêu 4 Mục tiêu 6') as unknown as string,
        },
      ],
    },
    {
      name: 'a plan that defines its goals: references to itself',
      fromText: true,
      text:
        'II. MỤC TIÊU\n\n1. Mục tiêu 1: Trong lĩnh vực chính trị\n\nChỉ tiêu: Đến cuối năm 2023, đạt 56% cơ quan có lãnh đạo chủ chốt là nữ.\n\n' +
        'III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Nội vụ: Chịu trách nhiệm thực hiện chỉ tiêu 2 của Mục tiêu 1.\n',
      errors: [
        {
          messageId: 'unknownIndicator',
          message: expect.stringContaining('chính kế hoạch này') as unknown as string,
        },
      ],
    },
  ],
});

describe('indicator-ref: numbering against the catalogue a plan implements', () => {
  const plan = (indicator3: string) =>
    'KẾ HOẠCH\n\nThực hiện Chiến lược quốc gia về bình đẳng giới năm 2023\n\nII. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu 3: Trong đời sống gia đình\n\n' +
    '- Chỉ tiêu 1: Giảm số giờ làm công việc nội trợ và chăm sóc không được trả công của phụ nữ còn 1,6 lần so với nam giới.\n\n' +
    `- Chỉ tiêu 3: ${indicator3}\n`;
  it('same number, same meaning: nothing', async () => {
    const p = await planFromText(
      plan('100% nạn nhân bị mua bán trở về được hưởng các dịch vụ hỗ trợ và tái hòa nhập cộng đồng.'),
    );
    expect(runRule(rule, p).filter((m) => m.messageId === 'numbering')).toEqual([]);
  });
  it('same number, another meaning: a warning that quotes both', async () => {
    // NQ 28's chỉ tiêu 3 of Mục tiêu 3 is the trafficking victims one; the facilities are chỉ tiêu 4 (audit 2026-12).
    const p = await planFromText(
      plan(
        '70% cơ sở trợ giúp xã hội công lập triển khai các hoạt động trợ giúp, phòng ngừa và ứng phó với bạo lực trên cơ sở giới.',
      ),
    );
    const m = runRule(rule, p).filter((x) => x.messageId === 'numbering');
    expect(m).toHaveLength(1);
    expect(m[0]!.severity).toBe('warning');
    expect(m[0]!.message).toContain('cơ sở trợ giúp xã hội');
    expect(m[0]!.message).toContain('nạn nhân bị mua bán');
  });
  it('English messages', async () => {
    const p = await planFromText(
      ORG(`Sở Y tế\n\n- Chịu trách nhiệm theo dõi chỉ tiêu 7 của Mục tiêu 4 ${AT}.`),
    );
    const [m] = runRule(rule, p, { lang: 'en', options: NO_COVERAGE });
    expect(m!.message).toMatch(/^"chỉ tiêu 7 của Mục tiêu 4": goal 4 of .* has no indicator 7 \(only 4\)/);
  });
});

describe('indicator-ref: reference plans (config / --ref)', () => {
  it('a reference plan given as a catalogue is checked by its number and symbol', async () => {
    const ref = await planFromText(
      'ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n\nSố: 786/KH-UBND\n\nKon Tum, ngày 22 tháng 3 năm 2023\n\nKẾ HOẠCH\n\nvề bình đẳng giới năm 2023\n\nII. MỤC TIÊU\n\n1. Mục tiêu 1: Trong lĩnh vực chính trị\n\nChỉ tiêu: Đạt 56% cơ quan có lãnh đạo chủ chốt là nữ.\n',
    );
    const catalogue = planToCatalogue(ref, 'kh-786');
    const p = await planFromText(
      'IV. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Nội vụ\n\n- Chịu trách nhiệm chỉ tiêu 2 của Mục tiêu 1 tại Kế hoạch số 786/KH-UBND ngày 22/3/2023 của UBND tỉnh.\n',
    );
    const messages = runRule(rule, p, { options: { references: [catalogue], coverage: 'off' } });
    expect(catalogue.document).toMatchObject({ number: '786', symbol: 'KH-UBND' });
    expect(brief(messages).map((m) => m[1])).toEqual(['unknownIndicator']);
    expect(messages[0]!.message).toContain('không có chỉ tiêu 2 (chỉ có 1 chỉ tiêu)');
    // Without the reference, the cited plan is unknown (its subject says nothing of the strategy): no message.
    expect(runRule(rule, p, { options: { coverage: 'off' } })).toEqual([]);
  });
});

describe('indicator-ref on the real seeds', () => {
  it('000: chỉ tiêu 2 of Mục tiêu 3 is led by both Sở LĐTBXH and Sở VHTTDL; every strategy indicator is assigned', async () => {
    const messages = await seedFindings(rule, '000');
    expect(brief(messages)).toEqual([[189, 'doubleLead', 'warning', 'chỉ tiêu 2 của Mục tiêu 3']]);
    expect(messages[0]!.message).toContain(
      'Sở Lao động - Thương binh và Xã hội và Sở Văn hóa, Thể thao và Du lịch',
    );
    expect(messages[0]!.related?.[0]?.line).toBe(121);
  });
  it("004 follows the strategy's numbering (its chỉ tiêu 3 of Mục tiêu 3 is NQ 28's, audit 2026-12): nothing", async () => {
    expect(await seedFindings(rule, '004')).toEqual([]);
  });
  it('002 and 003 reference no indicator: nothing', async () => {
    expect(await seedFindings(rule, '002')).toEqual([]);
    expect(await seedFindings(rule, '003')).toEqual([]);
  });
  it.each(PLAN_SEEDS)('%s: the same findings in .txt, .docx and .pdf', async (id) => {
    await expectSameAcrossFormats(rule, id);
  });
  it('the built-in catalogue: 6 goals, 1+3+4+4+4+4 indicators, goals 1-2 verified', () => {
    const [c] = builtinData.strategy.catalogues;
    expect(c!.goals.map((g) => g.indicators.length)).toEqual([1, 3, 4, 4, 4, 4]);
    expect(
      c!.goals
        .slice(0, 2)
        .every((g) => g.confidence === 'V' && g.indicators.every((i) => i.confidence === 'V')),
    ).toBe(true);
    expect(c!.goals[1]!.indicators[2]!.targets).toEqual([
      { year: 2025, value: 27, unit: '%', comparator: 'at-least' },
      { year: 2030, value: 30, unit: '%', comparator: 'at-least' },
    ]);
  });
  it('004 keeps the strategy wording where it keeps the numbering (similarity)', async () => {
    const plan = await seedPlan('004');
    const [c] = builtinData.strategy.catalogues;
    const sim = (g: number, i: number) =>
      similarity(plan.goals[g - 1]!.indicators[i - 1]!.text, c!.goals[g - 1]!.indicators[i - 1]!.text);
    expect(sim(2, 3)).toBeGreaterThan(0.8);
    expect(sim(3, 2)).toBeGreaterThan(0.8);
    expect(sim(3, 3)).toBeGreaterThan(0.8);
  });
});
