/**
 * The one way kh writes a file (-o reports, kh init): never onto one of the run's inputs (compared
 * by real path, so a symlink or "./a/../x.txt" to an input is caught), and atomically — the text
 * goes to a temporary file in the target's folder, then is renamed over the target, so a reader
 * sees the old file or the new one, never half of one, and a failed write leaves the old file.
 */
import { randomBytes } from 'node:crypto';
import { chmod, rename, unlink, writeFile } from 'node:fs/promises';
import { realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { LocalizedError, msg, type Message } from '../i18n/index.js';
import { systemReasonMessage } from './errors.js';

export class OutputError extends LocalizedError {
  constructor(
    readonly kind: 'output-is-input' | 'write-failed',
    /** The output path as the user gave it. */
    readonly path: string,
    readonly details: { input?: string; code?: string },
    cause?: unknown,
  ) {
    super(`${kind}: ${path}${details.code ? ` (${details.code})` : ''}`, { cause });
    this.name = 'OutputError';
  }

  get code(): string {
    return this.kind;
  }

  toMessage(): Message {
    if (this.kind === 'output-is-input') {
      return msg('output.output-is-input', { path: this.path, input: String(this.details.input) });
    }
    return msg('output.write-failed', { path: this.path, reason: systemReasonMessage(this.details.code) });
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';

/** The real path `path` names (a symlink followed; a missing file's folder resolved), or null. */
function realTarget(path: string): string | null {
  // .native: the C library's realpath, one call per path (a run checks every input against -o).
  try {
    return realpathSync.native(path);
  } catch {
    try {
      return join(realpathSync.native(dirname(path)), basename(path));
    } catch {
      return null;
    }
  }
}

export interface WriteOutputOptions {
  /** Base of relative paths (default process.cwd()). */
  cwd?: string | undefined;
  /** Paths the run reads: the output may be none of them. */
  inputs?: readonly string[] | undefined;
}

/** Throws OutputError 'output-is-input' when `path` is one of `options.inputs` (by real path). */
export function assertNotInput(path: string, options: WriteOutputOptions): void {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, path);
  const target = realTarget(absolute);
  for (const input of options.inputs ?? []) {
    const inputPath = resolve(cwd, input);
    if (inputPath === absolute || (target !== null && realTarget(inputPath) === target)) {
      throw new OutputError('output-is-input', path, { input });
    }
  }
}

/** Throws OutputError. */
export function writeOutput(path: string, text: string | Uint8Array, options: WriteOutputOptions = {}): void {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, path);
  assertNotInput(path, options);
  const target = realTarget(absolute);
  if (target === null) {
    // The folder does not exist (or cannot be resolved): say which.
    try {
      statSync(dirname(absolute));
    } catch (error) {
      throw new OutputError('write-failed', path, { code: codeOf(error) }, error);
    }
    throw new OutputError('write-failed', path, { code: 'ENOENT' });
  }
  try {
    if (statSync(target).isDirectory()) throw new OutputError('write-failed', path, { code: 'EISDIR' });
  } catch (error) {
    if (error instanceof OutputError) throw error;
    // missing: fine, it will be created
  }
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw new OutputError('write-failed', path, { code: codeOf(error) }, error);
  }
}

/**
 * The same temporary-file-and-rename write, asynchronous, for callers that check their own target
 * (kh annotate refuses its input itself; --fix rewrites its input on purpose, keeping its mode).
 */
export async function writeAtomically(path: string, data: Uint8Array | string, mode?: number): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode & 0o7777);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
