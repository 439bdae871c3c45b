/**
 * The command-table entry of `kh owners`, spread into the table of src/cli/index.ts. The command's
 * module (and the parsers) is imported in `run` only.
 */
import type { CommandSpec } from '../index.js';
import { defaultReporter, reporterList, reporterNames } from '../../report/reporters.js';
import { extensionList } from '../../parse/formats.js';
import { msg, t } from '../../i18n/index.js';

export const ownersCommands: CommandSpec[] = [
  {
    name: 'owners',
    args: [
      {
        syntax: { id: 'cli.parse.files-syntax' },
        description: msg('help.owners.files', { extensions: extensionList() }),
      },
    ],
    description: 'help.owners.owners',
    configure(command, lang) {
      command
        .addOption(
          command
            .createOption(
              '-f, --format <format>',
              t(lang, 'help.owners.format', { formats: reporterList('owners', lang) }),
            )
            .choices(reporterNames('owners'))
            .default(defaultReporter('owners')),
        )
        .option('--ref <file>', t(lang, 'help.owners.ref'), (value: string, previous: string[] = []) => [
          ...previous,
          value,
        ])
        .option('-c, --config <file>', t(lang, 'help.owners.config'));
    },
    async run(ctx, args, options) {
      const { run } = await import('./owners.js');
      return run(ctx, args[0] as string[], {
        format: options.format as string,
        ref: (options.ref as string[] | undefined) ?? [],
        config: options.config as string | undefined,
      });
    },
  },
];
