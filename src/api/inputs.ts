/**
 * Inputs → the files a command reads: files as given, directories walked (depth first, sorted by
 * name, node_modules, .git and .khcache skipped), globs matched (tinyglobby). Directories and globs pick the
 * extensions of the input-format table (src/parse/formats.ts). An input that yields nothing, or a
 * directory that cannot be read, becomes a target with a `fatal` message instead of a file.
 */
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { systemReasonMessage, type Lang } from '../util/errors.js';
import { extensionListMessage, isDiscoverable } from '../parse/formats.js';
import { t } from '../i18n/index.js';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.khcache']);

/** One thing to read: a file, or an input that failed before reading (`fatal`: why, localized). */
export interface Target {
  filePath: string;
  fatal?: string;
}

/**
 * Files under `dir` (shown as `shown`), sorted by name, depth first. A directory that cannot be
 * read becomes a fatal target naming it (the rest of the walk goes on).
 */
function walk(dir: string, shown: string, out: Target[], lang: Lang): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch (error) {
    out.push({
      filePath: shown,
      fatal: t(lang, 'lint.unreadable-dir', {
        reason: systemReasonMessage((error as NodeJS.ErrnoException).code),
      }),
    });
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name), join(shown, entry.name), out, lang);
    } else if (entry.isFile() && isDiscoverable(entry.name)) {
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
export async function expandInputs(
  inputs: readonly string[],
  base: string,
  lang: Lang,
  cwd: string,
): Promise<Target[]> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const shownPath = (path: string) =>
    isAbsolute(path) || base === cwd ? path : relative(cwd, resolve(base, path)) || '.';
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
      if (found.length === 0)
        targets.push({
          filePath: shown,
          fatal: t(lang, 'lint.empty-dir', { extensions: extensionListMessage('list.or-hay') }),
        });
      for (const target of found) {
        if (target.fatal) targets.push(target);
        else add(target.filePath);
      }
    } else if (info || !(await isGlob(input))) {
      add(shown); // a file (any extension: an unsupported one is reported by the reader), or a missing path
    } else {
      const { glob } = await import('tinyglobby');
      const matches = (
        await glob(input, {
          cwd: base,
          onlyFiles: true,
          ignore: ['**/node_modules/**', '**/.git/**', '**/.khcache/**'],
          expandDirectories: false,
        })
      )
        .filter(isDiscoverable)
        .sort();
      if (matches.length === 0)
        targets.push({
          filePath: input,
          fatal: t(lang, 'lint.no-match', { extensions: extensionListMessage('list.or-hay') }),
        });
      for (const match of matches) add(shownPath(match));
    }
  }
  return targets;
}

async function isGlob(input: string): Promise<boolean> {
  const { isDynamicPattern } = await import('tinyglobby');
  return isDynamicPattern(input);
}
