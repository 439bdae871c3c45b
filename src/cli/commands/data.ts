/**
 * `kh data [--format table|json]`: the registries kh ships (src/data/manifest.json), each with its
 * version, how many entries it holds by confidence mark (V verified, S secondary, M remembered)
 * and the date its facts were last checked, so a user knows how fresh the knowledge is.
 *
 * `kh data check [--format table|json]`: entries whose validity ended before today (KH_TODAY, else
 * now) with no successor in the registries — an agency or province with an end and no successor,
 * a document replaced by nothing known, ended, or whose period is over — and successors that point
 * nowhere. Exit 1 when there is something to report, 0 otherwise, 2 on a bad KH_TODAY.
 */
import type { CliContext } from '../../util/cli.js';
import type { Lang } from '../../util/errors.js';
import { t } from '../../i18n/index.js';
import { checkData, dataRegistries, type CheckFinding } from '../../api/data.js';

/** This command's words in `lang` (src/i18n/messages/data.ts). */
function wordsOf(lang: Lang) {
  const kind = (k: CheckFinding['kind']) => t(lang, `data.kind.${k}`);
  return {
    head: (['registry', 'version', 'entries'] as const)
      .map((h) => t(lang, `data.head.${h}`))
      .concat(['V', 'S', 'M', t(lang, 'data.head.checked')]),
    marks: t(lang, 'data.marks'),
    none: (today: string) => t(lang, 'data.none', { today }),
    found: (n: number, today: string) => t(lang, 'data.found', { count: n, today }),
    kinds: {
      ended: kind('ended'),
      'replaced-unknown': kind('replaced-unknown'),
      'period-over': kind('period-over'),
      dangling: kind('dangling'),
    },
    badToday: (value: string) => `kh: ${t(lang, 'lint.bad-today', { value })}\n`,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function todayOf(env: NodeJS.ProcessEnv): string | { bad: string } {
  const value = env.KH_TODAY?.trim();
  if (!value) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()))
    return { bad: value };
  return value;
}

export async function run(
  ctx: CliContext,
  sub: string | undefined,
  options: { format: 'table' | 'json' },
): Promise<number> {
  const w = wordsOf(ctx.lang);
  if (sub === 'check') {
    const today = todayOf(process.env);
    if (typeof today !== 'string') {
      ctx.err(w.badToday(today.bad));
      return 2;
    }
    const findings = checkData(today);
    if (options.format === 'json') ctx.out(`${JSON.stringify({ today, findings }, null, 2)}\n`);
    else if (findings.length === 0) ctx.out(`${w.none(today)}\n`);
    else {
      ctx.out(`${w.found(findings.length, today)}\n`);
      ctx.out(`${table(findings.map((f) => [f.registry, f.key, f.name, w.kinds[f.kind], f.since]))}\n`);
    }
    return findings.length > 0 ? 1 : 0;
  }
  const summaries = dataRegistries(ctx.lang);
  if (options.format === 'json') {
    ctx.out(`${JSON.stringify(summaries, null, 2)}\n`);
    return 0;
  }
  const rows = [
    [...w.head],
    ...summaries.map((s) => [
      s.file.replace('src/data/', ''),
      s.version,
      String(s.entries),
      String(s.marks.V),
      String(s.marks.S),
      String(s.marks.M),
      s.checked,
    ]),
  ];
  ctx.out(`${table(rows)}\n\n${w.marks}\n`);
  return 0;
}
