/**
 * `--changed-since REF`: the files a pull request touches. What counts as changed:
 *  - every file that differs between the merge base of REF and HEAD and the working tree
 *    (`git diff --name-only --diff-filter=d <merge-base>`): the branch's commits plus uncommitted
 *    edits, staged or not, but not what landed on REF after the branch started (that is what
 *    `git diff REF...` shows, and what a PR check wants);
 *  - plus untracked files that are not ignored (`git ls-files --others --exclude-standard`): a new
 *    document not yet added is a change too (a CI checkout has none, a pre-commit run may);
 *  - deleted files are left out: there is nothing to read.
 * git runs through execFile (no shell: a ref is never interpreted by one), with -z so that paths
 * with Vietnamese letters or spaces come back verbatim rather than quoted.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { CiError } from './errors.js';

const MAX_BUFFER = 256 * 1024 * 1024;

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
  /** git itself could not be started (ENOENT: not installed). */
  spawnError?: string;
}

function git(args: readonly string[], cwd: string): Promise<GitResult> {
  return new Promise((done) => {
    execFile(
      'git',
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: MAX_BUFFER,
        windowsHide: true,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        const code = error
          ? typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : -1
          : 0;
        const spawnError =
          error && typeof (error as NodeJS.ErrnoException).code === 'string'
            ? (error as NodeJS.ErrnoException).code
            : undefined;
        done({ code, stdout, stderr, ...(spawnError ? { spawnError } : {}) });
      },
    );
  });
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';

/**
 * Absolute paths of the files changed since `ref` in the git repository that holds `cwd`.
 * Throws CiError (exit 2) when git is missing, `cwd` is not in a repository, or `ref` is unknown.
 */
export async function changedFiles(ref: string, cwd: string): Promise<Set<string>> {
  if (!ref.trim() || ref.startsWith('-')) {
    throw new CiError('changed-bad-ref', { ref });
  }
  const top = await git(['rev-parse', '--show-toplevel'], cwd);
  if (top.spawnError) {
    throw new CiError('changed-no-git', { reason: top.spawnError });
  }
  if (top.code !== 0) {
    throw new CiError('changed-not-repository', { dir: cwd, detail: firstLine(top.stderr) });
  }
  const root = top.stdout.replace(/\n$/, '');
  const verified = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  if (verified.code !== 0) {
    throw new CiError('changed-unknown-ref', { ref });
  }
  const commit = verified.stdout.trim();
  const base = await git(['merge-base', commit, 'HEAD'], cwd);
  // No common ancestor (or no HEAD yet): compare with REF itself.
  const from = base.code === 0 && base.stdout.trim() ? base.stdout.trim() : commit;
  const diff = await git(
    [
      '-c',
      'core.quotepath=false',
      'diff',
      '--name-only',
      '-z',
      '--no-renames',
      '--diff-filter=d',
      from,
      '--',
    ],
    cwd,
  );
  if (diff.code !== 0) {
    throw new CiError('changed-diff-failed', { detail: firstLine(diff.stderr) });
  }
  const untracked = await git(
    ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', ':/'],
    cwd,
  );
  if (untracked.code !== 0) {
    throw new CiError('changed-ls-files-failed', { detail: firstLine(untracked.stderr) });
  }
  const paths = new Set<string>();
  for (const list of [diff.stdout, untracked.stdout]) {
    for (const path of list.split('\0')) if (path) paths.add(resolve(root, path));
  }
  return paths;
}
