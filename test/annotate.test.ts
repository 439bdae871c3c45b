/**
 * `kh annotate`: the annotated copy read back — one kh comment per finding, each anchored on the
 * finding's excerpt (or on a whole paragraph when the text cannot be mapped), every part other
 * than document.xml / comments.xml / [Content_Types].xml / the document's .rels byte-identical.
 * Run on the fixtures' .docx and on every .docx of /work/shared/corpus/docx (skipped when absent).
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { addComments, findInParagraph } from '../src/annotate/docx-comments.js';
import { strToU8, zipSync } from 'fflate';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/docx');
const FIXTURES = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.docx'))
  .map((f) => join(ROOT, 'fixtures', f));
const corpus = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.docx'))
      .map((f) => join(CORPUS, f))
  : [];
if (corpus.length === 0) console.warn(`annotate: corpus cases skipped: ${CORPUS} is absent`);

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

interface Finding {
  message: string;
  excerpt: string;
  paragraph?: number;
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );

/** Visible text of a slice of WordprocessingML (w:t, tabs, breaks), mc:Choice copies left out. */
function visibleText(xml: string): string {
  const cleaned = xml.replace(/<mc:Choice\b[\s\S]*?<\/mc:Choice>/g, '');
  let text = '';
  for (const m of cleaned.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:(?:br|cr)\b[^>]*\/>/g)) {
    text += m[1] !== undefined ? decode(m[1]) : m[0].startsWith('<w:tab') ? '\t' : '\n';
  }
  return text;
}

interface ReadComment {
  id: string;
  author: string;
  body: string;
  anchor: string;
  /** The text of the paragraph(s) holding the anchor, whole. */
  paragraphText: string;
}

function readComments(file: string): { parts: Record<string, Uint8Array>; comments: ReadComment[] } {
  const parts = unzipSync(readFileSync(file));
  const documentXml = strFromU8(parts['word/document.xml']!);
  const commentsXml = parts['word/comments.xml'] ? strFromU8(parts['word/comments.xml']) : '';
  const comments: ReadComment[] = [];
  for (const m of commentsXml.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const id = /w:id="([^"]*)"/.exec(m[1]!)![1]!;
    const author = /w:author="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    const start = documentXml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
    const end = documentXml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
    const reference = documentXml.indexOf(`<w:commentReference w:id="${id}"/>`);
    if (author === 'kh') {
      expect(start, `comment ${id}: range start`).toBeGreaterThanOrEqual(0);
      expect(end, `comment ${id}: range end`).toBeGreaterThan(start);
      expect(reference, `comment ${id}: reference`).toBeGreaterThan(end);
    }
    const pStart = Math.max(documentXml.lastIndexOf('<w:p>', start), documentXml.lastIndexOf('<w:p ', start));
    const pEnd = documentXml.indexOf('</w:p>', end);
    comments.push({
      id,
      author: decode(author),
      body: visibleText(m[2]!),
      anchor: start >= 0 && end > start ? visibleText(documentXml.slice(start, end)) : '',
      paragraphText: pStart >= 0 && pEnd > 0 ? visibleText(documentXml.slice(pStart, pEnd)) : '',
    });
  }
  return { parts, comments };
}

const ALLOWED_CHANGES = new Set([
  'word/document.xml',
  'word/comments.xml',
  '[Content_Types].xml',
  'word/_rels/document.xml.rels',
]);

async function checkAnnotated(source: string, dir: string, lang: 'vi' | 'en' = 'vi') {
  const input = join(dir, basename(source));
  copyFileSync(source, input);
  const before = readFileSync(input);
  const mtime = statSync(input).mtimeMs;
  const lint = await kh(['lint', input, '--format', 'json', '--lang', lang]);
  const findings = (JSON.parse(lint.out) as { messages: Finding[] }[])[0]!.messages;
  const output = join(dir, basename(source, '.docx') + '.kh.docx');
  const result = await kh(['annotate', input, '--lang', lang]);
  expect(result.code, result.err).toBe(0);
  expect(readFileSync(input).equals(before), 'the input is untouched').toBe(true);
  expect(statSync(input).mtimeMs).toBe(mtime);

  const original = unzipSync(before);
  const { parts, comments } = readComments(output);
  // Every part other than the four allowed is byte-identical; no part disappears.
  for (const [name, bytes] of Object.entries(original)) {
    expect(parts[name], `${name} kept`).toBeDefined();
    if (!ALLOWED_CHANGES.has(name))
      expect(Buffer.from(parts[name]!).equals(Buffer.from(bytes)), `${name} byte-identical`).toBe(true);
  }
  for (const name of Object.keys(parts))
    if (!(name in original)) expect(ALLOWED_CHANGES.has(name), `new part ${name}`).toBe(true);
  // Existing comments are kept.
  const oldComments = original['word/comments.xml'] ? readComments(source).comments.length : 0;
  expect(comments.length - oldComments).toBe(comments.filter((c) => c.author === 'kh').length);

  // Findings with a paragraph first (in report order), then the document-wide ones.
  const ordered = [
    ...findings.filter((f) => f.paragraph !== undefined),
    ...findings.filter((f) => f.paragraph === undefined),
  ];
  const ours = comments.filter((c) => c.author === 'kh');
  expect(ours.length).toBe(ordered.length);
  let onText = 0;
  ours.forEach((comment, i) => {
    const finding = ordered[i]!;
    expect(comment.body).toContain(squash(finding.message).slice(0, 40));
    const excerpt = squash(finding.excerpt);
    const anchor = squash(comment.anchor);
    const cut = excerpt.endsWith('…');
    if (excerpt && (cut ? anchor === excerpt.slice(0, -1).trimEnd() : anchor === excerpt)) onText++;
    else
      expect(anchor, `comment ${comment.id}: not the excerpt "${excerpt}", so the whole paragraph`).toBe(
        squash(comment.paragraphText),
      );
  });
  return { findings: ordered.length, onText, output };
}

describe('findInParagraph', () => {
  it('matches NFC, collapsed white space, the occurrence nearest the column', () => {
    const text = 'Số  01 /KH-UBND; xem 01 /KH-UBND';
    expect(findInParagraph(text, '01 /KH-UBND', 25)).toEqual([21, 32]);
    expect(findInParagraph(text, '01 /KH-UBND', 1)).toEqual([4, 15]);
    expect(findInParagraph(text, 'Số 01', 1)).toEqual([0, 6]);
    // Decomposed input (NFD) still matches the NFC excerpt.
    expect(findInParagraph('Ke hoa\u0323ch nam', 'hoạch', 1)).toEqual([3, 9]);
    expect(findInParagraph(text, 'không có', 1)).toBeNull();
    expect(findInParagraph(text, 'Số 01 /KH…', 1)).toEqual([0, 10]);
  });
});

describe('addComments on a hand-made package', () => {
  const W =
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const documentXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>` +
    // 1: split runs, an entity, a tab; an existing comment on it
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:commentRangeStart w:id="4"/><w:r><w:rPr><w:b/></w:rPr><w:t>Số: 01 </w:t></w:r><w:r><w:t>/KH-UBND &amp; ngày</w:t></w:r><w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r><w:r><w:tab/><w:t xml:space="preserve">  tháng 5</w:t></w:r></w:p>' +
    // 2: a table cell paragraph
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Sở Y tế</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
    // 3: a paragraph holding a text box (4 in the Fallback; the Choice copy is not counted)
    '<w:p><w:r><w:t>Ngoài</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Trong</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Trong</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>' +
    '<w:sectPr/></w:body></w:document>';
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
    ),
    'word/comments.xml': strToU8(
      `<?xml version="1.0"?><w:comments ${W}><w:comment w:id="4" w:author="Người duyệt"><w:p><w:r><w:t>Đã xem</w:t></w:r></w:p></w:comment></w:comments>`,
    ),
    'word/media/image1.png': new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
  };
  it('splits runs at the excerpt, keeps the existing comment, falls back to the paragraph', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-annotate-unit-'));
    try {
      const { data, placed, changed } = addComments(zipSync(files), [
        { paragraph: 1, text: '01 /KH-UBND & ngày', column: 5, body: ['một'] },
        { paragraph: 1, text: 'KH-UBND', column: 9, body: ['hai'] },
        { paragraph: 1, text: 'ngày tháng 5', column: 1, body: ['ba'] },
        { paragraph: 2, text: 'Y tế', column: 4, body: ['bốn'] },
        { paragraph: 4, text: 'Trong', column: 1, body: ['năm'] },
        { paragraph: 2, text: 'không có ở đây', column: 1, body: ['sáu'] },
        { paragraph: 99, text: 'x', column: 1, body: ['ngoài văn bản'] },
      ]);
      expect(placed.map((p) => [p.id, p.anchor])).toEqual([
        [5, 'text'],
        [6, 'text'],
        [7, 'text'],
        [8, 'text'],
        [9, 'paragraph'],
        [10, 'paragraph'],
      ]);
      expect(changed.sort()).toEqual(['word/comments.xml', 'word/document.xml']);
      const file = join(dir, 'out.docx');
      writeFileSync(file, data);
      const { parts, comments } = readComments(file);
      expect(
        Buffer.from(parts['word/media/image1.png']!).equals(Buffer.from(files['word/media/image1.png'])),
      ).toBe(true);
      const byBody = Object.fromEntries(comments.map((c) => [c.body, c]));
      expect(byBody['Đã xem']!.author).toBe('Người duyệt');
      expect(byBody['Đã xem']!.anchor).toBe('Số: 01 /KH-UBND & ngày');
      expect(byBody['một']!.anchor).toBe('01 /KH-UBND & ngày');
      expect(byBody['hai']!.anchor).toBe('KH-UBND');
      expect(byBody['ba']!.anchor).toBe('ngày\t  tháng 5');
      expect(byBody['bốn']!.anchor).toBe('Y tế');
      expect(byBody['năm']!.anchor).toBe('NgoàiTrong'); // the outer paragraph, whole
      expect(byBody['sáu']!.anchor).toBe('Sở Y tế');
      // The bold run's split pieces are still bold.
      const xml = strFromU8(parts['word/document.xml']!);
      expect(xml).toContain(
        '<w:r><w:rPr><w:b/></w:rPr><w:t>Số: </w:t></w:r>'.replace(
          '<w:t>Số: </w:t>',
          '<w:t xml:space="preserve">Số: </w:t>',
        ),
      );
      expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">01 </w:t></w:r>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kh annotate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kh-annotate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FIXTURES)('fixture %s: one comment per finding, on its excerpt', async (file) => {
    const { findings, onText } = await checkAnnotated(file, dir);
    expect(findings).toBeGreaterThan(0);
    // The fixtures' findings are all on plain text: every one must land on its excerpt.
    expect(onText).toBeGreaterThanOrEqual(Math.ceil(findings * 0.8));
  });

  it.skipIf(corpus.length === 0).each(corpus)('corpus %s', async (file) => {
    await checkAnnotated(file, dir);
  });

  it('writes the comments in English with --lang en, with the suggestion and the rule id', async () => {
    const sub = mkdtempSync(join(dir, 'en-'));
    const { output } = await checkAnnotated(FIXTURES[0]!, sub, 'en');
    const bodies = readComments(output).comments.map((c) => c.body);
    expect(bodies.some((b) => /Suggestion: /.test(b))).toBe(true);
    expect(bodies.every((b) => /Rule: [a-z-]+ \(see: kh explain [a-z-]+\)/.test(b))).toBe(true);
  });

  it('never overwrites without --force, refuses -o onto the input, refuses text input', async () => {
    const sub = mkdtempSync(join(dir, 'guard-'));
    const input = join(sub, 'plan.docx');
    copyFileSync(FIXTURES[0]!, input);
    writeFileSync(join(sub, 'plan.kh.docx'), 'keep');
    const refused = await kh(['annotate', input, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already exists; use --force/);
    expect(readFileSync(join(sub, 'plan.kh.docx'), 'utf8')).toBe('keep');
    expect((await kh(['annotate', input, '--force'])).code).toBe(0);
    expect(readFileSync(join(sub, 'plan.kh.docx')).subarray(0, 2).toString()).toBe('PK');
    const same = await kh(['annotate', input, '-o', join(sub, '.', 'plan.docx'), '--force', '--lang', 'en']);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/is the input file/);
    const text = await kh(['annotate', join(ROOT, 'fixtures/000_a2bc4216fc60fd38.txt'), '--lang', 'en']);
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/kh lint <file> --format html/);
    expect(readdirSync(sub).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  const soffice = (() => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!soffice)
    console.warn(
      'annotate: LibreOffice check skipped: soffice is not installed (scripts/install-libreoffice.sh)',
    );
  it.skipIf(!soffice)(
    'LibreOffice reads every comment and converts the annotated file to PDF headless',
    async () => {
      const sub = mkdtempSync(join(dir, 'lo-'));
      const { output } = await checkAnnotated(FIXTURES[0]!, sub);
      const expected = readComments(output).comments.length;
      const profile = `-env:UserInstallation=file://${sub}/profile`;
      for (const format of ['pdf', 'odt']) {
        execFileSync('soffice', ['--headless', profile, '--convert-to', format, '--outdir', sub, output], {
          stdio: 'pipe',
          timeout: 120_000,
        });
      }
      const pdf = join(sub, basename(output, '.docx') + '.pdf');
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      // The ODT holds what LibreOffice understood: one annotation (with its range end) per comment.
      const content = strFromU8(
        unzipSync(readFileSync(join(sub, basename(output, '.docx') + '.odt')))['content.xml']!,
      );
      expect(content.match(/<office:annotation[\s>]/g)?.length).toBe(expected);
      expect(content.match(/<office:annotation-end\b/g)?.length).toBe(expected);
      expect(content).toContain('<dc:creator>kh</dc:creator>');
    },
    180_000,
  );

  /** kh's tracked changes in document order: [kind, id, text]. */
  const trackedChanges = (documentXml: string) =>
    [...documentXml.matchAll(/<w:(ins|del)\b([^>]*)>([\s\S]*?)<\/w:\1>/g)]
      .filter((m) => /w:author="kh"/.test(m[2]!))
      .map((m) => ({
        kind: m[1]!,
        id: /w:id="(\d+)"/.exec(m[2]!)![1]!,
        date: /w:date="([^"]*)"/.exec(m[2]!)?.[1],
        text: [...m[3]!.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)]
          .map((t) => decode(t[1]!))
          .join(''),
      }));
  // The three certain fixes of fixture 000 (the same kh lint --fix makes in its .txt twin).
  const FIXES_000: [string, string][] = [
    ['1303/BLĐT BXH-VBĐG', '1303/BLĐTBXH-VBĐG'],
    ['2792/LĐT BXH-BĐG', '2792/LĐTBXH-BĐG'],
    ['các các', 'các'],
  ];
  const applyFixes000 = (text: string) => FIXES_000.reduce((t, [from, to]) => t.replace(from, to), text);

  async function annotateWithFixes(sub: string): Promise<{ input: string; output: string; err: string }> {
    const input = join(sub, '000.docx');
    copyFileSync(join(ROOT, 'fixtures/000_a2bc4216fc60fd38.docx'), input);
    const output = join(sub, '000.kh.docx');
    const result = await kh(['annotate', input, '--fix', '--lang', 'en']);
    expect(result.code, result.err).toBe(0);
    return { input, output, err: result.err };
  }

  it('--fix writes the certain fixes as tracked changes: del/ins pairs by kh, unique ids, fixed date, the rest untouched', async () => {
    const sub = mkdtempSync(join(dir, 'fix-'));
    const { input, output, err } = await annotateWithFixes(sub);
    expect(err).toMatch(/3 of 3 certain fixes written as tracked changes/);
    const original = unzipSync(readFileSync(input));
    const parts = unzipSync(readFileSync(output));
    const documentXml = strFromU8(parts['word/document.xml']!);
    const changes = trackedChanges(documentXml);
    // Pairs: the old run text deleted, then the fix inserted.
    const pairs: [string, string][] = [];
    for (let i = 0; i < changes.length; i += 2) {
      expect([changes[i]!.kind, changes[i + 1]?.kind]).toEqual(['del', 'ins']);
      pairs.push([changes[i]!.text, changes[i + 1]!.text]);
    }
    expect(pairs).toEqual(FIXES_000);
    expect(new Set(changes.map((c) => c.date))).toEqual(new Set(['2000-01-01T00:00:00Z']));
    // Ids unique across the document: among the changes and against every other w:id.
    const otherIds = [
      ...documentXml
        .replace(/<w:(ins|del)\b[^>]*>/g, '')
        .matchAll(/<w:(?:comment\w*|bookmarkStart|bookmarkEnd)\b[^>]*\bw:id="(\d+)"/g),
    ].map((m) => m[1]);
    const ids = changes.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(otherIds).not.toContain(id);
    // Accepting the changes (keep w:ins, drop w:del) gives the fixed text; rejecting them, the original.
    const before = visibleText(
      strFromU8(original['word/document.xml']!).replace(/<w:commentRange\w+[^>]*\/>/g, ''),
    );
    const accepted = visibleText(documentXml.replace(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g, ''));
    const rejected = visibleText(
      documentXml.replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '').replace(/w:delText/g, 'w:t'),
    );
    expect(accepted).toBe(applyFixes000(before));
    expect(accepted).not.toBe(before);
    expect(rejected).toBe(before);
    // Every part other than the annotation's own is byte-identical; the comments are still there.
    for (const [name, bytes] of Object.entries(original)) {
      if (!ALLOWED_CHANGES.has(name))
        expect(Buffer.from(parts[name]!).equals(Buffer.from(bytes)), `${name} byte-identical`).toBe(true);
    }
    expect(readComments(output).comments.filter((c) => c.author === 'kh').length).toBeGreaterThan(0);
    // Deterministic: the same input gives the same document.xml.
    rmSync(output);
    await kh(['annotate', input, '--fix']);
    expect(strFromU8(unzipSync(readFileSync(output))['word/document.xml']!)).toBe(documentXml);
    // Without --fix there is no tracked change.
    const plain = await kh(['annotate', input, '-o', join(sub, 'plain.docx')]);
    expect(plain.code).toBe(0);
    expect(
      trackedChanges(strFromU8(unzipSync(readFileSync(join(sub, 'plain.docx')))['word/document.xml']!)),
    ).toEqual([]);
  });

  it('--fix leaves a fix alone when its text does not map onto plain runs of one paragraph', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const documentXml =
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>` +
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Số 01 /KH</w:t></w:r><w:r><w:t>-UBND của của tỉnh</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>của</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>của tỉnh</w:t></w:r></w:p>' +
      '<w:p><w:hyperlink><w:r><w:t>của của</w:t></w:r></w:hyperlink></w:p>' +
      '</w:body></w:document>';
    const data = zipSync({
      'word/document.xml': strToU8(documentXml),
      '[Content_Types].xml': strToU8('<Types></Types>'),
    });
    const result = addComments(
      data,
      [],
      [
        { paragraph: 1, column: 5, expected: '01 /KH-UBND', text: '01/KH-UBND' },
        { paragraph: 1, column: 18, expected: 'của của', text: 'của' },
        { paragraph: 2, column: 1, expected: 'của\tcủa', text: 'của' },
        { paragraph: 3, column: 1, expected: 'của của', text: 'của' },
        { paragraph: 1, column: 1, expected: 'không có', text: 'x' },
      ],
    );
    expect(result.fixed).toBe(2);
    const out = strFromU8(unzipSync(result.data)['word/document.xml']!);
    const changes = trackedChanges(out);
    // Across two runs: one w:del per run piece (each keeps its formatting), then one w:ins.
    expect(changes.map((c) => [c.kind, c.text])).toEqual([
      ['del', '01 /KH'],
      ['del', '-UBND'],
      ['ins', '01/KH-UBND'],
      ['del', 'của của'],
      ['ins', 'của'],
    ]);
    expect(out).toContain(
      '<w:del w:id="0" w:author="kh" w:date="2000-01-01T00:00:00Z"><w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">01 /KH</w:delText></w:r></w:del>',
    );
    expect(out).toContain(
      '<w:ins w:id="2" w:author="kh" w:date="2000-01-01T00:00:00Z"><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">01/KH-UBND</w:t></w:r></w:ins>',
    );
    // The paragraphs the fixes could not map onto are unchanged.
    expect(out).toContain(
      '<w:p><w:r><w:t>của</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>của tỉnh</w:t></w:r></w:p><w:p><w:hyperlink><w:r><w:t>của của</w:t></w:r></w:hyperlink></w:p>',
    );
  });

  it.skipIf(!soffice)(
    'LibreOffice opens the --fix output, converts it to PDF and reads the tracked changes',
    async () => {
      const sub = mkdtempSync(join(dir, 'fix-lo-'));
      const { output } = await annotateWithFixes(sub);
      const profile = `-env:UserInstallation=file://${sub}/profile`;
      for (const format of ['pdf', 'odt']) {
        execFileSync('soffice', ['--headless', profile, '--convert-to', format, '--outdir', sub, output], {
          stdio: 'pipe',
          timeout: 120_000,
        });
      }
      expect(readFileSync(join(sub, '000.kh.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      const content = strFromU8(unzipSync(readFileSync(join(sub, '000.kh.odt')))['content.xml']!);
      expect(content.match(/<text:deletion>/g)?.length).toBe(FIXES_000.length);
      expect(content.match(/<text:insertion>/g)?.length).toBe(FIXES_000.length);
    },
    180_000,
  );
});
