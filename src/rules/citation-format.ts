/**
 * citation-format: the number and ký hiệu of a cited document (Nghị định 30/2020/NĐ-CP, Phụ lục
 * I: upper case, "/" between number and ký hiệu, "-" between groups, no spaces):
 *  - spaces inside the number/symbol ("1303/BLĐT BXH-VBĐG", "125 / 2021/NĐ-CP");
 *  - a ký hiệu whose type code is another document type ("Quyết định số 12/KH-UBND");
 *  - the year in the number differing from the year of the date ("125/2021/NĐ-CP ngày 28/12/2020");
 *  - a cited document dated after the citing one (meta.issueDate; for an undated draft, a year
 *    after the plan year, as a warning).
 * Reads plan.citations (the Plan builder parses them); the type abbreviations are the registry
 * of Phụ lục III (src/data/document-types.json).
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import type { Citation } from '../plan/schema.js';
import { symbolCore, symbolGroups } from '../domain/issuers.js';
import { textBefore } from './util.js';

/** [start, end) of the number/symbol in the citation's text (the whole text when not found). */
function rawRange(citation: Citation, core: string): readonly [number, number] | undefined {
  const at = citation.text.indexOf(citation.raw);
  if (at < 0) return undefined;
  const end = at + citation.raw.length;
  return [end - core.length, end];
}

/** The date as written, without a leading "ngày" (the messages say it). */
function dateText(citation: Citation): string {
  return (citation.dateRaw ?? citation.date ?? '').replace(/^ngày\s+/iu, '');
}

export const rule = defineRule({
  meta: {
    id: 'citation-format',
    defaultSeverity: 'error',
    description: {
      vi: 'Số, ký hiệu hoặc ngày của văn bản được trích dẫn sai thể thức ("1303/BLĐT BXH-VBĐG", "125/2021/NĐ-CP ngày 28/12/2020")',
      en: 'A cited document\'s number, symbol or date is malformed ("1303/BLĐT BXH-VBĐG", "125/2021/NĐ-CP ngày 28/12/2020")',
    },
    docs: {
      vi:
        'Kiểm tra số, ký hiệu của văn bản được trích dẫn theo Nghị định 30/2020/NĐ-CP (Phụ lục I): chữ in hoa, dấu "/" giữa số ' +
        'và ký hiệu, dấu "-" giữa các nhóm chữ, không có dấu cách. Báo: dấu cách trong số, ký hiệu; ký hiệu có mã loại văn bản ' +
        'khác với tên loại ghi trước nó ("Quyết định số 12/KH-UBND"); năm trong số khác năm của ngày ban hành ' +
        '("125/2021/NĐ-CP ngày 28/12/2020"); văn bản được trích dẫn có ngày sau ngày ban hành của chính kế hoạch (ngày đọc được từ dòng địa danh, ngày tháng). ' +
        'Mã loại văn bản lấy từ Phụ lục III (src/data/document-types.json) và chỉ áp dụng cho văn bản của Nhà nước: văn bản của Đảng có mã riêng ("Quy định số 50-QĐ/TW" là đúng); ' +
        '"…/2025/QH15" không có mã loại; "Thông báo kết luận số 99-TB/TW" là Thông báo.',
      en:
        'Checks the number and symbol of a cited document against Decree 30/2020/NĐ-CP (Appendix I): upper case, "/" between ' +
        'number and symbol, "-" between groups, no spaces. Reports spaces inside the number/symbol; a symbol whose type code ' +
        'is another document type than the word before it ("Quyết định số 12/KH-UBND"); a year in the number that differs from ' +
        'the year of the date ("125/2021/NĐ-CP ngày 28/12/2020"); a cited document dated after the plan itself (its date as read from the place-and-date line). The type codes ' +
        'are those of Appendix III (src/data/document-types.json), for State documents only: the Party has its own ("Quy định số 50-QĐ/TW" is right); "…/2025/QH15" has no type code; ' +
        '"Thông báo kết luận số 99-TB/TW" is a Thông báo.',
      wrong: [
        'Căn cứ Công văn số 1303/BLĐT BXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.',
        'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2020 của Chính phủ quy định xử phạt vi phạm hành chính.',
        'Căn cứ Quyết định số 12/KH-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh.',
      ],
      right: [
        'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.',
        'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính.',
        'Căn cứ Chỉ thị số 21-CT/TW ngày 20/01/2018 của Ban Bí thư.',
      ],
    },
    options: z.object({}),
    messages: {
      spaces: {
        vi: 'Số, ký hiệu "{raw}" có dấu cách: viết liền "{fixed}" (Nghị định 30/2020/NĐ-CP, Phụ lục I)',
        en: 'The number/symbol "{raw}" contains spaces: write "{fixed}" (Decree 30/2020/NĐ-CP, Appendix I)',
      },
      typeCode: {
        vi: '{docType} "{raw}" có mã loại "{code}" của {otherType}: mã của {docType} là "{expected}" — kiểm tra lại tên loại hoặc ký hiệu',
        en: '{docType} "{raw}" has the type code "{code}" of a {otherType}: a {docType} is "{expected}" — check the type word or the symbol',
      },
      yearMismatch: {
        vi: 'Năm trong số "{raw}" ({year}) khác năm của ngày ban hành "{dateRaw}": một trong hai bị sai, đối chiếu với văn bản gốc',
        en: 'The year in "{raw}" ({year}) differs from the year of the date "{dateRaw}": one of them is wrong, check the original',
      },
      afterIssue: {
        vi: 'Văn bản "{raw}" ngày {dateRaw} được trích dẫn ban hành sau chính kế hoạch ({issueDate}): kiểm tra lại ngày của văn bản được trích dẫn',
        en: 'The cited document "{raw}" of {dateRaw} is dated after this plan ({issueDate}): check the cited date',
      },
      afterPlanYear: {
        vi: 'Văn bản "{raw}" ngày {dateRaw} được trích dẫn có năm sau năm của kế hoạch ({planYear}): kiểm tra lại ngày',
        en: 'The cited document "{raw}" of {dateRaw} is dated after the plan year ({planYear}): check the date',
        severity: 'warning',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    const types = context.data.documentTypes.entries;
    const byName = new Map(types.map((e) => [e.name.toLowerCase(), e]));
    const byCode = new Map(types.filter((e) => e.abbreviation).map((e) => [e.abbreviation!, e]));
    const issueDate = plan.meta.issueDate;
    const planYear = plan.meta.planYear;
    const datedDocument = plan.meta.lines.date !== null && plan.structure?.body !== 'none';

    for (const citation of plan.citations) {
      if (citation.format === 'name' || !citation.number) continue;
      // The document naming itself ("Kèm theo Kế hoạch số: 188 /KH-UBND"): its own number is
      // checked by document-header, where it is written.
      if (citation.number === plan.meta.number && citation.symbol === plan.meta.symbol) continue;
      const raw = symbolCore(citation.raw);
      const range = rawRange(citation, raw);
      const target = range ? { node: citation, range } : { node: citation };

      if (/\s/.test(raw)) {
        const fixed = raw.replace(/\s+/g, '');
        yield context.report({
          ...target,
          messageId: 'spaces',
          data: { raw, fixed },
          ...(range ? { suggestion: fixed, fix: { text: fixed } } : {}),
        });
      }

      // Type codes of Phụ lục III are the State's: a party document ("50-QĐ/TW" is a Quy định of
      // the Party, "89-TC/TCT" an old Thông tư) has its own; "…/2025/QH15" has no type code, only
      // its issuer; "Thông báo kết luận số 99-TB/TW" is a Thông báo whose name holds "Kết luận".
      const groups = citation.symbol ? symbolGroups(citation.symbol.replace(/\s+/g, '')) : [];
      if (citation.format === 'state' && groups.length >= 2) {
        const code = groups[0];
        const own = byName.get(citation.docType.toLowerCase());
        const other = code ? byCode.get(code) : undefined;
        const named = `${textBefore(context, citation, 20)} ${citation.text}`.toLowerCase();
        const namedToo = other ? named.includes(other.name.toLowerCase()) : false;
        if (own?.abbreviation && other && code !== own.abbreviation && !namedToo) {
          yield context.report({
            ...target,
            messageId: 'typeCode',
            data: {
              raw,
              docType: citation.docType,
              code: code!,
              otherType: other.name,
              expected: own.abbreviation,
            },
          });
        }
      }

      const dateYear = citation.date ? Number(citation.date.slice(0, 4)) : null;
      if (citation.year !== null && dateYear !== null && citation.year !== dateYear) {
        yield context.report({
          ...target,
          messageId: 'yearMismatch',
          data: { raw, year: citation.year, dateRaw: dateText(citation) },
        });
      }

      // The plan's own date only as read from its place-and-date line, in a document the builder
      // recognised (a web article's "ngày 16 tháng 7 năm 2010" is not an issue date).
      if (citation.date && datedDocument) {
        if (issueDate && citation.date > issueDate) {
          yield context.report({
            ...target,
            messageId: 'afterIssue',
            data: { raw, dateRaw: dateText(citation), issueDate },
          });
        } else if (!issueDate && planYear !== null && dateYear !== null && dateYear > planYear) {
          yield context.report({
            ...target,
            messageId: 'afterPlanYear',
            data: { raw, dateRaw: dateText(citation), planYear },
          });
        }
      }
    }
  },
});

export default rule;
