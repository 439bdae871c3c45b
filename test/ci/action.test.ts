/**
 * action.yml and .pre-commit-hooks.yaml: parsed with `yaml` and validated against JSON Schemas
 * written from GitHub's and pre-commit's documentation (test/data/ci/), then checked for what a
 * schema cannot say: every expression names a declared input or an earlier step, no script
 * interpolates an expression (inputs reach scripts through env only), the hook runs the `kh` bin
 * on the files kh reads. The action's lint script itself is run with bash in a git repository,
 * the way the runner would (GITHUB_OUTPUT, GITHUB_BASE_REF), against this checkout's kh.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../_build.js';

const schemaOf = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test/data/ci', name), 'utf8'));
const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
  id: string;
  entry: string;
  files: string;
  language: string;
}[];

/** `${{ … }}` expressions of a value (string or nested object). */
function expressions(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!.trim());
  if (value && typeof value === 'object') return Object.values(value).flatMap(expressions);
  return [];
}

describe('action.yml', () => {
  it('validates against the metadata schema (composite action)', () => {
    const validate = ajv.compile(schemaOf('github-action.schema.json'));
    expect(validate(action), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema itself refuses what GitHub refuses: a run step without shell, a missing description.
    const broken = structuredClone(action);
    delete broken.runs.steps.find((s) => s.run)!.shell;
    expect(validate(broken)).toBe(false);
    const noDescription = structuredClone(action) as unknown as Record<string, unknown>;
    delete noDescription.description;
    expect(validate(noDescription)).toBe(false);
  });

  it('every expression names a declared input, a step before it, or a runner context', () => {
    const ids: string[] = [];
    for (const step of action.runs.steps) {
      for (const expression of expressions(step)) {
        for (const [, input] of expression.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g))
          expect(Object.keys(action.inputs)).toContain(input);
        for (const [, id] of expression.matchAll(/\bsteps\.([A-Za-z0-9_-]+)\./g)) expect(ids).toContain(id);
        expect(expression).toMatch(/^(?:[\s\S]*\b(?:inputs|steps|github|always)\b[\s\S]*)$/);
      }
      if (step.id) ids.push(step.id);
    }
    for (const output of Object.values(action.outputs)) {
      for (const [, id] of expressions(output.value)
        .join(' ')
        .matchAll(/\bsteps\.([A-Za-z0-9_-]+)\./g))
        expect(ids).toContain(id);
    }
  });

  it('scripts never interpolate expressions (inputs reach them through env)', () => {
    const scripts = action.runs.steps.filter((s) => s.run);
    expect(scripts.length).toBeGreaterThan(0);
    for (const step of scripts) expect(step.run).not.toContain('${{');
  });

  it('sets up node, installs kh, uploads SARIF to code scanning, annotates through --format github', () => {
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean);
    expect(uses.some((u) => u!.startsWith('actions/setup-node@'))).toBe(true);
    expect(uses.some((u) => u!.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    expect(lint.run).toContain('--changed-since');
    expect(lint.run).toContain('--format sarif');
    expect(lint.run).toContain('--format github');
  });
});

describe("action.yml's lint script, run by bash as the runner would", { timeout: 120_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kh-action-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const repo = join(tmp, 'repo');
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=kh', '-c', 'user.email=kh@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      { cwd: repo, encoding: 'utf8' },
    );
  const doc = (slips: number) =>
    `Kế hoạch.\n\n${'Tổ chức thực hiện các các nhiệm vụ trên địa bàn.\n\n'.repeat(slips)}Tổ chức thực hiện kế hoạch.\n`;
  const script = action.runs.steps.find((s) => s.id === 'lint')!.run!;

  function runStep(env: Record<string, string>) {
    const output = join(tmp, `output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(output, '');
    const result = spawnSync('bash', ['-c', script], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        KH_TODAY: '2026-12-01',
        KH: join(ROOT, 'bin/kh.js'),
        KH_FILES: 'docs',
        KH_CHANGED_SINCE: '',
        KH_SARIF: 'kh.sarif',
        KH_ANNOTATE: 'true',
        KH_ARGS: '',
        KH_CONFIG: '',
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: tmp,
        ...env,
      },
    });
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    return { ...result, outputs };
  }

  it('on a pull request: lints the changed files, writes SARIF, prints annotations, reports the exit code', () => {
    expect(ensureBuilt()).toBe(true);
    mkdirSync(join(repo, 'docs'), { recursive: true });
    writeFileSync(join(repo, 'docs/a.txt'), doc(1));
    writeFileSync(join(repo, 'docs/b.txt'), doc(2));
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('remote', 'add', 'origin', repo);
    git('checkout', '-q', '-b', 'pr');
    writeFileSync(join(repo, 'docs/b.txt'), doc(3));
    const pr = runStep({ GITHUB_BASE_REF: 'main' });
    expect(pr.status).toBe(0); // the step itself never fails: the last step does
    expect(pr.outputs['exit-code']).toBe('0'); // warnings only
    expect(pr.outputs['sarif-file']).toBe('kh.sarif');
    const log = JSON.parse(readFileSync(join(repo, 'kh.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    const uris = new Set(
      log.runs[0].results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    );
    expect([...uris]).toEqual(['docs/b.txt']);
    expect(
      log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'repeated-phrase'),
    ).toHaveLength(3);
    const annotations = pr.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(
      annotations.filter(
        (l) => l.startsWith('::warning file=docs/b.txt,') && l.includes('title=repeated-phrase'),
      ),
    ).toHaveLength(3);
    expect(annotations.some((l) => l.includes('docs/a.txt'))).toBe(false);
  });

  it('elsewhere: every file; args reach kh lint; a usage error is exit code 2 without SARIF', () => {
    rmSync(join(repo, 'kh.sarif'), { force: true });
    const all = runStep({ KH_CHANGED_SINCE: 'none', KH_ARGS: '--max-warnings\n0', KH_ANNOTATE: 'false' });
    expect(all.outputs['exit-code']).toBe('1'); // warnings > 0
    const log = JSON.parse(readFileSync(join(repo, 'kh.sarif'), 'utf8'));
    expect(
      log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'repeated-phrase'),
    ).toHaveLength(4);
    expect(all.stdout).not.toContain('::warning');
    rmSync(join(repo, 'kh.sarif'), { force: true });
    const bad = runStep({ KH_CHANGED_SINCE: 'no-such-ref' });
    expect(bad.outputs['exit-code']).toBe('2');
    expect(bad.outputs['sarif-file']).toBeUndefined();
    expect(bad.stderr).toContain('"no-such-ref"');
  });
});

describe('README "In CI"', () => {
  it('its workflow examples are valid YAML and use options kh has', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## In CI'), readme.indexOf('## Development'));
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) expect(() => parse(block)).not.toThrow();
    const help = spawnSync(process.execPath, [join(ROOT, 'bin/kh.js'), '--lang', 'en', 'lint', '--help'], {
      encoding: 'utf8',
    }).stdout;
    for (const option of new Set(
      [...section.matchAll(/kh lint [^\n]*/g)].flatMap((m) => m[0].match(/--[a-z-]+/g) ?? []),
    ))
      expect(help).toContain(option);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('validates against the hook manifest schema', () => {
    const validate = ajv.compile(schemaOf('pre-commit-hooks.schema.json'));
    expect(validate(hooks), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate([{ id: 'x', name: 'x', entry: 'x' }])).toBe(false); // no language
  });

  it('runs the kh bin of package.json on the files kh reads', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    for (const hook of hooks) {
      expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
      expect(hook.language).toBe('node');
      // pre-commit uses Python regexes; a leading (?i) is the i flag.
      const pattern = new RegExp(
        hook.files.replace(/^\(\?i\)/, ''),
        hook.files.startsWith('(?i)') ? 'i' : '',
      );
      expect(pattern.test('van-ban/ke-hoach.md')).toBe(true);
      expect(pattern.test('van-ban/KE-HOACH.TXT')).toBe(true);
      expect(pattern.test('kh.config.json')).toBe(false);
      if (hook.id === 'kh-lint') {
        expect(pattern.test('a/b.docx')).toBe(true);
        expect(pattern.test('a/b.PDF')).toBe(true);
      }
    }
  });
});
