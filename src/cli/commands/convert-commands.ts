/**
 * The `convert` command-table entry (spread into src/cli/index.ts); its module is imported in
 * `run`, so start-up stays light.
 */
import type { CommandSpec } from '../index.js';

export const convertCommands: CommandSpec[] = [
  {
    name: 'convert',
    args: [{ syntax: { vi: '<tệp>', en: '<file>' }, description: { vi: 'tệp văn bản (.txt, .md)', en: 'a text file (.txt, .md)' } }],
    description: {
      vi: 'chuyển tệp văn bản viết bằng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258) sang Unicode (UTF-8), hoặc ngược lại với --to; tệp gốc không bị sửa',
      en: 'convert a text file in a legacy Vietnamese encoding (TCVN3/ABC, VNI, Windows-1258) to Unicode (UTF-8), or back with --to; the original is never changed',
    },
    configure(command, lang) {
      const vi = lang === 'vi';
      command
        .requiredOption('-o, --output <file>', vi ? 'tệp ra (không được là tệp vào)' : 'output file (never the input)')
        .addOption(
          command
            .createOption('--from <encoding>', vi ? 'bảng mã của tệp vào (mặc định: tự nhận ra)' : 'encoding of the input (default: recognised)')
            .choices(['auto', 'utf-8', 'tcvn3', 'vni', 'windows-1258'])
            .default('auto'),
        )
        .addOption(
          command
            .createOption('--to <encoding>', vi ? 'bảng mã của tệp ra' : 'encoding of the output')
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
