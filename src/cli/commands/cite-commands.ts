/**
 * The command-table entry of `kh cite`, spread into the table of src/cli/index.ts. The command's
 * module (and the parsers) is imported in `run` only.
 */
import type { CommandSpec } from '../index.js';
import type { Lang } from '../../util/errors.js';
import { defaultReporter, reporterNames } from '../../report/reporters.js';
import { extensionList } from '../../parse/formats.js';

const T = {
  vi: {
    cite: 'liệt kê các văn bản được trích dẫn (không trùng lặp): loại, số/ký hiệu, ngày, cơ quan ban hành, trích yếu, tình trạng hiệu lực, nơi trích dẫn',
    files: `các văn bản kế hoạch (${extensionList()})`,
    format: 'định dạng',
    config: 'dùng tệp cấu hình này thay vì tìm kh.config.json / .khrc.json',
  },
  en: {
    cite: 'list the documents cited (de-duplicated): type, number/symbol, date, issuer, subject, status, where cited',
    files: `plan documents (${extensionList()})`,
    format: 'output format',
    config: 'use this configuration file instead of looking for kh.config.json / .khrc.json',
  },
} satisfies Record<Lang, Record<string, string>>;

const both = (key: keyof (typeof T)['vi']) => ({ vi: T.vi[key], en: T.en[key] });

export const citeCommands: CommandSpec[] = [
  {
    name: 'cite',
    args: [{ syntax: { vi: '<tệp...>', en: '<files...>' }, description: both('files') }],
    description: both('cite'),
    configure(command, lang) {
      command
        .addOption(command.createOption('-f, --format <format>', T[lang].format).choices(reporterNames('cite')).default(defaultReporter('cite')))
        .option('-c, --config <file>', T[lang].config);
    },
    async run(ctx, args, options) {
      const { run } = await import('./cite.js');
      return run(ctx, args[0] as string[], { format: options.format as string, config: options.config as string | undefined });
    },
  },
];
