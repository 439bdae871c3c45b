/**
 * Inputs → the files a command reads: files as given, directories walked (depth first, sorted by
 * name, node_modules and .git skipped), globs matched (tinyglobby). An input that yields nothing,
 * or a directory that cannot be read, becomes a target with a `fatal` message instead of a file.
 * (Moved from src/cli/commands/lint.ts for src/api/lint.ts; the api helper's src/api/inputs.ts
 * has the same exports and supersedes this one.)
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { systemReason, type Lang } from '../util/errors.js';

export const LINT_EXTENSIONS = ['.txt', '.md', '.docx', '.doc', '.pdf'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.khcache']);

const T = {
  vi: {
    noMatch: 'không có tệp .txt, .md, .docx, .doc hay .pdf nào khớp mẫu này',
    emptyDir: 'thư mục không có tệp .txt, .md, .docx, .doc hay .pdf nào',
    unreadableDir: (reason: string) => `không đọc được thư mục (${reason}); các tệp trong đó không được kiểm tra`,
  },
  en: {
    noMatch: 'no .txt, .md, .docx, .doc or .pdf file matches this pattern',
    emptyDir: 'the directory holds no .txt, .md, .docx, .doc or .pdf file',
    unreadableDir: (reason: string) => `cannot read the directory (${reason}); the files in it were not checked`,
  },
} satisfies Record<Lang, unknown>;

/** One thing to read: a file, or an input that failed before reading (`fatal`: why, localized). */
export interface Target {
  filePath: string;
  fatal?: string;
}

function isLintable(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return LINT_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.startsWith('~$');
}

/**
 * Files under `dir` (shown as `shown`), sorted by name, depth first. A directory that cannot be
 * read becomes a fatal target naming it (the rest of the walk goes on).
 */
function walk(dir: string, shown: string, out: Target[], lang: Lang): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    out.push({ filePath: shown, fatal: T[lang].unreadableDir(systemReason((error as NodeJS.ErrnoException).code, lang)) });
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name), join(shown, entry.name), out, lang);
    } else if (entry.isFile() && isLintable(entry.name)) {
      out.push({ filePath: join(shown, entry.name) });
    }
  }
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Expands inputs (relative to `base`: the working directory for the command line, the config
 * file's directory for "documents") into files, in order, without duplicates. Paths are shown
 * relative to `cwd` when they were given relative.
 */
export async function expandInputs(inputs: readonly string[], base: string, lang: Lang, cwd: string): Promise<Target[]> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const shownPath = (path: string) => (isAbsolute(path) || base === cwd ? path : relative(cwd, resolve(base, path)) || '.');
  const add = (filePath: string) => {
    const key = resolve(cwd, filePath);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ filePath });
  };
  for (const input of inputs) {
    const absolute = resolve(base, input);
    const shown = shownPath(input);
    const info = statOf(absolute);
    if (info?.isDirectory()) {
      const found: Target[] = [];
      walk(absolute, shown, found, lang);
      if (found.length === 0) targets.push({ filePath: shown, fatal: T[lang].emptyDir });
      for (const target of found) {
        if (target.fatal) targets.push(target);
        else add(target.filePath);
      }
    } else if (info || !isDynamicPattern(input)) {
      add(shown); // a file (any extension: an unsupported one is reported by the reader), or a missing path
    } else {
      const matches = (
        await glob(input, { cwd: base, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**', '**/.khcache/**'], expandDirectories: false })
      )
        .filter(isLintable)
        .sort();
      if (matches.length === 0) targets.push({ filePath: input, fatal: T[lang].noMatch });
      for (const match of matches) add(shownPath(match));
    }
  }
  return targets;
}
