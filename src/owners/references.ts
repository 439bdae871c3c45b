/**
 * Reference plans and catalogues given by the user (kh.config.json "references", `--ref FILE`):
 * a JSON catalogue (the shape of src/data/strategy-2021-2030.json's catalogues) or any document
 * kh parses (.txt, .md, .docx, .doc, .pdf), whose goals and indicators become a catalogue.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { z } from 'zod';
import { parseCatalogueJson, planToCatalogue, type Catalogue } from '../domain/catalogue.js';
import { msg } from '../i18n/index.js';
import { InputError } from '../util/errors.js';
import { ReferenceError } from './reference-error.js';

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
      throw new ReferenceError(file, msg('reference.unreadable', { why }));
    }
    try {
      return parseCatalogueJson(value).map((c) => ({ ...c, origin: 'file' as const }));
    } catch (error) {
      const detail =
        error instanceof z.ZodError
          ? z.prettifyError(error).split('\n').slice(0, 2).join(' ')
          : String(error);
      throw new ReferenceError(file, msg('reference.invalid', { detail }));
    }
  }
  const { loadPlan } = await import('../parse/index.js');
  let plan;
  try {
    plan = await loadPlan(path);
  } catch (error) {
    const reason =
      error instanceof InputError
        ? error.toMessage()
        : msg('internal.error', { reason: error instanceof Error ? error.message : String(error) });
    throw new ReferenceError(file, reason);
  }
  if (plan.goals.length === 0) {
    throw new ReferenceError(file, msg('reference.no-goals'));
  }
  return [planToCatalogue(plan, file)];
}

export async function loadReferences(files: readonly string[], baseDir: string): Promise<Catalogue[]> {
  const out: Catalogue[] = [];
  for (const file of files) out.push(...(await loadReference(file, baseDir)));
  return out;
}
