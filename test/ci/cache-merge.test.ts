/**
 * Shards + kh merge-reports give the unsharded report exactly; --cache gives the same findings
 * cold and warm, re-reads only changed files, ignores entries edited by hand, corrupt or from
 * another kh version; --changed-since with --cache keeps cross-file findings against unchanged
 * files. On a temp repository of real seed documents and varied copies of them (citation-
 * consistency relates 000 and 003), in-process with the real parser and rules.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
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
import { run as lint, type LintOptions } from '../../src/cli/commands/lint.js';
import { run as merge, type MergeOptions } from '../../src/ci/merge-command.js';
import { ROOT } from '../_build.js';

const TODAY = new Date('2026-12-01T00:00:00');
const tmp = mkdtempSync(join(tmpdir(), 'kh-merge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const repo = join(tmp, 'repo');
const seed = (name: string) => join(ROOT, 'fixtures', name);

beforeAll(() => {
  mkdirSync(join(repo, 'van-ban/2024'), { recursive: true });
  mkdirSync(join(repo, 'van-ban/khac'), { recursive: true });
  for (const name of [
    '000_a2bc4216fc60fd38.txt',
    '002_06484e6e4818e0d7.txt',
    '003_4648be2b9eb23052.txt',
    '004_a5398dc3df371b71.txt',
  ]) {
    copyFileSync(seed(name), join(repo, 'van-ban/2024', name));
  }
  copyFileSync(seed('003_4648be2b9eb23052.docx'), join(repo, 'van-ban/khac/lai-chau.docx'));
  // Varied copies: a slip added, a citation written another way, a paragraph dropped.
  const base = readFileSync(seed('000_a2bc4216fc60fd38.txt'), 'utf8');
  writeFileSync(join(repo, 'van-ban/khac/ban-sao-1.txt'), base.replace('Tổ chức', 'Tổ chức các các'));
  writeFileSync(
    join(repo, 'van-ban/khac/ban-sao-2.txt'),
    base.replace('1303/BLĐT BXH-VBĐG', '1303/BLĐTBXH-VBĐG'),
  );
  writeFileSync(
    join(repo, 'van-ban/khac/ban-sao-3.txt'),
    base
      .split('\n')
      .filter((_, i) => i % 7 !== 3)
      .join('\n'),
  );
  writeFileSync(join(repo, 'van-ban/hỏng.pdf'), 'không phải PDF');
});

function capture() {
  let out = '';
  let err = '';
  return {
    ctx: {
      lang: 'vi' as const,
      debug: false,
      color: false,
      out: (t: string) => void (out += t),
      err: (t: string) => void (err += t),
    },
    get: () => ({ out, err }),
  };
}

async function runLint(options: Partial<LintOptions> = {}, inputs = ['van-ban']) {
  const c = capture();
  const code = await lint(c.ctx, inputs, {
    format: 'json',
    cwd: repo,
    today: TODAY,
    progress: { isTTY: false, write: () => true },
    ...options,
  });
  return { code, ...c.get() };
}

/** The documents a cache folder's pack holds (their absolute paths). */
function packEntries(dir: string): string[] {
  const lines = readFileSync(join(dir, 'lint-cache.pack'), 'utf8').split('\n').filter(Boolean).slice(1);
  return lines.map((line) => (JSON.parse(line.split('\t')[0]!) as { path: string }).path);
}

async function runMerge(reports: string[], options: Partial<MergeOptions> = {}) {
  const c = capture();
  const code = await merge(c.ctx, reports, { format: 'json', cwd: repo, ...options });
  return { code, ...c.get() };
}

describe('--shard + kh merge-reports', { timeout: 120_000 }, () => {
  let whole: Awaited<ReturnType<typeof runLint>>;
  const wholeIn: Record<string, string> = {};
  beforeAll(async () => {
    whole = await runLint();
    for (const format of ['stylish', 'sarif'] as const) wholeIn[format] = (await runLint({ format })).out;
  }, 120_000);

  it('the whole run has cross-file findings to get right', () => {
    const results = JSON.parse(whole.out) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results).toHaveLength(9);
    expect(
      results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'citation-consistency').length,
    ).toBeGreaterThan(0);
    expect(whole.code).toBe(2); // hỏng.pdf
  });

  for (const n of [1, 2, 3]) {
    it(`n = ${n}: merging the shards gives the unsharded report exactly (json, stylish, sarif)`, async () => {
      const parts: string[] = [];
      const seen: string[] = [];
      for (let i = 1; i <= n; i++) {
        const part = await runLint({ shard: `${i}/${n}`, output: `part-${n}-${i}.json` });
        expect(part.code).toBeLessThanOrEqual(2);
        const report = JSON.parse(readFileSync(join(repo, `part-${n}-${i}.json`), 'utf8'));
        expect(report.shard).toEqual({ index: i, count: n });
        seen.push(...report.results.map((r: { filePath: string }) => r.filePath));
        parts.push(`part-${n}-${i}.json`);
      }
      expect(seen.sort()).toEqual(
        (JSON.parse(whole.out) as { filePath: string }[]).map((r) => r.filePath).sort(),
      );
      const merged = await runMerge(parts.reverse());
      expect(merged.out).toBe(whole.out);
      expect(merged.code).toBe(whole.code);
      for (const format of ['stylish', 'sarif'] as const)
        expect((await runMerge(parts, { format })).out).toBe(wholeIn[format]);
    });
  }

  it('refuses parts that do not make one run: missing, repeated, other settings, mixed with a plain report', async () => {
    // The parts of the n = 3 test above.
    for (let i = 1; i <= 3; i++) copyFileSync(join(repo, `part-3-${i}.json`), join(repo, `p${i}.json`));
    const missing = await runMerge(['p1.json', 'p3.json'], { langExplicit: true });
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('kh: thiếu báo cáo của phần 2/3\n');
    const twice = await runMerge(['p1.json', 'p1.json', 'p2.json', 'p3.json']);
    expect(twice.err).toMatch(/^kh: p1\.json: phần 1\/3 đã có trong p1\.json\n$/);
    const otherRules = await runMerge(['p1.json', 'p2.json', 'p3.json'], {
      rule: ['citation-consistency:error'],
    });
    expect(otherRules.code).toBe(2);
    expect(otherRules.err).toContain('cấu hình quy tắc khác');
    const c = capture();
    await lint({ ...c.ctx, lang: 'en' }, ['van-ban'], {
      format: 'json',
      cwd: repo,
      today: TODAY,
      langExplicit: true,
      shard: '2/3',
      output: 'p2-en.json',
      progress: { isTTY: false, write: () => true },
    });
    const mixedLang = await runMerge(['p1.json', 'p2-en.json', 'p3.json']);
    expect(mixedLang.err).toContain('khác lang');
    writeFileSync(join(repo, 'plain.json'), whole.out);
    const mixed = await runMerge(['plain.json', 'p1.json']);
    expect(mixed.code).toBe(2);
    writeFileSync(join(repo, 'broken.json'), '{"khShardReport": 1');
    expect((await runMerge(['broken.json'])).err).toBe('kh: broken.json: không phải JSON hợp lệ\n');
  });

  it('a plain JSON report alone is rendered in another format unchanged', async () => {
    writeFileSync(join(repo, 'plain.json'), whole.out);
    for (const format of ['stylish', 'sarif'] as const)
      expect((await runMerge(['plain.json'], { format })).out).toBe(wholeIn[format]);
    const merged = await runMerge(['plain.json'], { format: 'json' });
    expect(merged.out).toBe(whole.out);
    expect(merged.code).toBe(whole.code);
  });
});

describe('--cache', { timeout: 120_000 }, () => {
  const cacheDir = () => join(repo, '.khcache');
  const stats = () => {
    let got: { hits: number; misses: number } | null = null;
    return { onCache: (s: { hits: number; misses: number } | null) => void (got = s), get: () => got };
  };

  it('cold then warm: same report; the warm run reads nothing; .khcache is not linted', async () => {
    rmSync(cacheDir(), { recursive: true, force: true });
    const plain = await runLint();
    const cold = stats();
    const first = await runLint({ cache: true, onCache: cold.onCache });
    expect(first.out).toBe(plain.out);
    expect(cold.get()).toEqual({ hits: 0, misses: 9 });
    expect(readdirSync(cacheDir())).toEqual(['lint-cache.pack']);
    expect(packEntries(cacheDir())).toHaveLength(8); // hỏng.pdf could not be read: not cached
    const warm = stats();
    const second = await runLint({ cache: true, onCache: warm.onCache });
    expect(second.out).toBe(plain.out);
    expect(warm.get()).toEqual({ hits: 8, misses: 1 });
  });

  it('a changed file is read again, the others come from the cache, the cross-file pass runs on all', async () => {
    const path = join(repo, 'van-ban/2024/003_4648be2b9eb23052.txt');
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, before.replace('1303/BLĐTBXH-VBĐG', '1303/BLĐT BXH-VBĐG'));
    try {
      const warm = stats();
      const cached = await runLint({ cache: true, onCache: warm.onCache });
      expect(warm.get()).toEqual({ hits: 7, misses: 2 });
      expect(cached.out).toBe((await runLint()).out);
    } finally {
      writeFileSync(path, before);
    }
  });

  const packPath = () => join(cacheDir(), 'lint-cache.pack');
  /** The pack's lines: the header, then one per document (meta TAB messages TAB summary). */
  const packLines = () => readFileSync(packPath(), 'utf8').split('\n').filter(Boolean);
  const lineOf = (lines: string[], file: string) =>
    lines.findIndex((l) => l.startsWith(JSON.stringify({ path: join(repo, file) }).slice(0, -1)));

  it('a line edited by hand, a truncated one and one made under another run key are ignored, never trusted', async () => {
    const plain = await runLint();
    rmSync(cacheDir(), { recursive: true, force: true });
    await runLint({ cache: true });
    const lines = packLines();
    // Edited: a message changed, the checksum left as it was.
    const edited = lineOf(lines, 'van-ban/khac/ban-sao-1.txt');
    expect(edited).toBeGreaterThan(0);
    const [meta, messages, summary] = lines[edited]!.split('\t');
    const list = JSON.parse(messages!) as { message: string }[];
    expect(list.length).toBeGreaterThan(0);
    list[0]!.message = 'SỬA TAY';
    lines[edited] = [meta, JSON.stringify(list), summary].join('\t');
    // Made under another key (another kh version, other settings) with its own consistent
    // checksum, and a finding of its own: the checksum covers the key, so it does not hold here.
    const foreign = lineOf(lines, 'van-ban/2024/002_06484e6e4818e0d7.txt');
    const [fMeta, fMessages, fSummary] = lines[foreign]!.split('\t');
    const fParsed = JSON.parse(fMeta!) as {
      path: string;
      content: string;
      messagesHash: string;
      checksum: string;
    };
    const otherMessages = JSON.stringify([{ ...(JSON.parse(fMessages!) as object[])[0], message: 'KH CŨ' }]);
    const otherKey = createHash('sha256').update('another version').digest('hex');
    fParsed.messagesHash = createHash('sha512-256').update(otherMessages).digest('hex');
    fParsed.checksum = createHash('sha512-256')
      .update(`${otherKey}\0${fParsed.path}\0${fParsed.content}\0\0${fParsed.messagesHash}\0${fSummary}`)
      .digest('hex');
    lines[foreign] = [JSON.stringify(fParsed), otherMessages, fSummary].join('\t');
    // Truncated.
    const truncated = lineOf(lines, 'van-ban/2024/004_a5398dc3df371b71.txt');
    lines[truncated] = lines[truncated]!.slice(0, 200);
    writeFileSync(packPath(), `${lines.join('\n')}\n`);
    const s = stats();
    const run = await runLint({ cache: true, onCache: s.onCache });
    expect(run.out).toBe(plain.out);
    expect(run.out).not.toContain('SỬA TAY');
    expect(run.out).not.toContain('KH CŨ');
    expect(s.get()).toEqual({ hits: 5, misses: 4 });
    // Rewritten by the run: the next one uses them again.
    const again = stats();
    expect((await runLint({ cache: true, onCache: again.onCache })).out).toBe(plain.out);
    expect(again.get()).toEqual({ hits: 8, misses: 1 });
  });

  it('a pack written by another kh version (another header) is ignored as a whole and replaced', async () => {
    const lines = packLines();
    const header = JSON.parse(lines[0]!) as { khVersion: string };
    writeFileSync(
      packPath(),
      `${[JSON.stringify({ ...header, khVersion: '0.0.1' }), ...lines.slice(1)].join('\n')}\n`,
    );
    const s = stats();
    await runLint({ cache: true, onCache: s.onCache });
    expect(s.get()).toEqual({ hits: 0, misses: 9 });
    expect(JSON.parse(packLines()[0]!)).toEqual(header);
  });

  it('other settings, another language: the entries do not match', async () => {
    const s = stats();
    await runLint({ cache: true, rule: ['repeated-phrase:error'], onCache: s.onCache });
    expect(s.get()).toEqual({ hits: 0, misses: 9 });
    const c = capture();
    let en: { hits: number; misses: number } | null = null;
    await lint({ ...c.ctx, lang: 'en' }, ['van-ban'], {
      format: 'json',
      cwd: repo,
      today: TODAY,
      langExplicit: true,
      cache: true,
      cacheLocation: 'elsewhere',
      onCache: (x) => void (en = x),
      progress: { isTTY: false, write: () => true },
    });
    expect(en).toEqual({ hits: 0, misses: 9 });
    expect(packEntries(join(repo, 'elsewhere'))).toHaveLength(8);
  });
});

describe('--changed-since with --cache', { timeout: 120_000 }, () => {
  it("the changed file's cross-file findings against unchanged files come from their cached summaries", async () => {
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=kh', '-c', 'user.email=kh@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        { cwd: repo, encoding: 'utf8' },
      );
    writeFileSync(join(repo, '.gitignore'), '.khcache/\nelsewhere/\n*.json\n');
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    await runLint({ cache: true }); // warm
    const path = join(repo, 'van-ban/khac/ban-sao-3.txt');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nTổ chức các các hoạt động.\n`);
    const whole = JSON.parse((await runLint()).out) as { filePath: string; messages: { ruleId: string }[] }[];
    const expected = whole.find((r) => r.filePath === 'van-ban/khac/ban-sao-3.txt')!;
    expect(expected.messages.some((m) => m.ruleId === 'citation-consistency')).toBe(true);
    const changed = JSON.parse((await runLint({ changedSince: 'main', cache: true })).out) as typeof whole;
    expect(changed).toEqual([expected]);
    // Without the cache only the changed file is known: its cross-file findings need the others.
    const alone = JSON.parse((await runLint({ changedSince: 'main' })).out) as typeof whole;
    expect(alone.map((r) => r.filePath)).toEqual(['van-ban/khac/ban-sao-3.txt']);
    expect(alone[0]!.messages.some((m) => m.ruleId === 'citation-consistency')).toBe(false);
  });
});
