/**
 * missing-appendix: the text relies on an appendix ("phụ lục kèm theo", "Phụ lục I") that the
 * document does not contain. The Plan builder finds the references (appendixRefs, outside the
 * appendices themselves) and the appendices (headed "PHỤ LỤC …").
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import { textNodes } from './util.js';
import type { Plan } from '../plan/schema.js';

const roman = (label: string) => label.trim().toUpperCase().replace(/[.:]$/, '');

/**
 * An appendix the tree did not take as one: a paragraph opening with "PHỤ LỤC" in capitals or a
 * "(Kèm theo Kế hoạch …)" line (an appendix after a Nơi nhận/signature block the tree missed).
 */
function appendixInText(plan: Plan, words: readonly string[]): boolean {
  const heading = new RegExp(`^\\s*(?:${words.map((w) => w.toUpperCase()).join('|')})(?:\\s|$)`, 'u');
  for (const { node } of textNodes(plan)) {
    if (heading.test(node.text) || /\(\s*Kèm theo\s+\p{L}+/u.test(node.text)) return true;
  }
  return false;
}

export const rule = defineRule({
  meta: {
    id: 'missing-appendix',
    defaultSeverity: 'warning',
    description: {
      vi: 'Văn bản dẫn đến phụ lục ("phụ lục kèm theo", "Phụ lục I") mà không có phụ lục đó',
      en: 'The text refers to an appendix ("phụ lục kèm theo", "Phụ lục I") the document does not contain',
    },
    docs: {
      vi:
        'Báo khi nội dung dẫn đến một phụ lục ("theo phụ lục kèm theo", "chi tiết tại Phụ lục II") mà văn bản không có phụ lục nào, ' +
        'hoặc không có phụ lục mang số đó. Theo Nghị định 30/2020/NĐ-CP, Phụ lục I, phụ lục kèm theo văn bản phải có tiêu đề ' +
        '"PHỤ LỤC" và dòng "(Kèm theo … số …)"; khi có từ hai phụ lục trở lên thì đánh số La Mã.',
      en:
        'Reports a reference to an appendix ("theo phụ lục kèm theo", "chi tiết tại Phụ lục II") when the document has no appendix, ' +
        'or none with that number. Per Decree 30/2020/NĐ-CP, Annex I, an appendix is headed "PHỤ LỤC" with a "(Kèm theo … số …)" line, ' +
        'numbered in Roman numerals when there are two or more.',
      wrong: [
        'KẾ HOẠCH\nTriển khai công tác bình đẳng giới năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Các phòng, ban triển khai các nhiệm vụ theo phụ lục kèm theo Kế hoạch này.',
      ],
      right: [
        'KẾ HOẠCH\nTriển khai công tác bình đẳng giới năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Các phòng, ban triển khai các nhiệm vụ được giao tại Kế hoạch này.',
      ],
    },
    options: z.object({}),
    messages: {
      noAppendix: {
        vi: 'Văn bản dẫn đến "{ref}" nhưng không có phụ lục nào kèm theo: thêm phụ lục (tiêu đề "PHỤ LỤC", dòng "(Kèm theo …)") hoặc bỏ câu dẫn',
        en: 'The text refers to "{ref}" but no appendix is attached: add it (headed "PHỤ LỤC" with a "(Kèm theo …)" line) or drop the reference',
      },
      unknownAppendix: {
        vi: 'Văn bản dẫn đến "{ref}" nhưng không có phụ lục {label}; các phụ lục hiện có: {labels}',
        en: 'The text refers to "{ref}" but there is no appendix {label}; the appendices: {labels}',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    if (plan.appendixRefs.length === 0) return;
    if (plan.appendices.length === 0) {
      if (appendixInText(plan, context.registries.documentParts.appendixWords.words)) return;
      for (const ref of plan.appendixRefs) {
        yield context.report({ position: ref.position, excerpt: ref.raw, messageId: 'noAppendix', data: { ref: ref.raw } });
      }
      return;
    }
    const labels = new Set(plan.appendices.map((appendix) => (appendix.label ? roman(appendix.label) : '')));
    // A single unnumbered appendix answers any reference.
    if (labels.has('') && plan.appendices.length === 1) return;
    for (const ref of plan.appendixRefs) {
      if (ref.label === null || labels.has(roman(ref.label))) continue;
      yield context.report({
        position: ref.position,
        excerpt: ref.raw,
        messageId: 'unknownAppendix',
        data: { ref: ref.raw, label: ref.label, labels: [...labels].filter(Boolean).join(', ') || '—' },
      });
    }
  },
});

export default rule;
