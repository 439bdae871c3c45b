/**
 * kh's command line. bin/kh.js calls `main(process.argv)` and exits with what it returns.
 *
 * Start-up is kept small: this module loads commander and the CLI strings only. Each command's
 * module (and with it unified, mammoth, pdf.js, zod …) is imported inside its action.
 * Exit codes: 0 ok; 1 a command's own "found problems" result (lint); 2 bad input or usage.
 */
import { readFileSync } from 'node:fs';
import type { Command, Help, Option } from 'commander';
import type { Lang } from '../util/errors.js';
import type { CliContext } from '../util/cli.js';
import { errorStack } from '../util/cli.js';
import { describeError } from '../util/errors.js';
import { LANGS, preScanLang, translateCommanderError } from './i18n.js';
import { msg, render, t, type Message, type MessageId } from '../i18n/index.js';
import { extensionListMessage, formatLabelListMessage } from '../parse/formats.js';
import { lintCommands } from './commands/lint-commands.js';
import { citeCommands } from './commands/cite-commands.js';
import { diffCommands } from './commands/diff-commands.js';
import { annotateCommands } from './commands/annotate-commands.js';
import { ownersCommands } from './commands/owners-commands.js';
import { dataCommands } from './commands/data-commands.js';
import { convertCommands } from './commands/convert-commands.js';
import { addReadOptions } from './read-options.js';
import { defaultReporter, reporterNames } from '../report/reporters.js';

/** One `kh` command. Its words are catalogue ids (src/i18n/messages/); everything else is loaded lazily. */
export interface CommandSpec {
  /** commander syntax: 'parse', plus arguments in `args`. */
  name: string;
  /** commander argument syntax, e.g. '<files...>' (a message id when it is worded per language). */
  args?: { syntax: string | { id: MessageId }; description: MessageId | Message }[];
  /** A message id, or a message with data (e.g. the list of extensions from the format table). */
  description: MessageId | Message;
  /** Adds the command's options (use `lang` for their descriptions). */
  configure?: (command: Command, lang: Lang) => void;
  /**
   * Runs the command: import its module here (`await import('./commands/x.js')`).
   * `args` are commander's positional values in order; returns the exit code.
   */
  run: (ctx: CliContext, args: unknown[], options: Record<string, unknown>) => Promise<number>;
}

const commands: CommandSpec[] = [
  {
    name: 'parse',
    args: [
      {
        syntax: { id: 'cli.parse.files-syntax' },
        description: msg('cli.parse.files', { extensions: extensionListMessage('list.or') }),
      },
    ],
    description: 'cli.parse.description',
    configure(command, lang) {
      command.addOption(
        command
          .createOption('-f, --format <format>', t(lang, 'cli.parse.format'))
          .choices(reporterNames('parse'))
          .default(defaultReporter('parse')),
      );
      addReadOptions(command, lang);
    },
    async run(ctx, args, options) {
      const { run } = await import('./commands/parse.js');
      return run(ctx, args[0] as string[], {
        format: options.format as string,
        maxFileSize: options.maxFileSize as string | undefined,
        timeoutPerFile: options.timeoutPerFile as string | undefined,
        ocr: options.ocr === true,
      });
    },
  },
  {
    name: 'schema',
    description: 'cli.schema.description',
    async run(ctx) {
      const { run } = await import('./commands/schema.js');
      return run(ctx);
    },
  },
  // The lint engine's commands: lint, rules, explain, init (entries in commands/lint-commands.ts).
  ...lintCommands,
  // kh cite (commands/cite-commands.ts).
  ...citeCommands,
  ...annotateCommands,
  // kh diff (commands/diff-commands.ts).
  ...diffCommands,
  // kh owners (commands/owners-commands.ts).
  ...ownersCommands,
  // kh data, kh data check (commands/data-commands.ts).
  ...dataCommands,
  // kh convert (commands/convert-commands.ts).
  ...convertCommands,
];

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colours). */
  isTTY: boolean;
}

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  env: process.env,
  get isTTY() {
    return Boolean(process.stdout.isTTY);
  },
};

type Commander = typeof import('commander');

/** commander's section titles and their catalogue ids. */
const TITLES: Record<string, MessageId> = {
  'Usage:': 'cli.title.usage',
  'Arguments:': 'cli.title.arguments',
  'Options:': 'cli.title.options',
  'Commands:': 'cli.title.commands',
  'Global Options:': 'cli.title.global-options',
};

function buildProgram(commander: Commander, lang: Lang, io: Io, setExit: (code: number) => void): Command {
  const usageOptions = t(lang, 'cli.usage-options');
  const program = new commander.Command('kh');
  program
    .description(t(lang, 'cli.program-description', { formats: formatLabelListMessage('list.or') }))
    .version(readVersion(), '-V, --version', t(lang, 'cli.opt-version'))
    .helpOption('-h, --help', t(lang, 'cli.opt-help'))
    .helpCommand(`help [${t(lang, 'cli.usage-command')}]`, t(lang, 'cli.help-command'))
    .addOption(new commander.Option('--lang <lang>', t(lang, 'cli.opt-lang')).choices([...LANGS]))
    .option('--debug', t(lang, 'cli.opt-debug'))
    .option('--no-color', t(lang, 'cli.opt-no-color'))
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      outputError: (text, write) => write(`kh: ${translateCommanderError(text, lang)}\n`),
    })
    .configureHelp({
      styleTitle: (title: string) => (title in TITLES ? t(lang, TITLES[title]!) : title),
      subcommandTerm(this: Help, command: Command) {
        const args = command.registeredArguments.map((a) =>
          a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`,
        );
        const hasOptions = command.options.length > 0;
        return [command.name(), hasOptions ? `[${usageOptions}]` : '', ...args].filter(Boolean).join(' ');
      },
      optionDescription(this: Help, option: Option) {
        return describeWithExtras(
          option.description,
          option.argChoices,
          option.required || option.optional ? option.defaultValue : undefined,
          lang,
        );
      },
    } as Partial<Help>);
  // commander's usage line in the reader's words (in English the same as commander's own)
  program.usage(`[${usageOptions}] [${t(lang, 'cli.usage-command')}]`);

  for (const spec of commands) {
    const command = program.command(spec.name).description(wordsOf(lang, spec.description));
    const argSyntax = (spec.args ?? []).map((arg) =>
      typeof arg.syntax === 'string' ? arg.syntax : t(lang, arg.syntax.id),
    );
    (spec.args ?? []).forEach((arg, i) => command.argument(argSyntax[i]!, wordsOf(lang, arg.description)));
    spec.configure?.(command, lang);
    const argsUsage = argSyntax.join(' ');
    command.usage(`[${usageOptions}]${argsUsage ? ` ${argsUsage}` : ''}`);
    command.action(async (...actionArgs: unknown[]) => {
      const self = actionArgs[actionArgs.length - 1] as Command;
      const options = self.opts();
      const globals = self.optsWithGlobals() as { lang?: Lang; debug?: boolean; color?: boolean };
      const ctx: CliContext = {
        lang: globals.lang ?? lang,
        debug: Boolean(globals.debug),
        color: globals.color !== false && !io.env.NO_COLOR && (io.isTTY || forceColor(io.env.FORCE_COLOR)),
        out: io.out,
        err: io.err,
      };
      setExit(await spec.run(ctx, actionArgs.slice(0, -2), options));
    });
  }
  return program;
}

function forceColor(value: string | undefined): boolean {
  return value !== undefined && value !== '0' && value.toLowerCase() !== 'false';
}

/** A command's words: a message id, or a message with data. */
function wordsOf(lang: Lang, words: MessageId | Message): string {
  return typeof words === 'string' ? t(lang, words) : render(lang, words);
}

function describeWithExtras(
  description: string,
  choices: string[] | undefined,
  defaultValue: unknown,
  lang: Lang,
): string {
  const extras: string[] = [];
  if (choices) extras.push(`${t(lang, 'cli.choices')}: ${choices.join(', ')}`);
  if (defaultValue !== undefined && typeof defaultValue !== 'boolean')
    extras.push(`${t(lang, 'cli.default')}: ${String(defaultValue)}`);
  return extras.length ? `${description} (${extras.join('; ')})` : description;
}

/** Runs kh with `argv` as process.argv (node, script, …args). Returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) {
    // `kh parse … | head`: a closed pipe ends the output quietly.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const args = argv.slice(2);
  // Fast path: `kh --version` needs nothing but package.json.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    io.out(`${readVersion()}\n`);
    return 0;
  }
  const lang = preScanLang(args, io.env);
  let exitCode = 0;
  // Imported here, not at the top, so that the --version fast path does not pay for it.
  const commander = await import('commander');
  const program = buildProgram(commander, lang, io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof commander.CommanderError) {
      // help and --version end with exit code 0; any usage error is bad input (2).
      return error.exitCode === 0 ? 0 : 2;
    }
    io.err(`kh: ${describeError(error, lang)}\n`);
    if (argv.includes('--debug')) io.err(`${errorStack(error)}\n`);
    return 2;
  }
}
