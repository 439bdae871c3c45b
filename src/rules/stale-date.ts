/**
 * stale-date: dates that do not belong to this plan.
 *  - a year of an earlier plan left in the text ("chương trình công tác … năm 2023" in a 2024
 *    plan): a "năm YYYY" before the plan year that qualifies the plan's own work (a word of
 *    `workWords` earlier in the clause), not a past event (`pastWords`: "kết quả", "so với", "đã"
 *    …), not a citation (the spans of plan.citations: "Bộ luật Lao động (sửa đổi) năm 2019"), not
 *    the start of a range ("từ năm 2022 trở đi"), not part of a full date;
 *  - a deadline before the issue date (error when the plan is dated), or in another year than the
 *    plan year (warning: a report on the year may fall due early next year);
 *  - the national action month (15/11–15/12, src/data/programmes.json) given another year;
 *  - an impossible date (31/02: plan.dates[].invalid);
 *  - in an undated draft (meta.draft, no issue date), a deadline already past "today"
 *    (context.today, KH_TODAY); a dated document was written for its own date.
 * The plan's own date is meta.issueDate, else 1 January of meta.planYear; never today except for
 * the draft check.
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import type { Plan } from '../plan/schema.js';
import { textBefore, textNodes } from './util.js';
import type { RuleContext } from './types.js';
import { execAll } from '../util/regex.js';
import { PieceIndex } from '../util/piece-index.js';

/**
 * A year, or a month, quarter or half of it, written in text: "năm 2023", "tháng 6/2022", "quý
 * II/2023", "quý II năm 2023", "6 tháng đầu năm 2022". The year is the last group that matched.
 */
const YEAR =
  /(?<![\p{L}\d])(?:tháng\s+(?:0?[1-9]|1[0-2])\s*[/-]\s*((?:19|20)\d\d)|quý\s+(?:I{1,3}|IV|[1-4])\s*(?:[/-]\s*|năm\s+)((?:19|20)\d\d)|(?:6|sáu|9|chín)\s+tháng\s+(?:đầu|cuối)\s+năm\s+((?:19|20)\d\d)|năm\s+((?:19|20)\d\d))(?!\d)/giu;

/** The citations' text, raw and subject (4 characters or more), indexed (context.derived: once per plan). */
function citationPieces(plan: Plan): PieceIndex {
  return new PieceIndex(
    plan.citations
      .flatMap((c) => [c.text, c.raw, c.subject])
      .filter((p): p is string => !!p && p.length >= 4),
  );
}

function citationSpans(index: PieceIndex, text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const piece of index.candidates(text)) {
    let at = text.indexOf(piece);
    while (at >= 0) {
      spans.push([at, at + piece.length]);
      at = text.indexOf(piece, at + 1);
    }
  }
  return spans;
}

/** The clause around `index`: from the last ".", ";", ":" or "(" before it. */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const cut = Math.max(
    before.lastIndexOf('.'),
    before.lastIndexOf(';'),
    before.lastIndexOf(':'),
    before.lastIndexOf('('),
    before.lastIndexOf('\n'),
  );
  return before
    .slice(cut + 1)
    .normalize('NFC')
    .toLowerCase();
}
/**
 * A date the builder read as a deadline ("trước ngày …") that closes a piece of work ("báo cáo …
 * trước ngày 15/11/2025"): not a condition ("sử dụng đất trước ngày 15/10/1993", "nghỉ hưu trước
 * 01/7/2025", "… trước ngày 01/10/2025 thì …"), whose date is rightly before the issue.
 */
function closesWork(
  context: Pick<RuleContext, 'derived' | 'data'>,
  plan: Plan,
  d: { raw: string; position: Plan['dates'][number]['position'] },
): boolean {
  const before = textBefore(context, { text: d.raw, position: d.position }, 80);
  const clause = clauseBefore(before, before.length);
  if (!hasWord(clause, context.data.ruleWords.deadlineWords.words)) return false;
  // The end of a span ("từ … đến trước ngày …"), or a condition ("… trước ngày … mà không …", "… thì …").
  if (/đến\s+(?:trước\s+)?(?:ngày\s+)?$/u.test(clause.replace(/trước\s+ngày\s*$/u, 'trước ngày ')))
    return false;
  const after = textAfter(plan, d);
  return !/^\s*,?\s*(?:thì|mà|nếu)(?![\p{L}])/u.test(after);
}

/** The few words after a derived node in its paragraph. */
function textAfter(plan: Plan, d: { raw: string; position: Plan['dates'][number]['position'] }): string {
  for (const { node } of textNodes(plan)) {
    if (node.position.start.line > d.position.start.line || node.position.end.line < d.position.start.line)
      continue;
    const at = node.text.indexOf(d.raw);
    if (at >= 0) return node.text.slice(at + d.raw.length, at + d.raw.length + 20);
  }
  return '';
}

/**
 * A date as Vietnamese documents write one ("ngày 31 tháng 02 năm 2024", "31/02/2024"), so that an
 * impossible one is a slip — not digits that only look like a range ("ISBN 978-1-4616-3734-9")
 * nor a month-first date of a foreign source ("09/18/2014", which reads as a real 18 September).
 */
function writtenAsDate(raw: string): boolean {
  if (/tháng/iu.test(raw)) return true;
  const m = /^(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(raw.trim());
  if (!m) return false;
  const [day, month] = [Number(m[1]), Number(m[2])];
  return !(month > 12 && day <= 12);
}

function hasWord(text: string, words: readonly string[]): string | null {
  for (const w of words) {
    const re = new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
    if (re.test(text)) return w;
  }
  return null;
}

export const rule = defineRule({
  meta: {
    id: 'stale-date',
    defaultSeverity: 'error',
    description: {
      vi: 'Ngày, năm không thuộc kế hoạch này: năm của kế hoạch cũ, hạn trước ngày ban hành hoặc ngoài năm kế hoạch, ngày không có thật',
      en: 'Dates that do not belong to this plan: a year of an earlier plan, a deadline before the issue date or outside the plan year, an impossible date',
    },
    docs: {
      vi:
        'Kế hoạch hằng năm thường được soạn từ kế hoạch năm trước, nên hay sót năm cũ ("chương trình công tác … năm 2023" trong ' +
        'kế hoạch năm 2024; cả tháng, quý, nửa năm: "(tháng 6/2022)", "quý II/2023", "6 tháng đầu năm 2022"), hạn báo cáo cũ, Tháng hành động vì bình đẳng giới (15/11–15/12) ghi năm khác. Quy tắc báo: năm trước ' +
        'năm kế hoạch đi sau một từ chỉ công việc của kế hoạch (kế hoạch, công tác, hoạt động, nhiệm vụ, Tháng hành động …); hạn ' +
        'trước ngày ban hành (lỗi) hoặc khác năm kế hoạch (cảnh báo); Tháng hành động ghi năm khác; ngày không có thật (31/02); ' +
        'với dự thảo, hạn đã qua so với hôm nay (KH_TODAY). Không báo: năm trong trích dẫn văn bản ("Bộ luật Lao động (sửa đổi) năm 2019"), ' +
        'giai đoạn ("giai đoạn 2021-2030"), mốc bắt đầu ("từ năm 2022 trở đi") và sự việc đã qua ("kết quả năm 2023", ' +
        '"so với năm 2023", "năm 2023 đã …"). Các từ nhận biết là tùy chọn workWords, pastWords. ' +
        'Một ngày "trước ngày …" chỉ là hạn khi nó khép một việc ("báo cáo … trước ngày …"; src/data/rule-words.json deadlineWords); ' +
        'điều kiện ("sử dụng đất trước ngày 15/10/1993 mà …", "nghỉ hưu trước 01/7/2025") và cuối một khoảng ("đến trước ngày …") không phải hạn. ' +
        'Ngày không có thật chỉ báo khi viết theo lối ngày Việt Nam ("31/02/2024"), không báo số ISBN hay ngày kiểu tháng trước ("09/18/2014").',
      en:
        'Annual plans are usually written from last year\'s, so old years survive ("chương trình công tác … năm 2023" in a 2024 ' +
        'plan; also months, quarters and halves: "(tháng 6/2022)", "quý II/2023", "6 tháng đầu năm 2022"), as do old report deadlines and the Action Month for gender equality (15/11–15/12) with another year. The rule ' +
        "reports a year before the plan year that follows a word for the plan's own work (kế hoạch, công tác, hoạt động, nhiệm " +
        'vụ, Tháng hành động …); a deadline before the issue date (error) or outside the plan year (warning); the Action Month ' +
        'with another year; an impossible date (31/02); in a draft, a deadline already past today (KH_TODAY). Not reported: ' +
        'years inside citations ("Bộ luật Lao động (sửa đổi) năm 2019"), periods ("giai đoạn 2021-2030"), starting points ' +
        '("từ năm 2022 trở đi") and past events ("kết quả năm 2023", "so với năm 2023", "năm 2023 đã …"). The cue words are ' +
        'the options workWords and pastWords. ' +
        'A "trước ngày …" date is a deadline only when it closes a piece of work ("báo cáo … trước ngày …"; src/data/rule-words.json deadlineWords); ' +
        'a condition ("sử dụng đất trước ngày 15/10/1993 mà …", "nghỉ hưu trước 01/7/2025") and the end of a span ("đến trước ngày …") are not. ' +
        'An impossible date is reported only when written the Vietnamese way ("31/02/2024"), not an ISBN or a month-first date ("09/18/2014").',
      wrong: [
        'KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nCác đơn vị xây dựng kế hoạch và tổ chức thực hiện chương trình công tác bình đẳng giới năm 2023.',
        'KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nTổ chức Tháng hành động vì bình đẳng giới từ ngày 15/11 đến ngày 15/12/2023.',
        'KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nCác đơn vị báo cáo kết quả thực hiện trước ngày 31/02/2024.',
        'KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nTổ chức hội nghị tập huấn nghiệp vụ cho cán bộ làm công tác bình đẳng giới (tháng 6/2023).',
      ],
      right: [
        'KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nPhát huy kết quả năm 2023, tiếp tục thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030; tuyên truyền Bộ luật Lao động (sửa đổi) năm 2019.',
        'KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nTổ chức Tháng hành động vì bình đẳng giới từ ngày 15/11 đến ngày 15/12/2024; báo cáo trước ngày 10/12/2024.',
        'KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nTrên cơ sở kết quả 6 tháng đầu năm 2023 và quý IV/2023, tổ chức hội nghị tập huấn (tháng 6/2024).',
      ],
    },
    options: z.object({
      /** Words that make a following "năm YYYY" the plan's own work. */
      workWords: z
        .array(z.string().min(1))
        .default([
          'kế hoạch',
          'chương trình công tác',
          'công tác',
          'hoạt động',
          'nhiệm vụ',
          'tháng hành động',
          'triển khai',
          'tổ chức thực hiện',
        ]),
      /** Words that make it a past event (looked for in the clause before, and "đã" just after). */
      pastWords: z
        .array(z.string().min(1))
        .default([
          'kết quả',
          'so với',
          'đã',
          'tổng kết',
          'sơ kết',
          'đánh giá',
          'sửa đổi',
          'bổ sung',
          'luật',
          'năm trước',
          'trước đây',
          'từ',
          'kể từ',
          'cùng kỳ',
        ]),
    }),
    messages: {
      staleYear: {
        vi: '"{raw}" trong kế hoạch năm {planYear}: năm của kế hoạch cũ? Sửa thành "năm {planYear}" nếu đây là công việc của năm nay',
        en: '"{raw}" in a {planYear} plan: a year left from an earlier plan? Write "năm {planYear}" if this is this year\'s work',
        severity: 'warning',
      },
      stalePeriod: {
        vi: '"{raw}" trong kế hoạch năm {planYear}: tháng, quý của kế hoạch cũ? Sửa thành "{suggestion}" nếu đây là công việc của năm nay',
        en: '"{raw}" in a {planYear} plan: a month or quarter left from an earlier plan? Write "{suggestion}" if this is this year\'s work',
        severity: 'warning',
      },
      invalidDate: {
        vi: 'Ngày "{raw}" không có thật: kiểm tra lại ngày, tháng',
        en: 'The date "{raw}" does not exist: check the day and month',
      },
      deadlineBeforeIssue: {
        vi: 'Hạn "{raw}" trước ngày ban hành kế hoạch ({issueDate}): hạn của kế hoạch cũ? Sửa lại hạn',
        en: 'The deadline "{raw}" is before the plan\'s issue date ({issueDate}): a deadline from an earlier plan? Fix it',
      },
      deadlineOtherYear: {
        vi: 'Hạn "{raw}" không thuộc năm kế hoạch {planYear}: kiểm tra lại năm (hạn báo cáo tổng kết năm có thể sang đầu năm sau)',
        en: 'The deadline "{raw}" is outside the plan year {planYear}: check the year (a report on the year may fall due early next year)',
        severity: 'warning',
      },
      actionMonthYear: {
        vi: 'Tháng hành động "{raw}" ghi năm {year} trong kế hoạch năm {planYear}: sửa thành năm {planYear}',
        en: 'The Action Month "{raw}" is given the year {year} in a {planYear} plan: write {planYear}',
        severity: 'warning',
      },
      deadlinePast: {
        vi: 'Dự thảo có hạn "{raw}" đã qua (hôm nay {today}): cập nhật hạn trước khi trình ký',
        en: 'The draft has a deadline "{raw}" already past (today {today}): update it before signing',
        severity: 'warning',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    const issueDate = plan.meta.issueDate;
    const issueYear = issueDate ? Number(issueDate.slice(0, 4)) : null;
    const planYear = plan.meta.planYear ?? issueYear;
    // A plan reaching years beyond its issue ("giai đoạn 2025–2030, tầm nhìn đến năm 2045") is
    // not an annual plan: its deadlines may fall in any year, and only years before its issue
    // can be left over from an earlier plan.
    const annual = planYear !== null && (issueYear === null || planYear <= issueYear + 1);
    const staleBefore = annual ? planYear : issueYear;
    yield* dateProblems(plan, context, { issueDate, planYear, annual });
    if (staleBefore !== null) yield* staleYears(plan, context, staleBefore);
  },
});

type Context = RuleContext<z.infer<typeof rule.meta.options>, keyof typeof rule.meta.messages>;

/** The plan's dates: invalid ones, deadlines before the issue or in another year (or past, in an undated draft), the Action Month of another year. */
function* dateProblems(
  plan: Plan,
  context: Context,
  years: { issueDate: string | null; planYear: number | null; annual: boolean },
): Generator<LintMessage> {
  const { issueDate, planYear, annual } = years;
  const action = context.data.programmes.actionMonth;
  // Read only where it decides (an undated draft's deadline): --cache keeps other files' results across days.
  let todayText: string | undefined;
  const today = () => (todayText ??= context.today.toISOString().slice(0, 10));

  for (const d of plan.dates) {
    const target = { position: d.position, excerpt: d.raw };
    if (d.invalid) {
      if (writtenAsDate(d.raw))
        yield context.report({ ...target, messageId: 'invalidDate', data: { raw: d.raw } });
      continue;
    }
    if (d.inCitation || !d.value) continue;
    if (
      d.kind === 'deadline' &&
      /^\d{4}-\d\d-\d\d$/.test(d.value) &&
      planYear !== null &&
      closesWork(context, plan, d)
    ) {
      const year = Number(d.value.slice(0, 4));
      if (issueDate && d.value < issueDate) {
        yield context.report({
          ...target,
          messageId: 'deadlineBeforeIssue',
          data: { raw: d.raw, issueDate },
        });
      } else if (annual && plan.meta.planYear !== null && year !== planYear) {
        yield context.report({ ...target, messageId: 'deadlineOtherYear', data: { raw: d.raw, planYear } });
      } else if (plan.meta.draft && !issueDate && d.value < today()) {
        yield context.report({ ...target, messageId: 'deadlinePast', data: { raw: d.raw, today: today() } });
      }
    }
    if (d.kind === 'period' && planYear !== null) {
      const start = d.value.replace(/^\d{4}/, '-');
      const end = (d.end ?? '').replace(/^\d{4}/, '-');
      const year = /^\d{4}/.test(d.end ?? '')
        ? Number(d.end!.slice(0, 4))
        : /^\d{4}-/.test(d.value)
          ? Number(d.value.slice(0, 4))
          : null;
      if (start === action.start && end === action.end && year !== null && year !== planYear) {
        yield context.report({
          ...target,
          messageId: 'actionMonthYear',
          data: { raw: d.raw, year, planYear },
        });
      }
    }
  }
}

/** "năm 2023", "giai đoạn …/2023" left over in the work of a later plan. */
function* staleYears(plan: Plan, context: Context, staleBefore: number): Generator<LintMessage> {
  const { workWords, pastWords } = context.options;
  const work = workWords.map((w) => w.normalize('NFC').toLowerCase());
  const past = pastWords.map((w) => w.normalize('NFC').toLowerCase());
  for (const { node, kind } of textNodes(plan)) {
    if (kind === 'header') continue;
    const text = node.text;
    if (!/(?:năm\s+|\/)\d{4}/iu.test(text)) continue;
    const spans = citationSpans(context.derived('stale-date/citation-pieces', citationPieces), text);
    for (const match of execAll(YEAR, text)) {
      const yearText = match[4] ?? match[3] ?? match[2] ?? match[1]!;
      const year = Number(yearText);
      if (year >= staleBefore) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (spans.some(([a, b]) => start >= a && end <= b)) continue;
      // Part of a full date ("ngày 10 tháng 12 năm 2023", "ngày 15 tháng 6/2022") — a deadline or event, checked above.
      if (/tháng\s+\d{1,2}\s*,?\s*$/iu.test(text.slice(Math.max(0, start - 12), start))) continue;
      if (/ngày\s+\d{1,2}\s*$/iu.test(text.slice(Math.max(0, start - 10), start))) continue;
      // "(tháng 6/2022)" dates the work named just before the parenthesis.
      const inParens =
        /\(\s*$/u.test(text.slice(Math.max(0, start - 3), start)) && /^\s*\)/u.test(text.slice(end, end + 3));
      const open = inParens ? text.lastIndexOf('(', start) : start;
      // "(tháng 6/2023)" right after a citation dates the cited document.
      if (inParens && spans.some(([, b]) => b <= open && open - b <= 2)) continue;
      const clause = clauseBefore(text, open);
      const after = text
        .slice(end, end + 20)
        .normalize('NFC')
        .toLowerCase();
      if (
        /^\s*(trở đi|trở lại|đến|tới|-|–)/u.test(after) ||
        /^\s*(,\s*)?(đã|vừa qua)(?![\p{L}])/u.test(after)
      )
        continue;
      if (hasWord(inParens ? clause : clause.slice(-60), past)) continue;
      if (!hasWord(clause, work)) continue;
      const suggestion = `${match[0].slice(0, match[0].length - yearText.length)}${staleBefore}`;
      const messageId = match[4] !== undefined ? 'staleYear' : 'stalePeriod';
      yield context.report({
        node,
        range: [start, end],
        messageId,
        data: { raw: match[0], planYear: staleBefore, suggestion },
        suggestion,
      });
    }
  }
}

export default rule;
