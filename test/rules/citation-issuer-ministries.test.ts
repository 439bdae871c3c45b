/**
 * citation-issuer knows every ministry and ministry-level agency: the 22 before 01/3/2025 and the
 * 17 after (Nghị quyết 176/2025/QH15), the local authorities and the party bodies. Each is cited
 * once with its own name (nothing) and once with another known body's (a finding).
 */
import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/citation-issuer.js';
import { planFromText } from '../../src/examples/run.js';
import { runRule } from './_harness.js';

/** [code, the ministry's name as a citation writes it]. */
const BEFORE_2025: [string, string][] = [
  ['BQP', 'Bộ Quốc phòng'],
  ['BCA', 'Bộ Công an'],
  ['BNG', 'Bộ Ngoại giao'],
  ['BNV', 'Bộ Nội vụ'],
  ['BTP', 'Bộ Tư pháp'],
  ['BKHĐT', 'Bộ Kế hoạch và Đầu tư'],
  ['BTC', 'Bộ Tài chính'],
  ['BCT', 'Bộ Công Thương'],
  ['BNNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn'],
  ['BGTVT', 'Bộ Giao thông vận tải'],
  ['BXD', 'Bộ Xây dựng'],
  ['BTNMT', 'Bộ Tài nguyên và Môi trường'],
  ['BTTTT', 'Bộ Thông tin và Truyền thông'],
  ['BLĐTBXH', 'Bộ Lao động - Thương binh và Xã hội'],
  ['BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch'],
  ['BKHCN', 'Bộ Khoa học và Công nghệ'],
  ['BGDĐT', 'Bộ Giáo dục và Đào tạo'],
  ['BYT', 'Bộ Y tế'],
  ['UBDT', 'Ủy ban Dân tộc'],
  ['NHNN', 'Ngân hàng Nhà nước Việt Nam'],
  ['TTCP', 'Thanh tra Chính phủ'],
  ['VPCP', 'Văn phòng Chính phủ'],
];
const AFTER_2025: [string, string][] = [
  ['BQP', 'Bộ Quốc phòng'],
  ['BCA', 'Bộ Công an'],
  ['BNG', 'Bộ Ngoại giao'],
  ['BNV', 'Bộ Nội vụ'],
  ['BTP', 'Bộ Tư pháp'],
  ['BTC', 'Bộ Tài chính'],
  ['BCT', 'Bộ Công Thương'],
  ['BNNMT', 'Bộ Nông nghiệp và Môi trường'],
  ['BXD', 'Bộ Xây dựng'],
  ['BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch'],
  ['BKHCN', 'Bộ Khoa học và Công nghệ'],
  ['BGDĐT', 'Bộ Giáo dục và Đào tạo'],
  ['BYT', 'Bộ Y tế'],
  ['BDTTG', 'Bộ Dân tộc và Tôn giáo'],
  ['NHNN', 'Ngân hàng Nhà nước Việt Nam'],
  ['TTCP', 'Thanh tra Chính phủ'],
  ['VPCP', 'Văn phòng Chính phủ'],
];

const cite = async (symbol: string, issuer: string, year = 2024) =>
  runRule(
    rule,
    await planFromText(
      `Căn cứ Thông tư số 05/${year}/TT-${symbol} ngày 10/5/${year} của ${issuer} hướng dẫn thực hiện.\n`,
    ),
  );

describe('citation-issuer: every ministry', () => {
  it('there are 22 before 01/3/2025 and 17 after', () => {
    expect(new Set(BEFORE_2025.map(([c]) => c)).size).toBe(22);
    expect(new Set(AFTER_2025.map(([c]) => c)).size).toBe(17);
  });
  // Another body: one that did not take over this one's work (Bộ Công an, or Bộ Tư pháp for the Bộ Công an).
  const other = (code: string) => (code === 'BCA' ? 'Bộ Tư pháp' : 'Bộ Công an');
  it.each(BEFORE_2025)(
    'before 2025: TT-%s with its own name is fine, with another known body it is reported',
    async (code, name) => {
      expect(await cite(code, name, 2024)).toEqual([]);
      const found = await cite(code, other(code), 2024);
      expect(found.map((m) => [m.ruleId, m.excerpt])).toEqual([['citation-issuer', other(code)]]);
      expect(found[0]!.message).toContain(name);
    },
  );
  it.each(AFTER_2025)(
    'after 2025: TT-%s with its own name is fine, with another known body it is reported',
    async (code, name) => {
      expect(await cite(code, name, 2025)).toEqual([]);
      const found = await cite(code, other(code), 2025);
      expect(found.map((m) => [m.ruleId, m.excerpt])).toEqual([['citation-issuer', other(code)]]);
      expect(found[0]!.message).toContain(name);
    },
  );
});

describe("citation-issuer: the issue's cases, short forms, local and party bodies", () => {
  const run = async (text: string) => runRule(rule, await planFromText(`${text}\n`));
  it('"…/TT-BYT … của Bộ Công an" and "…/QĐ-BXD … của Bộ Giao thông vận tải" are reported (warnings: S entries)', async () => {
    const a = await run('Căn cứ Thông tư số 03/2025/TT-BYT ngày 15/9/2025 của Bộ Công an hướng dẫn.');
    expect(a.map((m) => [m.messageId, m.severity, m.excerpt])).toEqual([
      ['mismatchUnverified', 'warning', 'Bộ Công an'],
    ]);
    const b = await run(
      'Căn cứ Quyết định số 120/QĐ-BXD ngày 03/3/2025 của Bộ Giao thông vận tải về việc phê duyệt.',
    );
    expect(b.map((m) => m.excerpt)).toEqual(['Bộ Giao thông vận tải']);
    expect(b[0]!.message).toContain('Bộ Xây dựng');
  });
  it('short forms are the same body: Bộ TP, Bộ LĐ-TBXH, UBND tỉnh, Bộ trưởng Bộ …', async () => {
    expect(
      await run('Căn cứ Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ TP quy định chi tiết.'),
    ).toEqual([]);
    expect(
      await run('Căn cứ Thông tư số 15/2019/TT-BLĐTBXH ngày 30/8/2019 của Bộ LĐ-TBXH quy định.'),
    ).toEqual([]);
    expect(
      await run('Căn cứ Kế hoạch số 122/KH-UBND ngày 13/4/2021 của UBND tỉnh Bình Phước về bình đẳng giới.'),
    ).toEqual([]);
    expect(
      await run(
        'Căn cứ Quyết định số 2873/QĐ-UBND ngày 10/11/2023 của Chủ tịch Ủy ban nhân dân tỉnh về việc ban hành.',
      ),
    ).toEqual([]);
    expect(
      await run(
        'Căn cứ Thông tư số 02/2025/TT-BDTTG ngày 10/4/2025 của Bộ trưởng Bộ Dân tộc và Tôn giáo hướng dẫn.',
      ),
    ).toEqual([]);
    // A short form naming another body is still another body.
    expect(
      (await run('Căn cứ Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ LĐ-TBXH quy định chi tiết.')).map(
        (m) => m.excerpt,
      ),
    ).toEqual(['Bộ LĐ-TBXH']);
  });
  it("a dissolved ministry's document named by its successor is not reported; by an unrelated body it is", async () => {
    expect(
      await run(
        'Căn cứ Thông tư số 03/2024/TT-BTNMT ngày 16/5/2024 của Bộ Nông nghiệp và Môi trường quy định.',
      ),
    ).toEqual([]);
    expect(await run('Căn cứ Thông tư số 31/2019/TT-BGTVT ngày 29/8/2019 của Bộ Xây dựng quy định.')).toEqual(
      [],
    );
    expect(
      (await run('Căn cứ Thông tư số 03/2024/TT-BTNMT ngày 16/5/2024 của Bộ Y tế quy định.')).map(
        (m) => m.excerpt,
      ),
    ).toEqual(['Bộ Y tế']);
  });
  it('UBND (verified code) named as the council is an error; HĐND as the committee a warning', async () => {
    const a = await run(
      'Căn cứ Kế hoạch số 122/KH-UBND ngày 13/4/2021 của Hội đồng nhân dân tỉnh về bình đẳng giới.',
    );
    expect(a.map((m) => [m.messageId, m.severity])).toEqual([['mismatch', 'error']]);
    const b = await run(
      'Căn cứ Nghị quyết số 99/2025/NQ-HĐND ngày 10/7/2025 của Ủy ban nhân dân tỉnh quy định.',
    );
    expect(b.map((m) => [m.messageId, m.severity])).toEqual([['mismatchUnverified', 'warning']]);
  });
  it('National Assembly codes with the term number; the Standing Committee', async () => {
    expect(
      await run(
        'Căn cứ Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp.',
      ),
    ).toEqual([]);
    expect(
      (await run('Căn cứ Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Chính phủ về việc sắp xếp.')).map(
        (m) => m.excerpt,
      ),
    ).toEqual(['Chính phủ']);
  });
  it('party bodies: -KH/TU of a Huyện ủy, -QĐ/TW of the Bộ Chính trị, -KH/HU of a Huyện ủy', async () => {
    expect(
      (
        await run(
          'Thực hiện Kế hoạch số 119-KH/TU ngày 20/3/2023 của Ban Thường vụ Huyện ủy về công tác phụ nữ.',
        )
      ).map((m) => m.excerpt),
    ).toEqual(['Ban Thường vụ Huyện ủy']);
    expect(
      await run(
        'Thực hiện Quy định số 105-QĐ/TW ngày 19/12/2017 của Bộ Chính trị về phân cấp quản lý cán bộ.',
      ),
    ).toEqual([]);
    expect(
      await run(
        'Thực hiện Kế hoạch số 45-KH/HU ngày 20/3/2023 của Ban Thường vụ Huyện ủy về công tác phụ nữ.',
      ),
    ).toEqual([]);
  });
  it('a joint document names all its issuers', async () => {
    expect(
      await run(
        'Căn cứ Thông tư liên tịch số 01/2016/TTLT-BTC-BYT ngày 10/3/2016 của Bộ Y tế và Bộ Tài chính hướng dẫn.',
      ),
    ).toEqual([]);
  });
});
