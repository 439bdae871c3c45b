import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as cite, type CitedDocument } from '../src/cli/commands/cite.js';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'kh-cite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function runCite(
  files: string[],
  format: 'table' | 'json' | 'csv' | 'md',
  cwd = ROOT,
  lang: 'vi' | 'en' = 'vi',
) {
  let out = '';
  let err = '';
  const ctx = {
    lang,
    debug: false,
    color: false,
    out: (t: string) => void (out += t),
    err: (t: string) => void (err += t),
  };
  const code = await cite(ctx, files, { format, cwd });
  return { code, out, err };
}

const S000 = 'fixtures/000_a2bc4216fc60fd38.txt';
const S002 = 'fixtures/002_06484e6e4818e0d7.txt';
const S003 = 'fixtures/003_4648be2b9eb23052.txt';

function head(date: string): string {
  return `ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 12/KH-UBND\n\nLai Châu, ngày ${date}\n\nKẾ HOẠCH\n\nCông tác bình đẳng giới\n\n`;
}

describe('kh cite', () => {
  it('one file: documents de-duplicated, with every place cited and the registry status', async () => {
    const { code, out } = await runCite([S000], 'json');
    expect(code).toBe(0);
    const docs = JSON.parse(out) as CitedDocument[];
    const kh122 = docs.filter((d) => d.label === 'Kế hoạch số 122/KH-UBND');
    expect(kh122.length).toBe(1);
    expect(kh122[0]!.places.map((p) => p.line)).toEqual([33, 121, 131, 137, 143, 161, 171, 189]);
    expect(kh122[0]!.status.kind).toBe('unknown');
    const nd125 = docs.find((d) => d.registryKey === 'nd-125-2021')!;
    expect(nd125).toMatchObject({
      label: 'Nghị định số 125/2021/NĐ-CP',
      date: '2021-12-28',
      issuer: 'Chính phủ',
      status: { kind: 'in-force' },
      disagreement: false,
    });
    expect(nd125.places.map((p) => p.line)).toEqual([43, 79]);
    // "Bộ luật Lao động" and "Bộ luật Lao động (sửa đổi) năm 2019" are the same code.
    expect(docs.filter((d) => d.registryKey === 'bo-luat-lao-dong-2019').length).toBe(1);
    expect(new Set(docs.map((d) => d.label)).size).toBe(docs.length);
  });

  it('several files: one row per document with the files citing it', async () => {
    const { out } = await runCite([S000, S002, S003], 'json');
    const docs = JSON.parse(out) as CitedDocument[];
    const cv1303 = docs.find((d) => d.label.startsWith('Công văn số 1303'))!;
    expect(cv1303.files).toEqual([S000, S003]);
    expect(cv1303.symbols).toEqual(['1303/BLĐT BXH-VBĐG', '1303/BLĐTBXH-VBĐG']);
    expect(cv1303.disagreement).toBe(false); // a space is not another symbol
    const law = docs.find((d) => d.registryKey === 'luat-bdg-2006')!;
    expect(law.files).toEqual([S000, S002, S003]);
    const budget = docs.find((d) => d.label === 'Luật Ngân sách nhà nước năm 2024')!;
    expect(budget.status.kind).toBe('not-as-written');
    expect(budget.status.text).toContain('83/2015/QH13');
  });

  it('a law cited by name and number is listed by its number; the two ways of citing it agree', async () => {
    const file = join(tmp, 'law.txt');
    writeFileSync(
      file,
      `${head('05 tháng 3 năm 2024')}Căn cứ Luật Tố cáo số 25/2018/QH14 ngày 12/6/2018;\n\nCăn cứ Luật số 25/2018/QH14;\n\nI. NỘI DUNG\n\n1. Thực hiện.\n`,
    );
    const { out } = await runCite([file], 'json', tmp);
    const docs = JSON.parse(out) as CitedDocument[];
    const law = docs.filter((d) => d.label.includes('25/2018/QH14'));
    expect(law.map((d) => d.label)).toEqual(['Luật số 25/2018/QH14']);
    expect(law[0]!.symbols).toEqual(['25/2018/QH14']);
    expect(law[0]!.disagreement).toBe(false);
  });

  it('marks disagreements: the same document with different dates or symbols', async () => {
    writeFileSync(
      join(tmp, 'a.txt'),
      `${head('10 tháng 5 năm 2024')}Thực hiện Kế hoạch số 122/KH-UBND ngày 13/4/2021 của Ủy ban nhân dân tỉnh và Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ.\n`,
    );
    writeFileSync(
      join(tmp, 'b.txt'),
      `${head('12 tháng 5 năm 2024')}Thực hiện Kế hoạch số 122/KH-UBND ngày 14/4/2021 của Ủy ban nhân dân tỉnh và Nghị định số 125/2021/NĐ-TTg ngày 28/12/2021 của Chính phủ; Luật Ngân sách nhà nước năm 2015.\n`,
    );
    const { out } = await runCite(['a.txt', 'b.txt'], 'json', tmp);
    const docs = JSON.parse(out) as CitedDocument[];
    const kh = docs.find((d) => d.label === 'Kế hoạch số 122/KH-UBND')!;
    expect(kh).toMatchObject({
      files: ['a.txt', 'b.txt'],
      dates: ['2021-04-13', '2021-04-14'],
      disagreement: true,
    });
    const nd = docs.find((d) => d.registryKey === 'nd-125-2021')!;
    expect(nd).toMatchObject({
      files: ['a.txt', 'b.txt'],
      symbols: ['125/2021/NĐ-CP', '125/2021/NĐ-TTg'],
      disagreement: true,
    });
    const budget = docs.find((d) => d.registryKey === 'luat-nsnn-2015')!;
    expect(budget.status).toMatchObject({ kind: 'replaced', confidence: 'S' });
    expect(budget.status.text).toBe(
      'được thay thế bởi Luật Ngân sách nhà nước số 89/2025/QH15 từ 01/01/2026',
    );

    const table = await runCite(['a.txt', 'b.txt'], 'table', tmp);
    expect(table.out).toMatch(
      /^! \d+\. Kế hoạch số 122\/KH-UBND: trích dẫn không thống nhất — ngày: 13\/04\/2021 \/ 14\/04\/2021/m,
    );
    expect(table.out).toMatch(/3 văn bản, 2 trích dẫn không thống nhất\n$/);
    const en = await runCite(['a.txt', 'b.txt'], 'md', tmp, 'en');
    expect(en.out).toContain('replaced by Luật Ngân sách nhà nước số 89/2025/QH15 from 01/01/2026');
  });

  it('csv and md', async () => {
    const csv = await runCite([S002], 'csv');
    const lines = csv.out.split('\r\n');
    expect(lines[0]).toBe(
      'label,docType,number,symbol,date,issuer,subject,status,statusText,registryKey,files,places,dates,symbols,disagreement',
    );
    expect(lines.find((l) => l.startsWith('Luật Ngân sách nhà nước năm 2024,'))).toContain(
      ',not-as-written,',
    );
    // A subject with a comma is quoted.
    expect(lines.some((l) => /,"[^"]*,[^"]*",/.test(l))).toBe(true);
    const md = await runCite([S002], 'md');
    expect(md.out.split('\n')[0]).toBe(
      '| # | Văn bản | Ngày | Cơ quan ban hành | Trích yếu | Tình trạng | Nơi trích dẫn |',
    );
    expect(md.out).toContain('| Quyết định số 1719/QĐ-TTg | 14/10/2021 |');
  });

  it('a file that cannot be read: one line on stderr, exit 2, the others listed', async () => {
    const { code, out, err } = await runCite(['missing.txt', S003], 'json');
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^kh: missing\.txt: /);
    expect((JSON.parse(out) as CitedDocument[]).length).toBeGreaterThan(5);
  });

  it('user documents from kh.config.json', async () => {
    const dir = mkdtempSync(join(tmp, 'cfg-'));
    writeFileSync(
      join(dir, 'p.txt'),
      `${head('10 tháng 5 năm 2024')}Thực hiện Kế hoạch số 49/KH-UBND ngày 19/02/2021 của Ủy ban nhân dân tỉnh.\n`,
    );
    writeFileSync(
      join(dir, 'kh.config.json'),
      JSON.stringify({
        knowledge: {
          legalDocuments: [
            {
              key: 'kh-49-2021',
              docType: 'Kế hoạch',
              number: '49',
              year: 2021,
              symbol: 'KH-UBND',
              date: '2021-02-19',
              issuer: 'Ủy ban nhân dân tỉnh',
              subject: 'phòng ngừa bạo lực trên cơ sở giới',
              status: { kind: 'in-force' },
              period: { from: 2021, to: 2025 },
              source: 'local',
              confidence: 'V',
            },
          ],
        },
      }),
    );
    const { out } = await runCite(['p.txt'], 'json', dir);
    expect((JSON.parse(out) as CitedDocument[])[0]).toMatchObject({
      registryKey: 'kh-49-2021',
      status: { kind: 'period', text: 'áp dụng giai đoạn 2021 - 2025' },
    });
    writeFileSync(join(dir, 'kh.config.json'), '{"knowledge": {"legalDocuments": [{"key": 1}]}}');
    const bad = await runCite(['p.txt'], 'json', dir);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('the built CLI: kh cite', () => {
  it('is registered, prints JSON and a table, exit 0', () => {
    const built = join(ROOT, 'dist/cli/commands/cite.js');
    if (
      !existsSync(built) ||
      statSync(built).mtimeMs < statSync(join(ROOT, 'src/cli/commands/cite.ts')).mtimeMs
    ) {
      spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')],
        { cwd: ROOT, encoding: 'utf8' },
      );
    }
    const kh = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/kh.js'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    const json = kh(['cite', S002, '--format', 'json']);
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as CitedDocument[]).some((d) => d.status.kind === 'not-as-written')).toBe(
      true,
    );
    const table = kh(['--lang', 'en', 'cite', S003]);
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^#\s+Document\s+Date\s+Issuer\s+Subject\s+Status\s+Cited at$/,
    );
    const help = kh(['--lang', 'en', 'help', 'cite']);
    expect(help.stdout).toContain('--format');
  });
});
