import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/unbalanced-punctuation.js';
import { emptyPlan, paragraph, planWith, runRule, testRule } from './_harness.js';
import { brief, PLAN_SEEDS, seedFindings } from './_seeds.js';

testRule(rule, {
  valid: [
    'Chương trình “Tăng cường sự tham gia bình đẳng của phụ nữ” giai đoạn 2021 - 2030.',
    'Từ nguồn kinh phí Trung ương hỗ trợ (nếu có); nguồn ngân sách địa phương (theo phân cấp (hiện hành)).',
    'a) Tuyên truyền pháp luật về bình đẳng giới.',
    'Nội dung gồm: a) tuyên truyền; b) tập huấn (02 lớp); đ) kiểm tra.',
    'Các bước: 1) rà soát, 2) đánh giá, 12) báo cáo.',
    'Tổ chức hội thảo "Phụ nữ với an sinh xã hội" và tọa đàm "Bình đẳng giới".',
    {
      text: 'Hội thảo "Phụ nữ với an sinh xã hội.',
      options: { straightQuotes: false },
      name: 'straight quotes switched off',
    },
    'Ban hành Đề án “Đưa việc giảng dạy về giới vào chương trình”; Nghị định số 125/2021/NĐ-CP.',
  ],
  invalid: [
    {
      name: 'a quotation closed only after the next citation (seed 000)',
      text: 'Quyết định số 2282/QĐ-TTg phê duyệt Chương trình “Tăng cường sự tham gia bình đẳng của phụ nữ giai đoạn 2021 - 2030; Nghị định số 125/2021/NĐ-CP ngày 28/12/2021; Kết luận về công tác phụ nữ thời kỳ đẩy mạnh công nghiệp hóa đất nước” trên địa bàn tỉnh.',
      errors: [
        {
          messageId: 'quoteRunsOn',
          severity: 'warning',
          column: 50,
          excerpt: '“Tăng cường sự tham gia bình đẳng của',
          message:
            'Dấu mở “ ở "“Tăng cường sự tham gia bình đẳng của…" có vẻ chưa được đóng: phần trong ngoặc kép chạy qua "Nghị định số 125/2021/NĐ-CP" (một văn bản khác) rồi mới gặp ” ở "…kỳ đẩy mạnh công nghiệp hóa đất nước”"; thêm ” ở cuối tên được trích',
        },
      ],
    },
    {
      text: 'Phê duyệt Đề án “Đưa việc giảng dạy nội dung về giới vào chương trình; tăng cường ứng dụng công nghệ.',
      errors: [
        {
          messageId: 'unclosed',
          column: 17,
          message:
            'Dấu mở “ ở "“Đưa việc giảng dạy nội dung về giới vào…" không có dấu đóng ” trong cùng đoạn; thêm ” ở cuối phần được trích/chú thích',
        },
      ],
    },
    {
      text: 'Phù hợp mục tiêu, chính sách pháp luật về Bình đẳng giới”.',
      errors: [
        {
          messageId: 'unopened',
          column: 19,
          endColumn: 58,
          excerpt: 'chính sách pháp luật về Bình đẳng giới”',
        },
      ],
    },
    {
      text: 'Thu thập số liệu (theo Công văn số 2792/LĐTBXH-BĐG và báo cáo theo quy định (qua Sở Lao động) để tổng hợp.',
      errors: [
        {
          messageId: 'unclosed',
          column: 18,
          message: expect.stringContaining('"(theo Công văn số 2792/LĐTBXH-BĐG và báo…"'),
        },
      ],
    },
    {
      name: 'a ")" after a word is not a label',
      text: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã/phường/đặc khu) hiệp thương.',
      errors: [{ messageId: 'unopened' }],
    },
    {
      text: 'Hội thảo "Phụ nữ với an sinh xã hội" và "Bình đẳng giới.',
      errors: [
        {
          messageId: 'oddStraightQuotes',
          column: 41,
          message: 'Đoạn có 3 dấu ngoặc kép thẳng ("), số lẻ: dấu ở ""Bình đẳng giới.…" không có cặp',
        },
      ],
    },
    {
      text: 'Hỗ trợ (nếu có.',
      lang: 'en',
      errors: [
        {
          message:
            'The opening ( at "(nếu có.…" has no closing ) in the same paragraph; add ) where the quoted or bracketed part ends',
        },
      ],
    },
  ],
});

/** Paragraphs on the given lines (consecutive lines: a hard-wrapped paragraph left in pieces). */
const lines = (...entries: [number, string][]) =>
  planWith(entries.map(([line, text]) => paragraph(text, { line })));

// Shapes of false alarms read in the corpus (shared/corpus/tvpl), as small texts.
testRule(rule, {
  valid: [
    {
      name: 'a bracket wrapped onto the next line',
      plan: lines(
        [1, 'Cán bộ giữ chức danh tại điểm d nêu trên (trừ Ủy'],
        [2, 'viên Ban Thường vụ Thành ủy).'],
      ),
    },
    {
      name: 'a bracket going on after ";" in lower case',
      plan: lines(
        [1, '(Ký'],
        [2, 'và ghi rõ họ tên;'],
        [3, 'ký, đóng dấu, chức vụ người ký (nếu là tổ chức))'],
      ),
    },
    {
      name: "a bracket going on after an abbreviation's dot",
      plan: lines([1, 'Công ty Cổ phần MHĐ Pharma (181 Nguyễn Đình Chiểu, TP.'], [2, 'Hồ Chí Minh);']),
    },
    {
      name: 'a blank line inside a bracket',
      plan: lines(
        [1, '(Ban hành kèm theo Quyết định số 98/2025/QĐ-UBND của Ủy ban'],
        [2, 'nhân dân tỉnh'],
        [4, 'Nghệ An)'],
      ),
    },
    {
      name: 'a form note in brackets over several list lines',
      plan: lines(
        [1, '(Đối với những diện tích thuộc khu vực bảo vệ I, xác định tọa độ như sau:'],
        [3, 'A (x:...; y:...);'],
        [5, '- Phía Bắc giáp: ...;'],
        [7, '- Phía Tây giáp: ...).'],
      ),
    },
    {
      name: 'a quotation of several paragraphs (an amending text)',
      plan: lines(
        [1, '3. Sửa đổi khoản 1 Điều 3 như sau:'],
        [3, '“1. Việc lập dự toán kinh phí sự nghiệp thực hiện theo quy định:'],
        [5, 'a) Căn cứ nhiệm vụ được giao;'],
        [7, 'b) Căn cứ định mức chi hiện hành.”'],
      ),
    },
    {
      name: 'a quotation opened by a straight quote and closed by ”',
      plan: lines(
        [1, '"Điều 107. Hồ sơ thủ tục miễn, giảm tiền sử dụng đất'],
        [3, 'Thực hiện theo quy định của pháp luật về quản lý thuế.”'],
      ),
    },
    {
      name: 'straight quotes around two paragraphs',
      plan: lines(
        [1, '"1. Người lao động tham gia bảo hiểm tai nạn lao động bắt buộc.'],
        [3, 'b) Mức đóng bằng 0,3% tiền lương tháng."'],
      ),
    },
    'Sửa đổi khoản 1 Điều 3 như sau: “1. Việc lập dự toán thực hiện theo pháp luật về ngân sách nhà nước; Nghị định số 27/2022/NĐ-CP; Nghị định số 38/2023/NĐ-CP.”',
    '“b) Thủ tục, trình tự thực hiện theo quy định.”',
    'b2) Quy hoạch phát triển điện lực quốc gia.',
    '…đ) Mua, bán, trao đổi hàng hóa không theo giá giao dịch thông thường.',
    '**c)** Tổ chức kiểm tra.',
    '2. Đối tượng không áp dụng a[2]) Những người đang hưởng chế độ hưu trí.',
    '4. Trách nhiệm thẩm định a) Binh chủng Công binh thẩm định phương án.',
    'Trường hợp tại điểm a), b), c) khoản này.',
    'III) Phê duyệt nhiệm vụ',
    { name: 'cells of a flattened table', text: '- Gt) | | (Gb' },
  ],
  invalid: [
    {
      name: 'a bracket never closed before the next list entry',
      plan: lines([1, 'Thu thập số liệu (theo Công văn số 2792/LĐTBXH-BĐG.'], [2, '- Báo cáo kết quả.']),
      errors: [{ messageId: 'unclosed', line: 1 }],
    },
    {
      name: 'a bracket wrapped over lines and never closed',
      plan: lines(
        [1, 'Cán bộ giữ chức danh tại điểm c nêu trên (trừ Ủy'],
        [2, 'viên Ban chấp hành Đảng bộ (chức danh nghỉ hưu trước 01/7/2025 và kết'],
        [3, 'thúc hoạt động)'],
      ),
      errors: [{ messageId: 'unclosed', line: 1, column: 42 }],
    },
    {
      name: 'a stray bracket far from any opener',
      plan: lines([1, 'Thực hiện theo quy định (nếu có.'], [40, 'Chi tiết tại Phụ lục kèm theo)']),
      errors: [
        { messageId: 'unclosed', line: 1 },
        { messageId: 'unopened', line: 40 },
      ],
    },
    {
      name: 'a quotation never closed in the document',
      plan: lines(
        [1, 'Thứ ba, “tổ chức thi công vượt nắng thắng mưa”, “làm ngày làm đêm, làm thêm ngày nghỉ.'],
        [3, 'Thứ tư, bảo đảm an toàn.'],
      ),
      errors: [{ messageId: 'unclosed', line: 1, column: 49 }],
    },
    {
      name: 'a ")" after a word of the sentence',
      text: 'Thiết bị chủ như điện thoại, máy tính bảng...).',
      errors: [{ messageId: 'unopened' }],
    },
  ],
});

describe('unbalanced-punctuation: Nơi nhận', () => {
  it('a bracket spanning two recipient lines is fine; one that never closes is not', () => {
    const plan = emptyPlan();
    const line = (text: string, n: number) => ({ ...paragraph(text, { line: n }), type: 'line' as const });
    const position = { start: { line: 10, column: 1 }, end: { line: 11, column: 30 } };
    plan.recipients = {
      type: 'recipients',
      position,
      items: [line('- Ban TT UBTW MTTQ VN; (Để', 10), line('- Ban Thường vụ Tỉnh ủy; báo cáo)', 11)],
    };
    expect(runRule(rule, plan)).toEqual([]);
    plan.recipients.items.pop();
    expect(runRule(rule, plan).map((m) => [m.messageId, m.line])).toEqual([['unclosed', 10]]);
  });
});

describe('unbalanced-punctuation on the seeds', () => {
  it('000: the 2282 quotation runs on, the 4247 quotation and "(theo Công văn …" are never closed; 002: two stray ”', async () => {
    const found = Object.fromEntries(
      await Promise.all(PLAN_SEEDS.map(async (id) => [id, brief(await seedFindings(rule, id))] as const)),
    );
    expect(found).toEqual({
      '000': [
        [43, 'quoteRunsOn', 'warning', '“Tăng cường sự tham gia bình đẳng của'],
        [87, 'unclosed', 'warning', '“Đưa việc giảng dạy nội dung về giới,'],
        [103, 'unclosed', 'warning', '(theo Công văn số 2792/LĐT BXH-BĐG ngày'],
      ],
      '002': [
        [181, 'unopened', 'warning', 'chính sách pháp luật về Bình đẳng giới”'],
        [215, 'unopened', 'warning', 'giai đoạn I: từ năm 2021 đến năm 2025”'],
      ],
      '003': [],
      '004': [],
    });
    expect(await seedFindings(rule, '001')).toEqual([]);
  });
});
