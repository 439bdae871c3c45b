/**
 * required-sections: a plan (Kế hoạch) has its purpose/requirements, tasks, budget and
 * organization sections. The kinds are those the Plan builder gives each numbered section from
 * its heading (src/data/section-kinds.json); the required set is an option.
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import { textNodes } from './util.js';
import { SectionKindSchema } from '../plan/schema.js';
import { execAll } from '../util/regex.js';
import { t } from '../i18n/index.js';

export const rule = defineRule({
  meta: {
    id: 'required-sections',
    defaultSeverity: 'warning',
    description: {
      vi: 'Kế hoạch có đủ các phần mục đích, yêu cầu; nhiệm vụ; kinh phí; tổ chức thực hiện',
      en: 'A plan has its purpose, tasks, budget and organization sections',
    },
    docs: {
      vi:
        'Một Kế hoạch cần nêu mục đích, yêu cầu; nhiệm vụ (nội dung, giải pháp); kinh phí thực hiện và tổ chức thực hiện ' +
        '(bố cục kế hoạch theo mẫu của Nghị định 30/2020/NĐ-CP, Phụ lục III; các kế hoạch mẫu trong fixtures). ' +
        'Loại của mỗi phần La Mã được nhận từ tiêu đề theo từ khóa trong src/data/section-kinds.json. ' +
        'Phần mục tiêu ("MỤC TIÊU") được coi như phần mục đích. Chỉ áp dụng cho văn bản là Kế hoạch, khi các phần La Mã đọc được chắc chắn (I, II, III … liền nhau). ' +
        'Mặc định bắt buộc: mục đích, nhiệm vụ, tổ chức thực hiện. Phần kinh phí không bắt buộc mặc định: trong kho văn bản thật (shared/corpus), chỉ 9 trong 41 kế hoạch có phần kinh phí riêng — ' +
        'kế hoạch của Mặt trận, của tiểu ban bầu cử dùng kinh phí của cơ quan khác, kế hoạch của Thủ tướng, của bộ nêu nguồn lực trong phần khác; bật lại bằng tùy chọn. ' +
        'Tùy chọn: kinds — danh sách phần bắt buộc (purpose, goals, tasks, budget, organization, reporting).',
      en:
        'A plan states its purpose and requirements, its tasks (content, solutions), its budget and who carries it out ' +
        '(the plan layout of Decree 30/2020/NĐ-CP, Annex III; the seed plans). Each Roman-numbered section gets its kind from ' +
        'its heading by the keywords of src/data/section-kinds.json; a goals section (MỤC TIÊU) counts as the purpose. Applies to plans only. ' +
        'Only when the Roman-numbered sections were read with confidence (I, II, III … in order). By default a plan needs its purpose, tasks and organization sections. ' +
        'The budget section is not required by default: in the real documents (shared/corpus) only 9 of 41 plans have one — plans of the Fatherland Front or of an election sub-committee are paid ' +
        "from another body's budget, plans of the Prime Minister or a ministry state their resources elsewhere; switch it on with the option. " +
        'Option: kinds — the required sections (purpose, goals, tasks, budget, organization, reporting).',
      wrong: [
        'KẾ HOẠCH\nTổ chức Tháng hành động vì bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức.\n\nII. NỘI DUNG\n\n1. Tuyên truyền.\n\nIII. KINH PHÍ THỰC HIỆN\n\nTừ ngân sách tỉnh.',
      ],
      right: [
        'KẾ HOẠCH\nTổ chức Tháng hành động vì bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức.\n\nII. NỘI DUNG\n\n1. Tuyên truyền.\n\nIII. KINH PHÍ THỰC HIỆN\n\nTừ ngân sách tỉnh.\n\nIV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Văn hóa chủ trì.',
        {
          text: 'KẾ HOẠCH\nTổ chức Tháng hành động vì bình đẳng giới năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức.\n\nII. NỘI DUNG\n\n1. Tuyên truyền.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Văn hóa chủ trì.',
          note: {
            vi: 'Phần kinh phí không bắt buộc mặc định.',
            en: 'The budget section is not required by default.',
          },
        },
      ],
    },
    options: z.object({
      /** The section kinds a plan must have. */
      kinds: z.array(SectionKindSchema.exclude(['other'])).default(['purpose', 'tasks', 'organization']),
    }),
    messages: {
      missingSection: {
        vi: 'Kế hoạch "{title}" thiếu phần "{name}" ({kind}; thêm một mục La Mã với tiêu đề như "{heading}"); các phần hiện có: {present}',
        en: 'The plan "{title}" has no {kind} section ("{name}": add a Roman-numbered section headed like "{heading}"); its sections: {present}',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    // A plan the builder recognised (a type line or numbered sections); document-header speaks
    // for a text that is neither.
    if (!plan.meta.isPlan || (plan.meta.docType === null && plan.sections.length === 0)) return;
    // Only sections read with confidence (I, II, III … from I, no gap or repeat), of a plan's own
    // body or the plan a decision attaches (notes/STRUCTURE-CONFIDENCE.md).
    if (
      plan.structure &&
      (plan.structure.uncertain.includes('sections') || !['plan', 'attached'].includes(plan.structure.body))
    )
      return;
    const present = new Set<string>(plan.sections.map((section) => section.kind));
    // "I. MỤC TIÊU" states what the plan is for as well as "I. MỤC ĐÍCH, YÊU CẦU" does.
    if (present.has('goals')) present.add('purpose');
    // A Roman heading glued to a stray page number ("11\nIII. KINH PHÍ THỰC HIỆN") stays inside the
    // item before it in the tree (a text-parser limitation): its kind is still present.
    let swallowedHeadings: string[] | null = null;
    const swallowed = (): string[] => {
      if (swallowedHeadings) return swallowedHeadings;
      swallowedHeadings = [];
      for (const { node } of textNodes(plan)) {
        if (!/\d\s+[IVX]/.test(node.text)) continue;
        for (const m of execAll(/(?:^|\n)\d{1,3}\s+[IVX]{1,5}\.\s+([^\n]+)/gu, node.text))
          swallowedHeadings.push(m[1]!.toLowerCase());
      }
      return swallowedHeadings;
    };
    const list = plan.sections.map((section) => `${section.numeral}. ${section.heading}`).join('; ');
    const title = plan.meta.title ?? plan.meta.docType ?? '';
    const keywords = new Map(
      context.data.sectionKinds.entries.map((entry) => [entry.kind as string, entry.keywords]),
    );
    for (const kind of new Set(context.options.kinds)) {
      if (present.has(kind)) continue;
      if (
        swallowed().some((heading) =>
          (keywords.get(kind) ?? []).some((word) => heading.startsWith(word.toLowerCase())),
        )
      )
        continue;
      yield context.report({
        messageId: 'missingSection',
        data: {
          title: title.length > 60 ? `${title.slice(0, 59)}…` : title,
          kind,
          name: (keywords.get(kind) ?? [kind]).slice(0, 1).join(', '),
          heading: (keywords.get(kind) ?? [kind]).slice(0, 1).join(', ').toUpperCase(),
          present: list || t(context.lang, 'rule.none'),
        },
      });
    }
  },
});

export default rule;
