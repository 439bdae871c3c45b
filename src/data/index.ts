/**
 * Domain registries: versioned JSON files beside this module, each entry with its source and a
 * confidence mark ([V] verified in the source named, [S] secondary source, [M] remembered), all
 * validated by zod when first used. Rules and the Plan builder read facts from here, never from
 * literals in their own code.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const ConfidenceSchema = z.enum(['V', 'S', 'M']);
const sourced = { source: z.string().min(1), confidence: ConfidenceSchema };

export const DocumentTypesSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(z.object({ name: z.string().min(1), abbreviation: z.string().nullable(), ...sourced })).min(1),
});

export const SectionKindsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(
    z.object({
      kind: z.enum(['purpose', 'goals', 'tasks', 'budget', 'organization', 'reporting']),
      keywords: z.array(z.string().min(1)).min(1),
      ...sourced,
    }),
  ),
});

export const AgencyAbbreviationsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(z.object({ abbreviation: z.string().min(1), expansion: z.string().min(1), ...sourced })),
});

export const AdminLevelsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  levels: z.array(z.object({ level: z.enum(['tỉnh', 'huyện', 'xã']), words: z.array(z.string().min(1)), ...sourced })),
  centralCities: z.array(z.object({ name: z.string().min(1), ...sourced })),
});

/**
 * The JSON files live in src/data and are shipped with the package ("files"); the compiled
 * module in dist/data finds them there.
 */
const DATA_DIR = new URL('../../src/data/', import.meta.url);

export class DataError extends Error {
  constructor(file: string, detail: string) {
    super(`data file src/data/${file} is invalid: ${detail}`);
    this.name = 'DataError';
  }
}

export function loadDataFile<T>(file: string, schema: z.ZodType<T>): T {
  const text = readFileSync(new URL(file, DATA_DIR), 'utf8');
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) throw new DataError(file, z.prettifyError(result.error));
  return result.data;
}

const cache = new Map<string, unknown>();
function cached<T>(file: string, schema: z.ZodType<T>): () => T {
  return () => {
    if (!cache.has(file)) cache.set(file, loadDataFile(file, schema));
    return cache.get(file) as T;
  };
}

export const documentTypes = cached('document-types.json', DocumentTypesSchema);
export const sectionKinds = cached('section-kinds.json', SectionKindsSchema);
export const agencyAbbreviations = cached('agency-abbreviations.json', AgencyAbbreviationsSchema);
export const adminLevels = cached('admin-levels.json', AdminLevelsSchema);

const wordList = z.object({ words: z.array(z.string().min(1)).min(1), ...sourced });
export const DocumentPartsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  motto: z.object({ nation: z.string(), slogan: z.string(), ...sourced }),
  preambleStarters: wordList,
  closingStarters: wordList,
  recipientsHeading: wordList,
  authorityPrefixes: wordList,
  appendixWords: wordList,
});
export const documentParts = cached('document-parts.json', DocumentPartsSchema);

/** src/data/header-words.json: words the header reader recognises header parts by. */
export const HeaderWordsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  partyMotto: wordList,
  letterSubject: wordList,
  bodies: z.array(
    z.object({
      words: z.array(z.string().min(1)).min(1),
      /** The level every document of such a body has; null: the level of its locality or parent. */
      level: z.enum(['trung ương', 'tỉnh', 'huyện', 'xã']).nullable(),
      /** How the body qualifies a body under it: by its locality, by its whole name, or by a fixed word. */
      parentAs: z.string().min(1),
      /** A generic head that takes a name after it ("Bộ" Tài chính, "Cục" Thuế): the next word never opens another body. */
      needsName: z.boolean(),
      ...sourced,
    }),
  ),
  authorityWords: wordList,
  titleConnectors: wordList,
});
export const headerWords = cached('header-words.json', HeaderWordsSchema);

export const AgencyHeadsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(z.object({ words: z.array(z.string().min(1)).min(1), ...sourced })),
});
export const agencyHeads = cached('agency-heads.json', AgencyHeadsSchema);

export const LawNamesSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(z.object({ type: z.enum(['Luật', 'Bộ luật']), name: z.string().min(1), ...sourced })),
});
export const lawNames = cached('law-names.json', LawNamesSchema);
