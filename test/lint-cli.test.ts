/**
 * `kh lint`, `kh rules`, `kh explain`, `kh init`.
 *
 * Part 1 runs the lint command in-process on temp files, with the Plan builder replaced by a
 * minimal one (each text node → a paragraph) and one extra test rule that throws on a marker
 * text — so exit codes, options and reporters are tested whatever the real builder does today.
 * Part 2 runs the built CLI (`node bin/kh.js`) as a user does; the cases that need findings from
 * the real builder are skipped (not passed) while it leaves the tree empty.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt } from './_build.js';
import { z } from 'zod';

vi.mock('../src/plan/build.js', async () => {
  const { minimalBuildPlan } = await import('./rules/_minimal-builder.js');
  return { buildPlan: minimalBuildPlan };
});

vi.mock('../src/rules/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/rules/index.js')>();
  const thrower = {
    meta: {
      id: 'test-thrower',
      defaultSeverity: 'info',
      description: { vi: 'thử', en: 'test' },
      docs: { vi: 'thử', en: 'test', wrong: [], right: [] },
      options: z.object({}),
      messages: {},
    },
    check(plan: { preamble: { text: string }[] }) {
      if (plan.preamble.some((p) => p.text.includes('NÉM LỖI'))) throw new Error('cố ý');
      return [];
    },
  };
  // The CLI's mechanics are tested with one text rule (the form rules need the real builder and
  // would report the stand-in plans: no header, no sections).
  const rules = [...original.rules.filter((r) => r.meta.id === 'repeated-phrase'), thrower];
  return {
    ...original,
    rules,
    ruleIds: () => rules.map((r) => r.meta.id),
    getRule: (id: string) => rules.find((r) => r.meta.id === id),
  };
});

const { run: lint } = await import('../src/cli/commands/lint.js');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/kh.js');
const tmp = mkdtempSync(join(tmpdir(), 'kh-lint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const full = join(tmp, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

const SLIP = 'Lồng ghép bình đẳng giới trong các các hoạt động của ngành.\n';
const CLEAN = 'Tổ chức thực hiện kế hoạch trên địa bàn tỉnh.\n';

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function runLint(
  inputs: string[],
  options: Partial<Parameters<typeof lint>[2]> = {},
  cwd: string,
  lang: 'vi' | 'en' = 'vi',
): Promise<Captured> {
  let out = '';
  let err = '';
  const ctx = {
    lang,
    debug: false,
    color: false,
    out: (t: string) => void (out += t),
    err: (t: string) => void (err += t),
  };
  const code = await lint(ctx, inputs, { format: 'json', cwd, ...options });
  return { code, out, err };
}

describe('kh lint in-process: exit codes, options, inputs', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = join(tmp, 'inproc');
    mkdirSync(cwd, { recursive: true });
    write('inproc/slip.txt', SLIP);
    write('inproc/clean.txt', CLEAN);
    write('inproc/throws.txt', 'Văn bản NÉM LỖI.\n');
    write('inproc/dir/a.txt', SLIP);
    write('inproc/dir/sub/b.md', CLEAN);
    write('inproc/dir/sub/notes.rtf', 'x');
    write('inproc/dir/node_modules/c.txt', SLIP);
    write('inproc/dir/.git/d.txt', SLIP);
    write('inproc/dir/~$lock.docx', 'x');
    mkdirSync(join(cwd, 'empty-dir'), { recursive: true });
  });

  it('warnings only: exit 0, the finding in the JSON', async () => {
    const { code, out } = await runLint(['slip.txt', 'clean.txt'], {}, cwd);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.map((r: { filePath: string }) => r.filePath)).toEqual(['slip.txt', 'clean.txt']);
    expect(json[0].messages).toMatchObject([
      {
        ruleId: 'repeated-phrase',
        severity: 'warning',
        line: 1,
        column: 32,
        endColumn: 39,
        excerpt: 'các các',
      },
    ]);
    expect(json[0].warningCount).toBe(1);
    expect(json[1]).toEqual({
      filePath: 'clean.txt',
      messages: [],
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      fatal: null,
    });
  });

  it('--rule id:error makes it an error: exit 1', async () => {
    const { code, out } = await runLint(['slip.txt'], { rule: ['repeated-phrase:error'] }, cwd);
    expect(code).toBe(1);
    expect(JSON.parse(out)[0].errorCount).toBe(1);
  });

  it('--max-warnings: exit 1 past the limit, with a line on stderr', async () => {
    const over = await runLint(['slip.txt', 'dir/a.txt'], { maxWarnings: 1 }, cwd);
    expect(over.code).toBe(1);
    expect(over.err).toBe('kh: 2 cảnh báo, vượt quá giới hạn --max-warnings 1\n');
    expect((await runLint(['slip.txt', 'dir/a.txt'], { maxWarnings: 2 }, cwd)).code).toBe(0);
    const bad = await runLint(['slip.txt'], { maxWarnings: 'nhiều' }, cwd);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('kh: --max-warnings "nhiều": cần một số nguyên không âm\n');
  });

  it('--quiet shows errors only', async () => {
    const { code, out } = await runLint(['slip.txt'], { quiet: true }, cwd);
    expect(code).toBe(0);
    expect(JSON.parse(out)[0]).toMatchObject({ messages: [], warningCount: 0 });
    const errors = await runLint(['slip.txt'], { quiet: true, rule: ['repeated-phrase:error'] }, cwd);
    expect(JSON.parse(errors.out)[0].messages).toHaveLength(1);
  });

  it('a directory is walked for .txt .md .docx .pdf, skipping node_modules, .git and Word lock files', async () => {
    const { out } = await runLint(['dir'], {}, cwd);
    expect(JSON.parse(out).map((r: { filePath: string }) => r.filePath)).toEqual([
      join('dir', 'a.txt'),
      join('dir', 'sub', 'b.md'),
    ]);
  });

  it('globs expand; a glob or directory with no document is a fatal entry (exit 2)', async () => {
    const { code, out } = await runLint(['dir/**/*.{txt,md}', '*.nothing', 'empty-dir'], {}, cwd);
    expect(code).toBe(2);
    const json = JSON.parse(out);
    expect(json.map((r: { filePath: string }) => r.filePath)).toEqual([
      'dir/a.txt',
      'dir/sub/b.md',
      '*.nothing',
      'empty-dir',
    ]);
    expect(json[2].fatal).toEqual({
      message: 'không có tệp .txt, .md, .docx, .doc hay .pdf nào khớp mẫu này',
    });
    expect(json[3].fatal).toEqual({ message: 'thư mục không có tệp .txt, .md, .docx, .doc hay .pdf nào' });
  });

  it('a file that cannot be read is a fatal message; the others are still linted; exit 2', async () => {
    const { code, out } = await runLint(['missing.txt', 'slip.txt', 'dir/sub/notes.rtf'], {}, cwd);
    expect(code).toBe(2);
    const json = JSON.parse(out);
    expect(json[0]).toEqual({
      filePath: 'missing.txt',
      messages: [],
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      fatal: { message: 'không tìm thấy tệp' },
    });
    expect(json[1].messages).toHaveLength(1);
    expect(json[2].fatal.message).toContain('không hỗ trợ định dạng ".rtf"');
  });

  it('a rule that throws: exit 2, one line naming the rule and the file, no report', async () => {
    const { code, out, err } = await runLint(['slip.txt', 'throws.txt'], {}, cwd);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      'kh: lỗi nội bộ ở quy tắc "test-thrower" khi kiểm tra tệp throws.txt (cố ý); hãy chạy lại với --debug và báo lỗi\n',
    );
  });

  it('-o FILE writes the report there (no colour), nothing on stdout', async () => {
    const { code, out } = await runLint(['slip.txt'], { format: 'stylish', output: 'report.txt' }, cwd);
    expect(code).toBe(0);
    expect(out).toBe('');
    const text = readFileSync(join(cwd, 'report.txt'), 'utf8');
    expect(text).toContain('  1:32  cảnh báo  Từ "các" bị gõ lặp liền nhau  repeated-phrase');
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('sarif and github formats', async () => {
    const sarif = JSON.parse((await runLint(['slip.txt'], { format: 'sarif' }, cwd)).out);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('slip.txt');
    const github = (await runLint(['slip.txt'], { format: 'github' }, cwd)).out;
    expect(github).toBe(
      '::warning file=slip.txt,line=1,col=32,endLine=1,endColumn=39,title=repeated-phrase::Từ "các" bị gõ lặp liền nhau\n',
    );
  });

  it('no inputs: the config\'s "documents"; none at all: a usage error', async () => {
    const project = join(tmp, 'project');
    write('project/van-ban/a.txt', SLIP);
    write('project/kh.config.json', JSON.stringify({ documents: ['van-ban/*.txt'], lang: 'en' }));
    mkdirSync(join(project, 'sub'), { recursive: true });
    const fromSub = await runLint([], {}, join(project, 'sub'));
    expect(fromSub.code).toBe(0);
    const json = JSON.parse(fromSub.out);
    expect(json.map((r: { filePath: string }) => r.filePath)).toEqual([join('..', 'van-ban', 'a.txt')]); // relative to the cwd
    expect(json[0].messages[0].message).toBe('The word "các" is typed twice in a row'); // config lang
    const explicit = await runLint([], { langExplicit: true }, join(project, 'sub'));
    expect(JSON.parse(explicit.out)[0].messages[0].message).toBe('Từ "các" bị gõ lặp liền nhau');

    const none = await runLint([], {}, join(tmp, 'inproc'));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^kh: cần ít nhất một tệp, thư mục hoặc mẫu glob/);
  });

  it('a bad config: one line, exit 2', async () => {
    write('badcfg/kh.config.json', '{"rules": {"repeated-frase": "error"}}');
    write('badcfg/a.txt', SLIP);
    const { code, out, err } = await runLint(['a.txt'], {}, join(tmp, 'badcfg'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `kh: ${join(tmp, 'badcfg', 'kh.config.json')}: không có quy tắc "repeated-frase" (có phải ý bạn là "repeated-phrase"?); xem danh sách bằng lệnh kh rules\n`,
    );
    const badRule = await runLint(['slip.txt'], { rule: ['nope:error'] }, cwd);
    expect(badRule.code).toBe(2);
  });

  it('config severity and options apply; --config FILE', async () => {
    write(
      'inproc/strict.json',
      JSON.stringify({ rules: { 'repeated-phrase': { severity: 'error', options: { allow: [] } } } }),
    );
    expect((await runLint(['slip.txt'], { config: 'strict.json' }, cwd)).code).toBe(1);
    write(
      'inproc/allow.json',
      JSON.stringify({ rules: { 'repeated-phrase': ['error', { allow: ['các'] }] } }),
    );
    expect((await runLint(['slip.txt'], { config: 'allow.json' }, cwd)).code).toBe(0);
    write('inproc/off.json', JSON.stringify({ rules: { 'repeated-phrase': 'off' } }));
    expect(JSON.parse((await runLint(['slip.txt'], { config: 'off.json' }, cwd)).out)[0].messages).toEqual(
      [],
    );
  });
});

// ── Part 2: the built CLI ────────────────────────────────────────────────────────────────────

function kh(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, KH_LANG: undefined, NO_COLOR: '1', KH_TODAY: undefined, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built CLI', () => {
  let cwd: string;
  let builderFillsText = false;
  beforeAll(async () => {
    expect(ensureBuilt()).toBe(true);
    cwd = join(tmp, 'built');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'slip.txt'), SLIP);
    writeFileSync(join(cwd, 'clean.txt'), CLEAN);
    // One-line snippets are not plans: only repeated-phrase runs here (the others: off).
    const ids: string[] = JSON.parse(kh(['rules', '--format', 'json'], cwd).stdout).map(
      (r: { id: string }) => r.id,
    );
    writeFileSync(
      join(cwd, 'kh.config.json'),
      JSON.stringify({
        rules: Object.fromEntries(ids.filter((id) => id !== 'repeated-phrase').map((id) => [id, 'off'])),
      }),
    );
    const probe = kh(['parse', 'clean.txt'], cwd);
    const plan = JSON.parse(probe.stdout || '{}');
    builderFillsText =
      (plan.preamble?.length ?? 0) + (plan.sections?.length ?? 0) + (plan.closing?.length ?? 0) > 0;
  }, 180_000);

  it('kh rules lists every rule with its default severity, in the chosen language', () => {
    const vi = kh(['rules'], cwd);
    expect(vi.code).toBe(0);
    expect(vi.stdout.split('\n')[0]).toMatch(/^Quy tắc\s+Mức mặc định\s+Mô tả$/);
    expect(vi.stdout).toMatch(/^repeated-phrase\s+warning\s+Cụm từ bị gõ lặp hai lần liền nhau/m);
    const en = kh(['rules', '--lang', 'en'], cwd);
    expect(en.stdout).toMatch(/^repeated-phrase\s+warning\s+A phrase typed twice in a row/m);
    const json = JSON.parse(kh(['rules', '--format', 'json'], cwd).stdout);
    expect(json.find((r: { id: string }) => r.id === 'repeated-phrase')).toEqual({
      id: 'repeated-phrase',
      defaultSeverity: 'warning',
      description: expect.stringContaining('Cụm từ'),
    });
  });

  it('kh explain RULE prints docs with examples; an unknown rule is exit 2 with the nearest id', () => {
    const ok = kh(['explain', 'repeated-phrase'], cwd, { KH_LANG: 'en' });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('repeated-phrase — A phrase typed twice in a row');
    expect(ok.stdout).toContain('Wrong:');
    expect(ok.stdout).toContain('✗ Lồng ghép nội dung bình đẳng giới trong các các hoạt động của ngành.');
    expect(ok.stdout).toContain('Right:');
    const bad = kh(['explain', 'repeat-phrase'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'kh: không có quy tắc "repeat-phrase" (có phải ý bạn là "repeated-phrase"?); xem danh sách bằng lệnh kh rules\n',
    );
  });

  it('kh init writes a valid starter config, refuses to overwrite without --force', () => {
    const dir = join(tmp, 'init');
    mkdirSync(dir, { recursive: true });
    const first = kh(['init'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Đã tạo kh\.config\.json/);
    const config = JSON.parse(readFileSync(join(dir, 'kh.config.json'), 'utf8'));
    expect(config.rules['repeated-phrase']).toMatchObject({
      severity: 'warning',
      options: { maxWords: 8, allow: [] },
    });
    writeFileSync(join(dir, 'kh.config.json'), '{"rules": {}}');
    const again = kh(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('kh: đã có tệp kh.config.json; dùng kh init --force để ghi đè\n');
    expect(readFileSync(join(dir, 'kh.config.json'), 'utf8')).toBe('{"rules": {}}');
    expect(kh(['init', '--force', '--lang', 'en'], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'kh.config.json'), 'utf8')).lang).toBe('en');
    writeFileSync(join(dir, 'a.txt'), CLEAN);
    expect(kh(['lint', 'a.txt'], dir).code).toBe(0); // the starter config is accepted by kh lint
  });

  it('exit 0 on a clean file, 2 on a missing file, a bad option or a bad --rule', () => {
    const clean = kh(['lint', 'clean.txt'], cwd);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('✔ Không phát hiện vấn đề nào (1 tệp)\n');
    const missing = kh(['lint', 'clean.txt', 'missing.txt', '--format', 'json'], cwd);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)[1].fatal).toEqual({ message: 'không tìm thấy tệp' });
    expect(kh(['lint', 'clean.txt', '--format', 'xml'], cwd).code).toBe(2);
    const badRule = kh(['lint', 'clean.txt', '--rule', 'repeated-phrase:loud'], cwd);
    expect(badRule.code).toBe(2);
    expect(badRule.stderr).toBe(
      'kh: --rule repeated-phrase: mức "loud" không hợp lệ; chọn một trong: off, info, warning, error\n',
    );
    const noInput = kh(['lint'], cwd);
    expect(noInput.code).toBe(2);
  });

  it('exit 1 on errors, through the real parser and builder', (ctx) => {
    if (!builderFillsText) ctx.skip();
    const result = kh(['lint', 'slip.txt', '--rule', 'repeated-phrase:error', '--format', 'json'], cwd);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)[0].messages[0]).toMatchObject({
      ruleId: 'repeated-phrase',
      line: 1,
      column: 32,
      excerpt: 'các các',
    });
  });
});
