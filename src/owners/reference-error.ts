/**
 * A reference plan or catalogue (--ref, kh.config.json "references") that cannot be used: one
 * clear line, exit code 2. Its own module, free of zod and the parsers, so that callers can test
 * `instanceof ReferenceError` without loading them.
 */
import { LocalizedError, msg, render, type Message } from '../i18n/index.js';

export class ReferenceError extends LocalizedError {
  /** The reason's message id (src/i18n/messages/owners.ts), or the InputError's code. */
  readonly code: string;
  constructor(
    readonly file: string,
    readonly reason: Message,
  ) {
    super(`${file}: ${render('en', reason)}`);
    this.name = 'ReferenceError';
    this.code = reason.id;
  }

  toMessage(): Message {
    return msg('reference.error', { file: this.file, reason: this.reason });
  }
}
