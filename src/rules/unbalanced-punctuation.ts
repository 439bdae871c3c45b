/**
 * unbalanced-punctuation: curly quotes “ ” and parentheses ( ) that do not pair up within one
 * paragraph (an item, a table cell, a line). Straight double quotes are checked by their count.
 *
 * A ")" with no "(" before it is a list label, not a slip, when it closes one letter or a number of
 * one or two digits at the start of the text or after "; ", ", ", ": " ("a)", "đ)", "1)", "… gồm: 1) …; 2) …").
 */
import { z } from 'zod';
import { textNodes } from './util.js';
import { defineRule, type LintMessage } from './types.js';
import { execAll } from '../util/regex.js';
import { squash } from '../util/whitespace.js';

/** "a)", "đ)", "12)" at the start or after ";", ",", ":" (spaces allowed). */
const LABEL_BEFORE = /(?:^|[;,:]\s*|\n\s*)(?:\p{L}|\d{1,2})$/u;
const CONTEXT = 40;

/** [from, from + ~CONTEXT) ending at a word edge. */
function after(text: string, from: number): [number, number] {
  let end = Math.min(text.length, from + CONTEXT);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > from + 1) end = space;
  }
  return [from, end];
}

/** [~to - CONTEXT, to) starting at a word edge. */
function before(text: string, to: number): [number, number] {
  let start = Math.max(0, to - CONTEXT);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < to - 1) start = space + 1;
  }
  return [start, to];
}

const flat = (text: string) => squash(text);

interface Mark {
  index: number;
  char: string;
}

export const rule = defineRule({
  meta: {
    id: 'unbalanced-punctuation',
    defaultSeverity: 'warning',
    description: {
      vi: 'Dấu ngoặc kép “ ” hoặc ngoặc đơn ( ) không đóng mở thành cặp trong một đoạn',
      en: 'Curly quotes “ ” or parentheses ( ) that do not pair up within a paragraph',
    },
    docs: {
      vi:
        'Báo dấu mở “ hoặc ( không có dấu đóng tương ứng trong cùng đoạn (mục, ô bảng, dòng), và dấu đóng ” hoặc ) không có dấu mở; ' +
        'dấu ngoặc kép thẳng " được kiểm tra theo số lượng (phải chẵn). Nhãn danh sách như "a)", "đ)", "1)" ở đầu đoạn hoặc sau "; ", ", ", ": " không bị tính. ' +
        'Thường do sửa dở câu trích dẫn tên chương trình, đề án: người đọc không biết tên kết thúc ở đâu.',
      en:
        'Reports an opening “ or ( with no matching closer in the same paragraph (item, table cell, line), and a closing ” or ) with no opener; ' +
        'straight double quotes " are checked by their count (it must be even). List labels such as "a)", "đ)", "1)" at the start or after "; ", ", ", ": " are not counted. ' +
        'Usually an unfinished edit of a quoted programme or project name: the reader cannot tell where the name ends.',
      wrong: [
        'Thực hiện Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ phê duyệt Chương trình “Tăng cường sự tham gia bình đẳng của phụ nữ giai đoạn 2021 - 2030; Nghị định số 125/2021/NĐ-CP.',
        'Từ nguồn kinh phí Trung ương hỗ trợ (nếu có; nguồn ngân sách địa phương.',
      ],
      right: [
        'Thực hiện Quyết định số 2282/QĐ-TTg ngày 31/12/2020 phê duyệt Chương trình “Tăng cường sự tham gia bình đẳng của phụ nữ giai đoạn 2021 - 2030”; Nghị định số 125/2021/NĐ-CP.',
        {
          text: 'Nội dung gồm: a) tuyên truyền; b) tập huấn (02 lớp); c) kiểm tra.',
          note: { vi: 'Nhãn "a)", "b)", "c)" trong câu không phải dấu ngoặc thiếu cặp.', en: 'Inline labels "a)", "b)", "c)" are not unpaired parentheses.' },
        },
      ],
    },
    options: z.object({
      /** Check straight double quotes (") by their count. */
      straightQuotes: z.boolean().default(true),
    }),
    messages: {
      unclosed: {
        vi: 'Dấu mở {char} ở "{context}" không có dấu đóng {closer} trong cùng đoạn; thêm {closer} ở cuối phần được trích/chú thích',
        en: 'The opening {char} at "{context}" has no closing {closer} in the same paragraph; add {closer} where the quoted or bracketed part ends',
      },
      unopened: {
        vi: 'Dấu đóng {char} ở "{context}" không có dấu mở {opener} trước nó trong cùng đoạn; thêm {opener} hoặc bỏ {char}',
        en: 'The closing {char} at "{context}" has no opening {opener} before it in the same paragraph; add {opener} or remove {char}',
      },
      quoteRunsOn: {
        vi: 'Dấu mở “ ở "{context}" có vẻ chưa được đóng: phần trong ngoặc kép chạy qua "{boundary}" (một văn bản khác) rồi mới gặp ” ở "{closing}"; thêm ” ở cuối tên được trích',
        en: 'The opening “ at "{context}" looks unclosed: the quotation runs across "{boundary}" (another document) before meeting ” at "{closing}"; add ” where the quoted name ends',
      },
      oddStraightQuotes: {
        vi: 'Đoạn có {count} dấu ngoặc kép thẳng ("), số lẻ: dấu ở "{context}" không có cặp',
        en: 'The paragraph has {count} straight double quotes ("), an odd number: the one at "{context}" has no partner',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    // "; Nghị định số 125…": a new citation inside a quotation means the quotation was not closed.
    const types = context.registries.documentTypes.entries.map((entry) => entry.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const boundary = new RegExp(`;\\s+(?:${types.join('|')})\\s+(?:số\\s+)?\\d+[\\p{L}\\d/.\\-–]*`, 'u');
    const pairs = [
      { open: '“', close: '”' },
      { open: '(', close: ')' },
    ];
    // Nơi nhận lines may share one bracket across lines ("- Bộ A; (Để" … "- Bộ B; báo cáo)").
    // Counted once per plan (not per line: a long Nơi nhận block made this quadratic).
    const recipients = (plan.recipients?.items ?? []).map((line) => line.text).join('\n');
    const count = (char: string) => recipients.split(char).length - 1;
    const balanced = new Map(pairs.map(({ open, close }) => [open, count(open) === count(close)]));
    const balancedAcross = (open: string) => balanced.get(open) === true;
    for (const { node, kind: nodeKind } of textNodes(plan)) {
      const text = node.text;
      if (!/[“”()"]/.test(text)) continue;
      const runsOn: { opener: Mark; closer: number; boundary: string }[] = [];
      const found: { mark: Mark; kind: 'unclosed' | 'unopened'; open: string; close: string }[] = [];
      for (const { open, close } of pairs) {
        if (nodeKind === 'recipient' && balancedAcross(open)) continue;
        const stack: Mark[] = [];
        for (let i = 0; i < text.length; i++) {
          const char = text[i]!;
          if (char === open) stack.push({ index: i, char });
          else if (char === close) {
            if (stack.length) {
              const opener = stack.pop()!;
              const inside = open === '“' ? boundary.exec(text.slice(opener.index, i)) : null;
              if (inside) runsOn.push({ opener, closer: i, boundary: inside[0].slice(1).trim() });
            }
            else if (close === ')' && LABEL_BEFORE.test(text.slice(Math.max(0, i - 6), i))) continue;
            else found.push({ mark: { index: i, char }, kind: 'unopened', open, close });
          }
        }
        for (const mark of stack) found.push({ mark, kind: 'unclosed', open, close });
      }
      found.sort((a, b) => a.mark.index - b.mark.index);
      for (const { mark, kind, open, close } of found) {
        const range = kind === 'unclosed' ? after(text, mark.index) : before(text, mark.index + 1);
        const quoted = flat(text.slice(range[0], range[1]));
        yield context.report({
          node,
          range,
          messageId: kind,
          data: { char: mark.char, closer: close, opener: open, context: kind === 'unclosed' ? `${quoted}…` : `…${quoted}` },
        });
      }
      for (const run of runsOn) {
        const range = after(text, run.opener.index);
        const closing = before(text.slice(0, run.closer + 1), run.closer + 1);
        yield context.report({
          node,
          range,
          messageId: 'quoteRunsOn',
          data: {
            context: `${flat(text.slice(range[0], range[1]))}…`,
            boundary: run.boundary,
            closing: `…${flat(text.slice(closing[0], closing[1]))}`,
          },
        });
      }
      if (context.options.straightQuotes) {
        const quotes = execAll(/"/g, text).map((m) => m.index);
        if (quotes.length % 2 === 1) {
          const last = quotes[quotes.length - 1]!;
          const range = after(text, last);
          yield context.report({
            node,
            range,
            messageId: 'oddStraightQuotes',
            data: { count: quotes.length, context: `${flat(text.slice(range[0], range[1]))}…` },
          });
        }
      }
    }
  },
});

export default rule;
