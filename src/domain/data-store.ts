/**
 * What the data store holds (src/data/store.ts builds it): one typed entry per shipped registry,
 * read on first use, and the knowledge registries with the user's entries (kh.config.json
 * "knowledge") merged in. Rules reach it as `context.data`; the Plan builder and the commands
 * through the store module. Only the shape is here, so rules may import it.
 */
import type { StrategyFile } from './catalogue.js';
import type { Communes2025 } from './communes.js';
import type { IssuerCodes, Programmes } from './issuers.js';
import type { Knowledge } from './knowledge.js';
import type {
  AdminLevels,
  AgencyAbbreviations,
  AgencyHeads,
  BodyParts,
  DocumentParts,
  DocumentTypes,
  FunctionWords,
  HeaderWords,
  LawNames,
  Manifest,
  Nd30Form,
  SectionKinds,
  VietnameseSyllable,
} from './registries.js';
import type { LegacyEncodings } from './legacy-encodings.js';
import type { RuleWords } from './rule-words.js';
import type { SymbolScope } from './symbol-scope.js';

/** The shipped registries, one per file of src/data. */
export interface Registries {
  /** Document types and their ký hiệu abbreviations (header reader, document-header, citations). */
  readonly documentTypes: DocumentTypes;
  /** Keywords of section kinds (structure reader, required-sections). */
  readonly sectionKinds: SectionKinds;
  readonly agencyAbbreviations: AgencyAbbreviations;
  readonly adminLevels: AdminLevels;
  /** Words opening the parts of a document: motto, preamble, authority prefixes … */
  readonly documentParts: DocumentParts;
  readonly headerWords: HeaderWords;
  readonly agencyHeads: AgencyHeads;
  readonly lawNames: LawNames;
  /** Words opening articles, chapters, attached documents and forms (body reader). */
  readonly bodyParts: BodyParts;
  /** Function words that are never typed twice in a row (repeated-phrase). */
  readonly functionWords: FunctionWords;
  /** Header and signature form of Nghị định 30/2020 (document-header, signature-block, numbering). */
  readonly nd30Form: Nd30Form;
  /** Onsets, rhymes, tones and invisible characters (vietnamese-syllable). */
  readonly vietnameseSyllable: VietnameseSyllable;
  /** Issuer codes of document symbols (header reader, citation rules). */
  readonly issuerCodes: IssuerCodes;
  /** Programme periods and the Action Month (period-consistency, stale-date). */
  readonly programmes: Programmes;
  /** Words rules use to tell what a passage is. */
  readonly ruleWords: RuleWords;
  /** Which ký hiệu groups name a national body (citation-consistency). */
  readonly symbolScope: SymbolScope;
  /** The built-in indicator catalogues and reading conventions (NQ 28/NQ-CP). */
  readonly strategy: StrategyFile;
  /** Communes gone on 01/7/2025 (large: read only when a plan names a commune-level unit). */
  readonly communes2025: Communes2025;
  /** The registries kh ships and when their facts were last checked (kh data). */
  readonly manifest: Manifest;
  /** Code charts of TCVN3 and VNI and the legacy fonts of .docx runs (the text decoder, kh convert). */
  readonly legacyEncodings: LegacyEncodings;
}

export interface DataStore extends Registries {
  /** Agencies, administrative units and legal documents, with the user's entries merged in. */
  readonly knowledge: Knowledge;
  /**
   * Something computed from the data alone (a compiled pattern, a word set, a knowledge base),
   * once per store under `key`.
   */
  derived<T>(key: string, compute: (data: DataStore) => T): T;
}
