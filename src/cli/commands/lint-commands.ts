/**
 * The command-table entries of the lint engine (lint, rules, explain, init), spread into the
 * table of src/cli/index.ts. Light on purpose (commander is used through the command objects
 * only, so it stays lazily loaded): each command's module is imported in `run`.
 */
import type { Command } from 'commander';
import type { CommandSpec } from '../index.js';
import { t } from '../../i18n/index.js';
import { addReadOptions } from '../read-options.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'html'] as const;

/** The `lint` command object of the program being run (to ask whether --lang was given). */
let lintCommand: Command | undefined;

export const lintCommands: CommandSpec[] = [
  {
    name: 'lint',
    args: [{ syntax: { id: 'help.lint.inputs-syntax' }, description: 'help.lint.lint-inputs' }],
    description: 'help.lint.lint',
    configure(command, lang) {
      lintCommand = command;
      command
        .addOption(command.createOption('-f, --format <format>', t(lang, 'help.lint.format')).choices([...FORMATS]).default('stylish'))
        .option('-o, --output <file>', t(lang, 'help.lint.output'))
        .option('--max-warnings <n>', t(lang, 'help.lint.max-warnings'))
        .option('-q, --quiet', t(lang, 'help.lint.quiet'))
        .option('-c, --config <file>', t(lang, 'help.lint.config'))
        .option('--rule <id:severity>', t(lang, 'help.lint.rule'), (value: string, previous: string[] = []) => [...previous, value])
        .option('--strict-citations', t(lang, 'help.lint.strict-citations'))
        .option('--ref <file>', t(lang, 'help.lint.ref'), (value: string, previous: string[] = []) => [...previous, value])
        .option('--fix', t(lang, 'help.lint.fix'))
        .option('--fix-dry-run', t(lang, 'help.lint.fix-dry-run'));
      addReadOptions(command, lang);
    },
    async run(ctx, args, options) {
      const { run } = await import('./lint.js');
      const source = lintCommand?.parent?.getOptionValueSource('lang');
      const langExplicit = source === 'cli' || Boolean(process.env.KH_LANG?.trim());
      return run(ctx, (args[0] as string[] | undefined) ?? [], {
        format: options.format as (typeof FORMATS)[number],
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
    description: 'help.lint.rules',
    configure(command, lang) {
      command.addOption(command.createOption('-f, --format <format>', t(lang, 'help.lint.rules-format')).choices(['text', 'json']).default('text'));
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
  {
    name: 'cite',
    args: [{ syntax: { id: 'cli.parse.files-syntax' }, description: 'help.cite.files' }],
    description: 'help.cite.description',
    configure(command, lang) {
      command
        .addOption(command.createOption('-f, --format <format>', t(lang, 'help.cite.format')).choices(['table', 'json', 'csv', 'md']).default('table'))
        .option('-c, --config <file>', t(lang, 'help.lint.config'));
    },
    async run(ctx, args, options) {
      const { run } = await import('./cite.js');
      return run(ctx, args[0] as string[], { format: options.format as 'table' | 'json' | 'csv' | 'md', config: options.config as string | undefined });
    },
  },
];
