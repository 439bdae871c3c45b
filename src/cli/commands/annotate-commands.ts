/**
 * The `annotate` command-table entry (spread into src/cli/index.ts); its module is imported in
 * `run`, so start-up stays light.
 */
import type { Command } from 'commander';
import type { CommandSpec } from '../index.js';
import { t } from '../../i18n/index.js';

let annotateCommand: Command | undefined;

export const annotateCommands: CommandSpec[] = [
  {
    name: 'annotate',
    args: [{ syntax: { id: 'help.annotate.file-syntax' }, description: 'help.annotate.file' }],
    description: 'help.annotate.description',
    configure(command, lang) {
      annotateCommand = command;
      command
        .option('-o, --output <file>', t(lang, 'help.annotate.output'))
        .option('--force', t(lang, 'help.annotate.force'))
        .option('--fix', t(lang, 'help.annotate.fix'))
        .option('-c, --config <file>', t(lang, 'help.annotate.config'))
        .option(
          '--rule <id:severity>',
          t(lang, 'help.annotate.rule'),
          (value: string, previous: string[] = []) => [...previous, value],
        )
        .option('--ref <file>', t(lang, 'help.annotate.ref'), (value: string, previous: string[] = []) => [
          ...previous,
          value,
        ]);
    },
    async run(ctx, args, options) {
      const { run } = await import('../../annotate/command.js');
      const source = annotateCommand?.parent?.getOptionValueSource('lang');
      return run(ctx, args[0] as string, {
        output: options.output as string | undefined,
        force: Boolean(options.force),
        fix: Boolean(options.fix),
        config: options.config as string | undefined,
        rule: (options.rule as string[] | undefined) ?? [],
        ref: (options.ref as string[] | undefined) ?? [],
        langExplicit: source === 'cli' || Boolean(process.env.KH_LANG?.trim()),
      });
    },
  },
];
