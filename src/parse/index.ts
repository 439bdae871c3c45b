/**
 * The input layer: a path → ParsedDocument (→ Plan). Reads only; kh never writes to its inputs.
 * Parsers are imported lazily so that `kh --help` does not load unified, mammoth or pdf.js.
 */
// Synchronous reads: one small file at a time, and fs/promises' thread-pool round trips cost more
// than the read itself (measured by npm run bench).
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../util/errors.js';
import type { Plan } from '../plan/schema.js';
import type { ParsedDocument } from './types.js';
import { DEFAULT_LIMITS, exceeded, type Limits } from '../util/limits.js';
// Evaluated first, before pdf-parse can be imported: it keeps the engine's own builtins.
import './pdfjs-builtins.js';

export type { ParsedDocument } from './types.js';
export { DEFAULT_LIMITS, type Limits } from '../util/limits.js';

/** How to read, beyond the limits. */
export interface ReadOptions {
  /** Read a PDF through OCR even when it has a text layer (scans are OCR'd anyway). */
  ocr?: boolean;
  /** Time the OCR of one file may take, in ms (the per-file timeout; default 60 000). */
  timeoutMs?: number;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

/** What kh does with a file, judged by its extension alone. */
export function formatOfPath(filePath: string): 'text' | 'docx' | 'pdf' | 'doc' | null {
  const ext = extname(filePath).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  if (ext === '.docx') return 'docx';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.doc') return 'doc';
  return null;
}

function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? 'EIO';
}

function statError(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError('not-found', {}, error);
  if (code === 'EISDIR') return new InputError('is-directory', {}, error);
  return new InputError('read-error', { reason: systemReason(error) }, error);
}

/**
 * Order of checks: missing → directory → extension (a .xlsx is refused without being read) →
 * empty → the format's own checks.
 */
export async function readDocument(filePath: string, limits: Limits = DEFAULT_LIMITS, options: ReadOptions = {}): Promise<ParsedDocument> {
  let info;
  try {
    info = statSync(filePath);
  } catch (error) {
    throw statError(error);
  }
  if (info.isDirectory()) throw new InputError('is-directory');
  const format = formatOfPath(filePath);
  if (format === null) throw new InputError('unknown-extension', { ext: extname(filePath) || basename(filePath) });
  if (info.size > limits.fileSize) exceeded(limits, 'fileSize');

  let buffer: Buffer;
  try {
    buffer = readFileSync(filePath);
  } catch (error) {
    throw statError(error);
  }
  if (buffer.length === 0) throw new InputError('empty');
  const data = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);

  switch (format) {
    case 'text': {
      const { decodeTextDetailed } = await import('./decode.js');
      const { text, encoding } = decodeTextDetailed(data);
      if (text.length > limits.textLength) exceeded(limits, 'textLength');
      if (text.trim() === '') throw new InputError('empty');
      const { parseText } = await import('./text.js');
      const doc = parseText(text, filePath);
      return encoding ? { ...doc, converted: { from: encoding, runs: null } } : doc;
    }
    case 'docx': {
      const { parseDocx } = await import('./docx.js');
      return parseDocx(data, filePath, limits);
    }
    case 'doc': {
      const { parseDoc } = await import('./doc.js');
      return parseDoc(data, filePath, limits);
    }
    case 'pdf': {
      const { parsePdf } = await import('./pdf.js');
      return parsePdf(data, filePath, limits, options);
    }
  }
}

/** readDocument + buildPlan. */
export async function loadPlan(filePath: string, limits: Limits = DEFAULT_LIMITS, options: ReadOptions = {}): Promise<Plan> {
  const doc = await readDocument(filePath, limits, options);
  const { buildPlan } = await import('../plan/build.js');
  return buildPlan(doc);
}
