/**
 * The domain data handed to lint rules as `context.registries`: one typed, lazily loaded entry
 * per data file (a rule that does not read a registry never loads its file). Later issues add
 * their catalogues here (indicators, agencies …).
 */
import { z } from 'zod';
import { ConfidenceSchema, loadDataFile } from './index.js';

export const FunctionWordsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z
    .array(
      z.object({
        word: z.string().min(1).refine((w) => w === w.normalize('NFC') && w === w.toLowerCase() && !/\s/.test(w), {
          message: 'one lower-case NFC word',
        }),
        class: z.enum(['quan hệ từ', 'lượng từ', 'phụ từ']),
        source: z.string().min(1),
        confidence: ConfidenceSchema,
      }),
    )
    .min(1),
});
export type FunctionWords = z.infer<typeof FunctionWordsSchema>;

export interface Registries {
  /** Function words that are never typed twice in a row (rule repeated-phrase). */
  readonly functionWords: FunctionWords;
}

/** The registries read from src/data, each file loaded and validated on first access. */
export function loadRegistries(): Registries {
  let functionWords: FunctionWords | undefined;
  return {
    get functionWords() {
      return (functionWords ??= loadDataFile('function-words.json', FunctionWordsSchema));
    },
  };
}

/** Registries for tests: the real ones with some entries replaced. */
export function withRegistries(overrides: Partial<Registries>): Registries {
  const base = loadRegistries();
  return new Proxy(base, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key in overrides) return overrides[key as keyof Registries];
      return Reflect.get(target, key, receiver);
    },
  });
}
