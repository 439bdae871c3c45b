/**
 * The worker side of isolate.ts: reads one document per request with loadPlan and answers with
 * the Plan or the error (an InputError's code and details, or a bug's message and stack).
 * Runs in a worker thread with V8 heap limits; the parent ends it on a timeout.
 */
import { parentPort } from 'node:worker_threads';
import { loadPlan } from '../parse/index.js';
import { warm } from './warm.js';
import { InputError } from '../util/errors.js';
import type { WorkerReply, WorkerRequest } from './isolate.js';

if (!parentPort) throw new Error('plan-worker.js runs as a worker thread (see isolate.ts)');
const port = parentPort;

port.postMessage('ready');

port.on('message', (request: WorkerRequest) => {
  warm(request.path)
    .then(() => port.postMessage({ id: request.id, started: true } satisfies WorkerReply))
    .then(() => loadPlan(request.path, request.limits, request.read))
    .then(
      (plan) => port.postMessage({ id: request.id, ok: true, plan } satisfies WorkerReply),
      (error: unknown) => {
        const reply: WorkerReply =
          error instanceof InputError
            ? {
                id: request.id,
                ok: false,
                input: { code: error.code, details: error.details, stack: error.stack ?? '' },
              }
            : {
                id: request.id,
                ok: false,
                bug: {
                  message: error instanceof Error ? error.message : String(error),
                  stack: error instanceof Error ? (error.stack ?? '') : '',
                },
              };
        port.postMessage(reply);
      },
    );
});
