/**
 * The `convert` command-table entry (spread into src/cli/index.ts); its module is imported in
 * `run`, so start-up stays light.
 */
import type { CommandSpec } from '../index.js';
import { t } from '../../i18n/index.js';

export const convertCommands: CommandSpec[] = [
  {
    name: 'convert',
    args: [{ syntax: { id: 'help.convert.file-syntax' }, description: 'help.convert.file' }],
    description: 'help.convert.description',
    configure(command, lang) {
      command
        .requiredOption('-o, --output <file>', t(lang, 'help.convert.output'))
        .addOption(
          command
            .createOption('--from <encoding>', t(lang, 'help.convert.from'))
            .choices(['auto', 'utf-8', 'tcvn3', 'vni', 'windows-1258'])
            .default('auto'),
        )
        .addOption(
          command
            .createOption('--to <encoding>', t(lang, 'help.convert.to'))
            .choices(['utf-8', 'tcvn3', 'vni'])
            .default('utf-8'),
        );
    },
    async run(ctx, args, options) {
      const { run } = await import('./convert.js');
      return run(ctx, args[0] as string, {
        output: options.output as string,
        from: options.from as 'auto' | 'utf-8' | 'tcvn3' | 'vni' | 'windows-1258',
        to: options.to as 'utf-8' | 'tcvn3' | 'vni',
      });
    },
  },
];
