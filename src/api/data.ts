/**
 * What `kh data` and `kh data check` report, callable from code: the registries kh ships
 * (src/data/manifest.json) with their versions and confidence marks, and the entries whose
 * validity ended with no successor in the data.
 */
import type { Lang } from '../util/errors.js';
import { ConfidenceSchema } from '../domain/registries.js';
import { builtinData, readDataJson } from '../data/store.js';

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
  for (const kinds of Object.values(json.provinces ?? {}))
    for (const names of Object.values(kinds)) n += Object.keys(names).length;
  return n;
}

/** The registries kh ships, each with its version, entries by confidence mark and when it was last checked. */
export function dataRegistries(lang: Lang): RegistrySummary[] {
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

/** Entries whose validity ended by `today` (YYYY-MM-DD) with no successor in the registries, and successors that point nowhere. */
export function checkData(today: string): CheckFinding[] {
  const k = builtinData.knowledge;
  const out: CheckFinding[] = [];
  const agencies = new Set(k.agencies.map((a) => a.key));
  for (const a of k.agencies) {
    for (const s of a.successors)
      if (!agencies.has(s.key))
        out.push({ registry: 'agencies.json', key: a.key, name: a.name, kind: 'dangling', since: s.key });
    if (a.until && a.until <= today && a.successors.length === 0)
      out.push({ registry: 'agencies.json', key: a.key, name: a.name, kind: 'ended', since: a.until });
  }
  const provinces = new Set(k.adminUnits.provinces.map((p) => p.key));
  for (const p of k.adminUnits.provinces) {
    for (const s of p.successors)
      if (!provinces.has(s))
        out.push({ registry: 'admin-units.json', key: p.key, name: p.name, kind: 'dangling', since: s });
    if (p.until && p.until <= today && p.successors.length === 0)
      out.push({ registry: 'admin-units.json', key: p.key, name: p.name, kind: 'ended', since: p.until });
  }
  const documents = new Set(k.legalDocuments.map((d) => d.key));
  const year = Number(today.slice(0, 4));
  for (const d of k.legalDocuments) {
    const name = [
      d.docType,
      d.number ? `${d.number}${d.year ? `/${d.year}` : ''}/${d.symbol ?? ''}` : d.subject,
    ]
      .filter(Boolean)
      .join(' ');
    const from = d.status.from ?? '';
    if (
      d.status.kind === 'replaced' &&
      from <= today &&
      (!d.status.replacedBy || !documents.has(d.status.replacedBy))
    ) {
      out.push({ registry: 'legal-documents.json', key: d.key, name, kind: 'replaced-unknown', since: from });
    } else if (d.status.kind === 'ended' && from <= today) {
      out.push({ registry: 'legal-documents.json', key: d.key, name, kind: 'ended', since: from });
    } else if (d.period && d.period.to < year && d.status.kind !== 'replaced') {
      out.push({
        registry: 'legal-documents.json',
        key: d.key,
        name,
        kind: 'period-over',
        since: String(d.period.to),
      });
    }
  }
  return out;
}
