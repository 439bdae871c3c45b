/** `kh data` and `kh data check` (src/cli/commands/data.ts). */
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/commands/data.js';
import { checkData as check, dataRegistries as summarize } from '../src/api/data.js';
import type { CliContext } from '../src/util/cli.js';

function ctx(lang: 'vi' | 'en' = 'en') {
  let out = '';
  let err = '';
  const c: CliContext = {
    lang,
    debug: false,
    color: false,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  };
  return { c, text: () => out, errors: () => err };
}

describe('kh data', () => {
  it('lists every registry with its version, counts by mark and last check', () => {
    const rows = summarize('en');
    const strategy = rows.find((r) => r.file === 'src/data/strategy-2021-2030.json')!;
    expect(strategy.version).toBe('2026-12-05');
    expect(strategy.checked).toBe('2026-12-04');
    expect(strategy.entries).toBe(strategy.marks.V + strategy.marks.S + strategy.marks.M);
    // Goals 1-2 and their 4 indicators, 6.1, the document: verified; nothing else.
    expect(strategy.marks.V).toBe(8);
    const communes = rows.find((r) => r.file === 'src/data/communes-2025.json')!;
    expect(communes.marks).toEqual({ V: 0, S: communes.entries, M: 0 });
    expect(communes.entries).toBeGreaterThan(5000);
    expect(rows.find((r) => r.file === 'src/data/issuer-codes.json')!.entries).toBeGreaterThanOrEqual(45);
  });
  it('prints a table, or JSON', async () => {
    const t = ctx('vi');
    expect(await run(t.c, undefined, { format: 'table' })).toBe(0);
    expect(t.text()).toMatch(/^Sổ dữ liệu\s+Phiên bản/);
    expect(t.text()).toContain('communes-2025.json');
    const j = ctx();
    await run(j.c, undefined, { format: 'json' });
    expect(JSON.parse(j.text())).toEqual(
      expect.arrayContaining([expect.objectContaining({ file: 'src/data/agencies.json' })]),
    );
  });
});

describe('kh data check', () => {
  it('reports what ended with no successor by the day given, nothing that still runs', () => {
    const kinds = (today: string) => check(today).map((f) => `${f.key}:${f.kind}`);
    expect(kinds('2026-12-05')).toContain('cv-1303-2024-bldtbxh:period-over');
    expect(kinds('2024-06-01')).not.toContain('cv-1303-2024-bldtbxh:period-over');
    // Agencies and provinces that ended all have successors; no successor key points nowhere.
    expect(check('2030-01-01').filter((f) => f.registry !== 'legal-documents.json')).toEqual([]);
  });
  it('exit 1 with findings, 2 on a bad KH_TODAY', async () => {
    const before = process.env.KH_TODAY;
    try {
      process.env.KH_TODAY = '2026-12-05';
      const t = ctx();
      expect(await run(t.c, 'check', { format: 'table' })).toBe(1);
      expect(t.text()).toContain('ended before 2026-12-05');
      process.env.KH_TODAY = '2026-13-45';
      const bad = ctx();
      expect(await run(bad.c, 'check', { format: 'table' })).toBe(2);
      expect(bad.errors()).toContain('KH_TODAY');
    } finally {
      if (before === undefined) delete process.env.KH_TODAY;
      else process.env.KH_TODAY = before;
    }
  });
});
