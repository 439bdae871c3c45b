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
 *
 * The rule is wholly cross-file (notes/CROSS-FILE.md): `summarize` keeps each keyed citation with
 * its canonical forms and places, computed once; `checkRun` indexes the run's citations by type
 * word and number, then (ký hiệu, date), and answers each citation's questions from buckets of
 * that index, so a run costs time linear in its citations however many files cite one document.
 */
import { z } from 'zod';
import { defineRule, type FileMessage, type Place, type RelatedInput, type RunContext } from './types.js';
import type { Citation } from '../plan/schema.js';
import { placeOf } from './engine.js';
import { normalizeName, symbolCore } from '../domain/issuers.js';
import { centralBodyPattern, namesCentralBody } from '../domain/symbol-scope.js';
import { editDistance, textBefore } from './util.js';
import { t } from '../i18n/index.js';

type MessageId = 'symbolForm' | 'symbol' | 'date' | 'subject' | 'other';

function groupKey(citation: Citation): string | null {
  if (citation.format === 'name' || !citation.number) return null;
  return `${citation.docType.normalize('NFC').toLowerCase()}|${citation.number}`;
}
/** Letters of other scripts that look Latin ("BТС" typed with Cyrillic Т, С): read as the Latin ones. */
const LOOKALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Χ: 'X',
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');
/** One keyed citation as the summary keeps it: canonical forms computed once, places located. */
interface Cited {
  /** Type word and number ("công văn|1303"). */
  key: string;
  /** The ký hiệu compared without spaces and dashes, look-alike letters read as Latin. */
  canonical: string;
  /** The ký hiệu as written (symbolCore of raw, NFC). */
  core: string;
  /** Slips of form: spaces, a dash other than "-", a look-alike letter of another script. */
  badness: number;
  dashes: number;
  raw: string;
  number: string;
  docType: string;
  date: string | null;
  /** The date as written, without a leading "ngày" (the messages say it). */
  dateText: string;
  year: number | null;
  /** The ký hiệu names a national body (src/data/symbol-scope.json). */
  central: boolean;
  /** The trích yếu worth comparing, kept only when the plan cites the document more than once. */
  subject: string | null;
  /** Where a message about it points (the number/symbol as written), and the whole citation when that differs. */
  at: Place;
  whole?: Place;
}

interface CitationSummary {
  /** The plan's issuer, normalized (two files of one issuer share their local ký hiệu). */
  issuer: string | null;
  citations: Cited[];
}

const coreOf = (citation: Citation) => symbolCore(citation.raw).normalize('NFC');
function canonicalOf(core: string): string {
  return core.replace(LOOKALIKE_RE, (ch) => LOOKALIKES[ch]!).replace(/[\s\-–—‑]+/g, '');
}
function badnessOf(core: string): number {
  return Number(/\s/.test(core)) + Number(/[–—‑]/.test(core)) + Number(core.search(LOOKALIKE_RE) >= 0);
}
const malformed = (c: Cited) => c.badness > 0;
/** `a` is `b` written worse: more slips of form, or as many and a "-" between groups left out ("TTBTC"). */
function worse(a: Cited, b: Cited): boolean {
  if (a.canonical !== b.canonical || a.core === b.core) return false;
  return a.badness > b.badness || (a.badness === b.badness && a.dashes < b.dashes);
}
function words(text: string): Set<string> {
  return new Set(
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
}
function overlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.size, y.size);
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
function twoDocuments(c: Cited, refDate: string | null): boolean {
  return c.year === null && yearOf(c.date) !== yearOf(refDate);
}

/** `c` agrees with the year of its own ký hiệu where `ref` does not: `c` is the right one. */
function rightByYear(c: Cited, ref: Cited): boolean {
  return c.year !== null && yearOf(c.date) === c.year && yearOf(ref.date) !== c.year;
}

/** Ký hiệu close enough to be one written two ways ("TT-BCT"/"TT-BTC", "NĐCP"/"NĐ-CP"), not two documents ("TT-BYT"/"TT-VPCP"). */
const SYMBOL_SLIP_DISTANCE = 2;
const slip = (a: string, b: string) => editDistance(a, b) <= SYMBOL_SLIP_DISTANCE;

/**
 * A subject worth comparing: the trích yếu of a full first citation ("số … ngày … của <issuer>
 * <subject>"), not what the plan says a provision of it does ("khoản 2 Điều 29 Nghị định số … về
 * hoàn thuế …", "… quy định như sau:") nor another citation caught in it.
 */
const PROVISION_BEFORE = /(?:Điều|khoản|điểm|tiết|Chương|Mục|Phụ lục)\s+[\p{L}\d.]+\s*(?:của\s+)?$/iu;
const NOT_A_SUBJECT = /\d+\/|\bĐiều\s+\d|\bkhoản\s+\d|như sau|\||:\s*$/iu;
function subjectOf(c: Citation, before: () => string): string | null {
  if (!c.subject || !c.date || !c.issuer) return null;
  if (NOT_A_SUBJECT.test(c.subject) || PROVISION_BEFORE.test(before())) return null;
  return c.subject;
}

/** Groups by type word and number, in order of first appearance (each list in citation order). */
function groupsOf(citations: readonly Cited[]): Map<string, Cited[]> {
  const map = new Map<string, Cited[]>();
  for (const c of citations) {
    const list = map.get(c.key);
    if (list) list.push(c);
    else map.set(c.key, [c]);
  }
  return map;
}

/** A citation of the run: its file and its place in the run's order (files, then citations). */
interface Ref {
  file: number;
  seq: number;
  c: Cited;
}
/** First citation of each file in a bucket, by file (files in input order); also by issuer. */
class Bucket {
  readonly all = new Map<number, Ref>();
  readonly byIssuer = new Map<string, Map<number, Ref>>();
  constructor(
    readonly canonical: string,
    readonly date: string | null,
    /** A citation of the bucket (buckets by core: all share canonical, core, badness and dashes). */
    readonly sample: Cited,
  ) {}
  add(ref: Ref, issuer: string | null): void {
    if (!this.all.has(ref.file)) this.all.set(ref.file, ref);
    if (issuer === null) return;
    let mine = this.byIssuer.get(issuer);
    if (!mine) this.byIssuer.set(issuer, (mine = new Map()));
    if (!mine.has(ref.file)) mine.set(ref.file, ref);
  }
}
const countOthers = (files: Map<number, Ref> | null | undefined, self: number) =>
  files ? files.size - Number(files.has(self)) : 0;
function firstOther(files: Map<number, Ref> | null | undefined, self: number): Ref | null {
  if (files) for (const ref of files.values()) if (ref.file !== self) return ref;
  return null;
}

/** The run's citations of one document number: buckets by (ký hiệu, date), by well-formed ones, by (ký hiệu as written, date). */
interface GroupIndex {
  byDate: Map<string, Bucket>;
  wellByDate: Map<string, Bucket>;
  byCore: Map<string, Bucket>;
}
const bucketKey = (...parts: (string | null)[]) => JSON.stringify(parts);

function indexRun(files: readonly { summary: CitationSummary }[]): Map<string, GroupIndex> {
  const index = new Map<string, GroupIndex>();
  let seq = 0;
  const put = (map: Map<string, Bucket>, key: string, ref: Ref, issuer: string | null) => {
    let bucket = map.get(key);
    if (!bucket) map.set(key, (bucket = new Bucket(ref.c.canonical, ref.c.date, ref.c)));
    bucket.add(ref, issuer);
  };
  files.forEach(({ summary }, file) => {
    for (const c of summary.citations) {
      let group = index.get(c.key);
      if (!group) index.set(c.key, (group = { byDate: new Map(), wellByDate: new Map(), byCore: new Map() }));
      const ref = { file, seq: seq++, c };
      put(group.byDate, bucketKey(c.canonical, c.date), ref, summary.issuer);
      if (!malformed(c)) put(group.wellByDate, bucketKey(c.canonical, c.date), ref, summary.issuer);
      put(group.byCore, bucketKey(c.canonical, c.core, c.date), ref, summary.issuer);
    }
  });
  return index;
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
        "a malformed symbol, a date of another year than the symbol's, or a date twice as many files disagree with — and nothing is said when it is one file against one.",
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

  crossFile: {
    version: 1,
    summarize(plan, context): CitationSummary {
      const centralPattern = context.data.derived('central-body-pattern', (d) =>
        centralBodyPattern(d.symbolScope),
      );
      const keyed = plan.citations.flatMap((c) => {
        const key = groupKey(c);
        return key ? [{ c, key }] : [];
      });
      const perKey = new Map<string, number>();
      for (const { key } of keyed) perKey.set(key, (perKey.get(key) ?? 0) + 1);
      const citations = keyed.map(({ c, key }): Cited => {
        const core = coreOf(c);
        const at = placeOf(c, rawRange(c));
        const whole = placeOf(c);
        return {
          key,
          canonical: canonicalOf(core),
          core,
          badness: badnessOf(core),
          dashes: (core.match(/-/g) ?? []).length,
          raw: c.raw,
          number: c.number!,
          docType: c.docType,
          date: c.date,
          dateText: (c.dateRaw ?? c.date ?? '').replace(/^ngày\s+/iu, ''),
          year: c.year,
          central: namesCentralBody(symbolCore(c.raw), centralPattern),
          subject: perKey.get(key)! > 1 ? subjectOf(c, () => textBefore(context, c)) : null,
          at,
          ...(JSON.stringify(whole) === JSON.stringify(at) ? {} : { whole }),
        };
      });
      return { issuer: plan.meta.issuer === null ? null : normalizeName(plan.meta.issuer), citations };
    },

    *checkRun(files, context): Generator<FileMessage> {
      const index = indexRun(files);
      for (let file = 0; file < files.length; file++)
        yield* checkFile(file, files[file]!.summary, index, (i) => files[i]!.filePath, context);
    },
  },
});

type Context = RunContext<{ minSubjectOverlap: number }, MessageId>;

/** The messages of one file: within it, then against the run (`index`). */
// long: its steps are the named closures inside (related, report, peers, support, compare), which share the summary, the index and the context
function* checkFile(
  self: number,
  summary: CitationSummary,
  index: Map<string, GroupIndex>,
  pathOf: (file: number) => string,
  context: Context,
): Generator<FileMessage> {
  const own = groupsOf(summary.citations);
  // No line numbers in the text: they differ between a document's formats (see `related`).
  const whereHere = t(context.lang, 'rule.where-here');
  const whereFile = (file: number) => t(context.lang, 'rule.where-file', { path: pathOf(file) });
  const related = (c: Cited, file?: number): RelatedInput<MessageId>[] => [
    {
      place: c.whole ?? c.at,
      messageId: 'other',
      data: { raw: c.raw },
      ...(file !== undefined ? { filePath: pathOf(file) } : {}),
    },
  ];
  const report = (
    c: Cited,
    input: Omit<Parameters<Context['report']>[1], 'place' | 'node' | 'position' | 'range'>,
  ) => context.report(self, { ...input, place: c.at } as Parameters<Context['report']>[1]);

  // Another file's citation is the same document only when the ký hiệu names a national body
  // (src/data/symbol-scope.json) and carries its year ("125/2021/NĐ-CP") or the dates share a
  // year, or when both files come from the same issuer: "01/2025/QĐ-UBND" of one province is not
  // that of another. A bucket holds one date, so which of its files are peers is one choice.
  const peersIn = (c: Cited, bucket: Bucket): Map<number, Ref> | null => {
    // A national body's ký hiệu without its year ("1303/BLĐTBXH-VBĐG") comes back every year: the same year too.
    if (c.central && (c.year !== null || (c.date !== null && yearOf(c.date) === yearOf(bucket.date))))
      return bucket.all;
    return summary.issuer === null ? null : (bucket.byIssuer.get(summary.issuer) ?? null);
  };
  const groupOf = (c: Cited) => index.get(c.key)!;
  /** How many citations of this plan, and other files, give `c`'s document the date `date`. */
  const support = (c: Cited, date: string): number => {
    const here = (own.get(c.key) ?? []).filter((r) => r.canonical === c.canonical && r.date === date).length;
    const bucket = groupOf(c).byDate.get(bucketKey(c.canonical, date));
    return here + (bucket ? countOthers(peersIn(c, bucket), self) : 0);
  };

  /** Compares `c` with `ref`, an earlier citation of this plan; yields at most one message. */
  const compare = (c: Cited, ref: Cited, where: string): FileMessage | null => {
    if (c.canonical === ref.canonical) {
      if (worse(c, ref)) {
        return report(c, {
          messageId: 'symbolForm',
          data: { number: c.number, raw: c.raw, other: ref.raw, where },
          suggestion: ref.raw,
          related: related(ref),
        });
      }
      if (
        c.date &&
        ref.date &&
        c.date !== ref.date &&
        !twoDocuments(c, ref.date) &&
        !rightByYear(c, ref) &&
        support(c, c.date) <= support(c, ref.date)
      ) {
        return report(c, {
          messageId: 'date',
          data: { raw: c.raw, dateRaw: c.dateText, other: ref.dateText, where },
          related: related(ref),
        });
      }
      const subject = context.options.minSubjectOverlap > 0 ? c.subject : null;
      const refSubject = subject ? ref.subject : null;
      if (subject && refSubject && overlap(subject, refSubject) < context.options.minSubjectOverlap) {
        return report(c, {
          messageId: 'subject',
          data: { raw: c.raw, subject, other: refSubject, where },
          related: related(ref),
        });
      }
      return null;
    }
    if (
      c.date &&
      ref.date &&
      c.date === ref.date &&
      !malformed(c) &&
      !malformed(ref) &&
      slip(c.canonical, ref.canonical)
    ) {
      return report(c, {
        messageId: 'symbol',
        data: {
          docType: c.docType,
          number: c.number,
          dateRaw: c.dateText,
          raw: c.raw,
          other: ref.raw,
          where,
        },
        related: related(ref),
      });
    }
    return null;
  };

  const reported = new Set<Cited>();
  // Within the plan: each citation against the first well-formed earlier one of its group.
  for (const list of own.values()) {
    for (let i = 1; i < list.length; i++) {
      const c = list[i]!;
      const ref =
        list.slice(0, i).find((r) => !malformed(r) && r.canonical !== c.canonical) ??
        list.slice(0, i).find((r) => !malformed(r)) ??
        list[0]!;
      const message = compare(c, ref, whereHere);
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
        list.find(
          (r) =>
            r.date &&
            first.date &&
            r.date !== first.date &&
            r.canonical === first.canonical &&
            support(first, r.date) > support(first, first.date),
        );
      if (ref) {
        const message = compare(first, ref, whereHere);
        if (message) {
          reported.add(first);
          yield message;
        }
      }
    }
  }

  // Across the files of the run (peersIn: the same document). Which side is wrong is settled by
  // the malformed ký hiệu, by the year of the ký hiệu, or by clearly more files; when nothing
  // settles it (one file against one), the rule says nothing.
  type Vote = { files: number; first: Ref | null };
  for (const list of own.values()) {
    for (const c of list) {
      if (reported.has(c)) continue;
      const group = groupOf(c);
      let comparable = false;
      for (const bucket of group.byDate.values())
        if (countOthers(peersIn(c, bucket), self) > 0) comparable = true;
      if (!comparable) continue;
      // A malformed ký hiệu here, written well in another file (the first such citation of the run).
      let wellFormed: Ref | null = null;
      for (const bucket of group.byCore.values()) {
        if (!worse(c, bucket.sample)) continue;
        const ref = firstOther(peersIn(c, bucket), self);
        if (ref && (!wellFormed || ref.seq < wellFormed.seq)) wellFormed = ref;
      }
      if (wellFormed) {
        const r = wellFormed.c;
        reported.add(c);
        yield report(c, {
          messageId: 'symbolForm',
          data: { number: c.number, raw: c.raw, other: r.raw, where: whereFile(wellFormed.file) },
          suggestion: r.raw,
          related: related(r, wellFormed.file),
        });
        continue;
      }
      // Votes of files for each date (same ký hiệu) and each ký hiệu (same date); this file votes
      // for its own. Values in the order their first voter appears in the run.
      const tally = (mine: string, candidates: [string, Bucket][]): Map<string, Vote> => {
        const votes = new Map<string, Vote>([[mine, { files: 1, first: null }]]);
        const others: [string, Vote][] = [];
        for (const [value, bucket] of candidates) {
          const peers = peersIn(c, bucket);
          const files = countOthers(peers, self);
          if (files === 0) continue;
          if (value === mine) votes.get(mine)!.files += files;
          else others.push([value, { files, first: firstOther(peers, self) }]);
        }
        others.sort((a, b) => a[1].first!.seq - b[1].first!.seq);
        for (const [value, vote] of others) votes.set(value, vote);
        return votes;
      };
      const outvoted = (
        votes: Map<string, Vote>,
        mine: string,
        byYear: (r: Cited) => boolean,
      ): Ref | null => {
        const own = votes.get(mine)?.files ?? 0;
        let best: Ref | null = null;
        let bestSize = 0;
        for (const [value, v] of votes) {
          if (value === mine || !v.first) continue;
          // Most files, clearly: twice as many as agree with this one.
          const more = v.files >= 2 * Math.max(own, 1);
          const tieSettled = v.files === own && byYear(v.first.c);
          if ((more || tieSettled) && v.files > bestSize) {
            best = v.first;
            bestSize = v.files;
          }
        }
        return best;
      };
      if (c.date) {
        const dates: [string, Bucket][] = [];
        for (const bucket of group.byDate.values()) {
          if (bucket.canonical === c.canonical && bucket.date && !twoDocuments(c, bucket.date))
            dates.push([bucket.date, bucket]);
        }
        const byDate = outvoted(tally(c.date, dates), c.date, (r) => rightByYear(r, c));
        if (byDate) {
          reported.add(c);
          yield report(c, {
            messageId: 'date',
            data: {
              raw: c.raw,
              dateRaw: c.dateText,
              other: byDate.c.dateText,
              where: whereFile(byDate.file),
            },
            related: related(byDate.c, byDate.file),
          });
          continue;
        }
      }
      const symbols: [string, Bucket][] = [];
      if (c.date) {
        const same = group.byDate.get(bucketKey(c.canonical, c.date));
        if (same) symbols.push([c.canonical, same]);
        if (!malformed(c)) {
          for (const bucket of group.wellByDate.values()) {
            if (
              bucket.date === c.date &&
              bucket.canonical !== c.canonical &&
              slip(c.canonical, bucket.canonical)
            )
              symbols.push([bucket.canonical, bucket]);
          }
        }
      }
      const bySymbol = outvoted(tally(c.canonical, symbols), c.canonical, () => false);
      if (bySymbol) {
        const r = bySymbol.c;
        reported.add(c);
        yield report(c, {
          messageId: 'symbol',
          data: {
            docType: c.docType,
            number: c.number,
            dateRaw: c.dateText,
            raw: c.raw,
            other: r.raw,
            where: whereFile(bySymbol.file),
          },
          related: related(r, bySymbol.file),
        });
      }
    }
  }
}

export default rule;
