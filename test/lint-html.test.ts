/**
 * `kh lint --format html`: the report for reviewers. Static checks on the fixtures' run (every
 * finding of the JSON report is there, grouped by severity and rule, each rule linked to its docs
 * section with its wrong/right examples, nothing external), then, when Debian's chromium is
 * installed (scripts/install-chromium.sh), the filters and the A4 print in a real browser.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { getRule } from '../src/rules/index.js';
import { normalizeExample } from '../src/rules/docs.js';
import { escapeHtml } from '../src/util/html.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '..');
const INPUTS = [
  join(ROOT, 'fixtures/000_a2bc4216fc60fd38.docx'),
  join(ROOT, 'fixtures/002_06484e6e4818e0d7.txt'),
  join(ROOT, 'fixtures/bad/empty.txt'),
];
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`lint-html: browser checks skipped: ${CHROMIUM} is absent (run scripts/install-chromium.sh)`);

async function kh(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'kh', ...args], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
    isTTY: false,
  });
  return { code, out, err };
}

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; excerpt: string; suggestion?: string }[];
  fatal: { message: string } | null;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-lint-html-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(lang: 'vi' | 'en'): Promise<{ html: string; json: JsonFile[]; file: string }> {
  const file = join(dir, `report-${lang}.html`);
  const written = await kh(['lint', ...INPUTS, '--format', 'html', '-o', file, '--lang', lang]);
  expect(written.code).toBe(2); // empty.txt is unreadable: reported in the page, exit 2 as in every format
  const json = JSON.parse(
    (await kh(['lint', ...INPUTS, '--format', 'json', '--lang', lang])).out,
  ) as JsonFile[];
  return { html: readFileSync(file, 'utf8'), json, file };
}

describe('kh lint --format html (static)', () => {
  it('is one self-contained file with every finding, its excerpt and its suggestion', async () => {
    const { html, json } = await report('vi');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="vi">/);
    expect(html).not.toMatch(/<(link|img|iframe)\b|\ssrc=|https?:\/\/|@import|url\(/i);
    const all = json.flatMap((f) => f.messages);
    expect(all.length).toBeGreaterThan(10);
    expect(html.match(/<li class="finding"/g)?.length).toBe(all.length);
    for (const m of all) {
      expect(html).toContain(escapeHtml(m.message));
      if (m.excerpt) expect(html).toContain(`${escapeHtml(m.excerpt)}</blockquote>`);
      if (m.suggestion) expect(html).toContain(`<code>${escapeHtml(m.suggestion)}</code>`);
    }
    expect(html).toContain('Không đọc được tệp: tệp rỗng');
    for (const f of json) expect(html).toContain(`<h2>${escapeHtml(f.filePath)}</h2>`);
  });

  it('groups by severity (errors first) then rule, and links every rule to its docs section', async () => {
    const { html, json } = await report('en');
    expect(html).toContain('<html lang="en">');
    const docx = json[0]!;
    const section = html.slice(
      html.indexOf(`<h2>${escapeHtml(docx.filePath)}</h2>`),
      html.indexOf('<h2>', html.indexOf(`<h2>${escapeHtml(docx.filePath)}</h2>`) + 4),
    );
    const headings = [...section.matchAll(/<h3 class="sev-(\w+)">/g)].map((m) => m[1]);
    expect(headings).toEqual(
      ['error', 'warning', 'info'].filter((s) => docx.messages.some((m) => m.severity === s)),
    );
    const used = [...new Set(json.flatMap((f) => f.messages.map((m) => m.ruleId)))];
    for (const id of used) {
      expect(html).toContain(`href="#rule-${id}"`);
      const doc = html.slice(html.indexOf(`<section class="rule-doc" id="rule-${id}">`));
      expect(doc.length).toBeLessThan(html.length);
      const rule = getRule(id)!;
      const first = doc.slice(0, doc.indexOf('</section>'));
      expect(first).toContain(escapeHtml(rule.meta.docs.en));
      for (const ex of rule.meta.docs.wrong)
        expect(first).toContain(
          `<pre class="example wrong">${escapeHtml(normalizeExample(ex, 'en').text)}</pre>`,
        );
      for (const ex of rule.meta.docs.right)
        expect(first).toContain(
          `<pre class="example right">${escapeHtml(normalizeExample(ex, 'en').text)}</pre>`,
        );
    }
    // Rules that found nothing are not documented in the page.
    expect(html.match(/<section class="rule-doc"/g)?.length).toBe(used.length);
    // Every finding sits under its own rule's group.
    for (const m of section.matchAll(
      /<section data-group="rule"><h4>([a-z-]+) \(\d+\)<\/h4>([\s\S]*?)<\/ol><\/section>/g,
    )) {
      const rules = [...m[2]!.matchAll(/data-rule="([^"]+)"/g)].map((r) => r[1]);
      expect(new Set(rules)).toEqual(new Set([m[1]]));
    }
  });
});

describe.skipIf(!hasChromium)('kh lint --format html in headless Chromium', () => {
  let context: import('playwright-core').BrowserContext;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
  });

  it('filters by severity and by rule, offline; prints on A4 without the filters', async () => {
    const { file, json } = await report('en');
    const all = json.flatMap((f) => f.messages);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);
    const visible = () => page.locator('li.finding:visible').count();
    expect(await visible()).toBe(all.length);

    await page.locator('.filters input[value=warning]').uncheck();
    expect(await visible()).toBe(all.filter((m) => m.severity !== 'warning').length);
    expect(await page.locator('li.finding[data-severity=warning]:visible').count()).toBe(0);
    await page.locator('.filters input[value=warning]').check();

    const rule = all[0]!.ruleId;
    await page.locator('#filter-rule').selectOption(rule);
    expect(await visible()).toBe(all.filter((m) => m.ruleId === rule).length);
    // Groups emptied by the filter are hidden too.
    const shownGroups = await page.locator('section[data-group=rule]:visible h4').allTextContents();
    expect(shownGroups.every((h) => h.startsWith(`${rule} (`))).toBe(true);
    await page.locator('#filter-rule').selectOption('');

    // The docs link jumps inside the page.
    await page.locator(`a[href="#rule-${rule}"]`).first().click();
    expect(await page.evaluate(() => location.hash)).toBe(`#rule-${rule}`);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
    // A4 is 595 × 842 points (Chromium writes 594.96 × 841.92): every page.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
      (m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))],
    );
    expect(boxes.length).toBe(pages);
    expect(new Set(boxes.map((b) => b.join('x')))).toEqual(new Set(['595x842']));
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    await page.close();
  }, 60_000);
});
