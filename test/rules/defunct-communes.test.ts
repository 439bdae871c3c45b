/**
 * defunct-agency and the communes merged on 01/7/2025 (src/data/communes-2025.json, built by
 * scripts/build-communes.mjs from the dvhcvn/20250701 mapping): an old commune named in a plan
 * of its province dated after the change is reported with its successor; a name a current unit
 * bears, a name of another province, history and earlier plans are not.
 */
import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/defunct-agency.js';
import { planFromText } from '../../src/examples/run.js';
import { runRule } from './_harness.js';
import { findOldCommunes, foldName, oldCommunesOf } from '../../src/domain/communes.js';
import { builtinData } from '../../src/data/store.js';

const plan = (province: string, place: string, year: number, body: string) =>
  `ỦY BAN NHÂN DÂN\n${province}\n\nSố: 15/KH-UBND\n\n${place}, ngày 15 tháng 01 năm ${year}\n\nKẾ HOẠCH\n\nCông tác bình đẳng giới năm ${year}\n\n${body}\n`;
const BODY =
  'Giao Ủy ban nhân dân xã Đắk Dục, xã Đắk Xú và thị trấn Plei Kần phối hợp với huyện Ngọc Hồi tổ chức tuyên truyền; xã Bờ Y tổ chức hội thi.';

describe('defunct-agency: communes after 01/7/2025', () => {
  it('a 2026 plan naming three old communes and one old district: each reported with its successor', async () => {
    const found = runRule(rule, await planFromText(plan('TỈNH QUẢNG NGÃI', 'Quảng Ngãi', 2026, BODY)));
    expect(found.map((m) => [m.messageId, m.severity, m.excerpt])).toEqual([
      ['commune', 'warning', 'xã Đắk Dục'],
      ['commune', 'warning', 'xã Đắk Xú'],
      ['commune', 'warning', 'thị trấn Plei Kần'],
      ['districtNamed', 'error', 'huyện Ngọc Hồi'],
    ]);
    expect(found[0]!.message).toContain('nay là Xã Dục Nông');
    expect(found[1]!.message).toContain('nay là Xã Bờ Y');
    expect(found[2]!.message).toContain('nay là Xã Bờ Y');
    expect(found[0]!.message).toContain('NQ-UBTVQH15');
    expect(found[3]!.message).toContain('tỉnh Quảng Ngãi');
  });
  it('a 2024 plan naming the same gets nothing', async () => {
    expect(runRule(rule, await planFromText(plan('TỈNH KON TUM', 'Kon Tum', 2024, BODY)))).toEqual([]);
  });
  it("the old province still works as the plan's province (Kon Tum went into Quảng Ngãi)", async () => {
    const found = runRule(
      rule,
      await planFromText(
        plan(
          'HUYỆN NGỌC HỒI',
          'Ngọc Hồi',
          2026,
          `Trên địa bàn tỉnh Kon Tum, giao xã Đắk Dục tổ chức hội thi.`,
        ),
      ),
    );
    expect(found.filter((m) => m.messageId === 'commune').map((m) => m.excerpt)).toEqual(['xã Đắk Dục']);
  });
  it("another province's plan, a name a current unit bears, history and a former name: nothing", async () => {
    const other = runRule(
      rule,
      await planFromText(plan('TỈNH ĐỒNG NAI', 'Đồng Nai', 2026, 'Giao xã Đắk Dục tổ chức hội thi.')),
    );
    expect(other.filter((m) => m.messageId === 'commune')).toEqual([]);
    const kept = runRule(
      rule,
      await planFromText(
        plan('THÀNH PHỐ HÀ NỘI', 'Hà Nội', 2026, 'Giao Ủy ban nhân dân phường Ngọc Hà tổ chức hội thi.'),
      ),
    );
    expect(kept).toEqual([]);
    const history = runRule(
      rule,
      await planFromText(
        plan(
          'TỈNH QUẢNG NGÃI',
          'Quảng Ngãi',
          2026,
          'Xã Dục Nông được thành lập trên cơ sở sáp nhập xã Đắk Dục, xã Đắk Nông và xã Đắk Ang.',
        ),
      ),
    );
    expect(history).toEqual([]);
    const former = runRule(
      rule,
      await planFromText(
        plan('TỈNH QUẢNG NGÃI', 'Quảng Ngãi', 2026, 'Giao xã Dục Nông (xã Đắk Dục cũ) tổ chức hội thi.'),
      ),
    );
    expect(former.filter((m) => m.messageId === 'commune')).toEqual([]);
  });
  it('"xã hội", a lower-case word after "xã", and a longer name are not communes', () => {
    expect(
      findOldCommunes(
        oldCommunesOf(builtinData),
        'Các tổ chức chính trị - xã hội, xã Đắk Dục Mới tham gia.',
        ['quang-ngai'],
      ),
    ).toEqual([]);
    expect(
      findOldCommunes(oldCommunesOf(builtinData), 'XÃ ĐẮK DỤC', ['quang-ngai']).map((m) => m.successors),
    ).toEqual([['Xã Dục Nông']]);
  });
});

describe('communes-2025.json', () => {
  const data = builtinData.communes2025;
  it('is sourced, licensed and marked S; one table per current province', () => {
    expect(data.confidence).toBe('S');
    expect(data.licence).toContain('MIT');
    expect(data.source).toContain('dvhcvn/20250701');
    expect(Object.keys(data.provinces)).toHaveLength(34);
  });
  it('keeps no name a current unit of the same province bears, and never the ambiguous ones', () => {
    const hanoi = data.provinces['ha-noi']!;
    // "Phường Ngọc Hà" (old) went partly into "Phường Ngọc Hà" (new): not kept.
    expect(hanoi.p['Ngọc Hà']).toBeUndefined();
    expect(hanoi.p['Cống Vị']).toEqual(['Phường Ngọc Hà', 'Phường Giảng Võ']);
    // Every kept name differs from every successor name in its province.
    for (const [key, kinds] of Object.entries(data.provinces)) {
      const current = new Set(
        Object.values(kinds)
          .flatMap((k) => Object.values(k as Record<string, string[]>).flat())
          .map((n) => foldName(n.replace(/^(Xã|Phường|Đặc khu)\s+/u, ''))),
      );
      for (const kind of Object.values(kinds))
        for (const name of Object.keys(kind))
          expect(current.has(foldName(name)), `${key}: ${name}`).toBe(false);
      for (const kind of Object.values(kinds))
        for (const successors of Object.values(kind))
          expect(successors).toEqual(
            expect.arrayContaining([expect.stringMatching(/^(Xã|Phường|Đặc khu) \S/u)]),
          );
    }
  });
});
