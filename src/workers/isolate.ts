/**
 * Reading documents where a hostile one cannot take the run down: each file is parsed in a worker
 * thread with V8 heap limits (`resourceLimits`) and a time limit. A file that runs out of memory
 * or time costs an InputError for that file ('out-of-memory', 'timeout'); the worker is replaced
 * and the next file is read as usual.
 *
 * API: `openPlanReader(options)` → `{ read(path), close() }`. One reader runs one worker and reads
 * its files one after another (requests queue); a pool (several readers, results in input order)
 * can be built on it without touching the worker protocol. `isolate: false` reads in this thread
 * (limits still apply; no timeout) — for library use, and what running from src/ gets.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Plan } from '../plan/schema.js';
import { InputError, type InputErrorCode } from '../util/errors.js';
import { DEFAULT_LIMITS, type Limits } from '../util/limits.js';
import type { ReadOptions } from '../parse/index.js';

export interface PlanReaderOptions {
  /** Parse in a worker thread (default true). */
  isolate?: boolean;
  /** Time one file may take, in ms (default 60 000). */
  timeoutMs?: number;
  /** V8 old-generation heap of the worker, in MB (default 384). */
  memoryMb?: number;
  limits?: Limits;
  /** Read PDFs through OCR even when they have a text layer (--ocr). */
  ocr?: boolean;
}

export interface PlanReader {
  /** The Plan of one document; rejects with an InputError for a bad, too large or too slow file. */
  read(path: string): Promise<Plan>;
  /** Ends the worker (pending reads are rejected). */
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MEMORY_MB = 384;

/** Messages between this module and plan-worker.ts. */
export interface WorkerRequest {
  id: number;
  path: string;
  limits: Limits;
  read: ReadOptions;
}
export type WorkerReply =
  | { id: number; started: true }
  | { id: number; ok: true; plan: Plan }
  | { id: number; ok: false; input: { code: InputErrorCode; details: Record<string, string>; stack: string } }
  | { id: number; ok: false; bug: { message: string; stack: string } };

/** What the parser itself is told: --ocr, and a time limit inside the worker's so OCR ends its tools first. */
export function readOptionsOf(options: PlanReaderOptions): ReadOptions {
  return { ocr: options.ocr ?? false, timeoutMs: Math.ceil(0.9 * (options.timeoutMs ?? DEFAULT_TIMEOUT_MS)) };
}

/**
 * The worker script next to this module (dist/workers/plan-worker.js), or null when this module
 * runs from its TypeScript source (vitest): Node cannot start a .ts worker, so such callers read
 * in-process, and the isolation itself is tested through dist/.
 */
function workerUrl(): URL | null {
  const here = new URL('./plan-worker.js', import.meta.url);
  return existsSync(fileURLToPath(here)) ? here : null;
}

export function openPlanReader(options: PlanReaderOptions = {}): PlanReader {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // OCR runs child processes, which ending a worker does not stop: the OCR keeps its own deadline,
  // 90 % of the file's, so that it kills them and removes its temporary files first.
  const read = readOptionsOf(options);
  const url = workerUrl();
  if (options.isolate === false || url === null) {
    return {
      async read(path) {
        const { loadPlan } = await import('../parse/index.js');
        return loadPlan(path, limits, read);
      },
      async close() {},
    };
  }
  return new WorkerPlanReader(
    url,
    limits,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    options.memoryMb ?? DEFAULT_MEMORY_MB,
    read,
  );
}

class WorkerPlanReader implements PlanReader {
  private worker: Worker | null = null;
  /** Resolves when the current worker has loaded the parsers (its first message). */
  private ready: Promise<void> = Promise.resolve();
  private startError: Error | null = null;
  private nextId = 1;
  /** Reads run one at a time: each waits for the previous one. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly url: URL,
    private readonly limits: Limits,
    private readonly timeoutMs: number,
    private readonly memoryMb: number,
    private readonly readOptions: ReadOptions,
  ) {}

  read(path: string): Promise<Plan> {
    const result = this.queue.then(() => this.readNow(path));
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.url, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    this.ready = new Promise<void>((resolve) => {
      const stop = () => {
        worker.off('message', onReady);
        worker.off('exit', onExit);
        worker.off('error', onError);
        resolve();
      };
      const onReady = (message: unknown) => {
        if (message === 'ready') stop();
      };
      // A worker that dies while starting: the read waiting for it reports why.
      const onError = (error: Error) => {
        this.startError = error;
        stop();
      };
      const onExit = () => onError(new Error('worker did not start'));
      worker.on('message', onReady);
      worker.on('exit', onExit);
      worker.on('error', onError);
    });
    return worker;
  }

  private workerError(error: Error & { code?: string }): InputError {
    return error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new InputError('out-of-memory', { mb: String(this.memoryMb) }, error)
      : new InputError('crashed', { reason: error.code ?? error.name }, error);
  }

  private async readNow(path: string): Promise<Plan> {
    if (this.closed) throw new Error('the plan reader is closed');
    const worker = (this.worker ??= this.spawn());
    worker.ref();
    await this.ready;
    if (this.startError) {
      const error = this.startError as Error & { code?: string };
      this.startError = null;
      this.worker = null;
      void worker.terminate();
      throw this.workerError(error);
    }
    const id = this.nextId++;
    return new Promise<Plan>((resolve, reject) => {
      const finish = (outcome: () => void, replaceWorker: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        if (replaceWorker && this.worker === worker) {
          this.worker = null;
          void worker.terminate();
        }
        outcome();
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        if ('started' in reply) {
          // The format's parser is loaded: the file's own time starts now.
          clearTimeout(timer);
          timer = setTimeout(onTimeout, this.timeoutMs);
          return;
        }
        if (reply.ok) finish(() => resolve(reply.plan), false);
        else if ('input' in reply) {
          const error = new InputError(reply.input.code, reply.input.details);
          error.stack = reply.input.stack;
          finish(() => reject(error), false);
        } else {
          const error = new Error(reply.bug.message);
          error.stack = reply.bug.stack;
          finish(() => reject(error), false);
        }
      };
      const onError = (error: Error & { code?: string }) =>
        finish(() => reject(this.workerError(error)), true);
      const onExit = (code: number) => {
        finish(() => reject(new InputError('crashed', { reason: `exit ${code}` })), true);
      };
      const onTimeout = () => {
        finish(() => reject(new InputError('timeout', { seconds: String(this.timeoutMs / 1000) })), true);
      };
      // Loading a parser counts too, but generously: a worker stuck before 'started' is not left
      // waiting for ever.
      let timer = setTimeout(onTimeout, this.timeoutMs * 2);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage({ id, path, limits: this.limits, read: this.readOptions } satisfies WorkerRequest);
    });
  }
}
