/**
 * kh lint's CI options, in-process on small documents written to a temp folder (the real parser
 * and rules): suppressions (--suppress-all, later runs, --prune-suppressions, unused entries),
 * --shard, --changed-since (in a real git repository), the progress line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as lint, type LintOptions } from '../../src/cli/commands/lint.js';
import { parseShard, selectShard, shardOf } from '../../src/ci/shard.js';
import { createProgress, progressText } from '../../src/ci/progress.js';

const tmp = mkdtempSync(join(tmpdir(), 'kh-ci-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const TODAY = new Date('2026-12-01T00:00:00');

function write(dir: string, path: string, text: string): string {
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

/** A paragraph with `slips` words typed twice (repeated-phrase warnings). */
const body = (slips: number, topic: string) =>
  `Kế hoạch ${topic}.\n\n${Array.from({ length: slips }, (_, i) => `Tổ chức thực hiện các các nhiệm vụ số ${i + 1} về ${topic} trên địa bàn.`).join('\n\n')}\n\nTổ chức thực hiện kế hoạch trên địa bàn tỉnh.\n`;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; message: string; line: number }[];
  fatal: unknown;
}

async function runLint(cwd: string, inputs: string[], options: Partial<LintOptions> = {}) {
  let out = '';
  let err = '';
  const ctx = {
    lang: 'en' as const,
    debug: false,
    color: false,
    out: (t: string) => void (out += t),
    err: (t: string) => void (err += t),
  };
  const code = await lint(ctx, inputs, {
    format: 'json',
    cwd,
    today: TODAY,
    langExplicit: true,
    progress: { isTTY: false, write: () => true },
    ...options,
  });
  const parsed = out ? JSON.parse(out) : [];
  // A shard's JSON report is an object holding the results (with summaries and positions).
  const results = (Array.isArray(parsed) ? parsed : parsed.results) as JsonResult[];
  return { code, results, err, out };
}

const repeated = (results: JsonResult[], file: string) =>
  results.find((r) => r.filePath === file)?.messages.filter((m) => m.ruleId === 'repeated-phrase') ?? [];

describe('suppressions', () => {
  const dir = join(tmp, 'suppress');
  write(dir, 'docs/a.txt', body(2, 'a'));
  write(dir, 'docs/b.txt', body(1, 'b'));

  it('--suppress-all records the counts per file and rule, and reports none of them', async () => {
    const before = await runLint(dir, ['docs']);
    expect(repeated(before.results, 'docs/a.txt')).toHaveLength(2);
    const all = await runLint(dir, ['docs'], { suppressAll: true });
    expect(all.results.every((r) => r.messages.length === 0)).toBe(true);
    expect(all.err).toMatch(/kh-suppressions\.json: \d+ suppressed findings in 2 files/);
    const file = JSON.parse(readFileSync(join(dir, 'kh-suppressions.json'), 'utf8'));
    expect(file['docs/a.txt']['repeated-phrase']).toEqual({ count: 2 });
    expect(file['docs/b.txt']['repeated-phrase']).toEqual({ count: 1 });
    // Every finding of the first run is counted, nothing else.
    const counted = Object.values(file as Record<string, Record<string, { count: number }>>)
      .flatMap((rules) => Object.values(rules))
      .reduce((n, r) => n + r.count, 0);
    expect(counted).toBe(before.results.reduce((n, r) => n + r.messages.length, 0));
    expect(Object.keys(file)).toEqual(['docs/a.txt', 'docs/b.txt']);
  });

  it('a later run reports a new finding, not the suppressed ones', async () => {
    const again = await runLint(dir, ['docs']);
    expect(again.code).toBe(0);
    expect(again.results.every((r) => r.messages.length === 0)).toBe(true);
    write(dir, 'docs/c.txt', body(1, 'c')); // a new file with a slip
    const withNew = await runLint(dir, ['docs']);
    expect(repeated(withNew.results, 'docs/c.txt')).toHaveLength(1);
    expect(repeated(withNew.results, 'docs/a.txt')).toHaveLength(0);
    expect(repeated(withNew.results, 'docs/b.txt')).toHaveLength(0);
    rmSync(join(dir, 'docs/c.txt'));
  });

  it('more findings than counted in a file: all of that rule in that file are reported (ESLint)', async () => {
    write(dir, 'docs/b.txt', body(2, 'b'));
    const more = await runLint(dir, ['docs']);
    expect(repeated(more.results, 'docs/b.txt')).toHaveLength(2);
    expect(repeated(more.results, 'docs/a.txt')).toHaveLength(0);
    write(dir, 'docs/b.txt', body(1, 'b'));
  });

  it('a fixed finding leaves an unused suppression: exit 2 with a hint, unless --pass-on-unpruned-suppressions', async () => {
    write(dir, 'docs/a.txt', body(1, 'a'));
    const stale = await runLint(dir, ['docs']);
    expect(stale.code).toBe(2);
    expect(stale.err).toContain('kh-suppressions.json: 1 suppressed findings no longer occur (docs/a.txt)');
    expect(stale.err).toContain('--prune-suppressions');
    expect(repeated(stale.results, 'docs/a.txt')).toHaveLength(0); // still within the count
    expect((await runLint(dir, ['docs'], { passOnUnprunedSuppressions: true })).code).toBe(0);
  });

  it('--prune-suppressions lowers the count to what remains; a slip added again is then reported', async () => {
    const pruned = await runLint(dir, ['docs'], { pruneSuppressions: true });
    expect(pruned.code).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, 'kh-suppressions.json'), 'utf8'));
    expect(file['docs/a.txt']['repeated-phrase']).toEqual({ count: 1 });
    expect(file['docs/b.txt']['repeated-phrase']).toEqual({ count: 1 });
    expect((await runLint(dir, ['docs'])).code).toBe(0);
    write(dir, 'docs/a.txt', body(2, 'a'));
    expect(repeated((await runLint(dir, ['docs'])).results, 'docs/a.txt')).toHaveLength(2);
  });

  it('prune drops the entries of deleted files and keeps those of files outside the run', async () => {
    write(dir, 'other/x.txt', body(1, 'x'));
    await runLint(dir, ['other'], { suppressAll: true }); // merges: docs/ entries kept
    let file = JSON.parse(readFileSync(join(dir, 'kh-suppressions.json'), 'utf8'));
    expect(Object.keys(file)).toEqual(['docs/a.txt', 'docs/b.txt', 'other/x.txt']);
    rmSync(join(dir, 'docs/b.txt'));
    await runLint(dir, ['docs'], { pruneSuppressions: true });
    file = JSON.parse(readFileSync(join(dir, 'kh-suppressions.json'), 'utf8'));
    expect(Object.keys(file)).toEqual(['docs/a.txt', 'other/x.txt']);
  });

  it('--suppressions-location; a malformed file is exit 2 naming it; never written over an input', async () => {
    const noFolder = await runLint(dir, ['docs'], {
      suppressAll: true,
      suppressionsLocation: 'ci/baseline.json',
    });
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toBe('kh: cannot write ci/baseline.json (does not exist (ENOENT))\n');
    mkdirSync(join(dir, 'ci'), { recursive: true });
    const placed = await runLint(dir, ['docs'], {
      suppressAll: true,
      suppressionsLocation: 'ci/baseline.json',
    });
    expect(placed.code).toBe(0);
    expect(
      JSON.parse(readFileSync(join(dir, 'ci/baseline.json'), 'utf8'))['docs/a.txt']['repeated-phrase'],
    ).toEqual({ count: 2 });
    writeFileSync(join(dir, 'ci/bad.json'), '{"docs/a.txt": {"repeated-phrase": {"count": -1}}}');
    const bad = await runLint(dir, ['docs'], { suppressionsLocation: 'ci/bad.json' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /^kh: ci\/bad\.json: the suppressions file is malformed at docs\/a\.txt › repeated-phrase › count/,
    );
    const onInput = await runLint(dir, ['docs'], { suppressAll: true, suppressionsLocation: 'docs/a.txt' });
    expect(onInput.code).toBe(2);
    expect(onInput.err).toContain('one of the input files');
    expect(readFileSync(join(dir, 'docs/a.txt'), 'utf8')).toBe(body(2, 'a'));
    const both = await runLint(dir, ['docs'], { suppressAll: true, pruneSuppressions: true });
    expect(both.code).toBe(2);
  });
});

describe('--shard', () => {
  const paths = Array.from({ length: 300 }, (_, i) => `van-ban/${i % 7}/kế hoạch ${i}.docx`);

  it('n = 1..5: every file in exactly one shard, in input order', () => {
    for (let n = 1; n <= 5; n++) {
      const seen = new Map<string, number>();
      for (let i = 1; i <= n; i++) {
        const part = selectShard(
          paths.map((filePath) => ({ filePath })),
          { index: i, count: n },
          '/repo',
        );
        expect(part.map((p) => p.filePath)).toEqual(paths.filter((p) => part.some((q) => q.filePath === p)));
        for (const { filePath } of part) seen.set(filePath, (seen.get(filePath) ?? 0) + 1);
        if (n > 1) expect(part.length).toBeGreaterThan(300 / n / 2); // a hash, not everything in one shard
      }
      expect(seen.size).toBe(paths.length);
      expect([...seen.values()].every((c) => c === 1)).toBe(true);
    }
  });

  it("a file's shard depends on its own path only: adding files moves none", () => {
    const before = new Map(paths.map((p) => [p, shardOf(p, 4)]));
    const more = [...paths, ...Array.from({ length: 100 }, (_, i) => `moi/${i}.pdf`)];
    const after = selectShard(
      more.map((filePath) => ({ filePath })),
      { index: 3, count: 4 },
      '/repo',
    ).map((p) => p.filePath);
    for (const p of after.filter((p) => before.has(p))) expect(before.get(p)).toBe(3);
    expect(after.filter((p) => before.has(p))).toEqual(paths.filter((p) => before.get(p) === 3));
    // "./a" and "a" are the same file, the same shard.
    expect(
      selectShard(
        [{ filePath: './van-ban/0/kế hoạch 0.docx' }],
        { index: shardOf('van-ban/0/kế hoạch 0.docx', 4), count: 4 },
        '/repo',
      ),
    ).toHaveLength(1);
  });

  it('parses i/n and refuses nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2', '-1/2'])
      expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  it('kh lint --shard: the shards of a folder lint each file once', async () => {
    const dir = join(tmp, 'shard');
    for (let i = 0; i < 12; i++) write(dir, `d/${i}.txt`, body(1, `t${i}`));
    const full = await runLint(dir, ['d']);
    const files: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const part = await runLint(dir, ['d'], { shard: `${i}/3` });
      expect(part.code).toBe(0);
      files.push(...part.results.map((r) => r.filePath));
      for (const r of part.results)
        expect(repeated(part.results, r.filePath)).toEqual(repeated(full.results, r.filePath));
    }
    expect(files.sort()).toEqual(full.results.map((r) => r.filePath).sort());
    const bad = await runLint(dir, ['d'], { shard: '4/3' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--shard "4/3": expected i/n');
  });
});

describe('--changed-since', () => {
  const repo = join(tmp, 'repo');
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=kh', '-c', 'user.email=kh@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      { cwd: repo, encoding: 'utf8' },
    );

  it('lints files changed since the merge base, uncommitted edits and new untracked files; not deleted ones', async () => {
    write(repo, 'docs/a.txt', body(1, 'a'));
    write(repo, 'docs/b.txt', body(1, 'b'));
    write(repo, 'docs/c.txt', body(1, 'c'));
    write(repo, 'docs/d e/đ.txt', body(1, 'd'));
    write(repo, 'docs/gone.txt', body(1, 'g'));
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    write(repo, 'docs/a.txt', body(2, 'a')); // committed on the branch
    git('commit', '-q', '-am', 'edit a');
    git('checkout', '-q', 'main');
    write(repo, 'docs/c.txt', body(2, 'c')); // changed on main after the branch started: not the PR's
    git('commit', '-q', '-am', 'edit c on main');
    git('checkout', '-q', 'feature');
    write(repo, 'docs/d e/đ.txt', body(2, 'd')); // uncommitted edit
    write(repo, 'docs/new.txt', body(1, 'n')); // untracked
    rmSync(join(repo, 'docs/gone.txt')); // deleted
    const changed = await runLint(repo, ['docs'], { changedSince: 'main' });
    expect(changed.code).toBe(0);
    expect(changed.results.map((r) => r.filePath)).toEqual(['docs/a.txt', 'docs/d e/đ.txt', 'docs/new.txt']);
    // From a subfolder, with the ref as a commit id.
    const sub = await runLint(join(repo, 'docs'), ['.'], { changedSince: git('rev-parse', 'main').trim() });
    expect(sub.results.map((r) => r.filePath)).toEqual(['a.txt', 'd e/đ.txt', 'new.txt']);
  });

  it('an unknown ref, a ref that looks like an option, a folder outside git: exit 2, one line', async () => {
    const unknown = await runLint(repo, ['docs'], { changedSince: 'no-such-branch' });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^kh: --changed-since: "no-such-branch" is not a known git ref .*\n$/);
    const option = await runLint(repo, ['docs'], { changedSince: '--output=x' });
    expect(option.code).toBe(2);
    expect(option.err).toContain('not a valid git ref');
    expect(existsSync(join(repo, 'x'))).toBe(false);
    const outside = mkdtempSync(join(tmpdir(), 'kh-nogit-'));
    try {
      write(outside, 'a.txt', body(1, 'a'));
      const none = await runLint(outside, ['a.txt'], { changedSince: 'main' });
      expect(none.code).toBe(2);
      expect(none.err).toMatch(/^kh: --changed-since: .* is not inside a git repository/);
      expect(none.err.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('progress line', () => {
  it('text: done/total, rate, ETA', () => {
    expect(progressText(50, 200, 10_000, 'en')).toBe('kh: 50/200 files · 5.0 files/s · ~30 s left');
    expect(progressText(100, 5000, 10_000, 'vi')).toBe('kh: 100/5000 tệp · 10 tệp/s · còn khoảng 8 ph 10 s');
    expect(progressText(200, 200, 10_000, 'en')).toBe('kh: 200/200 files · 20 files/s');
  });

  it('drawn on a terminal at most every 100 ms and erased at the end; nothing off a terminal or with --quiet', () => {
    let clock = 0;
    const writes: string[] = [];
    const tty = { isTTY: true, columns: 120, write: (t: string) => writes.push(t) };
    const progress = createProgress(tty, 10, { lang: 'en', now: () => clock });
    for (let i = 0; i < 10; i++) {
      clock += 30;
      progress.tick();
    }
    progress.end();
    // Drawn at 30 ms, 150 ms, 270 ms and at the last file (300 ms); then erased.
    expect(writes.map((w) => w.replace(/\r\u001b\[2K/, ''))).toEqual([
      'kh: 1/10 files · 33 files/s · ~0 s left',
      'kh: 5/10 files · 33 files/s · ~0 s left',
      'kh: 9/10 files · 33 files/s · ~0 s left',
      'kh: 10/10 files · 33 files/s',
      '',
    ]);
    const quiet: string[] = [];
    const q = createProgress({ isTTY: true, write: (t: string) => quiet.push(t) }, 10, {
      lang: 'en',
      quiet: true,
    });
    q.tick();
    q.end();
    const pipe: string[] = [];
    const p = createProgress({ isTTY: false, write: (t: string) => pipe.push(t) }, 10, { lang: 'en' });
    p.tick();
    p.end();
    expect([...quiet, ...pipe]).toEqual([]);
  });

  it('kh lint draws it on a terminal stream and leaves the report clean', async () => {
    const dir = join(tmp, 'progress');
    for (let i = 0; i < 3; i++) write(dir, `${i}.txt`, body(1, `p${i}`));
    const writes: string[] = [];
    const r = await runLint(dir, ['.'], {
      progress: { isTTY: true, columns: 80, write: (t: string) => writes.push(t) },
    });
    expect(writes.join('')).toContain('3/3 files');
    expect(writes.at(-1)).toBe('\r\u001b[2K');
    expect(r.out.startsWith('[')).toBe(true);
    const quiet: string[] = [];
    await runLint(dir, ['.'], {
      quiet: true,
      progress: { isTTY: true, write: (t: string) => quiet.push(t) },
    });
    expect(quiet).toEqual([]);
  });
});
