/** Small helpers for Vietnamese text: case, tone-mark placement, word boundaries. */

export { squash } from '../util/whitespace.js';

/** Old vs new tone placement ("hoà"/"hòa", "thuỷ"/"thủy"): map the old style to the new. */
const OLD_STYLE: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};

/** Normalize tone placement at syllable end ("hoà" → "hòa"; "quý", "hoàng" unchanged). */
export function normalizeTones(text: string): string {
  return text.replace(/(?<![qQ])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}])/gu, (m) => OLD_STYLE[m] ?? m);
}

/** Lower case. (Vietnamese has no special casing rules, so the locale-free version is exact.) */
export function lower(text: string): string {
  return text.toLowerCase();
}

/** Has letters, none of them lower case ("KẾ HOẠCH", "I. MỤC ĐÍCH"). */
export function isUpperText(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);
}

export function capitalize(word: string): string {
  return word ? word[0]!.toLocaleUpperCase('vi') + word.slice(1) : word;
}

/** Escape a string for use in a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A regex source matching `word` as a whole word (Unicode letters around it don't count). */
export function wordPattern(word: string): string {
  return `(?<![\\p{L}\\p{N}])${escapeRegExp(word).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`;
}

/** Does `text` start with one of the words/phrases (case-insensitive, whole word)? */
export function startsWithAny(text: string, words: readonly string[]): string | null {
  const t = lower(text.replace(/^[*_#\s]+/, ''));
  for (const w of words) {
    const lw = lower(w);
    if (t.startsWith(lw) && !/[\p{L}]/u.test(t.charAt(lw.length))) return w;
  }
  return null;
}

/** Parse a Vietnamese number: "26,05" → 26.05, "100.000" → 100000, "1,6" → 1.6. */
export function parseVietnameseNumber(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d[\d.,]*$/.test(text)) return null;
  let normalized: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normalized = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d+$/.test(text)) normalized = text.replace(',', '.');
  else if (/^\d+(\.\d+)?$/.test(text)) normalized = text;
  else return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
