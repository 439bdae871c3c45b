/**
 * The domain data handed to lint rules as `context.registries`: one typed, lazily loaded entry
 * per data file (a rule that does not read a registry never loads its file). Later issues add
 * their catalogues here (indicators, agencies …).
 */
import { z } from 'zod';
import {
  ConfidenceSchema,
  documentParts,
  documentTypes,
  loadDataFile,
  sectionKinds,
  type DocumentPartsSchema,
  type DocumentTypesSchema,
  type SectionKindsSchema,
} from './index.js';
import { loadKnowledge, type Knowledge } from './knowledge.js';

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

const sourcedEntry = { source: z.string().min(1), confidence: ConfidenceSchema };

/** The header and signature form of Nghị định 30/2020 (rules document-header, signature-block, numbering). */
export const Nd30FormSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  number: z.object({ leadingZeroBelow: z.number().int(), separator: z.string().min(1), noSpaces: z.boolean(), ...sourcedEntry }),
  date: z.object({ dayLeadingZeroBelow: z.number().int(), monthsWithLeadingZero: z.array(z.number().int().min(1).max(12)), ...sourcedEntry }),
  collectiveBodies: z.array(
    z.object({ issuerCode: z.string().min(1), collective: z.string().min(1), head: z.string().min(1), deputy: z.string().min(1), ...sourcedEntry }),
  ),
  authority: z.object({ onBehalfOfCollective: z.string().min(1), forTheHead: z.string().min(1), ...sourcedEntry }),
  pointLetters: z.object({ letters: z.array(z.string().length(1)).min(1), notUsed: z.array(z.string().length(1)), ...sourcedEntry }),
});
export type Nd30Form = z.infer<typeof Nd30FormSchema>;

const nfcLower = z.string().min(1).refine((w) => w === w.normalize('NFC') && w === w.toLowerCase(), { message: 'lower-case NFC' });
const codePoint = z.string().regex(/^U\+[0-9A-F]{4,5}$/);
/** The shape of a written Vietnamese syllable (rule vietnamese-syllable). */
export const VietnameseSyllableSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  onsets: z.object({ values: z.array(nfcLower).min(1), ...sourcedEntry }),
  openRhymes: z.object({ values: z.array(nfcLower).min(1), ...sourcedEntry }),
  closedNuclei: z.object({ values: z.array(nfcLower).min(1), ...sourcedEntry }),
  codas: z.object({ values: z.array(nfcLower).min(1), ...sourcedEntry }),
  palatalCodas: z.object({ values: z.array(nfcLower).min(1), nuclei: z.array(nfcLower).min(1), ...sourcedEntry }),
  /** Onsets and codas found only in names written from minority languages (Krông, Đắk Lắk). */
  loanSpellings: z.object({ onsets: z.array(nfcLower), codas: z.array(nfcLower), ...sourcedEntry }),
  stopCodas: z.object({ values: z.array(nfcLower).min(1), tones: z.array(z.string().min(1)), ...sourcedEntry }),
  toneMarks: z.object({ marks: z.array(z.object({ name: z.string().min(1), codePoint })).length(5), ...sourcedEntry }),
  vowelMarks: z.object({ codePoints: z.array(codePoint).min(1), ...sourcedEntry }),
  invisibleCharacters: z.object({ values: z.array(z.object({ codePoint, name: z.string().min(1) })).min(1), ...sourcedEntry }),
});
export type VietnameseSyllable = z.infer<typeof VietnameseSyllableSchema>;

export interface Registries {
  /** Function words that are never typed twice in a row (rule repeated-phrase). */
  readonly functionWords: FunctionWords;
  /** Header and signature form of Nghị định 30/2020 (document-header, signature-block, numbering). */
  readonly nd30Form: Nd30Form;
  /** Onsets, rhymes, tones and invisible characters (vietnamese-syllable). */
  readonly vietnameseSyllable: VietnameseSyllable;
  /** Document types and their ký hiệu abbreviations (document-header). */
  readonly documentTypes: z.infer<typeof DocumentTypesSchema>;
  /** Keywords of section kinds (required-sections). */
  readonly sectionKinds: z.infer<typeof SectionKindsSchema>;
  /** Words opening the parts of a document: authority prefixes … (signature-block). */
  readonly documentParts: z.infer<typeof DocumentPartsSchema>;
  /** Agencies, administrative units, legal documents (defunct-agency, citation-status, kh cite). */
  readonly knowledge: Knowledge;
}

/** The registries read from src/data, each file loaded and validated on first access. */
export function loadRegistries(): Registries {
  let functionWords: FunctionWords | undefined;
  let nd30Form: Nd30Form | undefined;
  let vietnameseSyllable: VietnameseSyllable | undefined;
  return {
    get functionWords() {
      return (functionWords ??= loadDataFile('function-words.json', FunctionWordsSchema));
    },
    get nd30Form() {
      return (nd30Form ??= loadDataFile('nd30-form.json', Nd30FormSchema));
    },
    get vietnameseSyllable() {
      return (vietnameseSyllable ??= loadDataFile('vietnamese-syllable.json', VietnameseSyllableSchema));
    },
    get documentTypes() {
      return documentTypes();
    },
    get sectionKinds() {
      return sectionKinds();
    },
    get documentParts() {
      return documentParts();
    },
    get knowledge() {
      return loadKnowledge();
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
