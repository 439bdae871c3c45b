/**
 * Whether the OCR tools are installed (scripts/install-ocr.sh; CI installs them): tesseract with
 * its Vietnamese model, and poppler's pdftoppm. Tests that OCR are skipped, with this reason in
 * their names, where they are missing.
 */
import { spawnSync } from 'node:child_process';

function has(command: string, args: string[], expect?: RegExp): boolean {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return !r.error && (expect ? expect.test(`${r.stdout}${r.stderr}`) : true);
}

export const HAVE_OCR = has('tesseract', ['--list-langs'], /^vie$/mu) && has('pdftoppm', ['-v']);

export function needsOcr(name: string): string {
  return HAVE_OCR
    ? name
    : `${name} — skipped: needs tesseract-ocr, tesseract-ocr-vie and poppler-utils (bash scripts/install-ocr.sh)`;
}
