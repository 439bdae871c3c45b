/**
 * The shape of a lint message read back from disk (a cache entry, a shard report): checked before
 * it is trusted. Loose: fields added later (fix, suggestion, page…) pass through.
 */
import { z } from 'zod';

const relatedSchema = z
  .object({
    message: z.string(),
    line: z.number().int(),
    column: z.number().int(),
    endLine: z.number().int(),
    endColumn: z.number().int(),
    excerpt: z.string(),
  })
  .loose();

export const storedMessageSchema = z
  .object({
    ruleId: z.string(),
    messageId: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    line: z.number().int(),
    column: z.number().int(),
    endLine: z.number().int(),
    endColumn: z.number().int(),
    excerpt: z.string(),
    related: z.array(relatedSchema).optional(),
  })
  .loose();
