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
  formWords: wordList,
});
export type BodyParts = z.infer<typeof BodyPartsSchema>;

let cached: BodyParts | null = null;
export function bodyParts(): BodyParts {
  return (cached ??= loadDataFile('body-parts.json', BodyPartsSchema));
}
