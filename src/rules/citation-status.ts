/**
 * citation-status: a cited document that was replaced or had ended by the plan's own date, a law
 * cited by a name and year no version of it has ("Luật Ngân sách nhà nước năm 2024"), and a
 * programme or yearly guidance cited after its period ended (info). Unknown documents are not
 * findings; with the option `strict` (kh lint --strict-citations) they are listed as info.
 *
 * Facts: src/data/legal-documents.json (+ kh.config.json "knowledge.legalDocuments"); matching:
 * src/domain/knowledge-base.ts. An entry marked S or M is reported at most as a warning.
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import { knowledgeBaseOf, planDate, viDate } from '../domain/knowledge-base.js';
import { documentLabel } from '../domain/document-label.js';
import type { Citation } from '../plan/schema.js';

function citationLabel(citation: Citation): string {
  if (citation.format === 'name') return citation.raw;
  return `${citation.docType} số ${citation.raw}`;
}

function citationKey(citation: Citation): string {
  return citation.format === 'name'
    ? `name:${citation.raw.toLowerCase()}`
    : `${citation.docType}:${citation.number}:${citation.symbol}:${citation.year ?? ''}`;
}

export const rule = defineRule({
  meta: {
    id: 'citation-status',
    defaultSeverity: 'error',
    description: {
      vi: 'Văn bản được trích dẫn đã bị thay thế, hết hiệu lực, hết giai đoạn, hoặc không tồn tại như được viết (tính theo ngày của kế hoạch)',
      en: "A cited document that was replaced, had ended, whose period was over, or that does not exist as written (on the plan's date)",
    },
    docs: {
      vi:
        'Đối chiếu các văn bản kế hoạch trích dẫn với danh mục src/data/legal-documents.json, theo ngày của chính kế hoạch (ngày ' +
        'ban hành, nếu chưa có thì 01/01 của năm kế hoạch), không theo ngày hôm nay. Báo: văn bản đã được thay thế hoặc hết hiệu lực ' +
        'trước ngày đó (nêu văn bản thay thế và ngày); luật được viết theo tên và năm mà không có phiên bản nào như vậy ("Luật Ngân sách ' +
        'nhà nước năm 2024": chỉ có Luật số 83/2015/QH13 và 89/2025/QH15); chương trình, hướng dẫn theo giai đoạn đã kết thúc (thông tin). ' +
        'Văn bản không có trong danh mục không bị báo; tùy chọn strict (kh lint --strict-citations) liệt kê chúng ở mức thông tin. ' +
        'Người dùng thêm/ghi đè văn bản trong kh.config.json, mục "knowledge.legalDocuments". Mục có độ tin cậy S/M chỉ báo mức cảnh báo.',
      en:
        "Checks the documents a plan cites against src/data/legal-documents.json, on the plan's own date (its issue date, else " +
        "1 January of the plan year), never today's. Reports: a document replaced or ended before that date (with the replacement " +
        'and the date); a law cited by a name and year that no version has ("Luật Ngân sách nhà nước năm 2024": only Laws 83/2015/QH13 ' +
        'and 89/2025/QH15 exist); a programme or guidance whose period had ended (info). Documents not in the registry are not ' +
        'reported; the option strict (kh lint --strict-citations) lists them as info. Users add or override documents in ' +
        'kh.config.json, "knowledge.legalDocuments". Entries marked S/M give at most a warning.',
      wrong: [
        {
          text:
            'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 12/KH-UBND\n\nLai Châu, ngày 15 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nCông tác bình đẳng giới năm 2026\n\n' +
            'Kinh phí thực hiện theo quy định của Luật Ngân sách nhà nước năm 2024 và các văn bản hướng dẫn.',
          note: {
            vi: 'Không có Luật Ngân sách nhà nước năm 2024.',
            en: 'There is no 2024 State Budget Law.',
          },
        },
        {
          text:
            'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 12/KH-UBND\n\nLai Châu, ngày 15 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nCông tác bình đẳng giới năm 2026\n\n' +
            'Kinh phí thực hiện theo Luật Ngân sách nhà nước năm 2015.',
          note: {
            vi: 'Từ 01/01/2026 luật năm 2015 đã được thay thế bởi Luật số 89/2025/QH15.',
            en: 'From 01/01/2026 the 2015 law is replaced by Law 89/2025/QH15.',
          },
        },
      ],
      right: [
        {
          text:
            'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 12/KH-UBND\n\nLai Châu, ngày 15 tháng 12 năm 2025\n\nKẾ HOẠCH\n\nCông tác bình đẳng giới năm 2025\n\n' +
            'Kinh phí thực hiện theo Luật Ngân sách nhà nước năm 2015.',
          note: {
            vi: 'Kế hoạch ngày 15/12/2025: luật năm 2015 còn hiệu lực.',
            en: 'A plan of 15/12/2025: the 2015 law was still in force.',
          },
        },
      ],
    },
    options: z.object({
      /** List cited documents the registry does not know (info). */
      strict: z.boolean().default(false),
    }),
    messages: {
      replaced: {
        vi: '{cited} đã được thay thế bởi {by} từ ngày {from} (kế hoạch ngày {date})',
        en: '{cited} was replaced by {by} from {from} (plan dated {date})',
      },
      replacedUnverified: {
        vi: '{cited} đã được thay thế bởi {by} từ ngày {from} (kế hoạch ngày {date}; dữ liệu chưa kiểm chứng đầy đủ)',
        en: '{cited} was replaced by {by} from {from} (plan dated {date}; data not fully verified)',
        severity: 'warning',
      },
      ended: {
        vi: '{cited} đã hết hiệu lực từ ngày {from} (kế hoạch ngày {date})',
        en: '{cited} ended on {from} (plan dated {date})',
        severity: 'warning',
      },
      notAsWritten: {
        vi: 'Không có "{cited}": các luật cùng tên là {candidates}; vào ngày {date} của kế hoạch có hiệu lực: {current}',
        en: 'There is no "{cited}": the laws of that name are {candidates}; in force on the plan\'s date {date}: {current}',
        severity: 'warning',
      },
      periodEnded: {
        vi: '{cited} áp dụng cho giai đoạn {period}, đã kết thúc trước năm {year} của kế hoạch{note}',
        en: "{cited} covers {period}, which ended before the plan's year {year}{note}",
        severity: 'info',
      },
      unknown: {
        vi: '{cited} không có trong danh mục văn bản (src/data/legal-documents.json hoặc kh.config.json): chưa kiểm tra được hiệu lực',
        en: '{cited} is not in the document registry (src/data/legal-documents.json or kh.config.json): status not checked',
        severity: 'info',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    const date = planDate(plan);
    if (!date) return;
    const kb = knowledgeBaseOf(context.data);
    const lang = context.lang;
    const dateText = viDate(date);
    const seen = new Set<string>();

    for (const citation of plan.citations) {
      const key = citationKey(citation);
      if (seen.has(key)) continue;
      seen.add(key);
      const cited = citationLabel(citation);
      const resolution = kb.resolveCitation(citation);
      if (resolution.kind === 'unknown') {
        if (context.options.strict)
          yield context.report({ node: citation, messageId: 'unknown', data: { cited } });
        continue;
      }
      if (resolution.kind === 'not-as-written') {
        const current = kb.versionOn(resolution.candidates, date);
        yield context.report({
          node: citation,
          messageId: 'notAsWritten',
          data: {
            cited,
            candidates: resolution.candidates.map(documentLabel).join(', '),
            current: current ? documentLabel(current) : '—',
            date: dateText,
          },
          ...(current && current.year !== null
            ? { suggestion: `${current.names[0] ?? current.docType} năm ${current.year}` }
            : {}),
        });
        continue;
      }
      const doc = resolution.match.document;
      if (doc.date && doc.date > date) continue; // cited before it was issued: another rule's business
      const status = kb.statusOn(doc, date);
      if (status.kind === 'replaced') {
        yield context.report({
          node: citation,
          messageId: doc.confidence === 'V' ? 'replaced' : 'replacedUnverified',
          data: {
            cited,
            by: status.by ? documentLabel(status.by) : (status.byKey ?? '—'),
            from: viDate(status.from),
            date: dateText,
          },
        });
      } else if (status.kind === 'ended') {
        yield context.report({
          node: citation,
          messageId: 'ended',
          data: { cited, from: viDate(status.from), date: dateText },
        });
      } else if (status.kind === 'period-ended') {
        const note = doc.status.note ? `; ${doc.status.note[lang]}` : '';
        yield context.report({
          node: citation,
          messageId: 'periodEnded',
          data: {
            cited,
            period:
              status.period.from === status.period.to
                ? String(status.period.from)
                : `${status.period.from} - ${status.period.to}`,
            year: date.slice(0, 4),
            note,
          },
        });
      }
    }
  },
});
