/**
 * The hand-checked labels of the corpus benchmark (notes/CORPUS-LABELS.md) and the scorer that
 * compares kh's reading with them.
 *
 *  - `LabelSchema` (zod): one label file, bench/corpus/labels/<dir>__<file name>.json;
 *  - `loadLabels(dir)`: every label file of a folder, validated (a bad file throws naming it);
 *  - `normalizeText(s)`: the documented comparison form (NFC, lower case, white space, markdown
 *    marks, surrounding punctuation, old/new tone placement);
 *  - `score(results, labels)`: header accuracy per field, precision per rule and overall, the
 *    documents with more than 2 false alarms, unlabelled findings, labels kh no longer reports.
 *
 * Plain ESM (no build step) so that `npm run corpus` and the vitest tests share it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// ── schema ───────────────────────────────────────────────────────────────────────────────────

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');
const year = z.number().int().min(1900).max(2100);

export const LEVELS = ['trung ương', 'tỉnh', 'huyện', 'xã'];

export const HeaderLabelSchema = z.strictObject({
  docType: z.string().min(1).nullable(),
  /** "" when a draft leaves the number blank, null when there is no "Số:" line. */
  number: z.string().nullable(),
  symbol: z.string().min(1).nullable(),
  issueDate: isoDate.nullable(),
  issuer: z.string().min(1).nullable(),
  place: z.string().min(1).nullable(),
  title: z.string().min(1).nullable(),
  planYear: year.nullable(),
  level: z.enum(LEVELS).nullable(),
});

export const FindingLabelSchema = z.strictObject({
  rule: z.string().min(1),
  line: z.number().int().min(1),
  excerpt: z.string(),
  /** true: the document is really wrong there; false: a false alarm. */
  verdict: z.boolean(),
  why: z.string().min(1),
});

export const LabelSchema = z.strictObject({
  file: z.string().min(1),
  header: HeaderLabelSchema,
  attachedPlan: z
    .strictObject({ title: z.string().min(1).nullable(), planYear: year.nullable() })
    .nullable()
    .optional(),
  /** Other spellings a person would accept as the same value (use sparingly, say why in notes). */
  accept: z
    .partialRecord(
      z.enum(['issuer', 'place', 'title', 'docType', 'symbol']),
      z.array(z.string().min(1)).min(1),
    )
    .optional(),
  findings: z.array(FindingLabelSchema),
  notes: z.string().optional(),
});

/** The header fields scored, in the order they are shown. */
export const HEADER_FIELDS = [
  'docType',
  'number',
  'symbol',
  'issueDate',
  'issuer',
  'place',
  'title',
  'planYear',
  'level',
];
export const ATTACHED_FIELDS = ['attachedPlan.title', 'attachedPlan.planYear'];

/** The label file name of a document id: "corpus/tvpl/x.md" → "tvpl__x.md.json". */
export function labelFileName(file) {
  const parts = file.split('/');
  const name = parts.pop();
  return `${parts.pop()}__${name}.json`;
}

/** Every label file of `dir` (sorted), validated; a bad file throws an error naming it. */
export function loadLabels(dir) {
  let names;
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  const labels = [];
  const seen = new Map();
  for (const name of names) {
    let data;
    try {
      data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      throw new Error(`${name}: not valid JSON (${error.message})`);
    }
    const parsed = LabelSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${name}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    if (labelFileName(parsed.data.file) !== name)
      throw new Error(
        `${name}: "file" ${parsed.data.file} should be labelled in ${labelFileName(parsed.data.file)}`,
      );
    if (seen.has(parsed.data.file))
      throw new Error(
        `${name}: ${parsed.data.file} is labelled twice (also in ${seen.get(parsed.data.file)})`,
      );
    seen.set(parsed.data.file, name);
    labels.push(parsed.data);
  }
  return labels;
}

// ── normalisation ────────────────────────────────────────────────────────────────────────────

/**
 * Old ("hoà", "thuỷ") and new ("hòa", "thủy") tone placement on oa, oe, uy: both are correct.
 * After NFD the tone mark is moved from the first vowel of o/u + a/e/y to the second, so both
 * spellings land on one form. (It also moves it in "của" → "cuả"; harmless, since kh's value and
 * the label are folded alike and no two Vietnamese words differ only there.)
 */
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const TONE_ON_FIRST = new RegExp(`([oOuU])([${TONES.join('')}])([aAeEyY])`, 'gu');

/** The comparison form of a string (notes/CORPUS-LABELS.md, "Comparison"). */
export function normalizeText(value) {
  if (value === null || value === undefined) return value ?? null;
  let text = String(value).normalize('NFD');
  text = text.replace(TONE_ON_FIRST, '$1$3$2');
  text = text.normalize('NFC').toLowerCase();
  // Marks go without a trace: the website sets bold inside words ("ch**ính sách thu**ế").
  text = text.replace(/[*_#`]+/g, '');
  text = text.replace(/\s+/gu, ' ').trim();
  // Surrounding punctuation: quotes, brackets, dots, commas, colons, dashes at either end.
  text = text.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  return text;
}

function sameValue(field, khValue, labelValue, accepted = []) {
  if (typeof labelValue === 'number' || typeof khValue === 'number') return khValue === labelValue;
  if (field === 'issueDate') return khValue === labelValue;
  const got = normalizeText(khValue);
  return [labelValue, ...accepted].some((want) => normalizeText(want) === got);
}

// ── scoring ──────────────────────────────────────────────────────────────────────────────────

/**
 * `results`: kh's reading of documents, each { file, unreadable?, header: {…HEADER_FIELDS,
 * attachedPlan: {title, planYear} | null}, messages: [{ruleId, severity, line, excerpt}] }.
 * Only documents with a label are scored; info messages are not labelled and not scored.
 */
export function score(results, labels) {
  const byFile = new Map(results.map((r) => [r.file, r]));
  const fields = {};
  for (const f of [...HEADER_FIELDS, ...ATTACHED_FIELDS])
    fields[f] = { labelled: 0, right: 0, spurious: 0, wrong: [] };
  const rules = {};
  const ruleRow = (id) => (rules[id] ??= { reported: 0, truePositives: 0, falseAlarms: 0, unlabelled: 0 });
  const documents = [];
  const missing = [];
  const staleLabels = [];
  const unlabelledFindings = [];

  for (const label of labels) {
    const result = byFile.get(label.file);
    if (!result) {
      missing.push(label.file);
      continue;
    }
    const header = result.header ?? {};
    const check = (field, khValue, labelValue, accepted) => {
      const row = fields[field];
      if (labelValue === null || labelValue === undefined) {
        if (khValue !== null && khValue !== undefined) row.spurious += 1;
        return;
      }
      row.labelled += 1;
      if (khValue !== null && khValue !== undefined && sameValue(field, khValue, labelValue, accepted))
        row.right += 1;
      else row.wrong.push({ file: label.file, kh: khValue ?? null, label: labelValue });
    };
    for (const field of HEADER_FIELDS)
      check(field, header[field], label.header[field], label.accept?.[field]);
    if (label.attachedPlan) {
      check('attachedPlan.title', header.attachedPlan?.title, label.attachedPlan.title);
      check('attachedPlan.planYear', header.attachedPlan?.planYear, label.attachedPlan.planYear);
    }

    // Findings: each warning/error kh reports is matched to an unused label of the same rule,
    // by excerpt (normalised; the nearest line breaks a tie), by line when both excerpts are
    // empty, else on the same line when one excerpt contains the other. A finding without a
    // label counts as a false alarm.
    const used = new Set();
    let falseAlarms = 0;
    for (const message of result.messages ?? []) {
      if (message.severity !== 'warning' && message.severity !== 'error') continue;
      const row = ruleRow(message.ruleId);
      row.reported += 1;
      const excerpt = normalizeText(message.excerpt ?? '');
      let best = -1;
      label.findings.forEach((candidate, i) => {
        if (used.has(i) || candidate.rule !== message.ruleId) return;
        const candidateExcerpt = normalizeText(candidate.excerpt);
        const matches =
          excerpt || candidateExcerpt ? candidateExcerpt === excerpt : candidate.line === message.line;
        if (!matches) return;
        if (
          best < 0 ||
          Math.abs(candidate.line - message.line) < Math.abs(label.findings[best].line - message.line)
        )
          best = i;
      });
      if (best < 0 && excerpt) {
        // The rule now quotes a little more or less of the same place ("KT. CHỦ TỊCH" →
        // "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"): same rule, same line, one excerpt inside the other.
        best = label.findings.findIndex((candidate, i) => {
          if (used.has(i) || candidate.rule !== message.ruleId || candidate.line !== message.line)
            return false;
          const candidateExcerpt = normalizeText(candidate.excerpt);
          return (
            candidateExcerpt !== '' &&
            (candidateExcerpt.includes(excerpt) || excerpt.includes(candidateExcerpt))
          );
        });
      }
      if (best < 0) {
        row.unlabelled += 1;
        falseAlarms += 1;
        unlabelledFindings.push({
          file: label.file,
          rule: message.ruleId,
          line: message.line,
          excerpt: message.excerpt ?? '',
          message: message.message ?? '',
        });
        continue;
      }
      used.add(best);
      if (label.findings[best].verdict) row.truePositives += 1;
      else {
        row.falseAlarms += 1;
        falseAlarms += 1;
      }
    }
    label.findings.forEach((f, i) => {
      if (!used.has(i))
        staleLabels.push({
          file: label.file,
          rule: f.rule,
          line: f.line,
          excerpt: f.excerpt,
          verdict: f.verdict,
        });
    });
    documents.push({ file: label.file, unreadable: result.unreadable ?? null, falseAlarms });
  }

  const ratio = (a, b) => (b === 0 ? null : a / b);
  const header = Object.fromEntries(
    Object.entries(fields).map(([field, row]) => [
      field,
      { ...row, accuracy: ratio(row.right, row.labelled) },
    ]),
  );
  const ruleScores = Object.fromEntries(
    Object.keys(rules)
      .sort()
      .map((id) => [id, { ...rules[id], precision: ratio(rules[id].truePositives, rules[id].reported) }]),
  );
  const totals = Object.values(rules).reduce(
    (sum, row) => ({
      reported: sum.reported + row.reported,
      truePositives: sum.truePositives + row.truePositives,
    }),
    { reported: 0, truePositives: 0 },
  );
  return {
    labelled: documents.length,
    missing,
    header,
    rules: ruleScores,
    overall: { ...totals, precision: ratio(totals.truePositives, totals.reported) },
    documents,
    noisyDocuments: documents.filter((d) => d.falseAlarms > 2),
    unlabelledFindings,
    staleLabels,
  };
}

/** The thresholds of issue 10 (the vitest test and the summary use these). */
export const THRESHOLDS = {
  headerAccuracy: 0.97,
  rulePrecision: 0.85,
  overallPrecision: 0.9,
  falseAlarmsPerDocument: 2,
};

/** What fails the thresholds, one line each (empty: all met). */
export function thresholdFailures(scores, thresholds = THRESHOLDS) {
  const failures = [];
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  for (const [field, row] of Object.entries(scores.header)) {
    if (row.accuracy !== null && row.accuracy < thresholds.headerAccuracy) {
      failures.push(
        `header ${field}: ${pct(row.accuracy)} (${row.right}/${row.labelled}) < ${pct(thresholds.headerAccuracy)}`,
      );
    }
  }
  for (const [id, row] of Object.entries(scores.rules)) {
    if (row.precision !== null && row.precision < thresholds.rulePrecision) {
      failures.push(
        `rule ${id}: precision ${pct(row.precision)} (${row.truePositives}/${row.reported}) < ${pct(thresholds.rulePrecision)}`,
      );
    }
  }
  if (scores.overall.precision !== null && scores.overall.precision < thresholds.overallPrecision) {
    failures.push(
      `overall precision ${pct(scores.overall.precision)} (${scores.overall.truePositives}/${scores.overall.reported}) < ${pct(thresholds.overallPrecision)}`,
    );
  }
  for (const doc of scores.noisyDocuments) {
    if (doc.falseAlarms > thresholds.falseAlarmsPerDocument)
      failures.push(`${doc.file}: ${doc.falseAlarms} false alarms > ${thresholds.falseAlarmsPerDocument}`);
  }
  return failures;
}
