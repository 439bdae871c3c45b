// The committed fixtures (npm run fixtures): seeds copied unchanged, .docx files carrying exactly the seed's
// text, PDFs whose text layer pdf-parse can read, and the variants real offices produce.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(repoRoot, 'fixtures');
const variants = path.join(fixtures, 'variants');
// CI keeps the shared material beside the clone.
const sharedSeeds = path.join(path.resolve(repoRoot, '../shared'), 'seeds');
const hasShared = existsSync(sharedSeeds);

const SEEDS = [
  '000_a2bc4216fc60fd38',
  '001_7c7171d5d3a46b8d',
  '002_06484e6e4818e0d7',
  '003_4648be2b9eb23052',
  '004_a5398dc3df371b71',
];
const PLANS = SEEDS.filter((base) => !base.startsWith('001_'));
const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const ITEM_LABEL = /^(\d{1,2}\.|[a-zđ]\))\s+/;

const seedFor = (file: string) => {
  const base = SEEDS.find((seed) => path.basename(file).startsWith(seed.slice(0, 4)));
  if (!base) throw new Error(`no seed for ${file}`);
  return readFileSync(path.join(fixtures, `${base}.txt`), 'utf8');
};

/** Markdown syntax removed: "#" heading marks, "*" emphasis, the trailing "  " of a hard break. */
const stripMarkdown = (paragraph: string) =>
  paragraph
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*+/g, '')
    .replace(/ {2,}\n/g, '\n');

/** Non-blank seed paragraphs (a blank line separates them), markdown removed. */
const seedParagraphs = (text: string) =>
  text
    .split(/\n(?:[ \t]*\n)+/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map(stripMarkdown);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function unzip(file: string) {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  return unzipSync(new Uint8Array(bytes));
}

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface DocxParagraph {
  xml: string;
  /** concatenated w:t, a soft break as "\n", a tab as "\t" */
  text: string;
}

function docxParagraphs(documentXml: string): DocxParagraph[] {
  return [...documentXml.matchAll(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map(([xml]) => ({
    xml,
    text: [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((token) =>
        token[0] === '<w:br/>' ? '\n' : token[0] === '<w:tab/>' ? '\t' : decodeXml(token[1] ?? ''),
      )
      .join(''),
  }));
}

function readDocx(file: string) {
  const entries = unzip(file);
  expect(Object.keys(entries)).toContain('word/document.xml');
  const documentXml = strFromU8(entries['word/document.xml']!);
  const part = (name: string) => (entries[name] ? strFromU8(entries[name]!) : '');
  return { documentXml, paragraphs: docxParagraphs(documentXml), part };
}

async function pdfText(file: string) {
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(file)) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** Index after `needle` found at or after `from`, or -1. */
function findFrom(haystack: string, needle: string, from: number) {
  const at = haystack.indexOf(needle, from);
  return at < 0 ? -1 : at + needle.length;
}

const mainDocx = PLANS.map((base) => path.join(fixtures, `${base}.docx`));
const variantDocx = existsSync(variants)
  ? readdirSync(variants)
      .filter((name) => name.endsWith('.docx'))
      .map((name) => path.join(variants, name))
  : [];
const allPdf = [
  ...PLANS.map((base) => path.join(fixtures, `${base}.pdf`)),
  ...variantDocx.map((f) => f.replace(/\.docx$/, '.pdf')),
].filter((file) => existsSync(file));

describe('seeds', () => {
  it('are all in fixtures/', () => {
    for (const base of SEEDS) expect(existsSync(path.join(fixtures, `${base}.txt`)), base).toBe(true);
  });

  it.skipIf(!hasShared)('are byte-identical to ../shared/seeds', () => {
    for (const base of SEEDS) {
      const copy = readFileSync(path.join(fixtures, `${base}.txt`));
      const original = readFileSync(path.join(sharedSeeds, `${base}.txt`));
      expect(copy.equals(original), base).toBe(true);
    }
  });
});

describe('docx fixtures', () => {
  it('has the four plans and the four variants', () => {
    for (const file of mainDocx) expect(existsSync(file), file).toBe(true);
    expect(variantDocx.map((file) => path.basename(file)).sort()).toEqual([
      '000_autonumber.docx',
      '002_nfd.docx',
      '003_softbreaks.docx',
      '004_appendix.docx',
    ]);
  });

  it.each([...mainDocx, ...variantDocx].map((file) => [path.relative(fixtures, file), file]))(
    '%s carries every seed paragraph, in order',
    (_name, file) => {
      const { paragraphs } = readDocx(file);
      const nfd = file.includes('_nfd');
      const autonumber = file.includes('_autonumber');
      const text = collapse(paragraphs.map((p) => (nfd ? p.text.normalize('NFC') : p.text)).join(' '));
      let position = 0;
      for (const paragraph of seedParagraphs(seedFor(file))) {
        const words = collapse(autonumber ? paragraph.replace(ITEM_LABEL, '') : paragraph);
        const next = findFrom(text, words, position);
        expect(next, `missing or out of order: ${words.slice(0, 80)}`).toBeGreaterThan(0);
        position = next;
      }
    },
  );

  it.each(mainDocx.map((file) => [path.basename(file), file]))(
    '%s: its paragraphs are exactly the seed paragraphs, line breaks and spacing included',
    (_name, file) => {
      const { paragraphs } = readDocx(file);
      const texts = paragraphs
        .map((p) => p.text)
        .filter((text) => text.trim() !== '' && !MOTTO.includes(text));
      expect(texts).toEqual(seedParagraphs(seedFor(file)));
    },
  );

  it.each(mainDocx.map((file) => [path.basename(file), file]))(
    '%s is laid out as an office document',
    (_name, file) => {
      const { documentXml, paragraphs, part } = readDocx(file);
      expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4
      expect(part('word/styles.xml')).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
      // header block: a borderless two-column table carrying the motto, before "KẾ HOẠCH"
      const header = documentXml.slice(documentXml.indexOf('<w:tbl>'), documentXml.indexOf('</w:tbl>'));
      expect(header).toContain(MOTTO[0]);
      expect(header).toMatch(/<w:tblBorders><w:top w:val="none"/);
      expect(header.match(/<w:gridCol /g)).toHaveLength(2);
      const title = paragraphs.find((p) => p.text.startsWith('KẾ HOẠCH'));
      expect(title?.xml).toMatch(/<w:jc w:val="center"\/>/);
      expect(title?.xml).toMatch(/<w:b\/>/);
      const justified = paragraphs.filter((p) => /<w:jc w:val="both"\/>/.test(p.xml));
      expect(justified.length).toBeGreaterThan(20);
      // the signature block is the last table: Nơi nhận on the left, the signer on the right
      const closing = documentXml.slice(documentXml.lastIndexOf('<w:tbl>'));
      expect(closing).toContain('Nơi nhận');
      expect(closing).toMatch(/PHÓ CHỦ TỊCH/);
    },
  );

  it('000_autonumber: numbered paragraphs use Word numbering that draws the seed labels', () => {
    const { paragraphs, part } = readDocx(path.join(variants, '000_autonumber.docx'));
    const numberingXml = part('word/numbering.xml');
    const levelOf = (abstractId: string) => {
      const abstract = new RegExp(
        `<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>([\\s\\S]*?)</w:abstractNum>`,
      ).exec(numberingXml)?.[1];
      const lvl0 = /<w:lvl [^>]*w:ilvl="0"[^>]*>([\s\S]*?)<\/w:lvl>/.exec(abstract ?? '')?.[1] ?? '';
      return {
        format: /<w:numFmt w:val="(\w+)"/.exec(lvl0)?.[1],
        text: /<w:lvlText w:val="([^"]*)"/.exec(lvl0)?.[1],
      };
    };
    const nums = new Map<string, { format?: string; text?: string; start: number }>();
    for (const [, numId, body] of numberingXml.matchAll(/<w:num w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
      const abstractId = /<w:abstractNumId w:val="(\d+)"/.exec(body!)?.[1] ?? '';
      const start = Number(/<w:startOverride w:val="(\d+)"/.exec(body!)?.[1] ?? 1);
      nums.set(numId!, { ...levelOf(abstractId), start });
    }
    const levels = [...nums.values()];
    expect(levels.some((l) => l.format === 'decimal' && l.text === '%1.')).toBe(true);
    expect(levels.some((l) => l.format === 'lowerLetter' && l.text === '%1)')).toBe(true);

    // draw the labels as Word does: one counter per list instance
    const counters = new Map<string, number>();
    const drawn: string[] = [];
    for (const p of paragraphs) {
      const numId = /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"/.exec(p.xml)?.[1];
      if (!numId) continue;
      const list = nums.get(numId);
      expect(list, `numId ${numId}`).toBeDefined();
      const n = counters.get(numId) ?? list!.start;
      counters.set(numId, n + 1);
      const value = list!.format === 'decimal' ? String(n) : String.fromCharCode(96 + n);
      drawn.push(list!.text!.replace('%1', value));
      expect(p.text, 'label text left in the paragraph').not.toMatch(ITEM_LABEL);
    }
    const seedLabels = seedParagraphs(seedFor('000_'))
      .map((paragraph) => ITEM_LABEL.exec(paragraph)?.[1])
      .filter((label): label is string => Boolean(label));
    expect(drawn).toEqual(seedLabels);
    expect(new Set(counters.keys()).size).toBeGreaterThan(4); // numbering restarts per section
  });

  it('003_softbreaks: paragraphs that are one line in the seed carry <w:br/>', () => {
    const softbreaks = readDocx(path.join(variants, '003_softbreaks.docx')).paragraphs;
    const plain = readDocx(path.join(fixtures, '003_4648be2b9eb23052.docx')).paragraphs;
    const broken = softbreaks.filter((p) => p.text.includes('\n'));
    expect(broken.length).toBeGreaterThan(plain.filter((p) => p.text.includes('\n')).length + 3);
    const trichYeu = softbreaks.find((p) => p.text.startsWith('Thực hiện Công tác Bình đẳng giới'));
    expect(trichYeu?.text).toContain('\n');
  });

  it('004_appendix: a PHỤ LỤC assignment table built from section III', () => {
    const { documentXml, paragraphs } = readDocx(path.join(variants, '004_appendix.docx'));
    const appendixAt = paragraphs.findIndex((p) => p.text === 'PHỤ LỤC');
    expect(appendixAt).toBeGreaterThan(0);
    expect(documentXml).toMatch(/w:orient="landscape"/);
    const table = documentXml.slice(documentXml.indexOf('<w:tbl>', documentXml.indexOf('>PHỤ LỤC<')));
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([row]) => ({
      xml: row,
      cells: [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
        docxParagraphs(cell)
          .map((p) => p.text)
          .join('\n'),
      ),
    }));
    expect(rows[0]!.cells).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian thực hiện',
    ]);
    expect(rows[0]!.xml).toMatch(/<w:tblHeader\/>/);
    expect(rows.some((row) => /<w:tblHeader w:val="(off|false|0)"\/>/.test(row.xml))).toBe(true);
    expect(table).toMatch(/<w:tblBorders><w:top w:val="single"/);

    // every task paragraph of section III is in the table
    const seed = seedParagraphs(seedFor('004_'));
    const sectionIII = seed.slice(
      seed.findIndex((p) => p.startsWith('III.')),
      seed.findIndex((p) => p.startsWith('IV.')),
    );
    const tableText = collapse(rows.map((row) => row.cells.join(' ')).join(' '));
    const tasks = sectionIII.filter((p) => p.startsWith('- '));
    expect(tasks.length).toBeGreaterThan(20);
    for (const task of tasks) expect(tableText).toContain(collapse(task.slice(2)));
    const taskRows = rows.filter((row) => row.cells.length === 5 && /^\d+$/.test(row.cells[0]!));
    expect(taskRows).toHaveLength(tasks.length);
    // the lead agency comes from the seed's own names; where the seed names none the cell is empty
    const leads = taskRows.map((row) => row.cells[2]!);
    expect(leads).toContain('Phòng Y tế');
    expect(leads.filter((lead) => lead === '').length).toBeGreaterThan(0);
  });

  it('002_nfd: the text is stored decomposed (NFD)', () => {
    const { paragraphs } = readDocx(path.join(variants, '002_nfd.docx'));
    const text = paragraphs.map((p) => p.text).join('\n');
    expect(text).toMatch(/\p{M}/u);
    expect(text).toBe(text.normalize('NFD'));
    expect(text).not.toBe(text.normalize('NFC'));
  });
});

describe('pdf fixtures', () => {
  it('has a PDF for each plan, the appendix and the NFD variant', () => {
    expect(allPdf.map((file) => path.relative(fixtures, file)).sort()).toEqual(
      [...PLANS.map((base) => `${base}.pdf`), 'variants/002_nfd.pdf', 'variants/004_appendix.pdf'].sort(),
    );
  });

  it.each(
    allPdf.filter((file) => !file.includes('_nfd')).map((file) => [path.relative(fixtures, file), file]),
  )('%s: pdf-parse reads the distinctive phrases of its seed', async (_name, file) => {
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = collapse(await pdfText(file));
    const seed = seedParagraphs(seedFor(file));
    const titleAt = seed.findIndex((p) => p.startsWith('KẾ HOẠCH'));
    const trichYeu = seed[titleAt]!.includes('\n') ? seed[titleAt]!.split('\n')[1]! : seed[titleAt + 1]!;
    const romanHeadings = seed.filter((p) => /^[IVX]+\.\s/.test(p) && p.length <= 60);
    const signer = seed.at(-1)!.split('\n').at(-1)!;
    const phrases = [
      'KẾ HOẠCH',
      trichYeu.split(/\s+/).slice(0, 6).join(' '),
      ...romanHeadings,
      signer,
      MOTTO[0],
    ];
    expect(romanHeadings.length).toBeGreaterThanOrEqual(3);
    for (const phrase of phrases) expect(text, phrase).toContain(collapse(phrase));
  });

  it('004_appendix.pdf shows the appendix table', async () => {
    const text = collapse(await pdfText(path.join(variants, '004_appendix.pdf')));
    expect(text).toContain('PHỤ LỤC');
    expect(text).toContain('Cơ quan chủ trì');
  });

  it('002_nfd.pdf: pdf-parse returns decomposed text with spaces cut into words ("Ủ y ban")', async () => {
    const nfd = await pdfText(path.join(variants, '002_nfd.pdf'));
    const nfc = await pdfText(path.join(fixtures, '002_06484e6e4818e0d7.pdf'));
    expect(nfd.startsWith('%PDF')).toBe(false);
    expect(readFileSync(path.join(variants, '002_nfd.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(nfd).toMatch(/\p{M}/u); // the text layer stays NFD
    const composed = nfd.normalize('NFC');
    // nothing lost or reordered: only whitespace differs from the NFC document's text
    expect(composed.replace(/\s+/g, '')).toBe(nfc.replace(/\s+/g, ''));
    expect(nfc).toContain('Ủy ban nhân dân');
    expect(composed).toMatch(/Ủ\s+y ban/u);
    expect(composed).not.toBe(nfc);
  });
});
