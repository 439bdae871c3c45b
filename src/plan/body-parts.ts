/**
 * Patterns of the words that open parts of a document's body (articles, chapters, attached
 * documents, forms): src/data/body-parts.json, read through the data store.
 */
import { builtinData } from '../data/store.js';

export const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let articleRe: RegExp | null = null;
/** "Điều 1. Phạm vi …", "Điều 2: …", "Điều 3 Chánh Văn phòng …". */
export const ARTICLE = () =>
  (articleRe ??= new RegExp(
    `^(?:${builtinData.bodyParts.articleWords.words.map(escape).join('|')})\\s+(\\d{1,3})(?:\\s*[.:](?=\\s|$)|(?=\\s+\\p{Lu})|\\s*$)`,
    'u',
  ));
let chapterRe: RegExp | null = null;
/** "Chương I", "Phần thứ nhất" is left out: chapters and parts numbered as the decree numbers them. */
export const CHAPTER = () =>
  (chapterRe ??= new RegExp(
    `^(?:${builtinData.bodyParts.chapterWords.words.map(escape).join('|')})\\s+(?:[IVXLC]+|\\d{1,2})(?![\\p{L}\\d])`,
    'iu',
  ));

/** A line that opens an article or a chapter ("Điều 3. …", "Chương II"): it starts a paragraph. */
export function opensArticleOrChapter(text: string): boolean {
  const t = text.replace(/^[*_\s]+/u, '');
  return ARTICLE().test(t) || CHAPTER().test(t);
}
