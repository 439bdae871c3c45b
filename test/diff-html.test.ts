/**
 * `kh diff --format html` in a real headless Chromium (Debian's /usr/bin/chromium, installed by
 * scripts/install-chromium.sh, driven by playwright-core): the file opens offline, shows the
 * summary, and a click on a change scrolls both documents to it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '..');
const S000 = join(ROOT, 'fixtures/000_a2bc4216fc60fd38.txt');
const S002 = join(ROOT, 'fixtures/002_06484e6e4818e0d7.pdf');
const S001 = join(ROOT, 'fixtures/001_7c7171d5d3a46b8d.txt');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`diff-html: skipped: ${CHROMIUM} is absent (run scripts/install-chromium.sh)`);

async function html(args: string[], out: string): Promise<string> {
  let err = '';
  const code = await main(['node', 'kh', 'diff', ...args, '--format', 'html', '-o', out], {
    out: () => {},
    err: (t) => void (err += t),
    env: {},
    isTTY: false,
  });
  expect(code, err).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('html report (static)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kh-diff-html-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('is one self-contained file: no external resource', async () => {
    const text = await html([S000, S002, '--lang', 'en'], join(dir, 'a.html'));
    expect(text).not.toMatch(/<(link|img|iframe)\b|src=|https?:\/\//i);
    expect(text).toContain('<style>');
    expect(text).toContain('id="doc-old"');
    expect(text).toContain('id="doc-new"');
  });
  it('a document without plan structure still renders, with the note', async () => {
    const text = await html([S001, S000, '--lang', 'en'], join(dir, 'b.html'));
    expect(text).toContain('the old document is not a plan');
    expect(text).toContain('95/KH-UBND');
  });
});

describe.skipIf(!hasChromium)('html report in headless Chromium', () => {
  let dir: string;
  let context: import('playwright-core').BrowserContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kh-diff-chromium-'));
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
      viewport: { width: 1400, height: 900 },
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens offline, shows the summary, and a click on a change scrolls to it', async () => {
    const file = join(dir, 'diff.html');
    await html([S000, S002, '--lang', 'en'], file);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);

    const summary = page.locator('#summary-line');
    await expect(summary.isVisible()).resolves.toBe(true);
    expect(await summary.textContent()).toMatch(/^Summary: \d+ added, \d+ removed, \d+ moved, \d+ reworded/);
    expect(await page.locator('#summary .count').count()).toBe(10);

    // the moved item "Huy động đông đảo …" (II.3.b → II.7.c), far down both documents
    const link = page.locator('a.change.k-moved', { hasText: 'Huy động đông đảo' }).first();
    const targets = await link.evaluate((a) => ({
      old: a.getAttribute('data-old'),
      new: a.getAttribute('data-new'),
    }));
    expect(targets.old).toMatch(/^o\d+$/);
    expect(targets.new).toMatch(/^n\d+$/);
    const before = await page.evaluate(() => [
      document.getElementById('doc-old')!.scrollTop,
      document.getElementById('doc-new')!.scrollTop,
    ]);
    expect(before).toEqual([0, 0]);
    await link.scrollIntoViewIfNeeded();
    await link.click();

    const state = await page.evaluate((t) => {
      const inPane = (id: string, pane: string) => {
        const el = document.getElementById(id)!.getBoundingClientRect();
        const box = document.getElementById(pane)!.getBoundingClientRect();
        return el.top >= box.top && el.bottom <= box.bottom;
      };
      return {
        scroll: [
          document.getElementById('doc-old')!.scrollTop,
          document.getElementById('doc-new')!.scrollTop,
        ],
        oldVisible: inPane(t.old!, 'doc-old'),
        newVisible: inPane(t.new!, 'doc-new'),
        focused: [...document.querySelectorAll('.focus')].map((e) => e.id).sort(),
        newText: document.getElementById(t.new!)!.textContent,
        hash: location.hash,
      };
    }, targets);
    expect(state.scroll[0]).toBeGreaterThan(0);
    expect(state.scroll[1]).toBeGreaterThan(0);
    expect(state.oldVisible).toBe(true);
    expect(state.newVisible).toBe(true);
    expect(state.focused).toEqual([targets.old, targets.new].sort());
    expect(state.newText).toContain('Huy động đông đảo sự tham gia');
    expect(state.hash).toMatch(/^#c\d+$/);
    // the reworded text shows its word diff inline
    expect(await page.locator(`#${targets.new} ins`, { hasText: 'trực tiếp' }).count()).toBe(1);
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    await page.close();
  }, 60_000);
});
