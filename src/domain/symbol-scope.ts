/**
 * Which ký hiệu name one national body (src/data/symbol-scope.json): a number and ký hiệu of such
 * a body identify one document whoever cites it; a local one ("…/QĐ-UBND") only with its issuer.
 */
import { z } from 'zod';
import { ConfidenceSchema } from './registries.js';

export const SymbolScopeSchema = z.object({
  $comment: z.string(),
  version: z.string(),
  central: z
    .array(
      z.object({
        pattern: z
          .string()
          .min(1)
          .refine((p) => {
            try {
              new RegExp(p, 'u');
              return true;
            } catch {
              return false;
            }
          }, 'a valid regular expression'),
        name: z.string().min(1),
        source: z.string().min(1),
        confidence: ConfidenceSchema,
      }),
    )
    .min(1),
});
export type SymbolScope = z.infer<typeof SymbolScopeSchema>;

/** One pattern for a whole group of a ký hiệu naming a national body (build once per data store). */
export function centralBodyPattern(scope: SymbolScope): RegExp {
  return new RegExp(`^(?:${scope.central.map((e) => `(?:${e.pattern})`).join('|')})$`, 'u');
}

/** Does one of the groups of the ký hiệu name a national body ("NĐ-CP" → CP, "TT-BTC" → BTC, "QH15")? */
export function namesCentralBody(symbol: string, central: RegExp): boolean {
  return symbol
    .replace(/\s+/g, '')
    .split(/[-/]/)
    .some((group) => central.test(group));
}
