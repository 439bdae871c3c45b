/**
 * `kh init`: writes a starter kh.config.json in the working directory — every rule at its default
 * severity and options, each with a "$comment". An existing config there (kh.config.json or
 * .khrc.json) is kept unless --force, which rewrites that same file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from '../../util/cli.js';
import { CONFIG_FILE_NAMES, starterConfig } from '../../config/index.js';
import { rules } from '../../rules/index.js';
import { OutputError, writeOutput } from '../../util/output.js';
import { t } from '../../i18n/index.js';

export async function run(ctx: CliContext, options: { force?: boolean; cwd?: string } = {}): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const existing = CONFIG_FILE_NAMES.find((name) => existsSync(join(cwd, name)));
  if (existing && !options.force) {
    ctx.err(`kh: ${t(ctx.lang, 'init.exists', { file: existing })}\n`);
    return 2;
  }
  const name = existing ?? CONFIG_FILE_NAMES[0];
  const text = `${JSON.stringify(starterConfig(rules, ctx.lang), null, 2)}\n`;
  try {
    writeOutput(join(cwd, name), text);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    ctx.err(`kh: ${error.describe(ctx.lang)}\n`);
    return 2;
  }
  ctx.out(`${t(ctx.lang, 'init.wrote', { file: name, count: rules.length })}\n`);
  return 0;
}
