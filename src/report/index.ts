/** The reporters of `kh lint`, by --format name (declared in reporters.ts). Each is imported only when used. */
import { readFileSync } from 'node:fs';
import type { FileResult, Formatter, ReportContext } from './types.js';
import { isReporterName, loadReporter, reporterNames, type ReporterName } from './reporters.js';

export type { FileResult, Formatter, ReportContext } from './types.js';
export { fileResult, totals } from './types.js';

/** lint's report formats: the "lint" reporters of src/report/reporters.ts. */
export const FORMATS = reporterNames('lint') as readonly FormatName[];
export type FormatName = ReporterName<'lint'>;

export function isFormatName(value: unknown): value is FormatName {
  return isReporterName('lint', value);
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  return loadReporter('lint', name);
}

export async function formatResults(
  name: FormatName,
  results: readonly FileResult[],
  context: ReportContext,
): Promise<string> {
  return (await loadFormatter(name))(results, context);
}

/** kh's version from package.json (src/report and dist/report both sit two levels down). */
export function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
