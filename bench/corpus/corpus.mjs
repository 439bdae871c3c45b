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
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
    { name: 'unsupported', dir: join(shared, 'corpus/unsupported'), prefix: 'corpus/unsupported/', together: false },
    { name: 'corpus-docx', dir: join(root, 'fixtures/corpus-docx'), prefix: 'fixtures/corpus-docx/', together: true },
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
  if (!existsSync(join(dist, 'parse/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const load = (path) => import(pathToFileURL(join(dist, path)).href);
  const [parse, engine, rules, config, registries, errors] = await Promise.all([
    load('parse/index.js'),
    load('rules/engine.js'),
    load('rules/index.js'),
    load('config/index.js'),
    load('data/registries.js'),
    load('util/errors.js'),
  ]);
  const resolveRules = config.resolveRules ?? (await load('config/resolve.js')).resolveRules;
  return {
    loadPlan: parse.loadPlan,
    lintPlan: engine.lintPlan,
    active: resolveRules(rules.rules, {}, [], null),
    registries: registries.loadRegistries(),
    describeError: errors.describeError,
  };
}

/** kh's header reading in the label's terms (attachedPlan when the tree has one). */
export function headerOf(plan) {
  const m = plan.meta;
  const attached = m.attachedPlan ?? plan.attachedPlan ?? null;
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
    attachedPlan: attached ? { title: attached.title ?? attached.meta?.title ?? null, planYear: attached.planYear ?? attached.meta?.planYear ?? null } : null,
  };
}

function countIndicators(plan) {
  return plan.goals.reduce((n, g) => n + g.indicators.length, 0);
}

/**
 * Reads and lints every document of `groups`. Returns one result per document, in order:
 * { file, group, format, unreadable?, header, sections, counts, messages }.
 * `onDocument(result)` is called as each is done (progress).
 */
export async function analyseGroups(groups, kh, { root = ROOT, shared = SHARED } = {}) {
  const env = { lang: 'en', today: new Date(`${TODAY}T00:00:00Z`), registries: kh.registries };
  const results = [];
  for (const group of groups) {
    const loaded = [];
    for (const doc of group.files) {
      try {
        const plan = await kh.loadPlan(doc.path);
        plan.source.path = doc.id; // messages and the snapshot name the file portably
        loaded.push({ doc, plan });
      } catch (error) {
        const reason = kh.describeError(error, 'en').split(doc.path).join(doc.id).split(root).join('.').split(shared).join('../shared');
        results.push({ file: doc.id, group: group.name, unreadable: reason, header: null, messages: [] });
      }
    }
    const plans = loaded.map((l) => l.plan);
    for (const { doc, plan } of loaded) {
      const others = group.together ? plans.filter((p) => p !== plan) : [];
      const messages = kh.lintPlan(plan, kh.active, env, others).map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        line: m.line,
        excerpt: m.excerpt ?? '',
        message: m.message,
      }));
      results.push({
        file: doc.id,
        group: group.name,
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
      });
    }
  }
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return results;
}

function countByRule(messages, keep) {
  const counts = {};
  for (const m of messages) if (keep(m.severity)) counts[m.ruleId] = (counts[m.ruleId] ?? 0) + 1;
  return Object.fromEntries(Object.keys(counts).sort().map((k) => [k, counts[k]]));
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
