/**
 * `--format json`: the contract other tools rely on. Keys in a fixed order; optional keys
 * (page, paragraph, suggestion, related) only when they have a value.
 */
import type { LintMessage, RelatedLocation } from '../rules/types.js';
import type { FileResult, Formatter } from './types.js';

function related(location: RelatedLocation): Record<string, unknown> {
  const out: Record<string, unknown> = { message: location.message };
  if (location.filePath !== undefined) out.filePath = location.filePath;
  out.line = location.line;
  out.column = location.column;
  out.endLine = location.endLine;
  out.endColumn = location.endColumn;
  if (location.page !== undefined) out.page = location.page;
  if (location.paragraph !== undefined) out.paragraph = location.paragraph;
  out.excerpt = location.excerpt;
  return out;
}

export function jsonMessage(message: LintMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  };
  if (message.page !== undefined) out.page = message.page;
  if (message.paragraph !== undefined) out.paragraph = message.paragraph;
  out.excerpt = message.excerpt;
  if (message.suggestion !== undefined) out.suggestion = message.suggestion;
  out.messageId = message.messageId;
  if (message.related?.length) out.related = message.related.map(related);
  return out;
}

export function jsonResults(results: readonly FileResult[]): Record<string, unknown>[] {
  return results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages.map(jsonMessage),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    infoCount: result.infoCount,
    fatal: result.fatal ? { message: result.fatal.message } : null,
  }));
}

export const format: Formatter = (results) => `${JSON.stringify(jsonResults(results), null, 2)}\n`;
