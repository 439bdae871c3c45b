/**
 * `kh lint --fix` / `--fix-dry-run`: certain fixes only, one pass, atomic write; a file without a
 * fix is not touched (same bytes, same mtime); the dry run writes nothing.
 */
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { applyFixes, spaceFixes } from '../src/fix/apply.js';

const ROOT = resolve(import.meta.dirname, '..');

async function kh(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['node', 'kh', ...args], {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      env: {},
      isTTY: false,
    });
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

describe('spaceFixes and applyFixes', () => {
  it('fixes two spaces inside a sentence only', () => {
    const text = 'các cơ quan,  theo  quy định\nUBND TỈNH  X     CỘNG HÒA\nhai   dấu cách ba';
    const fixes = spaceFixes(text, false);
    expect(fixes.map((f) => text.slice(f.range[0] - 1, f.range[1] + 1))).toEqual([',  t', 'o  q']);
  });
  it('leaves Markdown code and tables alone', () => {
    const md = '```\ncác  cơ\n```\n| a  | các  cơ |\n    các  cơ\nđúng  là';
    expect(spaceFixes(md, true).map((f) => md.slice(f.range[0] - 1, f.range[1] + 1))).toEqual(['g  l']);
  });
  it('skips overlapping fixes and ranges that no longer hold what the rule saw', () => {
    const text = 'các các cơ quan';
    const { output, applied } = applyFixes(text, [
      { range: [0, 7], text: 'các', expected: 'các các', source: 'a' },
      { range: [4, 10], text: 'x', expected: 'các cơ', source: 'overlap' },
      { range: [11, 15], text: 'y', expected: 'QUAN', source: 'stale' },
    ]);
    expect(output).toBe('các cơ quan');
    expect(applied.map((f) => f.source)).toEqual(['a']);
  });
});

describe('kh lint --fix', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kh-fix-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const planText = (body: string) =>
    [
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH PHƯỚC',
      'Số: 12/KH-UBND',
      'Bình Phước, ngày 5 tháng 3 năm 2024',
      'KẾ HOẠCH',
      'Thực hiện công tác năm 2024',
      body,
    ].join('\n');

  it('fixes the fixture 000: the two số/ký hiệu with spaces and the word typed twice, nothing else', async () => {
    const file = join(dir, '000.txt');
    copyFileSync(join(ROOT, 'fixtures/000_a2bc4216fc60fd38.txt'), file);
    const original = readFileSync(file, 'utf8');
    const dry = await kh(['lint', '000.txt', '--fix-dry-run', '--lang', 'en'], dir);
    expect(dry.err).toMatch(/000\.txt: would fix 3/);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const fixed = await kh(['lint', '000.txt', '--fix', '--format', 'json'], dir);
    const expected = original
      .replace('1303/BLĐT BXH-VBĐG', '1303/BLĐTBXH-VBĐG')
      .replace('2792/LĐT BXH-BĐG', '2792/LĐTBXH-BĐG')
      .replace(/(cá)c các( )/, (m) => m.replace('các các', 'các'));
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(expected).not.toBe(original);
    // The report is the re-lint of the fixed text: the fixed findings are gone.
    const messages = (JSON.parse(fixed.out) as { messages: { ruleId: string; messageId: string }[] }[])[0]!
      .messages;
    expect(messages.some((m) => m.ruleId === 'citation-format' && m.messageId === 'spaces')).toBe(false);
    expect(messages.some((m) => m.ruleId === 'repeated-phrase')).toBe(false);
    expect(messages.some((m) => m.ruleId === 'citation-issuer')).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('composes NFD text, fixes two spaces between words, keeps the BOM; a clean file keeps its bytes and mtime', async () => {
    const messy = join(dir, 'messy.md');
    const body =
      'Căn cứ Quyết định số 15/2014/QĐ- UBND ngày 10/3/2014 của UBND tỉnh.\nCác cơ quan,  theo quy định.\nNhiệm vụ của của các sở.\n'.normalize(
        'NFD',
      );
    writeFileSync(
      messy,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(planText(body), 'utf8')]),
    );
    const clean = join(dir, 'clean.txt');
    writeFileSync(clean, planText('Các cơ quan thực hiện theo quy định.\n'));
    const past = new Date('2024-01-02T03:04:05Z');
    utimesSync(clean, past, past);
    const cleanBytes = readFileSync(clean);

    const result = await kh(['lint', 'messy.md', 'clean.txt', '--fix', '--lang', 'en'], dir);
    expect(result.err).toMatch(/messy\.md: fixed 4/);
    expect(result.err).not.toMatch(/clean\.txt/);
    const bytes = readFileSync(messy);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe(
      planText(
        'Căn cứ Quyết định số 15/2014/QĐ-UBND ngày 10/3/2014 của UBND tỉnh.\nCác cơ quan, theo quy định.\nNhiệm vụ của các sở.\n',
      ),
    );
    expect(text).toBe(text.normalize('NFC'));
    expect(readFileSync(clean).equals(cleanBytes)).toBe(true);
    expect(statSync(clean).mtimeMs).toBe(past.getTime());

    // Nothing left to fix: the second run writes nothing.
    const mtime = statSync(messy).mtimeMs;
    const again = await kh(['lint', 'messy.md', '--fix-dry-run', '--lang', 'en'], dir);
    expect(again.err).not.toMatch(/would fix/);
    expect(statSync(messy).mtimeMs).toBe(mtime);
  });

  it('never fixes .docx or .pdf inputs', async () => {
    const docx = join(dir, 'plan.docx');
    copyFileSync(join(ROOT, 'fixtures/000_a2bc4216fc60fd38.docx'), docx);
    const before = readFileSync(docx);
    const result = await kh(['lint', 'plan.docx', '--fix'], dir);
    expect(result.err).toBe('');
    expect(readFileSync(docx).equals(before)).toBe(true);
  });
});

describe('kh lint --fix, one fixable rule at a time: before/after, idempotent, lints clean', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kh-fix-each-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const planText = (body: string) =>
    [
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH PHƯỚC',
      'Số: 12/KH-UBND',
      'Bình Phước, ngày 5 tháng 3 năm 2024',
      'KẾ HOẠCH',
      'Thực hiện công tác năm 2024',
      body,
    ].join('\n');

  interface Case {
    name: string;
    /** Rule ids whose findings the fix removes; empty for the text fixes no rule reports. */
    rules: string[];
    before: string;
    after: string;
    /** How many places --fix reports. */
    count: number;
  }
  const cases: Case[] = [
    {
      name: 'citation-format: spaces inside a số/ký hiệu',
      rules: ['citation-format'],
      before: 'Căn cứ Quyết định số 15/2014/QĐ- UBND ngày 10/3/2014 của UBND tỉnh.\n',
      after: 'Căn cứ Quyết định số 15/2014/QĐ-UBND ngày 10/3/2014 của UBND tỉnh.\n',
      count: 1,
    },
    {
      name: 'repeated-phrase: a word typed twice',
      rules: ['repeated-phrase'],
      before: 'Nhiệm vụ của của các sở, ngành trong năm.\n',
      after: 'Nhiệm vụ của các sở, ngành trong năm.\n',
      count: 1,
    },
    {
      name: 'Unicode NFC',
      rules: [],
      before: 'Các cơ quan thực hiện theo quy định của tỉnh.\n'.normalize('NFD'),
      after: 'Các cơ quan thực hiện theo quy định của tỉnh.\n',
      count: 1,
    },
    {
      name: 'two spaces between two words',
      rules: [],
      before: 'Các cơ quan,  thực hiện theo  quy định của tỉnh.\n',
      after: 'Các cơ quan, thực hiện theo quy định của tỉnh.\n',
      count: 2,
    },
  ];

  for (const [i, c] of cases.entries()) {
    it(c.name, async () => {
      const name = `case${i}.txt`;
      const file = join(dir, name);
      writeFileSync(file, planText(c.before));
      const before = await kh(['lint', name, '--format', 'json'], dir);
      const ruleIds = (out: string) =>
        (JSON.parse(out) as { messages: { ruleId: string; fix?: unknown }[] }[])[0]!.messages.map(
          (m) => m.ruleId,
        );
      // The rule really fires on the text before the fix.
      for (const rule of c.rules) expect(ruleIds(before.out)).toContain(rule);

      const first = await kh(['lint', name, '--fix', '--format', 'json', '--lang', 'en'], dir);
      expect(first.err).toMatch(new RegExp(`${name}: fixed ${c.count}\\b`));
      const once = readFileSync(file);
      expect(once.toString('utf8')).toBe(planText(c.after));
      // The report after --fix is the re-lint of the fixed text, and a fresh lint agrees.
      const fresh = await kh(['lint', name, '--format', 'json'], dir);
      for (const rule of c.rules) {
        expect(ruleIds(first.out)).not.toContain(rule);
        expect(ruleIds(fresh.out)).not.toContain(rule);
      }
      const text = once.toString('utf8');
      expect(text).toBe(text.normalize('NFC'));
      expect(spaceFixes(text, false)).toEqual([]);

      // Fixing twice changes nothing the second time.
      const second = await kh(['lint', name, '--fix', '--lang', 'en'], dir);
      expect(second.err).not.toMatch(/fixed/);
      expect(readFileSync(file).equals(once)).toBe(true);
    });
  }
});
