/**
 * The command-table entry of `kh data` (and `kh data check`), spread into the table of
 * src/cli/index.ts. The command's module is imported in `run` only.
 */
import type { CommandSpec } from '../index.js';
import type { Lang } from '../../util/errors.js';

const T = {
  vi: {
    data: 'các sổ dữ liệu kh dùng: phiên bản, số mục theo độ tin cậy (V, S, M), ngày kiểm tra lần cuối; "kh data check": mục đã hết hiệu lực mà không có kế nhiệm',
    sub: '"check": liệt kê mục hết hiệu lực trước hôm nay (KH_TODAY) mà không có kế nhiệm',
    format: 'định dạng: table (bảng), json',
  },
  en: {
    data: 'the registries kh uses: version, entries by confidence mark (V, S, M), date last checked; "kh data check": entries ended with no successor',
    sub: '"check": list entries ended before today (KH_TODAY) with no successor',
    format: 'format: table, json',
  },
} satisfies Record<Lang, Record<string, string>>;

const both = (key: keyof (typeof T)['vi']) => ({ vi: T.vi[key], en: T.en[key] });

export const dataCommands: CommandSpec[] = [
  {
    name: 'data',
    args: [{ syntax: '[check]', description: both('sub') }],
    description: both('data'),
    configure(command, lang) {
      command.addOption(command.createOption('-f, --format <format>', T[lang].format).choices(['table', 'json']).default('table'));
    },
    async run(ctx, args, options) {
      const sub = args[0] as string | undefined;
      if (sub !== undefined && sub !== 'check') {
        ctx.err(ctx.lang === 'vi' ? `kh: lệnh con không hợp lệ "${sub}" (chỉ có: check)\n` : `kh: unknown subcommand "${sub}" (only: check)\n`);
        return 2;
      }
      const { run } = await import('./data.js');
      return run(ctx, sub, { format: options.format as 'table' | 'json' });
    },
  },
];
