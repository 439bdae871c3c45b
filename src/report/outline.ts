/**
 * `kh parse --format outline`: a readable outline of a Plan tree (sections, goals, assignments,
 * citations …), one line per node with where it is in the file.
 */
import type { ChalkInstance } from 'chalk';
import type { Item, Plan, Position } from '../plan/schema.js';
import { t, type Lang, type MessageId } from '../i18n/index.js';
import { squash } from '../util/whitespace.js';

// ── outline ──────────────────────────────────────────────────────────────────────────────────

const WIDTH = 100;

export function shorten(text: string, width = WIDTH): string {
  const flat = squash(text);
  return flat.length <= width ? flat : `${flat.slice(0, width - 1).trimEnd()}…`;
}

function where(position: Position | undefined): string {
  if (!position) return '';
  if (position.page !== undefined) return `p${position.page}:${position.start.line}`;
  if (position.paragraph !== undefined) return `¶${position.paragraph}`;
  return `L${position.start.line}`;
}

/** The outline's labels (ids `outline.<word>` in src/i18n/messages/cli.ts). */
type OutlineWord = MessageId extends infer I ? (I extends `outline.${infer W}` ? W : never) : never;

export function formatOutline(plan: Plan, ctx: { lang: Lang }, chalk: ChalkInstance): string {
  const o = (word: OutlineWord) => t(ctx.lang, `outline.${word}`);
  const out: Outline = {
    lines: [],
    chalk,
    o,
    at: (position: Position | undefined) => chalk.dim(` ${where(position)}`),
    value: (v: string | number | null | undefined) =>
      v === null || v === undefined || v === '' ? chalk.dim(o('missing')) : String(v),
  };
  outlineHeader(plan, out);
  outlineStructure(plan, out);
  outlineGoals(plan, out);
  outlineAssignments(plan, out);
  outlineRest(plan, out);
  return `${out.lines.join('\n')}\n`;
}

/** What the outline's steps share: the lines so far, colours, labels, a position, a value or "—". */
interface Outline {
  lines: string[];
  chalk: ChalkInstance;
  o: (word: OutlineWord) => string;
  at: (position: Position | undefined) => string;
  value: (v: string | number | null | undefined) => string;
}

/** The file and the document's header: issuer, number, date, type, title, year, level. */
function outlineHeader(plan: Plan, { lines, chalk, o, value }: Outline): void {
  const meta = plan.meta;
  const source = `${plan.source.path} (${plan.source.format}${plan.source.pages !== null ? `, ${plan.source.pages} ${o('pages')}` : ''})`;
  lines.push(chalk.bold(`${o('file')}: ${source}`));
  const number =
    meta.number === null && meta.symbol === null ? null : `${meta.number ?? ''}/${meta.symbol ?? ''}`;
  const flags = [meta.draft ? o('draft') : null, meta.isPlan ? null : o('not-plan')].filter(Boolean);
  lines.push(`  ${o('issuer')}: ${value(meta.issuer)}`);
  lines.push(
    `  ${o('number')}: ${value(number)}${flags.length ? chalk.yellow(` (${flags.join(', ')})`) : ''}`,
  );
  lines.push(`  ${o('date')}: ${value(meta.issueDate)}`);
  lines.push(`  ${o('doc-type')}: ${value(meta.docType)}`);
  lines.push(`  ${o('title')}: ${meta.title === null ? value(null) : shorten(meta.title)}`);
  lines.push(`  ${o('plan-year')}: ${value(meta.planYear)}   ${o('level')}: ${value(meta.level)}`);
  if (plan.preamble.length) lines.push(`  ${o('preamble')}: ${plan.preamble.length} ${o('paragraphs')}`);
}

/** Items under a section or an article, indented by depth. */
function outlineItems(items: Item[], depth: number, out: Outline): void {
  for (const item of items) {
    const label = item.label ? `${item.label} ` : '¶ ';
    out.lines.push(
      `${'  '.repeat(depth + 2)}${out.chalk.cyan(label)}${shorten(item.text)}${out.at(item.position)}`,
    );
    outlineItems(item.children, depth + 1, out);
  }
}

/** Articles (Điều 1, 2 …), an attached plan, the sections with their items, the closing. */
function outlineStructure(plan: Plan, out: Outline): void {
  const { lines, chalk, o, at, value } = out;
  const walk = (items: Item[], depth: number) => outlineItems(items, depth, out);
  // Older trees (JSON written before these fields) may lack them.
  const articles = plan.articles ?? [];
  if (articles.length) {
    lines.push(chalk.bold(o('articles')));
    for (const article of articles) {
      lines.push(
        `  ${chalk.cyan(article.label)} ${shorten(article.heading)}${article.chapter ? chalk.dim(` (${shorten(article.chapter, 40)})`) : ''}${at(article.position)}`,
      );
      walk(article.items, 0);
    }
  }
  const attachment = plan.attachment ?? null;
  if (attachment) {
    lines.push(
      `${chalk.bold(o('attachment'))}: ${attachment.docType} ${shorten(attachment.title, 80)}${at(attachment.position)}`,
    );
    lines.push(
      `  ${o('plan-year')}: ${value(attachment.planYear)}${attachment.basis ? `   ${shorten(attachment.basis, 70)}` : ''}`,
    );
  }

  lines.push(chalk.bold(o('sections')));
  if (plan.sections.length === 0) lines.push(`  ${chalk.dim(o('none'))}`);
  for (const section of plan.sections) {
    lines.push(
      `  ${chalk.cyan(section.numeral)} ${shorten(section.heading)} ${chalk.magenta(`[${section.kind}]`)}${at(section.position)}`,
    );
    walk(section.items, 0);
  }
  if (plan.closing.length) lines.push(`  ${o('closing')}: ${plan.closing.length} ${o('paragraphs')}`);
}

/** Goals with their indicators and targets. */
function outlineGoals(plan: Plan, { lines, chalk, o, at }: Outline): void {
  if (plan.goals.length) {
    lines.push(chalk.bold(o('goals')));
    for (const goal of plan.goals) {
      lines.push(
        `  ${chalk.cyan(`${goal.index}.`)} ${goal.field ? `${goal.field}: ` : ''}${shorten(goal.text)}${at(goal.position)}`,
      );
      for (const indicator of goal.indicators) {
        const targets = indicator.targets
          .map((t) => `${t.raw} [${t.kind}${t.comparator ? `, ${t.comparator}` : ''}]`)
          .join('; ');
        lines.push(
          `    ${chalk.cyan(indicator.label)}: ${shorten(indicator.text)}${targets ? chalk.green(` → ${targets}`) : ''}${at(indicator.position)}`,
        );
      }
    }
  }
}

/** Assignments: owner, role, partners, the indicators they take. */
function outlineAssignments(plan: Plan, { lines, chalk, o, at }: Outline): void {
  if (plan.assignments.length) {
    lines.push(chalk.bold(o('assignments')));
    for (const a of plan.assignments) {
      const refs = a.indicatorRefs
        .map(
          (r) =>
            `${r.goal}${r.indicator !== null ? `.${r.indicator}` : ''}${r.plan ? ` (${r.plan.number ?? ''}/${r.plan.symbol ?? ''})` : ''}`,
        )
        .join(', ');
      const parts = [
        `${a.label ? `${chalk.cyan(a.label)} ` : ''}${shorten(a.owner, 80)} ${chalk.magenta(`[${a.role}]`)}`,
        a.partners.length ? `${o('partners')}: ${shorten(a.partners.join(', '), 80)}` : '',
        refs ? `${o('refs')}: ${refs}` : '',
      ].filter(Boolean);
      lines.push(`  ${parts.join('; ')}${at(a.position)}`);
    }
  }
}

/** Citations, tables, recipients, signatures, appendices, structure confidence. */
function outlineRest(plan: Plan, { lines, chalk, o, at }: Outline): void {
  const attachment = plan.attachment ?? null;
  if (plan.citations.length) {
    lines.push(chalk.bold(o('citations')));
    for (const c of plan.citations) lines.push(`  ${shorten(c.text)}${at(c.position)}`);
  }

  if (plan.tables.length) {
    lines.push(
      `${chalk.bold(o('tables'))}: ${plan.tables.map((t) => `${t.role} (${t.rows.length} ${o('rows')})`).join(', ')}`,
    );
  }

  if (plan.recipients) lines.push(`${chalk.bold(o('recipients'))}: ${plan.recipients.items.length}`);
  const signatureLine = (s: NonNullable<Plan['signature']>, name: string) => {
    const who = [...s.authority, s.position, s.signer].filter((x): x is string => Boolean(x)).join(' / ');
    lines.push(`${chalk.bold(name)}: ${who || chalk.dim(o('missing'))}${at(s.sourcePosition)}`);
  };
  if (plan.signature) signatureLine(plan.signature, o('signature'));
  if (attachment?.signature) signatureLine(attachment.signature, `${o('signature')} (${attachment.docType})`);

  if (plan.appendices.length) {
    lines.push(chalk.bold(o('appendices')));
    for (const a of plan.appendices) {
      const name = [a.kind, a.label].filter(Boolean).join(' ');
      lines.push(
        `  ${chalk.cyan(name)} ${shorten(a.title, 70)}${a.basis ? chalk.dim(` ${shorten(a.basis, 50)}`) : ''}${at(a.position)}`,
      );
    }
  }
  if (plan.structure) {
    const st = plan.structure;
    const uncertain = st.uncertain.length
      ? chalk.yellow(` (${o('uncertain')}: ${st.uncertain.join(', ')})`)
      : '';
    lines.push(
      `${chalk.bold(o('structure'))}: body=${st.body} sections=${st.sections} signature=${st.signature} recipients=${st.recipients}${uncertain}`,
    );
  }
}
