/**
 * The command-table entries of the lint engine (lint, rules, explain, init), spread into the
 * table of src/cli/index.ts. Light on purpose (commander is used through the command objects
 * only, so it stays lazily loaded): each command's module is imported in `run`.
 */
import type { Command } from 'commander';
import type { CommandSpec } from '../index.js';
import type { Lang } from '../../util/errors.js';
import { addReadOptions } from '../read-options.js';
import { defaultReporter, reporterNames } from '../../report/reporters.js';
import type { FormatName } from '../../report/index.js';
import { extensionList } from '../../parse/formats.js';

const T = {
  vi: {
    lint: 'kiểm tra văn bản theo các quy tắc (lint)',
    lintInputs: `tệp, thư mục (tìm ${extensionList()}) hoặc mẫu glob; bỏ trống thì dùng "documents" trong cấu hình`,
    format: 'định dạng báo cáo',
    output: 'ghi báo cáo vào tệp thay vì in ra',
    maxWarnings: 'thoát với mã 1 nếu có quá N cảnh báo',
    quiet: 'chỉ báo lỗi (bỏ cảnh báo và thông tin)',
    config: 'dùng tệp cấu hình này thay vì tìm kh.config.json / .khrc.json',
    rule: 'đặt mức cho một quy tắc, ví dụ repeated-phrase:error (lặp lại được)',
    ref: 'kế hoạch hoặc bộ chỉ tiêu tham chiếu cho indicator-ref, target-sanity, missing-owner (.json hoặc văn bản; lặp lại được)',
    strictCitations: 'citation-status liệt kê cả văn bản được trích dẫn không có trong danh mục (mức thông tin)',
    rules: 'liệt kê các quy tắc: mã, mức mặc định, mô tả',
    rulesFormat: 'định dạng: text hoặc json',
    explain: 'giải thích một quy tắc, kèm ví dụ sai/đúng',
    explainRule: 'mã quy tắc (xem kh rules)',
    init: 'tạo tệp cấu hình mẫu kh.config.json trong thư mục hiện tại',
    force: 'ghi đè tệp cấu hình đã có',
    fix: 'sửa tại chỗ các lỗi chắc chắn trong tệp .txt/.md (Unicode NFC, dấu cách trong số/ký hiệu, từ gõ lặp, hai dấu cách giữa hai từ)',
    fixDryRun: 'liệt kê những chỗ --fix sẽ sửa, không ghi tệp',
  },
  en: {
    lint: 'check documents against the rules (lint)',
    lintInputs: `files, directories (searched for ${extensionList()}) or globs; none: the config's "documents"`,
    format: 'report format',
    output: 'write the report to a file instead of stdout',
    maxWarnings: 'exit with code 1 when there are more than N warnings',
    quiet: 'report errors only (no warnings or info)',
    config: 'use this configuration file instead of looking for kh.config.json / .khrc.json',
    rule: 'set a rule\'s severity, e.g. repeated-phrase:error (repeatable)',
    ref: 'a reference plan or indicator catalogue for indicator-ref, target-sanity, missing-owner (.json or a document; repeatable)',
    strictCitations: 'citation-status also lists cited documents not in the registry (info)',
    rules: 'list the rules: id, default severity, description',
    rulesFormat: 'output format: text or json',
    explain: 'explain a rule, with wrong/right examples',
    explainRule: 'rule id (see kh rules)',
    init: 'write a starter kh.config.json in the current directory',
    force: 'overwrite an existing configuration file',
    fix: 'fix certain problems in .txt/.md files in place (Unicode NFC, spaces inside a number/symbol, a word typed twice, two spaces between words)',
    fixDryRun: 'list what --fix would change, write nothing',
  },
} satisfies Record<Lang, Record<string, string>>;

const both = (key: keyof (typeof T)['vi']) => ({ vi: T.vi[key], en: T.en[key] });

/** The `lint` command object of the program being run (to ask whether --lang was given). */
let lintCommand: Command | undefined;

export const lintCommands: CommandSpec[] = [
  {
    name: 'lint',
    args: [{ syntax: { vi: '[đầu-vào...]', en: '[inputs...]' }, description: both('lintInputs') }],
    description: both('lint'),
    configure(command, lang) {
      lintCommand = command;
      const t = T[lang];
      command
        .addOption(command.createOption('-f, --format <format>', t.format).choices(reporterNames('lint')).default(defaultReporter('lint')))
        .option('-o, --output <file>', t.output)
        .option('--max-warnings <n>', t.maxWarnings)
        .option('-q, --quiet', t.quiet)
        .option('-c, --config <file>', t.config)
        .option('--rule <id:severity>', t.rule, (value: string, previous: string[] = []) => [...previous, value])
        .option('--strict-citations', t.strictCitations)
        .option('--ref <file>', t.ref, (value: string, previous: string[] = []) => [...previous, value])
        .option('--fix', t.fix)
        .option('--fix-dry-run', t.fixDryRun);
      addReadOptions(command, lang);
    },
    async run(ctx, args, options) {
      const { run } = await import('./lint.js');
      const source = lintCommand?.parent?.getOptionValueSource('lang');
      const langExplicit = source === 'cli' || Boolean(process.env.KH_LANG?.trim());
      return run(ctx, (args[0] as string[] | undefined) ?? [], {
        format: options.format as FormatName,
        output: options.output as string | undefined,
        maxWarnings: options.maxWarnings as string | undefined,
        quiet: Boolean(options.quiet),
        config: options.config as string | undefined,
        rule: (options.rule as string[] | undefined) ?? [],
        strictCitations: Boolean(options.strictCitations),
        ref: (options.ref as string[] | undefined) ?? [],
        maxFileSize: options.maxFileSize as string | undefined,
        timeoutPerFile: options.timeoutPerFile as string | undefined,
        fix: Boolean(options.fix),
        fixDryRun: Boolean(options.fixDryRun),
        langExplicit,
      });
    },
  },
  {
    name: 'rules',
    description: both('rules'),
    configure(command, lang) {
      command.addOption(command.createOption('-f, --format <format>', T[lang].rulesFormat).choices(['text', 'json']).default('text'));
    },
    async run(ctx, _args, options) {
      const { run } = await import('./rules.js');
      return run(ctx, { format: options.format as 'text' | 'json' });
    },
  },
  {
    name: 'explain',
    args: [{ syntax: { vi: '<quy-tắc>', en: '<rule>' }, description: both('explainRule') }],
    description: both('explain'),
    async run(ctx, args) {
      const { run } = await import('./explain.js');
      return run(ctx, args[0] as string);
    },
  },
  {
    name: 'init',
    description: both('init'),
    configure(command, lang) {
      command.option('--force', T[lang].force);
    },
    async run(ctx, _args, options) {
      const { run } = await import('./init.js');
      return run(ctx, { force: Boolean(options.force) });
    },
  },
];
