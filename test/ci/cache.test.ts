/**
 * The lint cache's pack (src/ci/cache.ts) on its own: the metadata strategy trusts a stat only
 * when every field matches and it was not taken racily, "content" always hashes; a changed file
 * is never served from the cache (same size, mtime put back, file replaced); pruning; appends
 * and rewrites; two runs writing one pack; format-1 entries removed; corrupt lines ignored.
 * Then through `kh lint --cache`: the same report, and an edit that keeps size and mtime re-lints.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LintCache, type CacheStrategy, type RunKeyParts } from '../../src/ci/cache.js';
import { SUMMARY_VERSION, type FileSummary } from '../../src/rules/summary.js';
import type { FileLint } from '../../src/rules/engine.js';
import type { LintMessage } from '../../src/rules/types.js';
import { run as lint, type LintOptions } from '../../src/cli/commands/lint.js';
import { ROOT } from '../_build.js';
import { lintFile } from '../../src/rules/engine.js';
import { rules as allRules } from '../../src/rules/index.js';
import { resolveRules } from '../../src/config/index.js';
import { builtinData } from '../../src/data/store.js';
import { seedPlan } from '../rules/_seeds.js';

const tmp = mkdtempSync(join(tmpdir(), 'kh-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PARTS: RunKeyParts = { khVersion: '9.9.9', settings: 's', lang: 'vi', today: '2026-12-01', data: 'd' };
/** Files written by a test are seconds old as far as the cache can tell (not racy). */
const later = () => Date.now() + 10_000;
/** A whole second (seconds since 1970): utimes keeps it exactly. */
const ONE_DAY_AGO = Math.floor(Date.now() / 1000) - 86_400;

let counter = 0;
function folder(): string {
  const dir = join(tmp, `t${counter++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function result(filePath: string, text: string): FileLint {
  const message = {
    ruleId: 'r',
    messageId: 'm',
    severity: 'warning',
    message: text,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    excerpt: 'x',
  } as LintMessage;
  const summary: FileSummary = {
    version: SUMMARY_VERSION,
    filePath,
    plan: {
      docType: null,
      number: null,
      symbol: null,
      issuer: null,
      issueDate: null,
      planYear: null,
      title: text,
      format: 'txt',
      periods: [],
    },
    rules: {},
  };
  return { messages: [message], summary };
}

function open(
  dir: string,
  options: { strategy?: CacheStrategy; now?: () => number; parts?: Partial<RunKeyParts> } = {},
) {
  return new LintCache(join(dir, '.khcache'), { ...PARTS, ...options.parts }, [], {
    strategy: options.strategy,
    now: options.now ?? later,
  });
}

/** One run: looks every file up, stores the misses (their text as the message), saves. */
async function runOnce(cache: LintCache, files: string[], inputs = files) {
  const got: (string | null)[] = [];
  for (const file of files) {
    const lookup = cache.lookup(file, file);
    if (lookup.hit) got.push(lookup.hit.messages[0]!.message);
    else {
      got.push(null);
      cache.set(file, lookup, result(file, readFileSync(file, 'utf8')));
    }
  }
  await cache.save(inputs);
  return got;
}

const packOf = (dir: string) =>
  readFileSync(join(dir, '.khcache', 'lint-cache.pack'), 'utf8')
    .split('\n')
    .filter(Boolean);
const pathsIn = (dir: string) =>
  packOf(dir)
    .slice(1)
    .map((line) => (JSON.parse(line.split('\t')[0]!) as { path: string }).path);

describe('LintCache: the metadata strategy', () => {
  it('a warm lookup of an unchanged file stats it and reads nothing; "content" always hashes', async () => {
    const dir = folder();
    const a = join(dir, 'a.txt');
    writeFileSync(a, 'một');
    expect(await runOnce(open(dir), [a])).toEqual([null]);
    const warm = open(dir);
    expect(await runOnce(warm, [a])).toEqual(['một']);
    expect(warm.hashed).toBe(0);
    const content = open(dir, { strategy: 'content' });
    expect(await runOnce(content, [a])).toEqual(['một']);
    expect(content.hashed).toBe(1);
  });

  it('an edit of the same size is seen, even with the old mtime put back (ctime moved)', async () => {
    const dir = folder();
    const a = join(dir, 'a.txt');
    writeFileSync(a, 'abc');
    utimesSync(a, ONE_DAY_AGO, ONE_DAY_AGO);
    const before = statSync(a);
    await runOnce(open(dir), [a]);
    writeFileSync(a, 'xyz');
    utimesSync(a, ONE_DAY_AGO, ONE_DAY_AGO);
    expect(statSync(a).size).toBe(before.size);
    expect(statSync(a).mtimeMs).toBe(before.mtimeMs);
    expect(await runOnce(open(dir), [a])).toEqual([null]);
    expect(await runOnce(open(dir), [a])).toEqual(['xyz']);
  });

  it('a file replaced by another of the same size and mtime (another inode) is seen', async () => {
    const dir = folder();
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, 'abc');
    writeFileSync(b, 'def');
    utimesSync(a, ONE_DAY_AGO, ONE_DAY_AGO);
    utimesSync(b, ONE_DAY_AGO, ONE_DAY_AGO);
    await runOnce(open(dir), [a]);
    renameSync(b, a);
    expect(statSync(a).mtimeMs).toBe(ONE_DAY_AGO * 1000);
    expect(await runOnce(open(dir), [a])).toEqual([null]);
  });

  it('a stat taken within the racy margin of the last write is not recorded: the next run hashes (and hits)', async () => {
    const dir = folder();
    const a = join(dir, 'a.txt');
    writeFileSync(a, 'mới');
    const justWritten = () => statSync(a).mtimeMs + 10;
    await runOnce(open(dir, { now: justWritten }), [a]);
    expect(JSON.parse(packOf(dir)[1]!.split('\t')[0]!)).not.toHaveProperty('stat');
    const next = open(dir);
    expect(await runOnce(next, [a])).toEqual(['mới']);
    expect(next.hashed).toBe(1);
    // That run recorded the stat (appended): the one after reads nothing.
    expect(JSON.parse(packOf(dir).at(-1)!.split('\t')[0]!)).toHaveProperty('stat');
    const third = open(dir);
    expect(await runOnce(third, [a])).toEqual(['mới']);
    expect(third.hashed).toBe(0);
  });
});

describe('"today": per entry, only where a rule read it', () => {
  it('the engine says when a rule read context.today: 004 (an undated draft with deadlines) yes, 000 (dated) no', async () => {
    const active = resolveRules(allRules, {}, []);
    const env = { lang: 'vi' as const, data: builtinData, today: new Date('2024-06-01T00:00:00') };
    const draft = lintFile(await seedPlan('004'), active, env);
    expect(draft.readToday).toBe(true);
    expect(draft.messages.some((m) => m.messageId === 'deadlinePast')).toBe(true);
    expect(lintFile(await seedPlan('000'), active, env).readToday).toBeUndefined();
  });

  it('an entry that read "today" holds for that day only; the others outlive the day', async () => {
    const dir = folder();
    const [a, b] = ['a.txt', 'b.txt'].map((n) => join(dir, n)) as [string, string];
    writeFileSync(a, 'a');
    writeFileSync(b, 'b');
    const first = open(dir);
    first.set(a, first.lookup(a, a), result(a, 'a'));
    first.set(b, first.lookup(b, b), { ...result(b, 'b'), readToday: true });
    await first.save([a, b]);
    expect(await runOnce(open(dir), [a, b])).toEqual(['a', 'b']);
    const tomorrow = open(dir, { parts: { today: '2026-12-02' } });
    expect(await runOnce(tomorrow, [a, b])).toEqual(['a', null]);
    // A day written by hand onto a's line: the checksum covers it.
    const lines = packOf(dir);
    const i = lines.findIndex((l) => l.startsWith(`{"path":${JSON.stringify(a)}`));
    lines[i] = lines[i]!.replace(/"checksum"/, '"day":"2026-12-02","checksum"');
    writeFileSync(join(dir, '.khcache', 'lint-cache.pack'), `${lines.join('\n')}\n`);
    expect(await runOnce(open(dir, { parts: { today: '2026-12-02' } }), [a])).toEqual([null]);
  });
});

describe('LintCache: the pack', () => {
  it('prunes deleted files and unreadable inputs, keeps existing files outside the run, drops another run key', async () => {
    const dir = folder();
    const [a, b, c] = ['a.txt', 'b.txt', 'c.txt'].map((n) => join(dir, n)) as [string, string, string];
    for (const f of [a, b, c]) writeFileSync(f, f);
    await runOnce(open(dir), [a, b, c]);
    expect(pathsIn(dir).sort()).toEqual([a, b, c]);
    // A narrower run (only a): b and c exist, so they stay; then c is deleted.
    await runOnce(open(dir), [a]);
    expect(pathsIn(dir).sort()).toEqual([a, b, c]);
    rmSync(c);
    const narrow = open(dir);
    await runOnce(narrow, [a]);
    expect(pathsIn(dir).sort()).toEqual([a, b]);
    // An input that could not be read this time: its entry goes.
    const failing = open(dir);
    failing.lookup(b, b);
    failing.forget(b);
    await failing.save([a, b]);
    expect(pathsIn(dir)).toEqual([a]);
    // Another run key (other settings, another kh version): the pack holds that key's entries only.
    await runOnce(open(dir, { parts: { settings: 'other rules' } }), [b]);
    expect(pathsIn(dir)).toEqual([b]);
    expect(await runOnce(open(dir), [a])).toEqual([null]);
  });

  it('appends new results (the later line wins) and rewrites the pack when superseded lines pile up', async () => {
    const dir = folder();
    const files = Array.from({ length: 8 }, (_, i) => join(dir, `${i}.txt`));
    for (const f of files) writeFileSync(f, `v1 ${f}`);
    await runOnce(open(dir), files);
    expect(packOf(dir)).toHaveLength(9);
    writeFileSync(files[0]!, 'v2');
    expect(await runOnce(open(dir), files)).toEqual([null, ...files.slice(1).map((f) => `v1 ${f}`)]);
    expect(packOf(dir)).toHaveLength(10); // appended
    expect(await runOnce(open(dir), files.slice(0, 1))).toEqual(['v2']);
    // Half the files change: rewriting beats appending.
    for (const f of files.slice(0, 4)) writeFileSync(f, `v3 ${f}`);
    await runOnce(open(dir), files);
    expect(packOf(dir)).toHaveLength(9);
    expect(await runOnce(open(dir), files)).toEqual([
      ...files.slice(0, 4).map((f) => `v3 ${f}`),
      ...files.slice(4).map((f) => `v1 ${f}`),
    ]);
  });

  it("two runs sharing the folder (shards) keep each other's results", async () => {
    const dir = folder();
    const [a, b] = ['a.txt', 'b.txt'].map((n) => join(dir, n)) as [string, string];
    writeFileSync(a, 'a');
    writeFileSync(b, 'b');
    const first = open(dir);
    const second = open(dir);
    first.lookup(a, a); // both read the (missing) pack before either writes
    second.lookup(b, b);
    first.set(a, first.lookup(a, a), result(a, 'a'));
    second.set(b, second.lookup(b, b), result(b, 'b'));
    await first.save([a, b]);
    await second.save([a, b]);
    expect(await runOnce(open(dir), [a, b])).toEqual(['a', 'b']);
  });

  it('ignores a corrupt line and a line cut short (a run stopped while appending); removes format-1 entries', async () => {
    const dir = folder();
    const [a, b] = ['a.txt', 'b.txt'].map((n) => join(dir, n)) as [string, string];
    writeFileSync(a, 'a');
    writeFileSync(b, 'b');
    await runOnce(open(dir), [a, b]);
    const lines = packOf(dir);
    lines[1] = lines[1]!.replace('"a"', '"A"'); // a's message, checksum unchanged
    writeFileSync(join(dir, '.khcache', 'lint-cache.pack'), `${lines.join('\n')}\n${lines[2]!.slice(0, 40)}`);
    writeFileSync(join(dir, '.khcache', `${'0'.repeat(40)}.json`), '{}');
    const run = open(dir);
    expect(await runOnce(run, [a, b])).toEqual([null, 'b']);
    expect(readdirSync(join(dir, '.khcache'))).toEqual(['lint-cache.pack']);
    expect(await runOnce(open(dir), [a, b])).toEqual(['a', 'b']);
  });

  it('a pack that is not a pack (another layout, garbage) is a miss for every file, never an error', async () => {
    const dir = folder();
    const a = join(dir, 'a.txt');
    writeFileSync(a, 'a');
    mkdirSync(join(dir, '.khcache'));
    writeFileSync(join(dir, '.khcache', 'lint-cache.pack'), '\u0000\u0001 not json\n{"khCache":2}\n');
    expect(await runOnce(open(dir), [a])).toEqual([null]);
    expect(await runOnce(open(dir), [a])).toEqual(['a']);
  });
});

/** Long enough after a write for its stat to be recorded and trusted (RACY_MS.fine is 250 ms). */
const pastRacyMargin = () => new Promise((done) => setTimeout(done, 400));

describe('kh lint --cache', { timeout: 120_000 }, () => {
  const repo = join(tmp, 'repo');
  const seed = (name: string) => readFileSync(join(ROOT, 'fixtures', name), 'utf8');

  async function runLint(options: Partial<LintOptions> = {}) {
    let out = '';
    let stats: { hits: number; misses: number } | null = null;
    const ctx = {
      lang: 'vi' as const,
      debug: false,
      color: false,
      out: (t: string) => void (out += t),
      err: () => undefined,
    };
    await lint(ctx, ['van-ban'], {
      format: 'json',
      cwd: repo,
      today: new Date('2026-12-01T00:00:00'),
      progress: { isTTY: false, write: () => true },
      onCache: (s) => void (stats = s),
      ...options,
    });
    return { out, stats: stats as { hits: number; misses: number } | null };
  }

  it('an edit that keeps the size and the mtime is re-linted; the report equals the uncached one', async () => {
    mkdirSync(join(repo, 'van-ban'), { recursive: true });
    const text = seed('000_a2bc4216fc60fd38.txt');
    writeFileSync(join(repo, 'van-ban/a.txt'), text);
    writeFileSync(join(repo, 'van-ban/b.txt'), seed('003_4648be2b9eb23052.txt'));
    await runLint({ cache: true });
    const path = join(repo, 'van-ban/a.txt');
    utimesSync(path, ONE_DAY_AGO, ONE_DAY_AGO);
    await pastRacyMargin();
    await runLint({ cache: true }); // records a's stat with that mtime
    // Capitals: the same byte length, another text; the mtime put back.
    const edited = text.replace('Tổ chức', 'TỔ CHỨC');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    expect(edited).not.toBe(text);
    writeFileSync(path, edited);
    utimesSync(path, ONE_DAY_AGO, ONE_DAY_AGO);
    await pastRacyMargin(); // the new stat is trusted too: only its ctime tells the edit
    const warm = await runLint({ cache: true });
    expect(warm.stats).toEqual({ hits: 1, misses: 1 });
    expect(warm.out).toBe((await runLint()).out);
    for (const strategy of ['metadata', 'content']) {
      const again = await runLint({ cache: true, cacheStrategy: strategy });
      expect(again.stats).toEqual({ hits: 2, misses: 0 });
      expect(again.out).toBe(warm.out);
    }
  });

  it('--cache-strategy other than metadata|content: one line, exit 2', async () => {
    let err = '';
    const ctx = {
      lang: 'en' as const,
      debug: false,
      color: false,
      out: () => undefined,
      err: (t: string) => void (err += t),
    };
    const code = await lint(ctx, ['van-ban'], {
      format: 'json',
      cwd: repo,
      cache: true,
      cacheStrategy: 'mtime',
      langExplicit: true,
      progress: { isTTY: false, write: () => true },
    });
    expect(code).toBe(2);
    expect(err).toBe('kh: --cache-strategy "mtime": expected metadata or content\n');
  });
});
