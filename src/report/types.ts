/** What reporters receive: one result per file of the run, in the order the files were given. */
import type { Lang } from '../util/errors.js';
import { msg, type MessageData } from '../i18n/index.js';
import type { LintMessage, Rule, Severity } from '../rules/types.js';

/** The JSON reporter prints exactly these names (README, "kh lint output (JSON)"). */
export interface FileResult {
  /** The path as given on the command line or found in a directory walk. */
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** The file could not be read (missing, damaged, scanned PDF …): no messages then. */
  fatal: null | { message: string };
}

export interface ReportContext {
  lang: Lang;
  /** Colours (stylish only). */
  color: boolean;
  /** Paths in SARIF and GitHub annotations are made relative to this directory. */
  cwd: string;
  /** The rules of the run (SARIF lists them with their help). */
  rules: readonly Rule[];
  /** kh's version (SARIF tool.driver.version). */
  version: string;
}

export type Formatter = (results: readonly FileResult[], context: ReportContext) => string;

export function countSeverity(messages: readonly LintMessage[], severity: Severity): number {
  let n = 0;
  for (const message of messages) if (message.severity === severity) n++;
  return n;
}

export function fileResult(
  filePath: string,
  messages: LintMessage[],
  fatal: FileResult['fatal'] = null,
): FileResult {
  return {
    filePath,
    messages,
    errorCount: countSeverity(messages, 'error'),
    warningCount: countSeverity(messages, 'warning'),
    infoCount: countSeverity(messages, 'info'),
    fatal,
  };
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fatals: number;
  files: number;
}

/** "3 errors, 1 warning, 0 info" as the data of the message report.counts. */
export function countsData(sum: Totals): MessageData {
  return {
    errors: msg('report.count.errors', { count: sum.errors }),
    warnings: msg('report.count.warnings', { count: sum.warnings }),
    infos: msg('report.count.infos', { count: sum.infos }),
  };
}

export function totals(results: readonly FileResult[]): Totals {
  const sum: Totals = { errors: 0, warnings: 0, infos: 0, fatals: 0, files: results.length };
  for (const result of results) {
    sum.errors += result.errorCount;
    sum.warnings += result.warningCount;
    sum.infos += result.infoCount;
    if (result.fatal) sum.fatals++;
  }
  return sum;
}
