/**
 * A format's parser is loaded on its first file, before that file's time starts ('started'): a
 * file's time limit is for reading it, not for starting kh, and a run of .txt files never loads
 * pdf.js or mammoth. Shared by the plan worker (isolate.ts) and the lint pool's workers. What to
 * load is each format's `preload` in the input-format table (src/parse/formats.ts).
 */
import { inputFormatOf } from '../parse/index.js';

const warmed = new Map<string, Promise<unknown>>();

export function warm(path: string): Promise<unknown> {
  const format = inputFormatOf(path);
  const name = format?.format ?? 'other';
  let loading = warmed.get(name);
  if (!loading) {
    loading = Promise.all([import('../plan/build.js'), ...(format?.preload?.() ?? [])]);
    warmed.set(name, loading);
  }
  return loading;
}
