import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/period-consistency.js';
import { brief, PLAN_SEEDS, seedFindings, expectSameAcrossFormats } from './_seeds.js';
import { testRule } from './_harness.js';

const two = (a: string, b: string) => `${a}\n\n${b}`;

testRule(rule, {
  valid: [
    {
      name: 'two successive plans under one name (read in shared/corpus/tvpl)',
      text: 'a) Kế hoạch sử dụng đất cấp tỉnh giai đoạn 2021-2025 được thực hiện theo quyết định đã phê duyệt.\n\nb) Kế hoạch sử dụng đất cấp tỉnh giai đoạn 2026-2030 thực hiện theo quy định của pháp luật về đất đai.',
      fromText: true,
    },
    {
      fromText: true,
      text: two(
        'Triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.',
        'Thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 – 2030 trên địa bàn tỉnh.',
      ),
    },
    {
      fromText: true,
      text: 'Triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 và Chương trình phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2021-2025.',
    },
    {
      name: 'an explicit phase',
      fromText: true,
      text: 'Thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2030, giai đoạn I (2021 - 2025).',
    },
    {
      name: 'a single mention unlike the catalogue is not compared',
      fromText: true,
      text: 'Thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025.',
    },
    {
      name: 'a bare head word names nothing',
      fromText: true,
      text: two(
        'Lồng ghép trong các chương trình giai đoạn 2021-2025.',
        'Lồng ghép trong các chương trình giai đoạn 2021-2030.',
      ),
    },
    {
      name: 'different names',
      fromText: true,
      text: two(
        'Thực hiện Đề án hỗ trợ phụ nữ khởi nghiệp giai đoạn 2017-2025.',
        'Thực hiện Đề án xây dựng gia đình hạnh phúc giai đoạn 2021-2030.',
      ),
    },
  ],
  invalid: [
    {
      fromText: true,
      text: two(
        'Triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.',
        'Tổng kết Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025.',
      ),
      errors: [
        {
          messageId: 'catalogue',
          severity: 'warning',
          line: 3,
          excerpt: 'giai đoạn 2021-2025',
          message: expect.stringContaining(
            'danh mục biết giai đoạn 2021–2030 (Nghị quyết 28/NQ-CP',
          ) as unknown as string,
        },
      ],
    },
    {
      name: 'the catalogue period is the reference even when written second',
      fromText: true,
      text: two(
        'Thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2025.',
        'Thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 – 2030.',
      ),
      errors: [{ messageId: 'catalogue', line: 1, excerpt: 'giai đoạn 2021-2025' }],
    },
    {
      fromText: true,
      text: two(
        'Thực hiện Đề án hỗ trợ phụ nữ khởi nghiệp giai đoạn 2017-2025.',
        'Lồng ghép vào Đề án hỗ trợ phụ nữ khởi nghiệp giai đoạn 2018-2025.',
      ),
      errors: [
        {
          messageId: 'different',
          line: 3,
          message: expect.stringContaining('2017–2025') as unknown as string,
        },
      ],
    },
    {
      name: 'a programme from the options (kh.config.json)',
      fromText: true,
      options: {
        programmes: [
          {
            name: 'Đề án hỗ trợ phụ nữ khởi nghiệp',
            period: [2017, 2025],
            document: 'Quyết định 939/QĐ-TTg',
          },
        ],
      },
      text: two(
        'Lồng ghép vào Đề án hỗ trợ phụ nữ khởi nghiệp giai đoạn 2018-2025.',
        'Thực hiện Đề án hỗ trợ phụ nữ khởi nghiệp giai đoạn 2017-2025.',
      ),
      errors: [
        {
          messageId: 'catalogue',
          line: 1,
          message: expect.stringContaining('(Quyết định 939/QĐ-TTg)') as unknown as string,
        },
      ],
    },
    {
      lang: 'en',
      fromText: true,
      text: two(
        'Triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.',
        'Tổng kết Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025.',
      ),
      errors: [{ message: expect.stringContaining('the catalogue knows 2021–2030') as unknown as string }],
    },
  ],
});

describe('period-consistency on the seeds', () => {
  it('000: the ethnic-minority programme given 2021-2025 and 2021 – 2030', async () => {
    const found = await seedFindings(rule, '000');
    expect(brief(found).map(([, id, , excerpt]) => [id, excerpt])).toEqual([
      ['catalogue', 'giai đoạn 2021-2025'],
    ]);
    expect(found[0]!.message).toContain('vùng đồng bào dân tộc thiểu số');
  });
  it('002 and 003: the national gender-equality strategy given 2021-2025 beside 2021-2030', async () => {
    for (const [id, count] of [
      ['002', 2],
      ['003', 3],
    ] as const) {
      const found = await seedFindings(rule, id);
      expect(found).toHaveLength(count);
      for (const m of found) {
        expect(m.message.toLowerCase()).toContain('chiến lược quốc gia về bình đẳng giới');
        expect(m.excerpt).toMatch(/^giai đoạn 2021\s*[-–]\s*2025$/);
      }
    }
  });
  it('004: nothing', async () => {
    expect(await seedFindings(rule, '004')).toEqual([]);
  });
  it.each(PLAN_SEEDS)('%s: same findings in .txt, .docx and .pdf', async (id) => {
    await expectSameAcrossFormats(rule, id);
  });
});

describe('period-consistency on the format variants', () => {
  it.each(['fixtures/variants/002_nfd.docx', 'fixtures/variants/002_nfd.pdf'])(
    '%s (decomposed Unicode) gives the findings of 002',
    async (path) => {
      const { loadPlan } = await import('../../src/parse/index.js');
      const { runRule } = await import('./_harness.js');
      const strip = (ms: { messageId: string; message: string; excerpt: string }[]) =>
        ms.map((m) => [m.messageId, m.message, m.excerpt]);
      expect(strip(runRule(rule, await loadPlan(path)))).toEqual(strip(await seedFindings(rule, '002')));
    },
  );
});
