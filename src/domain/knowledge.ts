/**
 * The knowledge registries that go stale: agencies (with validity and successors), administrative
 * units (provinces, the end of the district level, communes later) and legal documents (identity
 * and status). Each entry carries its source and a confidence mark (V/S/M, see ./index.ts).
 * Users add entries and override ours (same key) in kh.config.json under "knowledge": the data
 * store (src/data/store.ts) merges them with mergeKnowledge.
 */
import { z } from 'zod';
import { ConfidenceSchema } from './registries.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const sourced = { source: z.string().min(1), confidence: ConfidenceSchema };
const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });

export const AgencySuccessorSchema = z.object({
  key: z.string().min(1),
  /** The functions this successor received (when the agency was split). */
  functions: localized.optional(),
  /** How sure the mapping to this successor is, when less than the entry's own mark (the end). */
  confidence: ConfidenceSchema.optional(),
});

export const AgencySchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  scope: z.enum(['central', 'province', 'district', 'commune']),
  variants: z.array(z.string().min(1)).default([]),
  from: isoDate.nullable().default(null),
  /** The first day the agency no longer exists; null: still exists. */
  until: isoDate.nullable().default(null),
  successors: z.array(AgencySuccessorSchema).default([]),
  basis: z.string().nullable().default(null),
  ...sourced,
});

export const ProvinceSchema = z.object({
  key: z.string().min(1),
  /** Without "tỉnh"/"thành phố". */
  name: z.string().min(1),
  kind: z.enum(['tỉnh', 'thành phố']),
  variants: z.array(z.string().min(1)).default([]),
  from: isoDate.nullable().default(null),
  until: isoDate.nullable().default(null),
  successors: z.array(z.string().min(1)).default([]),
  basis: z.string().nullable().default(null),
  ...sourced,
});

export const DistrictSchema = z.object({
  name: z.string().min(1),
  variants: z.array(z.string().min(1)).default([]),
  kind: z.enum(['huyện', 'quận', 'thị xã', 'thành phố']),
  /** Province key (as it was). */
  province: z.string().min(1),
  ...sourced,
});

/** Reserved for the commune-level mapping (old commune → new commune from 01/7/2025). */
export const CommuneSchema = z.object({
  kind: z.enum(['xã', 'phường', 'thị trấn']),
  name: z.string().min(1),
  district: z.string().nullable(),
  province: z.string().min(1),
  until: isoDate.nullable(),
  successor: z.string().nullable(),
  ...sourced,
});

export const AdminUnitsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  provinces: z.array(ProvinceSchema).min(1),
  districtLevel: z.object({
    words: z.array(z.string().min(1)).min(1),
    until: isoDate,
    basis: z.string().min(1),
    ...sourced,
  }),
  districts: z.array(DistrictSchema),
  communes: z.array(CommuneSchema),
});

export const LegalStatusSchema = z.object({
  kind: z.enum(['in-force', 'replaced', 'ended', 'guidance']),
  from: isoDate.optional(),
  replacedBy: z.string().optional(),
  note: localized.optional(),
});

export const LegalDocumentSchema = z.object({
  key: z.string().min(1),
  docType: z.string().min(1),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  symbol: z.string().nullable(),
  date: isoDate.nullable(),
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
  /** How the document is cited by name ("Luật Bình đẳng giới"). */
  names: z.array(z.string().min(1)).default([]),
  status: LegalStatusSchema,
  /** Years a programme or guidance covers. */
  period: z.object({ from: z.number().int(), to: z.number().int() }).nullable().default(null),
  ...sourced,
});

export const AgenciesSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(AgencySchema).min(1),
});
export const LegalDocumentsSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(LegalDocumentSchema).min(1),
});

/** What kh.config.json may add under "knowledge" (entries with an existing key replace ours). */
export const UserKnowledgeSchema = z.strictObject({
  $comment: z.string().optional(),
  agencies: z.array(AgencySchema).optional(),
  provinces: z.array(ProvinceSchema).optional(),
  districts: z.array(DistrictSchema).optional(),
  communes: z.array(CommuneSchema).optional(),
  legalDocuments: z.array(LegalDocumentSchema).optional(),
});

export type Agency = z.infer<typeof AgencySchema>;
export type Province = z.infer<typeof ProvinceSchema>;
export type District = z.infer<typeof DistrictSchema>;
export type Commune = z.infer<typeof CommuneSchema>;
export type AdminUnits = z.infer<typeof AdminUnitsSchema>;
export type LegalDocument = z.infer<typeof LegalDocumentSchema>;
export type UserKnowledge = z.infer<typeof UserKnowledgeSchema>;

export interface Knowledge {
  agencies: Agency[];
  adminUnits: AdminUnits;
  legalDocuments: LegalDocument[];
}

/** Did the agency / unit exist on `date`? (Only its end is checked: names are reused.) */
export function existsOn(entry: { until: string | null }, date: string): boolean {
  return entry.until === null || date < entry.until;
}

/**
 * The base entries with the user's: same key replaces ours in place; new keys come first, so a
 * user's entry also wins over ours by name ("Sở Ngoại vụ" dissolved by a local decision).
 */
function mergeByKey<T extends { key: string }>(base: readonly T[], extra: readonly T[] | undefined): T[] {
  if (!extra?.length) return [...base];
  const byKey = new Map(base.map((entry) => [entry.key, entry]));
  const added: T[] = [];
  for (const entry of extra) {
    if (byKey.has(entry.key)) byKey.set(entry.key, entry);
    else added.push(entry);
  }
  return [...added, ...byKey.values()];
}

/** The shipped registries with the user's entries added (same key: the user's wins). */
export function mergeKnowledge(base: Knowledge, user?: UserKnowledge): Knowledge {
  if (!user) return base;
  const districts = [...base.adminUnits.districts];
  for (const district of user.districts ?? []) {
    const at = districts.findIndex((d) => d.name === district.name && d.province === district.province);
    if (at >= 0) districts[at] = district;
    else districts.push(district);
  }
  return {
    agencies: mergeByKey(base.agencies, user.agencies),
    adminUnits: {
      ...base.adminUnits,
      provinces: mergeByKey(base.adminUnits.provinces, user.provinces),
      districts,
      communes: [...base.adminUnits.communes, ...(user.communes ?? [])],
    },
    legalDocuments: mergeByKey(base.legalDocuments, user.legalDocuments),
  };
}
