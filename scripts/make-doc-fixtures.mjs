#!/usr/bin/env node
/**
 * npm run fixtures:doc — Word 97–2003 (.doc) fixtures, made from the committed .docx fixtures by
 * LibreOffice (`soffice --headless --convert-to doc`, filter "MS Word 97"; scripts/install-libreoffice.sh
 * installs it). Run after `npm run fixtures`. The outputs are committed: tests never run LibreOffice.
 *
 *   fixtures/<plan>.doc              each plan seed's .docx (000, 002, 003, 004) saved as .doc
 *   fixtures/variants/<name>.doc     the variants (000_autonumber, 002_nfd, 003_softbreaks, 004_appendix)
 *   fixtures/corpus-docx/<name>.doc  two real documents' .docx (npm run fixtures:corpus-docx) as .doc:
 *                                    1095764e502a89b8 (5 footnotes), 001c610b2efdcf0c (an assignment table
 *                                    whose rows keep their properties in the Data stream, split in two
 *                                    by an empty paragraph, group rows, footnotes)
 *   fixtures/doc-corpus/<name>.doc   when ../shared/corpus/docx is present: two of its real Word files as
 *                                    .doc — the header block in a text box (luongminh …tiep-cong-dan) and
 *                                    text set with condensed spacing (bac-cam-ranh …); tests compare
 *                                    them with the .docx they came from (skipped without ../shared)
 *   fixtures/variants/000_autonumber.doc-labels.json
 *                                    the numbering labels LibreOffice itself shows when it reads
 *                                    000_autonumber.doc back (its text export): the oracle for kh's
 *                                    reading of Word's list tables. (LibreOffice's .doc export starts
 *                                    each restarted list as a list of its own, so its labels are not
 *                                    always the .docx's.)
 *   fixtures/bad/doc-encrypted.doc   003's .doc with the FIB's fEncrypted flag set, which is how Word
 *                                    marks a password-protected .doc (LibreOffice 7.4 cannot write one
 *                                    headless; kh stops at the flag and never reads the encrypted text)
 *   fixtures/bad/doc-damaged.doc     003's .doc cut after its first 4 KiB (OLE header, no streams)
 *   fixtures/bad/rtf-named.doc       fixtures/bad/plan.rtf under a .doc name (Word's "Rich Text" saved as .doc)
 *   fixtures/bad/html-named.doc      003's .docx saved by LibreOffice as HTML, under a .doc name
 *                                    (a "web page" saved as .doc)
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'fixtures');
const VARIANTS = path.join(FIXTURES, 'variants');
const BAD = path.join(FIXTURES, 'bad');

if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('make-doc-fixtures: LibreOffice (soffice) not found; run scripts/install-libreoffice.sh');
  process.exit(1);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'kh-doc-fixtures-'));
const profile = path.join(work, 'profile');

/** `soffice --convert-to <format>` of `file` into `work`; returns the output path. */
function convert(file, format, ext) {
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', work, file],
    { encoding: 'utf8' },
  );
  const out = path.join(work, `${path.basename(file).replace(/\.docx?$/, '')}.${ext}`);
  if (result.status !== 0 || !existsSync(out)) throw new Error(`soffice failed on ${file}: ${result.stderr}`);
  return out;
}

try {
  const sources = [
    ...readdirSync(FIXTURES)
      .filter((f) => /^\d{3}_[0-9a-f]+\.docx$/.test(f))
      .map((f) => path.join(FIXTURES, f)),
    ...readdirSync(VARIANTS)
      .filter((f) => f.endsWith('.docx'))
      .map((f) => path.join(VARIANTS, f)),
  ];
  for (const docx of sources) {
    const target = docx.replace(/\.docx$/, '.doc');
    copyFileSync(convert(docx, 'doc:MS Word 97', 'doc'), target);
    console.log(path.relative(ROOT, target));
  }

  for (const name of ['1095764e502a89b8', '001c610b2efdcf0c']) {
    const docx = path.join(FIXTURES, 'corpus-docx', `${name}.docx`);
    copyFileSync(convert(docx, 'doc:MS Word 97', 'doc'), docx.replace(/\.docx$/, '.doc'));
    console.log(`fixtures/corpus-docx/${name}.doc`);
  }
  const sharedDocx = path.resolve(ROOT, '../shared/corpus/docx');
  if (existsSync(sharedDocx)) {
    const outDir = path.join(FIXTURES, 'doc-corpus');
    mkdirSync(outDir, { recursive: true });
    for (const name of [
      'luongminh_MTTQ_KH_2025-12-10_tiep-cong-dan',
      'bac-cam-ranh_MTTQ-phuong_KH_2025-11_kiem-tra-giam-sat-bau-cu',
    ]) {
      copyFileSync(
        convert(path.join(sharedDocx, `${name}.docx`), 'doc:MS Word 97', 'doc'),
        path.join(outDir, `${name}.doc`),
      );
      console.log(`fixtures/doc-corpus/${name}.doc`);
    }
  }

  const autonumber = path.join(VARIANTS, '000_autonumber.doc');
  const shown = readFileSync(convert(autonumber, 'txt:Text (encoded):UTF8', 'txt'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => /^\s*(\d+\.|[a-zđ]\))\s+(\S.*)$/u.exec(line))
    .filter((m) => m !== null)
    .map((m) => ({ label: m[1], text: m[2].slice(0, 40) }));
  writeFileSync(path.join(VARIANTS, '000_autonumber.doc-labels.json'), `${JSON.stringify(shown, null, 1)}\n`);
  console.log(`fixtures/variants/000_autonumber.doc-labels.json (${shown.length} labels)`);

  const seedDoc = readFileSync(path.join(FIXTURES, '003_4648be2b9eb23052.doc'));
  // The WordDocument stream starts the first sector after the header in LibreOffice's files; find
  // its FIB by the magic number 0xA5EC rather than assume it.
  const fib = seedDoc.indexOf(Buffer.from([0xec, 0xa5]), 512);
  if (fib < 0) throw new Error('no FIB found in 003_4648be2b9eb23052.doc');
  const encrypted = Buffer.from(seedDoc);
  encrypted.writeUInt16LE(encrypted.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a);
  writeFileSync(path.join(BAD, 'doc-encrypted.doc'), encrypted);
  writeFileSync(path.join(BAD, 'doc-damaged.doc'), seedDoc.subarray(0, 4096));
  copyFileSync(path.join(BAD, 'plan.rtf'), path.join(BAD, 'rtf-named.doc'));
  copyFileSync(
    convert(path.join(FIXTURES, '003_4648be2b9eb23052.docx'), 'html', 'html'),
    path.join(BAD, 'html-named.doc'),
  );
  console.log('fixtures/bad/doc-encrypted.doc, doc-damaged.doc, rtf-named.doc, html-named.doc');
} finally {
  rmSync(work, { recursive: true, force: true });
}
