#!/usr/bin/env node
// Thin launcher: everything lives in dist/cli (built by `npm run build`, run by `npm ci` via prepare).
import { main } from '../dist/cli/index.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`kh: ${error?.message ?? error}\n`);
    if (process.argv.includes('--debug')) process.stderr.write(`${error?.stack ?? ''}\n`);
    process.exitCode = 2;
  },
);
