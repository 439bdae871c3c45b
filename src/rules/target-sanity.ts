/**
 * target-sanity: targets (chỉ tiêu values) that cannot be right.
 *  - a change that contradicts itself: "giảm từ 55 … xuống 56" (a decrease to a higher value);
 *  - a ratio or rate on an odd base: "108 bé trai/110 bé gái" where the sex ratio at birth is
 *    counted per 100 girls (the conventions are data: src/data/strategy-2021-2030.json);
 *  - a percentage over 100;
 *  - a local target weaker than the catalogue's target for the same year (warning: compared only
 *    when the year the plan aims at — written in the indicator, else the plan's year — is a year
 *    the catalogue sets a target for, and only between indicators that mean the same thing).
 */
import { z } from 'zod';
import { defineRule, type LintMessage, type RuleContext } from './types.js';
import {
  CatalogueSchema,
  allCatalogues,
  catalogueOfPlan,
  similarity,
  targetPairs,
  yearOfText,
  type CatalogueTarget,
} from '../domain/catalogue.js';
import type { Goal, Indicator, Plan, Target } from '../plan/schema.js';
import { t } from '../i18n/index.js';

function rangeOf(indicator: Indicator, raw: string): [number, number] | undefined {
  const at = indicator.text.indexOf(raw);
  return at >= 0 ? [at, at + raw.length] : undefined;
}

/** "tăng 120% so với năm 2022", "đạt 150% kế hoạch": a growth or a completion rate, which may pass 100. */
function relativeChange(text: string, range: [number, number] | undefined): boolean {
  if (!range) return false;
  const before = text.slice(Math.max(0, range[0] - 12), range[0]).toLowerCase();
  const after = text.slice(range[1], range[1] + 30).toLowerCase();
  return /(tăng|giảm|gấp|vượt)\s*(thêm\s*)?$/u.test(before) || /^\s*(so với|kế hoạch|chỉ tiêu)/u.test(after);
}

const fmt = (n: number) => String(n).replace('.', ',');

/** The value a target aims at. */
function aimOf(target: Target): number | null {
  return target.kind === 'change' ? target.to : target.value;
}

/** Higher is better for this catalogue target (false: lower is better). */
function higherIsBetter(target: CatalogueTarget): boolean {
  return !(target.comparator === 'at-most' || target.comparator === 'below');
}

function sameScale(local: Target, expected: CatalogueTarget): boolean {
  if (local.kind === 'percent') return expected.unit === '%';
  if (expected.base !== undefined) return local.base === expected.base;
  if (expected.unit === 'lần') return local.unit === 'lần';
  return false;
}

export const rule = defineRule({
  meta: {
    id: 'target-sanity',
    defaultSeverity: 'warning',
    description: {
      vi: 'Chỉ tiêu tự mâu thuẫn, tỷ số sai mẫu số, phần trăm quá 100 hoặc thấp hơn chỉ tiêu cấp trên cùng năm',
      en: 'A target that contradicts itself, a ratio on an odd base, a percentage over 100, or a target weaker than the catalogue for the same year',
    },
    docs: {
      vi:
        'Kiểm tra giá trị của từng chỉ tiêu: "giảm từ 55 … xuống 56" là tự mâu thuẫn; tỷ số giới tính khi sinh tính trên 100 bé gái ' +
        '("108 bé trai/110 bé gái" là sai mẫu số — quy ước có nguồn ở src/data/strategy-2021-2030.json); tỷ lệ phần trăm không quá 100; ' +
        'chỉ tiêu địa phương không thấp hơn chỉ tiêu của Chiến lược cho cùng năm (chỉ so khi năm của chỉ tiêu — ghi trong chỉ tiêu, ' +
        'nếu không thì năm của kế hoạch — là năm 2025 hoặc 2030 mà Chiến lược đặt chỉ tiêu; là cảnh báo vì nhiều chỉ tiêu của bộ dữ liệu mới ở mức S/M).',
      en:
        'Checks each target value: "giảm từ 55 … xuống 56" (down from 55 to 56) contradicts itself; the sex ratio at birth is counted per ' +
        '100 girls ("108 bé trai/110 bé gái" has an odd base — the conventions, with sources, are in src/data/strategy-2021-2030.json); a ' +
        'percentage cannot exceed 100; a local target should not be weaker than the strategy target for the same year (compared only when ' +
        'the year aimed at — written in the indicator, else the plan year — is a year the strategy sets, 2025 or 2030; a warning, since ' +
        'several catalogue entries are secondary or remembered).',
      wrong: [
        'II. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu 4: Trong lĩnh vực y tế\n\n- Chỉ tiêu 3: Tỷ suất sinh ở vị thành niên giảm từ 55 ca sinh/1.000 phụ nữ xuống 56/1.000 phụ nữ.\n',
        'II. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu 4: Trong lĩnh vực y tế\n\n- Chỉ tiêu 1: Tỷ số giới tính khi sinh ở mức 108 bé trai/110 bé gái sinh ra sống.\n',
      ],
      right: [
        'II. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu 4: Trong lĩnh vực y tế\n\n- Chỉ tiêu 3: Tỷ suất sinh ở vị thành niên giảm từ 55 ca sinh/1.000 phụ nữ xuống 50/1.000 phụ nữ.\n',
        'II. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu 4: Trong lĩnh vực y tế\n\n- Chỉ tiêu 1: Tỷ số giới tính khi sinh ở mức 108 bé trai/100 bé gái sinh ra sống.\n',
      ],
    },
    options: z.object({
      references: z.array(CatalogueSchema).default([]),
      builtin: z.boolean().default(true),
      /** Word overlap above which a plan indicator and the catalogue's indicator of the same number mean the same thing. */
      minSimilarity: z.number().min(0).max(1).default(0.5),
    }),
    messages: {
      contradiction: {
        vi: '"{raw}": chỉ tiêu ghi "{verb}" nhưng giá trị đích ({to}) {relation} giá trị ban đầu ({from}); kiểm tra lại một trong hai số',
        en: '"{raw}": the target says "{verb}" but the value aimed at ({to}) is {relation} the starting value ({from}); check one of the two figures',
      },
      oddBase: {
        vi: '"{raw}": {name} được tính trên {base} {baseUnit}, không phải {written}; viết lại theo mẫu số {base}',
        en: '"{raw}": the {name} is counted per {base} {baseUnit}, not {written}; rewrite it per {base}',
      },
      percentOver100: {
        vi: '"{raw}": tỷ lệ phần trăm không thể lớn hơn 100%; kiểm tra lại số liệu',
        en: '"{raw}": a percentage cannot exceed 100%; check the figure',
      },
      weakerThanCatalogue: {
        vi: '"{raw}" (năm {year}) thấp hơn chỉ tiêu năm {year} của {catalogue} ({expected}) cho chỉ tiêu {indicator} của Mục tiêu {goal}; nâng chỉ tiêu hoặc nêu lý do',
        en: '"{raw}" (for {year}) is weaker than the {year} target of {catalogue} ({expected}) for indicator {indicator} of goal {goal}; raise it or explain why',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    const { references, builtin } = context.options;
    const implemented = catalogueOfPlan(
      plan,
      allCatalogues(references, builtin ? context.data.strategy.catalogues : []),
    );
    for (const goal of plan.goals) {
      for (const indicator of goal.indicators) {
        for (const target of indicator.targets) yield* targetProblems(indicator, target, context);
        // Weaker than the catalogue, same year.
        if (implemented) yield* weakerThanCatalogue(plan, goal, indicator, implemented, context);
      }
    }
  },
});

type Context = RuleContext<z.infer<typeof rule.meta.options>, keyof typeof rule.meta.messages>;

/** A target at odds with itself: a decrease to a higher value, an unusual ratio base, a percentage over 100. */
function* targetProblems(indicator: Indicator, target: Target, context: Context): Generator<LintMessage> {
  const lang = context.lang;
  const bases = context.data.strategy.conventions.ratioBases;
  const lowerText = indicator.text.toLowerCase();
  const range = rangeOf(indicator, target.raw);
  const at = { node: indicator, ...(range ? { range } : {}) } as const;

  if (target.kind === 'change' && target.from !== null && target.to !== null) {
    const bad =
      (target.direction === 'decrease' && target.to > target.from) ||
      (target.direction === 'increase' && target.to < target.from);
    if (bad) {
      const down = target.direction === 'decrease';
      const verb = down ? 'giảm' : 'tăng';
      const relation = t(lang, down ? 'rule.target-sanity.higher' : 'rule.target-sanity.lower');
      yield context.report({
        ...at,
        messageId: 'contradiction',
        data: { raw: target.raw, verb, relation, from: fmt(target.from), to: fmt(target.to) },
      });
    }
  }

  if ((target.kind === 'ratio' || target.kind === 'rate') && target.base !== null) {
    const convention = bases.find((b) => b.keywords.some((k) => lowerText.includes(k)));
    if (convention && convention.base !== target.base) {
      const written = target.unit?.includes('/')
        ? `${fmt(target.base)} ${target.unit.split('/')[1]}`
        : fmt(target.base);
      yield context.report({
        ...at,
        messageId: 'oddBase',
        data: {
          raw: target.raw,
          name: convention.name,
          base: fmt(convention.base),
          baseUnit: convention.baseUnit,
          written,
        },
      });
    }
  }

  if (
    target.kind === 'percent' &&
    target.value !== null &&
    target.value > 100 &&
    !relativeChange(indicator.text, range)
  ) {
    yield context.report({ ...at, messageId: 'percentOver100', data: { raw: target.raw } });
  }
}

/** Local targets weaker than the implemented catalogue's target for the same indicator and year. */
function* weakerThanCatalogue(
  plan: Plan,
  goal: Goal,
  indicator: Indicator,
  implemented: NonNullable<ReturnType<typeof catalogueOfPlan>>,
  context: Context,
): Generator<LintMessage> {
  const { minSimilarity } = context.options;
  const expected = implemented.goals
    .find((g) => g.index === goal.index)
    ?.indicators.find((i) => i.index === indicator.index);
  if (!expected || similarity(indicator.text, expected.text) < minSimilarity) return;
  const year = yearOfText(indicator.text) ?? plan.meta.planYear;
  if (year === null) return;
  for (const { local, expected: goalTarget } of targetPairs(
    indicator.text,
    indicator.targets,
    expected,
    year,
  )) {
    if (!sameScale(local, goalTarget)) continue;
    const aim = aimOf(local);
    if (aim === null) continue;
    const weaker = higherIsBetter(goalTarget) ? aim < goalTarget.value : aim > goalTarget.value;
    if (!weaker) continue;
    const range = rangeOf(indicator, local.raw);
    yield context.report({
      node: indicator,
      ...(range ? { range } : {}),
      messageId: 'weakerThanCatalogue',
      data: {
        raw: local.raw,
        year,
        catalogue: implemented.title,
        expected: `${fmt(goalTarget.value)}${goalTarget.unit === '%' ? '%' : goalTarget.unit ? ` ${goalTarget.unit}` : ''}`,
        goal: goal.index,
        indicator: indicator.index,
      },
    });
  }
}
