/**
 * The corpus benchmark's reading of documents with kh's own API (dist/, in process):
 *  - `corpusGroups(root)`: the folders read and their documents (ids "corpus/tvpl/x.md" under
 *    ../shared/, "fixtures/corpus-docx/x.docx" under the repo);
 *  - `analyseGroups(groups)`: loadPlan + the lint engine with every rule at its default severity,
 *    a fixed "today"; a document kh cannot read is a result with `unreadable` (never a crash);
 *  - `snapshotLine(result)`: the compact, stable summary checked in as snapshot.jsonl.
 *
 * A folder of related office files (docx/, text/, corpus-docx/) is linted as one run, as
 * `kh lint folder/` would, so the cross-file rules see each other's documents (the Huế plan 188
 * cites 275). tvpl/ is a collection of unrelated publications: each of its documents is linted
 * alone, so one document's line in the snapshot never changes because of another's.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(ROOT, '../shared');
export const LABELS_DIR = join(ROOT, 'bench/corpus/labels');
export const SNAPSHOT = join(ROOT, 'bench/corpus/snapshot.jsonl');
/** Rules that look at "today" (a draft's past deadlines) see this date, so the snapshot is stable. */
export const TODAY = '2026-01-01';

const SKIPPED = /^(?:\.|~\$)|^README(?:\.md)?$|\.tsv$/i;

/** The folders of the benchmark that exist, each with its documents sorted by name. */
export function corpusGroups(root = ROOT, shared = SHARED) {
  const folders = [
    { name: 'tvpl', dir: join(shared, 'corpus/tvpl'), prefix: 'corpus/tvpl/', together: false },
    { name: 'docx', dir: join(shared, 'corpus/docx'), prefix: 'corpus/docx/', together: true },
    { name: 'text', dir: join(shared, 'corpus/text'), prefix: 'corpus/text/', together: true },
    {
      name: 'unsupported',
      dir: join(shared, 'corpus/unsupported'),
      prefix: 'corpus/unsupported/',
      together: false,
    },
    {
      name: 'corpus-docx',
      dir: join(root, 'fixtures/corpus-docx'),
      prefix: 'fixtures/corpus-docx/',
      together: true,
    },
  ];
  return folders
    .filter((f) => existsSync(f.dir))
    .map((f) => ({
      ...f,
      files: readdirSync(f.dir)
        .filter((n) => !SKIPPED.test(n) && statSync(join(f.dir, n)).isFile())
        .sort()
        .map((n) => ({ id: f.prefix + n, path: join(f.dir, n) })),
    }));
}

/** Where a label's `file` lives: "corpus/…" under ../shared/, anything else under the repo. */
export function resolveDocument(file, root = ROOT, shared = SHARED) {
  return file.startsWith('corpus/') ? join(shared, file) : join(root, file);
}

/** kh's modules from dist/ (built by `npm run build`). */
export async function loadKh(root = ROOT) {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'parse/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const load = (path) => import(pathToFileURL(join(dist, path)).href);
  const [parse, engine, rules, config, store, errors] = await Promise.all([
    load('parse/index.js'),
    load('rules/engine.js'),
    load('rules/index.js'),
    load('config/index.js'),
    load('data/store.js'),
    load('util/errors.js'),
  ]);
  const resolveRules = config.resolveRules ?? (await load('config/resolve.js')).resolveRules;
  return {
    loadPlan: parse.loadPlan,
    lintPlan: engine.lintPlan,
    active: resolveRules(rules.rules, {}, [], null),
    data: store.createDataStore(),
    describeError: errors.describeError,
  };
}

/** kh's header reading in the label's terms (attachedPlan when the tree has one). */
export function headerOf(plan) {
  const m = plan.meta;
  const attached = m.attachedPlan ?? plan.attachment ?? plan.attachedPlan ?? null;
  return {
    docType: m.docType ?? null,
    number: m.number ?? null,
    symbol: m.symbol ?? null,
    issueDate: m.issueDate ?? null,
    issuer: m.issuer ?? null,
    place: m.place ?? null,
    title: m.title ?? null,
    planYear: m.planYear ?? null,
    level: m.level ?? null,
    attachedPlan: attached
      ? {
          title: attached.title ?? attached.meta?.title ?? null,
          planYear: attached.planYear ?? attached.meta?.planYear ?? null,
        }
      : null,
  };
}

function countIndicators(plan) {
  return plan.goals.reduce((n, g) => n + g.indicators.length, 0);
}

/** kh's reading of one plan, linted with `others` as the other files of its run. */
function resultOf(doc, group, plan, kh, others) {
  const env = { lang: 'en', today: new Date(`${TODAY}T00:00:00Z`), data: kh.data };
  const messages = kh.lintPlan(plan, kh.active, env, others).map((m) => ({
    ruleId: m.ruleId,
    severity: m.severity,
    line: m.line,
    excerpt: m.excerpt ?? '',
    message: m.message,
  }));
  return {
    file: doc.id,
    group,
    format: plan.source.format,
    header: headerOf(plan),
    isPlan: plan.meta.isPlan,
    draft: plan.meta.draft,
    sections: plan.sections.map((s) => s.numeral),
    counts: {
      sections: plan.sections.length,
      goals: plan.goals.length,
      indicators: countIndicators(plan),
      assignments: plan.assignments.length,
      citations: plan.citations.length,
      appendices: plan.appendices.length,
      tables: plan.tables.length,
    },
    messages,
  };
}

async function loadOrFail(doc, group, kh, root, shared) {
  try {
    const plan = await kh.loadPlan(doc.path);
    plan.source.path = doc.id; // messages and the snapshot name the file portably
    return { plan };
  } catch (error) {
    const reason = kh
      .describeError(error, 'en')
      .split(doc.path)
      .join(doc.id)
      .split(root)
      .join('.')
      .split(shared)
      .join('../shared');
    return { failed: { file: doc.id, group, unreadable: reason, header: null, messages: [] } };
  }
}

/** Reads and lints one document on its own (the worker's job too). */
export async function analyseAlone(doc, group, kh, { root = ROOT, shared = SHARED } = {}) {
  const { plan, failed } = await loadOrFail(doc, group, kh, root, shared);
  return failed ?? resultOf(doc, group, plan, kh, []);
}

/**
 * Documents read alone are shared out to `jobs` worker threads (each loads kh once), biggest
 * first; the result does not depend on the number of jobs.
 */
function analyseInWorkers(jobsList, jobs) {
  const queue = [...jobsList].sort((a, b) => b.size - a.size);
  const results = [];
  return new Promise((resolvePromise, reject) => {
    let running = 0;
    const workers = [];
    const finish = () => {
      for (const w of workers) w.terminate();
      resolvePromise(results);
    };
    for (let i = 0; i < Math.min(jobs, queue.length); i++) {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url));
      workers.push(worker);
      const next = () => {
        const job = queue.shift();
        if (!job) {
          if (--running === 0) finish();
          return;
        }
        worker.postMessage(job);
      };
      worker.on('message', (message) => {
        if (message.error) {
          for (const w of workers) w.terminate();
          reject(new Error(message.error));
          return;
        }
        if (message.result) results.push(message.result);
        next();
      });
      worker.on('error', (error) => {
        for (const w of workers) w.terminate();
        reject(error);
      });
      running += 1;
      next();
    }
    if (running === 0) finish();
  });
}

/** Default number of worker threads: the machine's cores, at most 4. */
export const DEFAULT_JOBS = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Reads and lints every document of `groups`. Returns one result per document, sorted by id:
 * { file, group, format, unreadable?, header, sections, counts, messages }.
 * `jobs` > 1: the documents read alone go to worker threads.
 */
export async function analyseGroups(groups, kh, { root = ROOT, shared = SHARED, jobs = DEFAULT_JOBS } = {}) {
  const results = [];
  const alone = [];
  for (const group of groups) {
    if (!group.together) {
      for (const doc of group.files) alone.push({ doc, group: group.name, size: statSync(doc.path).size });
      continue;
    }
    const loaded = [];
    for (const doc of group.files) {
      const { plan, failed } = await loadOrFail(doc, group.name, kh, root, shared);
      if (failed) results.push(failed);
      else loaded.push({ doc, plan });
    }
    const plans = loaded.map((l) => l.plan);
    for (const { doc, plan } of loaded)
      results.push(
        resultOf(
          doc,
          group.name,
          plan,
          kh,
          plans.filter((p) => p !== plan),
        ),
      );
  }
  if (jobs > 1 && alone.length > 1) {
    results.push(...(await analyseInWorkers(alone, jobs)));
  } else {
    for (const { doc, group } of alone) results.push(await analyseAlone(doc, group, kh, { root, shared }));
  }
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return results;
}

function countByRule(messages, keep) {
  const counts = {};
  for (const m of messages) if (keep(m.severity)) counts[m.ruleId] = (counts[m.ruleId] ?? 0) + 1;
  return Object.fromEntries(
    Object.keys(counts)
      .sort()
      .map((k) => [k, counts[k]]),
  );
}

/** One snapshot line: keys in a fixed order, no timestamps or absolute paths. */
export function snapshotLine(result) {
  if (result.unreadable) return JSON.stringify({ file: result.file, unreadable: result.unreadable });
  const { attachedPlan, ...header } = result.header;
  const line = {
    file: result.file,
    format: result.format,
    meta: { ...header, isPlan: result.isPlan, draft: result.draft },
    ...(attachedPlan ? { attachedPlan } : {}),
    sections: result.sections,
    counts: result.counts,
    findings: countByRule(result.messages, (s) => s === 'error' || s === 'warning'),
    info: countByRule(result.messages, (s) => s === 'info'),
  };
  return JSON.stringify(line);
}
