/**
 * A baseline for a repository that starts with many findings, in the shape of ESLint 9's
 * eslint-suppressions.json (eslint.org/docs/latest/use/suppressions): per file (relative to the
 * working directory, forward slashes) and rule, how many findings are accepted —
 *
 *   { "van-ban/ke-hoach-12.docx": { "citation-format": { "count": 3 } } }
 *
 * - `--suppress-all` records the run's findings (the entries of the run's files are replaced; those
 *   of other files are kept) and reports none of them.
 * - Later runs: a file's findings of a rule are hidden while there are at most `count` of them.
 *   When there are more, all of them are reported, as ESLint does: counts cannot tell the new one
 *   from the old ones, and showing all of them lets the author find it.
 * - A suppression the run no longer needs (fewer findings than counted) fails the run (exit 2,
 *   as ESLint does) unless --pass-on-unpruned-suppressions; `--prune-suppressions` lowers the
 *   counts to what remains, drops the ones at zero and the entries of files that no longer exist.
 * Unlike ESLint, every severity is suppressed, not only errors: warnings fail kh under
 * --max-warnings. Files that could not be read are never suppressed. The file is written
 * atomically (src/util/output.ts), keys sorted, so that it diffs well under version control.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { LintMessage } from '../rules/types.js';
import { fileResult, type FileResult } from '../report/types.js';
import { writeOutput } from '../util/output.js';
import { msg } from '../i18n/index.js';
import { CiError } from './errors.js';
import { shardKey } from './shard.js';

export const DEFAULT_SUPPRESSIONS_FILE = 'kh-suppressions.json';

const suppressionsSchema = z.record(
  z.string().min(1),
  z.record(z.string().min(1), z.object({ count: z.number().int().positive() }).strict()),
);
export type Suppressions = z.infer<typeof suppressionsSchema>;

/**
 * The suppressions in `path` (named `shown` in messages); {} when the file does not exist.
 * Throws CiError when it cannot be read or is not valid.
 */
export function loadSuppressions(path: string, shown = path): Suppressions {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new CiError('suppressions-unreadable', { file: shown, code }, error);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CiError('suppressions-not-json', { file: shown }, error);
  }
  const parsed = suppressionsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join(' › ') ?? '';
    throw new CiError('suppressions-malformed', {
      file: shown,
      where: where || msg('ci.error.suppressions-root'),
    });
  }
  return parsed.data;
}

function countByRule(messages: readonly LintMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  return counts;
}

function sorted(suppressions: Suppressions): Suppressions {
  const out: Suppressions = {};
  for (const file of Object.keys(suppressions).sort()) {
    const rules = suppressions[file]!;
    const ids = Object.keys(rules).sort();
    if (ids.length === 0) continue;
    out[file] = {};
    for (const id of ids) out[file][id] = { count: rules[id]!.count };
  }
  return out;
}

export interface Applied {
  results: FileResult[];
  /** Findings hidden by the suppressions. */
  suppressed: number;
  /** Suppressions of the run's files that no findings used (file → rule → unused count). */
  unused: Suppressions;
}

/** Hides the suppressed findings of `results` (read files only; counts recomputed). */
export function applySuppressions(
  results: readonly FileResult[],
  suppressions: Suppressions,
  cwd: string,
): Applied {
  let suppressed = 0;
  const unused: Suppressions = {};
  const out = results.map((result) => {
    if (result.fatal) return result;
    const key = shardKey(result.filePath, cwd);
    const entry = suppressions[key];
    if (!entry) return result;
    const counts = countByRule(result.messages);
    const hidden = new Set<string>();
    for (const [ruleId, { count }] of Object.entries(entry)) {
      const found = counts.get(ruleId) ?? 0;
      if (found <= count) {
        hidden.add(ruleId);
        suppressed += found;
        if (found < count) (unused[key] ??= {})[ruleId] = { count: count - found };
      }
    }
    if (hidden.size === 0) return result;
    return fileResult(
      result.filePath,
      result.messages.filter((m) => !hidden.has(m.ruleId)),
    );
  });
  return { results: out, suppressed, unused };
}

/** `--suppress-all`: the run's findings replace the entries of the run's files. */
export function suppressAll(
  results: readonly FileResult[],
  existing: Suppressions,
  cwd: string,
): Suppressions {
  const next: Suppressions = { ...existing };
  for (const result of results) {
    if (result.fatal) continue;
    const key = shardKey(result.filePath, cwd);
    delete next[key];
    const counts = countByRule(result.messages);
    if (counts.size === 0) continue;
    next[key] = Object.fromEntries([...counts].map(([ruleId, count]) => [ruleId, { count }]));
  }
  return sorted(next);
}

/** `--prune-suppressions`: counts lowered to the run's findings; files gone from disk dropped. */
export function pruneSuppressions(
  results: readonly FileResult[],
  existing: Suppressions,
  cwd: string,
): Suppressions {
  const next: Suppressions = {};
  const inRun = new Map<string, FileResult>();
  for (const result of results) if (!result.fatal) inRun.set(shardKey(result.filePath, cwd), result);
  for (const [file, rules] of Object.entries(existing)) {
    const result = inRun.get(file);
    if (!result) {
      if (existsSync(resolve(cwd, file))) next[file] = rules;
      continue;
    }
    const counts = countByRule(result.messages);
    const kept: Suppressions[string] = {};
    for (const [ruleId, { count }] of Object.entries(rules)) {
      const remaining = Math.min(count, counts.get(ruleId) ?? 0);
      if (remaining > 0) kept[ruleId] = { count: remaining };
    }
    next[file] = kept;
  }
  return sorted(next);
}

export function writeSuppressions(
  path: string,
  suppressions: Suppressions,
  options: { cwd: string; inputs: readonly string[] },
): void {
  writeOutput(path, `${JSON.stringify(sorted(suppressions), null, 2)}\n`, options);
}

export function unusedCount(unused: Suppressions): number {
  let n = 0;
  for (const rules of Object.values(unused)) for (const { count } of Object.values(rules)) n += count;
  return n;
}
