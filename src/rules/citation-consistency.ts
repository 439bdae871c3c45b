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
 * own way), only for citations that surely are one document (a national body's ký hiệu with its
 * year, or two files of one issuer), and a message is given only in the file that is wrong: the
 * malformed one, the one whose date is not of its ký hiệu's year, or the one clearly outvoted by
 * the other files. One file against one with nothing to settle it: no message.
 */
import { z } from 'zod';
import { defineRule, type LintMessage, type RelatedInput } from './types.js';
import type { Citation, Plan } from '../plan/schema.js';
import { normalizeName, symbolCore } from '../domain/issuers.js';
import { centralBodyPattern, namesCentralBody } from '../domain/symbol-scope.js';
import { editDistance, textBefore } from './util.js';

type MessageId = 'symbolForm' | 'symbol' | 'date' | 'subject' | 'other';

function groupKey(citation: Citation): string | null {
  if (citation.format === 'name' || !citation.number) return null;
  return `${citation.docType.normalize('NFC').toLowerCase()}|${citation.number}`;
}
/** Letters of other scripts that look Latin ("BТС" typed with Cyrillic Т, С): read as the Latin ones. */
const LOOKALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', Α: 'A', Β: 'B', Ε: 'E', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X',
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');
const core = (citation: Citation) => symbolCore(citation.raw).normalize('NFC');
/** The ký hiệu compared without spaces and dashes, look-alike letters read as Latin. */
function canonical(citation: Citation): string {
  return core(citation).replace(LOOKALIKE_RE, (ch) => LOOKALIKES[ch]!).replace(/[\s\-–—‑]+/g, '');
}
/** Slips of form: spaces, a dash other than "-", a look-alike letter of another script. */
function badness(citation: Citation): number {
  const text = core(citation);
  return Number(/\s/.test(text)) + Number(/[–—‑]/.test(text)) + Number(text.search(LOOKALIKE_RE) >= 0);
}
function malformed(citation: Citation): boolean {
  return badness(citation) > 0;
}
/** `a` is `b` written worse: more slips of form, or as many and a "-" between groups left out ("TTBTC"). */
function worse(a: Citation, b: Citation): boolean {
  if (canonical(a) !== canonical(b) || core(a) === core(b)) return false;
  const dashes = (c: Citation) => (core(c).match(/-/g) ?? []).length;
  return badness(a) > badness(b) || (badness(a) === badness(b) && dashes(a) < dashes(b));
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

const yearOf = (date: string | null | undefined) => (date ? Number(date.slice(0, 4)) : null);

/**
 * Two dates for one number and ký hiệu that are two documents rather than a slip: a ký hiệu
 * without its year ("800/QĐ-UBND") is given again every year, so dates of different years are
 * different documents.
 */
function twoDocuments(c: Citation, ref: Citation): boolean {
  return c.year === null && yearOf(c.date) !== yearOf(ref.date);
}

/** `c` agrees with the year of its own ký hiệu where `ref` does not: `c` is the right one. */
function rightByYear(c: Citation, ref: Citation): boolean {
  return c.year !== null && yearOf(c.date) === c.year && yearOf(ref.date) !== c.year;
}

/** Ký hiệu close enough to be one written two ways ("TT-BCT"/"TT-BTC", "NĐCP"/"NĐ-CP"), not two documents ("TT-BYT"/"TT-VPCP"). */
const SYMBOL_SLIP_DISTANCE = 2;
const slip = (a: Citation, b: Citation) => editDistance(canonical(a), canonical(b)) <= SYMBOL_SLIP_DISTANCE;

/**
 * A subject worth comparing: the trích yếu of a full first citation ("số … ngày … của <issuer>
 * <subject>"), not what the plan says a provision of it does ("khoản 2 Điều 29 Nghị định số … về
 * hoàn thuế …", "… quy định như sau:") nor another citation caught in it.
 */
const PROVISION_BEFORE = /(?:Điều|khoản|điểm|tiết|Chương|Mục|Phụ lục)\s+[\p{L}\d.]+\s*(?:của\s+)?$/iu;
const NOT_A_SUBJECT = /\d+\/|\bĐiều\s+\d|\bkhoản\s+\d|như sau|\||:\s*$/iu;
function subjectOf(c: Citation, before: string): string | null {
  if (!c.subject || !c.date || !c.issuer) return null;
  if (NOT_A_SUBJECT.test(c.subject) || PROVISION_BEFORE.test(before)) return null;
  return c.subject;
}

/** Citations by type word and number (context.derived: once per plan, as each plan is compared with every other one of a run). */
function citationGroups(plan: Plan): Map<string, Citation[]> {
  const map = new Map<string, Citation[]>();
  for (const c of plan.citations) {
    const key = groupKey(c);
    if (key) map.set(key, [...(map.get(key) ?? []), c]);
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
        'Quy tắc báo: ký hiệu viết hai kiểu ("1303/BLĐT BXH-VBĐG" và "1303/BLĐTBXH-VBĐG", "10/2024/TTBTC" và "10/2024/TT-BTC", chữ Kirin giống chữ La-tinh), chỉ ra chỗ viết sai; ' +
        'cùng số và ngày nhưng ký hiệu khác nhau một hai chữ; cùng số, ký hiệu nhưng ngày khác; trong một kế hoạch, trích yếu (sau "ngày … của …") khác hẳn nhau. ' +
        'Ký hiệu không có năm ("800/QĐ-UBND") được cấp lại mỗi năm: ngày khác năm là hai văn bản. Khi nhiều chỗ ghi một ngày và một chỗ ghi ngày khác, chỉ báo chỗ khác. ' +
        'Khi kiểm tra nhiều tệp một lần, chỉ so với tệp khác khi chắc là cùng một văn bản: ký hiệu của cơ quan trung ương (src/data/symbol-scope.json) có năm, hoặc hai tệp cùng cơ quan ban hành ' +
        '("01/2025/QĐ-UBND" của tỉnh này không phải của tỉnh kia); chỉ báo ở tệp sai — ký hiệu sai thể thức, ngày khác năm của ký hiệu, hay ngày mà số tệp ghi khác gấp đôi — và im lặng khi một tệp chọi một tệp.',
      en:
        'When one document (same type word and number) is cited several times, its number, symbol and date must agree. ' +
        'The rule reports a symbol written two ways ("1303/BLĐT BXH-VBĐG" and "1303/BLĐTBXH-VBĐG", "10/2024/TTBTC" and "10/2024/TT-BTC", a Cyrillic look-alike letter), naming the malformed ' +
        'one; the same number and date with symbols one or two letters apart; the same number and symbol with different dates; within a ' +
        'plan, subjects (after "ngày … của …") that have little in common. A symbol without its year ("800/QĐ-UBND") is given again every year: dates of two years are two documents. ' +
        'When several places give one date and one place another, only that one is reported. Across the files of one run, citations are compared only when they surely are one document: ' +
        'a national body\'s symbol (src/data/symbol-scope.json) with its year, or two files of the same issuer ("01/2025/QĐ-UBND" of one province is not that of another); the message goes to the file that is wrong — ' +
        'a malformed symbol, a date of another year than the symbol\'s, or a date twice as many files disagree with — and nothing is said when it is one file against one.',
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
    const own = context.derived('citation-groups', citationGroups);
    const centralPattern = context.data.derived('central-body-pattern', (d) => centralBodyPattern(d.symbolScope));
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

    const before = (c: Citation) => textBefore(context, c);

    // Another file's citation is the same document only when the ký hiệu names a national body
    // (src/data/symbol-scope.json) and carries its year ("125/2021/NĐ-CP") or the dates share a
    // year, or when both files come from the same issuer: "01/2025/QĐ-UBND" of one province is not
    // that of another.
    const sameIssuer = (other: Plan) => plan.meta.issuer !== null && other.meta.issuer !== null && normalizeName(plan.meta.issuer) === normalizeName(other.meta.issuer);
    const peersOf = (c: Citation): { file: string; citation: Citation }[] => {
      const key = groupKey(c);
      if (!key) return [];
      // A national body's ký hiệu without its year ("1303/BLĐTBXH-VBĐG") comes back every year: the same year too.
      const central = namesCentralBody(symbolCore(c.raw), centralPattern);
      const sameDocument = (r: Citation) => c.year !== null || (c.date !== null && yearOf(c.date) === yearOf(r.date));
      const peers: { file: string; citation: Citation }[] = [];
      for (const other of context.files) {
        const issuer = sameIssuer(other);
        for (const r of context.derived('citation-groups', citationGroups, other).get(key) ?? []) if (issuer || (central && sameDocument(r))) peers.push({ file: other.source.path, citation: r });
      }
      return peers;
    };
    /** How many citations of this plan, and other files, give `c`'s document the date `date`. */
    const support = (c: Citation, date: string): number => {
      const here = (own.get(groupKey(c)!) ?? []).filter((r) => canonical(r) === canonical(c) && r.date === date).length;
      const files = new Set(peersOf(c).filter(({ citation: r }) => canonical(r) === canonical(c) && r.date === date).map(({ file }) => file));
      return here + files.size;
    };

    /** Compares `c` with `ref`, an earlier citation of this plan; yields at most one message. */
    const compare = (c: Citation, ref: Citation, where: string): LintMessage | null => {
      if (canonical(c) === canonical(ref)) {
        if (worse(c, ref)) {
          return context.report({ ...target(c), messageId: 'symbolForm', data: { number: c.number!, raw: c.raw, other: ref.raw, where }, suggestion: ref.raw, related: related(ref) });
        }
        if (c.date && ref.date && c.date !== ref.date && !twoDocuments(c, ref) && !rightByYear(c, ref) && support(c, c.date) <= support(c, ref.date)) {
          return context.report({ ...target(c), messageId: 'date', data: { raw: c.raw, dateRaw: dateText(c), other: dateText(ref), where }, related: related(ref) });
        }
        const subject = context.options.minSubjectOverlap > 0 ? subjectOf(c, before(c)) : null;
        const refSubject = subject ? subjectOf(ref, before(ref)) : null;
        if (subject && refSubject && overlap(subject, refSubject) < context.options.minSubjectOverlap) {
          return context.report({ ...target(c), messageId: 'subject', data: { raw: c.raw, subject, other: refSubject, where }, related: related(ref) });
        }
        return null;
      }
      if (c.date && ref.date && c.date === ref.date && !malformed(c) && !malformed(ref) && slip(c, ref)) {
        return context.report({ ...target(c), messageId: 'symbol', data: { docType: c.docType, number: c.number!, dateRaw: dateText(c), raw: c.raw, other: ref.raw, where }, related: related(ref) });
      }
      return null;
    };

    const reported = new Set<Citation>();
    // Within the plan: each citation against the first well-formed earlier one of its group.
    for (const list of own.values()) {
      for (let i = 1; i < list.length; i++) {
        const c = list[i]!;
        const ref = list.slice(0, i).find((r) => !malformed(r) && canonical(r) !== canonical(c)) ?? list.slice(0, i).find((r) => !malformed(r)) ?? list[0]!;
        const message = compare(c, ref, whereHere(ref));
        if (message) {
          reported.add(c);
          yield message;
        }
      }
      // A malformed first citation with a well-formed later one; a first date the later ones outvote.
      const first = list[0]!;
      if (!reported.has(first)) {
        const ref =
          list.find((r) => worse(first, r)) ??
          list.find((r) => r.date && first.date && r.date !== first.date && canonical(r) === canonical(first) && support(first, r.date) > support(first, first.date));
        if (ref) {
          const message = compare(first, ref, whereHere(ref));
          if (message) {
            reported.add(first);
            yield message;
          }
        }
      }
    }

    // Across the files of the run (peersOf: the same document). Which side is wrong is settled by
    // the malformed ký hiệu, by the year of the ký hiệu, or by clearly more files; when nothing
    // settles it (one file against one), the rule says nothing.
    for (const list of own.values()) {
      for (const c of list) {
        if (reported.has(c)) continue;
        const comparable = peersOf(c);
        if (comparable.length === 0) continue;
        // A malformed ký hiệu here, written well in another file.
        const wellFormed = comparable.find(({ citation: r }) => worse(c, r));
        if (wellFormed) {
          const r = wellFormed.citation;
          reported.add(c);
          yield context.report({ ...target(c), messageId: 'symbolForm', data: { number: c.number!, raw: c.raw, other: r.raw, where: whereFile(wellFormed.file) }, suggestion: r.raw, related: related(r, wellFormed.file) });
          continue;
        }
        // Votes of files for each date (same ký hiệu) and each ký hiệu (same date); this file votes for its own.
        const dateVotes = new Map<string, { files: Set<string>; first: { file: string; citation: Citation } | null }>();
        const symbolVotes = new Map<string, { files: Set<string>; first: { file: string; citation: Citation } | null }>();
        const vote = (votes: typeof dateVotes, value: string, file: string, entry: { file: string; citation: Citation } | null) => {
          const v = votes.get(value) ?? { files: new Set<string>(), first: entry };
          v.files.add(file);
          votes.set(value, v);
        };
        if (c.date) vote(dateVotes, c.date, plan.source.path, null);
        vote(symbolVotes, canonical(c), plan.source.path, null);
        for (const entry of comparable) {
          const r = entry.citation;
          if (canonical(r) === canonical(c) && r.date && c.date && !twoDocuments(c, r)) vote(dateVotes, r.date, entry.file, entry);
          if (r.date && r.date === c.date && (canonical(r) === canonical(c) || (!malformed(r) && !malformed(c) && slip(c, r)))) vote(symbolVotes, canonical(r), entry.file, entry);
        }
        const outvoted = (votes: typeof dateVotes, mine: string, byYear: (r: Citation) => boolean) => {
          const own = votes.get(mine)?.files.size ?? 0;
          let best: { file: string; citation: Citation } | null = null;
          let bestSize = 0;
          for (const [value, v] of votes) {
            if (value === mine || !v.first) continue;
            // Most files, clearly: twice as many as agree with this one.
            const more = v.files.size >= 2 * Math.max(own, 1);
            const tieSettled = v.files.size === own && byYear(v.first.citation);
            if ((more || tieSettled) && v.files.size > bestSize) {
              best = v.first;
              bestSize = v.files.size;
            }
          }
          return best;
        };
        const byDate = c.date ? outvoted(dateVotes, c.date, (r) => rightByYear(r, c)) : null;
        if (byDate) {
          reported.add(c);
          yield context.report({ ...target(c), messageId: 'date', data: { raw: c.raw, dateRaw: dateText(c), other: dateText(byDate.citation), where: whereFile(byDate.file) }, related: related(byDate.citation, byDate.file) });
          continue;
        }
        const bySymbol = outvoted(symbolVotes, canonical(c), () => false);
        if (bySymbol) {
          const r = bySymbol.citation;
          reported.add(c);
          yield context.report({ ...target(c), messageId: 'symbol', data: { docType: c.docType, number: c.number!, dateRaw: dateText(c), raw: c.raw, other: r.raw, where: whereFile(bySymbol.file) }, related: related(r, bySymbol.file) });
        }
      }
    }
  },
});

export default rule;
