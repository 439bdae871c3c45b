/**
 * The command-table entries of the lint engine (lint, rules, explain, init), spread into the
 * table of src/cli/index.ts. Light on purpose (commander is used through the command objects
 * only, so it stays lazily loaded): each command's module is imported in `run`.
 */
import type { Command } from 'commander';
import type { CommandSpec } from '../index.js';
import { msg, t } from '../../i18n/index.js';
import { addReadOptions } from '../read-options.js';
import { addReportAndRuleOptions, reportAndRuleOptions } from '../finish-lint.js';
import type { FormatName } from '../../report/index.js';
import { extensionList } from '../../parse/formats.js';

/** The `lint` command object of the program being run (to ask whether --lang was given). */
let lintCommand: Command | undefined;
let mergeCommand: Command | undefined;

export const lintCommands: CommandSpec[] = [
  {
    name: 'lint',
    args: [
      {
        syntax: { id: 'help.lint.inputs-syntax' },
        description: msg('help.lint.lint-inputs', { extensions: extensionList() }),
      },
    ],
    description: 'help.lint.lint',
    configure(command, lang) {
      lintCommand = command;
      addReportAndRuleOptions(command, lang)
        .option('--fix', t(lang, 'help.lint.fix'))
        .option('--fix-dry-run', t(lang, 'help.lint.fix-dry-run'))
        .option('--shard <i/n>', t(lang, 'help.lint.shard'))
        .option('--changed-since <ref>', t(lang, 'help.lint.changed-since'))
        .option('--suppress-all', t(lang, 'help.lint.suppress-all'))
        .option('--prune-suppressions', t(lang, 'help.lint.prune-suppressions'))
        .option('--suppressions-location <file>', t(lang, 'help.lint.suppressions-location'))
        .option('--pass-on-unpruned-suppressions', t(lang, 'help.lint.pass-on-unpruned'))
        .option('--cache', t(lang, 'help.lint.cache'))
        .option('--cache-location <dir>', t(lang, 'help.lint.cache-location'))
        .option('--cache-strategy <strategy>', t(lang, 'help.lint.cache-strategy'))
        .option('--concurrency <n|auto|off>', t(lang, 'help.lint.concurrency'));
      addReadOptions(command, lang);
    },
    async run(ctx, args, options) {
      const { run } = await import('./lint.js');
      const source = lintCommand?.parent?.getOptionValueSource('lang');
      const langExplicit = source === 'cli' || Boolean(process.env.KH_LANG?.trim());
      return run(ctx, (args[0] as string[] | undefined) ?? [], {
        format: options.format as FormatName,
        ...reportAndRuleOptions(options),
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
        cacheStrategy: options.cacheStrategy as string | undefined,
        concurrency: options.concurrency as string | undefined,
        langExplicit,
      });
    },
  },
  {
    name: 'merge-reports',
    args: [{ syntax: { id: 'help.merge-reports.inputs-syntax' }, description: 'help.merge-reports.inputs' }],
    description: 'help.merge-reports.description',
    configure(command, lang) {
      mergeCommand = command;
      addReportAndRuleOptions(command, lang)
        .option('--suppressions-location <file>', t(lang, 'help.lint.suppressions-location'))
        .option('--pass-on-unpruned-suppressions', t(lang, 'help.lint.pass-on-unpruned'));
    },
    async run(ctx, args, options) {
      const { run } = await import('../../ci/merge-command.js');
      const source = mergeCommand?.parent?.getOptionValueSource('lang');
      return run(ctx, (args[0] as string[] | undefined) ?? [], {
        format: options.format as FormatName,
        ...reportAndRuleOptions(options),
        suppressionsLocation: options.suppressionsLocation as string | undefined,
        passOnUnprunedSuppressions: Boolean(options.passOnUnprunedSuppressions),
        langExplicit: source === 'cli' || Boolean(process.env.KH_LANG?.trim()),
      });
    },
  },
  {
    name: 'rules',
    description: 'help.lint.rules',
    configure(command, lang) {
      command.addOption(
        command
          .createOption('-f, --format <format>', t(lang, 'help.lint.rules-format'))
          .choices(['text', 'json'])
          .default('text'),
      );
    },
    async run(ctx, _args, options) {
      const { run } = await import('./rules.js');
      return run(ctx, { format: options.format as 'text' | 'json' });
    },
  },
  {
    name: 'explain',
    args: [{ syntax: { id: 'help.explain.rule-syntax' }, description: 'help.lint.explain-rule' }],
    description: 'help.lint.explain',
    async run(ctx, args) {
      const { run } = await import('./explain.js');
      return run(ctx, args[0] as string);
    },
  },
  {
    name: 'init',
    description: 'help.lint.init',
    configure(command, lang) {
      command.option('--force', t(lang, 'help.lint.force'));
    },
    async run(ctx, _args, options) {
      const { run } = await import('./init.js');
      return run(ctx, { force: Boolean(options.force) });
    },
  },
];
