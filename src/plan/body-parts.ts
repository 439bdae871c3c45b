/**
 * The words that open parts of a document's body (articles, chapters, attached documents, forms):
 * src/data/body-parts.json, validated here.
 */
import { z } from 'zod';
import { ConfidenceSchema, loadDataFile } from '../data/index.js';

const wordList = z.object({ words: z.array(z.string().min(1)).min(1), source: z.string().min(1), confidence: ConfidenceSchema });

export const BodyPartsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  articleWords: wordList,
  chapterWords: wordList,
  attachedBasis: wordList,
  attachedTypes: wordList,
  signerPrefixes: wordList,
  formWords: wordList,
});
export type BodyParts = z.infer<typeof BodyPartsSchema>;

let cached: BodyParts | null = null;
export function bodyParts(): BodyParts {
  return (cached ??= loadDataFile('body-parts.json', BodyPartsSchema));
}

export const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let articleRe: RegExp | null = null;
/** "Điều 1. Phạm vi …", "Điều 2: …", "Điều 3 Chánh Văn phòng …". */
export const ARTICLE = () =>
  (articleRe ??= new RegExp(`^(?:${bodyParts().articleWords.words.map(escape).join('|')})\\s+(\\d{1,3})(?:\\s*[.:](?=\\s|$)|(?=\\s+\\p{Lu})|\\s*$)`, 'u'));
let chapterRe: RegExp | null = null;
/** "Chương I", "Phần thứ nhất" is left out: chapters and parts numbered as the decree numbers them. */
export const CHAPTER = () =>
  (chapterRe ??= new RegExp(`^(?:${bodyParts().chapterWords.words.map(escape).join('|')})\\s+(?:[IVXLC]+|\\d{1,2})(?![\\p{L}\\d])`, 'iu'));

/** A line that opens an article or a chapter ("Điều 3. …", "Chương II"): it starts a paragraph. */
export function opensArticleOrChapter(text: string): boolean {
  const t = text.replace(/^[*_\s]+/u, '');
  return ARTICLE().test(t) || CHAPTER().test(t);
}
