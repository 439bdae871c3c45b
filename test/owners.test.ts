import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlan } from '../src/parse/index.js';
import { buildMatrix as buildMatrixOf, leadKeys } from '../src/domain/matrix.js';
import { builtinData } from '../src/data/store.js';

const buildMatrix = (plan: Parameters<typeof buildMatrixOf>[0]) => buildMatrixOf(plan, builtinData);
import { renderOwners, summarize } from '../src/owners/render.js';
import { loadReference, ReferenceError } from '../src/owners/references.js';
import { run } from '../src/cli/commands/owners.js';
import type { CliContext } from '../src/util/cli.js';

function ctxFor(lang: 'vi' | 'en' = 'vi') {
  const out: string[] = [];
  const err: string[] = [];
  const ctx = {
    lang,
    color: false,
    debug: false,
    out: (s: string) => out.push(s),
    err: (s: string) => err.push(s),
  } as unknown as CliContext;
  return { ctx, out, err };
}

describe('responsibility matrix', () => {
  it("000: the strategy's 20 indicators, each led once except 3.2 (Sở LĐTBXH and Sở VHTTDL)", async () => {
    const matrix = buildMatrix(await loadPlan('fixtures/000_a2bc4216fc60fd38.txt'));
    expect(matrix.catalogue?.id).toBe('chien-luoc-bdg-2021-2030');
    expect(matrix.indicators).toHaveLength(20);
    const counts = Object.fromEntries(
      matrix.indicators.map((r) => [`${r.goal}.${r.indicator}`, leadKeys(r).length]),
    );
    expect(Object.entries(counts).filter(([, n]) => n !== 1)).toEqual([['3.2', 2]]);
    const summary = summarize('000', matrix, 'vi');
    expect(summary.indicators.find((i) => i.goal === 3 && i.indicator === 2)!.leads).toEqual([
      'Sở Lao động - Thương binh và Xã hội',
      'Sở Văn hóa, Thể thao và Du lịch',
    ]);
    expect(summary.agencies.find((a) => a.name === 'Sở Y tế')!.lead).toEqual(['4.1', '4.2', '4.3', '4.4']);
    expect(summary.agencies.find((a) => a.name === 'Sở Kế hoạch và Đầu tư')!.lead).toEqual([
      '2.3',
      '3.1',
      '5.4',
    ]);
  });

  it('004 with its appendix: goals by the table group rows; goals 1 and 3 have no lead', async () => {
    const matrix = buildMatrix(await loadPlan('fixtures/variants/004_appendix.docx'));
    expect(matrix.catalogue?.id).toBe('self');
    const unowned = matrix.indicators
      .filter((r) => leadKeys(r).length === 0)
      .map((r) => `${r.goal}.${r.indicator}`);
    expect(unowned).toEqual(['1.1', '3.1', '3.2', '3.3']);
    const summary = summarize('004', matrix, 'en');
    expect(summary.agencies.find((a) => a.name === 'Phòng Y tế')!.lead).toEqual(['4.1', '4.2', '4.3']);
    expect(summary.agencies.find((a) => a.name.startsWith('Các đơn vị có liên quan'))!.support).toHaveLength(
      18,
    );
  });

  it('004 (.txt, .docx, .pdf): 18 own indicators, none assigned in the text', async () => {
    for (const ext of ['txt', 'docx', 'pdf']) {
      const matrix = buildMatrix(await loadPlan(`fixtures/004_a5398dc3df371b71.${ext}`));
      expect(matrix.indicators).toHaveLength(18);
      expect(matrix.indicators.every((r) => r.leads.length === 0)).toBe(true);
    }
  });
});

describe('kh owners', () => {
  it('table (default) on 000: header of indicator columns, 3.2 flagged', async () => {
    const { ctx, out } = ctxFor();
    expect(await run(ctx, ['fixtures/000_a2bc4216fc60fd38.txt'], { format: 'table' })).toBe(0);
    const text = out.join('');
    expect(text).toContain('Cơ quan');
    expect(text).toMatch(/1\.1 2\.1 2\.2 2\.3 3\.1 3\.2/);
    expect(text).toMatch(
      /Chỉ tiêu có hai cơ quan chủ trì trở lên: \n {2}! 3\.2 .*Sở Lao động - Thương binh và Xã hội; Sở Văn hóa, Thể thao và Du lịch/,
    );
    expect(text).toContain('Chỉ tiêu chưa có cơ quan chủ trì: không có');
  });
  it('json, csv and md', async () => {
    const json = ctxFor('en');
    await run(json.ctx, ['fixtures/000_a2bc4216fc60fd38.txt'], { format: 'json' });
    const value = JSON.parse(json.out.join(''));
    expect(value.indicators.filter((i: { status: string }) => i.status === 'double')).toHaveLength(1);
    const csv = ctxFor();
    await run(csv.ctx, ['fixtures/000_a2bc4216fc60fd38.txt'], { format: 'csv' });
    const lines = csv.out.join('').trim().split('\n');
    expect(lines[0]).toBe(
      'Cơ quan,1.1,2.1,2.2,2.3,3.1,3.2,3.3,3.4,4.1,4.2,4.3,4.4,5.1,5.2,5.3,5.4,6.1,6.2,6.3,6.4',
    );
    expect(lines.find((l) => l.startsWith('Sở Nội vụ'))).toBe('Sở Nội vụ,C' + ','.repeat(19));
    expect(lines.at(-1)).toBe('Số cơ quan chủ trì,1,1,1,1,1,2,1,1,1,1,1,1,1,1,1,1,1,1,1,1');
    const md = ctxFor();
    await run(md.ctx, ['fixtures/variants/004_appendix.docx'], { format: 'md' });
    expect(md.out.join('')).toContain('| Số cơ quan chủ trì | **0** | 1 | 1 | 1 | **0** | **0** | **0** |');
  });
  it('a plan with no goals or indicator references: says so', async () => {
    const { ctx, out } = ctxFor('en');
    expect(await run(ctx, ['fixtures/002_06484e6e4818e0d7.txt'], { format: 'table' })).toBe(0);
    expect(out.join('')).toContain('neither defines nor assigns goals');
  });
  it('a missing file: one line, exit 2', async () => {
    const { ctx, err } = ctxFor();
    expect(await run(ctx, ['khong-co.txt'], { format: 'table' })).toBe(2);
    expect(err).toHaveLength(1);
  });
  it('--ref: a JSON catalogue replaces the strategy for the plan it is the document of', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-owners-'));
    const file = join(dir, 'kh122.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'kh-122',
        title: 'Kế hoạch số 122/KH-UBND',
        document: { docType: 'Kế hoạch', number: '122', symbol: 'KH-UBND' },
        goals: [
          {
            index: 3,
            indicators: [
              { index: 1, text: 'a' },
              { index: 2, text: 'b' },
            ],
          },
        ],
      }),
    );
    const { ctx, out } = ctxFor();
    expect(await run(ctx, ['fixtures/000_a2bc4216fc60fd38.txt'], { format: 'json', ref: [file] })).toBe(0);
    const value = JSON.parse(out.join(''));
    expect(value.catalogue.id).toBe('kh-122');
    expect(
      value.indicators.map((i: { goal: number; indicator: number }) => `${i.goal}.${i.indicator}`),
    ).toEqual(['3.1', '3.2']);
  });
  it('--ref: a bad catalogue or a document without goals is one clear line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-owners-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"id": "x"}');
    const { ctx, err } = ctxFor();
    expect(await run(ctx, ['fixtures/000_a2bc4216fc60fd38.txt'], { format: 'table', ref: [bad] })).toBe(2);
    expect(err.join('')).toMatch(/^kh: tệp tham chiếu .*bad\.json: không phải bộ chỉ tiêu hợp lệ/);
    await expect(loadReference('fixtures/002_06484e6e4818e0d7.txt', process.cwd())).rejects.toBeInstanceOf(
      ReferenceError,
    );
  });
  it('--ref: a plan document becomes a catalogue (004 as the reference of its own numbering)', async () => {
    const [catalogue] = await loadReference('fixtures/004_a5398dc3df371b71.docx', process.cwd());
    expect(catalogue!.goals.map((g) => g.indicators.length)).toEqual([1, 3, 3, 3, 4, 4]);
    expect(catalogue!.goals[1]!.indicators[2]!.targets[0]).toMatchObject({
      year: 2023,
      value: 26.05,
      unit: '%',
    });
  });
  it('renders English', async () => {
    const matrix = buildMatrix(await loadPlan('fixtures/000_a2bc4216fc60fd38.txt'));
    expect(renderOwners('000', matrix, 'table', { lang: 'en' })).toContain(
      'L = lead (chủ trì / chịu trách nhiệm), S = support (phối hợp)',
    );
  });
});

describe('kh lint --ref', () => {
  it('a reference catalogue is used by indicator-ref; a missing one is one line, exit 2', async () => {
    const { run: lint } = await import('../src/cli/commands/lint.js');
    const dir = mkdtempSync(join(tmpdir(), 'kh-lint-ref-'));
    const file = join(dir, 'kh122.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'kh-122',
        title: 'Kế hoạch số 122/KH-UBND',
        document: { docType: 'Kế hoạch', number: '122', symbol: 'KH-UBND' },
        goals: [{ index: 3, indicators: [{ index: 1, text: 'a' }] }],
      }),
    );
    const ok = ctxFor();
    await lint(ok.ctx, [join(process.cwd(), 'fixtures/000_a2bc4216fc60fd38.txt')], {
      format: 'json',
      ref: [file],
      cwd: dir,
      rule: ['indicator-ref:warning'],
    });
    const results = JSON.parse(ok.out.join('')) as {
      messages: { ruleId: string; messageId: string; message: string }[];
    }[];
    const mine = results[0]!.messages.filter((m) => m.ruleId === 'indicator-ref');
    expect(mine.find((m) => m.messageId === 'unknownGoal')!.message).toContain(
      'Kế hoạch số 122/KH-UBND không có Mục tiêu 2 (chỉ có Mục tiêu 3)',
    );
    const bad = ctxFor('en');
    expect(
      await lint(bad.ctx, [join(process.cwd(), 'fixtures/000_a2bc4216fc60fd38.txt')], {
        format: 'json',
        ref: [join(dir, 'none.json')],
        cwd: dir,
      }),
    ).toBe(2);
    expect(bad.err.join('')).toMatch(/^kh: reference .*none\.json: cannot be read \(ENOENT\)\n$/);
  });
});

describe('kh.config.json "references"', () => {
  it('paths relative to the config file; used by kh owners and kh lint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-config-ref-'));
    writeFileSync(
      join(dir, 'kh122.json'),
      JSON.stringify({
        catalogues: [
          {
            id: 'kh-122',
            title: 'Kế hoạch số 122/KH-UBND',
            document: { docType: 'Kế hoạch', number: '122', symbol: 'KH-UBND' },
            goals: [
              {
                index: 3,
                indicators: [
                  { index: 1, text: 'a' },
                  { index: 2, text: 'b' },
                ],
              },
            ],
          },
        ],
      }),
    );
    writeFileSync(join(dir, 'kh.config.json'), JSON.stringify({ references: ['kh122.json'] }));
    const owners = ctxFor();
    expect(
      await run(owners.ctx, [join(process.cwd(), 'fixtures/000_a2bc4216fc60fd38.txt')], {
        format: 'json',
        cwd: dir,
      }),
    ).toBe(0);
    expect(JSON.parse(owners.out.join('')).catalogue.id).toBe('kh-122');
    const { run: lint } = await import('../src/cli/commands/lint.js');
    const l = ctxFor();
    await lint(l.ctx, [join(process.cwd(), 'fixtures/000_a2bc4216fc60fd38.txt')], {
      format: 'json',
      cwd: dir,
    });
    const messages = (
      JSON.parse(l.out.join('')) as { messages: { ruleId: string; messageId: string }[] }[]
    )[0]!.messages;
    expect(messages.some((m) => m.ruleId === 'indicator-ref' && m.messageId === 'unknownGoal')).toBe(true);
  });
});

describe('two agencies leading different rows of one goal', () => {
  it('is a division of work, not a double lead', async () => {
    const { planFromText } = await import('../src/examples/run.js');
    const { positionOf } = await import('./rules/_harness.js');
    const { rule } = await import('../src/rules/indicator-ref.js');
    const { runRule } = await import('./rules/_harness.js');
    const plan = await planFromText(
      'II. MỤC TIÊU\n\n1. Mục tiêu 1: Trong lĩnh vực chính trị\n\nChỉ tiêu: Đạt 56% cơ quan có lãnh đạo chủ chốt là nữ.\n',
    );
    let line = 100;
    const row = (cells: string[], header = false) => ({
      type: 'row' as const,
      header,
      cells: cells.map((text, i) => ({
        type: 'cell' as const,
        text,
        position: positionOf(text || ' ', line, 1 + i * 40),
      })),
      position: positionOf('x', (line += 2)),
    });
    plan.tables.push({
      type: 'table',
      role: 'assignment',
      rows: [
        row(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp'], true),
        row(['I', 'Mục tiêu 1: Chính trị', '', '']),
        row(['1', 'Rà soát quy hoạch', 'Phòng Nội vụ', '']),
        row(['2', 'Tuyên truyền', 'Phòng Văn hóa thông tin', '']),
      ],
      position: positionOf('x', 100),
    });
    const matrix = buildMatrix(plan);
    expect(leadKeys(matrix.indicators[0]!)).toHaveLength(2);
    expect(summarize('t', matrix, 'vi').indicators[0]!.status).toBe('ok');
    expect(runRule(rule, plan).filter((m) => m.messageId === 'doubleLead')).toEqual([]);
  });
});
