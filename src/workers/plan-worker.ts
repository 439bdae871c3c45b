/**
 * The worker side of isolate.ts: reads one document per request with loadPlan and answers with
 * the Plan or the error (an InputError's code and details, or a bug's message and stack).
 * Runs in a worker thread with V8 heap limits; the parent ends it on a timeout.
 */
import { parentPort } from 'node:worker_threads';
import { inputFormatOf, loadPlan } from '../parse/index.js';
import { InputError } from '../util/errors.js';
import type { WorkerReply, WorkerRequest } from './isolate.js';

if (!parentPort) throw new Error('plan-worker.js runs as a worker thread (see isolate.ts)');
const port = parentPort;

// A format's parser is loaded on its first file, before that file's time starts ('started'): a
// file's time limit is for reading it, not for starting kh, and a run of .txt files never loads
// pdf.js or mammoth.
const warmed = new Map<string, Promise<unknown>>();
function warm(path: string): Promise<unknown> {
  const format = inputFormatOf(path);
  const name = format?.format ?? 'other';
  let loading = warmed.get(name);
  if (!loading) {
    loading = Promise.all([import('../plan/build.js'), ...(format?.preload?.() ?? [])]);
    warmed.set(name, loading);
  }
  return loading;
}
port.postMessage('ready');

port.on('message', (request: WorkerRequest) => {
  warm(request.path)
    .then(() => port.postMessage({ id: request.id, started: true } satisfies WorkerReply))
    .then(() => loadPlan(request.path, request.limits))
    .then(
    (plan) => port.postMessage({ id: request.id, ok: true, plan } satisfies WorkerReply),
    (error: unknown) => {
      const reply: WorkerReply =
        error instanceof InputError
          ? { id: request.id, ok: false, input: { code: error.code, details: error.details, stack: error.stack ?? '' } }
          : {
              id: request.id,
              ok: false,
              bug: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? (error.stack ?? '') : '' },
            };
      port.postMessage(reply);
    },
  );
});
