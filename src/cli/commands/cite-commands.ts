/**
 * The command-table entry of `kh cite`, spread into the table of src/cli/index.ts. The command's
 * module (and the parsers) is imported in `run` only.
 */
import type { CommandSpec } from '../index.js';
import { defaultReporter, reporterNames } from '../../report/reporters.js';
import { extensionList } from '../../parse/formats.js';
import { msg, t } from '../../i18n/index.js';

export const citeCommands: CommandSpec[] = [
  {
    name: 'cite',
    args: [
      {
        syntax: { id: 'cli.parse.files-syntax' },
        description: msg('help.cite.files', { extensions: extensionList() }),
      },
    ],
    description: 'help.cite.description',
    configure(command, lang) {
      command
        .addOption(
          command
            .createOption('-f, --format <format>', t(lang, 'help.cite.format'))
            .choices(reporterNames('cite'))
            .default(defaultReporter('cite')),
        )
        .option('-c, --config <file>', t(lang, 'help.lint.config'));
    },
    async run(ctx, args, options) {
      const { run } = await import('./cite.js');
      return run(ctx, args[0] as string[], {
        format: options.format as string,
        config: options.config as string | undefined,
      });
    },
  },
];
