import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lintPlan, lintPlans, RuleError, fillTemplate } from '../src/rules/engine.js';
import { defineRule, type Rule } from '../src/rules/types.js';
import { rules } from '../src/rules/index.js';
import { resolveRules } from '../src/config/resolve.js';
import { ConfigError } from '../src/config/errors.js';
import { builtinData } from '../src/data/store.js';
import { locate } from '../src/util/location.js';
import { emptyPlan, paragraph, planWith } from './rules/_harness.js';

const env = { lang: 'vi' as const, data: builtinData, today: new Date('2024-06-01T00:00:00') };

/** A rule that reports every paragraph containing `word` (options), for engine tests. */
const findWord = defineRule({
  meta: {
    id: 'find-word',
    defaultSeverity: 'warning',
    description: { vi: 'Tìm một từ', en: 'Find a word' },
    docs: {
      vi: 'Tìm một từ trong văn bản.',
      en: 'Finds a word in the text.',
      wrong: ['có từ'],
      right: ['không'],
    },
    options: z.object({ word: z.string().min(1).default('lỗi'), max: z.number().int().min(1).default(10) }),
    messages: {
      found: { vi: 'Có từ "{word}" ở đây', en: 'The word "{word}" is here' },
      draft: { vi: 'Bản nháp', en: 'Draft', severity: 'info' },
    },
  },
  check(plan, context) {
    const out = [];
    for (const p of plan.preamble) {
      const at = p.text.indexOf(context.options.word);
      if (at >= 0)
        out.push(
          context.report({
            node: p,
            range: [at, at + context.options.word.length],
            messageId: 'found',
            data: { word: context.options.word },
          }),
        );
      if (p.text.startsWith('nháp')) out.push(context.report({ node: p, messageId: 'draft' }));
    }
    return out;
  },
});

const thrower: Rule = defineRule({
  meta: { ...findWord.meta, id: 'thrower' },
  check() {
    throw new TypeError('boom');
  },
});

describe('engine: severity and options from the configuration', () => {
  const plan = planWith(['một lỗi ở đây', 'nháp']);

  it('runs at the default severity with default options', () => {
    const active = resolveRules([findWord]);
    expect(active).toHaveLength(1);
    expect(active[0]!.options).toEqual({ word: 'lỗi', max: 10 });
    const messages = lintPlan(plan, active, env);
    expect(messages.map((m) => [m.messageId, m.severity])).toEqual([
      ['found', 'warning'],
      ['draft', 'info'],
    ]);
    expect(messages[0]).toMatchObject({
      ruleId: 'find-word',
      message: 'Có từ "lỗi" ở đây',
      line: 1,
      column: 5,
      endColumn: 8,
      excerpt: 'lỗi',
    });
  });

  it('config severity overrides the default; a variant with its own milder severity keeps it', () => {
    const messages = lintPlan(plan, resolveRules([findWord], { rules: { 'find-word': 'error' } }), env);
    expect(messages.map((m) => m.severity)).toEqual(['error', 'info']);
  });

  it('turning the rule down to info turns every variant to info', () => {
    const messages = lintPlan(plan, resolveRules([findWord], { rules: { 'find-word': 'info' } }), env);
    expect(messages.map((m) => m.severity)).toEqual(['info', 'info']);
  });

  it('"off" removes the rule', () => {
    expect(resolveRules([findWord], { rules: { 'find-word': 'off' } })).toEqual([]);
  });

  it('--rule overrides come last', () => {
    const active = resolveRules([findWord], { rules: { 'find-word': 'off' } }, [
      { id: 'find-word', severity: 'error' },
    ]);
    expect(active.map((a) => a.severity)).toEqual(['error']);
    expect(
      resolveRules([findWord], { rules: { 'find-word': 'error' } }, [{ id: 'find-word', severity: 'off' }]),
    ).toEqual([]);
  });

  it.each([
    [['warning', { word: 'đây' }]],
    [{ severity: 'warning', options: { word: 'đây' }, $comment: 'x' }],
  ] as const)('options in either form: %j', (entry) => {
    const active = resolveRules([findWord], { rules: { 'find-word': entry as never } });
    expect(active[0]!.options).toEqual({ word: 'đây', max: 10 });
    expect(lintPlan(plan, active, env)[0]).toMatchObject({ message: 'Có từ "đây" ở đây', column: 11 });
  });

  it('invalid options are a configuration error naming the rule and the field', () => {
    const attempt = () =>
      resolveRules([findWord], { rules: { 'find-word': ['error', { max: 0 }] } }, [], 'kh.config.json');
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const text = (error as ConfigError).describe('vi');
      expect(text).toMatch(/^kh\.config\.json: rules\.find-word: tùy chọn không hợp lệ — max: /);
      expect((error as ConfigError).describe('en')).toMatch(
        /^kh\.config\.json: rules\.find-word: invalid options — max: /,
      );
    }
    expect(() =>
      resolveRules([findWord], { rules: { 'find-word': ['error', { colour: 'red' }] } }),
    ).not.toThrow();
  });

  it('messages in English with lang en', () => {
    const messages = lintPlan(plan, resolveRules([findWord]), { ...env, lang: 'en' });
    expect(messages.map((m) => m.message)).toEqual(['The word "lỗi" is here', 'Draft']);
  });
});

describe('engine: a failing rule is an internal error, never a finding', () => {
  const plan = planWith(['một lỗi ở đây'], 'van-ban/ke-hoach.txt');

  it('a rule that throws → RuleError naming the rule and the file', () => {
    const run = () => lintPlan(plan, [...resolveRules([findWord]), ...resolveRules([thrower])], env);
    expect(run).toThrow(RuleError);
    try {
      run();
    } catch (error) {
      const e = error as RuleError;
      expect(e.ruleId).toBe('thrower');
      expect(e.filePath).toBe('van-ban/ke-hoach.txt');
      expect(e.cause).toBeInstanceOf(TypeError);
      expect(e.describe('vi')).toBe(
        'lỗi nội bộ ở quy tắc "thrower" khi kiểm tra tệp van-ban/ke-hoach.txt (boom); hãy chạy lại với --debug và báo lỗi',
      );
      expect(e.describe('en')).toContain(
        'internal error in rule "thrower" while checking van-ban/ke-hoach.txt (boom)',
      );
    }
  });

  it.each([
    [
      'an unknown messageId',
      (ctx: any, p: any) => [ctx.report({ node: p.preamble[0], messageId: 'nope' })],
      /unknown messageId "nope"/,
    ],
    [
      'a placeholder without data',
      (ctx: any, p: any) => [ctx.report({ node: p.preamble[0], messageId: 'found' })],
      /placeholder \{word\}/,
    ],
    [
      'a range outside the text',
      (ctx: any, p: any) => [ctx.report({ node: p.preamble[0], range: [3, 99], messageId: 'draft' })],
      /outside the node's text/,
    ],
    [
      'a hand-made message',
      () => [{ ruleId: 'other', message: 'x' }],
      /not a message made by context\.report/,
    ],
    [
      'a throwing generator',
      function* () {
        yield* [];
        throw new Error('late');
      },
      /late/,
    ],
  ])('%s → RuleError', (_name, check, pattern) => {
    const rule = defineRule({
      meta: { ...findWord.meta, id: 'bad-rule' },
      check: (p, ctx) => (check as any)(ctx, p),
    });
    expect(() => lintPlan(plan, resolveRules([rule]), env)).toThrow(RuleError);
    expect(() => lintPlan(plan, resolveRules([rule]), env)).toThrow(pattern);
  });
});

describe('engine: context', () => {
  it("gives today, the file path and the data store; a cross-file rule sees every file's summary once, in input order", () => {
    const seen: unknown[] = [];
    const runs: unknown[] = [];
    const spy = defineRule({
      meta: { ...findWord.meta, id: 'spy' },
      check(plan, context) {
        seen.push([
          context.filePath,
          context.today.toISOString().slice(0, 10),
          context.data.functionWords.entries.length > 0,
        ]);
        return [];
      },
      crossFile: {
        version: 3,
        summarize: (plan, context) => ({
          path: plan.source.path,
          same: context.filePath === plan.source.path,
        }),
        *checkRun(files, context) {
          runs.push(files.map((f) => [f.filePath, f.summary]));
          // A finding in the last file, pointing at the first one.
          yield context.report(files.length - 1, {
            messageId: 'found',
            data: { word: files[0]!.filePath },
            related: [{ messageId: 'found', data: { word: 'x' }, filePath: files[0]!.filePath }],
          });
        },
      },
    });
    const plans = [emptyPlan('a.txt'), emptyPlan('b.docx'), emptyPlan('c.pdf')];
    const lists = lintPlans(plans, resolveRules([spy]), { ...env, today: new Date('2025-01-02T12:00:00Z') });
    expect(seen).toEqual([
      ['a.txt', '2025-01-02', true],
      ['b.docx', '2025-01-02', true],
      ['c.pdf', '2025-01-02', true],
    ]);
    expect(runs).toEqual([
      [
        ['a.txt', { path: 'a.txt', same: true }],
        ['b.docx', { path: 'b.docx', same: true }],
        ['c.pdf', { path: 'c.pdf', same: true }],
      ],
    ]);
    expect(lists.map((l) => l.length)).toEqual([0, 0, 1]);
    expect(lists[2]![0]!.related![0]!.filePath).toBe('a.txt');
    expect(lists[2]![0]!.line).toBe(1);
  });

  it('related places (same file and another file), suggestion, document-level and position targets', () => {
    const plan = planWith(['Kế hoạch số 12 ngày 3/4/2024', 'Kế hoạch số 12 ngày 5/4/2024']);
    const cross = defineRule({
      meta: {
        ...findWord.meta,
        id: 'cross',
        messages: {
          dates: { vi: 'Ngày khác nhau', en: 'Different dates' },
          here: { vi: 'Ở đây ghi {date}', en: 'Here it says {date}' },
          missing: { vi: 'Thiếu phần kinh phí', en: 'No budget section' },
        },
      },
      check(p, context) {
        const [a, b] = p.preamble as [any, any];
        return [
          context.report({
            node: b,
            range: [20, 28],
            messageId: 'dates',
            suggestion: '3/4/2024',
            related: [
              { node: a, range: [20, 28], messageId: 'here', data: { date: '3/4/2024' } },
              { position: a.position, messageId: 'here', data: { date: '?' }, filePath: 'khac.docx' },
            ],
          }),
          context.report({ messageId: 'missing' }),
          context.report({
            position: { start: { line: 7, column: 2 }, end: { line: 9, column: 1 }, page: 2 },
            messageId: 'missing',
          }),
        ];
      },
    });
    const [missing, dates, positioned] = lintPlan(plan, resolveRules([cross]), env);
    expect(missing).toEqual({
      ruleId: 'cross',
      messageId: 'missing',
      severity: 'warning',
      message: 'Thiếu phần kinh phí',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      excerpt: '',
    });
    expect(dates).toEqual({
      ruleId: 'cross',
      messageId: 'dates',
      severity: 'warning',
      message: 'Ngày khác nhau',
      line: 3,
      column: 21,
      endLine: 3,
      endColumn: 29,
      excerpt: '5/4/2024',
      suggestion: '3/4/2024',
      related: [
        {
          message: 'Ở đây ghi 3/4/2024',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 29,
          excerpt: '3/4/2024',
        },
        {
          message: 'Ở đây ghi ?',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 29,
          excerpt: '',
          filePath: 'khac.docx',
        },
      ],
    });
    expect(positioned).toMatchObject({ line: 7, column: 2, endLine: 9, endColumn: 1, page: 2 });
  });

  it('sorts messages by page, line and column across rules', () => {
    const plan = planWith(['lỗi một', 'hai lỗi']);
    const second = defineRule({ ...findWord, meta: { ...findWord.meta, id: 'aaa-second' } });
    const messages = lintPlan(plan, resolveRules([findWord, second]), env);
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '1:1 aaa-second',
      '1:1 find-word',
      '3:5 aaa-second',
      '3:5 find-word',
    ]);
  });

  it('fills placeholders, several times and with numbers', () => {
    expect(fillTemplate('{a} và {a}: {n}', { a: 'x', n: 3 })).toBe('x và x: 3');
  });
});

describe('location: text index → source position', () => {
  it('a one-line node maps by column offset', () => {
    expect(locate(paragraph('abc def', { line: 4, column: 3 }), 4, 7)).toEqual({
      line: 4,
      column: 7,
      endLine: 4,
      endColumn: 10,
    });
  });

  it('a multi-line node whose text keeps its line breaks counts lines', () => {
    const node = paragraph('một hai\nba bốn\nnăm', { line: 2, column: 5 });
    expect(locate(node, 8, 10)).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 3 });
    expect(locate(node, 4, 10)).toEqual({ line: 2, column: 9, endLine: 3, endColumn: 3 });
    expect(locate(node, 15, 18)).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 4 });
  });

  it('parts: each end found in its own piece; a range ending on a boundary stays on its piece', () => {
    const node = {
      text: 'đầu trang một tiếp trang hai',
      position: { start: { line: 40, column: 1 }, end: { line: 2, column: 16 }, page: 1 },
      parts: [
        { at: 0, position: { start: { line: 40, column: 3 }, end: { line: 40, column: 15 }, page: 1 } },
        { at: 13, position: { start: { line: 2, column: 1 }, end: { line: 2, column: 16 }, page: 2 } },
      ],
    };
    expect(locate(node, 4, 12)).toEqual({ line: 40, column: 7, endLine: 40, endColumn: 15, page: 1 });
    expect(locate(node, 13, 18)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 6, page: 2 });
    expect(locate(node, 0, 13)).toEqual({ line: 40, column: 3, endLine: 40, endColumn: 16, page: 1 });
  });

  it('docx paragraph index is carried', () => {
    const node = paragraph('Số: 01/KH-UBND', { line: 7, paragraph: 7 });
    expect(locate(node, 5, 7)).toEqual({ line: 7, column: 6, endLine: 7, endColumn: 8, paragraph: 7 });
  });

  it('a multi-line piece whose line breaks were lost stays on its first line, clamped to its end', () => {
    const node = {
      text: 'một hai ba',
      position: { start: { line: 1, column: 1 }, end: { line: 2, column: 3 } },
    };
    expect(locate(node, 4, 7)).toEqual({ line: 1, column: 5, endLine: 1, endColumn: 8 });
  });
});

describe('the registered rules', () => {
  it.each(rules.map((r) => [r.meta.id, r] as const))('%s has a complete meta', (_id, rule) => {
    expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(['error', 'warning', 'info']).toContain(rule.meta.defaultSeverity);
    expect(rule.meta.description.vi && rule.meta.description.en).toBeTruthy();
    expect(() => rule.meta.options.parse({})).not.toThrow();
    for (const [id, template] of Object.entries(rule.meta.messages)) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(template.vi), id).toEqual(names(template.en));
    }
  });

  it('ids are unique', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
