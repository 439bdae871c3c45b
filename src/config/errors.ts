/** A problem with the configuration (file or --rule): one clear line, exit code 2. */
import type { Lang } from '../util/errors.js';

export interface LocalizedText {
  vi: string;
  en: string;
}

export class ConfigError extends Error {
  readonly text: LocalizedText;
  /** The config file concerned, or null for a command-line setting. */
  readonly filePath: string | null;
  constructor(text: LocalizedText, filePath: string | null = null, cause?: unknown) {
    super(filePath ? `${filePath}: ${text.en}` : text.en, { cause });
    this.name = 'ConfigError';
    this.text = text;
    this.filePath = filePath;
  }

  describe(lang: Lang): string {
    return this.filePath ? `${this.filePath}: ${this.text[lang]}` : this.text[lang];
  }
}
