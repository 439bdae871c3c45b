/**
 * A usage or environment problem of the CI options (--shard, --changed-since, the suppressions
 * file, the cache, kh merge-reports): one localized line, exit code 2.
 */
import type { Lang } from '../util/errors.js';

export class CiError extends Error {
  constructor(
    readonly text: Record<Lang, string>,
    cause?: unknown,
  ) {
    super(text.en, { cause });
    this.name = 'CiError';
  }

  describe(lang: Lang): string {
    return this.text[lang];
  }
}
