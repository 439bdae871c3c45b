/**
 * `--format gitlab`: a GitLab Code Quality report (the subset of the Code Climate issue format
 * GitLab reads, docs.gitlab.com/ci/testing/code_quality, "Code Quality report format"): a JSON
 * array of issues, each with description, check_name, fingerprint, severity and
 * location.path + location.lines.begin. Paths are relative to the working directory (the
 * repository root in a CI job), with forward slashes.
 *
 * The fingerprint is what GitLab compares between the base and the head pipeline to tell new
 * findings from old ones, so it leaves out the line and column (a finding that only moved because
 * text above it changed keeps its fingerprint) and hashes the file, rule, message id, the quoted
 * text and the occurrence number among findings with those same four values (two identical slips
 * in one file get two fingerprints, as GitLab needs them unique).
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../rules/types.js';
import { workspacePath } from './github.js';
import type { Formatter } from './types.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** An error fails `kh lint`, so it ranks above warnings in the merge request widget. */
export const SEVERITY: Record<Severity, CodeQualitySeverity> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
};

/** check_name of a file kh could not read (no rule ran on it). */
export const UNREADABLE_CHECK = 'kh-unreadable-file';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end?: number } };
}

function fingerprintOf(parts: readonly (string | number)[]): string {
  // NUL cannot occur in a path or a rule id: the parts cannot run into each other.
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

export const format: Formatter = (results, context) => {
  const issues: CodeQualityIssue[] = [];
  for (const result of results) {
    const path = workspacePath(result.filePath, context.cwd);
    if (result.fatal) {
      issues.push({
        description: result.fatal.message,
        check_name: UNREADABLE_CHECK,
        fingerprint: fingerprintOf([path, UNREADABLE_CHECK]),
        severity: 'critical',
        location: { path, lines: { begin: 1 } },
      });
      continue;
    }
    const occurrences = new Map<string, number>();
    for (const m of result.messages) {
      const key = [path, m.ruleId, m.messageId, m.excerpt].join('\u0000');
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      const lines: CodeQualityIssue['location']['lines'] = { begin: m.line };
      if (m.endLine > m.line) lines.end = m.endLine;
      issues.push({
        description: m.message,
        check_name: m.ruleId,
        fingerprint: fingerprintOf([key, occurrence]),
        severity: SEVERITY[m.severity],
        location: { path, lines },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
