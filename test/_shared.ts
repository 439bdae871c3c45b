/**
 * The shared material beside the repository (../shared: real documents, seeds). CI lays it beside
 * the clone; a fresh clone elsewhere has none, and the tests that need it are skipped with this
 * reason in their name instead of failing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './_build.js';

export const SHARED: string | null =
  [resolve(ROOT, '../shared'), '/work/shared'].find((dir) => existsSync(join(dir, 'corpus'))) ?? null;

/** `name` plus, when the shared corpus is missing, why the test is skipped. */
export function needsShared(name: string): string {
  return SHARED
    ? name
    : `${name} — skipped: needs ../shared/corpus beside the clone (real documents, not in the repository)`;
}
