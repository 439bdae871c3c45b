/** `kh diff --format html` (placeholder until the side-by-side view lands). */
import type { Plan } from '../plan/schema.js';
import type { Lang } from '../util/errors.js';
import { formatMarkdown } from './format.js';
import type { DiffReport } from './model.js';

export function formatHtml(report: DiffReport, _old: Plan, _new: Plan, lang: Lang): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><meta charset="utf-8"><pre>${esc(formatMarkdown(report, lang))}</pre>\n`;
}
