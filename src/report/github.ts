/**
 * `--format github`: GitHub Actions workflow commands, one line per message,
 *   ::error file=docs/kh.txt,line=12,col=5,endLine=12,endColumn=12,title=repeated-phrase::message
 * error → ::error, warning → ::warning, info → ::notice; a file that could not be read → ::error
 * without a line. Escaping follows the workflow-command rules: in the message % CR LF become
 * %25 %0D %0A; in property values also ":" → %3A and "," → %2C.
 */
import { relative, resolve, sep } from 'node:path';
import type { Severity } from '../rules/types.js';
import type { Formatter } from './types.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function workspacePath(filePath: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, filePath));
  return rel.split(sep).join('/');
}

export const format: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(workspacePath(result.filePath, context.cwd));
    if (result.fatal) {
      lines.push(`::error file=${file},title=kh::${escapeData(result.fatal.message)}`);
      continue;
    }
    for (const m of result.messages) {
      const props = [
        `file=${file}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      lines.push(`::${COMMAND[m.severity]} ${props}::${escapeData(m.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
