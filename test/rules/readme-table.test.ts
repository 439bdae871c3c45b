import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { renderRuleTable, withRuleTable } from '../../src/rules/docs.js';

describe("the README's rule table", () => {
  it("is the one generated from the rules' meta (run `npm run docs` after changing a rule)", () => {
    const readme = readFileSync('README.md', 'utf8');
    const updated = withRuleTable(readme, rules);
    expect(updated).not.toBeNull();
    expect(readme).toBe(updated);
  });

  it('lists every rule once, with its default severity, and drifts when a rule changes', () => {
    const table = renderRuleTable(rules);
    for (const rule of rules)
      expect(table).toContain(`| \`${rule.meta.id}\` | ${rule.meta.defaultSeverity} |`);
    const changed = rules.map((rule, i) =>
      i === 0 ? { ...rule, meta: { ...rule.meta, defaultSeverity: 'info' as const } } : rule,
    );
    expect(renderRuleTable(changed)).not.toBe(table);
  });
});
