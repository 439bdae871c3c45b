#!/usr/bin/env node
/**
 * `npm run corpus`: the corpus benchmark (README, "Corpus benchmark"; notes/CORPUS-LABELS.md).
 * Reads and lints every document under ../shared/corpus/ and fixtures/corpus-docx/ with kh's
 * API in this process, writes bench/corpus/snapshot.jsonl (one sorted line per document) and
 * scores kh against the hand-checked labels in bench/corpus/labels/.
 *
 *   npm run corpus                  summary (build first: the script runs dist/)
 *   npm run corpus -- --json        the summary and scores as JSON
 *   npm run corpus -- --check       do not write the snapshot; exit 1 when it would change
 *   npm run corpus -- --show TEXT   kh's header and findings for the documents whose id contains
 *                                   TEXT (a labeller's aid: read the document, then compare)
 *   npm run corpus -- --only TEXT   read only the documents whose id contains TEXT (no snapshot)
 *   npm run corpus -- --details     also list wrong header values and unlabelled findings
 *   npm run corpus -- --markdown    the figures as the README's tables
 *   npm run corpus -- --jobs N      worker threads for the documents read alone (default: cores, ≤ 4)
 *
 * Without ../shared/ it says the benchmark is skipped and exits 0.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyseGroups,
  corpusGroups,
  DEFAULT_JOBS,
  LABELS_DIR,
  loadKh,
  ROOT,
  SHARED,
  SNAPSHOT,
  snapshotLine,
} from './corpus.mjs';
import {
  ATTACHED_FIELDS,
  HEADER_FIELDS,
  loadLabels,
  score,
  THRESHOLDS,
  thresholdFailures,
} from './labels.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const valueOf = (name) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? '') : null);
const JSON_OUT = flag('--json');
const CHECK = flag('--check');
const DETAILS = flag('--details');
const MARKDOWN = flag('--markdown');
const JOBS = valueOf('--jobs') === null ? DEFAULT_JOBS : Number(valueOf('--jobs'));
if (!Number.isInteger(JOBS) || JOBS < 1) {
  console.error('corpus: --jobs needs a whole number ≥ 1');
  process.exit(2);
}
const SHOW = valueOf('--show');
const ONLY = valueOf('--only') ?? SHOW;

if (!existsSync(join(SHARED, 'corpus'))) {
  console.log(`corpus: ${SHARED}/corpus is absent — the corpus benchmark is skipped`);
  process.exit(0);
}

const started = process.hrtime.bigint();
let kh;
try {
  kh = await loadKh();
} catch (error) {
  console.error(`corpus: ${error.message}`);
  process.exit(2);
}
let groups = corpusGroups();
if (ONLY !== null)
  groups = groups
    .map((g) => ({ ...g, files: g.files.filter((f) => f.id.includes(ONLY)) }))
    .filter((g) => g.files.length > 0);
const results = await analyseGroups(groups, kh, { jobs: JOBS });
const labels = loadLabels(LABELS_DIR).filter((l) => ONLY === null || l.file.includes(ONLY));
const scores = score(results, labels);
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;

// ── snapshot ─────────────────────────────────────────────────────────────────────────────────
let snapshotState = 'not written (--only/--show)';
if (ONLY === null) {
  const text = results.map(snapshotLine).join('\n') + '\n';
  const before = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, 'utf8') : '';
  const changed = diffCount(before, text);
  if (CHECK) {
    snapshotState = changed ? `would change ${changed} line(s)` : 'unchanged';
  } else {
    if (before !== text) writeFileSync(SNAPSHOT, text);
    snapshotState = before === text ? 'unchanged' : `written, ${changed} line(s) changed`;
  }
}

function diffCount(a, b) {
  const left = new Set(a.split('\n').filter(Boolean));
  const right = b.split('\n').filter(Boolean);
  const rightSet = new Set(right);
  return right.filter((l) => !left.has(l)).length + [...left].filter((l) => !rightSet.has(l)).length;
}

// ── figures ──────────────────────────────────────────────────────────────────────────────────
const readable = results.filter((r) => !r.unreadable);
const found = Object.fromEntries(
  HEADER_FIELDS.map((f) => [
    f,
    readable.filter((r) => r.header[f] !== null && r.header[f] !== undefined).length,
  ]),
);
found.attachedPlan = readable.filter((r) => r.header.attachedPlan).length;
const byRule = {};
for (const r of results) {
  for (const m of r.messages) {
    const row = (byRule[m.ruleId] ??= { error: 0, warning: 0, info: 0, documents: 0 });
    row[m.severity] += 1;
  }
  for (const id of new Set(r.messages.map((m) => m.ruleId))) byRule[id].documents += 1;
}
const byGroup = {};
for (const r of results) {
  const row = (byGroup[r.group] ??= { documents: 0, unreadable: 0 });
  row.documents += 1;
  if (r.unreadable) row.unreadable += 1;
}
const failures = labels.length ? thresholdFailures(scores) : [];

if (JSON_OUT) {
  const { unlabelledFindings, staleLabels, ...rest } = scores;
  console.log(
    JSON.stringify(
      {
        documents: results.length,
        groups: byGroup,
        unreadable: results.filter((r) => r.unreadable).map((r) => ({ file: r.file, reason: r.unreadable })),
        headerFound: found,
        findings: Object.fromEntries(
          Object.keys(byRule)
            .sort()
            .map((k) => [k, byRule[k]]),
        ),
        scores: { ...rest, unlabelledFindings, staleLabels },
        thresholds: THRESHOLDS,
        failures,
        snapshot: snapshotState,
        seconds: Number(elapsed.toFixed(1)),
        jobs: JOBS,
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

const pct = (x) => (x === null ? '   —  ' : `${(100 * x).toFixed(1).padStart(5)}%`);

if (MARKDOWN) {
  const p = (x) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);
  const md = [];
  md.push(
    `${results.length} documents (${Object.entries(byGroup)
      .map(([g, r]) => `${g} ${r.documents}${r.unreadable ? `, ${r.unreadable} unreadable` : ''}`)
      .join('; ')}), ${elapsed.toFixed(0)} s; ${scores.labelled} labelled.`,
    '',
  );
  md.push(
    '| header field | right / labelled | accuracy | spurious | found in all documents |',
    '|---|---|---|---|---|',
  );
  for (const field of [...HEADER_FIELDS, ...ATTACHED_FIELDS]) {
    const row = scores.header[field];
    const all = field.startsWith('attachedPlan')
      ? field === 'attachedPlan.title'
        ? found.attachedPlan
        : ''
      : found[field];
    md.push(`| ${field} | ${row.right} / ${row.labelled} | ${p(row.accuracy)} | ${row.spurious} | ${all} |`);
  }
  md.push(
    '',
    '| rule | true / reported (labelled docs) | precision | false | unlabelled | warnings+errors in all documents |',
    '|---|---|---|---|---|---|',
  );
  for (const id of Object.keys(byRule).sort()) {
    const row = scores.rules[id];
    const all = byRule[id].error + byRule[id].warning;
    if (!row) {
      if (all) md.push(`| ${id} | 0 / 0 | — | 0 | 0 | ${all} |`);
      continue;
    }
    md.push(
      `| ${id} | ${row.truePositives} / ${row.reported} | ${p(row.precision)} | ${row.falseAlarms} | ${row.unlabelled} | ${all} |`,
    );
  }
  md.push(
    `| **overall** | ${scores.overall.truePositives} / ${scores.overall.reported} | ${p(scores.overall.precision)} | | | |`,
  );
  md.push(
    '',
    `Documents with more than ${THRESHOLDS.falseAlarmsPerDocument} false alarms: ${scores.noisyDocuments.length} of ${scores.labelled}.`,
  );
  console.log(md.join('\n'));
  process.exit(0);
}
const out = [];
out.push(
  `corpus: ${results.length} documents (${Object.entries(byGroup)
    .map(([g, r]) => `${g} ${r.documents}`)
    .join(', ')}) in ${elapsed.toFixed(1)} s (${JOBS} job${JOBS > 1 ? 's' : ''}); snapshot ${snapshotState}`,
);
for (const r of results.filter((x) => x.unreadable)) out.push(`  unreadable: ${r.file} — ${r.unreadable}`);
out.push('');
out.push(
  `header fields found (of ${readable.length} read): ${Object.entries(found)
    .map(([f, n]) => `${f} ${n}`)
    .join(', ')}`,
);
out.push('');
out.push('findings by rule (all documents):  error  warning  info  documents');
for (const id of Object.keys(byRule).sort()) {
  const r = byRule[id];
  out.push(
    `  ${id.padEnd(30)} ${String(r.error).padStart(5)} ${String(r.warning).padStart(8)} ${String(r.info).padStart(5)} ${String(r.documents).padStart(10)}`,
  );
}

if (SHOW !== null) {
  for (const r of results) {
    out.push('', `── ${r.file}`);
    if (r.unreadable) {
      out.push(`  unreadable: ${r.unreadable}`);
      continue;
    }
    for (const [k, v] of Object.entries(r.header)) out.push(`  ${k}: ${JSON.stringify(v)}`);
    out.push(`  sections: ${r.sections.join(' ')}  counts: ${JSON.stringify(r.counts)}`);
    for (const m of r.messages)
      out.push(
        `  ${String(m.line).padStart(5)} ${m.severity.padEnd(7)} ${m.ruleId}: ${m.message}\n        excerpt: ${JSON.stringify(m.excerpt)}`,
      );
  }
}

out.push('');
if (labels.length === 0) {
  out.push('labels: none in bench/corpus/labels/ — nothing scored');
} else {
  out.push(
    `labels: ${scores.labelled} documents scored${scores.missing.length ? `, ${scores.missing.length} labelled but not read: ${scores.missing.join(', ')}` : ''}`,
  );
  out.push('header accuracy          right/labelled   accuracy  spurious');
  for (const field of [...HEADER_FIELDS, ...ATTACHED_FIELDS]) {
    const row = scores.header[field];
    out.push(
      `  ${field.padEnd(22)} ${`${row.right}/${row.labelled}`.padStart(14)}   ${pct(row.accuracy)}  ${String(row.spurious).padStart(8)}`,
    );
  }
  out.push('precision (warnings+errors)   true/reported  precision  false  unlabelled');
  for (const [id, row] of Object.entries(scores.rules)) {
    out.push(
      `  ${id.padEnd(27)} ${`${row.truePositives}/${row.reported}`.padStart(14)}    ${pct(row.precision)} ${String(row.falseAlarms).padStart(6)} ${String(row.unlabelled).padStart(11)}`,
    );
  }
  out.push(
    `  ${'overall'.padEnd(27)} ${`${scores.overall.truePositives}/${scores.overall.reported}`.padStart(14)}    ${pct(scores.overall.precision)}`,
  );
  out.push(
    `documents with more than ${THRESHOLDS.falseAlarmsPerDocument} false alarms: ${scores.noisyDocuments.length}${scores.noisyDocuments.length ? ` (${scores.noisyDocuments.map((d) => `${d.file} ${d.falseAlarms}`).join(', ')})` : ''}`,
  );
  out.push(
    `unlabelled findings: ${scores.unlabelledFindings.length}; labels kh no longer reports: ${scores.staleLabels.length}`,
  );
  if (DETAILS) {
    for (const [field, row] of Object.entries(scores.header)) {
      for (const w of row.wrong)
        out.push(`  wrong ${field}: ${w.file}: kh ${JSON.stringify(w.kh)}, label ${JSON.stringify(w.label)}`);
    }
    for (const f of scores.unlabelledFindings)
      out.push(`  unlabelled: ${f.file}:${f.line} ${f.rule} ${JSON.stringify(f.excerpt)}`);
    for (const f of scores.staleLabels)
      out.push(`  stale label: ${f.file}:${f.line} ${f.rule} ${JSON.stringify(f.excerpt)} (${f.verdict})`);
  }
  out.push(
    failures.length
      ? `below the thresholds (${failures.length}):\n${failures.map((f) => `  ${f}`).join('\n')}`
      : 'all thresholds met',
  );
}
console.log(out.join('\n'));
if (CHECK && snapshotState.startsWith('would change')) process.exit(1);
