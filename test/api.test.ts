/**
 * src/api: kh's commands as functions. In-process (from src/) for the behaviour, and the README's
 * "use kh from Node" example run against the built package (`import … from 'kh'` through
 * package.json "exports"), its figures checked against the CLI's own output.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './_build.js';
import { parseFile, parseFiles } from '../src/api/parse.js';
import { citeFiles } from '../src/api/cite.js';
import { diffFiles, diffYears } from '../src/api/diff.js';
import { ownersOf } from '../src/api/owners.js';
import { expandInputs } from '../src/api/inputs.js';
import {
  ConfigError,
  DiffError,
  FileError,
  InputError,
  ReferenceError,
  isUserError,
} from '../src/api/errors.js';

const S000 = 'fixtures/000_a2bc4216fc60fd38.txt';
const S002 = 'fixtures/002_06484e6e4818e0d7.txt';
const D003 = 'fixtures/003_4648be2b9eb23052.docx';
const S004 = 'fixtures/004_a5398dc3df371b71.txt';
const tmp = mkdtempSync(join(tmpdir(), 'kh-api-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parseFile / parseFiles', () => {
  it('yields one result per file, in order, a bad file costing its own result only', async () => {
    const results = [];
    for await (const r of parseFiles([S000, 'fixtures/bad/empty.txt', S002], { cwd: ROOT })) results.push(r);
    expect(results.map((r) => [r.filePath, r.ok])).toEqual([
      [S000, true],
      ['fixtures/bad/empty.txt', false],
      [S002, true],
    ]);
    const bad = results[1]!;
    expect(!bad.ok && bad.error instanceof InputError && bad.error.code).toBe('empty');
    // the path as given, not as resolved
    expect(results[2]!.ok && results[2]!.plan.source.path).toBe(S002);
  });
  it('parseFile rejects with the InputError of the file', async () => {
    await expect(parseFile('fixtures/bad/plan.rtf', { cwd: ROOT })).rejects.toMatchObject({
      code: 'unknown-extension',
    });
    const plan = await parseFile(S004, { cwd: ROOT });
    expect(plan.goals.length).toBeGreaterThan(0);
  });
});

describe('citeFiles', () => {
  it('aggregates citations across files; a bad config is a ConfigError', async () => {
    const { documents, failures } = await citeFiles([S000, S002, 'missing.txt'], { cwd: ROOT });
    expect(failures.map((f) => f.filePath)).toEqual(['missing.txt']);
    const law = documents.find((d) => d.registryKey === 'luat-bdg-2006');
    expect(law?.files).toEqual([S000, S002]);
    const dir = join(tmp, 'badconfig');
    mkdirSync(dir);
    writeFileSync(join(dir, 'kh.config.json'), '{"knowledge": {"legalDocuments": [{"key": 1}]}}');
    const error = await citeFiles([], { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(isUserError(error)).toBe(true);
  });
});

describe('diffFiles', () => {
  it('two files: the report and both plans; a missing file is a FileError naming it', async () => {
    const { report, oldPlan, newPlan, inputs } = await diffFiles(S002, D003, { cwd: ROOT });
    expect(oldPlan.source.path).toBe(S002);
    expect(newPlan.source.format).toBe('docx');
    expect(report.changes.length).toBeGreaterThan(0);
    expect(inputs).toEqual([join(ROOT, S002), join(ROOT, D003)]);
    const error = await diffFiles(S002, 'nope.docx', { cwd: ROOT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).describe('en')).toBe('nope.docx: file not found');
  });
  it('plan years: a year without a plan is a DiffError with a code', async () => {
    expect(diffYears('2023', '2024', ROOT)).toEqual([2023, 2024]);
    expect(diffYears(S002, '2024', ROOT)).toBeNull();
    const error = await diffFiles('1999', '2024', { cwd: ROOT, dir: 'fixtures' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiffError);
    expect((error as DiffError).code).toBe('no-year');
    expect((error as DiffError).describe('en')).toMatch(
      /^no plan of year 1999 among the documents read \(years found: .*2024/,
    );
  });
});

describe('ownersOf', () => {
  it('the matrix of each file; a bad reference rejects before any file is read', async () => {
    const results = [];
    for await (const r of ownersOf([S004], { cwd: ROOT })) results.push(r);
    expect(results).toHaveLength(1);
    expect(results[0]!.ok && results[0]!.matrix.indicators.length).toBeGreaterThan(0);
    const iterator = ownersOf([S004], { cwd: ROOT, references: ['fixtures/bad/empty.txt'] });
    const error = await iterator.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReferenceError);
    expect((error as ReferenceError).describe('en')).toBe(
      'reference fixtures/bad/empty.txt: the file is empty',
    );
  });
});

describe('annotateDocx', () => {
  it('writes a copy with one comment per finding, from the findings it is given; refusals are AnnotateErrors', async () => {
    const { annotateDocx, AnnotateError } = await import('../src/api/annotate.js');
    const { unzipSync, strFromU8 } = await import('fflate');
    const dir = join(tmp, 'annotate');
    mkdirSync(dir);
    copyFileSync(join(ROOT, 'fixtures/000_a2bc4216fc60fd38.docx'), join(dir, 'a.docx'));
    const plan = await parseFile(join(dir, 'a.docx'));
    const node = plan.sections[0]!;
    const finding = {
      ruleId: 'numbering',
      severity: 'warning' as const,
      message: 'a test finding',
      line: node.position!.start.line,
      column: 1,
      endLine: node.position!.start.line,
      endColumn: 2,
      paragraph: node.position!.paragraph!,
      excerpt: node.heading.slice(0, 10),
    };
    const asked: string[] = [];
    const findings = async (file: string) => (asked.push(file), { findings: [finding] });
    const done = await annotateDocx('a.docx', { cwd: dir, lang: 'en', findings });
    expect(asked).toEqual(['a.docx']);
    expect(done).toEqual({ output: 'a.kh.docx', comments: 1, onText: 1, fixed: 0, fixes: 0 });
    const comments = strFromU8(unzipSync(readFileSync(join(dir, 'a.kh.docx')))['word/comments.xml']!);
    expect(comments).toContain('Warning: a test finding');
    expect(comments).toContain('Rule: numbering (see: kh explain numbering)');
    // a second run without --force, a .txt, the input as output: refused before writing
    const again = await annotateDocx('a.docx', { cwd: dir, findings }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AnnotateError);
    expect((again as InstanceType<typeof AnnotateError>).code).toBe('output-exists');
    await expect(annotateDocx('a.txt', { cwd: dir, findings })).rejects.toMatchObject({ code: 'not-docx' });
    await expect(annotateDocx('a.docx', { cwd: dir, output: 'a.docx', findings })).rejects.toMatchObject({
      code: 'output-is-input',
    });
    // a missing input: a FileError, and the findings are not asked for
    asked.length = 0;
    await expect(annotateDocx('missing.docx', { cwd: dir, findings })).rejects.toBeInstanceOf(FileError);
    expect(asked).toEqual([]);
  });
});

describe('expandInputs', () => {
  it('walks directories for the extensions of the format table, and says when one holds none', async () => {
    const dir = join(tmp, 'walk');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    for (const name of [
      'a.txt',
      'b.md',
      'c.docx',
      'd.pdf',
      'e.markdown',
      'f.doc',
      'g.rtf',
      '~$h.docx',
      'sub/i.txt',
    ])
      writeFileSync(join(dir, name), 'x');
    mkdirSync(join(dir, 'empty'));
    const targets = await expandInputs(['.', 'empty'], dir, 'en', dir);
    expect(targets.map((t) => t.filePath)).toEqual([
      'a.txt',
      'b.md',
      'c.docx',
      'd.pdf',
      'f.doc',
      join('sub', 'i.txt'),
      'empty',
    ]);
    expect(targets.at(-1)!.fatal).toBe('the directory holds no .txt, .md, .docx, .doc or .pdf file');
  });
});

describe('the package: README example against the built package', () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  }, 180_000);

  const example = () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const match = readme.match(/<!-- node-example -->\n```js\n([\s\S]*?)\n```/);
    expect(match).not.toBeNull();
    return match![1]!;
  };
  const kh = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/kh.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    return JSON.parse(r.stdout) as never;
  };

  it('imports kh by name through "exports" and prints what the CLI computes', () => {
    const project = join(tmp, 'project');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules', 'kh'), 'dir');
    writeFileSync(join(project, 'example.mjs'), example());
    const run = spawnSync(process.execPath, [join(project, 'example.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const plan = kh(['parse', S002]) as {
      meta: { issuer: string; planYear: number };
      sections: unknown[];
      assignments: unknown[];
    };
    expect(lines[0]).toBe(
      `${plan.meta.issuer}, ${plan.meta.planYear}: ${plan.sections.length} sections, ${plan.assignments.length} assignments`,
    );
    const cited = kh(['--lang', 'en', 'cite', '-f', 'json', S002]) as {
      label: string;
      status: { text: string };
    }[];
    expect(lines[1]).toBe(
      `${cited.length} documents cited; first: ${cited[0]!.label} (${cited[0]!.status.text})`,
    );
    const diff = kh(['diff', '-f', 'json', S002, D003]) as { changes: unknown[]; summary: { owner: number } };
    expect(lines[2]).toBe(`${diff.changes.length} changes, ${diff.summary.owner} in responsibilities`);
    const owners = kh(['owners', '-f', 'json', S004]) as { indicators: { status: string }[] };
    const unowned = owners.indicators.filter((row) => row.status === 'unowned').length;
    expect(lines[3]).toBe(
      `${S004}: ${owners.indicators.length} indicators, ${unowned} without a lead agency`,
    );
    const linted = kh(['lint', '-f', 'json', S000]) as {
      filePath: string;
      errorCount: number;
      warningCount: number;
      infoCount: number;
    }[];
    expect(lines[4]).toBe(
      `${linted[0]!.filePath}: ${linted[0]!.errorCount} errors, ${linted[0]!.warningCount} warnings, ${linted[0]!.infoCount} info`,
    );
    expect(lines[5]).toBe('not read: empty');
  }, 240_000);

  it('its types: a TypeScript file using the example type-checks against dist/*.d.ts', () => {
    const project = join(tmp, 'typed');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules', 'kh'), 'dir');
    writeFileSync(join(project, 'package.json'), '{"type": "module"}');
    writeFileSync(
      join(project, 'example.ts'),
      `${example()}\nconst wrong: number = (await parseFile('x.txt')).meta.issuer;\nexport {};\n`,
    );
    const tsc = (file: string) =>
      spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/typescript/bin/tsc'),
          '--noEmit',
          '--strict',
          '--module',
          'nodenext',
          '--moduleResolution',
          'nodenext',
          '--target',
          'es2022',
          '--skipLibCheck',
          '--types',
          'node',
          '--typeRoots',
          join(ROOT, 'node_modules/@types'),
          file,
        ],
        { cwd: project, encoding: 'utf8' },
      );
    // The deliberate mistake (a string | null into a number) is the only error: the rest type-checks.
    const result = tsc('example.ts');
    const errors = result.stdout.split('\n').filter((line) => /error TS/.test(line));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /example\.ts\(\d+,7\): error TS2322: Type 'string \| null' is not assignable to type 'number'/,
    );
  }, 120_000);
});
