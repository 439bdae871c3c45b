/**
 * The input formats kh knows, declared once. Everything that depends on the kind of file derives
 * from this table: the parser dispatch (src/parse/index.ts), the `SourceFormat` type and the Plan
 * schema's `source.format` enum, file discovery in directories and globs (src/api/inputs.ts),
 * which copy `kh diff 2023 2024` prefers, the worker's pre-loading, and the lists of extensions
 * in help and error texts.
 *
 * Adding a format is adding one entry to BUILT_IN_FORMATS (its parser imported inside `load`, so
 * that `kh --help` does not load it). `registerInputFormat` adds one at run time (tests, embedders;
 * runs in this thread only: worker threads see the built-in table).
 *
 * Kept free of heavy imports: the CLI's help texts read it.
 */
import { msg, type MessageValue } from '../i18n/index.js';
import type { InputErrorCode } from '../util/errors.js';
import type { Limits } from '../util/limits.js';
import type { ParsedDocument } from './types.js';

/** The catalogue's ways of joining the last two items of a list. */
export type ListId = 'list.and' | 'list.or' | 'list.or-hay';

/** How to read, beyond the limits. */
export interface ReadOptions {
  /** Read a PDF through OCR even when it has a text layer (scans are OCR'd anyway). */
  ocr?: boolean;
  /** Time the OCR of one file may take, in ms (the per-file timeout; default 60 000). */
  timeoutMs?: number;
}

export interface InputFormat {
  /** The name in `plan.source.format` and in messages ("text", "docx", "pdf"). */
  readonly format: string;
  /** Every extension read as this format, lower case with the dot. */
  readonly extensions: readonly string[];
  /**
   * The extensions looked for in directories and globs and named in help and error texts (a
   * file with another of `extensions` is still read when named). Default: `extensions`.
   */
  readonly discovered?: readonly string[];
  /** How help texts name the format ("Đọc … từ tệp .txt/.md, .docx hoặc .pdf"). */
  readonly label: string;
  /**
   * When the same document is saved in several formats (000.docx, 000.txt, 000.pdf), the copy
   * `kh diff 2023 2024` keeps: lower first. A format without a rank is kept before any ranked one
   * (as an unknown extension is).
   */
  readonly rank?: number;
  /** Bytes (non-empty, within limits.fileSize) → the parsed document; throws InputError. */
  readonly load?: (
    data: Uint8Array,
    filePath: string,
    limits: Limits,
    options?: ReadOptions,
  ) => Promise<ParsedDocument>;
  /** A format kh recognises and refuses before reading it (with this error's message). */
  readonly refused?: InputErrorCode;
  /** Modules a reading worker loads before a file's time starts (src/workers/plan-worker.ts). */
  readonly preload?: () => Promise<unknown>[];
}

// The text parser's modules, imported once (one await per file afterwards: kh lint reads
// hundreds of small text files).
let textModulesLoading: Promise<
  typeof import('./decode.js') &
    typeof import('./text.js') &
    typeof import('../util/errors.js') &
    typeof import('../util/limits.js')
> | null = null;
function textModules() {
  textModulesLoading ??= Promise.all([
    import('./decode.js'),
    import('./text.js'),
    import('../util/errors.js'),
    import('../util/limits.js'),
  ]).then(([decode, text, errors, limits]) => ({ ...decode, ...text, ...errors, ...limits }));
  return textModulesLoading;
}

const BUILT_IN_FORMATS = [
  {
    format: 'text',
    extensions: ['.txt', '.md', '.markdown'],
    discovered: ['.txt', '.md'],
    label: '.txt/.md',
    rank: 1,
    async load(data: Uint8Array, filePath: string, limits: Limits): Promise<ParsedDocument> {
      const { decodeTextDetailed, parseText, InputError, exceeded } = await textModules();
      // TCVN3, VNI and Windows-1258 files are converted; the Plan records from what.
      const { text, encoding } = decodeTextDetailed(data);
      if (text.length > limits.textLength) exceeded(limits, 'textLength');
      if (text.trim() === '') throw new InputError('empty');
      const doc = parseText(text, filePath);
      return encoding ? { ...doc, converted: { from: encoding, runs: null } } : doc;
    },
    preload: (): Promise<unknown>[] => [import('./text.js')],
  },
  {
    format: 'docx',
    extensions: ['.docx'],
    label: '.docx',
    rank: 0,
    async load(data: Uint8Array, filePath: string, limits: Limits): Promise<ParsedDocument> {
      const { parseDocx } = await import('./docx.js');
      return parseDocx(data, filePath, limits);
    },
    preload: (): Promise<unknown>[] => [import('./docx.js'), import('mammoth')],
  },
  {
    format: 'doc',
    extensions: ['.doc'],
    label: '.doc',
    rank: 0.5, // kh diff keeps .docx, then .doc, then text, then .pdf
    async load(data: Uint8Array, filePath: string, limits: Limits): Promise<ParsedDocument> {
      const { parseDoc } = await import('./doc.js');
      return parseDoc(data, filePath, limits);
    },
    preload: (): Promise<unknown>[] => [
      import('./doc.js'),
      import('./doc-binary.js').then((m) => m.loadLibrary()),
    ],
  },
  {
    format: 'pdf',
    extensions: ['.pdf'],
    label: '.pdf',
    rank: 2,
    async load(
      data: Uint8Array,
      filePath: string,
      limits: Limits,
      options?: ReadOptions,
    ): Promise<ParsedDocument> {
      const { parsePdf } = await import('./pdf.js');
      return parsePdf(data, filePath, limits, options);
    },
    preload: (): Promise<unknown>[] => [import('./pdf.js'), import('pdf-parse')],
  },
] as const satisfies readonly InputFormat[];

type BuiltIn = (typeof BUILT_IN_FORMATS)[number];

/** The formats a Plan can come from (`plan.source.format`): those of the table kh can read. */
export type SourceFormat = Extract<BuiltIn, { load: unknown }>['format'];

/** The same names as values, for the Plan schema's enum (src/plan/schema.ts). */
export const SOURCE_FORMATS = BUILT_IN_FORMATS.filter((f) => 'load' in f).map((f) => f.format) as [
  SourceFormat,
  ...SourceFormat[],
];

const formats: InputFormat[] = [...BUILT_IN_FORMATS];
let byExtension: Map<string, InputFormat> | null = null;

/** Adds a format (or replaces the one of the same name). Its extensions win over earlier ones. */
export function registerInputFormat(format: InputFormat): void {
  const at = formats.findIndex((f) => f.format === format.format);
  if (at >= 0) formats[at] = format;
  else formats.push(format);
  byExtension = null;
}

/** Removes a format added by registerInputFormat (tests). */
export function unregisterInputFormat(name: string): void {
  const at = formats.findIndex((f) => f.format === name);
  if (at >= 0 && !BUILT_IN_FORMATS.some((f) => f.format === name)) formats.splice(at, 1);
  byExtension = null;
}

export function inputFormats(): readonly InputFormat[] {
  return formats;
}

function extensionOf(filePath: string): string {
  const name = filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** The format of a path, judged by its extension alone; null when kh does not know it. */
export function inputFormatOf(filePath: string): InputFormat | null {
  if (byExtension === null) {
    byExtension = new Map();
    for (const format of formats) for (const ext of format.extensions) byExtension.set(ext, format);
  }
  return byExtension.get(extensionOf(filePath)) ?? null;
}

const discoveredOf = (format: InputFormat) => format.discovered ?? format.extensions;

/** Extensions looked for in directories and globs: ['.txt', '.md', '.docx', '.pdf']. */
export function discoveredExtensions(): string[] {
  return formats.flatMap(discoveredOf);
}

/** Whether a directory walk or a glob picks this file (a known extension, not an Office lock file "~$x.docx"). */
export function isDiscoverable(filePath: string): boolean {
  const name = filePath.split(/[\\/]/).pop() ?? '';
  return discoveredExtensions().includes(extensionOf(name)) && !name.startsWith('~$');
}

function joinList(items: readonly string[], separator: string, last: string): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(separator)}${last}${items[items.length - 1]}`;
}

/** The discovered extensions for texts: ".txt, .md, .docx, .pdf"; `last` joins the final two (" và "). */
export function extensionList(last = ', '): string {
  return joinList(discoveredExtensions(), ', ', last);
}

/** The discovered extensions as a message joining the final two with `lastId`'s word (" và " / " and "). */
export function extensionListMessage(lastId: ListId): MessageValue {
  return listMessage(discoveredExtensions(), lastId);
}

/** The readable formats' labels as a message (".txt/.md, .docx hoặc .pdf" / "… or .pdf"). */
export function formatLabelListMessage(lastId: ListId): MessageValue {
  return listMessage(
    formats.filter((f) => discoveredOf(f).length > 0).map((f) => f.label),
    lastId,
  );
}

function listMessage(items: readonly string[], lastId: ListId): MessageValue {
  if (items.length <= 1) return items[0] ?? '';
  return msg(lastId, { init: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}

/** The readable formats' labels for texts: ".txt/.md, .docx hoặc .pdf" (`last` = " hoặc "). */
export function formatLabelList(last = ', '): string {
  return joinList(
    formats.filter((f) => discoveredOf(f).length > 0).map((f) => f.label),
    ', ',
    last,
  );
}

/**
 * Preference among copies of one document (lower first; -1 for a format without a rank or an
 * unknown extension): by the format's rank, then by the order of its extensions.
 */
export function copyRank(filePath: string): number {
  const ranked = formats.filter((f) => f.rank !== undefined).sort((a, b) => a.rank! - b.rank!);
  return ranked.flatMap((f) => f.extensions).indexOf(extensionOf(filePath));
}
