/**
 * The options every command that reads documents shares: --max-file-size and --timeout-per-file,
 * merged with a config's "limits", turned into the plan reader's options (src/workers/isolate.ts).
 */
import type { Command } from 'commander';
import { t, type Lang } from '../i18n/index.js';
import { DEFAULT_LIMITS, parseSize, type Limits } from '../util/limits.js';
import type { PlanReaderOptions } from '../workers/isolate.js';

export const DEFAULT_TIMEOUT_SECONDS = 60;

export function addReadOptions(command: Command, lang: Lang): Command {
  return command
    .option(
      '--max-file-size <size>',
      t(lang, 'read.max-file-size', { default: `${DEFAULT_LIMITS.fileSize / 1024 / 1024}MB` }),
    )
    .option('--timeout-per-file <seconds>', t(lang, 'read.timeout', { default: DEFAULT_TIMEOUT_SECONDS }))
    .option('--ocr', t(lang, 'read.ocr'));
}

/** A config file's "limits" entry (see src/config/schema.ts). */
export type ConfigLimits = Partial<Record<keyof Limits, number | string>> & { timeoutPerFile?: number };

/** The reader's options from the command line (which wins) and the config; a string is a usage error. */
export function readerOptions(
  options: { maxFileSize?: unknown; timeoutPerFile?: unknown; ocr?: unknown },
  config: ConfigLimits | undefined,
  lang: Lang,
): PlanReaderOptions | string {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(config ?? {})) {
    if (key === 'timeoutPerFile' || value === undefined) continue;
    const n = typeof value === 'number' ? value : parseSize(value);
    if (n !== null) limits[key as keyof Limits] = n;
  }
  if (options.maxFileSize !== undefined) {
    const size = parseSize(String(options.maxFileSize));
    if (size === null) return t(lang, 'read.bad-size', { value: String(options.maxFileSize) });
    limits.fileSize = size;
  }
  let seconds = config?.timeoutPerFile ?? DEFAULT_TIMEOUT_SECONDS;
  if (options.timeoutPerFile !== undefined) {
    const raw = String(options.timeoutPerFile).trim();
    seconds = /^\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(seconds > 0)) return t(lang, 'read.bad-timeout', { value: raw });
  }
  return { limits, timeoutMs: Math.round(seconds * 1000), ...(options.ocr === true ? { ocr: true } : {}) };
}
