/**
 * Inputs that once broke a parser (or leaked a library's English message), kept as files in
 * test/fuzz/regressions/ and replayed through the fuzz property. Add the input of any fuzz
 * failure here (FUZZ_SEED reproduces the run that found it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../src/parse/docx.js';
import { parsePdf } from '../../src/parse/pdf.js';
import { parseText } from '../../src/parse/text.js';
import { decodeText } from '../../src/parse/decode.js';
import { describeError, InputError } from '../../src/util/errors.js';
import { ROOT } from '../_build.js';
import { outcome } from './_fuzz.js';

const DIR = join(ROOT, 'test/fuzz/regressions');
const files = readdirSync(DIR).filter((name) => ['.txt', '.docx', '.pdf'].includes(extname(name)));

function parse(name: string, bytes: Uint8Array) {
  if (name.endsWith('.docx')) return parseDocx(bytes, name);
  if (name.endsWith('.pdf')) return parsePdf(bytes, name);
  return parseText(decodeText(bytes), name);
}

describe('fuzz regressions', () => {
  it('there are regression inputs to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: a Plan or an InputError whose Vietnamese message has no English', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    expect(['plan', 'input-error']).toContain(await outcome(() => parse(name, bytes)));
    try {
      await parse(name, bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect(describeError(error, 'vi')).not.toMatch(/\b(?:not|found|error|entity|body)\b/i);
    }
  });
});
