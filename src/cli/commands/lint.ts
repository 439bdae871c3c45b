/**
 * `kh lint FILES|DIRS|GLOBS…`: read each document, run the configured rules, report.
 *
 * Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 fatal: a file that
 * could not be read (the others are still linted and reported), a bad configuration, a usage
 * error, or an internal error (a rule that threw — the run stops, nothing is reported as a finding).
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { CliContext } from '../../util/cli.js';
import { errorStack } from '../../util/cli.js';
import { describeError, systemReason, type Lang } from '../../util/errors.js';
import { assertNotInput, OutputError, writeOutput } from '../../util/output.js';
import { readerOptions } from '../read-options.js';
import type { Plan } from '../../plan/schema.js';
import { ConfigError, loadConfig, parseRuleOverride, resolveRules } from '../../config/index.js';
import { rules as allRules, ruleIds } from '../../rules/index.js';
import { lintPlans, RuleError } from '../../rules/engine.js';
import { createDataStore } from '../../data/store.js';
import type { LintMessage } from '../../rules/types.js';
import { fileResult, formatResults, toolVersion, totals, type FileResult, type FormatName } from '../../report/index.js';

export const LINT_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf'];
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface LintOptions {
  format: FormatName;
  output?: string | undefined;
  /** A non-negative integer (a string as typed on the command line is checked here). */
  maxWarnings?: number | string | undefined;
  quiet?: boolean | undefined;
  config?: string | undefined;
  rule?: string[] | undefined;
  /** --lang or KH_LANG was given: it wins over the config file's "lang". */
  langExplicit?: boolean | undefined;
  /** Default: process.cwd(). */
  cwd?: string | undefined;
  /** Default: KH_TODAY (YYYY-MM-DD) if set, else now. */
  today?: Date | undefined;
  /** citation-status also lists cited documents the registry does not know (info). */
  strictCitations?: boolean | undefined;
  /** Reference plans / indicator catalogues (--ref), added to the config's "references". */
  ref?: string[] | undefined;
  /** --max-file-size (e.g. "200MB"), --timeout-per-file (seconds), over the config's "limits". */
  maxFileSize?: string | undefined;
  timeoutPerFile?: string | undefined;
  /** --fix: apply certain fixes to .txt/.md files; --fix-dry-run: list them, write nothing. */
  fix?: boolean | undefined;
  fixDryRun?: boolean | undefined;
  /** Called with each file's messages before the report (kh annotate reads the fixes there). */
  onMessages?: ((messages: { filePath: string; messages: LintMessage[] }[]) => void) | undefined;
}

const T = {
  vi: {
    noInputs:
      'cần ít nhất một tệp, thư mục hoặc mẫu glob (ví dụ: kh lint van-ban/), hoặc khai báo "documents" trong kh.config.json',
    noMatch: 'không có tệp .txt, .md, .docx hay .pdf nào khớp mẫu này',
    emptyDir: 'thư mục không có tệp .txt, .md, .docx hay .pdf nào',
    unreadableDir: (reason: string) => `không đọc được thư mục (${reason}); các tệp trong đó không được kiểm tra`,
    tooManyWarnings: (n: number, max: number) => `${n} cảnh báo, vượt quá giới hạn --max-warnings ${max}`,
    badToday: (value: string) => `KH_TODAY="${value}" không phải ngày dạng YYYY-MM-DD`,
    badMaxWarnings: (value: string) => `--max-warnings "${value}": cần một số nguyên không âm`,
  },
  en: {
    noInputs: 'give at least one file, directory or glob (e.g. kh lint documents/), or set "documents" in kh.config.json',
    noMatch: 'no .txt, .md, .docx or .pdf file matches this pattern',
    emptyDir: 'the directory holds no .txt, .md, .docx or .pdf file',
    unreadableDir: (reason: string) => `cannot read the directory (${reason}); the files in it were not checked`,
    tooManyWarnings: (n: number, max: number) => `${n} warnings, more than --max-warnings ${max}`,
    badToday: (value: string) => `KH_TODAY="${value}" is not a YYYY-MM-DD date`,
    badMaxWarnings: (value: string) => `--max-warnings "${value}": expected a non-negative integer`,
  },
} satisfies Record<Lang, unknown>;

/** One thing to lint: a file to read, or an input that failed before reading (fatal). */
type Target = { filePath: string; fatal?: string };

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
        await glob(input, { cwd: base, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false })
      )
        .filter(isLintable)
        .sort();
      if (matches.length === 0) targets.push({ filePath: input, fatal: T[lang].noMatch });
      for (const match of matches) add(shownPath(match));
    }
  }
  return targets;
}

function todayFrom(env: NodeJS.ProcessEnv): Date | ConfigError {
  const value = env.KH_TODAY?.trim();
  if (!value) return new Date();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(NaN);
  if (Number.isNaN(date.getTime())) return new ConfigError({ vi: T.vi.badToday(value), en: T.en.badToday(value) });
  return date;
}

export async function run(ctx: CliContext, inputs: readonly string[], options: LintOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  let lang: Lang = ctx.lang;
  const fail = (message: string, error?: unknown) => {
    ctx.err(`kh: ${message}\n`);
    if (ctx.debug && error !== undefined) ctx.err(`${errorStack(error)}\n`);
    return 2;
  };

  let maxWarnings: number | undefined;
  if (options.maxWarnings !== undefined) {
    const raw = String(options.maxWarnings).trim();
    if (!/^\d+$/.test(raw)) return fail(T[lang].badMaxWarnings(raw));
    maxWarnings = Number(raw);
  }

  // Configuration (any problem: one line, exit 2).
  let loaded;
  let active;
  try {
    loaded = loadConfig({ cwd, configPath: options.config, knownRuleIds: ruleIds() });
    if (!options.langExplicit && loaded.config.lang) lang = loaded.config.lang;
    const overrides = (options.rule ?? []).map((value) => parseRuleOverride(value, ruleIds()));
    active = resolveRules(allRules, loaded.config, overrides, loaded.filePath);
    if (options.strictCitations) {
      active = active.map((entry) => (entry.rule.meta.id === 'citation-status' ? { ...entry, options: { ...(entry.options as Record<string, unknown>), strict: true } } : entry));
    }
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.describe(lang), error);
    throw error;
  }
  // Reference plans and catalogues (--ref, "references"): handed to the rules that take them.
  try {
    const { loadReferences } = await import('../../owners/references.js');
    const references = [
      ...(await loadReferences(options.ref ?? [], cwd)),
      ...(await loadReferences(loaded.config.references ?? [], loaded.baseDir)),
    ];
    if (references.length > 0) {
      active = active.map((a) => {
        const own = (a.options as { references?: unknown } | null)?.references;
        return Array.isArray(own) ? { ...a, options: { ...(a.options as object), references: [...references, ...own] } } : a;
      });
    }
  } catch (error) {
    const describe = (error as { describe?: (lang: Lang) => string }).describe;
    if (error instanceof Error && error.name === 'ReferenceError' && typeof describe === 'function') return fail(describe.call(error, lang), error);
    throw error;
  }
  const today = options.today ?? todayFrom(process.env);
  if (today instanceof ConfigError) return fail(today.describe(lang));

  // Inputs.
  let targets: Target[];
  if (inputs.length > 0) targets = await expandInputs(inputs, cwd, lang, cwd);
  else if (loaded.config.documents?.length) targets = await expandInputs(loaded.config.documents, loaded.baseDir, lang, cwd);
  else return fail(T[lang].noInputs);

  const reading = readerOptions(options, loaded.config.limits, lang);
  if (typeof reading === 'string') return fail(reading);
  // -o may not name an input (checked before any work, and again when writing).
  const inputPaths = [
    ...targets.filter((t) => !t.fatal).map((t) => resolve(cwd, t.filePath)),
    ...(options.ref ?? []).map((ref) => resolve(cwd, ref)),
    ...(loaded.config.references ?? []).map((ref) => resolve(loaded.baseDir, ref)),
    ...(loaded.filePath ? [loaded.filePath] : []),
  ];
  if (options.output !== undefined) {
    try {
      assertNotInput(options.output, { cwd, inputs: inputPaths });
    } catch (error) {
      if (error instanceof OutputError) return fail(error.describe(lang), error);
      throw error;
    }
  }

  // Read every document first: cross-file rules see the whole run. Each file is parsed in a
  // worker (src/workers/isolate.ts): one that is too large, too slow or crashes the parser costs
  // a fatal finding for that file only.
  const { openPlanReader } = await import('../../workers/isolate.js');
  const reader = openPlanReader(reading);
  const plans = new Map<Target, Plan>();
  const fatals = new Map<Target, string>();
  try {
    for (const target of targets) {
      if (target.fatal) {
        fatals.set(target, target.fatal);
        continue;
      }
      try {
        const plan = await reader.read(resolve(cwd, target.filePath));
        plan.source.path = target.filePath; // messages name the file as the user gave it
        plans.set(target, plan);
      } catch (error) {
        fatals.set(target, describeError(error, lang));
        if (ctx.debug) ctx.err(`kh: ${target.filePath}: ${errorStack(error)}\n`);
      }
    }
  } finally {
    await reader.close();
  }

  // Lint.
  const planList = [...plans.values()];
  let messageLists: LintMessage[][];
  try {
    const data = createDataStore({ knowledge: loaded.config.knowledge });
    messageLists = lintPlans(planList, active, { lang, today, data });
    if (options.fix || options.fixDryRun) {
      const { fixFiles } = await import('../../fix/apply.js');
      const relint = (plans: Plan[]) => lintPlans(plans, active, { lang, today, data });
      messageLists = await fixFiles(planList, messageLists, { write: Boolean(options.fix) && !options.fixDryRun, cwd, lang, relint, note: (line) => ctx.err(`${line}\n`) });
    }
  } catch (error) {
    if (error instanceof RuleError) return fail(error.describe(lang), error);
    throw error;
  }
  const byPlan = new Map(planList.map((plan, i) => [plan, messageLists[i]!]));
  options.onMessages?.(planList.map((plan, i) => ({ filePath: plan.source.path, messages: messageLists[i]! })));
  const results: FileResult[] = targets.map((target) => {
    const fatal = fatals.get(target);
    if (fatal !== undefined) return fileResult(target.filePath, [], { message: fatal });
    let messages = byPlan.get(plans.get(target)!) ?? [];
    if (options.quiet) messages = messages.filter((m) => m.severity === 'error');
    return fileResult(target.filePath, messages);
  });

  // Report.
  const text = await formatResults(options.format, results, {
    lang,
    color: ctx.color && options.output === undefined,
    cwd,
    rules: active.map((a) => a.rule),
    version: toolVersion(),
  });
  if (options.output !== undefined) {
    try {
      writeOutput(options.output, text, { cwd, inputs: inputPaths });
    } catch (error) {
      if (error instanceof OutputError) return fail(error.describe(lang), error);
      throw error;
    }
  } else {
    ctx.out(text);
  }

  const sum = totals(results);
  if (sum.fatals > 0) return 2;
  if (sum.errors > 0) return 1;
  if (maxWarnings !== undefined && sum.warnings > maxWarnings) {
    ctx.err(`kh: ${T[lang].tooManyWarnings(sum.warnings, maxWarnings)}\n`);
    return 1;
  }
  return 0;
}
