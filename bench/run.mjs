#!/usr/bin/env node
/**
 * `npm run bench` (after `npm run build`): how kh's own work compares with the libraries doing the
 * raw part of it, on the seed fixtures (fixtures/*.txt|docx|pdf).
 *
 *  - parse rows: median ms per document of kh's parse (readDocument + buildPlan, from dist/)
 *    vs the library alone on the same bytes (remark-parse + remark-gfm for .txt,
 *    mammoth.convertToHtml for .docx, pdf-parse getText for .pdf), and the ratio;
 *  - start-up rows: median wall time of `kh --version` / `kh --help` vs `node -e 0`
 *    (spawnSync, ~15 runs each after a warm-up);
 *  - memory row: peak RSS of a child process parsing the largest seed .pdf, vs a child that
 *    only loads node.
 *
 * Each row is one entry of ROWS: row(name, async () => ({ name, kh, base, baseName, unit, note })).
 * Adding a lint or diff row later is adding one such entry.
 * Numbers depend on the machine (CI's has 2 cores); the bench always exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BIN = join(ROOT, 'bin/kh.js');
const QUICK = process.argv.includes('--quick');
// `--only TEXT`: just the rows whose name contains TEXT (e.g. `--only parse`).
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] ?? '' : '';

if (!existsSync(join(DIST, 'parse/index.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(0);
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

const now = () => Number(process.hrtime.bigint()) / 1e6;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The seed fixtures of one extension (top level of fixtures/, not bad/ or variants/). */
function seeds(ext) {
  const dir = join(ROOT, 'fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext) && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Median ms per document over `rounds` rounds; each round runs `fn` once on every file. `kh` and
 * the library alternate round by round so that both see the same machine state. Not file by file:
 * each side then paid for part of the other's garbage (collected during its run), and kh, which
 * allocates more, came out 5-8 % better than it is.
 */
async function timePerDocument(files, fns, rounds) {
  // Warm-up: three passes, so that both sides are measured with their code optimised by the JIT
  // (one pass left kh's per-line code half-compiled and the PDF medians swinging by ±15 %).
  for (let w = 0; w < (QUICK ? 1 : 3); w++) for (const fn of Object.values(fns)) for (const file of files) await fn(file);
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [key, fn] of Object.entries(fns)) {
      const start = now();
      for (const file of files) await fn(file);
      samples[key].push((now() - start) / files.length);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

function spawnMedian(args, runs) {
  spawnSync(process.execPath, args, { cwd: ROOT }); // warm-up (disk cache)
  spawnSync(process.execPath, args, { cwd: ROOT });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    times.push(now() - start);
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  }
  return median(times);
}

const imp = (rel) => import(pathToFileURL(join(DIST, rel)).href);

/** A row of the table: its name (shown even when it fails) and how to measure it. */
function row(name, measure) {
  return { name, measure };
}

// ── rows ─────────────────────────────────────────────────────────────────────────────────────

/** kh parse (readDocument + buildPlan) vs the library's raw work, per format. */
function parseRow(ext, baseName, makeBase, rounds) {
  const name = `parse ${ext}`;
  return row(name, async () => {
    const files = seeds(ext);
    if (files.length === 0) return { name, skip: `no fixtures/*${ext}` };
    const { loadPlan } = await imp('parse/index.js');
    const base = await makeBase();
    const result = await timePerDocument(files, { kh: (f) => loadPlan(f), base: (f) => base(f) }, QUICK ? 3 : rounds);
    return { name, kh: result.kh, base: result.base, baseName, unit: 'ms/doc', note: `${files.length} docs` };
  });
}

async function remarkBase() {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ]);
  const processor = unified().use(remarkParse).use(remarkGfm);
  return async (file) => processor.runSync(processor.parse(readFileSync(file, 'utf8')));
}

async function mammothBase() {
  const { default: mammoth } = await import('mammoth');
  return async (file) => mammoth.convertToHtml({ buffer: readFileSync(file) });
}

async function pdfParseBase() {
  const { PDFParse } = await import('pdf-parse');
  return async (file) => {
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(file)) });
    try {
      return await parser.getText();
    } finally {
      await parser.destroy();
    }
  };
}

function startupRow(label, args) {
  return row(label, async () => {
    const runs = QUICK ? 5 : 15;
    const base = spawnMedian(['-e', '0'], runs);
    const kh = spawnMedian([BIN, ...args], runs);
    return { name: label, kh, base, baseName: 'node -e 0', unit: 'ms', note: `${runs} runs` };
  });
}

/** Peak RSS (MiB) of a child that parses the largest seed .pdf, vs a child that does nothing. */
function peakRssRow() {
  const name = 'peak RSS, largest .pdf';
  return row(name, async () => {
    const pdfs = seeds('.pdf');
    if (pdfs.length === 0) return { name, skip: 'no fixtures/*.pdf' };
    const largest = pdfs.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
    const child = (code) => {
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
      return Number(result.stdout.trim()) / 1024; // maxRSS is in KiB
    };
    const loadUrl = pathToFileURL(join(DIST, 'parse/index.js')).href;
    const kh = child(
      `const { loadPlan } = await import(${JSON.stringify(loadUrl)}); await loadPlan(${JSON.stringify(largest)}); console.log(process.resourceUsage().maxRSS);`,
    );
    const base = child('console.log(process.resourceUsage().maxRSS);');
    const size = (statSync(largest).size / 1024).toFixed(0);
    return { name, kh, base, baseName: 'node alone', unit: 'MiB', note: `${largest.split('/').pop()}, ${size} KiB` };
  });
}

/**
 * kh diff of two seeds (load both + computeDiff + the text report) vs loading both: the diff's own
 * work on top of parsing. Target: under 3×.
 */
function diffRow(ext) {
  const name = `diff 000 vs 002 ${ext}`;
  return row(name, async () => {
    const pair = seeds(ext).filter((f) => /\/00[02]_/.test(f));
    if (pair.length !== 2) return { name, skip: `no fixtures/000, 002 *${ext}` };
    const { loadPlan } = await imp('parse/index.js');
    const { computeDiff } = await imp('diff/compute.js');
    const { formatText } = await imp('diff/format.js');
    const { Chalk } = await import('chalk');
    const chalk = new Chalk({ level: 0 });
    const parseBoth = async () => Promise.all(pair.map((f) => loadPlan(f)));
    const diff = async () => {
      const [a, b] = await parseBoth();
      return formatText(computeDiff(a, b), 'vi', chalk);
    };
    const result = await timePerDocument(['pair'], { kh: diff, base: parseBoth }, QUICK ? 3 : 8);
    return { name, kh: result.kh, base: result.base, baseName: 'parse both', unit: 'ms', note: 'target < 3×' };
  });
}

/** A plan with its sections (items, assignments, citations, dates) repeated k times, deep-copied. */
function scalePlan(plan, k) {
  const out = structuredClone(plan);
  for (const key of ['sections', 'assignments', 'citations', 'dates']) {
    out[key] = [];
    for (let c = 0; c < k; c++) {
      for (const node of structuredClone(plan[key])) {
        if (key === 'sections') node.numeral = `${node.numeral}.${c + 1}`;
        if (key === 'assignments') node.ownerKey = `${node.ownerKey} ${c + 1}`;
        out[key].push(node);
      }
    }
  }
  return out;
}

/**
 * computeDiff alone on 000 vs 002 with every section repeated k times: kh = ms at k×, baseline =
 * k × the 1× time (what linear growth would give). A ratio near 1 (or below) = linear; a quadratic
 * matcher would show about k.
 */
function diffScaleRow(k) {
  const name = `diff scaling ${k}× items`;
  return row(name, async () => {
    const pair = seeds('.txt').filter((f) => /\/00[02]_/.test(f));
    if (pair.length !== 2) return { name, skip: 'no fixtures/000, 002 .txt' };
    const { loadPlan } = await imp('parse/index.js');
    const { computeDiff } = await imp('diff/compute.js');
    const [a, b] = await Promise.all(pair.map((f) => loadPlan(f)));
    const count = (plan) => {
      let n = 0;
      const walk = (items) => items.forEach((i) => (n++, walk(i.children)));
      plan.sections.forEach((s) => walk(s.items));
      return n;
    };
    const time = (x, y, rounds) => {
      computeDiff(x, y);
      const samples = [];
      for (let r = 0; r < rounds; r++) {
        const start = now();
        computeDiff(x, y);
        samples.push(now() - start);
      }
      return median(samples);
    };
    const one = time(a, b, QUICK ? 3 : 9);
    const [ak, bk] = [scalePlan(a, k), scalePlan(b, k)];
    const kh = k === 1 ? one : time(ak, bk, QUICK ? 2 : 5);
    return { name, kh, base: one * k, baseName: `${k} × the 1× time`, unit: 'ms', note: `${count(ak)} + ${count(bk)} items` };
  });
}

/**
 * kh lint of the .txt seeds with every registered rule at its default severity and options
 * (parse + build + lint) vs parsing alone (parse + build). Target: at most 1.5×.
 */
function lintRow(ext) {
  const name = `lint ${ext}, all rules`;
  return row(name, async () => {
    const files = seeds(ext);
    if (files.length === 0) return { name, skip: `no fixtures/*${ext}` };
    const { loadPlan } = await imp('parse/index.js');
    const { rules } = await imp('rules/index.js');
    const { lintPlan } = await imp('rules/engine.js');
    const { createDataStore } = await imp('data/store.js');
    const data = createDataStore();
    const active = rules.map((rule) => ({ rule, severity: rule.meta.defaultSeverity, options: rule.meta.options.parse({}) }));
    const env = { lang: 'vi', data, today: new Date('2024-06-01T00:00:00') };
    const lint = async (f) => lintPlan(await loadPlan(f), active, env);
    const result = await timePerDocument(files, { kh: lint, base: (f) => loadPlan(f) }, QUICK ? 3 : 20);
    return { name, kh: result.kh, base: result.base, baseName: 'parse alone', unit: 'ms/doc', note: `${files.length} docs, ${active.length} rules; target ≤ 1.5×` };
  });
}

/**
 * kh lint of a run of N files (copies of the .txt seeds: cross-file rules see them all): ms per
 * file, including parsing. Linear growth means the ms/file stays flat from 20 to 200 files.
 */
function lintBatchRow(count) {
  const name = `lint run of ${count} files`;
  return row(name, async () => {
    const files = seeds('.txt');
    if (files.length === 0) return { name, skip: 'no fixtures/*.txt' };
    const { loadPlan } = await imp('parse/index.js');
    const { rules } = await imp('rules/index.js');
    const { lintPlans } = await imp('rules/engine.js');
    const { createDataStore } = await imp('data/store.js');
    const active = rules.map((rule) => ({ rule, severity: rule.meta.defaultSeverity, options: rule.meta.options.parse({}) }));
    const env = { lang: 'vi', data: createDataStore(), today: new Date('2024-06-01T00:00:00') };
    const paths = Array.from({ length: count }, (_, i) => files[i % files.length]);
    const run = async () => {
      const start = now();
      const plans = [];
      for (const path of paths) plans.push(await loadPlan(path));
      lintPlans(plans, active, env);
      return (now() - start) / count;
    };
    await run();
    const samples = [];
    for (let r = 0; r < (QUICK ? 1 : 3); r++) samples.push(await run());
    return { name, kh: median(samples), base: null, baseName: '', unit: 'ms/file', note: `${count} files, ${active.length} rules` };
  });
}

// Add rows here (lint, diff …): one row(name, async () => ({ name, kh, base, baseName, unit, note })) each.
const ROWS = [
  parseRow('.txt', 'remark-parse+gfm', remarkBase, 30),
  parseRow('.docx', 'mammoth.convertToHtml', mammothBase, 15),
  parseRow('.pdf', 'pdf-parse getText', pdfParseBase, 30),
  startupRow('kh --version', ['--version']),
  startupRow('kh --help', ['--help']),
  peakRssRow(),
  lintRow('.txt'),
  lintBatchRow(20),
  lintBatchRow(200),
  diffRow('.txt'),
  diffRow('.pdf'),
  diffScaleRow(1),
  diffScaleRow(4),
  diffScaleRow(16),
];

// ── table ────────────────────────────────────────────────────────────────────────────────────

const results = [];
for (const { name, measure } of ROWS) {
  if (ONLY && !name.includes(ONLY)) continue;
  try {
    results.push(await measure());
  } catch (error) {
    results.push({ name, skip: `failed: ${String(error?.message ?? error).split('\n')[0]}` });
  }
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const header = ['what', 'kh', 'baseline', 'baseline is', 'ratio', 'unit', 'note'];
const table = results.map((r) =>
  r.skip
    ? [r.name, '-', '-', '-', '-', '-', `skipped: ${r.skip}`]
    : r.base === null
      ? [r.name, fmt(r.kh), '', '', '', r.unit, r.note ?? '']
      : [r.name, fmt(r.kh), fmt(r.base), r.baseName, `${(r.kh / r.base).toFixed(2)}×`, r.unit, r.note ?? ''],
);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => String(row[i]).length)));
const line = (cells) => cells.map((c, i) => (i >= 1 && i <= 2 || i === 4 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
console.log(`kh bench — node ${process.version}, ${process.platform} ${process.arch}${QUICK ? ' (quick)' : ''}`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
process.exitCode = 0;
