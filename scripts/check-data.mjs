// Build step: every shipped data file (src/data/*.json) valid for its schema and in its parsed
// form, so kh reads them at run time without validating (src/data/store.ts). Needs dist/ (tsc).
import { checkDataFiles } from '../dist/data/store.js';

let failed = 0;
for (const { file, problems } of checkDataFiles()) {
  for (const problem of problems) {
    failed++;
    console.error(`src/data/${file}: ${problem}`);
  }
}
if (failed > 0) process.exit(1);
