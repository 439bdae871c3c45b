/**
 * `kh diff OLD NEW`: what changed between two plans, by structure (src/diff).
 *
 * OLD and NEW are files kh parses (any mix of .txt/.md/.docx/.pdf), or two plan years
 * (`kh diff 2023 2024`): the documents under --dir (default: the config's "documents" globs, else
 * the current directory) are read, and the plan of each year is chosen by issuer and subject.
 * Exit codes: 0 the report was written (whatever it says); 2 bad input or no single pair found.
 */
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Plan } from '../../plan/schema.js';
import type { CliContext } from '../../util/cli.js';
import { errorStack } from '../../util/cli.js';
import { describeError, type Lang } from '../../util/errors.js';
import type { OwnerResolver } from '../../diff/compute.js';
import { dice, fold, words } from '../../diff/text.js';
import { assertNotInput, OutputError, writeOutput } from '../../util/output.js';
import { readerOptions } from '../read-options.js';
import type { PlanReader } from '../../workers/isolate.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions {
  format: DiffFormat;
  output?: string | undefined;
  dir?: string | undefined;
  issuer?: string | undefined;
  config?: string | undefined;
  maxFileSize?: string | undefined;
  timeoutPerFile?: string | undefined;
  /** For tests: where relative paths start (default process.cwd()). */
  cwd?: string;
}

const T = {
  vi: {
    noYear: (year: string, found: string) => `không có kế hoạch nào của năm ${year} trong các văn bản đã đọc${found ? ` (các năm tìm thấy: ${found})` : ' (không văn bản nào có năm kế hoạch)'}`,
    several: (year: string) => `có nhiều kế hoạch của năm ${year}; hãy chỉ rõ tệp (kh diff cũ.docx mới.docx) hoặc dùng --issuer:`,
    noPair: (a: string, b: string) => `không ghép được kế hoạch năm ${a} với kế hoạch năm ${b} (khác cơ quan ban hành hoặc nội dung); hãy chỉ rõ tệp hoặc dùng --issuer:`,
    noDocs: (where: string) => `không tìm thấy văn bản nào (.txt, .md, .docx, .pdf) trong ${where}`,
    written: (file: string) => `đã ghi ${file}\n`,
    notFound: 'không tìm thấy tệp',
  },
  en: {
    noYear: (year: string, found: string) => `no plan of year ${year} among the documents read${found ? ` (years found: ${found})` : ' (none has a plan year)'}`,
    several: (year: string) => `several plans of year ${year}; give the files (kh diff old.docx new.docx) or use --issuer:`,
    noPair: (a: string, b: string) => `cannot pair a ${a} plan with a ${b} plan (different issuer or subject); give the files or use --issuer:`,
    noDocs: (where: string) => `no document (.txt, .md, .docx, .pdf) found in ${where}`,
    written: (file: string) => `wrote ${file}\n`,
    notFound: 'file not found',
  },
} satisfies Record<Lang, Record<string, unknown>>;

const YEAR = /^(19|20)\d{2}$/;

export async function run(ctx: CliContext, oldArg: string, newArg: string, options: DiffOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const fail = (message: string, error?: unknown) => {
    ctx.err(`kh: ${message}\n`);
    if (ctx.debug && error) ctx.err(`${errorStack(error)}\n`);
    return 2;
  };
  const reading = readerOptions(options, undefined, ctx.lang);
  if (typeof reading === 'string') return fail(reading);
  const { openPlanReader } = await import('../../workers/isolate.js');
  const reader = openPlanReader(reading);
  try {
    return await compare(ctx, oldArg, newArg, options, cwd, reader, fail);
  } finally {
    await reader.close();
  }
}

async function compare(
  ctx: CliContext,
  oldArg: string,
  newArg: string,
  options: DiffOptions,
  cwd: string,
  reader: PlanReader,
  fail: (message: string, error?: unknown) => number,
): Promise<number> {
  const t = T[ctx.lang];
  let oldPlan: Plan;
  let newPlan: Plan;
  const yearMode = YEAR.test(oldArg) && YEAR.test(newArg) && !existsSync(resolve(cwd, oldArg)) && !existsSync(resolve(cwd, newArg));
  const inputs: string[] = [];
  const checkOutput = () => {
    if (options.output) assertNotInput(options.output, { cwd, inputs });
  };
  if (yearMode) {
    const found = await plansByYear(ctx, cwd, options, reader, inputs);
    if (typeof found === 'string') return fail(found);
    const picked = pickPair(found, Number(oldArg), Number(newArg), options.issuer, ctx.lang);
    if (typeof picked === 'string') return fail(picked);
    [oldPlan, newPlan] = picked;
  } else {
    const plans: Plan[] = [];
    inputs.push(resolve(cwd, oldArg), resolve(cwd, newArg));
    try {
      checkOutput();
    } catch (error) {
      if (error instanceof OutputError) return fail(error.describe(ctx.lang), error);
      throw error;
    }
    for (const file of [oldArg, newArg]) {
      try {
        plans.push(await reader.read(resolve(cwd, file)));
        plans[plans.length - 1]!.source.path = file;
      } catch (error) {
        return fail(`${file}: ${describeError(error, ctx.lang)}`, error);
      }
    }
    [oldPlan, newPlan] = plans as [Plan, Plan];
  }

  const { computeDiff } = await import('../../diff/compute.js');
  const report = computeDiff(oldPlan, newPlan, { resolveOwner: await registryResolver() });
  let text: string;
  const fmt = await import('../../diff/format.js');
  switch (options.format) {
    case 'json':
      text = fmt.formatJson(report);
      break;
    case 'markdown':
      text = fmt.formatMarkdown(report, ctx.lang);
      break;
    case 'html': {
      const { formatHtml } = await import('../../diff/html.js');
      text = formatHtml(report, oldPlan, newPlan, ctx.lang);
      break;
    }
    default: {
      const { Chalk } = await import('chalk');
      text = fmt.formatText(report, ctx.lang, new Chalk({ level: ctx.color && !options.output ? 1 : 0 }));
    }
  }
  if (options.output) {
    try {
      writeOutput(options.output, text, { cwd, inputs });
    } catch (error) {
      if (error instanceof OutputError) return fail(error.describe(ctx.lang), error);
      throw error;
    }
    ctx.err(t.written(options.output));
  } else ctx.out(text);
  return 0;
}

/**
 * Agencies through the agency registry (the shipped knowledge base: `resolveAgency(name)` →
 * `{ key }`, `successorsOf(key)`): a renamed or merged agency is matched with its successor.
 * Unknown agencies keep the tree's ownerKey. Without the registry module: ownerKey only.
 */
export async function registryResolver(): Promise<OwnerResolver | undefined> {
  try {
    const [{ knowledgeBaseOf }, { builtinData }] = await Promise.all([import('../../domain/knowledge-base.js'), import('../../data/store.js')]);
    const kb = knowledgeBaseOf(builtinData);
    return {
      key: (assignment) => {
        const hit = kb.resolveAgency(assignment.owner);
        return hit ? `registry:${hit.key}` : assignment.ownerKey;
      },
      successors: (key) => (key.startsWith('registry:') ? kb.successorsOf(key.slice('registry:'.length)).map((s) => `registry:${s.agency.key}`) : []),
    };
  } catch {
    return undefined;
  }
}

interface Candidate {
  plan: Plan;
  year: number;
}

async function plansByYear(ctx: CliContext, cwd: string, options: DiffOptions, reader: PlanReader, readPaths: string[]): Promise<Candidate[] | string> {
  const t = T[ctx.lang];
  const { expandInputs } = await import('./lint.js');
  let inputs: string[] = [options.dir ?? '.'];
  let base = cwd;
  if (!options.dir) {
    const { loadConfig, ConfigError } = await import('../../config/index.js');
    const { ruleIds } = await import('../../rules/index.js');
    try {
      const loaded = loadConfig({ cwd, configPath: options.config, knownRuleIds: ruleIds() });
      if (loaded.config.documents?.length) {
        inputs = loaded.config.documents;
        base = loaded.baseDir;
      }
    } catch (error) {
      if (error instanceof ConfigError) return error.describe(ctx.lang);
      throw error;
    }
  }
  const targets = (await expandInputs(inputs, base, ctx.lang, cwd)).filter((x) => !x.fatal);
  if (targets.length === 0) return t.noDocs(inputs.join(', '));
  for (const target of targets) readPaths.push(resolve(cwd, target.filePath));
  // The same document saved in several formats (000.txt, 000.docx, 000.pdf) is one candidate:
  // keep one file per path-without-extension, preferring .docx, then text, then .pdf.
  const rank = (path: string) => ['.docx', '.txt', '.md', '.markdown', '.pdf'].indexOf(extname(path).toLowerCase());
  const byStem = new Map<string, string>();
  for (const target of targets) {
    const stem = target.filePath.slice(0, target.filePath.length - extname(target.filePath).length);
    const kept = byStem.get(stem);
    if (kept === undefined || rank(target.filePath) < rank(kept)) byStem.set(stem, target.filePath);
  }
  const kept = new Set(byStem.values());
  const out: Candidate[] = [];
  for (const target of targets.filter((x) => kept.has(x.filePath))) {
    try {
      const plan = await reader.read(resolve(cwd, target.filePath));
      plan.source.path = target.filePath;
      if (plan.meta.planYear !== null && plan.meta.isPlan) out.push({ plan, year: plan.meta.planYear });
    } catch {
      // unreadable documents are not candidates
    }
  }
  return out;
}

function describe(c: Candidate): string {
  const m = c.plan.meta;
  return `  ${c.year}  ${c.plan.source.path}: ${m.issuer ?? '—'} — ${m.title ?? '—'}`;
}

/**
 * The pair of plans to compare: candidates of each year (filtered by --issuer), paired when they
 * have the same issuer and similar titles (Dice on title words, year numbers left out). One
 * plausible pair → it; a single plan each year → them; anything else → the list, exit 2.
 */
export function pickPair(all: Candidate[], oldYear: number, newYear: number, issuer: string | undefined, lang: Lang): [Plan, Plan] | string {
  const t = T[lang];
  const matchesIssuer = (c: Candidate) => !issuer || fold(c.plan.meta.issuer ?? '').includes(fold(issuer));
  const years = [...new Set(all.map((c) => c.year))].sort();
  const olds = all.filter((c) => c.year === oldYear && matchesIssuer(c));
  const news = all.filter((c) => c.year === newYear && matchesIssuer(c));
  if (olds.length === 0) return t.noYear(String(oldYear), years.join(', '));
  if (news.length === 0) return t.noYear(String(newYear), years.join(', '));
  if (olds.length === 1 && news.length === 1) return [olds[0]!.plan, news[0]!.plan];
  const titleWords = (c: Candidate) => new Set(words(c.plan.meta.title ?? '').filter((w) => !/^\d+$/.test(w)));
  const plausible: [Candidate, Candidate, number][] = [];
  for (const o of olds) {
    for (const n of news) {
      if (fold(o.plan.meta.issuer ?? '') !== fold(n.plan.meta.issuer ?? '')) continue;
      const score = dice(titleWords(o), titleWords(n));
      if (score >= 0.6) plausible.push([o, n, score]);
    }
  }
  if (plausible.length === 1) return [plausible[0]![0].plan, plausible[0]![1].plan];
  const list = [...olds, ...news].map(describe).join('\n');
  if (plausible.length === 0 && (olds.length === 1 || news.length === 1)) return `${t.noPair(String(oldYear), String(newYear))}\n${list}`;
  const year = olds.length > 1 ? oldYear : newYear;
  return `${t.several(String(year))}\n${list}`;
}
