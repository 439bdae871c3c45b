/**
 * Issue 12: the same findings whatever the way a run is split — workers or not, summaries
 * passed as JSON — on a repository of varied copies of the fixtures made in a temp folder; and
 * the pool keeps isolate.ts's protections per file. Nothing here depends on timing.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './_build.js';
import { loadPlan } from '../src/parse/index.js';
import { crossFilePass, lintFile, lintPlans, mergeMessages } from '../src/rules/engine.js';
import { rules } from '../src/rules/index.js';
import { resolveRules } from '../src/config/resolve.js';
import { builtinData } from '../src/data/store.js';
import { summaryProblem, SUMMARY_VERSION, type FileSummary } from '../src/rules/summary.js';
// @ts-expect-error plain JS generator shared with the measure script
import * as make from './hostile/generate.mjs';

const FIXTURES = join(ROOT, 'fixtures');
const SEED = readFileSync(join(FIXTURES, '000_a2bc4216fc60fd38.txt'), 'utf8');
let repo: string;

/**
 * Copies of every fixture in three folders, the variants, and three edited copies of 000: one
 * citing Nghị định 125/2021/NĐ-CP with another date (outvoted by the other copies), one writing
 * "28/NQ - CP" (malformed where the others write it well), and one of another issuer.
 */
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'kh-modes-'));
  const seeds = readdirSync(FIXTURES).filter((name) => /^\d{3}_.*\.(txt|docx|pdf)$/.test(name));
  for (const folder of ['a', 'b/x', 'c']) {
    mkdirSync(join(repo, folder), { recursive: true });
    for (const name of seeds)
      if (folder === 'a' || name.endsWith('.txt'))
        copyFileSync(join(FIXTURES, name), join(repo, folder, name));
  }
  mkdirSync(join(repo, 'variants'));
  for (const name of readdirSync(join(FIXTURES, 'variants')))
    copyFileSync(join(FIXTURES, 'variants', name), join(repo, 'variants', name));
  writeFileSync(
    join(repo, 'c/date.txt'),
    SEED.replace('125/2021/NĐ-CP ngày 28/12/2021', '125/2021/NĐ-CP ngày 28/11/2021'),
  );
  writeFileSync(join(repo, 'c/form.txt'), SEED.replace('28/NQ-CP', '28/NQ - CP'));
  writeFileSync(
    join(repo, 'c/other-issuer.txt'),
    SEED.replace(/UỶ BAN NHÂN DÂN|ỦY BAN NHÂN DÂN/, 'SỞ TƯ PHÁP'),
  );
  writeFileSync(join(repo, 'c/broken.pdf'), 'not a pdf at all');
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('cross-file pass on summaries', () => {
  it('summaries are plain JSON: the pass over a JSON round trip gives what lintPlans gives', async () => {
    const active = resolveRules(rules);
    const env = { lang: 'vi' as const, today: new Date('2026-12-01T00:00:00'), data: builtinData };
    const names = ['000_a2bc4216fc60fd38.txt', '002_06484e6e4818e0d7.txt', '003_4648be2b9eb23052.txt'];
    const plans = [];
    for (const [i, name] of [...names, names[0]!, names[0]!].entries()) {
      const text =
        i === 3
          ? SEED.replace('125/2021/NĐ-CP ngày 28/12/2021', '125/2021/NĐ-CP ngày 28/11/2021')
          : readFileSync(join(FIXTURES, name), 'utf8');
      const path = join(repo, `rt-${i}.txt`);
      writeFileSync(path, text);
      const plan = await loadPlan(path);
      plan.source.path = `rt-${i}.txt`;
      plans.push(plan);
    }
    const expected = lintPlans(plans, active, env);
    const linted = plans.map((plan) => lintFile(plan, active, env));
    const summaries = JSON.parse(JSON.stringify(linted.map((l) => l.summary))) as FileSummary[];
    expect(summaries[0]!.version).toBe(SUMMARY_VERSION);
    expect(summaries.map((s) => s.filePath)).toEqual([
      'rt-0.txt',
      'rt-1.txt',
      'rt-2.txt',
      'rt-3.txt',
      'rt-4.txt',
    ]);
    const crossFile = active
      .filter((a) => a.rule.crossFile)
      .map((a) => ({ id: a.rule.meta.id, version: a.rule.crossFile!.version }));
    for (const s of summaries) expect(summaryProblem(s, crossFile)).toBeNull();
    const cross = crossFilePass(summaries, active, env);
    expect(linted.map((l, i) => mergeMessages(l.messages, cross[i]!))).toEqual(expected);
    // The edited copy is outvoted by the two others (its own second citation and theirs), and told so; they are not.
    const across = (i: number) =>
      expected[i]!.filter((m) => m.ruleId === 'citation-consistency' && m.messageId === 'date');
    expect(across(3).length).toBeGreaterThan(0);
    for (const m of across(3))
      expect(m.message).toContain('được ghi ngày 28/11/2021 ở đây nhưng ngày 28/12/2021');
    expect([across(0), across(4)]).toEqual([[], []]);
  }, 120_000);

  it("a stored summary of another version, or without a rule's part, is refused with the reason", () => {
    const ok: FileSummary = {
      version: SUMMARY_VERSION,
      filePath: 'a.txt',
      plan: {} as FileSummary['plan'],
      rules: { r: { version: 2, data: {} } },
    };
    expect(summaryProblem(ok, [{ id: 'r', version: 2 }])).toBeNull();
    expect(summaryProblem({ ...ok, version: 99 }, [])).toMatch(/summary version 99/);
    expect(summaryProblem(ok, [{ id: 'r', version: 3 }])).toMatch(/rule "r" summary version 2/);
    expect(summaryProblem(ok, [{ id: 's', version: 1 }])).toMatch(/no summary for rule "s"/);
    expect(summaryProblem('x', [])).toBe('not an object');
  });
});

describe('kh lint --concurrency (built dist/)', () => {
  const built = ensureBuilt();
  const kh = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/kh.js'), ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', KH_TODAY: '2026-12-01' },
      timeout: 240_000,
    });

  it.skipIf(!built)(
    'off, 1, 2 and auto give the same JSON and stylish reports and exit code',
    () => {
      const runs = ['off', '1', '2', 'auto'].map((c) => kh(['lint', '-f', 'json', '--concurrency', c, '.']));
      for (const run of runs) expect(run.stderr).toBe('');
      for (const run of runs.slice(1)) {
        expect(run.status).toBe(runs[0]!.status);
        expect(run.stdout).toBe(runs[0]!.stdout);
      }
      const results = JSON.parse(runs[0]!.stdout) as {
        filePath: string;
        messages: { ruleId: string; messageId: string; message: string; related?: { filePath?: string }[] }[];
        fatal: { message: string } | null;
      }[];
      expect(results.length).toBeGreaterThan(25);
      expect(runs[0]!.status).toBe(2); // broken.pdf
      expect(results.find((r) => r.filePath === 'c/broken.pdf')!.fatal).not.toBeNull();
      // Cross-file findings, each in the file that is wrong, pointing at another file.
      const across = (file: string, messageId: string) =>
        results
          .find((r) => r.filePath === file)!
          .messages.filter((m) => m.ruleId === 'citation-consistency' && m.messageId === messageId);
      expect(across('c/date.txt', 'date').length).toBeGreaterThan(0);
      for (const m of across('c/date.txt', 'date'))
        expect(m.message).toContain('được ghi ngày 28/11/2021 ở đây nhưng ngày 28/12/2021');
      // Written well in the other copies: named in this file, with the other file as the related place.
      const form = across('c/form.txt', 'symbolForm').filter((m) => m.message.includes('"28/NQ - CP"'));
      expect(form.length).toBe(1);
      expect(form[0]!.related![0]!.filePath).toBe('a/000_a2bc4216fc60fd38.docx');
      expect(across('a/000_a2bc4216fc60fd38.txt', 'date')).toEqual([]);
      expect(
        across('a/000_a2bc4216fc60fd38.txt', 'symbolForm').filter((m) => m.message.includes('28/NQ')),
      ).toEqual([]);
      const stylish = ['off', '2'].map((c) => kh(['lint', '--concurrency', c, 'a', 'c']).stdout);
      expect(stylish[1]).toBe(stylish[0]);
      expect(stylish[0]).toContain('c/date.txt');
    },
    900_000,
  );

  it.skipIf(!built)('a bad --concurrency is a usage error', () => {
    const run = kh(['lint', '--concurrency', 'many', 'a']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kh: --concurrency "many": cần một số nguyên dương, auto hoặc off\n');
  });

  it.skipIf(!built)(
    'in the pool, a file that takes too long costs that file only',
    () => {
      const page = `BT /F1 12 Tf\n${'1 0 0 1 72 720 Tm (Ke hoach so 12) Tj\n'.repeat(9000)}ET`;
      writeFileSync(join(repo, 'slow.pdf'), make.pdf(Array.from({ length: 20 }, () => page)));
      // Small plans after it: quick to read even on a loaded machine.
      writeFileSync(join(repo, 'small1.txt'), make.PLAN_HEAD + make.PLAN_TAIL);
      writeFileSync(join(repo, 'small2.txt'), make.PLAN_HEAD + make.PLAN_TAIL);
      try {
        const run = kh([
          'lint',
          '-f',
          'json',
          '--concurrency',
          '2',
          '--timeout-per-file',
          '3',
          'slow.pdf',
          'small1.txt',
          'small2.txt',
        ]);
        expect(run.status).toBe(2);
        const results = JSON.parse(run.stdout) as {
          filePath: string;
          messages: unknown[];
          fatal: { message: string } | null;
        }[];
        expect(results.map((r) => r.filePath)).toEqual(['slow.pdf', 'small1.txt', 'small2.txt']);
        expect(results[0]!.fatal!.message).toBe(
          'đọc tệp quá 3 giây nên đã dừng; nếu đây là văn bản thật, tăng --timeout-per-file',
        );
        expect([results[1]!.fatal, results[2]!.fatal]).toEqual([null, null]);
      } finally {
        for (const name of ['slow.pdf', 'small1.txt', 'small2.txt']) rmSync(join(repo, name));
      }
    },
    300_000,
  );

  it.skipIf(!built)(
    'a pool worker out of memory costs that file only; the next file is read by a new worker',
    async () => {
      const { LintPool, lintWorkerPath } = (await import(
        join(ROOT, 'dist/workers/lint-pool.js')
      )) as typeof import('../src/workers/lint-pool.js');
      const { DEFAULT_LIMITS } = await import('../src/util/limits.js');
      writeFileSync(join(repo, 'big.txt'), make.textLongPlan(900_000)); // under the text limit, over 48 MB of heap
      const pool = new LintPool(lintWorkerPath()!, {
        threads: 1,
        memoryMb: 48,
        timeoutMs: 120_000,
        setup: { rules: [], lang: 'vi', today: new Date().toISOString(), limits: DEFAULT_LIMITS },
      });
      try {
        await expect(pool.lint(join(repo, 'big.txt'), 'big.txt')).rejects.toMatchObject({
          code: 'out-of-memory',
        });
        const after = await pool.lint(join(FIXTURES, '000_a2bc4216fc60fd38.txt'), 'x.txt');
        expect(after.summary.filePath).toBe('x.txt');
        expect(after.summary.plan.issuer).toBeTruthy();
      } finally {
        await pool.close();
        rmSync(join(repo, 'big.txt'));
      }
    },
    300_000,
  );

  it.skipIf(!built)(
    'lintFiles (dist/api/lint.js) streams results in input order with summaries, the same in the pool and off',
    async () => {
      const { lintFiles } = (await import(
        join(ROOT, 'dist/api/lint.js')
      )) as typeof import('../src/api/lint.js');
      const collect = async (concurrency: string) => {
        const out = [];
        for await (const r of lintFiles(['a', 'c'], {
          cwd: repo,
          concurrency,
          today: new Date('2026-12-01T00:00:00'),
        }))
          out.push(r);
        return out;
      };
      const [pool, off] = [await collect('2'), await collect('off')];
      expect(pool).toEqual(off);
      expect(pool.map((r) => r.filePath)).toEqual(off.map((r) => r.filePath));
      const date = pool.find((r) => r.filePath === 'c/date.txt')!;
      expect(date.summary!.rules['citation-consistency']).toBeDefined();
      // The cross-file finding is in the result, not in the per-file messages a cache keeps.
      expect(date.messages.some((m) => m.ruleId === 'citation-consistency')).toBe(true);
      expect(date.fileMessages.some((m) => m.ruleId === 'citation-consistency')).toBe(false);
      expect(pool.find((r) => r.filePath === 'c/broken.pdf')!.summary).toBeNull();
    },
    600_000,
  );
});
