/**
 * `kh diff` formatters: text (terminal, coloured through the chalk instance given), markdown
 * (a PR comment) and json. The html formatter is in html.ts.
 */
import type { ChalkInstance } from 'chalk';
import type { Position } from '../plan/schema.js';
import type { Lang } from '../util/errors.js';
import { diffMessages } from './messages.js';
import { CHANGE_KINDS, GROUPS, type Change, type DiffReport, type DocInfo, type Side } from './model.js';
import type { WordPart } from './text.js';

export function where(position: Position | null | undefined): string {
  if (!position) return '';
  if (position.page !== undefined) return `p${position.page}:${position.start.line}`;
  if (position.paragraph !== undefined) return `¶${position.paragraph}`;
  return `L${position.start.line}`;
}

export function shortText(text: string, width = 160): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

/** "3 thêm, 2 bỏ, …" (kinds with a count only), or "không có thay đổi". */
export function summaryLine(report: DiffReport, lang: Lang): string {
  const m = diffMessages(lang);
  const parts = CHANGE_KINDS.filter((k) => report.summary[k] > 0).map(
    (k) => `${report.summary[k]} ${m.kinds[k]}`,
  );
  const tail = [
    report.summary.minor ? m.minor(report.summary.minor) : null,
    report.summary.unchanged ? m.unchangedItems(report.summary.unchanged) : null,
  ].filter(Boolean);
  return `${parts.length ? parts.join(', ') : m.noChange}${tail.length ? ` (${tail.join('; ')})` : ''}`;
}

function docLine(doc: DocInfo): string {
  const bits = [doc.issuer, doc.number, doc.planYear !== null ? String(doc.planYear) : null].filter(Boolean);
  return `${doc.path}${bits.length ? ` — ${bits.join(', ')}` : ''}`;
}

/** The groups in report order, each with its changes (empty groups left out). */
export function grouped(report: DiffReport): { group: (typeof GROUPS)[number]; changes: Change[] }[] {
  return GROUPS.map((group) => ({ group, changes: report.changes.filter((c) => c.group === group) })).filter(
    (g) => g.changes.length > 0,
  );
}

/** Responsibilities are listed under their agency. */
function byOwner(changes: Change[]): [string, Change[]][] {
  const map = new Map<string, Change[]>();
  for (const c of changes) {
    const k = c.owner ?? '';
    map.set(k, [...(map.get(k) ?? []), c]);
  }
  return [...map];
}

// ── text ─────────────────────────────────────────────────────────────────────────────────────

export function formatText(report: DiffReport, lang: Lang, chalk: ChalkInstance): string {
  const m = diffMessages(lang);
  const out: string[] = [];
  out.push(chalk.bold(`${m.title}`));
  out.push(`  ${chalk.red(`--- ${m.old}:`)} ${docLine(report.old)}`);
  out.push(`  ${chalk.green(`+++ ${m.new}:`)} ${docLine(report.new)}`);
  for (const n of report.notes) out.push(chalk.yellow(`  ! ${m.note(n)}`));
  out.push(`${chalk.bold(`${m.summary}:`)} ${summaryLine(report, lang)}`);
  const words = (parts: WordPart[]) =>
    parts
      .map((p) =>
        p.op === 'equal'
          ? p.text
          : p.op === 'removed'
            ? chalk.red.strikethrough(`[-${p.text}-]`)
            : chalk.green(`{+${p.text}+}`),
      )
      .join(' ');
  const loc = (s: Side | null) =>
    s ? chalk.dim(`${s.path ? `${s.path} ` : ''}${where(s.position)}`.trim()) : '';
  const line = (c: Change, indent: string) => {
    const label = m.aspects[c.aspect] ?? c.aspect;
    switch (c.kind) {
      case 'added':
        return `${indent}${chalk.green('+')} ${label} ${loc(c.new)}: ${shortText(c.new!.text)}`;
      case 'removed':
        return `${indent}${chalk.red('-')} ${label} ${loc(c.old)}: ${shortText(c.old!.text)}`;
      case 'moved':
        return `${indent}${chalk.cyan('→')} ${label} ${loc(c.old)} → ${loc(c.new)}: ${shortText(c.new!.text)}`;
      case 'reworded':
        return `${indent}${chalk.yellow('~')} ${label} ${loc(c.old)} → ${loc(c.new)}: ${words(c.words ?? [])}`;
      default: {
        const mark = c.old && c.new ? chalk.yellow('~') : c.new ? chalk.green('+') : chalk.red('-');
        const texts = [c.old ? shortText(c.old.text) : null, c.new ? shortText(c.new.text) : null]
          .filter(Boolean)
          .join(chalk.bold(' → '));
        const at = c.group === 'dates' ? loc(c.new ?? c.old) : chalk.dim(where((c.new ?? c.old)?.position));
        return `${indent}${mark} ${c.kind === 'stale' ? chalk.magenta(label) : label}: ${texts} ${at}`;
      }
    }
  };
  for (const { group, changes } of grouped(report)) {
    out.push('');
    out.push(chalk.bold.underline(`${m.groups[group]} (${changes.length})`));
    if (group === 'responsibilities') {
      for (const [owner, list] of byOwner(changes)) {
        out.push(`  ${chalk.bold(owner)}`);
        for (const c of list) out.push(line(c, '    '));
      }
    } else for (const c of changes) out.push(line(c, '  '));
  }
  return `${out.join('\n')}\n`;
}

// ── markdown ─────────────────────────────────────────────────────────────────────────────────

const mdEscape = (text: string) => text.replace(/([\\`*_[\]<>|~])/g, '\\$1');

export function formatMarkdown(report: DiffReport, lang: Lang): string {
  const m = diffMessages(lang);
  const out: string[] = [];
  out.push(`## ${m.title}`, '');
  out.push(`- **${m.old}:** ${mdEscape(docLine(report.old))}`);
  out.push(`- **${m.new}:** ${mdEscape(docLine(report.new))}`);
  for (const n of report.notes) out.push(`- ⚠️ ${mdEscape(m.note(n))}`);
  out.push('', `**${m.summary}:** ${summaryLine(report, lang)}`);
  const words = (parts: WordPart[]) =>
    parts
      .map((p) =>
        p.op === 'equal'
          ? mdEscape(p.text)
          : p.op === 'removed'
            ? `~~${mdEscape(p.text)}~~`
            : `**${mdEscape(p.text)}**`,
      )
      .join(' ');
  const loc = (s: Side | null) => (s ? `\`${`${s.path ?? ''} ${where(s.position)}`.trim()}\`` : '');
  const item = (c: Change) => {
    const label = m.aspects[c.aspect] ?? c.aspect;
    if (c.kind === 'reworded' || (c.words && c.kind === 'citation'))
      return `- ${label} ${loc(c.old)} → ${loc(c.new)}: ${words(c.words ?? [])}`;
    if (c.kind === 'moved')
      return `- ${label} ${loc(c.old)} → ${loc(c.new)}: ${mdEscape(shortText(c.new!.text))}`;
    const texts = [
      c.old ? `~~${mdEscape(shortText(c.old.text))}~~` : null,
      c.new ? mdEscape(shortText(c.new.text)) : null,
    ];
    if (c.old && c.new)
      return `- ${label}: ${mdEscape(shortText(c.old.text))} → **${mdEscape(shortText(c.new.text))}** ${loc(c.new)}`;
    const at = (c.new ?? c.old)?.position;
    return `- ${c.new ? '➕' : '➖'} ${label}: ${texts.filter(Boolean).join(' ')}${at ? ` \`${where(at)}\`` : ''}`;
  };
  for (const { group, changes } of grouped(report)) {
    out.push('', `### ${m.groups[group]} (${changes.length})`, '');
    if (group === 'responsibilities') {
      for (const [owner, list] of byOwner(changes)) {
        out.push(`- **${mdEscape(owner)}**`);
        for (const c of list) out.push(`  ${item(c)}`);
      }
    } else for (const c of changes) out.push(item(c));
  }
  return `${out.join('\n')}\n`;
}

// ── json ─────────────────────────────────────────────────────────────────────────────────────

export function formatJson(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
