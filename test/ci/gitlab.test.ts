/**
 * `--format gitlab`: every report validates against the Code Quality report schema written from
 * GitLab's documentation (test/data/ci/gitlab-codequality.schema.json); fingerprints are unique in
 * a report, the same across runs, and unchanged when a finding only moves to another line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fileResult, formatResults, type ReportContext } from '../../src/report/index.js';
import type { LintMessage } from '../../src/rules/types.js';
import { ensureBuilt, ROOT } from '../_build.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(HERE, '../data/ci/gitlab-codequality.schema.json'), 'utf8'));
const validate = new Ajv({ strict: true, strictRequired: false, allErrors: true }).compile(schema);
const context: ReportContext = { lang: 'vi', color: false, cwd: '/work/repo', rules: [], version: '1.2.3' };

const slip = (line: number, severity: LintMessage['severity'] = 'warning'): LintMessage => ({
  ruleId: 'repeated-phrase',
  messageId: 'repeatedWord',
  severity,
  message: 'Từ "các" bị gõ lặp liền nhau',
  line,
  column: 5,
  endLine: line,
  endColumn: 12,
  excerpt: 'các các',
});

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

async function report(results: Parameters<typeof formatResults>[1], cwd = context.cwd): Promise<Issue[]> {
  const issues = JSON.parse(await formatResults('gitlab', results, { ...context, cwd })) as Issue[];
  expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
  return issues;
}

describe('--format gitlab', () => {
  it('maps each message: description, check_name, severity, relative path, lines', async () => {
    const multi: LintMessage = {
      ...slip(7, 'error'),
      ruleId: 'citation-format',
      messageId: 'x',
      endLine: 9,
      excerpt: 'số 12/KH',
    };
    const issues = await report([
      fileResult('/work/repo/docs/kế hoạch.txt', [slip(3), multi, { ...slip(4, 'info'), excerpt: 'khác' }]),
      fileResult('docs/hỏng.pdf', [], { message: 'tệp PDF bị hỏng' }),
    ]);
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines])).toEqual([
      ['repeated-phrase', 'minor', 'docs/kế hoạch.txt', { begin: 3 }],
      ['citation-format', 'major', 'docs/kế hoạch.txt', { begin: 7, end: 9 }],
      ['repeated-phrase', 'info', 'docs/kế hoạch.txt', { begin: 4 }],
      ['kh-unreadable-file', 'critical', 'docs/hỏng.pdf', { begin: 1 }],
    ]);
    expect(issues[0]!.description).toBe('Từ "các" bị gõ lặp liền nhau');
    expect(issues[3]!.description).toBe('tệp PDF bị hỏng');
  });

  it('fingerprints: unique, stable across runs, independent of the line', async () => {
    const first = await report([fileResult('a.txt', [slip(3), slip(9)]), fileResult('b.txt', [slip(3)])]);
    const fingerprints = first.map((i) => i.fingerprint);
    expect(new Set(fingerprints).size).toBe(3);
    expect(fingerprints.every((f) => /^[0-9a-f]{32}$/.test(f))).toBe(true);
    // Same findings, again: same fingerprints.
    expect(
      (await report([fileResult('a.txt', [slip(3), slip(9)]), fileResult('b.txt', [slip(3)])])).map(
        (i) => i.fingerprint,
      ),
    ).toEqual(fingerprints);
    // Text inserted above: the findings move down two lines, the fingerprints stay.
    expect(
      (await report([fileResult('a.txt', [slip(5), slip(11)]), fileResult('b.txt', [slip(3)])])).map(
        (i) => i.fingerprint,
      ),
    ).toEqual(fingerprints);
    // Another file or another quoted text: another fingerprint.
    const moved = await report([
      fileResult('c.txt', [slip(3)]),
      fileResult('a.txt', [{ ...slip(3), excerpt: 'và và' }]),
    ]);
    expect(fingerprints).not.toContain(moved[0]!.fingerprint);
    expect(fingerprints).not.toContain(moved[1]!.fingerprint);
  });

  it('no findings: an empty array', async () => {
    expect(await report([fileResult('a.txt', [])])).toEqual([]);
  });

  it('the built CLI on the seed fixtures writes a valid report with the same findings as --format json', () => {
    expect(ensureBuilt()).toBe(true);
    const files = [
      'fixtures/000_a2bc4216fc60fd38.txt',
      'fixtures/002_06484e6e4818e0d7.txt',
      'fixtures/003_4648be2b9eb23052.docx',
    ];
    const env = { ...process.env, KH_TODAY: '2026-12-01', NO_COLOR: '1' };
    const gitlab = spawnSync(process.execPath, [join(ROOT, 'bin/kh.js'), 'lint', '-f', 'gitlab', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    const json = spawnSync(process.execPath, [join(ROOT, 'bin/kh.js'), 'lint', '-f', 'json', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    expect(gitlab.status).toBe(json.status);
    const issues = JSON.parse(gitlab.stdout) as Issue[];
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    const results = JSON.parse(json.stdout) as {
      filePath: string;
      messages: { ruleId: string; line: number; message: string }[];
    }[];
    const expected = results.flatMap((r) => r.messages.map((m) => [r.filePath, m.ruleId, m.line, m.message]));
    expect(expected.length).toBeGreaterThan(0);
    expect(issues.map((i) => [i.location.path, i.check_name, i.location.lines.begin, i.description])).toEqual(
      expected,
    );
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });
});
