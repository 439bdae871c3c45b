/**
 * Reference plans and catalogues given by the user (kh.config.json "references", `--ref FILE`):
 * a JSON catalogue (the shape of src/data/strategy-2021-2030.json's catalogues) or any document
 * kh parses (.txt, .md, .docx, .doc, .pdf), whose goals and indicators become a catalogue.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { z } from 'zod';
import { parseCatalogueJson, planToCatalogue, type Catalogue } from '../domain/catalogue.js';
import { ReferenceError } from './reference-error.js';
import { describeError } from '../util/errors.js';

export { ReferenceError };

export async function loadReference(file: string, baseDir: string): Promise<Catalogue[]> {
  const path = resolve(baseDir, file);
  if (extname(path).toLowerCase() === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code ? code : (error as Error).message;
      throw new ReferenceError(file, { vi: `không đọc được (${why})`, en: `cannot be read (${why})` });
    }
    try {
      return parseCatalogueJson(value).map((c) => ({ ...c, origin: 'file' as const }));
    } catch (error) {
      const detail = error instanceof z.ZodError ? z.prettifyError(error).split('\n').slice(0, 2).join(' ') : String(error);
      throw new ReferenceError(file, { vi: `không phải bộ chỉ tiêu hợp lệ: ${detail}`, en: `is not a valid catalogue: ${detail}` });
    }
  }
  const { loadPlan } = await import('../parse/index.js');
  let plan;
  try {
    plan = await loadPlan(path);
  } catch (error) {
    throw new ReferenceError(file, { vi: describeError(error, 'vi'), en: describeError(error, 'en') });
  }
  if (plan.goals.length === 0) {
    throw new ReferenceError(file, { vi: 'văn bản không nêu mục tiêu, chỉ tiêu nào ("Mục tiêu 1: …")', en: 'the document defines no goals or indicators ("Mục tiêu 1: …")' });
  }
  return [planToCatalogue(plan, file)];
}

export async function loadReferences(files: readonly string[], baseDir: string): Promise<Catalogue[]> {
  const out: Catalogue[] = [];
  for (const file of files) out.push(...(await loadReference(file, baseDir)));
  return out;
}
