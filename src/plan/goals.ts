/**
 * Goals (Mục tiêu N) with their indicators (Chỉ tiêu M) and targets, and references to them
 * ("chỉ tiêu 1, 2 của Mục tiêu 2 … tại Kế hoạch số 122/KH-UBND").
 */
import type { Goal, Indicator, IndicatorRef, Item, PlanRef, Section, Target } from './schema.js';
import { locate, slice, type Span } from './span.js';
import { parseVietnameseNumber, squash } from './vi.js';
import { findCitations } from './citations.js';
import { execAll } from '../util/regex.js';

const GOAL = /^Mục tiêu\s+(\d+)\s*(?:[:.\-–]\s*)?(.*)$/iu;
const INDICATOR = /^Chỉ tiêu\s*(\d+)?\s*[:.\-–]\s*/iu;

const NUM = String.raw`\d+(?:[.,]\d+)*`;

/** Parse the targets written in an indicator's text. */
// long: one scan of an indicator's text; its steps (free, add, comparatorBefore, directionAround) are closures over the taken ranges
export function parseTargets(span: Span): Target[] {
  const text = span.text;
  const out: Target[] = [];
  const taken: { start: number; end: number }[] = [];
  const free = (s: number, e: number) => !taken.some((t) => s < t.end && t.start < e);
  const add = (start: number, end: number, fields: Omit<Target, 'type' | 'raw' | 'position' | 'parts'>) => {
    if (!free(start, end)) return;
    taken.push({ start, end });
    out.push({ type: 'target', raw: squash(text.slice(start, end)), ...fields, ...locate(span, start, end) });
  };
  const comparatorBefore = (index: number): Target['comparator'] => {
    const before = text.slice(Math.max(0, index - 25), index).toLocaleLowerCase('vi');
    if (/(?:ít nhất|tối thiểu|không dưới|không thấp hơn)\s*$/u.test(before)) return 'at-least';
    if (/(?:tối đa|không quá|không vượt quá)\s*$/u.test(before)) return 'at-most';
    if (/(?:khoảng|gần|xấp xỉ)\s*$/u.test(before)) return 'about';
    if (/(?:dưới)\s*$/u.test(before)) return 'below';
    if (/(?:trên|hơn)\s*$/u.test(before)) return 'above';
    return null;
  };
  const directionAround = (index: number): Target['direction'] => {
    // The verb governs the clause: look back to the previous ";" or sentence end.
    const clauseStart = Math.max(text.lastIndexOf(';', index), text.lastIndexOf('. ', index), 0);
    const before = text.slice(clauseStart, index).toLocaleLowerCase('vi');
    const last = execAll(/(tăng|giảm|duy trì|nâng)/gu, before).pop()?.[1];
    if (last === 'tăng' || last === 'nâng') return 'increase';
    if (last === 'giảm') return 'decrease';
    if (last === 'duy trì') return 'maintain';
    return null;
  };

  // "giảm từ 55 ca sinh/1.000 phụ nữ xuống 56/1.000 phụ nữ"
  const change = new RegExp(
    String.raw`(tăng|giảm)\s+từ\s+(${NUM})\s*(%|[^\d;]{0,40}?\/\s*(${NUM})\s*([\p{L} ]{0,20}?))?\s+(?:xuống|lên|còn|đến)\s+(?:còn\s+|mức\s+)?(${NUM})\s*(%|\/\s*(${NUM}))?`,
    'gu',
  );
  for (const m of execAll(change, text)) {
    const from = parseVietnameseNumber(m[2]!);
    const to = parseVietnameseNumber(m[6]!);
    const base = m[4] ? parseVietnameseNumber(m[4]) : m[8] ? parseVietnameseNumber(m[8]) : null;
    add(m.index, m.index + m[0].length, {
      kind: 'change',
      value: to,
      base,
      unit: m[3] === '%' || m[7] === '%' ? '%' : null,
      from,
      to,
      direction: m[1] === 'tăng' ? 'increase' : 'decrease',
      comparator: null,
    });
  }
  // "108 bé trai/100 bé gái", "55 ca sinh/1.000 phụ nữ"
  const ratio = new RegExp(
    String.raw`(?<![\d,.])(${NUM})\s+([\p{L}][\p{L} ]{0,15}?)\s*\/\s*(${NUM})\s+([\p{L}][\p{L}]*(?:\s[\p{L}]+)?)`,
    'gu',
  );
  for (const m of execAll(ratio, text)) {
    add(m.index, m.index + m[0].length, {
      kind: 'ratio',
      value: parseVietnameseNumber(m[1]!),
      base: parseVietnameseNumber(m[3]!),
      unit: `${squash(m[2]!)}/${squash(m[4]!)}`,
      from: null,
      to: null,
      direction: directionAround(m.index),
      comparator: comparatorBefore(m.index),
    });
  }
  // "31,8/100.000"
  const rate = new RegExp(String.raw`(?<![\d,.])(${NUM})\s*\/\s*(${NUM})(?![\d/])`, 'gu');
  for (const m of execAll(rate, text)) {
    add(m.index, m.index + m[0].length, {
      kind: 'rate',
      value: parseVietnameseNumber(m[1]!),
      base: parseVietnameseNumber(m[2]!),
      unit: null,
      from: null,
      to: null,
      direction: directionAround(m.index),
      comparator: comparatorBefore(m.index),
    });
  }
  // "26,05%", "50 %"
  const percent = new RegExp(String.raw`(?<![\d,.])(${NUM})\s*%`, 'gu');
  for (const m of execAll(percent, text)) {
    add(m.index, m.index + m[0].length, {
      kind: 'percent',
      value: parseVietnameseNumber(m[1]!),
      base: null,
      unit: '%',
      from: null,
      to: null,
      direction: directionAround(m.index),
      comparator: comparatorBefore(m.index),
    });
  }
  // "còn 1,6 lần so với nam giới"
  const times = new RegExp(String.raw`(?<![\d,.])(${NUM})\s*lần`, 'gu');
  for (const m of execAll(times, text)) {
    add(m.index, m.index + m[0].length, {
      kind: 'count',
      value: parseVietnameseNumber(m[1]!),
      base: null,
      unit: 'lần',
      from: null,
      to: null,
      direction: directionAround(m.index),
      comparator: comparatorBefore(m.index),
    });
  }
  return out.sort((a, b) => a.position.start.column - b.position.start.column);
}

function indicatorFrom(item: Item, span: Span, fallbackIndex: number): Indicator | null {
  const m = INDICATOR.exec(span.text);
  if (!m) return null;
  const body = slice(span, m[0].length, span.text.length);
  return {
    type: 'indicator',
    index: m[1] ? Number(m[1]) : fallbackIndex,
    label: squash(m[0].replace(/[:.\-–]\s*$/u, '')),
    text: body.text,
    targets: parseTargets(body),
    ...locate(span),
  };
}

/**
 * Goals defined by the plan. The goals section (kind "goals") defines them; a task section that
 * repeats "Mục tiêu 1: …" as a grouping heading does not define a new goal.
 */
export function findGoals(sections: Section[], spans: Map<Item, Span>): Goal[] {
  const goals: Goal[] = [];
  const candidates = sections.filter((s) => s.kind === 'goals');
  const scan = candidates.length > 0 ? candidates : sections;
  for (const section of scan) {
    const visit = (items: Item[]) => {
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const span = spans.get(item);
        if (!span) continue;
        const gm = GOAL.exec(span.text);
        if (!gm) {
          visit(item.children);
          continue;
        }
        const index = Number(gm[1]);
        if (goals.some((g) => g.index === index)) continue;
        // Indicators: the goal's children, or the unnumbered siblings that follow it.
        const pool: Item[] = [...item.children];
        for (let j = i + 1; j < items.length && items[j]!.labelKind !== item.labelKind; j++)
          pool.push(items[j]!);
        const indicators: Indicator[] = [];
        for (const child of pool) {
          const childSpan = spans.get(child);
          if (!childSpan) continue;
          const indicator = indicatorFrom(child, childSpan, indicators.length + 1);
          if (indicator) indicators.push(indicator);
        }
        if (candidates.length === 0 && indicators.length === 0) continue;
        goals.push({
          type: 'goal',
          index,
          field: squash(gm[2] ?? '').replace(/[.:]$/u, ''),
          text: span.text,
          indicators,
          ...locate(span),
        });
      }
    };
    visit(section.items);
  }
  return goals.sort((a, b) => a.index - b.index);
}

const REF =
  /chỉ tiêu(?<list>\s*\d+(?:\s*\([^)]*\))?(?:\s*(?:,|và)\s*\d+(?:\s*\([^)]*\))?)*)?\s*(?:(?:của|thuộc|tại)\s+)?mục tiêu\s*(?<goal>\d+)|(?<![\p{L}]\s*chỉ tiêu\s*(?:\d[\d,\s]*)?(?:của\s+)?)mục tiêu\s*(?<whole>\d+)/giu;
const PLAN_NAMED =
  /(?:tại|theo|của|trong)\s+(?=(?:Kế hoạch|Chiến lược|Quyết định|Nghị quyết|Chương trình|Đề án))/u;

function planRefIn(text: string, from: number): PlanRef | null {
  // The plan a reference belongs to is named later in the same sentence.
  const sentenceEnd = text.slice(from).search(/\.(?:\s|$)/u);
  const sentence = text.slice(from, sentenceEnd < 0 ? undefined : from + sentenceEnd);
  const named = PLAN_NAMED.exec(sentence);
  if (!named) return null;
  const span = { text: sentence.slice(named.index + named[0].length), parts: [] };
  const citation = findCitations(span)[0];
  if (citation && citation.start === 0) {
    const c = citation.citation;
    return { raw: c.text, docType: c.docType, number: c.number, symbol: c.symbol, date: c.date };
  }
  const strategy = /^(Chiến lược[^,;.]*?)(?=\s+(?:giai đoạn|trên|,|;|\.)|$)/u.exec(span.text);
  if (strategy)
    return { raw: squash(strategy[1]!), docType: 'Chiến lược', number: null, symbol: null, date: null };
  return null;
}

export function findIndicatorRefs(span: Span): IndicatorRef[] {
  const text = span.text;
  const out: IndicatorRef[] = [];
  for (const m of execAll(REF, text)) {
    const g = m.groups!;
    const goal = Number(g.goal ?? g.whole);
    if (!goal) continue;
    const plan = planRefIn(text, m.index + m[0].length);
    const numbers = g.list ? execAll(/\d+/g, g.list.replace(/\([^)]*\)/g, '')).map((n) => Number(n[0])) : [];
    const base = { raw: squash(m[0]), plan, ...locate(span, m.index, m.index + m[0].length) };
    if (numbers.length === 0) out.push({ type: 'indicatorRef', goal, indicator: null, ...base });
    for (const indicator of numbers) out.push({ type: 'indicatorRef', goal, indicator, ...base });
  }
  return out;
}
