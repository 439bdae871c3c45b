/** A problem with the configuration (file or --rule): one clear line, exit code 2. */
import { LocalizedError, msg, render, type Message } from '../i18n/index.js';

export class ConfigError extends LocalizedError {
  /** The message's id (src/i18n/messages/config.ts). */
  readonly code: string;
  readonly text: Message;
  /** The config file concerned, or null for a command-line setting. */
  readonly filePath: string | null;
  constructor(text: Message, filePath: string | null = null, cause?: unknown) {
    super(filePath ? `${filePath}: ${render('en', text)}` : render('en', text), { cause });
    this.name = 'ConfigError';
    this.code = text.id;
    this.text = text;
    this.filePath = filePath;
  }

  toMessage(): Message {
    return this.filePath ? msg('config.in-file', { file: this.filePath, text: this.text }) : this.text;
  }
}
