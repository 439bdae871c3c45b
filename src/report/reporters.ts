/**
 * Every report format of every command, declared once: `--format` choices, defaults (the first
 * reporter of a command) and help texts derive from this table, and the commands print through
 * `loadReporter`. Each reporter's module is imported in `load`, so the table is light enough for
 * `kh --help`.
 *
 * Adding a format is adding one entry here. `registerReporter` adds one at run time (tests,
 * embedders).
 */
import { t, type Lang, type MessageId } from '../i18n/index.js';
import type { Plan } from '../plan/schema.js';
import type { DiffReport } from '../diff/model.js';
import type { CitedDocument } from '../cite/collect.js';
import type { Matrix } from '../domain/matrix.js';
import type { Formatter } from './types.js';

/** What a command hands its reporter (lint's reporters are `Formatter`s, src/report/types.ts). */
export interface ReporterInputs {
  /** The plans read, in order; `single`: one file was named (JSON prints the object, not an array). */
  parse: { plans: readonly Plan[]; single: boolean };
  diff: { report: DiffReport; oldPlan: Plan; newPlan: Plan };
  /** `multi`: several files were named (places then name their file). */
  cite: { documents: readonly CitedDocument[]; multi: boolean };
  owners: { files: readonly { filePath: string; matrix: Matrix }[]; single: boolean };
}

/** What every reporter but lint's receives. */
export interface RenderContext {
  lang: Lang;
  /** ANSI colours (terminal formats only). */
  color: boolean;
}

export type ReportingCommand = keyof ReporterInputs | 'lint';

export type Render<C extends ReportingCommand> = C extends keyof ReporterInputs
  ? (input: ReporterInputs[C], context: RenderContext) => string | Promise<string>
  : Formatter;

export interface Reporter<C extends ReportingCommand> {
  readonly name: string;
  /** Said after the name where a help text lists the formats: "table (bảng trên màn hình)". */
  readonly note?: MessageId;
  load(): Promise<Render<C>>;
}

async function chalkOf(color: boolean) {
  const { Chalk } = await import('chalk');
  return new Chalk({ level: color ? 1 : 0 });
}

const BUILT_IN_REPORTERS = {
  parse: [
    {
      name: 'json',
      load: async () => (input: ReporterInputs['parse']) =>
        input.plans.length > 0
          ? `${JSON.stringify(input.single ? input.plans[0] : input.plans, null, 2)}\n`
          : '',
    },
    {
      name: 'outline',
      async load() {
        const [{ formatOutline }, { Chalk }] = await Promise.all([import('./outline.js'), import('chalk')]);
        return (input: ReporterInputs['parse'], context: RenderContext) => {
          const chalk = new Chalk({ level: context.color ? 1 : 0 });
          return input.plans.map((plan) => formatOutline(plan, context, chalk)).join('\n');
        };
      },
    },
  ],
  lint: [
    { name: 'stylish', load: async () => (await import('./stylish.js')).format },
    { name: 'json', load: async () => (await import('./json.js')).format },
    { name: 'sarif', load: async () => (await import('./sarif.js')).format },
    { name: 'github', load: async () => (await import('./github.js')).format },
    { name: 'html', load: async () => (await import('./html.js')).format },
    { name: 'gitlab', load: async () => (await import('./gitlab.js')).format },
  ],
  diff: [
    {
      name: 'text',
      async load() {
        const { formatText } = await import('../diff/format.js');
        return async (input: ReporterInputs['diff'], context: RenderContext) =>
          formatText(input.report, context.lang, await chalkOf(context.color));
      },
    },
    {
      name: 'markdown',
      async load() {
        const { formatMarkdown } = await import('../diff/format.js');
        return (input: ReporterInputs['diff'], context: RenderContext) =>
          formatMarkdown(input.report, context.lang);
      },
    },
    {
      name: 'json',
      async load() {
        const { formatJson } = await import('../diff/format.js');
        return (input: ReporterInputs['diff']) => formatJson(input.report);
      },
    },
    {
      name: 'html',
      async load() {
        const { formatHtml } = await import('../diff/html.js');
        return (input: ReporterInputs['diff'], context: RenderContext) =>
          formatHtml(input.report, input.oldPlan, input.newPlan, context.lang);
      },
    },
  ],
  cite: (['table', 'json', 'csv', 'md'] as const).map((name) => ({
    name,
    async load() {
      const { formatCitations } = await import('../cite/format.js');
      return (input: ReporterInputs['cite'], context: RenderContext) =>
        formatCitations(input.documents, name, context.lang, input.multi);
    },
  })),
  owners: [
    ...(
      [
        ['table', 'report.note.owners-table'],
        ['json', undefined],
        ['csv', undefined],
        ['md', undefined],
      ] as const
    ).map(([name, note]) => ({
      name,
      ...(note ? { note } : {}),
      async load() {
        const { renderOwners, summarize } = await import('../owners/render.js');
        if (name === 'json') {
          return (input: ReporterInputs['owners'], context: RenderContext) => {
            const summaries = input.files.map((f) => summarize(f.filePath, f.matrix, context.lang));
            return summaries.length > 0
              ? `${JSON.stringify(input.single ? summaries[0] : summaries, null, 2)}\n`
              : '';
          };
        }
        return (input: ReporterInputs['owners'], context: RenderContext) =>
          input.files
            .map((f) =>
              renderOwners(f.filePath, f.matrix, name, { lang: context.lang, color: context.color }),
            )
            .join('\n');
      },
    })),
  ],
} as const;

/** The built-in format names of a command ('stylish' | 'json' | … for lint). */
export type ReporterName<C extends ReportingCommand> = (typeof BUILT_IN_REPORTERS)[C][number]['name'];

const reporters = Object.fromEntries(
  Object.entries(BUILT_IN_REPORTERS).map(([command, list]) => [
    command,
    [...(list as readonly Reporter<ReportingCommand>[])],
  ]),
) as { [C in ReportingCommand]: Reporter<C>[] };

export function registerReporter<C extends ReportingCommand>(command: C, reporter: Reporter<C>): void {
  const list = reporters[command] as Reporter<C>[];
  const at = list.findIndex((r) => r.name === reporter.name);
  if (at >= 0) list[at] = reporter;
  else list.push(reporter);
}

/** Removes a reporter added by registerReporter (tests); built-in ones stay. */
export function unregisterReporter(command: ReportingCommand, name: string): void {
  const list = reporters[command] as Reporter<ReportingCommand>[];
  const builtIn = (BUILT_IN_REPORTERS[command] as readonly { name: string }[]).some((r) => r.name === name);
  const at = list.findIndex((r) => r.name === name);
  if (at >= 0 && !builtIn) list.splice(at, 1);
}

/** The `--format` choices of a command, its default first. */
export function reporterNames(command: ReportingCommand): string[] {
  return reporters[command].map((r) => r.name);
}

export function defaultReporter(command: ReportingCommand): string {
  return reporters[command][0]!.name;
}

export function isReporterName(command: ReportingCommand, name: unknown): boolean {
  return typeof name === 'string' && reporters[command].some((r) => r.name === name);
}

/** "table (bảng trên màn hình), json, csv, md": the formats of a command for a help text. */
export function reporterList(command: ReportingCommand, lang: Lang): string {
  return reporters[command].map((r) => (r.note ? `${r.name} (${t(lang, r.note)})` : r.name)).join(', ');
}

/** The render function of `command`'s format `name`; throws for a name the table lacks. */
export async function loadReporter<C extends ReportingCommand>(command: C, name: string): Promise<Render<C>> {
  const reporter = (reporters[command] as Reporter<C>[]).find((r) => r.name === name);
  if (!reporter)
    throw new Error(`kh ${command}: no reporter "${name}" (known: ${reporterNames(command).join(', ')})`);
  return reporter.load();
}

/** Loads and runs one of a command's reporters (lint's: src/report/index.ts formatResults). */
export async function render<C extends keyof ReporterInputs>(
  command: C,
  name: string,
  input: ReporterInputs[C],
  context: RenderContext,
): Promise<string> {
  const fn = (await loadReporter(command, name)) as (
    input: ReporterInputs[C],
    context: RenderContext,
  ) => string | Promise<string>;
  return fn(input, context);
}
