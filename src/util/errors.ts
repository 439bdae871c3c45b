/**
 * Errors about the user's input (not bugs): printed as one localized line naming the file,
 * exit code 2, no stack trace unless --debug.
 */
import { extensionListMessage } from '../parse/formats.js';
import {
  isMessageId,
  LocalizedError,
  messageIds,
  msg,
  renderValue,
  t,
  type Lang,
  type Message,
  type MessageValue,
} from '../i18n/index.js';

/** Every code; each is worded by the catalogue entry `input.<code>` (src/i18n/messages/errors.ts). */
const INPUT_ERROR_CODE_LIST = [
  'not-found',
  'is-directory',
  'read-error',
  'empty',
  'unknown-extension',
  'binary',
  'legacy-encoding',
  'legacy-undecided',
  'invalid-utf8',
  'doc-legacy',
  'doc-encrypted',
  'doc-not-word',
  'doc-old-version',
  'doc-corrupt',
  'not-zip',
  'no-document-xml',
  'docx-encrypted',
  'docx-corrupt',
  'pdf-corrupt',
  'pdf-encrypted',
  'pdf-no-text',
  'ocr-missing',
  'limit',
  'timeout',
  'out-of-memory',
  'crashed',
] as const;

export type InputErrorCode = (typeof INPUT_ERROR_CODE_LIST)[number];

export class InputError extends LocalizedError {
  readonly code: InputErrorCode;
  readonly details: Record<string, string>;
  constructor(code: InputErrorCode, details: Record<string, string> = {}, cause?: unknown) {
    super(`${code}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`, { cause });
    this.name = 'InputError';
    this.code = code;
    this.details = details;
  }

  toMessage(): Message {
    return inputErrorMessage(this.code, this.details);
  }
}

export type { Lang } from '../i18n/index.js';

/** "permission denied (EACCES)" / "không có quyền truy cập (EACCES)"; the bare code when unknown. */
export function systemReasonMessage(code: string | undefined): MessageValue {
  if (!code) return msg('system.unknown');
  const id = `system.${code}`;
  return isMessageId(id) ? msg(id) : code;
}

export function systemReason(code: string | undefined, lang: Lang): string {
  return renderValue(lang, systemReasonMessage(code));
}

/** The system error codes the catalogue words (tests check both languages). */
export const SYSTEM_REASON_CODES = messageIds('system.').filter((code) => code !== 'unknown');

/** The limit names the catalogue words (tests check both languages). */
export const LIMIT_WORD_NAMES = messageIds('limit.').filter((name) => !name.includes('-'));

function limitWhere(d: Record<string, string>): MessageValue {
  if (d.part) return ` (${d.part})`;
  if (d.page) return msg('limit.where-page', { page: d.page });
  return '';
}

function limitWords(name: string | undefined): MessageValue {
  const id = `limit.${name}`;
  return name && isMessageId(id) ? msg(id) : (name ?? '?');
}

/** The parts of a .doc found damaged (doc-binary.ts) the catalogue words (tests check both languages). */
export const DOC_PART_NAMES = messageIds('doc-part.');

/** What a file named .doc really is (doc-binary.ts sniffNonOle) the catalogue words (tests check both languages). */
export const NOT_WORD_KIND_NAMES = messageIds('not-word.');

function docPart(part: string | undefined): MessageValue {
  const id = `doc-part.${part ?? 'ole'}`;
  return isMessageId(id) ? msg(id) : (part ?? '?');
}

function notWordKind(kind: string | undefined): Message {
  const id = `not-word.${kind ?? 'unknown'}`;
  return msg(isMessageId(id) ? id : 'not-word.unknown');
}

const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-vie poppler-utils';

/** Where a .docx is damaged (the XML parser's own words only in English). */
function docxProblem(d: Record<string, string>): Message {
  const id = `docx-problem.${d.problem}`;
  const part = d.part ?? 'word/document.xml';
  return msg(isMessageId(id) ? id : 'docx-problem.other', { part, detail: d.detail ? ` (${d.detail})` : '' });
}

/** The message that words an InputError: its code's entry, with its details (missing ones shown as '?'). */
function inputErrorMessage(code: InputErrorCode, d: Record<string, string>): Message {
  switch (code) {
    case 'read-error':
      return msg('input.read-error', { reason: systemReasonMessage(d.reason) });
    case 'docx-corrupt':
      return msg('input.docx-corrupt', { problem: docxProblem(d) });
    case 'limit':
      return msg('input.limit', {
        limit: limitWords(d.limit),
        value: d.value ?? '',
        where: limitWhere(d),
        flag: d.limit === 'fileSize' ? msg('limit.or-flag') : '',
      });
    case 'unknown-extension':
      return msg('input.unknown-extension', {
        ext: d.ext ?? '',
        extensions: extensionListMessage('list.and'),
      });
    case 'doc-not-word':
      return msg('input.doc-not-word', { kind: notWordKind(d.kind) });
    case 'doc-corrupt':
      return msg('input.doc-corrupt', { part: docPart(d.part) });
    case 'ocr-missing': {
      const packages = d.packages ?? OCR_PACKAGES;
      return msg('input.ocr-missing', {
        packages,
        verb: msg(packages.includes(' ') ? 'input.verb-are' : 'input.verb-is'),
      });
    }
    case 'legacy-undecided':
      return msg('input.legacy-undecided', { encodings: d.encodings ?? '?', ids: d.ids ?? 'tcvn3' });
    default: {
      const data = { ext: '', encoding: '', line: '?', seconds: '?', mb: '?', reason: '?', ...d };
      return msg(`input.${code}`, data);
    }
  }
}

/** Every InputError code (tests check each has both languages). */
export const INPUT_ERROR_CODES = INPUT_ERROR_CODE_LIST;

export function formatInputError(error: InputError, lang: Lang): string {
  return error.describe(lang);
}

/**
 * The one line printed after "kh: <file>: " for any error: an InputError's localized message, or
 * "internal error" for a bug (the details go to --debug).
 */
export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof InputError) return formatInputError(error, lang);
  const reason = error instanceof Error ? error.message : String(error);
  return t(lang, 'internal.error', { reason });
}
