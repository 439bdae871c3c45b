/**
 * A worker of the lint pool (lint-pool.ts, run by piscina): reads one document, runs the per-file
 * rules on it and answers with the messages and the file's summary (src/rules/summary.ts) only, packed (PackedLint);
 * the Plan is dropped when the task returns. The rules, their options, the language, "today" and
 * the user's knowledge (merged in the worker's data store) come once per worker (workerData), resolved the way the main thread did.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPlan } from '../parse/index.js';
import { lintFile, RuleError, type ActiveRule, type LintEnvironment } from '../rules/engine.js';
import { rules as allRules } from '../rules/index.js';
import { builtinData, createDataStore } from '../data/store.js';
import { InputError } from '../util/errors.js';
import { warm } from './warm.js';
import { PackedLint } from './packed-lint.js';
import type { LintTask, LintTaskReply, LintWorkerSetup } from './lint-pool.js';

// piscina passes the pool's workerData to each worker as node's own workerData.
const setup = workerData as LintWorkerSetup;
const byId = new Map(allRules.map((rule) => [rule.meta.id, rule]));
const active: ActiveRule[] = setup.rules.map(({ id, severity, options }) => {
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown rule "${id}"`);
  return { rule, severity, options };
});
const env: LintEnvironment = {
  lang: setup.lang,
  today: new Date(setup.today),
  data: setup.knowledge ? createDataStore({ knowledge: setup.knowledge }) : builtinData,
};

export default async function lintTask(task: LintTask): Promise<LintTaskReply> {
  // The task's time runs from here (parser loading gets the longer limit), then from 'started'.
  parentPort?.postMessage({ khTask: task.id, phase: 'begun' });
  let plan;
  try {
    await warm(task.path);
    parentPort?.postMessage({ khTask: task.id, phase: 'started' });
    plan = await loadPlan(task.path, setup.limits, setup.read);
    // The time limit is for reading, as in isolate.ts: the rules are kh's own code.
    parentPort?.postMessage({ khTask: task.id, phase: 'read' });
  } catch (error) {
    if (error instanceof InputError)
      return { ok: false, input: { code: error.code, details: error.details, stack: error.stack ?? '' } };
    return {
      ok: false,
      bug: {
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? (error.stack ?? '') : '',
      },
    };
  }
  plan.source.path = task.shown; // messages name the file as the user gave it
  try {
    return { ok: true, packed: PackedLint.pack(lintFile(plan, active, env)) };
  } catch (error) {
    if (error instanceof RuleError) {
      const cause = error.cause instanceof Error ? error.cause : new Error(String(error.cause));
      return {
        ok: false,
        rule: {
          ruleId: error.ruleId,
          filePath: error.filePath,
          message: cause.message,
          stack: cause.stack ?? '',
        },
      };
    }
    throw error;
  }
}
