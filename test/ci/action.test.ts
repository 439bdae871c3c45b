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
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; language: string }[];

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
        for (const [, input] of expression.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)) expect(Object.keys(action.inputs)).toContain(input);
        for (const [, id] of expression.matchAll(/\bsteps\.([A-Za-z0-9_-]+)\./g)) expect(ids).toContain(id);
        expect(expression).toMatch(/^(?:[\s\S]*\b(?:inputs|steps|github|always)\b[\s\S]*)$/);
      }
      if (step.id) ids.push(step.id);
    }
    for (const output of Object.values(action.outputs)) {
      for (const [, id] of expressions(output.value).join(' ').matchAll(/\bsteps\.([A-Za-z0-9_-]+)\./g)) expect(ids).toContain(id);
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

describe('.pre-commit-hooks.yaml', () => {
  it('validates against the hook manifest schema', () => {
    const validate = ajv.compile(schemaOf('pre-commit-hooks.schema.json'));
    expect(validate(hooks), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate([{ id: 'x', name: 'x', entry: 'x' }])).toBe(false); // no language
  });

  it('runs the kh bin of package.json on the files kh reads', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    for (const hook of hooks) {
      expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
      expect(hook.language).toBe('node');
      // pre-commit uses Python regexes; a leading (?i) is the i flag.
      const pattern = new RegExp(hook.files.replace(/^\(\?i\)/, ''), hook.files.startsWith('(?i)') ? 'i' : '');
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
