/**
 * The command-table entry of `kh data` (and `kh data check`), spread into the table of
 * src/cli/index.ts. The command's module is imported in `run` only.
 */
import type { CommandSpec } from '../index.js';
import { t } from '../../i18n/index.js';

export const dataCommands: CommandSpec[] = [
  {
    name: 'data',
    args: [{ syntax: '[check]', description: 'help.data.sub' }],
    description: 'help.data.data',
    configure(command, lang) {
      command.addOption(
        command
          .createOption('-f, --format <format>', t(lang, 'help.data.format'))
          .choices(['table', 'json'])
          .default('table'),
      );
    },
    async run(ctx, args, options) {
      const sub = args[0] as string | undefined;
      if (sub !== undefined && sub !== 'check') {
        ctx.err(`kh: ${t(ctx.lang, 'help.data.unknown-sub', { sub })}\n`);
        return 2;
      }
      const { run } = await import('./data.js');
      return run(ctx, sub, { format: options.format as 'table' | 'json' });
    },
  },
];
