/**
 * `kh lint --concurrency N|auto`: per-file work in a pool of worker threads (piscina). Each
 * worker reads a document, runs the per-file rules and sends back only the messages and the
 * file's summary (lint-worker.ts); the Plan never crosses to this thread and is freed at once.
 *
 * Every protection of isolate.ts holds per file: a V8 heap limit per worker (`resourceLimits`),
 * a time limit on reading that starts when the format's parser is loaded ('started'; loading it
 * may take twice the limit), parsers loaded on the first file of their format. A file that runs out of
 * memory or time, or crashes its worker, costs an InputError for that file ('out-of-memory',
 * 'timeout', 'crashed'); piscina replaces the worker and the other files go on.
 *
 * Why piscina: a well-kept pool (Node.js team members maintain it; used by Vite, Astro, Fastify)
 * with task queueing, worker replacement after a crash, AbortSignal cancellation that ends a
 * running worker, and resource limits: the parts isolate.ts would otherwise grow by hand.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ReadOptions } from '../parse/index.js';
import type { UserKnowledge } from '../domain/knowledge.js';
import { RuleError, type FileLint } from '../rules/engine.js';
import type { Severity } from '../rules/types.js';
import { InputError, type InputErrorCode, type Lang } from '../util/errors.js';
import type { Limits } from '../util/limits.js';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS } from './isolate.js';
import { PackedLint } from './packed-lint.js';

/** What every worker needs once: the active rules (by id, with parsed options) and the run's environment. */
export interface LintWorkerSetup {
  rules: { id: string; severity: Severity; options: unknown }[];
  lang: Lang;
  /** "Today" as an ISO timestamp. */
  today: string;
  knowledge?: UserKnowledge | undefined;
  limits: Limits;
  /** --ocr and the parser's own time limit (isolate.ts readOptionsOf). */
  read: ReadOptions;
}

/** What a worker says of a task while it runs: begun (loading the parser), started (reading), read. */
type Phase = 'begun' | 'started' | 'read';

export interface LintTask {
  id: number;
  /** The file to read (absolute). */
  path: string;
  /** The path as the user gave it (messages show it). */
  shown: string;
}

export type LintTaskReply =
  | { ok: true; packed: Uint8Array }
  | { ok: false; input: { code: InputErrorCode; details: Record<string, string>; stack: string } }
  | { ok: false; bug: { message: string; stack: string } }
  | { ok: false; rule: { ruleId: string; filePath: string; message: string; stack: string } };

export interface LintPoolOptions {
  threads: number;
  setup: LintWorkerSetup;
  timeoutMs?: number | undefined;
  memoryMb?: number | undefined;
}

/** `--concurrency`: a positive integer, "auto" (one worker per core) or "off"; null when it is neither. */
export function parseConcurrency(value: string | number | undefined): number | 'off' | null {
  if (value === undefined || value === 'auto') return availableParallelism();
  if (value === 'off') return 'off';
  const n = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** The worker script (dist/workers/lint-worker.js), or null when running from the TypeScript source (vitest). */
export function lintWorkerPath(): string | null {
  const path = fileURLToPath(new URL('./lint-worker.js', import.meta.url));
  return existsSync(path) ? path : null;
}

/**
 * V8's tier-up budget while a pool has a worker on every core (16 × Node 20's default of 67,584).
 * Why: V8 compiles optimised code on background threads. With a worker per core those threads take
 * cores from the workers (in `off` they use the core the single reader leaves idle), and much of
 * what they compile is thrown away: pdf.js makes its text-layout closures anew for every document
 * and V8 re-optimises them each time. Per-thread CPU of a 300-file run (/proc, 2026-12-05, shared
 * machine): background compilation 10.5–13.4 s of 25–32 s at the default budget, 3.5–4.2 s of
 * 21–25 s at this one, the workers' own time +15 %. Only when code is optimised changes, never
 * what it computes. It applies to the whole process, which then only runs the pool.
 */
const POOL_INTERRUPT_BUDGET = 16 * 67_584;
let budgetRaised = false;

export class LintPool {
  private readonly pool: Piscina<LintTask, LintTaskReply>;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private nextId = 1;
  /** Tasks running or queued, by id: what to do when their worker says 'begun' / 'started'. */
  private readonly phases = new Map<number, (phase: Phase) => void>();

  constructor(workerPath: string, options: LintPoolOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
    if (options.threads >= availableParallelism() && !budgetRaised) {
      setFlagsFromString(`--interrupt-budget=${POOL_INTERRUPT_BUDGET}`);
      budgetRaised = true;
    }
    this.pool = new Piscina<LintTask, LintTaskReply>({
      filename: workerPath,
      minThreads: options.threads,
      maxThreads: options.threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 32 },
      workerData: options.setup,
    });
    this.pool.on('message', (message: { khTask?: number; phase?: Phase }) => {
      if (message && typeof message.khTask === 'number' && message.phase)
        this.phases.get(message.khTask)?.(message.phase);
    });
  }

  /**
   * The per-file messages and summary of one document. Rejects with an InputError (a bad, too
   * large or too slow file, or a crashed worker), a RuleError (a rule failed: the run stops) or
   * an Error (a bug while reading: a fatal finding for that file).
   */
  async lint(path: string, shown: string): Promise<FileLint> {
    return (await this.lintPacked(path, shown)).unpack();
  }

  /** `lint`, its result left packed (see PackedLint). */
  async lintPacked(path: string, shown: string): Promise<PackedLint> {
    const id = this.nextId++;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, ms);
    };
    // Loading a parser counts too, but generously; the file's own time starts with 'started' and
    // ends when it is read (the rules are kh's own code, run without a limit as in isolate.ts).
    this.phases.set(id, (phase) =>
      phase === 'read' ? clearTimeout(timer) : arm(phase === 'begun' ? this.timeoutMs * 2 : this.timeoutMs),
    );
    let reply: LintTaskReply;
    try {
      reply = await this.pool.run({ id, path, shown }, { signal: abort.signal });
    } catch (error) {
      if (timedOut) throw new InputError('timeout', { seconds: String(this.timeoutMs / 1000) });
      throw this.workerError(error as Error & { code?: string });
    } finally {
      clearTimeout(timer);
      this.phases.delete(id);
    }
    if (reply.ok) return new PackedLint(reply.packed);
    if ('input' in reply) {
      const error = new InputError(reply.input.code, reply.input.details);
      error.stack = reply.input.stack;
      throw error;
    }
    if ('rule' in reply) {
      const cause = new Error(reply.rule.message);
      cause.stack = reply.rule.stack;
      throw new RuleError(reply.rule.ruleId, reply.rule.filePath, cause);
    }
    const error = new Error(reply.bug.message);
    error.stack = reply.bug.stack;
    throw error;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private workerError(error: Error & { code?: string }): InputError {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
      return new InputError('out-of-memory', { mb: String(this.memoryMb) }, error);
    const exit = /worker exited with code: (-?\d+)/.exec(error.message);
    return new InputError(
      'crashed',
      { reason: exit ? `exit ${exit[1]}` : (error.code ?? error.name) },
      error,
    );
  }
}
