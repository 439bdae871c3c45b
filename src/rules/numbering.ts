/**
 * numbering: the numbering of sections and items per Nghị định 30/2020/NĐ-CP, Phụ lục I
 * (src/data/nd30-form.json): I, II, III …; 1, 2, 3 …; a), b), c), d), đ), e), g) … in the
 * Vietnamese letter order (no f, j, w, z). Among the siblings of one list, each numbered kind
 * must run on without gaps, repeats or going back; a letter point standing beside arabic items of
 * the same list is a level mixed into another. Keycap emoji digits ("1️.") are reported too.
 * Conservative by design: a list that is only letters (a section with points and no khoản) is fine.
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import type { Item, LabelKind, Plan, Position, Section } from '../plan/schema.js';
import type { TextNode } from '../util/location.js';
import { squash } from '../util/whitespace.js';
import { numberToRoman, romanToNumber } from '../util/roman.js';
import { catalogueOfPlan } from '../domain/catalogue.js';

/** I … XL; "C." or "L." alone is a lettered part (A., B., C.), not a hundredth section. */
function romanValue(text: string): number | null {
  const roman = text.replace(/[^IVXLC]/g, '');
  return /[LC]/.test(roman) ? null : romanToNumber(roman);
}

const EMOJI_DIGIT = /[\uFE0F\u20E3]/u;

/**
 * "Nhiệm vụ 1: …", "Nhiệm vụ 2: …" written as the text of sibling items (or paragraphs of a
 * section): each run of them is one list, numbered like a section's.
 */
function numberedTasks(plan: Plan): Entry[][] {
  const lists: Entry[][] = [];
  const scan = (items: readonly Item[]) => {
    let run: Entry[] = [];
    for (const item of items) {
      const m = /^\s*Nhiệm vụ\s+(\d{1,2})\s*[:.]/u.exec(item.text);
      if (m)
        run.push({
          kind: 'arabic',
          label: `Nhiệm vụ ${m[1]}`,
          value: Number(m[1]),
          node: null,
          position: item.position,
          text: item.text.slice(m[0].length).trim(),
        });
      scan(item.children);
    }
    if (run.length > 1) lists.push(run);
    run = [];
  };
  for (const section of plan.sections) scan(section.items);
  return lists;
}

interface Entry {
  kind: 'roman' | 'arabic' | 'decimal' | 'letter';
  label: string;
  value: number | null;
  /** The letter for a letter label. */
  letter?: string;
  node: TextNode | null;
  position: Position;
  text: string;
  /** The items under it. */
  items?: readonly Item[];
}

type Numbered = Extract<LabelKind, 'roman' | 'arabic' | 'decimal' | 'letter'>;
const NUMBERED = new Set<LabelKind>(['roman', 'arabic', 'decimal', 'letter']);

export const rule = defineRule({
  meta: {
    id: 'numbering',
    defaultSeverity: 'warning',
    description: {
      vi: 'Đánh số mục I, II, III…; khoản 1, 2, 3…; điểm a), b), c), d), đ), e)… liên tục, không trùng, không lẫn cấp',
      en: 'Numbering I, II, III…; 1, 2, 3…; a), b), c), d), đ), e)… runs on without gaps, repeats or mixed levels',
    },
    docs: {
      vi:
        'Theo Nghị định 30/2020/NĐ-CP, Phụ lục I, các phần, mục đánh số La Mã (I, II, III), khoản số Ả Rập (1, 2, 3), ' +
        'điểm chữ cái tiếng Việt theo thứ tự a), b), c), d), đ), e), g), h), i), k)… (không dùng f, j, w, z). ' +
        'Quy tắc báo, trong từng danh sách cùng cấp: số bị bỏ qua, số lặp lại, số đi lùi, chữ f, j, w, z, điểm chữ cái đứng lẫn giữa các khoản số, ' +
        'và số viết bằng emoji ("1️."). Một mục chỉ có các điểm a), b) mà không có khoản số là hợp lệ. Cũng kiểm tra "Mục tiêu 1, 3", ' +
        '"Chỉ tiêu 1, 2, 4" và danh sách "Nhiệm vụ 1: …" (số lặp luôn báo; số bị bỏ qua chỉ báo khi kế hoạch không thực hiện một bộ chỉ tiêu ' +
        'như Chiến lược quốc gia về bình đẳng giới, vì kế hoạch thực hiện Chiến lược giữ số của Chiến lược và có thể bỏ bớt). Nguồn: src/data/nd30-form.json.',
      en:
        'Per Decree 30/2020/NĐ-CP, Annex I, parts and sections take Roman numerals (I, II, III), clauses Arabic numbers (1, 2, 3), ' +
        'points Vietnamese letters in the order a), b), c), d), đ), e), g), h), i), k)… (f, j, w, z are not used). ' +
        'Within each list of siblings the rule reports: a skipped number, a repeated number, a number going back, f/j/w/z, ' +
        'a letter point standing among numbered clauses, and keycap emoji digits ("1️."). A section holding only points a), b) is fine. ' +
        'Also "Mục tiêu 1, 3", "Chỉ tiêu 1, 2, 4" and lists of "Nhiệm vụ 1: …" (a repeat always; a gap only when the plan implements no ' +
        'catalogue such as the gender-equality strategy, whose plans keep its numbers and may leave some out). ' +
        'Source: src/data/nd30-form.json.',
      wrong: [
        'I. MỤC ĐÍCH\n\n1. Nâng cao nhận thức.\n\nII. NỘI DUNG\n\n1. Tuyên truyền.\n\nII. KINH PHÍ\n\n1. Ngân sách tỉnh.',
        'I. NỘI DUNG\n\n1. Tuyên truyền.\n\n3. Tập huấn.',
        'I. NỘI DUNG\n\n1. Tuyên truyền\n\na) Tọa đàm.\n\nb) Hội thi.\n\nd) Phát thanh.',
      ],
      right: [
        'I. MỤC ĐÍCH\n\n1. Nâng cao nhận thức.\n\nII. NỘI DUNG\n\n1. Tuyên truyền\n\na) Tọa đàm.\n\nb) Hội thi.\n\nc) Phát thanh.\n\nd) Pa nô.\n\nđ) Tờ rơi.\n\ne) Video.\n\ng) Báo chí.\n\n2. Tập huấn.\n\nIII. KINH PHÍ\n\n1. Ngân sách tỉnh.',
        {
          text: 'I. TỔ CHỨC THỰC HIỆN\n\na) Sở Nội vụ chủ trì.\n\nb) Sở Tài chính bố trí kinh phí.',
          note: {
            vi: 'Điểm chữ cái ngay dưới mục La Mã, không có khoản số: hợp lệ.',
            en: 'Letter points right under a Roman section, no clauses: fine.',
          },
        },
      ],
    },
    options: z.object({
      /** Report a list that does not start at 1 (I, a). */
      checkStart: z.boolean().default(true),
    }),
    messages: {
      gap: {
        vi: 'Đánh số bị bỏ qua: sau "{previous}" là "{label}" ("{text}"); thiếu "{expected}"',
        en: 'A number is skipped: "{label}" ("{text}") follows "{previous}"; "{expected}" is missing',
      },
      duplicate: {
        vi: 'Số "{label}" bị lặp: "{text}" trùng số với mục trước; đánh lại thành "{expected}"',
        en: 'The number "{label}" is repeated: "{text}" has the number of the item before it; renumber it "{expected}"',
      },
      order: {
        vi: 'Đánh số đi lùi: "{label}" ("{text}") đứng sau "{previous}"; đúng thứ tự là "{expected}"',
        en: 'The numbering goes back: "{label}" ("{text}") comes after "{previous}"; in order it is "{expected}"',
      },
      start: {
        vi: 'Danh sách bắt đầu bằng "{label}" ("{text}") thay vì "{expected}"',
        en: 'The list starts at "{label}" ("{text}") instead of "{expected}"',
      },
      letterNotUsed: {
        vi: 'Điểm "{label}" dùng chữ "{letter}", không có trong thứ tự chữ cái tiếng Việt (không dùng f, j, w, z); dùng "{expected}"',
        en: 'The point "{label}" uses the letter "{letter}", which is not in the Vietnamese order (no f, j, w, z); use "{expected}"',
      },
      mixedLevel: {
        vi: 'Điểm chữ cái "{label}" ("{text}") đứng cùng cấp với các khoản số ("{sibling}"); điểm a), b) phải nằm trong một khoản số',
        en: 'The letter point "{label}" ("{text}") stands at the level of the numbered clauses ("{sibling}"); points a), b) belong inside a clause',
      },
      emojiDigit: {
        vi: 'Số thứ tự "{label}" viết bằng ký tự emoji; viết bằng chữ số thường: "{plain}"',
        en: 'The number "{label}" is written with an emoji keycap; use a plain digit: "{plain}"',
      },
    },
  },

  // long: its steps are the named closures inside (report, subtree, swallowed, sequence, entryOf, list), which share the context
  *check(plan: Plan, context): Generator<LintMessage> {
    const letters = context.data.nd30Form.pointLetters.letters;
    const notUsed = new Set(context.data.nd30Form.pointLetters.notUsed);
    const snippet = (text: string) => {
      const flat = squash(text);
      return flat.length > 50 ? `${flat.slice(0, 49)}…` : flat;
    };
    const format = (entry: Entry, value: number): string => {
      switch (entry.kind) {
        case 'roman':
          return `${numberToRoman(value)}.`;
        case 'letter':
          return `${letters[value - 1] ?? '?'})`;
        case 'decimal':
          return entry.label.replace(/\d+(\.?)$/, `${value}$1`);
        default:
          return entry.label.replace(/[\d\uFE0F\u20E3]+/, String(value));
      }
    };

    function* report(
      entry: Entry,
      messageId: Parameters<typeof context.report>[0]['messageId'],
      data: Record<string, string>,
    ): Generator<LintMessage> {
      const full = { label: entry.label, text: snippet(entry.text), ...data };
      if (entry.node)
        yield context.report({
          node: entry.node,
          range: [0, Math.min(entry.node.text.length, 40)],
          messageId,
          data: full,
        });
      else
        yield context.report({
          position: entry.position,
          excerpt: `${entry.label} ${snippet(entry.text)}`,
          messageId,
          data: full,
        });
    }

    /** All item texts under an entry (its subtree), for the swallowed-label check. */
    const subtree = (entry: Entry): string[] => {
      const out: string[] = [];
      const walk = (items: readonly Item[]) => {
        for (const item of items) {
          out.push(item.text);
          walk(item.children);
        }
      };
      if (entry.items) walk(entry.items);
      return out;
    };
    /**
     * A label the tree lost: a stray page number glued to the line ("8 6. Giải pháp…", "11 III. KINH
     * PHÍ") makes the text parser keep the item as a paragraph of the one before. The number is not
     * missing from the document, so no gap is reported (a builder limitation, see the report).
     */
    const swallowed = (entry: Entry, from: number, to: number): boolean => {
      const texts = subtree(entry);
      for (let n = from; n < to; n++) {
        const label = format(entry, n)
          .replace(/[.)]$/, '')
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const re = new RegExp(`(?:^|\\n)\\d{1,3}\\s+${label}[\\uFE0F\\u20E3]*[.)]\\s`, 'u');
        if (!texts.some((text) => re.test(text))) return false;
      }
      return true;
    };

    function* sequence(
      entries: Entry[],
      checks: { start: boolean; gaps: boolean } = { start: true, gaps: true },
    ): Generator<LintMessage> {
      let previous: { label: string; value: number; entry: Entry } | null = null;
      for (const [index, entry] of entries.entries()) {
        const value = entry.value;
        if (value === null) {
          previous = null;
          continue;
        }
        if (!previous || (value === 1 && previous.value > 1)) {
          // The first of a list, or a list numbered again from 1 under a level the tree does not
          // hold (Phần, Chương, an appendix): a new list.
          if (!previous && checks.start && context.options.checkStart && value !== 1)
            yield* report(entry, 'start', { expected: format(entry, 1) });
          previous = { label: entry.label, value, entry };
          continue;
        }
        const expected = format(entry, previous.value + 1);
        if (value === previous.value) {
          yield* report(entry, 'duplicate', { expected });
          // "II, II, IV": the second II was meant to be III; count on from there (one slip, one message).
          const next = entries[index + 1]?.value;
          previous = { label: entry.label, value: next === value + 2 ? value + 1 : value, entry };
          continue;
        }
        if (value > previous.value + 1) {
          if (checks.gaps && !swallowed(previous.entry, previous.value + 1, value))
            yield* report(entry, 'gap', { previous: previous.label, expected });
        } else if (value < previous.value)
          yield* report(entry, 'order', { previous: previous.label, expected });
        previous = { label: entry.label, value, entry };
      }
    }

    function entryOf(item: Item): Entry | null {
      if (!item.label || !NUMBERED.has(item.labelKind)) return null;
      const kind = item.labelKind as Numbered;
      const label = item.label.trim();
      let value: number | null = null;
      let letter: string | undefined;
      if (kind === 'roman') value = romanValue(label);
      else if (kind === 'letter') {
        letter = label.replace(/[\s)]/g, '').toLowerCase();
        const index = letters.indexOf(letter);
        value = index >= 0 ? index + 1 : null;
      } else if (kind === 'decimal') value = Number(/(\d+)\.?$/.exec(label)?.[1] ?? NaN);
      else value = Number(label.replace(/\D/g, ''));
      if (value !== null && !Number.isFinite(value)) value = null;
      const entry: Entry = {
        kind,
        label,
        value,
        node: item,
        position: item.position,
        text: item.text,
        items: item.children,
      };
      if (letter !== undefined) entry.letter = letter;
      return entry;
    }

    function* list(items: readonly Item[]): Generator<LintMessage> {
      const entries = items.map(entryOf).filter((e): e is Entry => e !== null);
      for (const entry of entries) {
        if (EMOJI_DIGIT.test(entry.label)) {
          yield* report(entry, 'emojiDigit', { plain: entry.label.replace(/[\uFE0F\u20E3]/gu, '') });
        }
        if (entry.kind === 'letter' && entry.value === null && entry.letter && notUsed.has(entry.letter)) {
          yield* report(entry, 'letterNotUsed', { letter: entry.letter, expected: '?' });
        }
      }
      for (const kind of ['roman', 'arabic', 'decimal', 'letter'] as const) {
        const ofKind = entries.filter((e) => e.kind === kind);
        if (kind === 'letter') {
          // A letter point with numbered clauses beside it in the same list: a level mixed in.
          const arabic = entries.find((e) => e.kind === 'arabic');
          if (arabic && ofKind.length) {
            for (const entry of ofKind)
              yield* report(entry, 'mixedLevel', {
                sibling: `${arabic.label} ${snippet(arabic.text).slice(0, 30)}`,
              });
            continue;
          }
        }
        yield* sequence(ofKind);
      }
      for (const item of items) yield* list(item.children);
    }

    const sections: Entry[] = plan.sections.map((section: Section) => ({
      kind: 'roman',
      label: `${section.numeral}.`,
      value: romanValue(section.numeral),
      node: null,
      position: section.position,
      text: section.heading,
      items: section.items,
    }));
    yield* sequence(sections);
    for (const section of plan.sections) yield* list(section.items);
    for (const tasks of numberedTasks(plan)) yield* sequence(tasks, { start: false, gaps: true });

    // "Mục tiêu 1, 3", "Chỉ tiêu 1, 2, 4": repeats always; gaps and a late start only when the
    // plan follows no catalogue (one implementing the strategy keeps its numbers and may leave
    // some out).
    const follows = catalogueOfPlan(plan, context.data.strategy.catalogues) !== null;
    const checks = { start: false, gaps: !follows };
    const entry = (label: string, index: number, position: Position, text: string): Entry => ({
      kind: 'arabic',
      label,
      value: index,
      node: null,
      position,
      text,
    });
    yield* sequence(
      plan.goals.map((g) => entry(`Mục tiêu ${g.index}`, g.index, g.position, g.field)),
      checks,
    );
    for (const goal of plan.goals) {
      const numbered = goal.indicators.filter((i) => /\d/.test(i.label));
      yield* sequence(
        numbered.map((i) => entry(`Chỉ tiêu ${i.index}`, i.index, i.position, i.text)),
        checks,
      );
    }
  },
});

export default rule;
