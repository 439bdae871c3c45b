/**
 * `kh annotate plan.docx [-o out.docx] [--force]`: lint the plan, then write a copy of it with one
 * Word comment per finding (src/annotate/docx-comments.ts). The findings come from `kh lint`'s
 * own run (JSON report captured), so configuration, --rule and --ref mean the same as there.
 *
 * Exit codes: 0 the copy was written; 2 bad input (not a .docx, unreadable, output exists, output
 * is the input, cannot write).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { assertNotInput, writeAtomically } from '../util/output.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { CliContext } from '../util/cli.js';
import { errorStack } from '../util/cli.js';
import { describeError, type Lang } from '../util/errors.js';
import { msg, t as text } from '../i18n/index.js';
import { addComments, type CommentNote, type FixNote } from './docx-comments.js';

export interface AnnotateOptions {
  output?: string | undefined;
  force?: boolean | undefined;
  config?: string | undefined;
  rule?: string[] | undefined;
  ref?: string[] | undefined;
  langExplicit?: boolean | undefined;
  cwd?: string | undefined;
  /** Also write the certain fixes (as kh lint --fix) as tracked changes by "kh". */
  fix?: boolean | undefined;
}

interface JsonMessage {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  paragraph?: number;
  excerpt: string;
  suggestion?: string;
}

/** This command's words in `lang` (src/i18n/messages/annotate.ts). */
function wordsOf(lang: Lang) {
  return {
    notDocx: (ext: string) => text(lang, 'annotate.not-docx', { ext: ext || msg('annotate.this') }),
    exists: (file: string) => text(lang, 'annotate.exists', { file }),
    isInput: text(lang, 'annotate.is-input'),
    cannotWrite: (file: string, reason: string) => text(lang, 'annotate.cannot-write', { file, reason }),
    severity: {
      error: text(lang, 'annotate.severity.error'),
      warning: text(lang, 'annotate.severity.warning'),
      info: text(lang, 'annotate.severity.info'),
    },
    suggestion: text(lang, 'annotate.suggestion'),
    rule: (id: string) => text(lang, 'annotate.rule', { id }),
    done: (file: string, n: number, onText: number) =>
      text(lang, 'annotate.done', { file, count: n, onText, onParagraph: n - onText }),
    fixed: (n: number, of: number) => text(lang, 'annotate.fixed', { fixed: n, of }),
  };
}

/** `plan.docx` → `plan.kh.docx` next to it. */
export function defaultOutputPath(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.kh${ext || '.docx'}`);
}


/** The body of one finding's comment. */
export function commentBody(message: JsonMessage, lang: Lang): string[] {
  const t = wordsOf(lang);
  const body = [`${t.severity[message.severity]}: ${message.message}`];
  if (message.suggestion !== undefined) body.push(`${t.suggestion}: ${message.suggestion}`);
  body.push(t.rule(message.ruleId));
  return body;
}

// long: the command's steps are commented; its lint run moves to src/api on the api branch
export async function run(ctx: CliContext, input: string, options: AnnotateOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const lang = ctx.lang;
  const t = wordsOf(lang);
  const fail = (message: string, error?: unknown) => {
    ctx.err(`kh: ${message}\n`);
    if (ctx.debug && error !== undefined) ctx.err(`${errorStack(error)}\n`);
    return 2;
  };
  const ext = extname(input).toLowerCase();
  if (ext !== '.docx') return fail(`${input}: ${t.notDocx(ext)}`);

  const inputPath = resolve(cwd, input);
  const shownOutput = options.output ?? defaultOutputPath(input);
  const outputPath = resolve(cwd, shownOutput);
  try {
    assertNotInput(outputPath, { inputs: [inputPath] });
  } catch {
    return fail(`${shownOutput}: ${t.isInput}`);
  }

  let data: Uint8Array;
  try {
    data = await readFile(inputPath);
  } catch (error) {
    return fail(`${input}: ${describeError(error, lang)}`, error);
  }

  // The findings: kh lint's own run on this one file, reported as JSON.
  let report = '';
  const errors: string[] = [];
  const { run: lint } = await import('../cli/commands/lint.js');
  const fixes: FixNote[] = [];
  const code = await lint(
    { ...ctx, color: false, out: (text) => (report += text), err: (text) => errors.push(text) },
    [input],
    {
      format: 'json',
      config: options.config,
      rule: options.rule,
      ref: options.ref,
      langExplicit: options.langExplicit,
      cwd,
      onMessages: (files) => {
        if (!options.fix) return;
        for (const m of files[0]?.messages ?? []) {
          if (m.textFix && m.paragraph !== undefined && m.endLine === m.line) {
            fixes.push({ paragraph: m.paragraph, column: m.column, expected: m.textFix.expected, text: m.textFix.text });
          }
        }
      },
    },
  );
  const [result] = report ? (JSON.parse(report) as { messages: JsonMessage[]; fatal: { message: string } | null }[]) : [];
  if (!result || result.fatal) {
    if (result?.fatal) return fail(`${input}: ${result.fatal.message}`);
    for (const line of errors) ctx.err(line);
    return code === 0 ? 2 : code;
  }

  const notes: CommentNote[] = result.messages
    .filter((m) => m.paragraph !== undefined)
    .map((m) => ({
      paragraph: m.paragraph!,
      endParagraph: m.endLine >= m.line ? m.endLine : m.line,
      text: m.excerpt,
      column: m.column,
      body: commentBody(m, lang),
    }));
  // Findings about the document as a whole (no paragraph) go on its first paragraph with text.
  for (const m of result.messages.filter((m) => m.paragraph === undefined)) {
    notes.push({ paragraph: 0, text: '', column: 1, body: commentBody(m, lang) });
  }

  if (!options.force && existsSync(outputPath)) return fail(t.exists(shownOutput));
  let annotated;
  try {
    annotated = addComments(data, notes, fixes);
  } catch (error) {
    return fail(`${input}: ${describeError(error, lang)}`, error);
  }
  try {
    await writeAtomically(outputPath, annotated.data);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return fail(t.cannotWrite(shownOutput, reason), error);
  }
  const onText = annotated.placed.filter((p) => p.anchor === 'text').length;
  ctx.err(`${t.done(shownOutput, annotated.placed.length, onText)}${options.fix ? t.fixed(annotated.fixed, fixes.length) : ''}\n`);
  return 0;
}
