/**
 * A usage or environment problem of the CI options (--shard, --changed-since, --cache-strategy,
 * the suppressions file, kh merge-reports): a code and its data, worded by the catalogue entry
 * `ci.error.<code>` (src/i18n/messages/ci.ts); one line, exit code 2.
 */
import { LocalizedError, msg, t, type Message, type MessageData } from '../i18n/index.js';

const CI_ERROR_CODE_LIST = [
  'shard-syntax',
  'suppress-with-shard',
  'suppress-and-prune',
  'cache-strategy',
  'changed-bad-ref',
  'changed-no-git',
  'changed-not-repository',
  'changed-unknown-ref',
  'changed-diff-failed',
  'changed-ls-files-failed',
  'suppressions-unreadable',
  'suppressions-not-json',
  'suppressions-malformed',
  'report-unreadable',
  'report-not-json',
  'report-other-format',
  'report-not-kh',
  'reports-none',
  'reports-plain-not-alone',
  'reports-other-version',
  'reports-other-run',
  'reports-shard-repeated',
  'reports-shard-missing',
  'reports-bad-position',
  'reports-other-settings',
  'reports-summary-unusable',
] as const;

export type CiErrorCode = (typeof CI_ERROR_CODE_LIST)[number];
export const CI_ERROR_CODES: readonly CiErrorCode[] = CI_ERROR_CODE_LIST;

export class CiError extends LocalizedError {
  readonly code: CiErrorCode;
  readonly data: MessageData;

  constructor(code: CiErrorCode, data: MessageData = {}, cause?: unknown) {
    super(t('en', `ci.error.${code}` as const, data), { cause }); // English for logs and --debug
    this.name = 'CiError';
    this.code = code;
    this.data = data;
  }

  toMessage(): Message {
    return msg(`ci.error.${this.code}` as const, this.data);
  }
}
