/**
 * citation-consistency: one document cited differently — within this plan, and across the
 * plans of one run (context.files).
 *
 * Citations are grouped by type word and number ("Công văn" 1303). Within a group:
 *  - the same ký hiệu written two ways ("1303/BLĐT BXH-VBĐG" and "1303/BLĐTBXH-VBĐG"): the
 *    malformed one (spaces, a dash other than "-") is named, with `related` at the well-formed one;
 *  - the same number and date with different ký hiệu ("1303/BLĐTBXH-VBĐG", "1303/LĐTBXH-VBĐG");
 *  - the same number and ký hiệu with different dates;
 *  - in one plan, the same document with subjects that share few words (`minSubjectOverlap`)
 *    — a subject that is only shortened or reworded a little is not reported.
 * Across files only the number/symbol and the date are compared (each plan words the subject its
 * own way), and a message is given in the file whose citation is the malformed one; when neither
 * is malformed (two dates) both files get one.
 */
import { z } from 'zod';
import { defineRule, type LintMessage, type RelatedInput } from './types.js';
import type { Citation, Plan } from '../plan/schema.js';
import { symbolCore } from '../data/issuers.js';

type MessageId = 'symbolForm' | 'symbol' | 'date' | 'subject' | 'other';

function groupKey(citation: Citation): string | null {
  if (citation.format === 'name' || !citation.number) return null;
  return `${citation.docType.normalize('NFC').toLowerCase()}|${citation.number}`;
}
/** The ký hiệu compared without spaces and with any dash read as "-". */
function canonical(citation: Citation): string {
  return symbolCore(citation.raw).normalize('NFC').replace(/\s+/g, '').replace(/[–—‑]/g, '-');
}
function malformed(citation: Citation): boolean {
  return /\s|[–—‑]/.test(symbolCore(citation.raw));
}
function words(text: string): Set<string> {
  return new Set(text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}
function overlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.size, y.size);
}
/** The date as written, without a leading "ngày" (the messages say it). */
function dateText(citation: Citation): string {
  return (citation.dateRaw ?? citation.date ?? '').replace(/^ngày\s+/iu, '');
}
function rawRange(citation: Citation): readonly [number, number] | undefined {
  const at = citation.text.indexOf(citation.raw);
  return at >= 0 ? [at, at + citation.raw.length] : undefined;
}

/** Citations by type word and number, computed once per plan (each plan is compared with every other one of a run). */
const groupCache = new WeakMap<Plan, Map<string, Citation[]>>();
function groups(plan: Plan): Map<string, Citation[]> {
  let map = groupCache.get(plan);
  if (!map) {
    map = new Map();
    for (const c of plan.citations) {
      const key = groupKey(c);
      if (key) map.set(key, [...(map.get(key) ?? []), c]);
    }
    groupCache.set(plan, map);
  }
  return map;
}

export const rule = defineRule({
  meta: {
    id: 'citation-consistency',
    defaultSeverity: 'warning',
    description: {
      vi: 'Một văn bản được trích dẫn với số, ký hiệu, ngày hoặc trích yếu khác nhau (trong một kế hoạch hoặc giữa các kế hoạch của cùng một lần kiểm tra)',
      en: 'One document cited with different symbols, dates or subjects (within a plan or across the plans of one run)',
    },
    docs: {
      vi:
        'Khi cùng một văn bản (cùng tên loại và số) được trích dẫn nhiều lần, số, ký hiệu và ngày phải giống nhau. ' +
        'Quy tắc báo: ký hiệu viết hai kiểu ("1303/BLĐT BXH-VBĐG" và "1303/BLĐTBXH-VBĐG", chỉ ra chỗ viết sai); ' +
        'cùng số và ngày nhưng ký hiệu khác; cùng số, ký hiệu nhưng ngày khác; trong một kế hoạch, trích yếu khác hẳn nhau. ' +
        'Khi kiểm tra nhiều tệp một lần (kh lint a.docx b.docx), so sánh cả giữa các tệp và chỉ ra chỗ ở tệp kia.',
      en:
        'When one document (same type word and number) is cited several times, its number, symbol and date must agree. ' +
        'The rule reports a symbol written two ways ("1303/BLĐT BXH-VBĐG" and "1303/BLĐTBXH-VBĐG", naming the malformed ' +
        'one); the same number and date with different symbols; the same number and symbol with different dates; within a ' +
        'plan, subjects that have little in common. When several files are linted together, citations are compared across ' +
        'them too, with the other file\'s place given.',
      wrong: [
        'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ.\n\nThực hiện Nghị định số 125/2021/NĐ-CP ngày 28/11/2021 của Chính phủ.',
        'Căn cứ Công văn số 1303/BLĐTBXH-VBĐG ngày 29/3/2024 của Bộ Lao động - Thương binh và Xã hội.\n\nTheo Công văn số 1303/BLĐT BXH-VBĐG ngày 29/3/2024.',
      ],
      right: [
        'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực bình đẳng giới.\n\nThực hiện Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính về bình đẳng giới.',
      ],
    },
    options: z.object({
      /** Subjects of one document sharing less than this share of words are reported (0 turns it off). */
      minSubjectOverlap: z.number().min(0).max(1).default(0.5),
    }),
    messages: {
      symbolForm: {
        vi: 'Văn bản số {number} được ghi "{raw}" ở đây nhưng "{other}" ở {where}: viết đúng thể thức là "{other}"',
        en: 'Document {number} is written "{raw}" here but "{other}" in {where}: the well-formed symbol is "{other}"',
      },
      symbol: {
        vi: '{docType} số {number} ngày {dateRaw} được ghi ký hiệu "{raw}" ở đây nhưng "{other}" ở {where}: kiểm tra lại ký hiệu',
        en: '{docType} {number} of {dateRaw} has the symbol "{raw}" here but "{other}" in {where}: check the symbol',
      },
      date: {
        vi: '"{raw}" được ghi ngày {dateRaw} ở đây nhưng ngày {other} ở {where}: đối chiếu với văn bản gốc và sửa cho thống nhất',
        en: '"{raw}" is dated {dateRaw} here but {other} in {where}: check the original and make them agree',
      },
      subject: {
        vi: '"{raw}" có trích yếu "{subject}" ở đây nhưng "{other}" ở {where}: cùng một văn bản hay hai văn bản khác nhau? Thống nhất trích yếu',
        en: '"{raw}" has the subject "{subject}" here but "{other}" in {where}: one document or two? Make the subjects agree',
      },
      other: {
        vi: 'Trích dẫn ở đây: "{raw}"',
        en: 'Cited here: "{raw}"',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    const vi = context.lang === 'vi';
    const own = groups(plan);
    // No line numbers in the text: they differ between a document's formats (see `related`).
    const whereHere = (_c: Citation) => (vi ? 'chỗ khác trong văn bản' : 'another place in this document');
    const whereFile = (path: string) => (vi ? `tệp ${path}` : `file ${path}`);
    const related = (c: Citation, filePath?: string): RelatedInput<MessageId>[] => [
      { node: c, messageId: 'other', data: { raw: c.raw }, ...(filePath ? { filePath } : {}) },
    ];
    const target = (c: Citation) => {
      const range = rawRange(c);
      return range ? { node: c, range } : { node: c };
    };

    /** Compares `c` (of this plan) with `ref`; yields at most one message. */
    const compare = (c: Citation, ref: Citation, where: string, filePath: string | undefined, crossFile: boolean): LintMessage | null => {
      if (canonical(c) === canonical(ref)) {
        if (c.raw !== ref.raw && malformed(c) && !malformed(ref)) {
          return context.report({ ...target(c), messageId: 'symbolForm', data: { number: c.number!, raw: c.raw, other: ref.raw, where }, suggestion: ref.raw, related: related(ref, filePath) });
        }
        if (c.date && ref.date && c.date !== ref.date) {
          // Within a plan the later citation is named; across files, each file names its own.
          return context.report({ ...target(c), messageId: 'date', data: { raw: c.raw, dateRaw: dateText(c), other: dateText(ref), where }, related: related(ref, filePath) });
        }
        if (!crossFile && c.subject && ref.subject && context.options.minSubjectOverlap > 0 && overlap(c.subject, ref.subject) < context.options.minSubjectOverlap) {
          return context.report({ ...target(c), messageId: 'subject', data: { raw: c.raw, subject: c.subject, other: ref.subject, where }, related: related(ref, filePath) });
        }
        return null;
      }
      if (c.date && ref.date && c.date === ref.date && !malformed(c) && !malformed(ref)) {
        return context.report({ ...target(c), messageId: 'symbol', data: { docType: c.docType, number: c.number!, dateRaw: dateText(c), raw: c.raw, other: ref.raw, where }, related: related(ref, filePath) });
      }
      return null;
    };

    const reported = new Set<Citation>();
    // Within the plan: each citation against the first well-formed earlier one of its group.
    for (const list of own.values()) {
      for (let i = 1; i < list.length; i++) {
        const c = list[i]!;
        const ref = list.slice(0, i).find((r) => !malformed(r) && canonical(r) !== canonical(c)) ?? list.slice(0, i).find((r) => !malformed(r)) ?? list[0]!;
        const message = compare(c, ref, whereHere(ref), undefined, false);
        if (message) {
          reported.add(c);
          yield message;
        }
      }
      // A malformed first citation with a well-formed later one.
      const first = list[0]!;
      if (malformed(first) && !reported.has(first)) {
        const ref = list.find((r) => !malformed(r) && canonical(r) === canonical(first));
        if (ref) {
          const message = compare(first, ref, whereHere(ref), undefined, false);
          if (message) {
            reported.add(first);
            yield message;
          }
        }
      }
    }

    // Across the files of the run: one message per citation of this plan not reported above.
    for (const other of context.files) {
      const theirs = groups(other);
      for (const [key, list] of own) {
        const refs = theirs.get(key);
        if (!refs) continue;
        for (const c of list) {
          if (reported.has(c)) continue;
          const ref = refs.find((r) => !malformed(r)) ?? refs[0]!;
          // Only a malformed one here, or a disagreement neither side can settle.
          if (malformed(ref) && !malformed(c)) continue;
          const message = compare(c, ref, whereFile(other.source.path), other.source.path, true);
          if (message) {
            reported.add(c);
            yield message;
          }
        }
      }
    }
  },
});

export default rule;
