// `npm run docs`: rewrites the README's rule table (between its markers) from each rule's meta,
// as remark-lint generates its readme. test/rules/readme-table.test.ts fails when it drifts.
import { readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../dist/rules/index.js';
import { withRuleTable } from '../dist/rules/docs.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const updated = withRuleTable(readme, rules);
if (updated === null) {
  console.error('README.md: the rule-table markers are missing');
  process.exit(1);
}
if (updated !== readme) writeFileSync(path, updated);
console.log(updated === readme ? 'README.md: rule table up to date' : 'README.md: rule table rewritten');
