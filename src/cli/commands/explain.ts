/** `kh explain RULE`: the rule's docs with its wrong/right examples. Unknown id: exit 2. */
import type { CliContext } from '../../util/cli.js';
import { getRule, ruleIds } from '../../rules/index.js';
import { renderRuleDocs } from '../../rules/docs.js';
import { unknownRuleText } from '../../config/load.js';
import { render } from '../../i18n/index.js';

export async function run(ctx: CliContext, id: string): Promise<number> {
  const rule = getRule(id);
  if (!rule) {
    ctx.err(`kh: ${render(ctx.lang, unknownRuleText(id, ruleIds()))}\n`);
    return 2;
  }
  ctx.out(renderRuleDocs(rule, ctx.lang));
  return 0;
}
