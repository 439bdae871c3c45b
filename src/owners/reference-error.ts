/**
 * A reference plan or catalogue (--ref, kh.config.json "references") that cannot be used: one
 * clear line, exit code 2. Its own module, free of zod and the parsers, so that callers can test
 * `instanceof ReferenceError` without loading them.
 */
import type { Lang } from '../util/errors.js';

export class ReferenceError extends Error {
  constructor(
    readonly file: string,
    readonly reason: { vi: string; en: string },
  ) {
    super(`${file}: ${reason.en}`);
    this.name = 'ReferenceError';
  }
  describe(lang: Lang): string {
    return lang === 'en' ? `reference ${this.file}: ${this.reason.en}` : `tệp tham chiếu ${this.file}: ${this.reason.vi}`;
  }
}
