/**
 * `annotateDocx`: a copy of a .docx with one Word comment per finding (anchored on the text it
 * cites) and, optionally, the certain fixes as tracked changes by "kh" (src/annotate/docx-comments.ts).
 * What `kh annotate` does before printing its summary line. The original is never written.
 *
 * The findings come from the caller (`findings(input)`: kh annotate passes kh lint's own run, so
 * configuration, --rule and --ref mean the same as there); they are asked for after the file was
 * read, so a missing or unreadable file is reported as such before any lint work.
 */
import { msg, t } from '../i18n/index.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Lang } from '../util/errors.js';
import { assertNotInput, writeAtomically } from '../util/output.js';
import { FileError } from './errors.js';
import type { CommentNote } from '../annotate/docx-comments.js';

/** One finding as kh lint's JSON report gives it. */
export interface AnnotateFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The Word paragraph (absent: a finding about the document as a whole). */
  paragraph?: number;
  excerpt: string;
  suggestion?: string;
}

/** A certain fix of one paragraph's text (kh lint --fix's), written as a tracked change. */
export interface AnnotateFix {
  paragraph: number;
  column: number;
  expected: string;
  text: string;
}

export interface AnnotateOptions {
  /** Output path (default: <name>.kh.docx next to the input). */
  output?: string | undefined;
  /** Overwrite an existing output. */
  force?: boolean | undefined;
  /** Default process.cwd(). */
  cwd?: string | undefined;
  /** Language of the comments. */
  lang?: Lang | undefined;
  /** The findings (and certain fixes, written only when given) of the input. */
  findings: (
    input: string,
  ) => Promise<{ findings: readonly AnnotateFinding[]; fixes?: readonly AnnotateFix[] | undefined }>;
}

export interface AnnotateSummary {
  /** The output path as shown to the user. */
  output: string;
  comments: number;
  /** Comments anchored on the text they cite (the others on whole paragraphs). */
  onText: number;
  /** Fixes written as tracked changes, of `fixes` proposed. */
  fixed: number;
  fixes: number;
}

export type AnnotateErrorCode = 'not-docx' | 'output-is-input' | 'output-exists' | 'cannot-write';

export class AnnotateError extends Error {
  constructor(
    readonly code: AnnotateErrorCode,
    readonly data: Record<string, string>,
    cause?: unknown,
  ) {
    super(`${code} ${JSON.stringify(data)}`, { cause });
    this.name = 'AnnotateError';
  }
  describe(lang: Lang): string {
    const d = this.data;
    switch (this.code) {
      case 'not-docx':
        return `${d.input}: ${t(lang, 'annotate.not-docx', { ext: d.ext || msg('annotate.this') })}`;
      case 'output-is-input':
        return `${d.output}: ${t(lang, 'annotate.is-input')}`;
      case 'output-exists':
        return t(lang, 'annotate.exists', { file: d.output ?? '?' });
      case 'cannot-write':
        return t(lang, 'annotate.cannot-write', { file: d.output ?? '?', reason: d.reason ?? '?' });
    }
  }
}

/** `plan.docx` → `plan.kh.docx` next to it. */
export function defaultOutputPath(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.kh${ext || '.docx'}`);
}

/** The body of one finding's comment. */
export function commentBody(finding: AnnotateFinding, lang: Lang): string[] {
  const body = [`${t(lang, `annotate.severity.${finding.severity}`)}: ${finding.message}`];
  if (finding.suggestion !== undefined) body.push(`${t(lang, 'annotate.suggestion')}: ${finding.suggestion}`);
  body.push(t(lang, 'annotate.rule', { id: finding.ruleId }));
  return body;
}

/**
 * Writes the annotated copy. Throws AnnotateError (not a .docx, output = input, output exists,
 * cannot write) or FileError (the input cannot be read or is not a Word document); whatever
 * `findings` throws passes through.
 */
export async function annotateDocx(input: string, options: AnnotateOptions): Promise<AnnotateSummary> {
  const cwd = options.cwd ?? process.cwd();
  const lang = options.lang ?? 'vi';
  const ext = extname(input).toLowerCase();
  if (ext !== '.docx') throw new AnnotateError('not-docx', { input, ext });
  const inputPath = resolve(cwd, input);
  const shownOutput = options.output ?? defaultOutputPath(input);
  const outputPath = resolve(cwd, shownOutput);
  try {
    assertNotInput(outputPath, { inputs: [inputPath] });
  } catch (error) {
    throw new AnnotateError('output-is-input', { output: shownOutput }, error);
  }
  let data: Uint8Array;
  try {
    data = await readFile(inputPath);
  } catch (error) {
    throw new FileError(input, error);
  }

  const { findings, fixes = [] } = await options.findings(input);
  const notes: CommentNote[] = findings
    .filter((m) => m.paragraph !== undefined)
    .map((m) => ({
      paragraph: m.paragraph!,
      endParagraph: m.endLine >= m.line ? m.endLine : m.line,
      text: m.excerpt,
      column: m.column,
      body: commentBody(m, lang),
    }));
  // Findings about the document as a whole (no paragraph) go on its first paragraph with text.
  for (const m of findings.filter((m) => m.paragraph === undefined)) {
    notes.push({ paragraph: 0, text: '', column: 1, body: commentBody(m, lang) });
  }

  if (!options.force && existsSync(outputPath))
    throw new AnnotateError('output-exists', { output: shownOutput });
  const { addComments } = await import('../annotate/docx-comments.js');
  let annotated;
  try {
    annotated = addComments(data, notes, fixes);
  } catch (error) {
    throw new FileError(input, error);
  }
  try {
    await writeAtomically(outputPath, annotated.data);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AnnotateError('cannot-write', { output: shownOutput, reason }, error);
  }
  return {
    output: shownOutput,
    comments: annotated.placed.length,
    onText: annotated.placed.filter((p) => p.anchor === 'text').length,
    fixed: annotated.fixed,
    fixes: fixes.length,
  };
}
