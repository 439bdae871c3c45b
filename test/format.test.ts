/**
 * The code is formatted by Prettier (.prettierrc.json: printWidth 110; .prettierignore keeps data,
 * labels and fixtures out). `npm run format` fixes what this test reports.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from './_build.js';

const prettier = createRequire(import.meta.url).resolve('prettier/bin/prettier.cjs');

describe('formatting', () => {
  it('every source, test, bench and script file is as Prettier writes it', () => {
    const result = spawnSync(process.execPath, [prettier, '--list-different', '.'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    // --list-different prints the files Prettier would change and exits 1 if there are any.
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
