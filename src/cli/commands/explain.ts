/** `kh explain RULE`: the rule's docs with its wrong/right examples. Unknown id: exit 2. */
import type { CliContext } from '../../util/cli.js';
import { getRule, ruleIds } from '../../rules/index.js';
import { renderRuleDocs } from '../../rules/docs.js';
import { unknownRuleText } from '../../config/load.js';

export async function run(ctx: CliContext, id: string): Promise<number> {
  const rule = getRule(id);
  if (!rule) {
    ctx.err(`kh: ${unknownRuleText(id, ruleIds())[ctx.lang]}\n`);
    return 2;
  }
  ctx.out(renderRuleDocs(rule, ctx.lang));
  return 0;
}
