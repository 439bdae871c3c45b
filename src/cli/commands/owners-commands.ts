/**
 * The command-table entry of `kh owners`, spread into the table of src/cli/index.ts. The command's
 * module (and the parsers) is imported in `run` only.
 */
import type { CommandSpec } from '../index.js';
import type { Lang } from '../../util/errors.js';
import { defaultReporter, reporterList, reporterNames } from '../../report/reporters.js';
import { extensionList } from '../../parse/formats.js';


const T = {
  vi: {
    owners: 'ma trận trách nhiệm: cơ quan × mục tiêu/chỉ tiêu (chủ trì, phối hợp); chỉ tiêu chưa có hoặc có hai cơ quan chủ trì',
    files: `tệp kế hoạch (${extensionList()})`,
    format: 'định dạng',
    ref: 'kế hoạch hoặc bộ chỉ tiêu tham chiếu (.json hoặc văn bản); lặp lại được',
    config: 'dùng tệp cấu hình này thay vì tìm kh.config.json / .khrc.json',
  },
  en: {
    owners: 'responsibility matrix: agencies × goals/indicators (lead, support); indicators with no lead or two leads',
    files: `plan files (${extensionList()})`,
    format: 'format',
    ref: 'a reference plan or indicator catalogue (.json or a document); repeatable',
    config: 'use this configuration file instead of looking for kh.config.json / .khrc.json',
  },
} satisfies Record<Lang, Record<string, string>>;

const both = (key: keyof (typeof T)['vi']) => ({ vi: T.vi[key], en: T.en[key] });

export const ownersCommands: CommandSpec[] = [
  {
    name: 'owners',
    args: [{ syntax: { vi: '<tệp...>', en: '<files...>' }, description: both('files') }],
    description: both('owners'),
    configure(command, lang) {
      const t = T[lang];
      command
        .addOption(command.createOption('-f, --format <format>', `${t.format}: ${reporterList('owners', lang)}`).choices(reporterNames('owners')).default(defaultReporter('owners')))
        .option('--ref <file>', t.ref, (value: string, previous: string[] = []) => [...previous, value])
        .option('-c, --config <file>', t.config);
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
