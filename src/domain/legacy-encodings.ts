/** The shape of the code charts of the legacy Vietnamese 8-bit encodings (src/data/legacy-encodings.json; read through src/data/store.ts). */
import { z } from 'zod';
import { ConfidenceSchema } from './registries.js';

const sourced = { source: z.string().min(1), confidence: ConfidenceSchema };
const ByteSchema = z.string().regex(/^[0-9A-F]{2}$/);
const ByteCharSchema = z.object({ byte: ByteSchema, char: z.string().length(1) });

export const Tcvn3TableSchema = z.object({
  id: z.literal('tcvn3'),
  name: z.string().min(1),
  letters: z.array(ByteCharSchema).min(70),
  capitals: z.array(ByteCharSchema).min(1),
  punctuation: z.array(ByteCharSchema),
  ...sourced,
});
export const VniTableSchema = z.object({
  id: z.literal('vni'),
  name: z.string().min(1),
  sequences: z.array(z.object({ char: z.string().length(1), vni: z.string().min(1).max(2) })).length(134),
  ...sourced,
});

export const LegacyEncodingsSchema = z
  .object({
    $comment: z.string(),
    version: z.string(),
    tables: z.tuple([Tcvn3TableSchema, VniTableSchema]),
    fonts: z.array(
      z.object({
        /** Case-insensitive pattern on the font name (w:rFonts). */
        pattern: z.string().min(1),
        encoding: z.enum(['tcvn3', 'vni']),
        /** The font draws every letter as a capital (.VnTimeH). */
        capitals: z.boolean(),
        ...sourced,
      }),
    ),
  })
  .superRefine((data, ctx) => {
    const [tcvn3] = data.tables;
    const bytes = [...tcvn3.letters, ...tcvn3.capitals].map((e) => e.byte);
    if (new Set(bytes).size !== bytes.length)
      ctx.addIssue({ code: 'custom', message: 'tcvn3: a byte is given twice' });
    const chars = [...tcvn3.letters, ...tcvn3.capitals].map((e) => e.char);
    if (new Set(chars).size !== chars.length)
      ctx.addIssue({ code: 'custom', message: 'tcvn3: a letter is given twice' });
    const vni = data.tables[1].sequences;
    if (new Set(vni.map((e) => e.vni)).size !== vni.length)
      ctx.addIssue({ code: 'custom', message: 'vni: a code is given twice' });
    for (const font of data.fonts) {
      try {
        new RegExp(font.pattern, 'i');
      } catch {
        ctx.addIssue({ code: 'custom', message: `font pattern ${font.pattern} is not a regular expression` });
      }
    }
  });
export type LegacyEncodings = z.infer<typeof LegacyEncodingsSchema>;

/** How messages name an encoding: its chart's name; Windows-1258 (iconv-lite's table, no chart) by its code page. */
export function encodingNameIn(charts: LegacyEncodings, id: 'tcvn3' | 'vni' | 'windows-1258'): string {
  if (id === 'windows-1258') return 'Windows-1258';
  return charts.tables.find((t) => t.id === id)!.name;
}
