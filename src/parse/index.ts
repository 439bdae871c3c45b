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
import { inputFormatOf } from './formats.js';
import { DEFAULT_LIMITS, exceeded, type Limits } from '../util/limits.js';
// Evaluated first, before pdf-parse can be imported: it keeps the engine's own builtins.
import './pdfjs-builtins.js';

export type { ParsedDocument } from './types.js';
export {
  inputFormatOf,
  inputFormats,
  registerInputFormat,
  type InputFormat,
  type ReadOptions,
  type SourceFormat,
} from './formats.js';
import type { ReadOptions } from './formats.js';
export { DEFAULT_LIMITS, type Limits } from '../util/limits.js';

/** What kh does with a file, judged by its extension alone (the formats of src/parse/formats.ts). */
export function formatOfPath(filePath: string): string | null {
  return inputFormatOf(filePath)?.format ?? null;
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
export async function readDocument(
  filePath: string,
  limits: Limits = DEFAULT_LIMITS,
  options: ReadOptions = {},
): Promise<ParsedDocument> {
  let info;
  try {
    info = statSync(filePath);
  } catch (error) {
    throw statError(error);
  }
  if (info.isDirectory()) throw new InputError('is-directory');
  const format = inputFormatOf(filePath);
  if (format === null)
    throw new InputError('unknown-extension', { ext: extname(filePath) || basename(filePath) });
  if (format.refused !== undefined || format.load === undefined)
    throw new InputError(format.refused ?? 'unknown-extension', { ext: extname(filePath) });
  if (info.size > limits.fileSize) exceeded(limits, 'fileSize');

  let buffer: Buffer;
  try {
    buffer = readFileSync(filePath);
  } catch (error) {
    throw statError(error);
  }
  if (buffer.length === 0) throw new InputError('empty');
  const data = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);

  return format.load(data, filePath, limits, options);
}

/** readDocument + buildPlan. */
export async function loadPlan(
  filePath: string,
  limits: Limits = DEFAULT_LIMITS,
  options: ReadOptions = {},
): Promise<Plan> {
  const doc = await readDocument(filePath, limits, options);
  const { buildPlan } = await import('../plan/build.js');
  return buildPlan(doc);
}
