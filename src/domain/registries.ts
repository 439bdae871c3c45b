/**
 * The shapes of the shipped registries (src/data/*.json) that hold words and forms: zod schemas
 * and their types. Every entry has its source and a confidence mark ([V] verified in the source
 * named, [S] secondary source, [M] remembered). The files are read by the data store
 * (src/data/store.ts); this module only describes them.
 */
import { z } from 'zod';

export const ConfidenceSchema = z.enum(['V', 'S', 'M']);
const sourced = { source: z.string().min(1), confidence: ConfidenceSchema };

export const DocumentTypesSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z
    .array(z.object({ name: z.string().min(1), abbreviation: z.string().nullable(), ...sourced }))
    .min(1),
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
  levels: z.array(
    z.object({ level: z.enum(['tỉnh', 'huyện', 'xã']), words: z.array(z.string().min(1)), ...sourced }),
  ),
  centralCities: z.array(z.object({ name: z.string().min(1), ...sourced })),
});

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

export const AgencyHeadsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(z.object({ words: z.array(z.string().min(1)).min(1), ...sourced })),
});

export const LawNamesSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(z.object({ type: z.enum(['Luật', 'Bộ luật']), name: z.string().min(1), ...sourced })),
});

export const FunctionWordsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z
    .array(
      z.object({
        word: z
          .string()
          .min(1)
          .refine((w) => w === w.normalize('NFC') && w === w.toLowerCase() && !/\s/.test(w), {
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

/** The header and signature form of Nghị định 30/2020 (rules document-header, signature-block, numbering). */
export const Nd30FormSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  number: z.object({
    leadingZeroBelow: z.number().int(),
    separator: z.string().min(1),
    noSpaces: z.boolean(),
    ...sourced,
  }),
  date: z.object({
    dayLeadingZeroBelow: z.number().int(),
    monthsWithLeadingZero: z.array(z.number().int().min(1).max(12)),
    ...sourced,
  }),
  collectiveBodies: z.array(
    z.object({
      issuerCode: z.string().min(1),
      collective: z.string().min(1),
      head: z.string().min(1),
      deputy: z.string().min(1),
      ...sourced,
    }),
  ),
  authority: z.object({ onBehalfOfCollective: z.string().min(1), forTheHead: z.string().min(1), ...sourced }),
  pointLetters: z.object({
    letters: z.array(z.string().length(1)).min(1),
    notUsed: z.array(z.string().length(1)),
    ...sourced,
  }),
});
export type Nd30Form = z.infer<typeof Nd30FormSchema>;

const nfcLower = z
  .string()
  .min(1)
  .refine((w) => w === w.normalize('NFC') && w === w.toLowerCase(), { message: 'lower-case NFC' });
const codePoint = z.string().regex(/^U\+[0-9A-F]{4,5}$/);
/** The shape of a written Vietnamese syllable (rule vietnamese-syllable). */
export const VietnameseSyllableSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  onsets: z.object({ values: z.array(nfcLower).min(1), ...sourced }),
  openRhymes: z.object({ values: z.array(nfcLower).min(1), ...sourced }),
  closedNuclei: z.object({ values: z.array(nfcLower).min(1), ...sourced }),
  codas: z.object({ values: z.array(nfcLower).min(1), ...sourced }),
  palatalCodas: z.object({ values: z.array(nfcLower).min(1), nuclei: z.array(nfcLower).min(1), ...sourced }),
  /** Onsets and codas found only in names written from minority languages (Krông, Đắk Lắk). */
  loanSpellings: z.object({ onsets: z.array(nfcLower), codas: z.array(nfcLower), ...sourced }),
  stopCodas: z.object({ values: z.array(nfcLower).min(1), tones: z.array(z.string().min(1)), ...sourced }),
  toneMarks: z.object({
    marks: z.array(z.object({ name: z.string().min(1), codePoint })).length(5),
    ...sourced,
  }),
  vowelMarks: z.object({ codePoints: z.array(codePoint).min(1), ...sourced }),
  invisibleCharacters: z.object({
    values: z.array(z.object({ codePoint, name: z.string().min(1) })).min(1),
    ...sourced,
  }),
});
export type VietnameseSyllable = z.infer<typeof VietnameseSyllableSchema>;

/** src/data/body-parts.json: words that open parts of a document's body (articles, chapters, forms). */
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

/** src/data/manifest.json: the registries kh ships and when their facts were last checked (kh data). */
export const ManifestSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  registries: z.array(
    z.object({
      file: z.string().regex(/^[a-z0-9-]+\.json$/),
      title: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
      checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      checkedBy: z.string().min(1),
    }),
  ),
});

export type DocumentTypes = z.infer<typeof DocumentTypesSchema>;
export type SectionKinds = z.infer<typeof SectionKindsSchema>;
export type AgencyAbbreviations = z.infer<typeof AgencyAbbreviationsSchema>;
export type AdminLevels = z.infer<typeof AdminLevelsSchema>;
export type DocumentParts = z.infer<typeof DocumentPartsSchema>;
export type HeaderWords = z.infer<typeof HeaderWordsSchema>;
export type AgencyHeads = z.infer<typeof AgencyHeadsSchema>;
export type LawNames = z.infer<typeof LawNamesSchema>;
export type BodyParts = z.infer<typeof BodyPartsSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
