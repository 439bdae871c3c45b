/**
 * `kh data [--format table|json]`: the registries kh ships (src/data/manifest.json), each with its
 * version, how many entries it holds by confidence mark (V verified, S secondary, M remembered)
 * and the date its facts were last checked, so a user knows how fresh the knowledge is.
 *
 * `kh data check [--format table|json]`: entries whose validity ended before today (KH_TODAY, else
 * now) with no successor in the registries — an agency or province with an end and no successor,
 * a document replaced by nothing known, ended, or whose period is over — and successors that point
 * nowhere. Exit 1 when there is something to report, 0 otherwise, 2 on a bad KH_TODAY.
 */
import type { CliContext } from '../../util/cli.js';
import type { Lang } from '../../util/errors.js';
import { t } from '../../i18n/index.js';
import { ConfidenceSchema } from '../../domain/registries.js';
import { builtinData, readDataJson } from '../../data/store.js';

export interface RegistrySummary {
  file: string;
  title: string;
  version: string;
  entries: number;
  marks: { V: number; S: number; M: number };
  checked: string;
  checkedBy: string;
}

export interface CheckFinding {
  registry: string;
  key: string;
  name: string;
  /** ended: validity over, nothing after it; dangling: a successor key the registry lacks. */
  kind: 'ended' | 'replaced-unknown' | 'period-over' | 'dangling';
  since: string;
}

/** This command's words in `lang` (src/i18n/messages/data.ts). */
function wordsOf(lang: Lang) {
  const kind = (k: CheckFinding['kind']) => t(lang, `data.kind.${k}`);
  return {
    head: (['registry', 'version', 'entries'] as const)
      .map((h) => t(lang, `data.head.${h}`))
      .concat(['V', 'S', 'M', t(lang, 'data.head.checked')]),
    marks: t(lang, 'data.marks'),
    none: (today: string) => t(lang, 'data.none', { today }),
    found: (n: number, today: string) => t(lang, 'data.found', { count: n, today }),
    kinds: { ended: kind('ended'), 'replaced-unknown': kind('replaced-unknown'), 'period-over': kind('period-over'), dangling: kind('dangling') },
    badToday: (value: string) => `kh: ${t(lang, 'lint.bad-today', { value })}\n`,
  };
}

/** Every object with a `confidence` mark in a JSON value, counted by mark. */
function countMarks(value: unknown, marks: RegistrySummary['marks']): void {
  if (Array.isArray(value)) for (const v of value) countMarks(v, marks);
  else if (value && typeof value === 'object') {
    const mark = ConfidenceSchema.safeParse((value as { confidence?: unknown }).confidence);
    if (mark.success) marks[mark.data]++;
    for (const [key, v] of Object.entries(value)) if (key !== 'confidence') countMarks(v, marks);
  }
}

/** A table keyed by names (communes-2025.json): its leaves under `provinces`, all of the file's mark. */
function countNamed(json: { provinces?: Record<string, Record<string, Record<string, unknown>>> }): number {
  let n = 0;
  for (const kinds of Object.values(json.provinces ?? {})) for (const names of Object.values(kinds)) n += Object.keys(names).length;
  return n;
}

export function summarize(lang: Lang): RegistrySummary[] {
  const manifest = builtinData.manifest;
  return manifest.registries.map((r) => {
    const json = readDataJson(r.file) as Record<string, unknown>;
    const marks = { V: 0, S: 0, M: 0 };
    const fileMark = ConfidenceSchema.safeParse(json.confidence);
    if (fileMark.success && json.provinces) marks[fileMark.data] += countNamed(json as never);
    else countMarks(json, marks);
    return {
      file: `src/data/${r.file}`,
      title: r.title[lang],
      version: String(json.version ?? ''),
      entries: marks.V + marks.S + marks.M,
      marks,
      checked: r.checked,
      checkedBy: r.checkedBy,
    };
  });
}

export function check(today: string): CheckFinding[] {
  const k = builtinData.knowledge;
  const out: CheckFinding[] = [];
  const agencies = new Set(k.agencies.map((a) => a.key));
  for (const a of k.agencies) {
    for (const s of a.successors) if (!agencies.has(s.key)) out.push({ registry: 'agencies.json', key: a.key, name: a.name, kind: 'dangling', since: s.key });
    if (a.until && a.until <= today && a.successors.length === 0) out.push({ registry: 'agencies.json', key: a.key, name: a.name, kind: 'ended', since: a.until });
  }
  const provinces = new Set(k.adminUnits.provinces.map((p) => p.key));
  for (const p of k.adminUnits.provinces) {
    for (const s of p.successors) if (!provinces.has(s)) out.push({ registry: 'admin-units.json', key: p.key, name: p.name, kind: 'dangling', since: s });
    if (p.until && p.until <= today && p.successors.length === 0) out.push({ registry: 'admin-units.json', key: p.key, name: p.name, kind: 'ended', since: p.until });
  }
  const documents = new Set(k.legalDocuments.map((d) => d.key));
  const year = Number(today.slice(0, 4));
  for (const d of k.legalDocuments) {
    const name = [d.docType, d.number ? `${d.number}${d.year ? `/${d.year}` : ''}/${d.symbol ?? ''}` : d.subject].filter(Boolean).join(' ');
    const from = d.status.from ?? '';
    if (d.status.kind === 'replaced' && from <= today && (!d.status.replacedBy || !documents.has(d.status.replacedBy))) {
      out.push({ registry: 'legal-documents.json', key: d.key, name, kind: 'replaced-unknown', since: from });
    } else if (d.status.kind === 'ended' && from <= today) {
      out.push({ registry: 'legal-documents.json', key: d.key, name, kind: 'ended', since: from });
    } else if (d.period && d.period.to < year && d.status.kind !== 'replaced') {
      out.push({ registry: 'legal-documents.json', key: d.key, name, kind: 'period-over', since: String(d.period.to) });
    }
  }
  return out;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export function todayOf(env: NodeJS.ProcessEnv): string | { bad: string } {
  const value = env.KH_TODAY?.trim();
  if (!value) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(new Date(`${value}T00:00:00Z`).getTime())) return { bad: value };
  return value;
}

export async function run(ctx: CliContext, sub: string | undefined, options: { format: 'table' | 'json' }): Promise<number> {
  const w = wordsOf(ctx.lang);
  if (sub === 'check') {
    const today = todayOf(process.env);
    if (typeof today !== 'string') {
      ctx.err(w.badToday(today.bad));
      return 2;
    }
    const findings = check(today);
    if (options.format === 'json') ctx.out(`${JSON.stringify({ today, findings }, null, 2)}\n`);
    else if (findings.length === 0) ctx.out(`${w.none(today)}\n`);
    else {
      ctx.out(`${w.found(findings.length, today)}\n`);
      ctx.out(`${table(findings.map((f) => [f.registry, f.key, f.name, w.kinds[f.kind], f.since]))}\n`);
    }
    return findings.length > 0 ? 1 : 0;
  }
  const summaries = summarize(ctx.lang);
  if (options.format === 'json') {
    ctx.out(`${JSON.stringify(summaries, null, 2)}\n`);
    return 0;
  }
  const rows = [
    [...w.head],
    ...summaries.map((s) => [s.file.replace('src/data/', ''), s.version, String(s.entries), String(s.marks.V), String(s.marks.S), String(s.marks.M), s.checked]),
  ];
  ctx.out(`${table(rows)}\n\n${w.marks}\n`);
  return 0;
}
