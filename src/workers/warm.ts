/**
 * A format's parser is loaded on its first file, before that file's time starts ('started'): a
 * file's time limit is for reading it, not for starting kh, and a run of .txt files never loads
 * pdf.js or mammoth. Shared by the plan worker (isolate.ts) and the lint pool's workers.
 */
import { formatOfPath } from '../parse/index.js';

const warmed = new Map<string, Promise<unknown>>();

export function warm(path: string): Promise<unknown> {
  const format = formatOfPath(path) ?? 'other';
  let loading = warmed.get(format);
  if (!loading) {
    const modules: Promise<unknown>[] = [import('../plan/build.js')];
    if (format === 'text') modules.push(import('../parse/text.js'));
    if (format === 'docx') modules.push(import('../parse/docx.js'), import('mammoth'));
    if (format === 'doc') modules.push(import('../parse/doc.js'), import('../parse/doc-binary.js').then((m) => m.loadLibrary()));
    if (format === 'pdf') modules.push(import('../parse/pdf.js'), import('pdf-parse'));
    loading = Promise.all(modules);
    warmed.set(format, loading);
  }
  return loading;
}
