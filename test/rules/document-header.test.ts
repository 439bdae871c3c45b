import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/document-header.js';
import { testRule } from './_harness.js';
import { brief, seedFindings } from './_seeds.js';

const header = (
  number: string,
  date: string,
  type = 'KẾ HOẠCH',
  title = 'Thực hiện công tác bình đẳng giới năm 2024',
) => `${number}\n\n${date}\n\n${type}\n${title}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích của kế hoạch.`;

const UBTVQH = (closing: string) =>
  `Số: 1666/NQ-UBTVQH15 |\n|\n\n**NGHỊ QUYẾT**\n\n**Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu năm 2025**\n\n**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Hiến pháp;*\n\n**QUYẾT NGHỊ:**\n\n**Điều 1.** Sắp xếp các đơn vị hành chính cấp xã.\n\n${closing}`;

testRule(rule, {
  valid: [
    {
      text: header('Số: 01/KH-UBND', 'Lai Châu, ngày 24 tháng 4 năm 2024'),
      fromText: true,
      name: 'a well-formed header',
    },
    {
      text: header('Số: 12/KH-UBND', 'Hà Nội, ngày 05 tháng 01 năm 2024'),
      fromText: true,
      name: 'day and month 1 with a leading 0',
    },
    {
      text: header('Số: 120/KH-UBND', 'Hà Nội, ngày 29 tháng 6 năm 2019'),
      fromText: true,
      name: 'month 6 without 0',
    },
    {
      text: header('Số: 03/KH-UBND', 'Hà Nội, ngày 15 tháng 02 năm 2024'),
      fromText: true,
      name: 'month 2 with 0',
    },
    {
      text: header('Số: /KH-UBND', 'Bình Phước, ngày tháng năm 2024'),
      fromText: true,
      options: { draft: false },
      name: 'draft reminders switched off',
    },
    // Real header shapes of published documents (shared/corpus/tvpl), typed again here.
    {
      name: 'a UBTVQH resolution dates itself in its closing, not in a place-and-date line',
      text: UBTVQH(
        '*Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV thông qua ngày 16 tháng 6 năm 2025.*',
      ),
      fromText: true,
    },
    {
      name: 'a legal-normative number with its year: QĐ matches Quyết định',
      text: '| **ỦY BAN NHÂN DÂN**\nTỈNH LAI CHÂU\n-------- | **CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc |\n| Số:\n87/2025/QĐ-UBND | *Lai Châu, ngày\n19 tháng 11 năm 2025* |\n\n**QUYẾT ĐỊNH**\n\nQUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH\n\n*Căn cứ Luật Tổ chức chính quyền địa phương;*\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy định.',
      fromText: true,
    },
    {
      name: 'a party number "Số 1147-QĐ/BTGDVTW" is not checked against the state type codes',
      text: 'BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố: 1147-QĐ/BTGDVTW\n\nHà Nội, ngày 01 tháng 12 năm 2025\n\nQUY ĐỊNH\nVề tổ chức cơ quan chính trị\n\n- Căn cứ Điều lệ Đảng;\n\nĐiều 1. Phạm vi.',
      fromText: true,
    },
    {
      name: 'a consolidated text (VBHN) keeps the type line of the text it consolidates',
      text: 'BỘ CÔNG THƯƠNG\n\nSố: 57/VBHN-BCT\n\nHà Nội, ngày 26 tháng 11 năm 2025\n\nTHÔNG TƯ\nQUY ĐỊNH HỒ SƠ, TRÌNH TỰ, THỦ TỤC XÁC ĐỊNH KHUNG GIÁ PHÁT ĐIỆN\n\nCăn cứ Luật Điện lực;\n\nĐiều 1. Phạm vi.',
      fromText: true,
    },
    {
      name: 'a letter: "V/v …" under the number stands for the type line',
      text: '| **VĂN PHÒNG CHÍNH PHỦ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc |\n| Số: 11306/VPCP-NN\n*V/v đề xuất giải pháp tháo gỡ khó khăn* | *Hà Nội, ngày 18 tháng 11 năm 2025* |\n\n**Kính gửi:** Bộ Nông nghiệp và Môi trường.\n\nVăn phòng Chính phủ nhận văn bản đề nghị.',
      fromText: true,
    },
  ],
  invalid: [
    {
      name: 'a resolution with neither a date line nor an adoption date',
      text: UBTVQH('Nghị quyết này có hiệu lực từ ngày ký.'),
      fromText: true,
      errors: [{ messageId: 'missingDate', severity: 'warning' }],
    },
    {
      name: 'space before the slash',
      text: header('Số: 01 /KH-BVSTBPN', 'Lai Châu, ngày 24 tháng 4 năm 2024'),
      fromText: true,
      errors: [
        {
          messageId: 'numberSpacing',
          severity: 'warning',
          message: 'Số, ký hiệu "Số: 01 /KH-BVSTBPN" có dấu cách; viết liền: "Số: 01/KH-BVSTBPN"',
          line: 1,
          column: 5,
          endColumn: 19,
          excerpt: '01 /KH-BVSTBPN',
          suggestion: '01/KH-BVSTBPN',
        },
      ],
    },
    {
      name: 'number below 10 without 0',
      text: header('Số: 7/KH-UBND', 'Lai Châu, ngày 24 tháng 4 năm 2024'),
      fromText: true,
      errors: [
        { messageId: 'numberLeadingZero', severity: 'warning', column: 5, endColumn: 6, suggestion: '07' },
      ],
    },
    {
      name: 'day and month 1 without 0',
      text: header('Số: 12/KH-UBND', 'Lai Châu, ngày 5 tháng 1 năm 2024'),
      fromText: true,
      errors: [
        {
          messageId: 'dateLeadingZero',
          severity: 'warning',
          line: 3,
          excerpt: 'ngày 5 tháng 1 năm 2024',
          suggestion: 'ngày 05 tháng 01 năm 2024',
        },
      ],
    },
    {
      name: 'month 4 with 0',
      text: header('Số: 12/KH-UBND', 'Lai Châu, ngày 24 tháng 04 năm 2024'),
      fromText: true,
      errors: [{ messageId: 'dateLeadingZero', suggestion: 'ngày 24 tháng 4 năm 2024' }],
    },
    {
      name: 'KH in the legal-normative number of a Quyết định (the year is not the type code)',
      text: header(
        'Số: 87/2025/KH-UBND',
        'Lai Châu, ngày 19 tháng 11 năm 2025',
        'QUYẾT ĐỊNH',
        'Quy định thực hiện nếp sống văn minh',
      ),
      fromText: true,
      errors: [
        {
          messageId: 'symbolType',
          severity: 'error',
          message:
            'Ký hiệu "KH-UBND" có mã loại "KH" nhưng văn bản là Quyết định (mã QĐ); sửa thành "QĐ-UBND"',
          column: 13,
          endColumn: 15,
          suggestion: 'QĐ',
        },
      ],
    },
    {
      name: 'QĐ in the symbol of a Kế hoạch',
      text: header('Số: 12/QĐ-UBND', 'Lai Châu, ngày 24 tháng 4 năm 2024'),
      fromText: true,
      errors: [
        {
          messageId: 'symbolType',
          severity: 'error',
          message: 'Ký hiệu "QĐ-UBND" có mã loại "QĐ" nhưng văn bản là Kế hoạch (mã KH); sửa thành "KH-UBND"',
          column: 8,
          endColumn: 10,
          suggestion: 'KH',
        },
      ],
    },
    {
      name: 'a draft: blank number and date are info',
      text: header('Số: /KH-UBND', 'Bình Phước, ngày tháng năm 2024'),
      fromText: true,
      errors: [
        {
          messageId: 'draftNumber',
          severity: 'info',
          line: 1,
          message: 'Chưa điền số văn bản: "Số: /KH-UBND" (dự thảo, điền số khi ban hành)',
        },
        { messageId: 'draftDate', severity: 'info', line: 3, excerpt: 'ngày tháng năm 2024' },
      ],
    },
    {
      name: 'a draft with a space inside its ký hiệu',
      text: header('Số: /KH- UBND', 'Bình Phước, ngày tháng năm 2024'),
      fromText: true,
      options: { draft: false },
      errors: [{ messageId: 'numberSpacing', severity: 'warning', suggestion: '/KH-UBND' }],
    },
    {
      name: 'English',
      text: header('Số: /KH-UBND', 'Bình Phước, ngày tháng năm 2024'),
      fromText: true,
      lang: 'en',
      errors: [
        { message: 'The document number is blank: "Số: /KH-UBND" (a draft; fill it in when issuing)' },
        { severity: 'info' },
      ],
    },
    {
      name: 'no number and date block',
      text: 'KẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích của kế hoạch.',
      fromText: true,
      errors: [{ messageId: 'missingHeader', severity: 'warning', line: 1, column: 1 }],
    },
    {
      name: 'a news article: one message',
      text: 'Sáng 12/3, tại Hà Nội đã diễn ra hội nghị tổng kết công tác bình đẳng giới.\n\nPhát biểu tại hội nghị, lãnh đạo Bộ cho biết kết quả năm qua rất tích cực.',
      fromText: true,
      errors: [{ messageId: 'notPlan', severity: 'warning', line: 1 }],
    },
    {
      name: 'severity turned down by the configuration',
      text: header('Số: 12/QĐ-UBND', 'Lai Châu, ngày 24 tháng 4 năm 2024'),
      fromText: true,
      severity: 'warning',
      errors: [{ messageId: 'symbolType', severity: 'warning' }],
    },
  ],
});

describe('document-header on the seeds', () => {
  it('000 (draft): blank number and date → info', async () => {
    expect(brief(await seedFindings(rule, '000'))).toEqual([
      [3, 'draftNumber', 'info', '/KH-UBND'],
      [5, 'draftDate', 'info', 'ngày tháng năm 2024'],
    ]);
  });
  it('001 (a news article): exactly one "not a plan" message', async () => {
    expect(brief(await seedFindings(rule, '001'))).toEqual([[1, 'notPlan', 'warning', '']]);
  });
  it('002: no number/date block → warning', async () => {
    expect(brief(await seedFindings(rule, '002'))).toEqual([[1, 'missingHeader', 'warning', '']]);
  });
  it('003: "Số: 01 /KH-BVSTBPN" → spacing warning', async () => {
    const messages = await seedFindings(rule, '003');
    expect(brief(messages)).toEqual([[3, 'numberSpacing', 'warning', '01 /KH-BVSTBPN']]);
    expect(messages[0]!.suggestion).toBe('01/KH-BVSTBPN');
  });
  it('004 (draft): blank number and date → info', async () => {
    expect(brief(await seedFindings(rule, '004'))).toEqual([
      [3, 'draftNumber', 'info', '/KH-UBND'],
      [5, 'draftDate', 'info', 'ngày tháng năm 2023'],
    ]);
  });
});
