/**
 * The `annotate` command-table entry (spread into src/cli/index.ts); its module is imported in
 * `run`, so start-up stays light.
 */
import type { Command } from 'commander';
import type { CommandSpec } from '../index.js';

let annotateCommand: Command | undefined;

export const annotateCommands: CommandSpec[] = [
  {
    name: 'annotate',
    args: [{ syntax: { vi: '<tệp.docx>', en: '<file.docx>' }, description: { vi: 'kế hoạch dạng Word (.docx)', en: 'the plan as a Word file (.docx)' } }],
    description: {
      vi: 'ghi một bản sao của tệp .docx có nhận xét Word (comment) cho mỗi vấn đề tìm thấy, gắn vào đúng đoạn chữ; tệp gốc không bị sửa',
      en: 'write a copy of the .docx with one Word comment per finding, anchored on the text it concerns; the original is never changed',
    },
    configure(command, lang) {
      annotateCommand = command;
      const vi = lang === 'vi';
      command
        .option('-o, --output <file>', vi ? 'tên tệp ra (mặc định: <tên>.kh.docx cạnh tệp vào)' : 'output file (default: <name>.kh.docx next to the input)')
        .option('--force', vi ? 'ghi đè tệp ra nếu đã có' : 'overwrite the output file if it exists')
        .option(
          '--fix',
          vi
            ? 'ghi thêm các chỗ sửa chắc chắn (như kh lint --fix: dấu cách trong số/ký hiệu, từ gõ lặp) thành thay đổi được theo dõi (Track Changes) của "kh", để người xem chấp nhận hoặc từ chối'
            : 'also write the certain fixes (as kh lint --fix: spaces inside a number/symbol, a word typed twice) as tracked changes by "kh", for the reviewer to accept or reject',
        )
        .option('-c, --config <file>', vi ? 'dùng tệp cấu hình này (như kh lint)' : 'use this configuration file (as kh lint)')
        .option('--rule <id:severity>', vi ? 'đặt mức cho một quy tắc (như kh lint; lặp lại được)' : "set a rule's severity (as kh lint; repeatable)", (value: string, previous: string[] = []) => [...previous, value])
        .option('--ref <file>', vi ? 'kế hoạch hoặc bộ chỉ tiêu tham chiếu (như kh lint; lặp lại được)' : 'a reference plan or indicator catalogue (as kh lint; repeatable)', (value: string, previous: string[] = []) => [...previous, value]);
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
