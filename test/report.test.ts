/**
 * Reporters on a fixed list of results: exact output for stylish, json and github; SARIF checked
 * against the official SARIF 2.1.0 schema (vendored in test/data, from oasis-tcs/sarif-spec,
 * Schemata/sarif-schema-2.1.0.json — no network at test time).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fileResult, formatResults, type FileResult, type ReportContext } from '../src/report/index.js';
import { escapeData, escapeProperty } from '../src/report/github.js';
import { rules } from '../src/rules/index.js';
import type { LintMessage } from '../src/rules/types.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const A: LintMessage = {
  ruleId: 'header-check',
  messageId: 'missingNumber',
  severity: 'error',
  message: 'Thiếu số, ký hiệu',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 10,
  excerpt: 'KẾ HOẠCH',
};
const B: LintMessage = {
  ruleId: 'repeated-phrase',
  messageId: 'repeatedWord',
  severity: 'warning',
  message: 'Từ "các" bị gõ lặp liền nhau',
  line: 12,
  column: 5,
  endLine: 12,
  endColumn: 12,
  excerpt: 'các các',
  suggestion: 'các',
};
const C: LintMessage = {
  ruleId: 'repeated-phrase',
  messageId: 'repeatedPhrase',
  severity: 'info',
  message: 'Cụm từ "ngày 19/9/2023" bị gõ lặp liền nhau',
  line: 40,
  column: 7,
  endLine: 41,
  endColumn: 3,
  page: 2,
  excerpt: 'ngày 19/9/2023 ngày 19/9/2023',
  related: [
    { message: 'Lần đầu ở đây', line: 40, column: 7, endLine: 40, endColumn: 21, excerpt: 'ngày 19/9/2023' },
    {
      message: 'Văn bản khác',
      filePath: 'other.docx',
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 4,
      paragraph: 5,
      excerpt: 'abc',
    },
  ],
};

const results: FileResult[] = [
  fileResult('docs/ke hoạch.txt', [A, B]),
  fileResult('scan/b.pdf', [C]),
  fileResult('missing.docx', [], { message: 'không tìm thấy tệp' }),
  fileResult('clean.txt', []),
];

const context: ReportContext = { lang: 'vi', color: false, cwd: '/work/repo', rules, version: '1.2.3' };

describe('stylish', () => {
  it('groups by file, aligns columns, shows excerpts, suggestions, related places and a summary (vi)', async () => {
    expect(await formatResults('stylish', results, context)).toBe(
      [
        'docs/ke hoạch.txt',
        '  3:1   lỗi       Thiếu số, ký hiệu  header-check',
        '                  KẾ HOẠCH',
        '  12:5  cảnh báo  Từ "các" bị gõ lặp liền nhau  repeated-phrase',
        '                  các các',
        '                  → sửa thành: các',
        '',
        'scan/b.pdf',
        '  40:7  thông tin  Cụm từ "ngày 19/9/2023" bị gõ lặp liền nhau  repeated-phrase',
        '                   [trang 2] ngày 19/9/2023 ngày 19/9/2023',
        '                   ↳ 40:7  Lần đầu ở đây — ngày 19/9/2023',
        '                   ↳ other.docx:5:1  Văn bản khác — abc',
        '',
        'missing.docx',
        '  không đọc được  không tìm thấy tệp',
        '',
        '✖ 1 lỗi, 1 cảnh báo, 1 thông tin, 1 tệp không đọc được',
        '',
      ].join('\n'),
    );
  });

  it('summary in English, plurals', async () => {
    const text = await formatResults('stylish', [fileResult('a.txt', [A, A, B])], { ...context, lang: 'en' });
    expect(text.split('\n')[1]).toBe('  3:1   error    Thiếu số, ký hiệu  header-check');
    expect(text.endsWith('\n\n✖ 2 errors, 1 warning, 0 info\n')).toBe(true);
  });

  it('no problems: one line', async () => {
    expect(await formatResults('stylish', [fileResult('a.txt', []), fileResult('b.txt', [])], context)).toBe(
      '✔ Không phát hiện vấn đề nào (2 tệp)\n',
    );
    expect(await formatResults('stylish', [fileResult('a.txt', [])], { ...context, lang: 'en' })).toBe(
      '✔ No problems found (1 file)\n',
    );
  });

  it('colours only when asked', async () => {
    const plain = await formatResults('stylish', results, context);
    const coloured = await formatResults('stylish', results, { ...context, color: true });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(coloured).toMatch(/\u001b\[31m/); // red for the error
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });
});

describe('json', () => {
  it('prints exactly the documented names, optional keys only when set', async () => {
    const parsed = JSON.parse(await formatResults('json', results, context));
    expect(parsed).toEqual([
      {
        filePath: 'docs/ke hoạch.txt',
        messages: [
          {
            ruleId: 'header-check',
            severity: 'error',
            message: 'Thiếu số, ký hiệu',
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 10,
            excerpt: 'KẾ HOẠCH',
            messageId: 'missingNumber',
          },
          {
            ruleId: 'repeated-phrase',
            severity: 'warning',
            message: 'Từ "các" bị gõ lặp liền nhau',
            line: 12,
            column: 5,
            endLine: 12,
            endColumn: 12,
            excerpt: 'các các',
            suggestion: 'các',
            messageId: 'repeatedWord',
          },
        ],
        errorCount: 1,
        warningCount: 1,
        infoCount: 0,
        fatal: null,
      },
      {
        filePath: 'scan/b.pdf',
        messages: [
          {
            ruleId: 'repeated-phrase',
            severity: 'info',
            message: 'Cụm từ "ngày 19/9/2023" bị gõ lặp liền nhau',
            line: 40,
            column: 7,
            endLine: 41,
            endColumn: 3,
            page: 2,
            excerpt: 'ngày 19/9/2023 ngày 19/9/2023',
            messageId: 'repeatedPhrase',
            related: [
              {
                message: 'Lần đầu ở đây',
                line: 40,
                column: 7,
                endLine: 40,
                endColumn: 21,
                excerpt: 'ngày 19/9/2023',
              },
              {
                message: 'Văn bản khác',
                filePath: 'other.docx',
                line: 5,
                column: 1,
                endLine: 5,
                endColumn: 4,
                paragraph: 5,
                excerpt: 'abc',
              },
            ],
          },
        ],
        errorCount: 0,
        warningCount: 0,
        infoCount: 1,
        fatal: null,
      },
      {
        filePath: 'missing.docx',
        messages: [],
        errorCount: 0,
        warningCount: 0,
        infoCount: 0,
        fatal: { message: 'không tìm thấy tệp' },
      },
      { filePath: 'clean.txt', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fatal: null },
    ]);
    expect(Object.keys(parsed[0])).toEqual([
      'filePath',
      'messages',
      'errorCount',
      'warningCount',
      'infoCount',
      'fatal',
    ]);
    expect(Object.keys(parsed[1].messages[0])).toEqual([
      'ruleId',
      'severity',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'page',
      'excerpt',
      'messageId',
      'related',
    ]);
  });
});

describe('github', () => {
  it('one workflow command per message; info is a notice; a fatal file is an error without a line', async () => {
    expect(await formatResults('github', results, context)).toBe(
      [
        '::error file=docs/ke hoạch.txt,line=3,col=1,endLine=3,endColumn=10,title=header-check::Thiếu số, ký hiệu',
        '::warning file=docs/ke hoạch.txt,line=12,col=5,endLine=12,endColumn=12,title=repeated-phrase::Từ "các" bị gõ lặp liền nhau',
        '::notice file=scan/b.pdf,line=40,col=7,endLine=41,endColumn=3,title=repeated-phrase::Cụm từ "ngày 19/9/2023" bị gõ lặp liền nhau',
        '::error file=missing.docx,title=kh::không tìm thấy tệp',
        '',
      ].join('\n'),
    );
  });

  it('escapes per the workflow-command rules; paths relative to the working directory', async () => {
    expect(escapeData('50% xong\r\ndòng 2')).toBe('50%25 xong%0D%0Adòng 2');
    expect(escapeProperty('a:b,c%d\n')).toBe('a%3Ab%2Cc%25d%0A');
    const odd = fileResult('/work/repo/van bản/a,b:c.txt', [{ ...A, message: 'Tỷ lệ 100%\nmới' }]);
    expect(await formatResults('github', [odd], context)).toBe(
      '::error file=van bản/a%2Cb%3Ac.txt,line=3,col=1,endLine=3,endColumn=10,title=header-check::Tỷ lệ 100%25%0Amới\n',
    );
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(join(HERE, 'data/sarif-schema-2.1.0.json'), 'utf8'));
  // The official schema is draft-04; Ajv 8 reads it once "id" is spelled "$id" (no other draft-04
  // keyword is used by it).
  const { $schema: _draft, id, ...rest } = schema;
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const validate = ajv.compile({ $id: id, ...rest });

  it('is valid against the SARIF 2.1.0 schema', async () => {
    const log = JSON.parse(await formatResults('sarif', results, context));
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('the validator does reject a broken log', async () => {
    const log = JSON.parse(await formatResults('sarif', results, context));
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
    delete log.version;
    expect(validate(log)).toBe(false);
  });

  it('carries rules with help, levels, regions, relative URIs, related locations and fatal files', async () => {
    const log = JSON.parse(await formatResults('sarif', results, context));
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'kh', version: '1.2.3' });
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'repeated-phrase');
    expect(rule.shortDescription.text).toBe(
      rules.find((r) => r.meta.id === 'repeated-phrase')!.meta.description.vi,
    );
    expect(rule.help.text).toContain('Sai:');
    expect(rule.help.text).toContain('ngày 19/9/2023 ngày 19/9/2023');
    expect(rule.help.markdown).toContain('```text');
    expect(rule.defaultConfiguration).toEqual({ level: 'warning' });
    expect(run.language).toBe('vi');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/repo/');
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note']);
    expect(run.results[0].ruleIndex).toBeUndefined(); // header-check is not a rule of this run (made-up id)
    expect(run.results[1].ruleIndex).toBe(run.tool.driver.rules.indexOf(rule));
    expect(run.results[1].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/ke%20ho%E1%BA%A1ch.txt', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 12, snippet: { text: 'các các' } },
    });
    expect(run.results[1].properties).toEqual({
      messageId: 'repeatedWord',
      severity: 'warning',
      suggestion: 'các',
    });
    expect(run.results[2].relatedLocations[1]).toEqual({
      id: 2,
      physicalLocation: {
        artifactLocation: { uri: 'other.docx', uriBaseId: '%SRCROOT%', index: 2 },
        region: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 4, snippet: { text: 'abc' } },
      },
      message: { text: 'Văn bản khác' },
    });
    expect(run.results[2].properties.page).toBe(2);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe(
      'missing.docx: không tìm thấy tệp',
    );
  });

  it('help in English with --lang en; a clean run is successful', async () => {
    const log = JSON.parse(
      await formatResults('sarif', [fileResult('a.txt', [])], { ...context, lang: 'en' }),
    );
    expect(validate(log)).toBe(true);
    expect(log.runs[0].language).toBe('en');
    expect(log.runs[0].tool.driver.rules[0].help.text).toContain('Wrong:');
    expect(log.runs[0].invocations[0]).toEqual({ executionSuccessful: true });
    expect(log.runs[0].results).toEqual([]);
  });
});
