/**
 * indicator-ref: every "chỉ tiêu N (của) Mục tiêu M" / "Mục tiêu M" reference checked against the
 * plan it names — this document when it defines its goals, a reference plan (kh.config.json
 * "references" or `kh lint --ref FILE`, handed in as the `references` option), or the built-in
 * catalogue of the National Strategy on Gender Equality 2021–2030 when the cited plan implements
 * it (the subject of its citation says so: "Kế hoạch số 122/KH-UBND … thực hiện Chiến lược quốc
 * gia về bình đẳng giới …").
 *
 * Reports: a goal or indicator that does not exist; a plan's own indicator numbered differently
 * from the catalogue it implements (same number, different meaning, by word overlap); one
 * indicator led by two agencies; and, when a plan assigns a catalogue's indicators, those no
 * agency is given (coverage, info). The built-in catalogue's goals 3–6 are S/M: warnings at most.
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import {
  CatalogueSchema,
  allCatalogues,
  catalogueOfPlan,
  similarity,
  type Catalogue,
} from '../domain/catalogue.js';
import { namedLeadKeys, SELF } from '../domain/matrix.js';
import { matrixOf } from './util.js';
import { t } from '../i18n/index.js';

const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function catalogueName(catalogue: Catalogue, lang: 'vi' | 'en'): string {
  if (catalogue.id === SELF) return t(lang, 'rule.this-plan');
  return catalogue.title;
}

export const rule = defineRule({
  meta: {
    id: 'indicator-ref',
    defaultSeverity: 'warning',
    description: {
      vi: 'Tham chiếu "chỉ tiêu N của Mục tiêu M" phải có thật trong kế hoạch/chiến lược được dẫn, đúng số thứ tự và chỉ một cơ quan chủ trì',
      en: 'A "chỉ tiêu N của Mục tiêu M" reference must exist in the plan or strategy it names, keep its numbering and have a single lead agency',
    },
    docs: {
      vi:
        'Kiểm tra mỗi tham chiếu "chỉ tiêu N của Mục tiêu M" hoặc "Mục tiêu M" với văn bản được dẫn: chính kế hoạch khi nó tự nêu ' +
        'mục tiêu, một kế hoạch tham chiếu (khóa "references" trong kh.config.json hoặc kh lint --ref TỆP, mọi định dạng kh đọc được), ' +
        'hoặc mặc định bộ chỉ tiêu của Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 (Nghị quyết 28/NQ-CP ngày 03/3/2021) ' +
        'khi văn bản được dẫn là kế hoạch thực hiện Chiến lược đó. Báo: mục tiêu/chỉ tiêu không tồn tại; chỉ tiêu của kế hoạch đánh số ' +
        'khác với bộ chỉ tiêu nó thực hiện (cùng số, khác nội dung, so theo từ ngữ); một chỉ tiêu có hai cơ quan chủ trì/chịu trách ' +
        'nhiệm; và các chỉ tiêu chưa giao cho cơ quan nào (thông tin). Mục tiêu 3-6 của bộ chỉ tiêu có sẵn mới ở mức S/M nên chỉ là cảnh báo.',
      en:
        'Checks each "chỉ tiêu N của Mục tiêu M" or "Mục tiêu M" reference against the document it names: the plan itself when it ' +
        'defines its goals, a reference plan (kh.config.json "references" or kh lint --ref FILE, any format kh reads), or by default ' +
        'the indicator catalogue of the National Strategy on Gender Equality 2021-2030 (Resolution 28/NQ-CP of 3 March 2021) when the ' +
        'cited plan implements that strategy. Reports a goal or indicator that does not exist; a plan indicator numbered differently ' +
        'from the catalogue it implements (same number, different meaning, by word overlap); an indicator with two lead agencies; ' +
        'and the catalogue indicators nobody is given (info). Goals 3-6 of the built-in catalogue are secondary/remembered: warnings only.',
      wrong: [
        {
          text:
            'Căn cứ Kế hoạch số 122/KH-UBND ngày 13/4/2021 của UBND tỉnh thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.\n\n' +
            'IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n- Chịu trách nhiệm theo dõi và báo cáo chỉ tiêu 7 của Mục tiêu 4 tại Kế hoạch số 122/KH-UBND ngày 13/4/2021.\n',
          note: {
            vi: 'Mục tiêu 4 của Chiến lược chỉ có 4 chỉ tiêu.',
            en: 'Goal 4 of the strategy has 4 indicators.',
          },
        },
        {
          text:
            'Căn cứ Kế hoạch số 122/KH-UBND ngày 13/4/2021 của UBND tỉnh thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.\n\n' +
            'IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Lao động - Thương binh và Xã hội\n\n- Chủ trì thực hiện chỉ tiêu 2 của Mục tiêu 3 tại Kế hoạch số 122/KH-UBND ngày 13/4/2021.\n\n' +
            '2. Sở Văn hóa, Thể thao và Du lịch\n\n- Chịu trách nhiệm theo dõi, báo cáo chỉ tiêu 2 của Mục tiêu 3 tại Kế hoạch số 122/KH-UBND ngày 13/4/2021.\n',
          note: { vi: 'Hai cơ quan cùng chủ trì một chỉ tiêu.', en: 'Two agencies lead the same indicator.' },
        },
      ],
      right: [
        {
          text:
            'Căn cứ Kế hoạch số 122/KH-UBND ngày 13/4/2021 của UBND tỉnh thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.\n\n' +
            'IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n- Chịu trách nhiệm theo dõi và báo cáo chỉ tiêu 2 của Mục tiêu 4 tại Kế hoạch số 122/KH-UBND ngày 13/4/2021.\n',
          options: { coverage: 'off' },
        },
      ],
    },
    options: z.object({
      /** Reference catalogues (filled by the CLI from kh.config.json "references" and --ref). */
      references: z.array(CatalogueSchema).default([]),
      /** Use the built-in strategy catalogue. */
      builtin: z.boolean().default(true),
      /** Report catalogue indicators nobody is given. */
      coverage: z.enum(['off', 'on']).default('on'),
      /** Below this word overlap, a plan indicator and the catalogue's indicator of the same number mean different things. */
      minSimilarity: z.number().min(0).max(1).default(0.2),
    }),
    messages: {
      unknownGoal: {
        vi: '"{raw}": {catalogue} không có Mục tiêu {goal} (chỉ có Mục tiêu {known}); sửa lại số mục tiêu',
        en: '"{raw}": {catalogue} has no goal {goal} (only goal {known}); correct the goal number',
      },
      unknownIndicator: {
        vi: '"{raw}": Mục tiêu {goal} của {catalogue} không có chỉ tiêu {indicator} (chỉ có {count} chỉ tiêu); sửa lại số chỉ tiêu',
        en: '"{raw}": goal {goal} of {catalogue} has no indicator {indicator} (only {count}); correct the indicator number',
      },
      numbering: {
        vi: 'Chỉ tiêu {indicator} của Mục tiêu {goal} ("{text}") không cùng nội dung với chỉ tiêu {indicator} của {catalogue} ("{expected}"){hint}; hãy đánh số theo bộ chỉ tiêu được thực hiện',
        en: 'Indicator {indicator} of goal {goal} ("{text}") does not mean the same as indicator {indicator} of {catalogue} ("{expected}"){hint}; number the indicators as the catalogue does',
      },
      doubleLead: {
        vi: 'Chỉ tiêu {indicator} của Mục tiêu {goal} có hai cơ quan chủ trì: {first} và {second}; chỉ giao một cơ quan chủ trì, cơ quan kia phối hợp',
        en: 'Indicator {indicator} of goal {goal} has two lead agencies: {first} and {second}; give it one lead and make the other a partner',
      },
      doubleLeadOther: {
        vi: 'cũng được giao cho {owner}',
        en: 'also given to {owner}',
      },
      coverage: {
        vi: 'Các chỉ tiêu của {catalogue} chưa được giao cho cơ quan nào: {list}; hãy phân công cơ quan chủ trì',
        en: 'Indicators of {catalogue} given to no agency: {list}; assign a lead agency',
        severity: 'info',
      },
    },
  },

  // long: one pass per catalogue: references, numbering and coverage share the catalogues resolved at its start
  *check(plan, context): Generator<LintMessage> {
    const { references, builtin, coverage, minSimilarity } = context.options;
    const lang = context.lang;
    const matrix = matrixOf(context, { references, builtin });
    const catalogues = allCatalogues(references, builtin ? context.data.strategy.catalogues : []);
    const byId = new Map<string, Catalogue>();
    for (const c of catalogues) byId.set(c.id, c);
    if (matrix.catalogue) byId.set(matrix.catalogue.id, matrix.catalogue);

    // 1. References to goals or indicators that do not exist.
    const assigned = new Map<string, Set<string>>();
    const reported = new Set<string>();
    for (const entry of matrix.entries) {
      const catalogue = byId.get(entry.catalogueId);
      if (!catalogue || !entry.ref) continue;
      const name = catalogueName(catalogue, lang);
      const goal = catalogue.goals.find((g) => g.index === entry.goal);
      const base = { node: entry.node, ...(entry.range ? { range: entry.range } : {}) } as const;
      if (!goal) {
        // "chỉ tiêu 1, 2 của Mục tiêu 8" is two references to one missing goal: one message.
        const key = `${entry.ref.position.start.line}:${entry.ref.position.start.column}:${entry.ref.raw}:${entry.goal}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const known = catalogue.goals.map((g) => g.index).join(', ');
        yield context.report({
          ...base,
          messageId: 'unknownGoal',
          data: { raw: entry.ref.raw, catalogue: name, goal: entry.goal, known },
        });
        continue;
      }
      if (entry.indicator !== null && !goal.indicators.some((i) => i.index === entry.indicator)) {
        yield context.report({
          ...base,
          messageId: 'unknownIndicator',
          data: {
            raw: entry.ref.raw,
            catalogue: name,
            goal: entry.goal,
            indicator: entry.indicator,
            count: goal.indicators.length,
          },
        });
        continue;
      }
      const set = assigned.get(catalogue.id) ?? new Set<string>();
      for (const i of goal.indicators)
        if (entry.indicator === null || entry.indicator === i.index) set.add(`${goal.index}.${i.index}`);
      assigned.set(catalogue.id, set);
    }

    // 2. The plan's own indicators against the catalogue it implements.
    if (plan.goals.length > 0) {
      const implemented = catalogueOfPlan(plan, catalogues);
      if (implemented) {
        for (const goal of plan.goals) {
          const expectedGoal = implemented.goals.find((g) => g.index === goal.index);
          if (!expectedGoal) continue;
          for (const indicator of goal.indicators) {
            const expected = expectedGoal.indicators.find((i) => i.index === indicator.index);
            if (!expected) continue;
            if (similarity(indicator.text, expected.text) >= minSimilarity) continue;
            let best: { index: number; score: number } | null = null;
            for (const other of expectedGoal.indicators) {
              const score = similarity(indicator.text, other.text);
              if (
                other.index !== indicator.index &&
                score >= 2 * minSimilarity &&
                (!best || score > best.score)
              )
                best = { index: other.index, score };
            }
            const sizes =
              goal.indicators.length === expectedGoal.indicators.length
                ? ''
                : t(lang, 'rule.indicator-ref.sizes', {
                    goal: goal.index,
                    here: goal.indicators.length,
                    catalogue: expectedGoal.indicators.length,
                  });
            const hint =
              sizes +
              (best
                ? t(lang, 'rule.indicator-ref.closer', { indicator: best.index })
                : t(lang, 'rule.indicator-ref.no-like'));
            yield context.report({
              node: indicator,
              messageId: 'numbering',
              data: {
                goal: goal.index,
                indicator: indicator.index,
                text: short(indicator.text),
                expected: short(expected.text),
                catalogue: implemented.title,
                hint,
              },
            });
          }
        }
      }
    }

    // 3. One indicator, two leads.
    for (const row of matrix.indicators) {
      const keys = namedLeadKeys(row);
      if (keys.length < 2) continue;
      const named = row.leads.filter((e) => e.ref !== undefined);
      const first = named.find((e) => e.ownerKey === keys[0])!;
      for (const key of keys.slice(1)) {
        const second = named.find((e) => e.ownerKey === key)!;
        yield context.report({
          node: second.node,
          ...(second.range ? { range: second.range } : {}),
          messageId: 'doubleLead',
          data: { goal: row.goal, indicator: row.indicator, first: first.owner, second: second.owner },
          related: [
            {
              node: first.node,
              ...(first.range ? { range: first.range } : {}),
              messageId: 'doubleLeadOther',
              data: { owner: first.owner },
            },
          ],
        });
      }
    }

    // 4. Coverage of the catalogues this plan assigns indicators of.
    if (coverage === 'on') {
      for (const [id, set] of assigned) {
        if (id === SELF) continue; // the plan's own indicators: missing-owner
        const catalogue = byId.get(id)!;
        const missing: string[] = [];
        for (const goal of catalogue.goals)
          for (const i of goal.indicators)
            if (!set.has(`${goal.index}.${i.index}`)) missing.push(`${i.index}/${goal.index}`);
        if (missing.length === 0) continue;
        const list = missing
          .map((m) => {
            const [i, g] = m.split('/');
            return t(lang, 'rule.indicator-of-goal', { indicator: i!, goal: g! });
          })
          .join(', ');
        yield context.report({ messageId: 'coverage', data: { catalogue: catalogue.title, list } });
      }
    }
  },
});
