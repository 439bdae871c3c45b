/**
 * Reading documents into Plan trees: `parseFile` for one, `parseFiles` for a run (one reader, the
 * files in order, a bad file costing its own result only). What `kh parse` does, and what cite,
 * owners and diff read with. Each file is parsed in a worker thread with limits when kh runs from
 * dist/ (src/workers/isolate.ts); `read: { isolate: false }` parses in this thread.
 */
import { resolve } from 'node:path';
import type { Plan } from '../plan/schema.js';
import type { PlanReaderOptions } from '../workers/isolate.js';

export interface ReadOptions {
  /** Where relative paths start (default: as given, i.e. process.cwd()). */
  cwd?: string | undefined;
  /** Limits, time per file, worker or not (src/workers/isolate.ts). */
  read?: PlanReaderOptions | undefined;
}

/** One file of a run: its Plan, or why it could not be read (an InputError, or a bug). */
export type PlanResult =
  { filePath: string; ok: true; plan: Plan } | { filePath: string; ok: false; error: unknown };

/**
 * The Plans of `files`, in order. `plan.source.path` is the path as given (messages name files as
 * the user wrote them).
 */
export async function* parseFiles(
  files: Iterable<string>,
  options: ReadOptions = {},
): AsyncGenerator<PlanResult> {
  const { openPlanReader } = await import('../workers/isolate.js');
  const reader = openPlanReader(options.read);
  try {
    for (const file of files) {
      let result: PlanResult;
      try {
        const plan = await reader.read(options.cwd === undefined ? file : resolve(options.cwd, file));
        plan.source.path = file;
        result = { filePath: file, ok: true, plan };
      } catch (error) {
        result = { filePath: file, ok: false, error };
      }
      yield result;
    }
  } finally {
    await reader.close();
  }
}

/** The Plan of one document; rejects with an InputError (its `code` says why) for a bad file. */
export async function parseFile(file: string, options: ReadOptions = {}): Promise<Plan> {
  for await (const result of parseFiles([file], options)) {
    if (!result.ok) throw result.error;
    return result.plan;
  }
  throw new Error('unreachable: parseFiles yields one result per file');
}
