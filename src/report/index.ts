/** The reporters of `kh lint`, by --format name. Each is imported only when used. */
import { readFileSync } from 'node:fs';
import type { FileResult, Formatter, ReportContext } from './types.js';

export type { FileResult, Formatter, ReportContext } from './types.js';
export { fileResult, totals } from './types.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'html', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];

export function isFormatName(value: unknown): value is FormatName {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).format;
    case 'json':
      return (await import('./json.js')).format;
    case 'sarif':
      return (await import('./sarif.js')).format;
    case 'github':
      return (await import('./github.js')).format;
    case 'html':
      return (await import('./html.js')).format;
    case 'gitlab':
      return (await import('./gitlab.js')).format;
  }
}

export async function formatResults(name: FormatName, results: readonly FileResult[], context: ReportContext): Promise<string> {
  return (await loadFormatter(name))(results, context);
}

/** kh's version from package.json (src/report and dist/report both sit two levels down). */
export function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
