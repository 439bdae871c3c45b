/**
 * The two extension tables (issue 15): a new input format is one entry of src/parse/formats.ts,
 * a new report format one entry of src/report/reporters.ts. Here a toy of each is registered
 * through the table (the test file is the one file touched) and kh is shown using it everywhere
 * the table reaches: reading, discovery in directories, error and help texts, --format choices.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerInputFormat, unregisterInputFormat } from '../src/parse/formats.js';
import { registerReporter, unregisterReporter } from '../src/report/reporters.js';
import type { FileResult } from '../src/report/types.js';

const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'fixtures/002_06484e6e4818e0d7.txt');
const tmp = mkdtempSync(join(tmpdir(), 'kh-extend-'));

// Toy input format: a plan as base64 text (".b64"), read by decoding it and handing the text to
// the text parser.
registerInputFormat({
  format: 'b64',
  extensions: ['.b64'],
  label: '.b64',
  rank: 3,
  async load(data, filePath) {
    const { parseText } = await import('../src/parse/text.js');
    const text = Buffer.from(Buffer.from(data).toString('latin1'), 'base64').toString('utf8');
    return { ...parseText(text, filePath), format: 'b64' as never };
  },
});
// Toy reporter for kh lint: one line per file, "path: errors/warnings/infos".
registerReporter('lint', {
  name: 'count',
  async load() {
    return (results: readonly FileResult[]) =>
      results.map((r) => `${r.filePath}: ${r.errorCount}/${r.warningCount}/${r.infoCount}\n`).join('');
  },
});
afterAll(() => {
  unregisterInputFormat('b64');
  unregisterReporter('lint', 'count');
  rmSync(tmp, { recursive: true, force: true });
});

mkdirSync(join(tmp, 'docs'));
writeFileSync(join(tmp, 'docs', 'plan.b64'), readFileSync(SEED).toString('base64'));
writeFileSync(join(tmp, 'docs', 'notes.rtf'), 'x');

// Imported after the registrations, as a program adding a format would be set up.
const { main } = await import('../src/cli/index.js');

async function kh(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'kh', ...args], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
    isTTY: false,
  });
  return { code, out, err };
}

describe('a toy input format, registered through the format table', () => {
  it('kh parse reads it: the same tree as the text it encodes, with its own source format', async () => {
    const toy = await kh('parse', join(tmp, 'docs', 'plan.b64'));
    const text = await kh('parse', SEED);
    expect(toy.code).toBe(0);
    const toyPlan = JSON.parse(toy.out) as {
      source: { format: string };
      sections: unknown[];
      goals: unknown[];
    };
    const textPlan = JSON.parse(text.out) as typeof toyPlan;
    expect(toyPlan.source.format).toBe('b64');
    expect(toyPlan.sections).toEqual(textPlan.sections);
    expect(toyPlan.goals).toEqual(textPlan.goals);
  });

  it('kh lint finds it in a directory and lints it', async () => {
    const { out, code } = await kh('lint', '-f', 'json', join(tmp, 'docs'));
    const results = JSON.parse(out) as { filePath: string; fatal: unknown; messages: unknown[] }[];
    expect(results.map((r) => r.filePath)).toEqual([join(tmp, 'docs', 'plan.b64')]); // notes.rtf is not looked for
    expect(results[0]!.fatal).toBeNull();
    expect(results[0]!.messages.length).toBeGreaterThan(0);
    expect(code).not.toBe(2);
  });

  it('error and help texts name it', async () => {
    const bad = await kh('--lang', 'en', 'parse', join(tmp, 'docs', 'notes.rtf'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unsupported file type ".rtf"; kh reads .txt, .md, .docx, .doc, .pdf and .b64');
    const help = await kh('--lang', 'en', '--help');
    expect(help.out.replace(/\s+/g, ' ')).toContain('from .txt/.md, .docx, .doc, .pdf or .b64');
  });
});

describe('a toy reporter, registered through the reporter table', () => {
  it('is a --format choice of kh lint, and prints the run', async () => {
    const help = await kh('--lang', 'en', 'lint', '--help');
    expect(help.out.replace(/\s+/g, ' ')).toContain(
      'choices: stylish, json, sarif, github, html, gitlab, count;',
    );
    const json = JSON.parse((await kh('lint', '-f', 'json', SEED)).out) as FileResult[];
    const counted = await kh('lint', '-f', 'count', SEED);
    expect(counted.out).toBe(
      `${SEED}: ${json[0]!.errorCount}/${json[0]!.warningCount}/${json[0]!.infoCount}\n`,
    );
  });
  it('an unknown format is still refused by commander', async () => {
    const r = await kh('--lang', 'en', 'lint', '-f', 'nope', SEED);
    expect(r.code).toBe(2);
    expect(r.err).toContain("invalid value 'nope' for '-f, --format <format>'");
  });
});
