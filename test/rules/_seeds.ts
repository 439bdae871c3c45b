/**
 * The real seed documents (fixtures/00[0-4]*), parsed and built once per test file, and the
 * rules run over them: for the seed assertions of each rule's test.
 */
import { loadPlan } from '../../src/parse/index.js';
import type { Plan } from '../../src/plan/schema.js';
import type { LintMessage, Rule } from '../../src/rules/types.js';
import { runRule } from './_harness.js';

export const SEEDS = {
  '000': 'fixtures/000_a2bc4216fc60fd38',
  '001': 'fixtures/001_7c7171d5d3a46b8d',
  '002': 'fixtures/002_06484e6e4818e0d7',
  '003': 'fixtures/003_4648be2b9eb23052',
  '004': 'fixtures/004_a5398dc3df371b71',
} as const;
export type SeedId = keyof typeof SEEDS;
/** The four plan seeds, which come as .txt, .docx and .pdf. */
export const PLAN_SEEDS: SeedId[] = ['000', '002', '003', '004'];

const plans = new Map<string, Promise<Plan>>();
export function seedPlan(id: SeedId, ext: 'txt' | 'docx' | 'pdf' = 'txt'): Promise<Plan> {
  const path = `${SEEDS[id]}.${ext}`;
  let plan = plans.get(path);
  if (!plan) {
    plan = loadPlan(path);
    plans.set(path, plan);
  }
  return plan;
}

/** The rule's messages on a seed, as [line, messageId, severity, excerpt]. */
export async function seedFindings(
  rule: Rule,
  id: SeedId,
  ext: 'txt' | 'docx' | 'pdf' = 'txt',
): Promise<LintMessage[]> {
  return runRule(rule, await seedPlan(id, ext));
}

export function brief(messages: LintMessage[]): [number, string, string, string][] {
  return messages.map((m) => [m.line, m.messageId, m.severity, m.excerpt]);
}

/**
 * A rule's findings on a seed are the same in its .txt, .docx and .pdf, apart from positions
 * (message id, severity, message and excerpt compared).
 */
export async function expectSameAcrossFormats(rule: Rule, id: SeedId): Promise<void> {
  const { expect } = await import('vitest');
  const strip = (ms: LintMessage[]) => ms.map((m) => [m.messageId, m.severity, m.message, m.excerpt]);
  const txt = strip(await seedFindings(rule, id, 'txt'));
  expect(strip(await seedFindings(rule, id, 'docx'))).toEqual(txt);
  expect(strip(await seedFindings(rule, id, 'pdf'))).toEqual(txt);
}
