/**
 * unbalanced-punctuation: curly quotes “ ” and parentheses ( ) that do not pair up within one
 * paragraph as written (a node, or the pieces of a hard-wrapped paragraph on consecutive lines).
 * Straight double quotes are checked by their count. Marks left over in one paragraph pair with
 * those of a later one (quotations of several paragraphs; form notes in brackets): when the
 * structure leaves a doubt, the rule stays quiet.
 *
 * A ")" with no "(" before it is a list label, not a slip, when it closes one letter or a number of
 * one or two digits at the start of the text or after "; ", ", ", ": " ("a)", "đ)", "1)", "… gồm: 1) …; 2) …").
 */
import { z } from 'zod';
import { textNodes } from './util.js';
import { defineRule, type LintMessage } from './types.js';
import type { Plan } from '../plan/schema.js';
import type { TextNode } from '../util/location.js';
import { squash } from '../util/whitespace.js';

/**
 * A list label closed by ")" — one or two letters with up to two digits ("a)", "đ)", "b2)"), a
 * Roman numeral ("III)") or numbers ("1)", "12)", "1.2)"), with an optional dot ("b1.)") —
 * standing at the start of the text or after ";", ",", ":", ".", "…", a line break, an opening
 * quote or emphasis ("“b)", "**c)", "…đ)").
 */
const LABEL_BEFORE =
  /(?:^|[;,:.…]\s*|\n\s*|[“"‘'*_]\s*)(?:\p{L}{1,2}\d{0,2}|[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2}){0,2})(?:\[\d{1,3}\])?\.?$/u;
/**
 * A letter label run into the sentence before it by a lost line break ("… pháp luật a) Là đầu
 * mối …", "… thẩm định a)[13] Binh chủng …") or listed ("tại điểm a), b), c)"): a lone letter after
 * a space, followed by a capital, a footnote mark or a list comma.
 */
const INLINE_LABEL_BEFORE = /\s\p{Ll}\d?(?:\[\d{1,3}\])?$/u;
const INLINE_LABEL_AFTER = /^(?:\s+[\p{Lu}[]|\[|[,;])/u;
const isListLabel = (text: string, close: number) =>
  LABEL_BEFORE.test(text.slice(Math.max(0, close - 12), close)) ||
  (INLINE_LABEL_BEFORE.test(text.slice(Math.max(0, close - 9), close)) &&
    INLINE_LABEL_AFTER.test(text.slice(close + 1, close + 4)));
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

/** A mark left unpaired in its paragraph. */
interface Leftover {
  run: Run;
  index: number;
  side: 'open' | 'close';
  /** A straight quote " standing for an opening “. */
  straight?: boolean;
}

/** How far apart (in lines) a bracket opened in one paragraph may close in another. */
const BRACKET_SPAN_LINES = 30;

/**
 * Pairs each closer left over in its paragraph with the nearest opener left over in an earlier
 * paragraph (at most `span` lines before it). A slip in one paragraph and another in a later one
 * pair up and go unreported: a miss, never a false alarm.
 */
function pairAcross(marks: readonly Leftover[], span: number): { unpaired: Leftover[]; paired: Leftover[] } {
  const open: Leftover[] = [];
  const unpaired: Leftover[] = [];
  const paired: Leftover[] = [];
  const line = (mark: Leftover) => mark.run.at(mark.index).node.position.start.line;
  for (const mark of marks) {
    if (mark.side === 'open') {
      open.push(mark);
      continue;
    }
    const last = open[open.length - 1];
    if (
      last &&
      (last.run !== mark.run || mark.run.uncertain || last.straight) &&
      line(mark) - line(last) <= span
    ) {
      open.pop();
      paired.push(last, mark);
      continue;
    }
    unpaired.push(mark);
  }
  unpaired.push(...open);
  return { unpaired: unpaired.sort((a, b) => a.run.order - b.run.order || a.index - b.index), paired };
}

/** A quotation of a provision: it starts with a clause or point label or "Điều N" ("“1. …", "“a) …", "“Điều 5. …"). */
const QUOTED_PROVISION = /^“[\s*_]*(?:Điều\s+\d|\d{1,3}(?:\.\d{1,3})*\.\s|\p{Ll}\d?\)\s)/u;

/**
 * One paragraph as written: the text of one node, or of several nodes on consecutive lines when
 * each but the last breaks off without ending its sentence. Hard-wrapped sources (web copies,
 * PDF text) leave some paragraphs in pieces, one per line (a Nơi nhận block, a table cell, a
 * signature block that ran on); a bracket opened on one line and closed on the next is paired.
 */
interface Run {
  /** Document order. */
  order: number;
  text: string;
  /** Cells of a flattened table: its brackets are not checked, its quotation marks only close or open others. */
  uncertain: boolean;
  straightQuotes: number[];
  at(index: number): { node: TextNode; at: number };
}

/** Ends its sentence (or its list entry): the next line is not its continuation. */
const ENDS_SENTENCE = /[.;:!?…]["”’)*_\s]*$/u;
/** A table-cell separator line of a flattened table ("|") or a text made of cells ("a | b"). */
const CELL_RULE = /^[\s|]*$/u;
const HAS_CELLS = /\s\|\s|\|\s*$/u;
/** A new list entry ("- ", "+ ", "a) ", "2. ", "(3) "): not the continuation of an open bracket. */
const LIST_START =
  /^[\s*_]*(?:[-+•]\s|(?:\p{L}{1,2}\d{0,2}|\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,5})[.)]\s|\(\d{1,2}\)\s)/u;
/** Brackets and quotations still open after `text`, starting with `open` of them. */
const depthAfter = (open: number, text: string) => {
  let n = open;
  for (const char of text)
    if (char === '(' || char === '“') n++;
    else if ((char === ')' || char === '”') && n > 0) n--;
  return n;
};

function paragraphRuns(plan: Plan): Run[] {
  const entries = [...textNodes(plan)].map(({ node }) => node);
  const page = (node: TextNode) => node.position.page ?? 0;
  entries.sort(
    (a, b) =>
      page(a) - page(b) ||
      a.position.start.line - b.position.start.line ||
      a.position.start.column - b.position.start.column,
  );
  const groups: { nodes: TextNode[]; uncertain: boolean }[] = [];
  let last: TextNode | null = null;
  /** Brackets and quotations left open by the group so far. */
  let open = 0;
  for (const node of entries) {
    if (CELL_RULE.test(node.text)) {
      last = null;
      continue;
    }
    // A text holding cells of a flattened table: which bracket belongs to which cell is unknown.
    if (HAS_CELLS.test(node.text)) {
      groups.push({ nodes: [node], uncertain: true });
      last = null;
      continue;
    }
    const adjacent =
      last !== null && page(last) === page(node) && node.position.start.line === last.position.end.line + 1;
    const afterBlank =
      last !== null && page(last) === page(node) && node.position.start.line === last.position.end.line + 2;
    const continues =
      last !== null &&
      ((adjacent && (!ENDS_SENTENCE.test(last.text) || (open > 0 && !LIST_START.test(node.text)))) ||
        // One blank line inside an open bracket (a web copy's line of emphasis): "(Ban hành … của Ủy ban" / "" / "Nghệ An)".
        (afterBlank && open > 0 && !ENDS_SENTENCE.test(last.text)));
    if (continues) groups[groups.length - 1]!.nodes.push(node);
    else {
      groups.push({ nodes: [node], uncertain: false });
      open = 0;
    }
    open = depthAfter(open, node.text);
    last = node;
  }
  return groups.map(({ nodes, uncertain }, order) => {
    const starts: number[] = [];
    let text = '';
    for (const node of nodes) {
      if (text) text += '\n';
      starts.push(text.length);
      text += node.text;
    }
    const straightQuotes: number[] = [];
    if (!uncertain)
      for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) straightQuotes.push(i);
    return {
      order,
      text,
      uncertain,
      straightQuotes,
      at(index: number) {
        let k = starts.length - 1;
        while (k > 0 && starts[k]! > index) k--;
        return { node: nodes[k]!, at: index - starts[k]! };
      },
    };
  });
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
        'Báo dấu mở “ hoặc ( không có dấu đóng tương ứng, và dấu đóng ” hoặc ) không có dấu mở; dấu ngoặc kép thẳng " được kiểm tra theo số lượng (phải chẵn). ' +
        'Một đoạn là một mục, ô bảng hay dòng, hoặc nhiều dòng liền nhau khi dòng trên chưa hết câu (văn bản sao chép từ web, PDF bị ngắt dòng cứng). ' +
        'Trích dẫn nhiều đoạn (văn bản sửa đổi: “Điều 5. … / … .”) được ghép cặp qua các đoạn; ngoặc đơn được ghép qua tối đa 30 dòng (ghi chú của biểu mẫu). ' +
        'Khi không chắc — chữ của bảng bị dàn phẳng ("a | b"), dấu mở ở đoạn này và dấu đóng ở đoạn sau — quy tắc im lặng. ' +
        'Nhãn danh sách như "a)", "đ)", "b2)", "III)", "1)", "“b)", "a[2])" không bị tính. Thường do sửa dở câu trích dẫn tên chương trình, đề án: người đọc không biết tên kết thúc ở đâu.',
      en:
        'Reports an opening “ or ( with no matching closer, and a closing ” or ) with no opener; straight double quotes " are checked by their count (it must be even). ' +
        'A paragraph is an item, a table cell or a line, or several consecutive lines when the one above breaks off mid-sentence (web copies, hard-wrapped PDF text). ' +
        "A quotation of several paragraphs (an amending text: “Điều 5. … / … .”) is paired across them; brackets across up to 30 lines (a form's note). " +
        'When unsure — the text of a flattened table ("a | b"), an opener in one paragraph and a closer in a later one — the rule stays quiet. ' +
        'List labels such as "a)", "đ)", "b2)", "III)", "1)", "“b)", "a[2])" are not counted. Usually an unfinished edit of a quoted programme or project name: the reader cannot tell where the name ends.',
      wrong: [
        'Thực hiện Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ phê duyệt Chương trình “Tăng cường sự tham gia bình đẳng của phụ nữ giai đoạn 2021 - 2030; Nghị định số 125/2021/NĐ-CP.',
        'Từ nguồn kinh phí Trung ương hỗ trợ (nếu có; nguồn ngân sách địa phương.',
      ],
      right: [
        'Thực hiện Quyết định số 2282/QĐ-TTg ngày 31/12/2020 phê duyệt Chương trình “Tăng cường sự tham gia bình đẳng của phụ nữ giai đoạn 2021 - 2030”; Nghị định số 125/2021/NĐ-CP.',
        {
          text: 'Nội dung gồm: a) tuyên truyền; b) tập huấn (02 lớp); c) kiểm tra.',
          note: {
            vi: 'Nhãn "a)", "b)", "c)" trong câu không phải dấu ngoặc thiếu cặp.',
            en: 'Inline labels "a)", "b)", "c)" are not unpaired parentheses.',
          },
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

  // long: pairing within paragraphs, then across them, shares the unpaired marks of every run
  *check(plan, context): Generator<LintMessage> {
    // "; Nghị định số 125…": a new citation inside a quotation means the quotation was not closed.
    const types = context.data.documentTypes.entries.map((entry) =>
      entry.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
    const boundary = new RegExp(`;\\s+(?:${types.join('|')})\\s+(?:số\\s+)?\\d+[\\p{L}\\d/.\\-–]*`, 'u');
    const runs = paragraphRuns(plan);
    const found: { run: Run; index: number; kind: 'unclosed' | 'unopened'; open: string; close: string }[] =
      [];
    const runsOn: { run: Run; opener: number; closer: number; boundary: string }[] = [];
    // Marks left unpaired in their paragraph, in document order, for pairing across paragraphs.
    const leftQuotes: Leftover[] = [];
    const leftBrackets: Leftover[] = [];
    for (const run of runs) {
      const text = run.text;
      if (run.uncertain) {
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '“') leftQuotes.push({ run, index: i, side: 'open' });
          else if (text[i] === '”') leftQuotes.push({ run, index: i, side: 'close' });
        }
        continue;
      }
      const stack: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const char = text[i]!;
        if (char === '(') stack.push(i);
        else if (char === ')') {
          if (stack.length) stack.pop();
          else if (!isListLabel(text, i)) leftBrackets.push({ run, index: i, side: 'close' });
        }
      }
      for (const index of stack) leftBrackets.push({ run, index, side: 'open' });
      const quotes: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const char = text[i]!;
        if (char === '“') quotes.push(i);
        else if (char === '”') {
          if (quotes.length) {
            const opener = quotes.pop()!;
            const quoted = text.slice(opener, i);
            // A quoted provision ("như sau: “1. … theo pháp luật về ngân sách; Nghị định số 27/2022/NĐ-CP; …”")
            // lists documents itself; only a quoted name running into the next citation is a slip.
            const inside = QUOTED_PROVISION.test(quoted) ? null : boundary.exec(quoted);
            if (inside) runsOn.push({ run, opener, closer: i, boundary: inside[0].slice(1).trim() });
          } else leftQuotes.push({ run, index: i, side: 'close' });
        }
      }
      // A paragraph with an odd number of straight quotes may open with " what a later ” closes.
      if (run.straightQuotes.length % 2 === 1)
        leftQuotes.push({
          run,
          index: run.straightQuotes[run.straightQuotes.length - 1]!,
          side: 'open',
          straight: true,
        });
      for (const index of quotes) leftQuotes.push({ run, index, side: 'open' });
    }
    leftQuotes.sort((a, b) => a.run.order - b.run.order || a.index - b.index);
    // Quotations: a “ left open with the next ” left unopened in a later paragraph: an amending text
    // quoting several paragraphs (“Điều 5. … / … / … .”), however long.
    const quotes = pairAcross(leftQuotes, Infinity);
    // Brackets: the same over a few lines (a form's note "(Đối với những … / A (x; y); … / - Phía Tây giáp: …).").
    const brackets = pairAcross(leftBrackets, BRACKET_SPAN_LINES);
    const straightPaired = new Set(quotes.paired.filter((mark) => mark.straight).map((mark) => mark.run));
    for (const mark of quotes.unpaired) {
      if (mark.run.uncertain || mark.straight) continue;
      found.push({
        run: mark.run,
        index: mark.index,
        kind: mark.side === 'open' ? 'unclosed' : 'unopened',
        open: '“',
        close: '”',
      });
    }
    for (const mark of brackets.unpaired) {
      found.push({
        run: mark.run,
        index: mark.index,
        kind: mark.side === 'open' ? 'unclosed' : 'unopened',
        open: '(',
        close: ')',
      });
    }

    found.sort((a, b) => a.run.order - b.run.order || a.index - b.index);
    for (const { run, index, kind, open: opener, close } of found) {
      const { node, at } = run.at(index);
      const text = node.text;
      const range = kind === 'unclosed' ? after(text, at) : before(text, at + 1);
      const quoted = flat(text.slice(range[0], range[1]));
      yield context.report({
        node,
        range,
        messageId: kind,
        data: {
          char: text[at]!,
          closer: close,
          opener,
          context: kind === 'unclosed' ? `${quoted}…` : `…${quoted}`,
        },
      });
    }
    for (const { run, opener, closer, boundary: crossed } of runsOn) {
      const start = run.at(opener);
      const end = run.at(closer);
      const range = after(start.node.text, start.at);
      const closing = before(end.node.text.slice(0, end.at + 1), end.at + 1);
      yield context.report({
        node: start.node,
        range,
        messageId: 'quoteRunsOn',
        data: {
          context: `${flat(start.node.text.slice(range[0], range[1]))}…`,
          boundary: crossed,
          closing: `…${flat(end.node.text.slice(closing[0], closing[1]))}`,
        },
      });
    }
    if (context.options.straightQuotes) {
      // A paragraph with an odd number of straight quotes is one half of a quotation over several
      // paragraphs when another such paragraph follows (or a ” closes it); only a lone one is a slip.
      const odd = runs.filter((run) => run.straightQuotes.length % 2 === 1 && !straightPaired.has(run));
      if (odd.length === 1) {
        const run = odd[0]!;
        const { node, at } = run.at(run.straightQuotes[run.straightQuotes.length - 1]!);
        const range = after(node.text, at);
        yield context.report({
          node,
          range,
          messageId: 'oddStraightQuotes',
          data: {
            count: run.straightQuotes.length,
            context: `${flat(node.text.slice(range[0], range[1]))}…`,
          },
        });
      }
    }
  },
});

export default rule;
