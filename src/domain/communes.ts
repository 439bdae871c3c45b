/**
 * Old communes named in a plan dated after the commune reorganisation of 01/7/2025: "xã Tân
 * Lập", "UBND phường Cống Vị", "thị trấn Mường Chà". The table (src/data/communes-2025.json,
 * built by scripts/build-communes.mjs from the open dvhcvn/20250701 mapping) holds, per new
 * province, only the old names that are unambiguous there and borne by no current unit, so a
 * name is reported only in a plan of that province. It is large: the data store reads it only
 * when a plan names a commune-level unit at all (OldCommunes asks for it then), once per store.
 */
import { z } from 'zod';
import { ConfidenceSchema } from './registries.js';
import { execAll } from '../util/regex.js';
import type { Plan } from '../plan/schema.js';
import { existsOn, type Province } from './knowledge.js';
import type { DataStore } from './data-store.js';
import type { KnowledgeBase } from './knowledge-base.js';

/**
 * The file's frame is checked by zod; the 7,000 names under `provinces` by oldCommuneProblems (a
 * zod record of that size costs several times the JSON parse). Both run at build time.
 */
export const Communes2025Schema = z.object({
  $comment: z.string(),
  version: z.string(),
  source: z.string().min(1),
  licence: z.string().min(1),
  confidence: ConfidenceSchema,
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  basis: z.string().min(1),
  provinces: z.record(
    z.string().min(1),
    z.object({
      x: z.record(z.string(), z.unknown()),
      p: z.record(z.string(), z.unknown()),
      t: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type Communes2025 = z.infer<typeof Communes2025Schema>;

const KIND_WORD = { x: 'xã', p: 'phường', t: 'thị trấn' } as const;
type Kind = keyof typeof KIND_WORD;

/** The same spelling whatever the tone placement ("Hoà" / "Hòa") and case (as the build script). */
export function foldName(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/o([àáảãạ])/gu, (_, v: string) => ({ à: 'òa', á: 'óa', ả: 'ỏa', ã: 'õa', ạ: 'ọa' })[v]!)
    .replace(/u([ỳýỷỹỵ])/gu, (_, v: string) => ({ ỳ: 'ùy', ý: 'úy', ỷ: 'ủy', ỹ: 'ũy', ỵ: 'ụy' })[v]!)
    .replace(/o([èéẻẽẹ])/gu, (_, v: string) => ({ è: 'òe', é: 'óe', ẻ: 'ỏe', ẽ: 'õe', ẹ: 'ọe' })[v]!)
    .replace(/\s+/gu, ' ')
    .trim();
}

interface Entry {
  kind: Kind;
  name: string;
  successors: string[];
}

/**
 * The names under a province's kind: each a non-empty list of unit names (checked with the file at
 * build time, test/data/store.test.ts; the zod frame leaves them unknown, see above).
 */
export function oldCommuneProblems(data: Communes2025): string[] {
  const problems: string[] = [];
  for (const [province, kinds] of Object.entries(data.provinces)) {
    for (const kind of ['x', 'p', 't'] as const) {
      for (const [name, successors] of Object.entries(kinds[kind])) {
        if (
          !Array.isArray(successors) ||
          successors.length === 0 ||
          !successors.every((s) => typeof s === 'string' && s.length > 0)
        ) {
          problems.push(`provinces.${province}.${kind}["${name}"]: expected a non-empty list of unit names`);
        }
      }
    }
  }
  return problems;
}

/** The old-commune table of a data store, indexed per province on first use (once per store). */
export class OldCommunes {
  /** province key → `${kind}|${folded name}` → entry. */
  private readonly index = new Map<string, Map<string, Entry> | undefined>();
  constructor(private readonly table: () => Communes2025) {}

  /** The file's own fields: its end date and legal basis (for messages). */
  get until(): string {
    return this.table().until;
  }
  get basis(): string {
    return this.table().basis;
  }

  provinceIndex(province: string): Map<string, Entry> | undefined {
    if (this.index.has(province)) return this.index.get(province);
    const kinds = this.table().provinces[province];
    let map: Map<string, Entry> | undefined;
    if (kinds) {
      map = new Map();
      for (const kind of ['x', 'p', 't'] as const) {
        for (const [name, successors] of Object.entries(kinds[kind])) {
          map.set(`${kind}|${foldName(name)}`, { kind, name, successors: successors as string[] });
        }
      }
    }
    this.index.set(province, map);
    return map;
  }
}

/** The old-commune table of a data store (the file itself is read only when a province is looked up). */
export function oldCommunesOf(data: Pick<DataStore, 'derived'>): OldCommunes {
  return data.derived('old-communes', (d) => new OldCommunes(() => d.communes2025));
}

/**
 * "xã", "phường", "thị trấn" followed by a capitalised name (or a ward number): the unit word in
 * lower case or capitalised ("Xã Tân Lập" in a list), never "xã hội". The name runs over
 * capitalised syllables only, so "xã Tân Lập thực hiện" stops at "Lập".
 */
const MENTION =
  /(?<![\p{L}\p{M}])(xã|Xã|XÃ|phường|Phường|PHƯỜNG|thị trấn|Thị trấn|THỊ TRẤN)\s+((?:\p{Lu}[\p{L}\p{M}]*|\d{1,2})(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}]*|\d{1,2}))*)/gu;

const UNIT_WORD = /^(?:Huyện|HUYỆN|Quận|QUẬN|Thị|THỊ|Thành|THÀNH|Tỉnh|TỈNH|TP\.?|UBND|Ủy|Uỷ)$/u;

/** Cheap test before the table is read: a commune-level unit named at all. */
export const NAMES_A_COMMUNE = /(?:xã|phường|thị trấn)\s+[\p{Lu}\d]/iu;

export interface OldCommuneMention {
  start: number;
  end: number;
  text: string;
  /** "xã Tân Lập" as written. */
  kind: string;
  name: string;
  successors: string[];
}

/** Old communes of the given (current) provinces named in `text`, longest name first. */
export function findOldCommunes(
  table: OldCommunes,
  text: string,
  provinces: readonly string[],
): OldCommuneMention[] {
  if (provinces.length === 0 || !NAMES_A_COMMUNE.test(text)) return [];
  const maps = provinces
    .map((p) => table.provinceIndex(p))
    .filter((m): m is Map<string, Entry> => m !== undefined);
  if (maps.length === 0) return [];
  const out: OldCommuneMention[] = [];
  for (const m of execAll(MENTION, text)) {
    const word = m[1]!.toLowerCase();
    const kind: Kind = word === 'xã' ? 'x' : word === 'phường' ? 'p' : 't';
    const tokens = m[2]!.split(/[ \t]+/u);
    // The whole capitalised run is the name ("xã Tân Lập Đông" is not "xã Tân Lập"), unless a
    // unit word follows the name without a comma ("xã Tân Lập Huyện Đồng Phú").
    const unitAt = tokens.findIndex((t, i) => i > 0 && UNIT_WORD.test(t));
    const lengths = unitAt > 0 ? [tokens.length, unitAt] : [tokens.length];
    for (const n of lengths) {
      const name = tokens.slice(0, n).join(' ');
      const key = `${kind}|${foldName(name)}`;
      const hits = maps.map((map) => map.get(key)).filter((e): e is Entry => e !== undefined);
      if (hits.length === 0) continue;
      // Two provinces of the plan each had one: ambiguous, say nothing.
      if (hits.length === 1) {
        const end = m.index + m[1]!.length + (m[0].length - m[1]!.length - m[2]!.length) + name.length;
        out.push({
          start: m.index,
          end,
          text: text.slice(m.index, end),
          kind: KIND_WORD[kind],
          name: hits[0]!.name,
          successors: hits[0]!.successors,
        });
      }
      break;
    }
  }
  return out;
}

/**
 * The current provinces a plan is about: those its issuer, title or date line name (an old
 * province counts as the one it went into), else the one province its text names, if only one.
 * Empty when unknown: the commune check then stays silent.
 */
export function planProvinces(
  plan: Plan,
  date: string,
  kb: Pick<KnowledgeBase, 'findProvinces' | 'currentProvinceSuccessors' | 'knowledge'>,
  bodyTexts: () => Iterable<string>,
): string[] {
  const current = (p: Province): string[] =>
    existsOn(p, date) ? [p.key] : kb.currentProvinceSuccessors(p.key, date).map((s) => s.key);
  const found = new Set<string>();
  for (const text of [plan.meta.issuer, plan.meta.title]) {
    if (text) for (const m of kb.findProvinces(text)) for (const k of current(m.entry)) found.add(k);
  }
  if (plan.meta.place)
    for (const m of kb.findProvinces(plan.meta.place, true)) for (const k of current(m.entry)) found.add(k);
  if (found.size > 0) return [...found];
  for (const text of bodyTexts())
    for (const m of kb.findProvinces(text)) for (const k of current(m.entry)) found.add(k);
  return found.size === 1 ? [...found] : [];
}
