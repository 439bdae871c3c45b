/**
 * The options every command that reads documents shares: --max-file-size and --timeout-per-file,
 * merged with a config's "limits", turned into the plan reader's options (src/workers/isolate.ts).
 */
import type { Command } from 'commander';
import type { Lang } from '../util/errors.js';
import { DEFAULT_LIMITS, parseSize, type Limits } from '../util/limits.js';
import type { PlanReaderOptions } from '../workers/isolate.js';

const T = {
  vi: {
    maxFileSize: 'bỏ qua (báo lỗi) tệp lớn hơn mức này, ví dụ 200MB',
    timeout: 'dừng đọc một tệp sau số giây này',
    ocr: 'đọc tệp PDF bằng nhận dạng chữ (OCR, Tesseract) kể cả khi có lớp chữ; PDF quét luôn được OCR',
    badSize: (value: string) => `--max-file-size "${value}": cần một kích thước như 100MB hoặc 512KB`,
    badTimeout: (value: string) => `--timeout-per-file "${value}": cần một số giây dương`,
  },
  en: {
    maxFileSize: 'refuse (report) files larger than this, e.g. 200MB',
    timeout: 'stop reading one file after this many seconds',
    ocr: 'read PDFs through OCR (Tesseract) even when they have a text layer; scanned PDFs are always OCR\'d',
    badSize: (value: string) => `--max-file-size "${value}": expected a size such as 100MB or 512KB`,
    badTimeout: (value: string) => `--timeout-per-file "${value}": expected a positive number of seconds`,
  },
} satisfies Record<Lang, unknown>;

/** The words of this module, for the message-catalogue test. */
export const READ_OPTION_MESSAGES = T;

export const DEFAULT_TIMEOUT_SECONDS = 60;

export function addReadOptions(command: Command, lang: Lang): Command {
  return command
    .option('--max-file-size <size>', `${T[lang].maxFileSize} (${lang === 'en' ? 'default' : 'mặc định'}: ${DEFAULT_LIMITS.fileSize / 1024 / 1024}MB)`)
    .option('--timeout-per-file <seconds>', `${T[lang].timeout} (${lang === 'en' ? 'default' : 'mặc định'}: ${DEFAULT_TIMEOUT_SECONDS})`)
    .option('--ocr', T[lang].ocr);
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
    if (size === null) return T[lang].badSize(String(options.maxFileSize));
    limits.fileSize = size;
  }
  let seconds = config?.timeoutPerFile ?? DEFAULT_TIMEOUT_SECONDS;
  if (options.timeoutPerFile !== undefined) {
    const raw = String(options.timeoutPerFile).trim();
    seconds = /^\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(seconds > 0)) return T[lang].badTimeout(raw);
  }
  return { limits, timeoutMs: Math.round(seconds * 1000), ...(options.ocr === true ? { ocr: true } : {}) };
}
