/**
 * missing-appendix: the text relies on an appendix ("phụ lục kèm theo", "Phụ lục I") that the
 * document does not contain. The Plan builder finds the references (appendixRefs, outside the
 * appendices themselves) and the appendices (headed "PHỤ LỤC …").
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import { textBefore, textNodes } from './util.js';
import type { AppendixRef, Plan } from '../plan/schema.js';
import type { RuleContext } from './types.js';

const roman = (label: string) => label.trim().toUpperCase().replace(/[.:]$/, '');

/**
 * An appendix the tree did not take as one: a paragraph opening with "PHỤ LỤC" in capitals or a
 * "(Kèm theo Kế hoạch …)" line (an appendix after a Nơi nhận/signature block the tree missed).
 */
function appendixInText(plan: Plan, words: readonly string[]): boolean {
  const heading = new RegExp(`^\\s*(?:${words.map((w) => w.toUpperCase()).join('|')})(?:\\s|$)`, 'u');
  for (const { node } of textNodes(plan)) {
    if (heading.test(node.text) || /\(\s*Kèm theo\s+\p{L}+/u.test(node.text)) return true;
    // A heading in sentence case: "**Phụ lục đơn giá bồi thường**" (short, no full stop).
    if (
      /^[\s*_]*Phụ lục\b/u.test(node.text) &&
      node.text.length <= 80 &&
      !/[.;:,]\s*[*_]*\s*$/u.test(node.text) &&
      !/kèm theo/iu.test(node.text)
    )
      return true;
  }
  return false;
}

/** The text after a reference in its paragraph ("ban hành kèm theo Nghị định này", "của Quyết định số …"). */
function textAfter(plan: Plan, ref: AppendixRef, chars = 80): string {
  for (const { node } of textNodes(plan)) {
    if (
      node.position.start.line > ref.position.start.line ||
      node.position.end.line < ref.position.start.line
    )
      continue;
    const at = node.text.indexOf(ref.raw);
    if (at >= 0) return node.text.slice(at + ref.raw.length, at + ref.raw.length + chars);
  }
  return '';
}

/**
 * Is the reference to an appendix of this document? Not when the words after it name another
 * document ("Phụ lục III ban hành kèm theo Nghị định số 206/2025/NĐ-CP", "Phụ lục I Thông tư số
 * 16/2025/TT-BNNMT", "Phụ lục II của Quyết định 1308/QĐ-UBND"), a document "này" of another type
 * than this one ("kèm theo Nghị định này" quoted in a Quyết định), or a contract's appendix
 * ("phụ lục hợp đồng").
 */
/** I → 1, IV → 4 …; 0 for what is not a Roman numeral. */
function romanValue(label: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  if (!/^[IVXLC]+$/u.test(label)) return 0;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const v = values[label[i]!]!;
    const next = values[label[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function ownAppendix(
  context: Pick<RuleContext, 'derived'>,
  plan: Plan,
  ref: AppendixRef,
  typeNames: readonly string[],
  ownTypes: ReadonlySet<string>,
): boolean {
  // "… của phụ lục (nếu có)": a lower-case "phụ lục" with no number and no "kèm theo" names no appendix of this text.
  if (/^phụ lục$/u.test(ref.raw.trim())) return false;
  // The label's tail ("VI.10") and the rest of a list ("Phụ lục I, Phụ lục II và Phụ lục IX ban hành kèm theo …") share what follows.
  const after = textAfter(plan, ref)
    .replace(/^[.\d]+/u, '')
    .replace(/^(?:\s*(?:,|và)\s*(?:Mục\s+\p{Lu}\s+)?Phụ\s+lục\s+(?:số\s+)?[\p{Lu}\d]+[.\d]*)+/u, '');
  if (/^\s*hợp đồng/iu.test(after)) return false;
  // A bare "Phụ lục" ("tại Phụ lục gửi kèm …") in a sentence that cites another document by its number: that document's.
  if (
    ref.label === null &&
    !/kèm/iu.test(ref.raw) &&
    /\d+\/(?:\d{4}\/)?\p{Lu}[^.;]*$/u.test(
      textBefore(context, { text: ref.raw, position: ref.position }, 200),
    )
  )
    return false;
  const tail = `${/kèm(?:\s+theo)?\s*$/iu.test(ref.raw) ? ' kèm theo' : ''}${after}`.replace(/\s+/g, ' ');
  // "kèm theo <Type> này|số …", "<Type> số …", "của <Type> …" right after the label.
  const named = new RegExp(
    `^[^.;()]{0,40}?(?:kèm(?: theo)?|của|tại|theo)?\\s*(${typeNames.join('|')})(?=[\\s,])\\s*(này|số|\\d|\\p{Lu})`,
    'iu',
  ).exec(tail);
  if (!named) return true;
  return named[2]!.toLowerCase() === 'này' && ownTypes.has(named[1]!.toLowerCase());
}

/** A document amending, replacing or repealing another (its trích yếu says so): it quotes the other one's appendices. */
function amends(plan: Plan, amending: readonly string[]): boolean {
  const title = (plan.meta.title ?? '').toLowerCase().trim();
  return amending.some(
    (w) => title.startsWith(w) || title.startsWith(`về việc ${w}`) || title.startsWith(`về ${w}`),
  );
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
        '"PHỤ LỤC" và dòng "(Kèm theo … số …)"; khi có từ hai phụ lục trở lên thì đánh số La Mã. ' +
        'Chỉ xét phụ lục của chính văn bản: không báo phụ lục của văn bản khác ("Phụ lục II ban hành kèm theo Thông tư số …", "Mẫu số 02 Phụ lục III Thông tư số …", ' +
        '"kèm theo Nghị định này" trích trong một Quyết định), "phụ lục hợp đồng", và các phụ lục nêu trong văn bản sửa đổi, bổ sung, bãi bỏ văn bản khác (là phụ lục của văn bản được sửa; src/data/rule-words.json).',
      en:
        'Reports a reference to an appendix ("theo phụ lục kèm theo", "chi tiết tại Phụ lục II") when the document has no appendix, ' +
        'or none with that number. Per Decree 30/2020/NĐ-CP, Annex I, an appendix is headed "PHỤ LỤC" with a "(Kèm theo … số …)" line, ' +
        'numbered in Roman numerals when there are two or more. Only the document\'s own appendices count: not another document\'s ("Phụ lục II ban hành kèm theo Thông tư số …", ' +
        '"Mẫu số 02 Phụ lục III Thông tư số …", "kèm theo Nghị định này" quoted in a Quyết định), not a contract\'s ("phụ lục hợp đồng"), and not those named in a document that amends, ' +
        "replaces or repeals another (the amended one's; src/data/rule-words.json).",
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
    // An amending document's "Phụ lục II", "kèm theo Thông tư này" are the amended one's (quoted): which are its own is unknown.
    if (amends(plan, context.data.ruleWords.amending.words) && plan.appendices.length === 0) return;
    const typeNames = context.data.documentTypes.entries.map((e) =>
      e.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
    const ownTypes = new Set(
      [plan.meta.docType, plan.attachment?.docType, plan.meta.isPlan ? 'Kế hoạch' : null]
        .filter((t): t is string => Boolean(t))
        .map((t) => t.toLowerCase()),
    );
    const refs = plan.appendixRefs.filter((ref) => ownAppendix(context, plan, ref, typeNames, ownTypes));
    if (refs.length === 0) return;
    if (plan.appendices.length === 0) {
      if (appendixInText(plan, context.data.documentParts.appendixWords.words)) return;
      for (const ref of refs) {
        yield context.report({
          position: ref.position,
          excerpt: ref.raw,
          messageId: 'noAppendix',
          data: { ref: ref.raw },
        });
      }
      return;
    }
    const labels = new Set(plan.appendices.map((appendix) => (appendix.label ? roman(appendix.label) : '')));
    // A single unnumbered appendix answers any reference.
    if (labels.has('') && plan.appendices.length === 1) return;
    // Appendices come in order: a missing one below the highest found is one the tree did not take as an appendix.
    const rank = (label: string) => (/^\d+$/.test(label) ? Number(label) : romanValue(label));
    const highest = Math.max(0, ...[...labels].filter(Boolean).map(rank));
    for (const ref of refs) {
      if (ref.label === null || labels.has(roman(ref.label))) continue;
      if (rank(roman(ref.label)) > 0 && rank(roman(ref.label)) < highest) continue;
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
