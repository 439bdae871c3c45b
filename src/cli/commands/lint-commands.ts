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
    shard: 'chỉ kiểm tra phần i trong n phần (chia theo băm đường dẫn), ví dụ 2/4; ghép báo cáo bằng kh merge-reports',
    changedSince: 'chỉ kiểm tra các tệp đã đổi từ tham chiếu git REF (so với điểm rẽ nhánh, gồm cả tệp chưa commit và tệp mới chưa theo dõi)',
    suppressAll: 'ghi mọi phát hiện hiện có vào tệp bỏ qua (kh-suppressions.json); các lần chạy sau chỉ báo phát hiện mới',
    pruneSuppressions: 'xóa khỏi tệp bỏ qua những phát hiện đã được sửa',
    suppressionsLocation: 'đường dẫn tệp bỏ qua (mặc định kh-suppressions.json)',
    passOnUnpruned: 'không báo lỗi khi tệp bỏ qua còn mục không dùng đến',
    cache: 'nhớ kết quả từng tệp (theo nội dung, phiên bản kh, cấu hình, dữ liệu): lần sau chỉ đọc lại tệp đã đổi',
    cacheLocation: 'thư mục bộ nhớ đệm (mặc định .khcache/)',
    mergeReports: 'ghép báo cáo JSON của các phần (kh lint --shard i/n --format json) thành báo cáo của cả lần chạy, chạy lại các quy tắc liên văn bản',
    mergeInputs: 'các báo cáo JSON của kh lint (ví dụ part*.json)',
    concurrency: 'số luồng đọc và kiểm tra song song: một số, auto (mỗi lõi một luồng, mặc định) hoặc off (từng tệp một)',
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
    shard: 'check only part i of n (split by path hash), e.g. 2/4; join the reports with kh merge-reports',
    changedSince: 'check only the files changed since git ref REF (from the merge base; uncommitted and new untracked files included)',
    suppressAll: 'record every current finding in the suppressions file (kh-suppressions.json); later runs report only new ones',
    pruneSuppressions: 'drop the findings that were fixed from the suppressions file',
    suppressionsLocation: 'path of the suppressions file (default kh-suppressions.json)',
    passOnUnpruned: 'do not fail when the suppressions file holds entries no longer needed',
    cache: 'remember each file\'s results (by content, kh version, settings, data): later runs read only the files that changed',
    cacheLocation: 'cache folder (default .khcache/)',
    mergeReports: 'join the JSON reports of shards (kh lint --shard i/n --format json) into the whole run\'s report, running the cross-file rules again',
    mergeInputs: 'kh lint JSON reports (e.g. part*.json)',
    concurrency: 'worker threads reading and checking files: a number, auto (one per core, the default) or off (one file at a time)',
  },
} satisfies Record<Lang, Record<string, string>>;

const both = (key: keyof (typeof T)['vi']) => ({ vi: T.vi[key], en: T.en[key] });

/** The `lint` command object of the program being run (to ask whether --lang was given). */
let lintCommand: Command | undefined;
let mergeCommand: Command | undefined;

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
        .option('--fix-dry-run', t.fixDryRun)
        .option('--shard <i/n>', t.shard)
        .option('--changed-since <ref>', t.changedSince)
        .option('--suppress-all', t.suppressAll)
        .option('--prune-suppressions', t.pruneSuppressions)
        .option('--suppressions-location <file>', t.suppressionsLocation)
        .option('--pass-on-unpruned-suppressions', t.passOnUnpruned)
        .option('--cache', t.cache)
        .option('--cache-location <dir>', t.cacheLocation)
        .option('--concurrency <n|auto|off>', t.concurrency);
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
        ocr: options.ocr === true,
        fix: Boolean(options.fix),
        fixDryRun: Boolean(options.fixDryRun),
        shard: options.shard as string | undefined,
        changedSince: options.changedSince as string | undefined,
        suppressAll: Boolean(options.suppressAll),
        pruneSuppressions: Boolean(options.pruneSuppressions),
        suppressionsLocation: options.suppressionsLocation as string | undefined,
        passOnUnprunedSuppressions: Boolean(options.passOnUnprunedSuppressions),
        cache: Boolean(options.cache),
        cacheLocation: options.cacheLocation as string | undefined,
        concurrency: options.concurrency as string | undefined,
        langExplicit,
      });
    },
  },
  {
    name: 'merge-reports',
    args: [{ syntax: { vi: '<báo-cáo...>', en: '<reports...>' }, description: both('mergeInputs') }],
    description: both('mergeReports'),
    configure(command, lang) {
      mergeCommand = command;
      const t = T[lang];
      command
        .addOption(command.createOption('-f, --format <format>', t.format).choices([...reporterNames('lint')]).default(defaultReporter('lint')))
        .option('-o, --output <file>', t.output)
        .option('--max-warnings <n>', t.maxWarnings)
        .option('-q, --quiet', t.quiet)
        .option('-c, --config <file>', t.config)
        .option('--rule <id:severity>', t.rule, (value: string, previous: string[] = []) => [...previous, value])
        .option('--strict-citations', t.strictCitations)
        .option('--ref <file>', t.ref, (value: string, previous: string[] = []) => [...previous, value])
        .option('--suppressions-location <file>', t.suppressionsLocation)
        .option('--pass-on-unpruned-suppressions', t.passOnUnpruned);
    },
    async run(ctx, args, options) {
      const { run } = await import('../../ci/merge-command.js');
      const source = mergeCommand?.parent?.getOptionValueSource('lang');
      return run(ctx, (args[0] as string[] | undefined) ?? [], {
        format: options.format as FormatName,
        output: options.output as string | undefined,
        maxWarnings: options.maxWarnings as string | undefined,
        quiet: Boolean(options.quiet),
        config: options.config as string | undefined,
        rule: (options.rule as string[] | undefined) ?? [],
        strictCitations: Boolean(options.strictCitations),
        ref: (options.ref as string[] | undefined) ?? [],
        suppressionsLocation: options.suppressionsLocation as string | undefined,
        passOnUnprunedSuppressions: Boolean(options.passOnUnprunedSuppressions),
        langExplicit: source === 'cli' || Boolean(process.env.KH_LANG?.trim()),
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
