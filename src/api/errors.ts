/**
 * The errors kh's API throws about its input (never bugs), each a class with a code or a kind and
 * `describe(lang)`: the one line the CLI prints, exit code 2. Callers tell them apart with
 * `instanceof` (or `isUserError`), never by `error.name`. Free of heavy imports.
 */
import { describeError, type Lang } from '../util/errors.js';
import { ConfigError } from '../config/errors.js';
import { ReferenceError } from '../owners/reference-error.js';
import { OutputError } from '../util/output.js';
import { extensionList } from '../parse/formats.js';

export { InputError, type InputErrorCode } from '../util/errors.js';
export { ConfigError, ReferenceError, OutputError };

/** Why `diffFiles` found no pair of plans to compare. */
export type DiffErrorCode = 'no-year' | 'several' | 'no-pair' | 'no-documents';

const DIFF_TEXTS = {
  vi: {
    'no-year': (d: DiffErrorData) => `không có kế hoạch nào của năm ${d.year} trong các văn bản đã đọc${d.found ? ` (các năm tìm thấy: ${d.found})` : ' (không văn bản nào có năm kế hoạch)'}`,
    several: (d: DiffErrorData) => `có nhiều kế hoạch của năm ${d.year}; hãy chỉ rõ tệp (kh diff cũ.docx mới.docx) hoặc dùng --issuer:`,
    'no-pair': (d: DiffErrorData) => `không ghép được kế hoạch năm ${d.year} với kế hoạch năm ${d.otherYear} (khác cơ quan ban hành hoặc nội dung); hãy chỉ rõ tệp hoặc dùng --issuer:`,
    'no-documents': (d: DiffErrorData) => `không tìm thấy văn bản nào (${extensionList()}) trong ${d.where}`,
  },
  en: {
    'no-year': (d: DiffErrorData) => `no plan of year ${d.year} among the documents read${d.found ? ` (years found: ${d.found})` : ' (none has a plan year)'}`,
    several: (d: DiffErrorData) => `several plans of year ${d.year}; give the files (kh diff old.docx new.docx) or use --issuer:`,
    'no-pair': (d: DiffErrorData) => `cannot pair a ${d.year} plan with a ${d.otherYear} plan (different issuer or subject); give the files or use --issuer:`,
    'no-documents': (d: DiffErrorData) => `no document (${extensionList()}) found in ${d.where}`,
  },
} satisfies Record<Lang, Record<DiffErrorCode, unknown>>;

export interface DiffErrorData {
  year?: string;
  otherYear?: string;
  /** Plan years found ("2023, 2024"). */
  found?: string;
  /** The inputs searched. */
  where?: string;
  /** The candidate plans, one line each ("  2024  a.docx: issuer — title"). */
  candidates?: string[];
}

export class DiffError extends Error {
  constructor(
    readonly code: DiffErrorCode,
    readonly data: DiffErrorData,
  ) {
    super(`${code} ${JSON.stringify(data)}`);
    this.name = 'DiffError';
  }
  describe(lang: Lang): string {
    const text = DIFF_TEXTS[lang][this.code](this.data);
    return this.data.candidates ? `${text}\n${this.data.candidates.join('\n')}` : text;
  }
}

/** A file of the run that could not be read: "<file>: <why>" (the cause is an InputError or a bug). */
export class FileError extends Error {
  constructor(
    readonly filePath: string,
    cause: unknown,
  ) {
    super(`${filePath}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'FileError';
  }
  describe(lang: Lang): string {
    return `${this.filePath}: ${describeError(this.cause, lang)}`;
  }
}

/** An error about the user's input or configuration, with its one-line description. */
export type UserError = ConfigError | ReferenceError | OutputError | DiffError | FileError;

export function isUserError(error: unknown): error is UserError {
  return (
    error instanceof ConfigError || error instanceof ReferenceError || error instanceof OutputError || error instanceof DiffError || error instanceof FileError
  );
}
