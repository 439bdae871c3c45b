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
import { msg, t } from '../i18n/index.js';

export { InputError, type InputErrorCode } from '../util/errors.js';
export { ConfigError, ReferenceError, OutputError };

/** Why `diffFiles` found no pair of plans to compare. */
export type DiffErrorCode = 'no-year' | 'several' | 'no-pair' | 'no-documents';

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
    const text = diffErrorText(lang, this.code, this.data);
    return this.data.candidates ? `${text}\n${this.data.candidates.join('\n')}` : text;
  }
}

function diffErrorText(lang: Lang, code: DiffErrorCode, d: DiffErrorData): string {
  const year = d.year ?? '?';
  switch (code) {
    case 'no-year':
      return t(lang, 'diff.no-year', {
        year,
        found: d.found ? msg('diff.years-found', { found: d.found }) : msg('diff.no-plan-year'),
      });
    case 'several':
      return t(lang, 'diff.several', { year });
    case 'no-pair':
      return t(lang, 'diff.no-pair', { a: year, b: d.otherYear ?? '?' });
    case 'no-documents':
      return t(lang, 'diff.no-docs', { extensions: extensionList(), where: d.where ?? '?' });
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
    error instanceof ConfigError ||
    error instanceof ReferenceError ||
    error instanceof OutputError ||
    error instanceof DiffError ||
    error instanceof FileError
  );
}
