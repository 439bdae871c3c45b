/**
 * The `kh lint` configuration file: kh.config.json or .khrc.json (plain JSON).
 *
 *   {
 *     "$comment": "any text",
 *     "lang": "vi",
 *     "documents": ["van-ban/**\/*.docx"],
 *     "rules": {
 *       "repeated-phrase": "error",                         // a severity, or "off"
 *       "numbering": ["warning", { "…": "…" }],             // [severity, options]
 *       "required-sections": { "severity": "error", "options": { … }, "$comment": "why" }
 *     }
 *   }
 *
 * Why plain JSON (no comments): every editor, jq and CI tool reads it, no parser dependency, and
 * JSON.parse gives exact error positions. The object form of a rule entry takes a "$comment", so
 * the starter file written by `kh init` documents each rule inside valid JSON.
 */
import { z } from 'zod';
import { UserKnowledgeSchema } from '../domain/knowledge.js';

export const CONFIG_FILE_NAMES = ['kh.config.json', '.khrc.json'] as const;

export const SeveritySettingSchema = z.enum(['off', 'info', 'warning', 'error']);

const CountSchema = z.number().int().positive();
const SizeSchema = z.union([
  CountSchema,
  z.string().regex(/^\s*\d+(?:\.\d+)?\s*(?:[kmg](?:i?b)?|b)?\s*$/i, 'a size such as 100MB'),
]);

const OptionsSchema = z.record(z.string(), z.unknown());

export const RuleEntrySchema = z.union([
  SeveritySettingSchema,
  z.tuple([SeveritySettingSchema]),
  z.tuple([SeveritySettingSchema, OptionsSchema]),
  z.strictObject({
    $comment: z.string().optional(),
    severity: SeveritySettingSchema,
    options: OptionsSchema.optional(),
  }),
]);

export const ConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Language of messages when neither --lang nor KH_LANG is given. */
  lang: z.enum(['vi', 'en']).optional(),
  /** Globs (relative to the config file) linted when `kh lint` is given no files. */
  documents: z.array(z.string().min(1)).optional(),
  rules: z.record(z.string(), RuleEntrySchema).optional(),
  /** Reference plans and indicator catalogues (paths relative to the config file: .json catalogues or any document kh reads). */
  references: z.array(z.string().min(1)).optional(),
  /** Your own agencies, provinces, districts and legal documents; an entry with our key replaces ours. */
  knowledge: UserKnowledgeSchema.optional(),
  /** Bounds on what kh reads (src/parse/limits.ts); sizes in bytes or "100MB", the timeout in seconds. */
  limits: z
    .strictObject({
      fileSize: SizeSchema.optional(),
      partSize: SizeSchema.optional(),
      xmlDepth: CountSchema.optional(),
      xmlNodes: CountSchema.optional(),
      pdfPages: CountSchema.optional(),
      pdfItemsPerPage: CountSchema.optional(),
      textLength: CountSchema.optional(),
      timeoutPerFile: z.number().positive().optional(),
    })
    .optional(),
});

export type SeveritySettingValue = z.infer<typeof SeveritySettingSchema>;
export type RuleEntry = z.infer<typeof RuleEntrySchema>;
export type Config = z.infer<typeof ConfigSchema>;

/** The severity and raw options of a rule entry, whatever its form. */
export function normalizeEntry(entry: RuleEntry): {
  severity: SeveritySettingValue;
  options: Record<string, unknown> | undefined;
} {
  if (typeof entry === 'string') return { severity: entry, options: undefined };
  if (Array.isArray(entry)) return { severity: entry[0], options: entry[1] };
  return { severity: entry.severity, options: entry.options };
}
