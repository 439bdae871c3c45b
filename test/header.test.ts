/**
 * The header reader on the shapes real headers take (shared/corpus/tvpl, .docx and PDF text):
 * each case is a header typed again by hand in the layout it was published in, with the meta a
 * reader would write down (notes/CORPUS-LABELS.md conventions).
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/parse/text.js';
import { buildPlan } from '../src/plan/build.js';
import { planYearOf } from '../src/plan/header.js';
import type { Meta } from '../src/plan/schema.js';

const metaOf = (text: string): Meta => buildPlan(parseText(text, 'header.md')).meta;

/** The website's banner above the header of a published document (shortened). */
const BANNER = [
  '|',
  'Bản dịch này thuộc quyền sở hữu của **',
  'THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép là vi phạm pháp luật.',
  '#',
  '**Số hiệu:**',
  '|',
  '87/2025/QĐ-UBND',
  '|',
  '**Loại văn bản:**',
  '|',
  'Quyết định',
  '|',
  '**Tình trạng:**',
  '|',
  'Đã biết',
  '|',
  '|',
].join('\n');

interface Case {
  name: string;
  text: string;
  meta: Partial<Omit<Meta, 'lines'>>;
}

const cases: Case[] = [
  {
    name: 'province Quyết định behind a banner: wrapped issuer, motto, "Số:" and date cells',
    text: `${BANNER}
**ỦY BAN NHÂN
DÂN **
TỈNH BẮC NINH
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
87/2025/QĐ-UBND
|
*Bắc Ninh, ngày 20
tháng 11 năm 2025*
|

**QUYẾT ĐỊNH**

QUY ĐỊNH VỀ QUẢN LÝ NGƯỜI GIỮ CHỨC DANH, CHỨC VỤ TẠI DOANH NGHIỆP THUỘC ỦY
BAN NHÂN DÂN TỈNH BẮC NINH

**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH**

*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*

**Điều 1.** Ban hành kèm theo Quyết định này Quy định.`,
    meta: {
      issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      issuerCode: 'UBND',
      number: '87',
      symbol: 'QĐ-UBND',
      place: 'Bắc Ninh',
      issueDate: '2025-11-20',
      docType: 'Quyết định',
      isPlan: false,
      title:
        'QUY ĐỊNH VỀ QUẢN LÝ NGƯỜI GIỮ CHỨC DANH, CHỨC VỤ TẠI DOANH NGHIỆP THUỘC ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
      planYear: null,
      level: 'tỉnh',
      draft: false,
    },
  },
  {
    name: 'a ministry department letter: "BỘ TÀI CHÍNH / CỤC THUẾ", V/v under the number',
    text: `|
|
BỘ TÀI CHÍNH
**CỤC THUẾ**
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
5664/CT-CS
*V/v chính sách thuế*
|
*Hà Nội, ngày
01 tháng 12 năm 2025*
|
**Kính gửi:** Thuế tỉnh Lào Cai.

Cục Thuế nhận được công văn số 545/CCTKV.VIII-CNTK ngày 02/6/2025.`,
    meta: {
      issuer: 'Cục Thuế Bộ Tài chính',
      issuerCode: 'CT',
      number: '5664',
      symbol: 'CT-CS',
      place: 'Hà Nội',
      issueDate: '2025-12-01',
      docType: 'Công văn',
      title: 'chính sách thuế',
      planYear: null,
      level: 'trung ương',
    },
  },
  {
    name: 'a central party body: party motto, "Số 50-QĐ/TW"',
    text: `|
BAN CHẤP HÀNH
TRUNG ƯƠNG
**BAN TUYÊN GIÁO VÀ DÂN VẬN**
*
|
**ĐẢNG CỘNG SẢN
VIỆT NAM**
---------------
|
|
Số 50-QĐ/TW
|
*Hà Nội, ngày 01
tháng 12 năm 2025*
|

**QUY ĐỊNH**

VỀ TỔ CHỨC CƠ QUAN CHÍNH TRỊ

- Căn cứ Điều lệ Đảng;`,
    meta: {
      issuer: 'Ban Tuyên giáo và Dân vận Trung ương',
      number: '50',
      symbol: 'QĐ/TW',
      issuerCode: 'TW',
      docType: 'Quy định',
      issueDate: '2025-12-01',
      title: 'VỀ TỔ CHỨC CƠ QUAN CHÍNH TRỊ',
      level: 'trung ương',
    },
  },
  {
    name: 'a Kế hoạch whose capital title names its period; "Số:" on one line, a commune issuer',
    text: `ỦY BAN NHÂN DÂN
XÃ LƯƠNG MINH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/KH-UBND

Lương Minh, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
PHÁT TRIỂN DU LỊCH GIAI ĐOẠN 2026 - 2030, TẦM NHÌN ĐẾN NĂM 2045

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích`,
    meta: {
      issuer: 'Ủy ban nhân dân xã Lương Minh',
      level: 'xã',
      number: '12',
      symbol: 'KH-UBND',
      docType: 'Kế hoạch',
      isPlan: true,
      planYear: 2026,
      issueDate: '2026-01-05',
      place: 'Lương Minh',
    },
  },
  {
    name: 'PDF text: two header columns on one visual line, number and date side by side',
    text: `ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HUẾ Độc lập - Tự do - Hạnh phúc
Số: 188 /KH-UBND Huế, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Phát triển du lịch sinh thái, du lịch cộng đồng thành phố Huế
giai đoạn 2026 – 2027
Căn cứ Luật Du lịch ngày 19 tháng 6 năm 2017;`,
    meta: {
      issuer: 'Ủy ban nhân dân thành phố Huế',
      level: 'tỉnh',
      number: '188',
      symbol: 'KH-UBND',
      place: 'Huế',
      issueDate: '2026-04-02',
      title: 'Phát triển du lịch sinh thái, du lịch cộng đồng thành phố Huế giai đoạn 2026 – 2027',
      planYear: 2026,
    },
  },
  {
    name: 'a Thông báo kết luận: the capital title ends where the body ("Ngày 18 tháng 11 …") begins',
    text: `|
|
**VĂN PHÒNG CHÍNH
PHỦ**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 631/TB-VPCP
|
*Hà Nội, ngày 19
tháng 11 năm 2025 *
|
**THÔNG BÁO**
KẾT
LUẬN CỦA PHÓ THỦ TƯỚNG TẠI CUỘC HỌP VỀ CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA
GIAI ĐOẠN 2026-2035
Ngày 18 tháng 11 năm 2025, tại trụ sở Chính phủ, Phó Thủ tướng đã chủ trì cuộc họp.`,
    meta: {
      issuer: 'Văn phòng Chính phủ',
      level: 'trung ương',
      docType: 'Thông báo',
      number: '631',
      symbol: 'TB-VPCP',
      issueDate: '2025-11-19',
      title: 'KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI CUỘC HỌP VỀ CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIAI ĐOẠN 2026-2035',
      planYear: 2026,
    },
  },
  {
    name: 'a Công điện of the Prime Minister: title "V/V …" under the type line',
    text: `**THỦ TƯỚNG CHÍNH PHỦ**
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
|
Số: 232/CĐ-TTg
|
*Hà Nội, ngày 27 tháng 11 năm 2025*
|

**CÔNG ĐIỆN**

V/V KHẨN TRƯƠNG THỐNG KÊ THIỆT HẠI VỀ NHÀ Ở DO MƯA LŨ

**THỦ TƯỚNG CHÍNH PHỦ điện:**

- Bộ trưởng Bộ Xây dựng;`,
    meta: {
      issuer: 'Thủ tướng Chính phủ',
      level: 'trung ương',
      docType: 'Công điện',
      number: '232',
      symbol: 'CĐ-TTg',
      issuerCode: 'TTg',
      title: 'V/V KHẨN TRƯƠNG THỐNG KÊ THIỆT HẠI VỀ NHÀ Ở DO MƯA LŨ',
      issueDate: '2025-11-27',
    },
  },
  {
    name: 'a draft: blank number and day',
    text: `UBND TỈNH LAI CHÂU
SỞ Y TẾ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: /KH-SYT

Lai Châu, ngày     tháng     năm 2025

KẾ HOẠCH
Phòng chống dịch bệnh năm 2025

I. MỤC ĐÍCH`,
    meta: {
      issuer: 'Sở Y tế tỉnh Lai Châu',
      level: 'tỉnh',
      number: '',
      symbol: 'KH-SYT',
      issueDate: null,
      place: 'Lai Châu',
      draft: true,
      planYear: 2025,
    },
  },
  {
    name: 'a UBTVQH resolution: issuer from the authority line, date from the closing "thông qua ngày …"',
    text: `Số: 1670/NQ-UBTVQH15 |
|

**NGHỊ QUYẾT****Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu năm 2025**

**Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu năm 2025**

**ỦY BAN THƯỜNG VỤ QUỐC HỘI**

*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*

**QUYẾT NGHỊ:**

**Điều 1.** Sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu.

*Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV thông qua ngày 16 tháng 6 năm 2025.*`,
    meta: {
      issuer: 'Ủy ban Thường vụ Quốc hội',
      level: 'trung ương',
      docType: 'Nghị quyết',
      number: '1670',
      symbol: 'NQ-UBTVQH15',
      place: null,
      issueDate: '2025-06-16',
      title: 'Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lai Châu năm 2025',
      planYear: 2025,
    },
  },
  {
    name: 'a web article that opens with a question has no header, even quoting a form',
    text: `# Mẫu quyết định trưng cầu giám định mới nhất? Tải về ở đâu?

**Dưới đây là mẫu quyết định:**

Số: ... /QĐ-TCGĐ |
(2)……., ngày.... tháng.... năm……. |

**QUYẾT ĐỊNH**

**Trưng cầu giám định**`,
    meta: {
      issuer: null,
      number: null,
      symbol: null,
      docType: null,
      issueDate: null,
      title: null,
      level: null,
      planYear: null,
    },
  },
];

describe('header reader: real header shapes', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(metaOf(c.text)).toMatchObject(c.meta);
    });
  }

  it('the motto is never read as the issuer (its "XÃ HỘI" is no commune)', () => {
    const meta = metaOf(cases[0]!.text);
    expect(meta.issuer).not.toMatch(/cộng hòa|xã hội/iu);
    expect(meta.lines.motto?.text).toMatch(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/u);
  });

  it('keeps the source lines of a wrapped number and date for the rules', () => {
    const meta = metaOf(cases[0]!.text);
    expect(meta.lines.number?.text).toBe('Số: 87/2025/QĐ-UBND');
    expect(meta.lines.date?.text).toBe('Bắc Ninh, ngày 20 tháng 11 năm 2025');
    // Two source lines each: the parts point at both.
    expect(meta.lines.number?.parts?.length).toBe(2);
    expect(meta.lines.date?.parts?.length).toBe(2);
  });
});

describe('planYearOf', () => {
  const table: [string, number | null][] = [
    ['Thực hiện công tác bình đẳng giới năm 2024', 2024],
    ['PHÁT TRIỂN DU LỊCH GIAI ĐOẠN 2026 - 2030, TẦM NHÌN ĐẾN NĂM 2045', 2026],
    ['QUY ĐỊNH MỨC HỌC PHÍ NĂM HỌC 2025 - 2026 TRÊN ĐỊA BÀN TỈNH VĨNH LONG', 2025],
    ['SỬA ĐỔI QUYẾT ĐỊNH SỐ 3470/QĐ-UBND NGÀY 10 THÁNG 11 NĂM 2025 CỦA CHỦ TỊCH UBND THÀNH PHỐ', null],
    ['SỬA ĐỔI NGHỊ QUYẾT SỐ 09/2022/NQ-HĐND VỀ CHƯƠNG TRÌNH GIẢM NGHÈO GIAI ĐOẠN 2021 - 2025', null],
    ['Tầm nhìn đến năm 2045', null],
  ];
  for (const [title, year] of table) {
    it(`${title} → ${year}`, () => expect(planYearOf(title)).toBe(year));
  }
});
