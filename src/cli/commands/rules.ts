/** `kh rules`: every rule with its default severity and description, in the chosen language. */
import type { CliContext } from '../../util/cli.js';
import { rules } from '../../rules/index.js';
import { t } from '../../i18n/index.js';

const HEADER = ['rule', 'default', 'description'] as const;

export async function run(ctx: CliContext, options: { format?: 'text' | 'json' } = {}): Promise<number> {
  if (options.format === 'json') {
    const list = rules.map((rule) => ({
      id: rule.meta.id,
      defaultSeverity: rule.meta.defaultSeverity,
      description: rule.meta.description[ctx.lang],
    }));
    ctx.out(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const rows = [
    HEADER.map((h) => t(ctx.lang, `rules.head.${h}`)),
    ...rules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity, rule.meta.description[ctx.lang]]),
  ];
  const widths = [0, 1].map((col) => Math.max(...rows.map((row) => row[col]!.length)));
  const lines = rows.map((row) => `${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`);
  ctx.out(`${lines.join('\n')}\n`);
  return 0;
}
