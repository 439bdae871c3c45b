/**
 * The command-table entry of `kh diff`, spread into the table of src/cli/index.ts. The command's
 * module (and the parsers) is imported in `run` only.
 */
import type { CommandSpec } from '../index.js';
import { addReadOptions } from '../read-options.js';
import { defaultReporter, reporterNames } from '../../report/reporters.js';
import { extensionList } from '../../parse/formats.js';
import type { Lang } from '../../util/errors.js';


const T = {
  vi: {
    diff: 'so sánh hai kế hoạch theo cấu trúc: phần, mục, trách nhiệm, chỉ tiêu, dẫn chiếu, ngày tháng',
    old: `bản cũ: tệp (${extensionList()}) hoặc năm kế hoạch (ví dụ 2023)`,
    new: 'bản mới: tệp hoặc năm kế hoạch (ví dụ 2024)',
    format: 'định dạng báo cáo',
    output: 'ghi báo cáo vào tệp thay vì in ra',
    dir: 'khi so sánh theo năm: tìm văn bản trong thư mục này (mặc định: "documents" trong cấu hình, hoặc thư mục hiện tại)',
    issuer: 'khi so sánh theo năm: chỉ xét kế hoạch của cơ quan ban hành có tên chứa chuỗi này',
    config: 'dùng tệp cấu hình này thay vì tìm kh.config.json / .khrc.json',
  },
  en: {
    diff: 'compare two plans by structure: sections, items, responsibilities, indicators, citations, dates',
    old: `old version: a file (${extensionList()}) or a plan year (e.g. 2023)`,
    new: 'new version: a file or a plan year (e.g. 2024)',
    format: 'report format',
    output: 'write the report to a file instead of stdout',
    dir: 'with plan years: look for documents in this directory (default: the config\'s "documents", else the current directory)',
    issuer: 'with plan years: only plans whose issuer contains this text',
    config: 'use this configuration file instead of looking for kh.config.json / .khrc.json',
  },
} satisfies Record<Lang, Record<string, string>>;

const both = (key: keyof (typeof T)['vi']) => ({ vi: T.vi[key], en: T.en[key] });

export const diffCommands: CommandSpec[] = [
  {
    name: 'diff',
    args: [
      { syntax: { vi: '<cũ>', en: '<old>' }, description: both('old') },
      { syntax: { vi: '<mới>', en: '<new>' }, description: both('new') },
    ],
    description: both('diff'),
    configure(command, lang) {
      const t = T[lang];
      command
        .addOption(command.createOption('-f, --format <format>', t.format).choices(reporterNames('diff')).default(defaultReporter('diff')))
        .option('-o, --output <file>', t.output)
        .option('--dir <dir>', t.dir)
        .option('--issuer <text>', t.issuer)
        .option('-c, --config <file>', t.config);
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
