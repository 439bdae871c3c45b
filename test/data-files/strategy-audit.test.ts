/**
 * The strategy catalogue after the 2026-12 audit (shared/domain/data-audit-2026-12.md): each
 * corrected indicator pinned with its values and the source it now cites, and target-sanity
 * comparing a local target only with the part of the indicator it really is.
 */
import { describe, expect, it } from 'vitest';
import { targetPairs, type CatalogueIndicator } from '../../src/domain/catalogue.js';
import { builtinData } from '../../src/data/store.js';
import { rule } from '../../src/rules/target-sanity.js';
import { runRule } from '../rules/_harness.js';
import { planFromText } from '../../src/examples/run.js';

const strategy = builtinData.strategy.catalogues.find((c) => c.id === 'chien-luoc-bdg-2021-2030')!;
const indicator = (goal: number, index: number): CatalogueIndicator =>
  strategy.goals.find((g) => g.index === goal)!.indicators.find((i) => i.index === index)!;
const values = (i: CatalogueIndicator) =>
  i.targets.map((t) => `${t.year}:${t.value}${t.about ? `:${t.about[0]}` : ''}`);

describe('strategy-2021-2030.json after the audit', () => {
  it('3.2 has both halves: victims 80/90 %, perpetrators counselled 50/70 % (giadinhmoi)', () => {
    const i = indicator(3, 2);
    expect(i.text).toContain('người gây bạo lực gia đình');
    expect(values(i)).toEqual([
      '2025:80:bị bạo lực',
      '2030:90:bị bạo lực',
      '2025:50:gây bạo lực',
      '2030:70:gây bạo lực',
    ]);
    expect(i.source).toContain('giadinhmoi.vn');
    expect(i.confidence).toBe('S');
  });
  it('3.3 is the trafficking victims indicator, 100 % from 2025 on (giadinhmoi)', () => {
    const i = indicator(3, 3);
    expect(i.text).toMatch(/^Từ năm 2025 trở đi, 100% số nạn nhân bị mua bán trở về/);
    expect(values(i)).toEqual(['2025:100', '2030:100']);
    expect(i.source).toContain('giadinhmoi.vn');
  });
  it('3.4 is the public social-assistance facilities, 70 % / 100 % (giadinhmoi); no "nhà tạm lánh"', () => {
    const i = indicator(3, 4);
    expect(i.text).toContain('cơ sở trợ giúp xã hội công lập');
    expect(i.text).not.toContain('nhà tạm lánh');
    expect(values(i)).toEqual(['2025:70', '2030:100']);
  });
  it('4.4 is 40 % / 70 % (plo.vn)', () => {
    const i = indicator(4, 4);
    expect(values(i)).toEqual(['2025:40', '2030:70']);
    expect(i.source).toContain('plo.vn');
    expect(i.confidence).toBe('S');
  });
  it('5.1 applies from 2025 and includes the teacher-training clause (plo.vn, dantri)', () => {
    const i = indicator(5, 1);
    expect(i.text).toMatch(/^Từ năm 2025 trở đi/);
    expect(i.text).toContain('giảng dạy chính thức ở các trường sư phạm');
    expect(i.source).toContain('dantri.com.vn');
  });
  it('5.2 is primary completion above 90 % / about 99 %; the lower-secondary half has no target', () => {
    const i = indicator(5, 2);
    expect(values(i)).toEqual(['2025:90:tiểu học', '2030:99:tiểu học']);
    expect(i.targets.map((t) => t.comparator)).toEqual(['above', 'about']);
    expect(i.otherParts).toContain('trung học cơ sở');
  });
  it('5.4 has its targets: thạc sĩ not below 50 % from 2025, tiến sĩ 30 % / 35 % (plo.vn)', () => {
    const i = indicator(5, 4);
    expect(values(i)).toEqual(['2025:50:thạc sĩ', '2030:50:thạc sĩ', '2025:30:tiến sĩ', '2030:35:tiến sĩ']);
    expect(i.source).toContain('plo.vn');
  });
  it('6.4 keeps its mark, says the audit found nothing, and has no 2011-2020 figures', () => {
    const i = indicator(6, 4);
    expect(i.confidence).toBe('M');
    expect(i.targets).toEqual([]);
    expect(i.source).toContain('2011-2020');
  });
  it('entries the audit did not find keep their mark and say so', () => {
    for (const [g, n] of [
      [4, 3],
      [5, 3],
      [6, 2],
      [6, 3],
    ] as const)
      expect(indicator(g, n).source).toContain('NOT FOUND');
    expect(indicator(4, 3).confidence).toBe('S');
    expect(indicator(5, 3).confidence).toBe('M');
  });
  it('no entry of goals 3-6 is marked V without a primary text', () => {
    for (const goal of strategy.goals.filter((g) => g.index >= 3 && g.index <= 5)) {
      for (const i of goal.indicators) expect(i.confidence).not.toBe('V');
    }
  });
});

describe('targetPairs: a local target meets only the part it is about', () => {
  const t = (raw: string, value: number) =>
    ({
      kind: 'percent',
      raw,
      value,
      from: null,
      to: null,
      unit: '%',
      comparator: null,
      base: null,
      direction: null,
    }) as never;
  it('primary with primary, the lower-secondary figure with nothing', () => {
    const text =
      'Tỷ lệ trẻ em dân tộc thiểu số hoàn thành giáo dục tiểu học đạt trên 85%; tỷ lệ hoàn thành cấp trung học cơ sở đạt khoảng 80%.';
    const pairs = targetPairs(text, [t('85%', 85), t('80%', 80)], indicator(5, 2), 2025);
    expect(pairs.map((p) => `${p.local.raw}→${p.expected.value}`)).toEqual(['85%→90']);
  });
  it('perpetrators with perpetrators, victims with victims', () => {
    const text =
      '75% người bị bạo lực gia đình được tiếp cận dịch vụ hỗ trợ; 40% người gây bạo lực được tư vấn, tham vấn.';
    const pairs = targetPairs(text, [t('75%', 75), t('40%', 40)], indicator(3, 2), 2025);
    expect(pairs.map((p) => `${p.local.raw}→${p.expected.value}`)).toEqual(['75%→80', '40%→50']);
  });
  it('a clause naming two parts is not compared', () => {
    const text = 'Tỷ lệ hoàn thành tiểu học và trung học cơ sở đạt 85%.';
    expect(targetPairs(text, [t('85%', 85)], indicator(5, 2), 2025)).toEqual([]);
  });
});

describe('target-sanity with the corrected catalogue', () => {
  const plan = (body: string) =>
    planFromText(
      `KẾ HOẠCH\n\nThực hiện Chiến lược quốc gia về bình đẳng giới năm 2025\n\nII. MỤC TIÊU, CHỈ TIÊU\n\n${body}`,
    );
  it('a 2025 plan copying 4.4 correctly (40 %) gets nothing; the old 25 % is weaker', async () => {
    const right = await plan(
      '1. Mục tiêu 4: Trong lĩnh vực y tế\n\n- Chỉ tiêu 4: Đạt 40% tỉnh, thành phố có ít nhất một cơ sở y tế cung cấp thí điểm dịch vụ chăm sóc sức khỏe dành cho người đồng tính, song tính và chuyển giới.\n',
    );
    expect(runRule(rule, right)).toEqual([]);
    const old = await plan(
      '1. Mục tiêu 4: Trong lĩnh vực y tế\n\n- Chỉ tiêu 4: Đạt 25% tỉnh, thành phố có ít nhất một cơ sở y tế cung cấp thí điểm dịch vụ chăm sóc sức khỏe dành cho người đồng tính, song tính và chuyển giới.\n',
    );
    expect(runRule(rule, old).map((m) => [m.messageId, m.severity, m.excerpt])).toEqual([
      ['weakerThanCatalogue', 'warning', '25%'],
    ]);
  });
  it('a lower-secondary 80 % is not compared with the primary 90 %; a primary 85 % is', async () => {
    const found = runRule(
      rule,
      await plan(
        '1. Mục tiêu 5: Trong lĩnh vực giáo dục và đào tạo\n\n- Chỉ tiêu 2: Tỷ lệ trẻ em trai và trẻ em gái dân tộc thiểu số hoàn thành giáo dục tiểu học đạt trên 85%; tỷ lệ hoàn thành cấp trung học cơ sở đạt khoảng 80%.\n',
      ),
    );
    expect(found.map((m) => m.excerpt)).toEqual(['85%']);
  });
});

describe('agencies.json and legal-documents.json after the audit', async () => {
  const k = builtinData.knowledge;
  const doc = (key: string) => k.legalDocuments.find((d) => d.key === key)!;
  const agency = (key: string) => k.agencies.find((a) => a.key === key)!;
  it("Kết luận 55-KL/TW is the Ban Bí thư's, read in its text (V)", () => {
    expect(doc('kl-55-2013-tw')).toMatchObject({ issuer: 'Ban Bí thư', confidence: 'V' });
    expect(doc('kl-55-2013-tw').source).toContain('thuvienphapluat.vn 178700');
  });
  it('Nghị quyết 176/2025/QH15 is in force from its passage, 18/02/2025', () => {
    expect(doc('nq-176-2025-qh15').status).toMatchObject({ kind: 'in-force', from: '2025-02-18' });
  });
  it('Nghị định 45/2025 is replaced by Nghị định 150/2025, on secondary evidence (S)', () => {
    expect(doc('nd-45-2025')).toMatchObject({
      status: { kind: 'replaced', replacedBy: 'nd-150-2025' },
      confidence: 'S',
    });
  });
  it('the bases cited elsewhere now have entries', () => {
    for (const key of [
      'nq-203-2025-qh15',
      'nq-175-2024-qh15',
      'nq-190-2025-qh15',
      'nd-25-2025',
      'nq-60-2025-tw',
    ])
      expect(doc(key), key).toBeDefined();
    expect(doc('nq-60-2025-tw')).toMatchObject({
      issuer: 'Ban Chấp hành Trung ương',
      date: '2025-04-12',
      confidence: 'V',
    });
  });
  it("Sở LĐTBXH's poverty-reduction work went to the Sở Nông nghiệp và Môi trường; Vụ BĐG to Vụ CTTN&BĐG", () => {
    expect(agency('so-ldtbxh').successors.find((s) => s.key === 'so-nnmt')?.functions?.vi).toBe('giảm nghèo');
    expect(agency('vu-binh-dang-gioi').successors.map((s) => s.key)).toEqual(['vu-cttn-bdg']);
  });
  it('bodies that still exist are known and have no end', () => {
    for (const key of [
      'bo-quoc-phong',
      'bo-cong-an',
      'bo-tu-phap',
      'bo-ngoai-giao',
      'bo-cong-thuong',
      'bo-vhttdl',
      'nhnn',
      'thanh-tra-chinh-phu',
      'van-phong-chinh-phu',
      'thanh-tra-tinh',
    ]) {
      expect(agency(key)?.until, key).toBeNull();
    }
  });
});
