#!/usr/bin/env node
/**
 * Builds src/data/communes-2025.json, the compact table rule defunct-agency reads, from the open
 * mapping of Vietnam's communes before and after 01/7/2025 (dvhcvn/20250701, MIT licence; a
 * copy is in shared/domain/dvhcvn-20250701: splits.json old → new, merges.json new → old).
 *
 *   node scripts/build-communes.mjs [DIR]      (DIR: the dvhcvn copy; default ../shared/domain/dvhcvn-20250701)
 *
 * Kept, per new province (the admin-units.json key): the old communes, wards and towns whose
 * name is no longer a unit of that province and is not ambiguous there — its kind and name are
 * unique among the old units that went into the province, and no new unit of the province bears
 * the name, whatever its kind — with the new unit(s) each went into. A name that survives ("Phường
 * Ngọc Hà" → "Phường Ngọc Hà") or that two old units shared is left out: the rule must not fire on
 * a name that may be right.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(root, '../shared/domain/dvhcvn-20250701'));
const splits = JSON.parse(readFileSync(join(dir, 'splits.json'), 'utf8')).data;
const merges = JSON.parse(readFileSync(join(dir, 'merges.json'), 'utf8')).data;
const adminUnits = JSON.parse(readFileSync(join(root, 'src/data/admin-units.json'), 'utf8'));

/** The same spelling whatever the tone placement ("Hoà" / "Hòa") and case. */
const fold = (text) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/o([àáảãạ])/g, (_, v) => ({ à: 'òa', á: 'óa', ả: 'ỏa', ã: 'õa', ạ: 'ọa' })[v])
    .replace(/u([ỳýỷỹỵ])/g, (_, v) => ({ ỳ: 'ùy', ý: 'úy', ỷ: 'ủy', ỹ: 'ũy', ỵ: 'ụy' })[v])
    .replace(/o([èéẻẽẹ])/g, (_, v) => ({ è: 'òe', é: 'óe', ẻ: 'ỏe', ẽ: 'õe', ẹ: 'ọe' })[v])
    .replace(/\s+/g, ' ')
    .trim();

const KINDS = [
  ['Thị trấn ', 't'],
  ['Xã ', 'x'],
  ['Phường ', 'p'],
  ['Đặc khu ', 'd'],
];
function unit(raw) {
  const full = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  // "Thị Trấn Mường Chà": the kind word's case varies in the source.
  for (const [prefix, kind] of KINDS)
    if (fold(full).startsWith(fold(prefix))) return { kind, name: full.slice(prefix.length).trim() };
  throw new Error(`unknown unit kind: ${full}`);
}

const currentProvinces = adminUnits.provinces.filter((p) => p.until === null);
function provinceKey(full) {
  const bare = fold(full.replace(/^(Tỉnh|Thành phố)\s+/u, ''));
  const hit = currentProvinces.find((p) => [p.name, ...p.variants].some((n) => fold(n) === bare));
  if (!hit) throw new Error(`no current province in admin-units.json for ${full}`);
  return hit.key;
}

const out = {};
let kept = 0;
let dropped = 0;
for (const province of merges) {
  const key = provinceKey(province.name);
  const newNames = new Set(province.level2s.map((c) => fold(unit(c.name).name)));
  const oldIds = new Set(province.level2s.flatMap((c) => c.merges.map((m) => m.old_id)));
  const olds = splits.flatMap((p) => p.level3s).filter((c) => oldIds.has(c.level3_id));
  const count = new Map();
  for (const c of olds) {
    const u = unit(c.name);
    const k = `${u.kind}|${fold(u.name)}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const table = { x: {}, p: {}, t: {} };
  for (const c of olds) {
    const u = unit(c.name);
    if (count.get(`${u.kind}|${fold(u.name)}`) !== 1 || newNames.has(fold(u.name))) {
      dropped++;
      continue;
    }
    // "xã Bắc Sơn", "Xã  Trung Giã ": the source's spelling varies; written "Xã Bắc Sơn".
    table[u.kind][u.name] = c.splits.map((s) => {
      const name = s.name.normalize('NFC').replace(/\s+/g, ' ').trim();
      return name.charAt(0).toUpperCase() + name.slice(1);
    });
    kept++;
  }
  out[key] = table;
}

const file = {
  $comment:
    'Communes, wards and towns (xã, phường, thị trấn) that no longer exist under their name from 01/7/2025, per new province (admin-units.json key): kind (x xã, p phường, t thị trấn) → old name → the new unit(s) it went into. Only names that are unambiguous in the new province are kept: unique among the old units merged into it, and borne by no new unit of the province (so a kept name is never a current unit there). Built by scripts/build-communes.mjs from the mapping of dvhcvn/20250701 (https://github.com/dvhcvn/20250701, MIT licence, © its author; copy in shared/domain/dvhcvn-20250701: splits.json, merges.json), which its author built from Nghị quyết 1654/NQ-UBTVQH15 … 1687/NQ-UBTVQH15 with machine help and cross-checked against sapnhap.bando.com.vn: confidence S, so rule defunct-agency reports these at most as warnings.',
  version: '2025-07-01',
  source:
    'dvhcvn/20250701 mapping/splits.json and mapping/merges.json (MIT), from Nghị quyết 1654-1687/NQ-UBTVQH15',
  licence: 'MIT (dvhcvn/20250701)',
  confidence: 'S',
  until: '2025-07-01',
  basis:
    'Nghị quyết 1654/NQ-UBTVQH15 … 1687/NQ-UBTVQH15 (sắp xếp đơn vị hành chính cấp xã năm 2025); Nghị quyết 202/2025/QH15',
  provinces: out,
};
writeFileSync(join(root, 'src/data/communes-2025.json'), `${JSON.stringify(file)}\n`);
console.log(
  `communes-2025.json: ${kept} old units kept, ${dropped} left out (name kept or ambiguous), ${Object.keys(out).length} provinces`,
);
