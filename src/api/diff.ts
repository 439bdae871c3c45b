/**
 * `diffPlans` / `diffFiles`: what changed between two plans, by structure (src/diff). What
 * `kh diff` does before printing.
 *
 * diffFiles takes two files kh parses (any mix of formats), or two plan years ("2023", "2024"):
 * the documents under `dir` (default: the config's "documents" globs, else `cwd`) are read, and
 * the plan of each year is chosen by issuer and subject.
 */
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Plan } from '../plan/schema.js';
import type { DiffReport } from '../diff/model.js';
import type { OwnerResolver } from '../diff/compute.js';
import type { Lang } from '../util/errors.js';
import { copyRank } from '../parse/formats.js';
import { dice, fold, words } from '../diff/text.js';
import { DiffError, FileError } from './errors.js';
import { parseFiles, type ReadOptions } from './parse.js';

export type { DiffReport } from '../diff/model.js';

export interface DiffFilesOptions extends ReadOptions {
  /** With plan years: where to look for documents. */
  dir?: string | undefined;
  /** With plan years: only plans whose issuer contains this text. */
  issuer?: string | undefined;
  /** A configuration file instead of looking for kh.config.json from `cwd`. */
  config?: string | undefined;
  /** Language of configuration and input-expansion messages (default vi). */
  lang?: Lang | undefined;
}

export interface DiffResult {
  report: DiffReport;
  oldPlan: Plan;
  newPlan: Plan;
  /** Absolute paths of every document read (an output file must be none of them). */
  inputs: string[];
}

const YEAR = /^(19|20)\d{2}$/;

/** The two plan years of `kh diff 2023 2024`, or null when OLD and NEW name files. */
export function diffYears(oldArg: string, newArg: string, cwd = process.cwd()): [number, number] | null {
  const years =
    YEAR.test(oldArg) &&
    YEAR.test(newArg) &&
    !existsSync(resolve(cwd, oldArg)) &&
    !existsSync(resolve(cwd, newArg));
  return years ? [Number(oldArg), Number(newArg)] : null;
}

/**
 * Agencies through the agency registry (the shipped knowledge base: `resolveAgency(name)` →
 * `{ key }`, `successorsOf(key)`): a renamed or merged agency is matched with its successor.
 * Unknown agencies keep the tree's ownerKey. Without the registry module: ownerKey only.
 */
export async function registryResolver(): Promise<OwnerResolver | undefined> {
  try {
    const [{ knowledgeBaseOf }, { builtinData }] = await Promise.all([
      import('../domain/knowledge-base.js'),
      import('../data/store.js'),
    ]);
    const kb = knowledgeBaseOf(builtinData);
    return {
      key: (assignment) => {
        const hit = kb.resolveAgency(assignment.owner);
        return hit ? `registry:${hit.key}` : assignment.ownerKey;
      },
      successors: (key) =>
        key.startsWith('registry:')
          ? kb.successorsOf(key.slice('registry:'.length)).map((s) => `registry:${s.agency.key}`)
          : [],
    };
  } catch {
    return undefined;
  }
}

/** The changes from `oldPlan` to `newPlan`, agencies matched through the registry. */
export async function diffPlans(oldPlan: Plan, newPlan: Plan): Promise<DiffReport> {
  const { computeDiff } = await import('../diff/compute.js');
  return computeDiff(oldPlan, newPlan, { resolveOwner: await registryResolver() });
}

/**
 * Reads OLD and NEW (files or plan years) and compares them. Throws FileError (a file that cannot
 * be read), DiffError (no single pair of plans for the years), ConfigError.
 */
export async function diffFiles(
  oldArg: string,
  newArg: string,
  options: DiffFilesOptions = {},
): Promise<DiffResult> {
  const cwd = options.cwd ?? process.cwd();
  const years = diffYears(oldArg, newArg, cwd);
  let oldPlan: Plan;
  let newPlan: Plan;
  const inputs: string[] = [];
  if (years) {
    const found = await plansByYear(cwd, options, inputs);
    [oldPlan, newPlan] = pickPair(found, years[0], years[1], options.issuer);
  } else {
    inputs.push(resolve(cwd, oldArg), resolve(cwd, newArg));
    const plans: Plan[] = [];
    for await (const result of parseFiles([oldArg, newArg], { cwd, read: options.read })) {
      if (!result.ok) throw new FileError(result.filePath, result.error);
      plans.push(result.plan);
    }
    [oldPlan, newPlan] = plans as [Plan, Plan];
  }
  return { report: await diffPlans(oldPlan, newPlan), oldPlan, newPlan, inputs };
}

export interface Candidate {
  plan: Plan;
  year: number;
}

async function plansByYear(
  cwd: string,
  options: DiffFilesOptions,
  readPaths: string[],
): Promise<Candidate[]> {
  const { expandInputs } = await import('./inputs.js');
  let inputs: string[] = [options.dir ?? '.'];
  let base = cwd;
  if (!options.dir) {
    const { loadConfig } = await import('../config/index.js');
    const { ruleIds } = await import('../rules/index.js');
    const loaded = loadConfig({ cwd, configPath: options.config, knownRuleIds: ruleIds() });
    if (loaded.config.documents?.length) {
      inputs = loaded.config.documents;
      base = loaded.baseDir;
    }
  }
  const targets = (await expandInputs(inputs, base, options.lang ?? 'vi', cwd)).filter((x) => !x.fatal);
  if (targets.length === 0) throw new DiffError('no-documents', { where: inputs.join(', ') });
  for (const target of targets) readPaths.push(resolve(cwd, target.filePath));
  // The same document saved in several formats (000.txt, 000.docx, 000.pdf) is one candidate:
  // keep one file per path-without-extension, by the formats' rank (src/parse/formats.ts).
  const byStem = new Map<string, string>();
  for (const target of targets) {
    const stem = target.filePath.slice(0, target.filePath.length - extname(target.filePath).length);
    const kept = byStem.get(stem);
    if (kept === undefined || copyRank(target.filePath) < copyRank(kept)) byStem.set(stem, target.filePath);
  }
  const kept = new Set(byStem.values());
  const out: Candidate[] = [];
  const files = targets.filter((x) => kept.has(x.filePath)).map((x) => x.filePath);
  for await (const result of parseFiles(files, { cwd, read: options.read })) {
    // unreadable documents are not candidates
    if (result.ok && result.plan.meta.planYear !== null && result.plan.meta.isPlan)
      out.push({ plan: result.plan, year: result.plan.meta.planYear });
  }
  return out;
}

function describe(c: Candidate): string {
  const m = c.plan.meta;
  return `  ${c.year}  ${c.plan.source.path}: ${m.issuer ?? '—'} — ${m.title ?? '—'}`;
}

/**
 * The pair of plans to compare: candidates of each year (filtered by `issuer`), paired when they
 * have the same issuer and similar titles (Dice on title words, year numbers left out). One
 * plausible pair → it; a single plan each year → them; anything else → DiffError with the list.
 */
export function pickPair(
  all: readonly Candidate[],
  oldYear: number,
  newYear: number,
  issuer: string | undefined,
): [Plan, Plan] {
  const matchesIssuer = (c: Candidate) => !issuer || fold(c.plan.meta.issuer ?? '').includes(fold(issuer));
  const years = [...new Set(all.map((c) => c.year))].sort();
  const olds = all.filter((c) => c.year === oldYear && matchesIssuer(c));
  const news = all.filter((c) => c.year === newYear && matchesIssuer(c));
  if (olds.length === 0) throw new DiffError('no-year', { year: String(oldYear), found: years.join(', ') });
  if (news.length === 0) throw new DiffError('no-year', { year: String(newYear), found: years.join(', ') });
  if (olds.length === 1 && news.length === 1) return [olds[0]!.plan, news[0]!.plan];
  const titleWords = (c: Candidate) =>
    new Set(words(c.plan.meta.title ?? '').filter((w) => !/^\d+$/.test(w)));
  const plausible: [Candidate, Candidate, number][] = [];
  for (const o of olds) {
    for (const n of news) {
      if (fold(o.plan.meta.issuer ?? '') !== fold(n.plan.meta.issuer ?? '')) continue;
      const score = dice(titleWords(o), titleWords(n));
      if (score >= 0.6) plausible.push([o, n, score]);
    }
  }
  if (plausible.length === 1) return [plausible[0]![0].plan, plausible[0]![1].plan];
  const candidates = [...olds, ...news].map(describe);
  if (plausible.length === 0 && (olds.length === 1 || news.length === 1)) {
    throw new DiffError('no-pair', { year: String(oldYear), otherYear: String(newYear), candidates });
  }
  throw new DiffError('several', { year: String(olds.length > 1 ? oldYear : newYear), candidates });
}
