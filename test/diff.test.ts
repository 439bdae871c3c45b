/**
 * `kh diff`: the structural matcher, word diff, report kinds and the three formats, on real
 * pairs (the seeds, the two Huế plans of the corpus) and on edits of a real seed.
 */
import { needsShared } from './_shared.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { computeDiff } from '../src/diff/compute.js';
import { formatMarkdown, formatText, summaryLine } from '../src/diff/format.js';
import { CHANGE_KINDS, type DiffReport } from '../src/diff/model.js';
import { tokenize, wordDiff } from '../src/diff/text.js';
import { loadPlan } from '../src/parse/index.js';
import { parseText } from '../src/parse/text.js';
import { buildPlan } from '../src/plan/build.js';
import type { Plan } from '../src/plan/schema.js';
import { Chalk } from 'chalk';

const ROOT = resolve(import.meta.dirname, '..');
const F = (name: string) => join(ROOT, 'fixtures', name);
const S000 = F('000_a2bc4216fc60fd38.txt');
const S001 = F('001_7c7171d5d3a46b8d.txt');
const S002 = F('002_06484e6e4818e0d7.txt');
// The shared corpus sits beside the repository (CI: beside the clone).
const CORPUS =
  [resolve(ROOT, '../shared/corpus/text'), '/work/shared/corpus/text'].find(existsSync) ??
  '/work/shared/corpus/text';
const HUE275 = join(CORPUS, 'hue_UBND-TP_KH275-KH-UBND_2025-06-25_phat-trien-du-lich.txt');
const HUE188 = join(CORPUS, 'hue_UBND-TP_KH188-KH-UBND_2026-04-02_du-lich-sinh-thai-cong-dong.txt');

const fromText = (text: string, path = 'mem.txt'): Plan => buildPlan(parseText(text, path));
const seedText = readFileSync(S000, 'utf8');
const structural = (r: DiffReport) => r.changes.filter((c) => c.group === 'structure');

async function cli(args: string[], cwd?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(['node', 'kh', ...args], {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      env: {},
      isTTY: false,
    });
    return { code, out, err };
  } finally {
    process.chdir(previous);
  }
}

describe('word diff', () => {
  it('tokenises Vietnamese syllables, numbers and punctuation, NFC', () => {
    expect(tokenize('Sở Lao động - Thương binh, 56,5% (năm 2024)')).toEqual([
      'Sở',
      'Lao',
      'động',
      '-',
      'Thương',
      'binh',
      ',',
      '56,5%',
      '(',
      'năm',
      '2024',
      ')',
    ]);
    // NFD input gives the same NFC tokens
    expect(tokenize('Bình đẳng'.normalize('NFD'))).toEqual(['Bình', 'đẳng']);
  });
  it('diacritics matter; case and spacing are minor', () => {
    const d = wordDiff('bình đẳng giới', 'bình đẵng giới');
    expect(d.minor).toBe(false);
    expect(d.parts).toEqual([
      { op: 'equal', text: 'bình' },
      { op: 'removed', text: 'đẳng' },
      { op: 'added', text: 'đẵng' },
      { op: 'equal', text: 'giới' },
    ]);
    expect(wordDiff('Bình  đẳng giới', 'bình đẳng Giới').minor).toBe(true);
    // inside a real rewording, a case change alone is not marked
    expect(
      wordDiff('của các Sở, ban', 'trực tiếp của các sở, ban').parts.filter((p) => p.op !== 'equal'),
    ).toEqual([{ op: 'added', text: 'trực tiếp' }]);
    expect(wordDiff('từ 15/11 đến 15/12', 'từ 15/11 đến 31/12').parts[0]).toEqual({
      op: 'equal',
      text: 'từ 15/11 đến',
    });
    expect(
      wordDiff('đạt 56%', 'đạt 60%')
        .parts.filter((p) => p.op !== 'equal')
        .map((p) => p.text),
    ).toEqual(['56%', '60%']);
  });
});

describe('same document in two formats → no change', () => {
  for (const [a, b] of [
    ['000_a2bc4216fc60fd38.txt', '000_a2bc4216fc60fd38.docx'],
    ['002_06484e6e4818e0d7.txt', '002_06484e6e4818e0d7.pdf'],
    ['003_4648be2b9eb23052.txt', '003_4648be2b9eb23052.docx'],
  ] as const) {
    it(`${a} vs ${b}`, async () => {
      const r = computeDiff(await loadPlan(F(a)), await loadPlan(F(b)));
      expect(r.changes).toEqual([]);
      for (const k of CHANGE_KINDS) expect(r.summary[k]).toBe(0);
      expect(r.summary.unchanged).toBeGreaterThan(40);
      expect(summaryLine(r, 'en')).toMatch(/^no change \(\d+ unchanged\)$/);
    });
  }
});

describe('000 (Bình Phước 2024) vs 001 (news article about the 2023 plan)', () => {
  let r: DiffReport;
  beforeAll(async () => {
    r = computeDiff(await loadPlan(S001), await loadPlan(S000));
  });
  it('says the old side has no plan structure and compares no structure', () => {
    expect(r.notes).toContainEqual({ code: 'not-a-plan', side: 'old' });
    expect(structural(r)).toEqual([]);
    expect(r.changes.filter((c) => c.group === 'responsibilities' || c.group === 'goals')).toEqual([]);
    expect(formatText(r, 'vi', new Chalk({ level: 0 }))).toContain('bản cũ không phải văn bản Kế hoạch');
  });
  it('still compares citations: the article cites Kế hoạch 95/KH-UBND, the plan does not', () => {
    const dropped = r.changes.filter((c) => c.kind === 'citation' && c.aspect === 'dropped');
    expect(dropped.map((c) => c.old!.text)).toEqual([expect.stringContaining('95/KH-UBND')]);
    const added = r.changes
      .filter((c) => c.kind === 'citation' && c.aspect === 'added')
      .map((c) => c.new!.text);
    expect(added).toEqual(
      expect.arrayContaining([
        expect.stringContaining('125/2021/NĐ-CP'),
        expect.stringContaining('1303/BLĐT BXH-VBĐG'),
      ]),
    );
    expect(r.summary.citation).toBe(r.changes.filter((c) => c.kind === 'citation').length);
  });
});

describe('000 vs 002: two provinces, same year', () => {
  let r: DiffReport;
  beforeAll(async () => {
    r = computeDiff(await loadPlan(S000), await loadPlan(F('002_06484e6e4818e0d7.pdf')));
  });
  it('pairs the task sections under different headings and reports the word diff', () => {
    const sec = r.changes.find((c) => c.aspect === 'section' && c.kind === 'reworded');
    expect(sec?.old?.text).toBe('NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM');
    expect(sec?.new?.text).toBe('NỘI DUNG');
    expect(r.changes).toContainEqual(
      expect.objectContaining({
        kind: 'added',
        aspect: 'section',
        old: null,
        new: expect.objectContaining({ text: 'CHẾ ĐỘ BÁO CÁO', path: 'V' }),
      }),
    );
  });
  it('finds the same sentence under another number: moved + reworded, not removed + added', () => {
    const moved = r.changes.filter(
      (c) => c.kind === 'moved' && c.old?.text.startsWith('Huy động đông đảo sự tham gia'),
    );
    expect(moved).toHaveLength(1);
    expect(moved[0]!.old!.path).toBe('II.3.b');
    expect(moved[0]!.new!.path).toBe('II.7.c');
    const reworded = r.changes.find((c) => c.kind === 'reworded' && c.old?.path === 'II.3.b');
    expect(reworded?.words?.filter((p) => p.op === 'added').map((p) => p.text)).toContain('trực tiếp');
    expect(
      r.changes.some((c) => c.kind === 'removed' && c.old?.text.startsWith('Huy động đông đảo sự tham gia')),
    ).toBe(false);
  });
  it('compares responsibilities per agency', () => {
    const ldtbxh = r.changes.filter(
      (c) => c.group === 'responsibilities' && c.owner === 'Sở Lao động - Thương binh và Xã hội',
    );
    expect(ldtbxh.some((c) => c.aspect === 'task-lost')).toBe(true);
    expect(ldtbxh.some((c) => c.aspect === 'task-gained' && c.new!.text.includes('9973/UBND-XH'))).toBe(true);
    for (const c of r.changes.filter((x) => x.kind === 'owner')) expect(c.old ?? c.new).not.toBeNull();
  });
  it('positions point into each document (line for .txt, page for .pdf)', () => {
    const c = r.changes.find((x) => x.kind === 'reworded' && x.aspect === 'section')!;
    expect(c.old!.position!.start.line).toBe(29);
    expect(c.new!.position!.page).toBe(1);
  });
});

describe('Huế 275/2025 → 188/2026 (same issuer, consecutive years)', () => {
  const has = existsSync(HUE275) && existsSync(HUE188);
  it.skipIf(!has)(
    needsShared('matches the organisation section across renumbering and sees 188 citing 275'),
    async () => {
      const r = computeDiff(await loadPlan(HUE275), await loadPlan(HUE188));
      expect(r.changes).toContainEqual(
        expect.objectContaining({
          kind: 'moved',
          aspect: 'section',
          old: expect.objectContaining({ text: 'TỔ CHỨC THỰC HIỆN', path: 'IV' }),
          new: expect.objectContaining({ text: 'TỔ CHỨC THỰC HIỆN', path: 'V' }),
        }),
      );
      expect(
        r.changes.some(
          (c) => c.kind === 'citation' && c.aspect === 'added' && c.new!.text.includes('275/KH-UBND'),
        ),
      ).toBe(true);
      // Sở Du lịch leads in both: tasks compared, not the agency added or removed
      expect(r.changes.some((c) => c.owner === 'Sở Du lịch' && /agency-/.test(c.aspect))).toBe(false);
    },
  );
});

describe('edits of a real seed', () => {
  it('a renumbered item is moved; a swapped pair of items is moved, nothing added or removed', () => {
    // swap items 7 and 8 of section II (numbers follow the new order)
    const lines = seedText.split('\n');
    const i7 = lines.findIndex((l) => l.startsWith('7. Công tác thanh tra'));
    const i8 = lines.findIndex((l) => l.startsWith('8. Chế độ báo cáo'));
    expect(i7).toBeGreaterThan(0);
    const edited = [...lines];
    edited[i7] = lines[i8]!.replace(/^8\./, '7.');
    edited[i8] = lines[i7]!.replace(/^7\./, '8.');
    const r = computeDiff(fromText(seedText), fromText(edited.join('\n')));
    expect(r.summary.added).toBe(0);
    expect(r.summary.removed).toBe(0);
    expect(r.summary.reworded).toBe(0);
    expect(
      r.changes
        .filter((c) => c.kind === 'moved')
        .map((c) => `${c.old!.path}→${c.new!.path}`)
        .sort(),
    ).toEqual(['II.7→II.8', 'II.8→II.7']);
  });
  it('a changed word is reworded with its word diff; a case change is minor', () => {
    const edited = seedText
      .replace('Tổ chức kiểm tra, thanh tra, xử lý vi phạm', 'Tổ chức giám sát, thanh tra, xử lý vi phạm')
      .replace('2. Yêu cầu', '2. YÊU CẦU');
    const r = computeDiff(fromText(seedText), fromText(edited));
    expect(r.changes.map((c) => c.kind)).toEqual(['reworded']);
    expect(r.changes[0]!.words!.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'removed', text: 'kiểm tra' },
      { op: 'added', text: 'giám sát' },
    ]);
    expect(r.summary.minor).toBe(1);
  });
  it('an added and a removed agency, a role change', () => {
    const edited = seedText.replace(/\n2\. Sở Nội vụ\n/, '\n2. Sở Ngoại vụ\n');
    const r = computeDiff(fromText(seedText), fromText(edited));
    const owners = r.changes.filter((c) => c.kind === 'owner');
    expect(owners.map((c) => [c.aspect, c.owner])).toEqual([
      ['agency-removed', 'Sở Nội vụ'],
      ['agency-added', 'Sở Ngoại vụ'],
    ]);
  });
  it('2023 → 2024: deadlines moved with the year, the one left at 2023 flagged stale', () => {
    // the "2023 plan": the seed with its year set back; the "2024 plan": the seed with one
    // deadline forgotten at 2023 (line 157)
    const old2023 = seedText.replaceAll('2024', '2023');
    const lines = seedText.split('\n');
    const at = lines.findIndex((l) =>
      l.includes('Phối hợp với Sở Lao động - Thương binh và Xã hội triển khai thực hiện “Tháng hành động'),
    );
    lines[at] = lines[at]!.replace('15/12/2024', '15/12/2023');
    const r = computeDiff(fromText(old2023, 'kh2023.txt'), fromText(lines.join('\n'), 'kh2024.txt'));
    expect(r.notes).toContainEqual({ code: 'years', data: { old: 2023, new: 2024 } });
    const stale = r.changes.filter((c) => c.kind === 'stale');
    expect(stale).toHaveLength(1);
    expect(stale[0]!.new!.text).toContain('15/12/2023');
    expect(stale[0]!.new!.position!.start.line).toBe(at + 1);
    const moved = r.changes.filter((c) => c.kind === 'date');
    expect(moved.length).toBeGreaterThanOrEqual(1);
    expect(moved.some((c) => c.old!.path === '2023-11-15' && c.new!.path === '2024-11-15')).toBe(true);
    // citations whose date changed are "cited differently"
    expect(
      r.changes.some(
        (c) => c.kind === 'citation' && c.aspect === 'cited-differently' && c.new!.text.includes('1303'),
      ),
    ).toBe(true);
  });
});

describe('agencies through the registry', () => {
  const plan = (agency: string) =>
    fromText(
      `KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\nI. MỤC ĐÍCH\n1. Mục đích\nII. TỔ CHỨC THỰC HIỆN\n1. ${agency}\n- Chủ trì tổ chức Tháng hành động vì bình đẳng giới.\n2. Sở Tư pháp\n- Phối hợp tuyên truyền pháp luật về bình đẳng giới.\n`,
    );
  it('a merged agency is matched with its successor (Sở LĐTBXH → Sở Nội vụ), with a note', async () => {
    const { registryResolver } = await import('../src/cli/commands/diff.js');
    const resolver = await registryResolver();
    expect(resolver).toBeDefined();
    const r = computeDiff(plan('Sở Lao động - Thương binh và Xã hội'), plan('Sở Nội vụ'), {
      resolveOwner: resolver,
    });
    expect(r.changes.filter((c) => c.kind === 'owner')).toEqual([]);
    expect(r.notes).toContainEqual({
      code: 'renamed',
      data: { from: 'Sở Lao động - Thương binh và Xã hội', to: 'Sở Nội vụ' },
    });
    // without the registry: one agency removed, one added
    const plain = computeDiff(plan('Sở Lao động - Thương binh và Xã hội'), plan('Sở Nội vụ'));
    expect(plain.changes.filter((c) => c.kind === 'owner').map((c) => c.aspect)).toEqual([
      'agency-removed',
      'agency-added',
    ]);
  });
  it('an agency that is not a successor stays added/removed', async () => {
    const { registryResolver } = await import('../src/cli/commands/diff.js');
    const r = computeDiff(plan('Sở Lao động - Thương binh và Xã hội'), plan('Sở Tài chính'), {
      resolveOwner: await registryResolver(),
    });
    expect(r.changes.filter((c) => c.kind === 'owner').map((c) => c.aspect)).toEqual([
      'agency-removed',
      'agency-added',
    ]);
  });
});

describe('goals and indicators (seed 004, Ngọc Hồi)', () => {
  const text004 = readFileSync(F('004_a5398dc3df371b71.txt'), 'utf8');
  it('a target changed (56% → 60%) and an indicator dropped', () => {
    const lines = text004.split('\n');
    const i4 = lines.findIndex((l) => l.startsWith('- Chỉ tiêu 4: Tỷ lệ nữ thạc sĩ'));
    expect(i4).toBeGreaterThan(0);
    lines.splice(i4, 1);
    const edited = lines.join('\n').replace('đạt 56% các cơ quan', 'đạt 60% các cơ quan');
    const r = computeDiff(fromText(text004, '004.txt'), fromText(edited, '004-new.txt'));
    const targets = r.changes.filter((c) => c.kind === 'target');
    expect(targets).toHaveLength(1);
    expect(targets[0]!.old).toMatchObject({ text: '56%', path: '1.1' });
    expect(targets[0]!.new).toMatchObject({ text: '60%', path: '1.1' });
    const dropped = r.changes.filter((c) => c.kind === 'indicator');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ aspect: 'indicator-dropped', new: null, old: { path: '5.4' } });
    expect(dropped[0]!.old!.text).toContain('thạc sĩ');
    // the same edits seen as structure: the item reworded, the item removed
    expect(r.summary.removed).toBe(1);
    expect(r.changes.find((c) => c.kind === 'reworded')?.words?.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'removed', text: '56%' },
      { op: 'added', text: '60%' },
    ]);
  });
});

describe('kh diff (CLI)', () => {
  it('json: summary counts per kind, changes with kind/old/new', async () => {
    const { code, out } = await cli(['diff', S000, S002, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as DiffReport;
    for (const k of CHANGE_KINDS) expect(Number.isInteger(json.summary[k])).toBe(true);
    expect(json.changes.length).toBe(CHANGE_KINDS.reduce((n, k) => n + json.summary[k], 0));
    for (const c of json.changes) {
      expect(CHANGE_KINDS).toContain(c.kind);
      expect(c.old === null || typeof c.old.text === 'string').toBe(true);
      expect(c.new === null || typeof c.new.text === 'string').toBe(true);
      if (c.kind === 'added') expect(c.old).toBeNull();
      if (c.kind === 'removed') expect(c.new).toBeNull();
    }
  });
  it('text (no colour when not a TTY) and markdown', async () => {
    const text = await cli(['diff', S000, S002, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.out).not.toMatch(/\x1b\[/);
    expect(text.out).toMatch(
      /^Summary: \d+ added, \d+ removed, \d+ moved, \d+ reworded, \d+ responsibility/m,
    );
    expect(text.out).toContain('Responsibilities per agency');
    const md = await cli(['diff', S000, S002, '--format', 'markdown']);
    expect(md.out).toMatch(/^## So sánh kế hoạch/);
    expect(md.out).toContain('### Cấu trúc');
    expect(md.out).toContain('~~NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM~~ **NỘI DUNG**');
  });
  it('colours only when asked (FORCE_COLOR) and never with --no-color', async () => {
    const run = async (args: string[], env: NodeJS.ProcessEnv) => {
      let out = '';
      await main(['node', 'kh', 'diff', S000, S002, ...args], {
        out: (t) => void (out += t),
        err: () => {},
        env,
        isTTY: false,
      });
      return out;
    };
    expect(await run([], { FORCE_COLOR: '1' })).toMatch(/\x1b\[/);
    expect(await run(['--no-color'], { FORCE_COLOR: '1' })).not.toMatch(/\x1b\[/);
  });
  it('a missing file: one line, exit 2', async () => {
    const r = await cli(['diff', S000, 'khong-co.txt']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('khong-co.txt');
  });
});

describe('kh diff YEAR YEAR', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kh-diff-'));
    writeFileSync(join(dir, 'bp-2023.txt'), seedText.replaceAll('2024', '2023'));
    copyFileSync(S000, join(dir, 'bp-2024.txt'));
    copyFileSync(S002, join(dir, 'hue-2024.txt'));
    copyFileSync(S001, join(dir, 'news.txt'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pairs the 2023 and 2024 plans of the same issuer and subject', async () => {
    const r = await cli(['diff', '2023', '2024', '--format', 'json', '--dir', dir]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as DiffReport;
    expect(json.old.path).toMatch(/bp-2023\.txt$/);
    expect(json.new.path).toMatch(/bp-2024\.txt$/);
  });
  it('several candidates that cannot be told apart: lists them, exit 2; --issuer settles it', async () => {
    writeFileSync(join(dir, 'bp-2024-bis.txt'), seedText.replace('Sở Nội vụ', 'Sở Ngoại vụ'));
    try {
      const r = await cli(['diff', '2023', '2024', '--dir', dir, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('several plans of year 2024');
      expect(r.err).toMatch(
        /^  2024  \S*bp-2024\.txt: Ủy ban nhân dân tỉnh Bình Phước — Triển khai thực hiện công tác Bình đẳng giới/m,
      );
      expect(r.err).toContain('bp-2024-bis.txt');
      const none = await cli(['diff', '2022', '2024', '--dir', dir, '--lang', 'en']);
      expect(none.code).toBe(2);
      expect(none.err).toContain('no plan of year 2022');
      expect(none.err).toContain('years found: 2023, 2024');
    } finally {
      rmSync(join(dir, 'bp-2024-bis.txt'));
    }
  });
  it('one document in several formats is one candidate', async () => {
    copyFileSync(F('000_a2bc4216fc60fd38.docx'), join(dir, 'bp-2024.docx'));
    try {
      const r = await cli(['diff', '2023', '2024', '--format', 'json', '--dir', dir]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out) as DiffReport).new.path).toMatch(/bp-2024\.docx$/);
    } finally {
      rmSync(join(dir, 'bp-2024.docx'));
    }
  });
  it('--issuer picks among provinces', async () => {
    const r = await cli([
      'diff',
      '2024',
      '2024',
      '--dir',
      dir,
      '--issuer',
      'Thừa Thiên Huế',
      '--format',
      'json',
    ]);
    // one 2024 plan of that issuer on each side: the same document, no change
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as DiffReport).changes).toEqual([]);
  });
});

describe('markdown escapes', () => {
  it('keeps markdown control characters out of the text', () => {
    const a = fromText('KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n1. Nội dung *a*\n');
    const b = fromText('KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n1. Nội dung *b*\n');
    const md = formatMarkdown(computeDiff(a, b), 'en');
    expect(md).not.toMatch(/[^\\]\*a\*/);
  });
});
