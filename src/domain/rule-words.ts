/** Words rules use to tell what a passage is (src/data/rule-words.json). */
import { z } from 'zod';
import { ConfidenceSchema } from './registries.js';

const WordListSchema = z.object({
  words: z.array(z.string().min(1)).min(1),
  source: z.string().min(1),
  confidence: ConfidenceSchema,
});
export const RuleWordsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  amending: WordListSchema,
  deadlineWords: WordListSchema,
  lastingInstitutions: WordListSchema,
  collectiveOwners: WordListSchema,
  requirementOpeners: WordListSchema,
  beforeReorganisation: WordListSchema,
  headOwnName: z.object({
    types: z.array(z.string().min(1)).min(1),
    source: z.string().min(1),
    confidence: ConfidenceSchema,
  }),
});
export type RuleWords = z.infer<typeof RuleWordsSchema>;
