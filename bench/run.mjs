#!/usr/bin/env node
/**
 * `npm run bench` (after `npm run build`): how kh's own work compares with the libraries doing the
 * raw part of it, on the seed fixtures (fixtures/*.txt|docx|doc|pdf).
 *
 *  - parse rows: median ms per document of kh's parse (readDocument + buildPlan, from dist/)
 *    vs the library alone on the same bytes (remark-parse + remark-gfm for .txt,
 *    mammoth.convertToHtml for .docx, word-extractor's extract().getBody() for .doc, pdf-parse
 *    getText for .pdf), and the ratio;
 *  - start-up rows: median wall time of `kh --version` / `kh --help` vs `node -e 0`
 *    (spawnSync, ~15 runs each after a warm-up);
 *  - OCR row: wall ms per page of a scanned PDF read through Tesseract vs the tools by hand;
 *  - memory row: peak RSS of a child process parsing the largest seed .pdf, vs a child that
 *    only loads node.
 *
 * Each row is one entry of ROWS: row(name, async () => ({ name, kh, base, baseName, unit, note })).
 * Adding a lint or diff row later is adding one such entry.
 * Numbers depend on the machine (CI's has 2 cores); the bench always exits 0.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BIN = join(ROOT, 'bin/kh.js');
const QUICK = process.argv.includes('--quick');
// `--only TEXT`: just the rows whose name contains TEXT (e.g. `--only parse`).
const ONLY = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '') : '';

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
  for (let w = 0; w < (QUICK ? 1 : 3); w++)
    for (const fn of Object.values(fns)) for (const file of files) await fn(file);
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
    const result = await timePerDocument(
      files,
      { kh: (f) => loadPlan(f), base: (f) => base(f) },
      QUICK ? 3 : rounds,
    );
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

async function wordExtractorBase() {
  const { default: WordExtractor } = await import('word-extractor');
  const extractor = new WordExtractor();
  return async (file) => (await extractor.extract(readFileSync(file))).getBody();
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
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(result.stderr);
      return Number(result.stdout.trim()) / 1024; // maxRSS is in KiB
    };
    const loadUrl = pathToFileURL(join(DIST, 'parse/index.js')).href;
    const kh = child(
      `const { loadPlan } = await import(${JSON.stringify(loadUrl)}); await loadPlan(${JSON.stringify(largest)}); console.log(process.resourceUsage().maxRSS);`,
    );
    const base = child('console.log(process.resourceUsage().maxRSS);');
    const size = (statSync(largest).size / 1024).toFixed(0);
    return {
      name,
      kh,
      base,
      baseName: 'node alone',
      unit: 'MiB',
      note: `${largest.split('/').pop()}, ${size} KiB`,
    };
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
    return {
      name,
      kh: result.kh,
      base: result.base,
      baseName: 'parse both',
      unit: 'ms',
      note: 'target < 3×',
    };
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
    return {
      name,
      kh,
      base: one * k,
      baseName: `${k} × the 1× time`,
      unit: 'ms',
      note: `${count(ak)} + ${count(bk)} items`,
    };
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
    const active = rules.map((rule) => ({
      rule,
      severity: rule.meta.defaultSeverity,
      options: rule.meta.options.parse({}),
    }));
    const env = { lang: 'vi', data, today: new Date('2024-06-01T00:00:00') };
    const lint = async (f) => lintPlan(await loadPlan(f), active, env);
    const result = await timePerDocument(files, { kh: lint, base: (f) => loadPlan(f) }, QUICK ? 3 : 20);
    return {
      name,
      kh: result.kh,
      base: result.base,
      baseName: 'parse alone',
      unit: 'ms/doc',
      note: `${files.length} docs, ${active.length} rules; target ≤ 1.5×`,
    };
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
    const active = rules.map((rule) => ({
      rule,
      severity: rule.meta.defaultSeverity,
      options: rule.meta.options.parse({}),
    }));
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
    return {
      name,
      kh: median(samples),
      base: null,
      baseName: '',
      unit: 'ms/file',
      note: `${count} files, ${active.length} rules`,
    };
  });
}

/**
 * Issue 12: `kh lint DIR` (the CLI, a child process) on a repository of N copies of the seed
 * fixtures made in a temp folder — 70 % .docx, 20 % .pdf, 10 % .txt, 100 files per folder —
 * with `--concurrency auto` (kh) vs `--concurrency off` (baseline): ms per file and the speed-up;
 * the note gives each mode's peak RSS (/usr/bin/time) and the load average when measured (the
 * machine may be shared). Targets: 1,000 files on 2 workers ≥ 1.7× faster than off; ms/file at
 * 5,000 within 10 % of 1,000; peak RSS at 5,000 ≤ 400 MB. The 5,000-file row takes minutes:
 * it runs only with KH_BENCH_5000=1.
 */
function lintRepoRow(count) {
  const name = `kh lint DIR of ${count} files, auto vs off`;
  return row(name, async () => {
    if (count > 1000 && process.env.KH_BENCH_5000 !== '1')
      return { name, skip: 'set KH_BENCH_5000=1 (minutes)' };
    const pick = { '.docx': seeds('.docx'), '.pdf': seeds('.pdf'), '.txt': seeds('.txt') };
    if (Object.values(pick).some((list) => list.length === 0))
      return { name, skip: 'needs fixtures/*.docx, *.pdf, *.txt' };
    const dir = mkdtempSync(join(tmpdir(), 'kh-bench-repo-'));
    try {
      for (let i = 0; i < count; i++) {
        const slot = i % 10; // 7 of 10 .docx, 2 .pdf, 1 .txt
        const ext = slot < 7 ? '.docx' : slot < 9 ? '.pdf' : '.txt';
        const list = pick[ext];
        const folder = join(dir, `d${String(Math.floor(i / 100)).padStart(3, '0')}`);
        if (i % 100 === 0) mkdirSync(folder);
        copyFileSync(list[i % list.length], join(folder, `f${String(i).padStart(5, '0')}${ext}`));
      }
      const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
      const once = (mode) => {
        const args = [
          BIN,
          'lint',
          '-f',
          'json',
          '-o',
          join(dir, `report-${mode}.json`),
          '--concurrency',
          mode,
          dir,
        ];
        const start = now();
        const result = timeBin
          ? spawnSync(timeBin, ['-f', '%M', process.execPath, ...args], {
              cwd: ROOT,
              encoding: 'utf8',
              env: { ...process.env, KH_TODAY: '2026-12-01' },
            })
          : spawnSync(process.execPath, args, {
              cwd: ROOT,
              encoding: 'utf8',
              env: { ...process.env, KH_TODAY: '2026-12-01' },
            });
        const ms = now() - start;
        if (result.status !== 0 && result.status !== 1)
          throw new Error(`kh lint exited ${result.status}: ${result.stderr.split('\n')[0]}`);
        const rssKb = timeBin ? Number(result.stderr.trim().split('\n').pop()) : NaN;
        return { msPerFile: ms / count, rssMb: rssKb / 1024 };
      };
      const rounds = count > 1000 || QUICK ? 1 : 3;
      const samples = { off: [], auto: [] };
      const load = [];
      for (let r = 0; r < rounds; r++) {
        for (const mode of ['off', 'auto']) {
          load.push(loadavg()[0]);
          samples[mode].push(once(mode));
        }
      }
      const same =
        readFileSync(join(dir, 'report-off.json'), 'utf8') ===
        readFileSync(join(dir, 'report-auto.json'), 'utf8');
      const med = (mode, key) => median(samples[mode].map((s) => s[key]));
      const rss = (mode) => Math.max(...samples[mode].map((s) => s.rssMb)).toFixed(0);
      return {
        name,
        kh: med('auto', 'msPerFile'),
        base: med('off', 'msPerFile'),
        baseName: '--concurrency off',
        unit: 'ms/file',
        note: `${rounds} run(s) each; peak RSS auto ${rss('auto')} / off ${rss('off')} MiB; load ${median(load).toFixed(1)}; reports ${same ? 'identical' : 'DIFFER'}; target ≤ 0.59× (1.7× faster)`,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/**
 * A repository of `count` documents for the CI rows: copies of the .txt seeds, each made its own
 * (a line naming it appended), in folders of 100, committed to a fresh git repository.
 */
function ciRepository(count) {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-ci-'));
  const texts = seeds('.txt').map((f) => readFileSync(f, 'utf8'));
  for (let i = 0; i < count; i++) {
    const folder = join(dir, 'van-ban', String(Math.floor(i / 100)));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${i}.txt`), `${texts[i % texts.length]}\nBản sao số ${i}.\n`);
  }
  const git = (...args) =>
    spawnSync(
      'git',
      ['-c', 'user.name=kh', '-c', 'user.email=kh@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, encoding: 'utf8' },
    );
  writeFileSync(join(dir, '.gitignore'), '.khcache/\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  return dir;
}

/** Wall time in ms of one `kh lint` in `cwd`. */
function khLint(cwd, args) {
  const start = now();
  const result = spawnSync(
    process.execPath,
    [BIN, 'lint', ...args, '--format', 'json', '--output', join(cwd, '..', `${basename(cwd)}.json`)],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, KH_TODAY: '2026-12-01', NO_COLOR: '1' },
    },
  );
  if (result.status === null || result.status > 1)
    throw new Error(`kh lint ${args.join(' ')}: exit ${result.status}: ${result.stderr.split('\n')[0]}`);
  return now() - start;
}

const CI_FILES = Number(process.env.KH_BENCH_CI_FILES) || (QUICK ? 100 : 1000);

/** --cache: a warm run with 1% of the files changed vs the cold run. Target: ≤ 5 % of the cold time. */
function cacheRow() {
  const name = `lint --cache warm, 1% of ${CI_FILES} changed`;
  return row(name, async () => {
    if (seeds('.txt').length === 0) return { name, skip: 'no fixtures/*.txt' };
    const dir = ciRepository(CI_FILES);
    try {
      const cold = khLint(dir, ['van-ban', '--cache']);
      const changed = Math.max(1, Math.round(CI_FILES / 100));
      for (let i = 0; i < changed; i++) {
        const file = join(
          dir,
          'van-ban',
          String(Math.floor(((i * 97) % CI_FILES) / 100)),
          `${(i * 97) % CI_FILES}.txt`,
        );
        writeFileSync(file, `${readFileSync(file, 'utf8')}Tổ chức thực hiện các các nhiệm vụ.\n`);
      }
      const load = [loadavg()[0]];
      const warm = khLint(dir, ['van-ban', '--cache']);
      load.push(loadavg()[0]);
      // Nothing changed: the floor of a warm run (start-up, the pack, a stat per file, the cross-file pass).
      const unchanged = khLint(dir, ['van-ban', '--cache']);
      return {
        name,
        kh: warm,
        base: cold,
        baseName: 'cold run (--cache, empty)',
        unit: 'ms',
        note: `${changed} files changed; nothing changed ${unchanged.toFixed(0)} ms; load ${median(load).toFixed(1)}; target ≤ 0.05×`,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** --changed-since with a warm cache: one changed file among CI_FILES. Target at 5,000 files: under 3 s. */
function changedSinceRow() {
  const name = `lint --changed-since, 1 of ${CI_FILES} changed`;
  return row(name, async () => {
    if (seeds('.txt').length === 0) return { name, skip: 'no fixtures/*.txt' };
    const dir = ciRepository(CI_FILES);
    try {
      khLint(dir, ['van-ban', '--cache']);
      const file = join(dir, 'van-ban', '0', '7.txt');
      writeFileSync(file, `${readFileSync(file, 'utf8')}Tổ chức thực hiện các các nhiệm vụ.\n`);
      const load = loadavg()[0];
      const withCache = khLint(dir, ['van-ban', '--changed-since', 'main', '--cache']);
      const alone = khLint(dir, ['van-ban', '--changed-since', 'main']);
      return {
        name,
        kh: withCache,
        base: alone,
        baseName: 'without --cache (no cross-file context)',
        unit: 'ms',
        note: `wall time incl. start-up; load ${load.toFixed(1)}; target < 3000 ms at 5,000 files (KH_BENCH_CI_FILES=5000)`,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/**
 * The seeds written in TCVN3 and in VNI (kh's own encoder), in a temporary folder: legacy files to
 * read. Each is paired with its Unicode original.
 */
async function legacySeeds() {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { encodeLegacy } = await imp('util/legacy-convert.js');
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-legacy-'));
  const pairs = [];
  for (const seed of seeds('.txt')) {
    const text = readFileSync(seed, 'utf8');
    for (const encoding of ['tcvn3', 'vni']) {
      const path = join(dir, `${encoding}-${seed.split('/').pop()}`);
      writeFileSync(path, encodeLegacy(text, encoding));
      pairs.push({ legacy: path, unicode: seed });
    }
  }
  return pairs;
}

/** Recognising and converting a legacy file's bytes (decodeTextDetailed) vs decoding UTF-8. */
function convertRow() {
  const name = 'convert legacy .txt';
  return row(name, async () => {
    const pairs = await legacySeeds();
    if (pairs.length === 0) return { name, skip: 'no fixtures/*.txt' };
    const { decodeTextDetailed } = await imp('parse/decode.js');
    const bytes = new Map(
      pairs.flatMap((p) => [
        [p.legacy, readFileSync(p.legacy)],
        [p.unicode, readFileSync(p.unicode)],
      ]),
    );
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const legacyOf = new Map(pairs.map((p) => [p.legacy, p.unicode]));
    const result = await timePerDocument(
      [...legacyOf.keys()],
      {
        kh: (f) => decodeTextDetailed(bytes.get(f)),
        base: (f) => utf8.decode(bytes.get(legacyOf.get(f))).normalize('NFC'),
      },
      QUICK ? 3 : 30,
    );
    return {
      name,
      kh: result.kh,
      base: result.base,
      baseName: 'UTF-8 decode + NFC',
      unit: 'ms/file',
      note: `${pairs.length} files (TCVN3, VNI)`,
    };
  });
}

/** kh parse of the TCVN3/VNI seeds vs of their Unicode originals: what reading a legacy file adds. */
function legacyParseRow() {
  const name = 'parse legacy .txt';
  return row(name, async () => {
    const pairs = await legacySeeds();
    if (pairs.length === 0) return { name, skip: 'no fixtures/*.txt' };
    const { loadPlan } = await imp('parse/index.js');
    const unicodeOf = new Map(pairs.map((p) => [p.legacy, p.unicode]));
    const result = await timePerDocument(
      [...unicodeOf.keys()],
      { kh: (f) => loadPlan(f), base: (f) => loadPlan(unicodeOf.get(f)) },
      QUICK ? 3 : 15,
    );
    return {
      name,
      kh: result.kh,
      base: result.base,
      baseName: 'parse of the Unicode seed',
      unit: 'ms/doc',
      note: `${pairs.length} docs`,
    };
  });
}

/**
 * OCR of a scanned PDF (fixtures/scanned/: a seed rasterised to an image-only PDF): wall ms per
 * page of kh's parse (pages in parallel on every core) vs the two tools run by hand on each page,
 * one page after another (pdftoppm -gray -r 200, then tesseract -l vie tsv). Skipped without the
 * tools (scripts/install-ocr.sh).
 */
function ocrRow() {
  const name = 'parse scanned .pdf (OCR)';
  return row(name, async () => {
    const dir = join(ROOT, 'fixtures/scanned');
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.pdf'))
          .map((f) => join(dir, f))
      : [];
    if (files.length === 0) return { name, skip: 'no fixtures/scanned/*.pdf' };
    if (spawnSync('tesseract', ['--version']).error || spawnSync('pdftoppm', ['-v']).error)
      return { name, skip: 'tesseract/pdftoppm not installed (scripts/install-ocr.sh)' };
    const { loadPlan } = await imp('parse/index.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir, availableParallelism } = await import('node:os');
    const pagesOf = (f) =>
      Number(/Pages:\s+(\d+)/u.exec(spawnSync('pdfinfo', [f], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 1);
    const pages = files.reduce((n, f) => n + pagesOf(f), 0);
    const byHand = (file) => {
      const tmp = mkdtempSync(join(tmpdir(), 'kh-bench-ocr-'));
      try {
        for (let p = 1; p <= pagesOf(file); p++) {
          spawnSync('pdftoppm', [
            '-gray',
            '-r',
            '200',
            '-f',
            String(p),
            '-l',
            String(p),
            '-singlefile',
            file,
            join(tmp, 'p'),
          ]);
          spawnSync('tesseract', [join(tmp, 'p.pgm'), '-', '-l', 'vie', '--dpi', '200', 'tsv'], {
            env: { ...process.env, OMP_THREAD_LIMIT: '1' },
            stdio: 'ignore',
          });
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    };
    const kh = [];
    const base = [];
    for (let r = 0; r < (QUICK ? 1 : 3); r++) {
      let start = now();
      for (const f of files) await loadPlan(f, undefined, { timeoutMs: 600_000 });
      kh.push((now() - start) / pages);
      start = now();
      for (const f of files) byHand(f);
      base.push((now() - start) / pages);
    }
    return {
      name,
      kh: median(kh),
      base: median(base),
      baseName: 'the tools, page by page',
      unit: 'ms/page',
      note: `${pages} pages, ${availableParallelism()} cores`,
    };
  });
}

// Add rows here (lint, diff …): one row(name, async () => ({ name, kh, base, baseName, unit, note })) each.
const ROWS = [
  parseRow('.txt', 'remark-parse+gfm', remarkBase, 30),
  parseRow('.docx', 'mammoth.convertToHtml', mammothBase, 15),
  parseRow('.doc', 'word-extractor getBody', wordExtractorBase, 15),
  parseRow('.pdf', 'pdf-parse getText', pdfParseBase, 30),
  convertRow(),
  legacyParseRow(),
  ocrRow(),
  startupRow('kh --version', ['--version']),
  startupRow('kh --help', ['--help']),
  peakRssRow(),
  lintRow('.txt'),
  lintBatchRow(20),
  lintBatchRow(200),
  lintRepoRow(1000),
  lintRepoRow(5000),
  diffRow('.txt'),
  diffRow('.pdf'),
  diffScaleRow(1),
  diffScaleRow(4),
  diffScaleRow(16),
  cacheRow(),
  changedSinceRow(),
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
const line = (cells) =>
  cells
    .map((c, i) =>
      (i >= 1 && i <= 2) || i === 4 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]),
    )
    .join('  ');
console.log(
  `kh bench — node ${process.version}, ${process.platform} ${process.arch}${QUICK ? ' (quick)' : ''}`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
process.exitCode = 0;
