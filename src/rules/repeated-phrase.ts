/**
 * repeated-phrase: a phrase typed twice in a row ("ngày 19/9/2023 ngày 19/9/2023", "các các").
 *
 * Vietnamese repeats syllables on purpose (reduplication: "ngày ngày", "từ từ", "đâu đâu",
 * "xa xa") and compounds meet at word edges ("hành vi vi phạm", "liên quan quan tâm"), so:
 *  - a phrase of two or more words repeated right after itself is flagged, if it has a word with
 *    letters (numbers in a flattened table row repeat legitimately) and is not one word repeated;
 *  - a single repeated word is flagged only when it is a function word from
 *    src/data/function-words.json (của, các, và, để …), which never reduplicate.
 * The copies must be separated by spaces only: "trú, tạm trú, tạm" (a comma) is a list, not a slip.
 */
import { z } from 'zod';
import { textNodes } from './util.js';
import { defineRule, type LintMessage } from './types.js';
import type { DataStore } from '../domain/data-store.js';
import { execAll } from '../util/regex.js';
import { squash } from '../util/whitespace.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[/.,\-–][\p{L}\p{M}\p{N}]+)*/gu;
const SPACES = /^[ \t\u00A0]+$/;
const LETTER = /\p{L}/u;

interface Token {
  start: number;
  end: number;
  key: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of execAll(TOKEN, text)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, key: match[0].toLowerCase() });
  }
  return tokens;
}

/** The function words as a set (context.data.derived: built once per data store). */
function functionWords(data: DataStore): Set<string> {
  return new Set(data.functionWords.entries.map((entry) => entry.word));
}

export const rule = defineRule({
  meta: {
    id: 'repeated-phrase',
    defaultSeverity: 'warning',
    description: {
      vi: 'Cụm từ bị gõ lặp hai lần liền nhau ("ngày 19/9/2023 ngày 19/9/2023", "các các")',
      en: 'A phrase typed twice in a row ("ngày 19/9/2023 ngày 19/9/2023", "các các")',
    },
    docs: {
      vi:
        'Báo một cụm từ bị gõ lặp ngay sau chính nó, thường do sao chép, dán hoặc sửa dở. ' +
        'Tiếng Việt có nhiều từ láy hợp lệ ("ngày ngày", "từ từ", "đâu đâu", "xa xa") và nhiều chỗ hai từ ghép ' +
        'gặp nhau ("hành vi vi phạm", "liên quan quan tâm"), nên quy tắc chỉ báo cụm từ hai tiếng trở lên, ' +
        'hoặc một hư từ không bao giờ láy (của, các, và, để … — danh sách có nguồn ở src/data/function-words.json). ' +
        'Hai lần lặp phải cách nhau chỉ bằng dấu cách: "tạm trú, tạm vắng" là liệt kê. ' +
        'Tùy chọn: maxWords (độ dài cụm từ tối đa, mặc định 8), allow (các cụm từ được phép lặp).',
      en:
        'Reports a phrase typed again right after itself, usually a copy-paste or editing slip. ' +
        'Vietnamese has many legitimate reduplicatives ("ngày ngày", "từ từ", "đâu đâu", "xa xa") and compounds ' +
        'that meet at a shared syllable ("hành vi vi phạm", "liên quan quan tâm"), so the rule only reports ' +
        'phrases of two or more words, or a function word that never reduplicates (của, các, và, để … — the ' +
        'sourced list is src/data/function-words.json). The two copies must be separated by spaces only: ' +
        '"tạm trú, tạm vắng" is a list. Options: maxWords (longest phrase, default 8), allow (phrases that may repeat).',
      wrong: [
        'Hướng dẫn các Sở, ngành triển khai Công văn số 9973/UBND-XH ngày 19/9/2023 ngày 19/9/2023 của Ủy ban nhân dân tỉnh.',
        'Lồng ghép nội dung bình đẳng giới trong các các hoạt động của ngành.',
      ],
      right: [
        'Hướng dẫn các Sở, ngành triển khai Công văn số 9973/UBND-XH ngày 19/9/2023 của Ủy ban nhân dân tỉnh.',
        'Xử lý nghiêm các hành vi vi phạm pháp luật; các ngành liên quan quan tâm chỉ đạo, ngày ngày theo dõi và từ từ tháo gỡ khó khăn.',
        {
          text: 'Tổ chức tập huấn, tập huấn lại cho cán bộ cơ sở.',
          note: {
            vi: 'Hai lần cách nhau bằng dấu phẩy: liệt kê, không phải gõ lặp.',
            en: 'A comma between the copies: a list, not a slip.',
          },
        },
      ],
    },
    options: z.object({
      /** The longest phrase (in words) looked for. */
      maxWords: z.number().int().min(1).max(20).default(8),
      /** Phrases allowed to repeat (compared case-insensitively). */
      allow: z.array(z.string().min(1)).default([]),
    }),
    messages: {
      repeatedPhrase: {
        vi: 'Cụm từ "{phrase}" bị gõ lặp liền nhau',
        en: 'The phrase "{phrase}" is typed twice in a row',
      },
      repeatedWord: {
        vi: 'Từ "{phrase}" bị gõ lặp liền nhau',
        en: 'The word "{phrase}" is typed twice in a row',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    const { maxWords, allow } = context.options;
    const allowed = new Set(allow.map((phrase) => squash(phrase.toLowerCase())));
    const words = context.data.derived('repeated-phrase/function-words', functionWords);

    for (const { node } of textNodes(plan)) {
      const text = node.text;
      const tokens = tokenize(text);
      // Tokens i and i+1 are separated by spaces only.
      const joined = tokens.map(
        (token, i) => i + 1 < tokens.length && SPACES.test(text.slice(token.end, tokens[i + 1]!.start)),
      );
      const same = (a: number, b: number, n: number) => {
        for (let k = 0; k < n; k++) if (tokens[a + k]!.key !== tokens[b + k]!.key) return false;
        return true;
      };
      const spaced = (from: number, to: number) => {
        for (let k = from; k < to; k++) if (!joined[k]) return false;
        return true;
      };
      const acceptable = (i: number, n: number) => {
        const phrase = tokens.slice(i, i + n);
        if (n === 1) return words.has(phrase[0]!.key);
        if (!phrase.some((token) => LETTER.test(token.key))) return false;
        return phrase.some((token) => token.key !== phrase[0]!.key);
      };

      let i = 0;
      while (i < tokens.length) {
        let advanced = false;
        for (let n = 1; n <= maxWords && i + 2 * n <= tokens.length; n++) {
          if (!same(i, i + n, n) || !spaced(i, i + 2 * n - 1) || !acceptable(i, n)) continue;
          const phrase = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
          if (allowed.has(phrase.toLowerCase().replace(/\s+/g, ' '))) continue;
          let copies = 2;
          while (
            i + (copies + 1) * n <= tokens.length &&
            same(i, i + copies * n, n) &&
            spaced(i + copies * n - 1, i + (copies + 1) * n - 1)
          ) {
            copies++;
          }
          const end = tokens[i + copies * n - 1]!.end;
          yield context.report({
            node,
            range: [tokens[i]!.start, end],
            messageId: n === 1 ? 'repeatedWord' : 'repeatedPhrase',
            data: { phrase },
            suggestion: phrase,
            // A single word typed twice is fixed by `kh lint --fix`; a repeated phrase is left to the author.
            ...(n === 1 ? { fix: { text: phrase } } : {}),
          });
          i += copies * n;
          advanced = true;
          break;
        }
        if (!advanced) i++;
      }
    }
  },
});

export default rule;
