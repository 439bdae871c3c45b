/**
 * Rules read the Plan and never change it (the tree is shared by every rule, the reporters and
 * the other files' cross-file rules): every rule runs on deep-frozen plans — the seeds in each
 * format and a sample of the corpus — so a rule that writes to the tree throws, and the engine
 * turns that into a RuleError that fails this test.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinData } from '../../src/data/store.js';
import { loadPlan } from '../../src/parse/index.js';
import type { Plan } from '../../src/plan/schema.js';
import { lintPlans, type ActiveRule } from '../../src/rules/engine.js';
import { rules } from '../../src/rules/index.js';
import { defineRule } from '../../src/rules/types.js';
import { z } from 'zod';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

const CORPUS = '../shared/corpus';
const SEEDS = readdirSync('fixtures')
  .filter((f) => /^00\d_.*\.(?:txt|docx|pdf)$/.test(f))
  .map((f) => `fixtures/${f}`);
const tvpl = readdirSync(`${CORPUS}/tvpl`).sort();
const SAMPLE = [
  ...tvpl.filter((_, i) => i % 40 === 0).map((f) => `${CORPUS}/tvpl/${f}`),
  ...readdirSync(`${CORPUS}/docx`)
    .sort()
    .slice(0, 3)
    .map((f) => `${CORPUS}/docx/${f}`),
  ...readdirSync(`${CORPUS}/text`).map((f) => `${CORPUS}/text/${f}`),
];

const active: ActiveRule[] = rules.map((rule) => ({
  rule,
  severity: rule.meta.defaultSeverity,
  options: rule.meta.options.parse({}),
}));
const env = { lang: 'vi' as const, data: builtinData, today: new Date('2026-12-01T00:00:00') };

async function frozenPlans(paths: readonly string[]): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const path of paths) plans.push(deepFreeze(await loadPlan(path)));
  return plans;
}

describe('rules on a deep-frozen Plan', () => {
  it('a rule that writes to the tree fails the run (the freeze is real)', async () => {
    const [plan] = await frozenPlans([SEEDS[0]!]);
    const writer = defineRule({
      meta: {
        id: 'writer',
        defaultSeverity: 'info',
        description: { vi: '', en: '' },
        docs: { vi: '', en: '', wrong: [], right: [] },
        options: z.object({}),
        messages: {},
      },
      check(p) {
        p.sections[0]!.heading = 'changed';
        return [];
      },
    });
    expect(() => lintPlans([plan!], [{ rule: writer, severity: 'info', options: {} }], env)).toThrow(
      /rule "writer" failed/,
    );
  });

  it(`every rule leaves the seeds alone (${SEEDS.length} files, one run)`, async () => {
    expect(SEEDS.length).toBeGreaterThanOrEqual(12);
    const plans = await frozenPlans(SEEDS);
    const messages = lintPlans(plans, active, env);
    expect(messages.flat().length).toBeGreaterThan(0);
  }, 120_000);

  it(`every rule leaves corpus documents alone (${SAMPLE.length} files, one run)`, async () => {
    const plans = await frozenPlans(SAMPLE);
    expect(plans.length).toBeGreaterThan(15);
    expect(() => lintPlans(plans, active, env)).not.toThrow();
  }, 120_000);
});
