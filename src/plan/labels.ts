/**
 * Vietnamese administrative numbering (Nghị định 30/2020/NĐ-CP, Phụ lục I): sections I., II.;
 * items 1., 2.; sub-items 1.1., a), b), … đ) …; bullets "-" and "+". Structure comes from these
 * labels, never from markdown heading levels or remark's own lists. "V/v" (về việc) in a subject
 * line is not section V.
 */
import type { LabelKind } from './schema.js';

export interface Label {
  /** The label as written, trimmed: "I.", "1.", "1.2.", "a)", "-", "+". */
  raw: string;
  kind: LabelKind;
  /** Nesting key: decimal labels nest by depth ("decimal-2" for "1.1."). */
  key: string;
  /** Numeric value of the label where it has one (I → 1, 3 → 3, c → 3 in the Vietnamese order). */
  value: number | null;
  /** Length of the label plus the white space after it, in the text. */
  length: number;
}

import { romanToNumber } from '../util/roman.js';

export { romanToNumber };

/** The Vietnamese letter sequence for sub-items: no f, j, w, z; đ after d. */
export const VIETNAMESE_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];

const LABEL =
  /^(?:(?<roman>[IVX]{1,6})\s*(?:[.:]|\/(?![vV]))(?=\s|\p{Lu})|(?<decimal>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)|(?<arabic>\d{1,2})[\uFE0F\u20E3]*\s*[.)](?=\s|\p{Lu}|\*)|(?<letter>[a-zđ])\s*\)(?=\s|\p{L})|(?<dash>[-–—•●▪◦*])(?=\s|\p{Lu})|(?<plus>\+)(?=\s|\p{L}))/u;

/** The numbering label at the start of `text`, or null. */
export function parseLabel(text: string): Label | null {
  const match = LABEL.exec(text);
  if (!match?.groups) return null;
  const g = match.groups;
  const raw = match[0].trim();
  const spaceAfter = /^\s*/.exec(text.slice(match[0].length))![0].length;
  const length = match[0].length + spaceAfter;
  if (g.roman !== undefined) {
    const value = romanToNumber(g.roman);
    if (value === null) return null;
    return { raw, kind: 'roman', key: 'roman', value, length };
  }
  if (g.decimal !== undefined) {
    const depth = g.decimal.split('.').length;
    const last = Number(g.decimal.split('.').pop());
    return { raw, kind: 'decimal', key: `decimal-${depth}`, value: last, length };
  }
  if (g.arabic !== undefined) return { raw, kind: 'arabic', key: 'arabic', value: Number(g.arabic), length };
  if (g.letter !== undefined) {
    const index = VIETNAMESE_LETTERS.indexOf(g.letter);
    return { raw, kind: 'letter', key: 'letter', value: index >= 0 ? index + 1 : null, length };
  }
  if (g.dash !== undefined) return { raw, kind: 'dash', key: 'dash', value: null, length };
  if (g.plus !== undefined) return { raw, kind: 'plus', key: 'plus', value: null, length };
  return null;
}
