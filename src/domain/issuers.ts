/**
 * Issuer codes of document symbols and known programme periods (rules citation-issuer,
 * citation-format, citation-consistency, period-consistency, stale-date): the shapes of
 * src/data/issuer-codes.json and src/data/programmes.json, and reading a ký hiệu against them.
 */
import { z } from 'zod';
import { ConfidenceSchema } from './registries.js';

const sourced = { source: z.string().min(1), confidence: ConfidenceSchema };

export const IssuerCodeSchema = z.object({
  /** The issuer group of the ký hiệu: "CP", "TTg", "TW", "BLĐTBXH". */
  code: z.string().min(1),
  /** Document-type abbreviations this entry is limited to (null: any). */
  types: z.array(z.string().min(1)).nullable(),
  /** Accepted names, the first canonical. */
  names: z.array(z.string().min(1)).min(1),
  /** Codes of the issuers that took over a dissolved issuer's work (naming one of them is not a mismatch). */
  successors: z.array(z.string().min(1)).optional(),
  ...sourced,
});
export type IssuerCode = z.infer<typeof IssuerCodeSchema>;

export const IssuerCodesSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  entries: z.array(IssuerCodeSchema).min(1),
});
export type IssuerCodes = z.infer<typeof IssuerCodesSchema>;

const year = z.number().int().min(1900).max(2200);
export const ProgrammesSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  programmes: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      keys: z
        .array(
          z
            .string()
            .min(1)
            .refine((k) => k === k.toLowerCase() && k === k.normalize('NFC'), 'lower-case NFC'),
        )
        .min(1),
      period: z.tuple([year, year]),
      phases: z.array(z.tuple([year, year])),
      document: z.string().min(1),
      ...sourced,
    }),
  ),
  actionMonth: z.object({
    name: z.string().min(1),
    start: z.string().regex(/^--\d\d-\d\d$/),
    end: z.string().regex(/^--\d\d-\d\d$/),
    ...sourced,
  }),
});
export type Programmes = z.infer<typeof ProgrammesSchema>;

/** Lower case, NFC, '–'/'—' read as '-', quotes removed, spaces collapsed. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[–—‑]/g, '-')
    .replace(/["“”‘’']/g, '')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The groups of a ký hiệu: "QĐ-TTg" → ["QĐ", "TTg"]; "CT/TW" → ["CT", "TW"]. */
export function symbolGroups(symbol: string): string[] {
  return symbol.split(/[-/]/).filter((g) => g.length > 0);
}

/**
 * The issuer entries a symbol implies: the entries whose code is the symbol's issuer group.
 * With a document-type abbreviation first ("QĐ-TTg", "CT/TW") the issuer is the second group;
 * without one (a Công văn "BLĐTBXH-VBĐG") it is the first. A joint document ("TTLT-BTC-BYT")
 * implies every issuer group after the type. A term number after the code ("QH15",
 * "NQ-UBTVQH15") is read without it.
 */
export function issuersOfSymbol(
  symbol: string,
  typeAbbreviations: ReadonlySet<string>,
  entries: readonly IssuerCode[],
): IssuerCode[] {
  const groups = symbolGroups(symbol.replace(/\s+/g, ''));
  if (groups.length === 0) return [];
  const hasType = groups.length > 1 && typeAbbreviations.has(groups[0]!);
  const type = hasType ? groups[0]! : null;
  const joint = type !== null && /LT$/u.test(type);
  const codes = joint ? groups.slice(1) : [hasType ? groups[1]! : groups[0]!];
  const matches = (e: IssuerCode, code: string) =>
    e.code === code || (/\d$/u.test(code) && e.code === code.replace(/\d+$/u, ''));
  return entries.filter(
    (e) =>
      codes.some((code) => matches(e, code)) &&
      (e.types === null || (type !== null && e.types.includes(type))),
  );
}

/**
 * The number/symbol part of a citation's `raw`: a law cited by name and number ("Luật Tố cáo số
 * 25/2018/QH14") keeps only what follows "số"; otherwise from the first digit on.
 */
export function symbolCore(raw: string): string {
  const after = /(?:^|\s)số:?\s+(?=\d)/iu.exec(raw);
  if (after) return raw.slice(after.index + after[0].length);
  const digit = raw.search(/\d/);
  return digit > 0 ? raw.slice(digit) : raw;
}
