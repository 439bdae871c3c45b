/**
 * Indicator catalogues: the goals (Mục tiêu) and indicators (chỉ tiêu) a plan implements.
 *
 * - The built-in one is the National Strategy on Gender Equality 2021–2030
 *   (src/data/strategy-2021-2030.json, Nghị quyết 28/NQ-CP).
 * - Users add theirs from kh.config.json ("references": JSON catalogues or plan documents) or with
 *   `kh lint --ref FILE`: the CLI turns a plan document into a catalogue with `planToCatalogue`
 *   and hands the list to the rules as their `references` option (rules never read files).
 *
 * Also here: which catalogue a plan or a cited plan implements (by number/symbol, or by the words
 * of its subject: "thực hiện Chiến lược quốc gia về bình đẳng giới …"), and the word-overlap
 * similarity used to tell whether two indicators mean the same thing.
 */
import { z } from 'zod';
import { ConfidenceSchema } from './registries.js';
import type { Citation, Plan, PlanRef, Target } from '../plan/schema.js';
import { execAll } from '../util/regex.js';

const sourced = { source: z.string().min(1), confidence: ConfidenceSchema };

export const ComparatorSchema = z.enum(['at-least', 'at-most', 'about', 'below', 'above', 'exact']);

export const CatalogueTargetSchema = z.object({
  year: z.number().int().nullable(),
  value: z.number(),
  unit: z.string().nullable().default(null),
  comparator: ComparatorSchema.nullable().default(null),
  base: z.number().optional(),
  /**
   * Words of the part of the indicator this target belongs to ("tiểu học", "thạc sĩ") when the
   * indicator has several parts: it is compared only with a local target whose own words say so.
   */
  about: z.array(z.string().min(1)).optional(),
});

export const CatalogueIndicatorSchema = z.object({
  index: z.number().int().min(1),
  text: z.string().min(1),
  targets: z.array(CatalogueTargetSchema).default([]),
  /** Parts of the indicator the catalogue sets no target for ("trung học cơ sở"): local targets about them are not compared. */
  otherParts: z.array(z.string().min(1)).optional(),
  source: z.string().min(1).default('user catalogue'),
  confidence: ConfidenceSchema.default('V'),
});

export const CatalogueGoalSchema = z.object({
  index: z.number().int().min(1),
  field: z.string().default(''),
  indicators: z.array(CatalogueIndicatorSchema),
  source: z.string().min(1).default('user catalogue'),
  confidence: ConfidenceSchema.default('V'),
});

export const CatalogueDocumentSchema = z.object({
  docType: z.string().nullable().default(null),
  number: z.string().nullable().default(null),
  symbol: z.string().nullable().default(null),
  date: z.string().nullable().default(null),
  issuer: z.string().nullable().default(null),
});

export const CatalogueSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** The document that defines the goals (matched against a cited plan's number and symbol). */
  document: CatalogueDocumentSchema.default({
    docType: null,
    number: null,
    symbol: null,
    date: null,
    issuer: null,
  }),
  /** Lower-case phrases: a plan whose title or cited subject contains one implements this catalogue. */
  implementedBy: z.array(z.string().min(1)).default([]),
  period: z.object({ start: z.number().int(), end: z.number().int() }).nullable().default(null),
  /** Where the catalogue came from: built in, a JSON file, or a plan document (path). */
  origin: z.enum(['builtin', 'file', 'plan']).default('file'),
  source: z.string().min(1).default('user catalogue'),
  confidence: ConfidenceSchema.default('V'),
  goals: z.array(CatalogueGoalSchema),
});

export const RatioBaseSchema = z.object({
  name: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1),
  base: z.number().positive(),
  baseUnit: z.string().min(1),
  ...sourced,
});

export const StrategyFileSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  catalogues: z.array(CatalogueSchema.extend({ ...sourced })).min(1),
  conventions: z.object({
    ratioBases: z.array(RatioBaseSchema),
    leadRoles: z.object({ roles: z.array(z.string().min(1)).min(1), ...sourced }),
    ownerColumns: z.object({ headers: z.array(z.string().min(1)).min(1), ...sourced }),
    ownerWords: z.object({ words: z.array(z.string().min(1)).min(1), ...sourced }),
  }),
});

export type Catalogue = z.infer<typeof CatalogueSchema>;
export type CatalogueGoal = z.infer<typeof CatalogueGoalSchema>;
export type CatalogueIndicator = z.infer<typeof CatalogueIndicatorSchema>;
export type CatalogueTarget = z.infer<typeof CatalogueTargetSchema>;
export type StrategyFile = z.infer<typeof StrategyFileSchema>;
export type RatioBase = z.infer<typeof RatioBaseSchema>;

/** A user catalogue from a JSON value (one catalogue, or `{catalogues: [...]}`), validated. */
export function parseCatalogueJson(value: unknown): Catalogue[] {
  if (value && typeof value === 'object' && 'catalogues' in value) {
    return z.array(CatalogueSchema).parse((value as { catalogues: unknown }).catalogues);
  }
  return [CatalogueSchema.parse(value)];
}

function targetOf(target: Target, year: number | null): CatalogueTarget | null {
  const value = target.kind === 'change' ? target.to : target.value;
  if (value === null) return null;
  const out: CatalogueTarget = { year, value, unit: target.unit, comparator: target.comparator };
  if (target.base !== null) out.base = target.base;
  return out;
}

/** A plan document used as a reference: its goals and indicators become a catalogue. */
export function planToCatalogue(plan: Plan, id = plan.source.path): Catalogue {
  const title = [
    plan.meta.docType,
    plan.meta.number ? `số ${plan.meta.number}/${plan.meta.symbol ?? ''}` : null,
    plan.meta.title,
  ]
    .filter(Boolean)
    .join(' ');
  const source = `plan document ${plan.source.path}`;
  return {
    id,
    title: title || plan.source.path,
    document: {
      docType: plan.meta.docType,
      number: plan.meta.number || null,
      symbol: plan.meta.symbol,
      date: plan.meta.issueDate,
      issuer: plan.meta.issuer,
    },
    implementedBy: [],
    period: null,
    origin: 'plan',
    source,
    confidence: 'V',
    goals: plan.goals.map((goal) => ({
      index: goal.index,
      field: goal.field,
      source,
      confidence: 'V' as const,
      indicators: goal.indicators.map((indicator) => ({
        index: indicator.index,
        text: indicator.text,
        targets: indicator.targets
          .map((t) => targetOf(t, yearOfText(indicator.text) ?? plan.meta.planYear))
          .filter((t) => t !== null),
        source,
        confidence: 'V' as const,
      })),
    })),
  };
}

/** "Đến cuối năm 2023", "vào năm 2025": the one year an indicator's text names, if exactly one. */
export function yearOfText(text: string): number | null {
  const years = new Set(execAll(/\bnăm\s+((?:19|20)\d\d)\b/giu, text).map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0]! : null;
}

const lower = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

function sameSymbol(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return lower(a).replace(/\s/g, '') === lower(b).replace(/\s/g, '');
}

/** Does this catalogue's own document have this number and symbol? */
function isDocument(catalogue: Catalogue, number: string | null, symbol: string | null): boolean {
  return (
    !!catalogue.document.number &&
    catalogue.document.number === number &&
    sameSymbol(catalogue.document.symbol, symbol)
  );
}

function implementsBySubject(catalogue: Catalogue, text: string | null): boolean {
  if (!text) return false;
  const t = lower(text);
  return catalogue.implementedBy.some((phrase) => t.includes(lower(phrase)));
}

export interface ResolvedCatalogue {
  catalogue: Catalogue;
  /** How it was found, for messages: "Kế hoạch số 122/KH-UBND … (thực hiện Chiến lược …)". */
  via: 'document' | 'subject';
}

/**
 * The catalogue a cited plan stands for: a catalogue whose own document it is (user references
 * first), else one the cited plan implements, by the subject of its citation in this plan.
 */
export function catalogueForPlanRef(
  ref: PlanRef,
  plan: Plan,
  catalogues: readonly Catalogue[],
): ResolvedCatalogue | null {
  for (const c of catalogues)
    if (isDocument(c, ref.number, ref.symbol)) return { catalogue: c, via: 'document' };
  const citation = citationOf(ref, plan);
  const subject = citation?.subject ?? ref.raw;
  for (const c of catalogues) if (implementsBySubject(c, subject)) return { catalogue: c, via: 'subject' };
  return null;
}

export function citationOf(ref: PlanRef, plan: Plan): Citation | undefined {
  return plan.citations.find(
    (c) => c.number !== null && c.number === ref.number && sameSymbol(c.symbol, ref.symbol) && c.subject,
  );
}

/** The catalogue this plan itself implements (its title, or the subject of a plan it carries out). */
export function catalogueOfPlan(plan: Plan, catalogues: readonly Catalogue[]): Catalogue | null {
  for (const c of catalogues) if (implementsBySubject(c, plan.meta.title)) return c;
  for (const citation of plan.citations) {
    for (const c of catalogues)
      if (isDocument(c, citation.number, citation.symbol) && citation.docType === c.document.docType)
        return c;
  }
  return null;
}

/** Built-in catalogues (none when switched off) after the user's (a user catalogue for the same document wins). */
export function allCatalogues(references: readonly Catalogue[], builtins: readonly Catalogue[]): Catalogue[] {
  return [...references, ...builtins];
}

// ---------------------------------------------------------------------------------------------
// Meaning by word overlap

const STOP = new Set(
  'các của và được trong có cho với về từ đến năm vào đạt tỷ lệ số là ở mức theo trên dưới khoảng ít nhất phấn đấu người tại đã sẽ này những một hoặc'.split(
    ' ',
  ),
);

/** Syllable bigrams of a text without numbers and the commonest words. */
export function meaningKeys(text: string): Set<string> {
  const words = lower(text)
    .split(/[^\p{L}\p{M}]+/u)
    .filter((w) => w.length > 0 && !STOP.has(w));
  const keys = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) keys.add(`${words[i]} ${words[i + 1]}`);
  for (const w of words) keys.add(w);
  return keys;
}

/** Overlap coefficient of the meaning keys: 1 when one text's words are all in the other. */
export function similarity(a: string, b: string): number {
  const ka = meaningKeys(a);
  const kb = meaningKeys(b);
  if (ka.size === 0 || kb.size === 0) return 0;
  let common = 0;
  for (const k of ka) if (kb.has(k)) common++;
  return common / Math.min(ka.size, kb.size);
}

// ---------------------------------------------------------------------------------------------
// Which catalogue target a local target is

/**
 * The local targets of an indicator paired with the catalogue target for `year` each one really
 * is. A catalogue indicator without parts (no `about`) pairs its target with the first local
 * one. With parts, each local target is read with its clause (between ";" or sentence ends): it
 * pairs with the one part the clause names, and with nothing when the clause names none, several,
 * or a part the catalogue sets no target for (a lower-secondary 85% is not the primary 90%).
 */
export function targetPairs(
  text: string,
  locals: readonly Target[],
  expected: CatalogueIndicator,
  year: number,
): { local: Target; expected: CatalogueTarget }[] {
  const forYear = expected.targets.filter((t) => t.year === year);
  if (forYear.length === 0 || locals.length === 0) return [];
  if (!forYear.some((t) => t.about?.length)) return [{ local: locals[0]!, expected: forYear[0]! }];
  const lowerText = text.normalize('NFC').toLowerCase();
  const others = (expected.otherParts ?? []).map((w) => w.toLowerCase());
  const allParts = expected.targets.filter((t) => t.about?.length);
  const out: { local: Target; expected: CatalogueTarget }[] = [];
  let from = 0;
  for (const local of locals) {
    const at = text.indexOf(local.raw, from);
    if (at < 0) continue;
    from = at + local.raw.length;
    const start = Math.max(lowerText.lastIndexOf(';', at), lowerText.lastIndexOf('. ', at)) + 1;
    const ends = [lowerText.indexOf(';', from), lowerText.indexOf('. ', from)].filter((i) => i >= 0);
    const clause = lowerText.slice(start, ends.length ? Math.min(...ends) : lowerText.length);
    if (others.some((w) => clause.includes(w.toLowerCase()))) continue;
    const named = new Set(
      allParts
        .filter((t) => t.about!.some((w) => clause.includes(w.toLowerCase())))
        .map((t) => t.about!.join('|')),
    );
    if (named.size !== 1) continue;
    const part = [...named][0]!;
    const match = forYear.find((t) => t.about?.join('|') === part);
    if (match) out.push({ local, expected: match });
  }
  return out;
}
