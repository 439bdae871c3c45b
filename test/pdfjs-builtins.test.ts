/**
 * pdf.js's legacy build replaces Array.prototype.push and JSON.parse process-wide (core-js);
 * src/parse/pdfjs-builtins.ts puts the engine's own back. Checked in fresh Node processes, since
 * a test worker's globals may already have been touched by another test file.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from './_build.js';

const PDF = join(ROOT, 'fixtures/000_a2bc4216fc60fd38.pdf');

/** Runs an ES module body in a new node process; returns what it printed as JSON. */
function run(body: string): Record<string, boolean> {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', body], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Record<string, boolean>;
}

describe('the engine builtins pdf.js replaces', () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  });

  it('pdf.js alone does replace them (else src/parse/pdfjs-builtins.ts is no longer needed)', () => {
    const got = run(`
      const push = Array.prototype.push, parse = JSON.parse;
      const { PDFParse } = await import('pdf-parse');
      const { readFileSync } = await import('node:fs');
      const parser = new PDFParse({ data: new Uint8Array(readFileSync(${JSON.stringify(PDF)})) });
      await parser.getText();
      await parser.destroy();
      console.log(JSON.stringify({ push: Array.prototype.push === push, parse: JSON.parse === parse }));
    `);
    expect(got).toEqual({ push: false, parse: false });
  });

  it('after kh has read a PDF, push and JSON.parse are the engine\u2019s own again', () => {
    const index = pathToFileURL(join(ROOT, 'dist/parse/index.js')).href;
    const got = run(`
      const push = Array.prototype.push, parse = JSON.parse;
      const { loadPlan } = await import(${JSON.stringify(index)});
      const plan = await loadPlan(${JSON.stringify(PDF)});
      const a = [1];
      a.push(2, 3);
      console.log(JSON.stringify({ push: Array.prototype.push === push, parse: JSON.parse === parse,
        works: a.length === 3 && JSON.parse('{"x":1}').x === 1, parsed: plan.sections.length > 0,
        added: typeof Promise.withResolvers === 'function' }));
    `);
    expect(got).toEqual({ push: true, parse: true, works: true, parsed: true, added: true });
  });
});
