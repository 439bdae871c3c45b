import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/vietnamese-syllable.js';
import { testRule } from './_harness.js';
import { brief, PLAN_SEEDS, seedFindings } from './_seeds.js';

testRule(rule, {
  valid: [
    'Triển khai thực hiện Chiến lược quốc gia về bình đẳng giới trên địa bàn huyện Ngọc Hồi năm 2023.',
    'KẾ HOẠCH THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI VÀ VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ NĂM 2024',
    // Abbreviations, codes, Latin and transcribed foreign names, minority place names.
    'Bộ LĐTBXH; Ban VSTBCPN tỉnh; Công văn số 1303/BLĐTBXH-VBĐG; Ban VSTBPN; UBMTTQVN.',
    // Read in shared/corpus/tvpl: Ê Đê, Jrai, Bahnar, Mông place names (an onset or a final Vietnamese
    // has not) and abbreviations in capitals with Vietnamese letters.
    'Các xã Ia Prông, Dliê Ya, Cuôr Đăng, Krêl, Knuếc, Bhăng, Khươl, Tẻh thuộc tỉnh Đắk Lắk và Gia Lai.',
    'Chương trình biểu diễn của NSƯT Thu Hà và các nghệ sĩ MƯĐ.',
    'Tỉnh Đắk Lắk, huyện Krông Pắk; COVID-19; Facebook, Zalo; hội nghị tại Giơnevơ; pa-nô, áp phích.',
    'Nghiên cứu, quốc phòng, giữ gìn, khuyến khích, thuyết phục, nguyễn, khoẻ, khỏe, thuỷ, thủy, quý, gì, giữa, quốc.',
    'ngoặc, oách, huỳnh, khuya, nghiêng, người, được, Thường, hoàng, xoong.',
    { text: 'Huyện Ngọc Hòì.', options: { allow: ['hòì'] }, name: 'allow list' },
    { text: 'Từ nguời gõ sai.', options: { shape: false }, name: 'shape check off' },
  ],
  invalid: [
    {
      name: 'a capitalised Vietnamese word with a slip is still one (onset and final are Vietnamese)',
      text: '- Thưòng trực HĐND tỉnh;',
      errors: [{ messageId: 'notSyllable', excerpt: 'Thưòng' }],
    },
    {
      text: 'Huyện Ngọc Hòì năm 2023.',
      errors: [
        {
          messageId: 'twoTones',
          severity: 'warning',
          column: 12,
          endColumn: 15,
          excerpt: 'Hòì',
          message:
            'Từ "Hòì" có 2 dấu thanh (huyền, huyền); một âm tiết tiếng Việt chỉ có một dấu thanh — gõ lại từ này',
        },
      ],
    },
    {
      text: 'Tổ chức tập\u200Bhuấn cho cán bộ.',
      errors: [
        {
          messageId: 'invisible',
          column: 9,
          excerpt: 'tập\u200Bhuấn',
          suggestion: 'tậphuấn',
          message: 'Ký tự vô hình U+200B ZERO WIDTH SPACE trong "tậphuấn"; xóa ký tự này',
        },
      ],
    },
    {
      name: 'a soft hyphen',
      text: 'bình đẳng gi\u00ADới',
      errors: [{ messageId: 'invisible', suggestion: 'giới' }],
    },
    {
      name: 'a tone mark after a consonant stays decomposed',
      text: 'Sở Y tế và Ban n\u0300hân dân',
      errors: [
        {
          messageId: 'strayMark',
          excerpt: 'n\u0300hân',
          message:
            'Từ "n\u0300hân" có dấu huyền đứng rời, không ghép được vào chữ trước nó; xóa dấu rời và gõ lại từ này',
        },
      ],
    },
    {
      text: 'Thông tin đến mọi nguời và Thưòng trực.',
      errors: [
        {
          messageId: 'notSyllable',
          excerpt: 'nguời',
          message:
            'Từ "nguời" có dấu tiếng Việt nhưng không ghép thành âm tiết (phụ âm đầu + vần); kiểm tra lỗi gõ',
        },
        { messageId: 'notSyllable', excerpt: 'Thưòng' },
      ],
    },
    {
      text: 'Tổ chức bàt giao.',
      errors: [
        {
          messageId: 'toneCoda',
          excerpt: 'bàt',
          message:
            'Từ "bàt" tận cùng bằng "t" nhưng mang thanh huyền; âm tiết tận cùng bằng c, ch, p, t chỉ mang thanh sắc hoặc nặng',
        },
      ],
    },
    {
      text: 'Ông Nguyễn ĐứcMạnh chủ trì.',
      lang: 'en',
      errors: [
        {
          message:
            'The word "ĐứcMạnh" has 2 tone marks (sắc, nặng); a Vietnamese syllable has one — retype the word',
        },
      ],
    },
  ],
});

describe('vietnamese-syllable on the seeds', () => {
  it('004 writes "Ngọc Hòì" (for Ngọc Hồi) in the date line, the title and the preamble; the others are clean', async () => {
    const found = Object.fromEntries(
      await Promise.all(PLAN_SEEDS.map(async (id) => [id, brief(await seedFindings(rule, id))] as const)),
    );
    expect(found).toEqual({
      '000': [],
      '002': [],
      '003': [],
      '004': [
        [5, 'twoTones', 'warning', 'Hòì'],
        [9, 'twoTones', 'warning', 'Hòì'],
        [11, 'twoTones', 'warning', 'Hòì'],
      ],
    });
  });
  it('nothing on the news article 001 (its transcribed "Giơnevơ" is a name)', async () => {
    expect(await seedFindings(rule, '001')).toEqual([]);
  });
});
