/**
 * The command-table entry of `kh diff`, spread into the table of src/cli/index.ts. The command's
 * module (and the parsers) is imported in `run` only.
 */
import type { CommandSpec } from '../index.js';
import { addReadOptions } from '../read-options.js';
import { defaultReporter, reporterNames } from '../../report/reporters.js';
import { extensionList } from '../../parse/formats.js';
import { msg, t } from '../../i18n/index.js';

export const diffCommands: CommandSpec[] = [
  {
    name: 'diff',
    args: [
      {
        syntax: { id: 'help.diff.old-syntax' },
        description: msg('help.diff.old', { extensions: extensionList() }),
      },
      { syntax: { id: 'help.diff.new-syntax' }, description: 'help.diff.new' },
    ],
    description: 'help.diff.diff',
    configure(command, lang) {
      command
        .addOption(
          command
            .createOption('-f, --format <format>', t(lang, 'help.diff.format'))
            .choices(reporterNames('diff'))
            .default(defaultReporter('diff')),
        )
        .option('-o, --output <file>', t(lang, 'help.diff.output'))
        .option('--dir <dir>', t(lang, 'help.diff.dir'))
        .option('--issuer <text>', t(lang, 'help.diff.issuer'))
        .option('-c, --config <file>', t(lang, 'help.diff.config'));
      addReadOptions(command, lang);
    },
    async run(ctx, args, options) {
      const { run } = await import('./diff.js');
      return run(ctx, args[0] as string, args[1] as string, {
        format: options.format as string,
        output: options.output as string | undefined,
        dir: options.dir as string | undefined,
        issuer: options.issuer as string | undefined,
        config: options.config as string | undefined,
        maxFileSize: options.maxFileSize as string | undefined,
        timeoutPerFile: options.timeoutPerFile as string | undefined,
        ocr: options.ocr === true,
      });
    },
  },
];
