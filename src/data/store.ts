/**
 * The data store: every shipped registry (the JSON files beside this module) defined once with
 * its schema, read on first use, and the knowledge registries merged with the user's entries
 * (kh.config.json "knowledge").
 *
 * The files are validated against their schemas when kh is built and tested (`npm run build` runs
 * scripts/check-data.mjs, test/data/store.test.ts runs the same check), not on every run: a
 * shipped file must already be in its parsed form (every default written out), so at run time it
 * is only JSON.parse'd. What a user writes (config, catalogues) is still validated when read.
 *
 * The shapes are in src/domain (rules may import those; they reach the data only as
 * `context.data`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { StrategyFileSchema } from '../domain/catalogue.js';
import { Communes2025Schema, oldCommuneProblems } from '../domain/communes.js';
import type { DataStore, Registries } from '../domain/data-store.js';
import { IssuerCodesSchema, ProgrammesSchema } from '../domain/issuers.js';
import {
  AdminUnitsSchema,
  AgenciesSchema,
  LegalDocumentsSchema,
  mergeKnowledge,
  type Knowledge,
  type UserKnowledge,
} from '../domain/knowledge.js';
import {
  AdminLevelsSchema,
  AgencyAbbreviationsSchema,
  AgencyHeadsSchema,
  BodyPartsSchema,
  DocumentPartsSchema,
  DocumentTypesSchema,
  FunctionWordsSchema,
  HeaderWordsSchema,
  LawNamesSchema,
  ManifestSchema,
  Nd30FormSchema,
  SectionKindsSchema,
  VietnameseSyllableSchema,
} from '../domain/registries.js';
import { LegacyEncodingsSchema } from '../domain/legacy-encodings.js';
import { RuleWordsSchema } from '../domain/rule-words.js';
import { SymbolScopeSchema } from '../domain/symbol-scope.js';

export type { DataStore, Registries } from '../domain/data-store.js';

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

/** One shipped file: its name, its schema, and its content read on first use. */
export interface DataFile<T> {
  readonly file: string;
  readonly schema: z.ZodType<T>;
  /** Checks beyond the schema (run with it at build time): one line per problem. */
  readonly check?: (value: T) => string[];
  load(): T;
}

const definitions: DataFile<unknown>[] = [];

/** The file's bytes as shipped (the lint cache hashes them: see dataFingerprint). */
export function readDataBytes(file: string): Buffer {
  return readFileSync(new URL(file, DATA_DIR));
}

/** The file's JSON as written (no validation: see checkDataFiles). */
export function readDataJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(new URL(file, DATA_DIR), 'utf8');
  } catch (error) {
    throw new DataError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(file, (error as Error).message);
  }
}

/** Declares a shipped data file: read once, on first `load()`; validated by checkDataFiles. */
export function define<T>(file: string, schema: z.ZodType<T>, check?: (value: T) => string[]): DataFile<T> {
  let value: T | undefined;
  const definition: DataFile<T> = { file, schema, load: () => (value ??= readDataJson(file) as T) };
  if (check) Object.assign(definition, { check });
  definitions.push(definition as DataFile<unknown>);
  return definition;
}

/**
 * What is wrong with a file's JSON for its schema: invalid, not in its parsed form (run time reads
 * the JSON as it is, so a default the schema would fill in must be written out), or failing the
 * file's own check. Empty: the file may be read without validation.
 */
export function dataProblems<T>(
  raw: unknown,
  schema: z.ZodType<T>,
  check?: (value: T) => string[],
): string[] {
  const result = schema.safeParse(raw);
  if (!result.success) return [z.prettifyError(result.error)];
  const problems: string[] = [];
  if (!isDeepStrictEqual(result.data, raw))
    problems.push('differs from its parsed form: write out the defaults the schema fills in');
  if (check) problems.push(...check(result.data));
  return problems;
}

/** The build-time check: the problems of every defined file (each list empty when all is well). */
export function checkDataFiles(): { file: string; problems: string[] }[] {
  return definitions.map(({ file, schema, check }) => ({
    file,
    problems: dataProblems(readDataJson(file), schema, check),
  }));
}

/** The names of the defined files (every JSON file of src/data has one). */
export function definedDataFiles(): string[] {
  return definitions.map((d) => d.file);
}

/**
 * A hash of every defined file's name and bytes (the manifest with its versions included): what
 * the lint cache keys on, so that new data invalidates it. Computed once per process.
 */
let fingerprint: string | undefined;
export function dataFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  for (const name of definedDataFiles().sort())
    hash.update(name).update('\0').update(readDataBytes(name)).update('\0');
  return (fingerprint = hash.digest('hex'));
}

/** Every shipped registry, by the name the store gives it. */
const FILES: { readonly [K in keyof Registries]: DataFile<Registries[K]> } = {
  documentTypes: define('document-types.json', DocumentTypesSchema),
  sectionKinds: define('section-kinds.json', SectionKindsSchema),
  agencyAbbreviations: define('agency-abbreviations.json', AgencyAbbreviationsSchema),
  adminLevels: define('admin-levels.json', AdminLevelsSchema),
  documentParts: define('document-parts.json', DocumentPartsSchema),
  headerWords: define('header-words.json', HeaderWordsSchema),
  agencyHeads: define('agency-heads.json', AgencyHeadsSchema),
  lawNames: define('law-names.json', LawNamesSchema),
  bodyParts: define('body-parts.json', BodyPartsSchema),
  functionWords: define('function-words.json', FunctionWordsSchema),
  nd30Form: define('nd30-form.json', Nd30FormSchema),
  vietnameseSyllable: define('vietnamese-syllable.json', VietnameseSyllableSchema),
  issuerCodes: define('issuer-codes.json', IssuerCodesSchema),
  programmes: define('programmes.json', ProgrammesSchema),
  ruleWords: define('rule-words.json', RuleWordsSchema),
  symbolScope: define('symbol-scope.json', SymbolScopeSchema),
  strategy: define('strategy-2021-2030.json', StrategyFileSchema),
  communes2025: define('communes-2025.json', Communes2025Schema, oldCommuneProblems),
  manifest: define('manifest.json', ManifestSchema),
  legacyEncodings: define('legacy-encodings.json', LegacyEncodingsSchema),
};

const KNOWLEDGE_FILES = {
  agencies: define('agencies.json', AgenciesSchema),
  adminUnits: define('admin-units.json', AdminUnitsSchema),
  legalDocuments: define('legal-documents.json', LegalDocumentsSchema),
};

export interface DataStoreOptions {
  /** The user's knowledge entries (kh.config.json "knowledge", validated with the config). */
  knowledge?: UserKnowledge;
  /** Registries replaced by others (tests). */
  replace?: Partial<Registries>;
}

class Store {
  private readonly memo = new Map<string, unknown>();
  private merged: Knowledge | undefined;

  constructor(private readonly options: DataStoreOptions) {}

  registry<K extends keyof Registries>(key: K): Registries[K] {
    return this.options.replace?.[key] ?? FILES[key].load();
  }

  get knowledge(): Knowledge {
    return (this.merged ??= mergeKnowledge(
      {
        agencies: KNOWLEDGE_FILES.agencies.load().entries,
        adminUnits: KNOWLEDGE_FILES.adminUnits.load(),
        legalDocuments: KNOWLEDGE_FILES.legalDocuments.load().entries,
      },
      this.options.knowledge,
    ));
  }

  derived<T>(key: string, compute: (data: DataStore) => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute(this as unknown as DataStore));
    return this.memo.get(key) as T;
  }
}

// One getter per registry: `store.documentTypes` reads the file on first use.
for (const key of Object.keys(FILES) as (keyof Registries)[]) {
  Object.defineProperty(Store.prototype, key, {
    get(this: Store) {
      return this.registry(key);
    },
    enumerable: true,
  });
}

/** A data store: the shipped registries, with the user's knowledge entries when given. */
export function createDataStore(options: DataStoreOptions = {}): DataStore {
  return new Store(options) as unknown as DataStore;
}

/** The shipped data alone (the Plan builder, and commands run without user knowledge). */
export const builtinData: DataStore = createDataStore();
