/**
 * document-header: the header block of an administrative document per Nghị định 30/2020/NĐ-CP,
 * Phụ lục I (src/data/nd30-form.json, src/data/document-types.json):
 *  - "Số: 01/KH-UBND": number and ký hiệu without spaces, a number below 10 with a leading 0, the
 *    type code of the ký hiệu matching the document type ("Kế hoạch" → KH; a mismatch is an error);
 *  - "Lai Châu, ngày 05 tháng 01 năm 2024": place, then day and month with a leading 0 exactly
 *    where the decree wants one (day below 10, months 1 and 2);
 *  - the document type line ("KẾ HOẠCH") and the trích yếu under it.
 * A draft's blank number or date is only `info`. A text that has no header at all and is not
 * recognised as a document (a news article) gets one "not a plan document" message and nothing else.
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import type { TextLine } from '../plan/schema.js';

/**
 * "Số: 01/KH-UBND", "Số: 87/2025/QĐ-UBND" (a legal-normative number with its year), a draft's
 * "Số: /KH-UBND", party style "Số 50-QĐ/TW" (Hướng dẫn 36-HD/VPTW).
 */
const NUMBER =
  /Số(?:\s*:)?[ \t\u00A0]*(?<body>(?:(?<number>\d+)\s*)?(?<sep>[/-])\s*(?<rest>[\p{L}\d&.]+(?:\s*[-–/]\s*[\p{L}\d&.]+)*))/u;
const DATE = /ngày\s*(?:(?<day>\d{1,2})\s*)?tháng\s*(?:(?<month>\d{1,2})\s*)?năm\s*(?<year>\d{4})?/u;

function dateWords(day: string, month: string, year: string): string {
  return `ngày ${day} tháng ${month} năm ${year}`;
}

export const rule = defineRule({
  meta: {
    id: 'document-header',
    defaultSeverity: 'error',
    description: {
      vi: 'Số, ký hiệu, địa danh và ngày tháng, tên loại và trích yếu đúng thể thức Nghị định 30/2020/NĐ-CP',
      en: 'Number and symbol, place and date, document type and summary line in the form of Decree 30/2020/NĐ-CP',
    },
    docs: {
      vi:
        'Kiểm tra khối đầu văn bản theo Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II: "Số: 01/KH-UBND" viết liền, ' +
        'số nhỏ hơn 10 có số 0 phía trước, mã loại trong ký hiệu khớp tên loại văn bản ("Kế hoạch" là KH — sai là lỗi); ' +
        'dòng địa danh, ngày tháng "Lai Châu, ngày 05 tháng 01 năm 2024" (ngày nhỏ hơn 10 và tháng 1, 2 thêm số 0; tháng 3 đến 12 không thêm); ' +
        'có tên loại ("KẾ HOẠCH") và trích yếu. Dự thảo để trống số hoặc ngày chỉ được nhắc ở mức info. ' +
        'Văn bản không có khối đầu và không nhận ra là văn bản hành chính (một bài báo) chỉ nhận một thông báo. ' +
        'Nguồn: src/data/nd30-form.json, src/data/document-types.json.',
      en:
        'Checks the header block per Decree 30/2020/NĐ-CP, Annex I, Part I, II: "Số: 01/KH-UBND" written without spaces, ' +
        'a number below 10 with a leading 0, the type code of the symbol matching the document type ("Kế hoạch" is KH — a mismatch is an error); ' +
        'the place and date line "Lai Châu, ngày 05 tháng 01 năm 2024" (a day below 10 and months 1 and 2 take a leading 0; months 3 to 12 do not); ' +
        'the type line ("KẾ HOẠCH") and the summary (trích yếu). A draft\'s blank number or date is only info. ' +
        'A text with no header that is not recognised as an administrative document (a news article) gets a single message. ' +
        'Sources: src/data/nd30-form.json, src/data/document-types.json.',
      wrong: [
        'Số: 01 /KH-UBND\n\nLai Châu, ngày 24 tháng 4 năm 2024\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích',
        'Số: 12/KH-UBND\n\nLai Châu, ngày 5 tháng 1 năm 2024\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích',
        {
          text: 'Số: 12/QĐ-UBND\n\nLai Châu, ngày 05 tháng 01 năm 2024\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích',
          note: {
            vi: 'Ký hiệu QĐ (Quyết định) trên một Kế hoạch: lỗi.',
            en: 'QĐ (Quyết định) in the symbol of a Kế hoạch: an error.',
          },
        },
        {
          text: 'Số: /KH-UBND\n\nBình Phước, ngày tháng năm 2024\n\nKẾ HOẠCH\nTriển khai công tác bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích',
          note: {
            vi: 'Dự thảo chưa điền số, ngày: chỉ nhắc (info).',
            en: 'A draft without number and date: a reminder (info).',
          },
        },
      ],
      right: [
        'Số: 01/KH-UBND\n\nLai Châu, ngày 24 tháng 4 năm 2024\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích',
        'Số: 12/KH-UBND\n\nLai Châu, ngày 05 tháng 01 năm 2024\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích',
      ],
    },
    options: z.object({
      /** Report a draft's blank number or date (info). */
      draft: z.boolean().default(true),
    }),
    messages: {
      notPlan: {
        vi: 'Không nhận ra đây là văn bản Kế hoạch: không có số, ký hiệu, ngày tháng hay tên loại "KẾ HOẠCH"; các quy tắc về thể thức không áp dụng',
        en: 'This does not look like a plan document: no number, symbol, date or "KẾ HOẠCH" type line; the form rules do not apply',
        severity: 'warning',
      },
      missingHeader: {
        vi: 'Thiếu khối số, ký hiệu và địa danh, ngày tháng ở đầu văn bản: thêm "Số: …/KH-…" và "<địa danh>, ngày … tháng … năm …" (Nghị định 30/2020/NĐ-CP, Phụ lục I)',
        en: 'The number/symbol and place/date block is missing at the top: add "Số: …/KH-…" and "<place>, ngày … tháng … năm …" (Decree 30/2020, Annex I)',
        severity: 'warning',
      },
      missingNumber: {
        vi: 'Thiếu dòng số, ký hiệu ("Số: …/KH-…") ở đầu văn bản',
        en: 'The number and symbol line ("Số: …/KH-…") is missing at the top',
        severity: 'warning',
      },
      missingDate: {
        vi: 'Thiếu dòng địa danh, ngày tháng ("<địa danh>, ngày … tháng … năm …") ở đầu văn bản',
        en: 'The place and date line ("<place>, ngày … tháng … năm …") is missing at the top',
        severity: 'warning',
      },
      missingDocType: {
        vi: 'Thiếu tên loại văn bản (ví dụ "KẾ HOẠCH") dưới khối số, ngày tháng',
        en: 'The document type line (e.g. "KẾ HOẠCH") is missing under the number and date',
        severity: 'warning',
      },
      missingTitle: {
        vi: 'Thiếu trích yếu nội dung dưới tên loại "{docType}"',
        en: 'The summary line (trích yếu) is missing under the type line "{docType}"',
        severity: 'warning',
      },
      draftNumber: {
        vi: 'Chưa điền số văn bản: "{text}" (dự thảo, điền số khi ban hành)',
        en: 'The document number is blank: "{text}" (a draft; fill it in when issuing)',
        severity: 'info',
      },
      draftDate: {
        vi: 'Chưa điền ngày ban hành: "{text}" (dự thảo, điền ngày khi ban hành)',
        en: 'The issue date is blank: "{text}" (a draft; fill it in when issuing)',
        severity: 'info',
      },
      numberSpacing: {
        vi: 'Số, ký hiệu "{text}" có dấu cách; viết liền: "{fixed}"',
        en: 'The number and symbol "{text}" contain spaces; write "{fixed}"',
        severity: 'warning',
      },
      numberLeadingZero: {
        vi: 'Số văn bản "{number}" nhỏ hơn 10 phải có số 0 phía trước: "{fixed}"',
        en: 'The number "{number}" is below 10 and takes a leading 0: "{fixed}"',
        severity: 'warning',
      },
      symbolType: {
        vi: 'Ký hiệu "{symbol}" có mã loại "{code}" nhưng văn bản là {docType} (mã {expected}); sửa thành "{fixed}"',
        en: 'The symbol "{symbol}" has the type code "{code}" but the document is a {docType} (code {expected}); write "{fixed}"',
      },
      dateLeadingZero: {
        vi: 'Ngày tháng "{text}" viết sai số 0 đầu (ngày nhỏ hơn 10 và tháng 1, 2 thêm số 0; tháng 3 đến 12 không thêm): "{fixed}"',
        en: 'The date "{text}" has a wrong leading zero (a day below 10 and months 1, 2 take a 0; months 3 to 12 do not): "{fixed}"',
        severity: 'warning',
      },
      missingPlace: {
        vi: 'Dòng ngày tháng "{text}" thiếu địa danh phía trước: "<địa danh>, ngày … tháng … năm …"',
        en: 'The date line "{text}" has no place before it: "<place>, ngày … tháng … năm …"',
        severity: 'warning',
      },
    },
  },

  // long: its steps are the generators inside (checkNumber, checkDate …), which share the header lines and the context
  *check(plan, context): Generator<LintMessage> {
    const { meta } = plan;
    const lines = meta.lines;
    const form = context.data.nd30Form;

    if (!meta.docType && !lines.number && !lines.date && !lines.docType) {
      // Not recognised as an administrative document at all: one message, nothing else.
      if (!meta.isPlan || plan.sections.length === 0) {
        yield context.report({ messageId: 'notPlan' });
        return;
      }
    }

    // A resolution adopted by vote (Quốc hội, UBTVQH) dates itself in its closing ("… thông qua
    // ngày 16 tháng 6 năm 2025") instead of a place-and-date line: the builder read that date.
    const dated = lines.date !== null || meta.issueDate !== null;
    if (!lines.number && !dated) yield context.report({ messageId: 'missingHeader' });
    else if (!lines.number) yield context.report({ messageId: 'missingNumber' });
    else if (!dated) yield context.report({ messageId: 'missingDate' });

    if (lines.number) yield* checkNumber(lines.number);
    if (lines.date) yield* checkDate(lines.date);

    // A letter (Công văn) has no type line by design: its subject stands under the number ("V/v …").
    if (!lines.docType) {
      if (meta.docType !== 'Công văn') yield context.report({ messageId: 'missingDocType' });
    } else if (!lines.title && !meta.title) {
      yield context.report({
        node: lines.docType,
        messageId: 'missingTitle',
        data: { docType: lines.docType.text.trim() },
      });
    }

    function* checkNumber(line: TextLine): Generator<LintMessage> {
      const match = NUMBER.exec(line.text);
      if (!match) return;
      const body = match.groups!.body!;
      const number = match.groups!.number ?? '';
      const party = match.groups!.sep === '-';
      const start = match.index + match[0].length - body.length;
      const range = [start, start + body.length] as const;
      const compact = body.replace(/\s+/g, '');
      if (number === '' && context.options.draft) {
        yield context.report({
          node: line,
          range,
          messageId: 'draftNumber',
          data: { text: line.text.trim() },
        });
      }
      // A draft leaves the number blank before the "/": only the ký hiệu must then be unspaced.
      const spaced = number === '' ? /\s/.test(body.replace(/^\s*[/-]\s*/, '')) : compact !== body;
      if (form.number.noSpaces && spaced) {
        yield context.report({
          node: line,
          range,
          messageId: 'numberSpacing',
          data: { text: `Số: ${body}`, fixed: `Số: ${compact}` },
          suggestion: compact,
        });
      }
      if (number !== '' && number.length === 1 && Number(number) < form.number.leadingZeroBelow) {
        const fixed = `0${number}`;
        yield context.report({
          node: line,
          range: [start, start + number.length],
          messageId: 'numberLeadingZero',
          data: { number, fixed: `Số: ${fixed}${compact.slice(number.length)}` },
          suggestion: fixed,
        });
      }
      // The type code of the symbol against the document type. Party documents code their types
      // their own way ("50-QĐ/TW" is a Quy định): only state symbols are checked.
      if (party) return;
      // The year of a legal-normative number ("87/2025/QĐ-UBND") is not part of the ký hiệu.
      const symbol = compact.slice(compact.indexOf('/') + 1).replace(/^(?:19|20)\d\d\//, '');
      const dash = symbol.indexOf('-');
      const docType = meta.docType;
      if (dash > 0 && docType) {
        const code = symbol.slice(0, dash);
        const types = context.data.documentTypes.entries;
        const expected = types.find((entry) => entry.name === docType)?.abbreviation;
        // A code that is no type's ("VBHN" of a consolidated text, "QĐST" of a court) says nothing about the type.
        const isTypeCode = types.some((entry) => entry.abbreviation === code);
        if (expected && isTypeCode && code !== expected) {
          const at = line.text.indexOf(code, start);
          yield context.report({
            node: line,
            range: at >= 0 ? [at, at + code.length] : range,
            messageId: 'symbolType',
            data: { symbol, code, docType, expected, fixed: `${expected}${symbol.slice(dash)}` },
            suggestion: expected,
          });
        }
      }
    }

    function* checkDate(line: TextLine): Generator<LintMessage> {
      const match = DATE.exec(line.text);
      if (!match) return;
      const { day, month, year } = match.groups as { day?: string; month?: string; year?: string };
      const range = [match.index, match.index + match[0].length] as const;
      const before = line.text.slice(0, match.index).replace(/[\s,]+$/u, '');
      if (!/\p{L}/u.test(before)) {
        yield context.report({ node: line, range, messageId: 'missingPlace', data: { text: match[0] } });
      }
      if (day === undefined || month === undefined) {
        if (context.options.draft)
          yield context.report({
            node: line,
            range,
            messageId: 'draftDate',
            data: { text: line.text.trim() },
          });
        return;
      }
      const d = Number(day);
      const m = Number(month);
      const fixedDay = d < form.date.dayLeadingZeroBelow ? String(d).padStart(2, '0') : String(d);
      const fixedMonth = form.date.monthsWithLeadingZero.includes(m) ? String(m).padStart(2, '0') : String(m);
      if (fixedDay !== day || fixedMonth !== month) {
        const fixed = dateWords(fixedDay, fixedMonth, year ?? '');
        yield context.report({
          node: line,
          range,
          messageId: 'dateLeadingZero',
          data: { text: match[0], fixed: fixed.trim() },
          suggestion: fixed.trim(),
        });
      }
    }
  },
});

export default rule;
