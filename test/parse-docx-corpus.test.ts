/**
 * The Word versions of labelled corpus documents (fixtures/corpus-docx/, made by
 * scripts/make-corpus-docx.mjs): each one parses, and kh reads from it the header its hand-checked
 * label gives (bench/corpus/labels/corpus-docx__<name>.docx.json), compared the way the corpus
 * scorer compares (bench/corpus/labels.mjs). Also: the traps the generator typed into them are
 * there and read (footnotes after the body, continued tables joined, group rows).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { loadPlan, readDocument } from '../src/parse/index.js';
import { ROOT } from './_build.js';
// The scorer's own comparison (a plain ESM module of the corpus benchmark).
import { normalizeText } from '../bench/corpus/labels.mjs';

const DIR = join(ROOT, 'fixtures/corpus-docx');
const LABELS = join(ROOT, 'bench/corpus/labels');
const SOURCES = resolve(ROOT, '../shared/corpus/tvpl');
const files = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.docx'))
      .sort()
  : [];

interface HeaderLabel {
  docType: string | null;
  number: string | null;
  symbol: string | null;
  issueDate: string | null;
  issuer: string | null;
  place: string | null;
  title: string | null;
  planYear: number | null;
  level: string | null;
}
interface Label {
  file: string;
  header: HeaderLabel;
  accept?: Partial<Record<'issuer' | 'place' | 'title' | 'docType' | 'symbol', string[]>>;
}

function labelOf(name: string): Label {
  return JSON.parse(readFileSync(join(LABELS, `corpus-docx__${name}.json`), 'utf8')) as Label;
}

const norm = (value: unknown): string => normalizeText(String(value)) as string;

function dataOf(node: { data?: unknown }): Record<string, unknown> {
  return (node.data ?? {}) as Record<string, unknown>;
}

function rows(tree: Root): Record<string, unknown>[] {
  return tree.children.flatMap((b) => (b.type === 'table' ? b.children.map((r) => dataOf(r)) : []));
}

describe('fixtures/corpus-docx', () => {
  it('holds at least 20 Word versions, each with a label', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const name of files) expect(existsSync(join(LABELS, `corpus-docx__${name}.json`)), name).toBe(true);
  });

  it.each(files)('%s: kh reads the header its label gives', async (name) => {
    const label = labelOf(name);
    expect(label.file).toBe(`fixtures/corpus-docx/${name}`);
    const plan = await loadPlan(join(DIR, name));
    const meta = plan.meta as unknown as Record<string, unknown>;
    const wrong: string[] = [];
    for (const [field, expected] of Object.entries(label.header)) {
      if (expected === null) continue;
      const got = meta[field] ?? null;
      const accepted = [expected, ...((label.accept as Record<string, string[]> | undefined)?.[field] ?? [])];
      const same =
        field === 'planYear' || field === 'issueDate'
          ? got === expected
          : got !== null && accepted.some((a) => norm(a) === norm(got));
      if (!same) wrong.push(`${field}: got ${JSON.stringify(got)}, label ${JSON.stringify(expected)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('what the generator typed into them is read back', () => {
  it('footnotes: blocks after the body marked with their number, read by the plan', async () => {
    let withNotes = 0;
    for (const name of files) {
      const doc = await readDocument(join(DIR, name));
      const notes = doc.tree.children.filter((b) => dataOf(b)['footnote'] !== undefined);
      if (notes.length === 0) continue;
      withNotes++;
      const firstNote = doc.tree.children.indexOf(notes[0]!);
      // Nothing of the body after the first footnote, and numbered 1, 2, 3 … in order.
      expect(
        doc.tree.children.slice(firstNote).every((b) => dataOf(b)['footnote'] !== undefined),
        name,
      ).toBe(true);
      expect(
        notes.map((b) => Number(dataOf(b)['footnote'])),
        name,
      ).toEqual(notes.map((_, i) => i + 1));
    }
    expect(withNotes).toBeGreaterThanOrEqual(15);
  });

  it('a citation moved into a footnote is still a citation of the plan, positioned in the footnote', async () => {
    // 437c3beb60ae2874: "Căn cứ Luật Tổ chức Chính quyền địa phương ngày 16 tháng 6 năm 2025;" typed
    // with the date in footnote 1.
    const path = join(DIR, '437c3beb60ae2874.docx');
    const doc = await readDocument(path);
    const note = doc.tree.children.find((b) => dataOf(b)['footnote'] === '1')!;
    const plan = await loadPlan(path);
    const date = plan.dates.find((d) => d.value === '2025-06-16');
    expect(date).toBeDefined();
    expect(date!.position.start.line).toBe(note.position!.start.line);
  });

  it('continued tables are joined and group rows marked somewhere in the set', async () => {
    let continued = 0;
    let groups = 0;
    for (const name of files) {
      const data = rows((await readDocument(join(DIR, name))).tree);
      continued += data.filter((d) => d['continued'] === true).length;
      groups += data.filter((d) => d['group'] === true).length;
    }
    expect(continued).toBeGreaterThanOrEqual(3);
    expect(groups).toBeGreaterThanOrEqual(5);
  });
});

describe('scripts/make-corpus-docx.mjs', () => {
  it.skipIf(!existsSync(SOURCES))('regenerates the committed files byte for byte', () => {
    // A Quyết định with its Kế hoạch, a split assignment table and group rows; a Công điện with
    // the source's own notes.
    const names = ['001c610b2efdcf0c', '1095764e502a89b8'];
    const out = mkdtempSync(join(tmpdir(), 'kh-corpus-docx-'));
    try {
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'scripts/make-corpus-docx.mjs'), '--out', out, ...names],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      for (const name of names) {
        const made = readFileSync(join(out, `${name}.docx`));
        expect(made.equals(readFileSync(join(DIR, `${name}.docx`))), name).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
