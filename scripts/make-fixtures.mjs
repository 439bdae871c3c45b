#!/usr/bin/env node
/**
 * npm run fixtures — builds fixtures/ from the seed documents.
 *
 *   fixtures/<seed>.txt            the five seeds, copied byte for byte
 *   fixtures/<plan>.docx / .pdf    the four plans (000, 002, 003, 004) as a Vietnamese office would type them
 *                                  (Nghị định 30/2020/NĐ-CP layout), the PDF exported by LibreOffice
 *   fixtures/variants/             what real offices also produce:
 *     000_autonumber.docx          "1." / "a)" labels made by Word's automatic numbering
 *     003_softbreaks.docx          lines broken with Shift+Enter (<w:br/>) inside paragraphs
 *     004_appendix.docx / .pdf     an appendix "PHỤ LỤC" with the assignment table of section III
 *     002_nfd.docx / .pdf          the text stored decomposed (Unicode NFD)
 *
 * The text of every .docx is the seed's own text: same words, order, typos and spacing. Only markdown syntax
 * ("#" heading marks, "*"/"**" emphasis, a trailing "  " hard break) is turned into formatting. A blank line of
 * the seed ends a Word paragraph (also where a page break of the original split a sentence: the fixture keeps
 * that mess for the parser to repair); a single newline is a soft line break (<w:br/>).
 *
 * The outputs are committed; tests never run LibreOffice. Running the script again overwrites them with
 * byte-identical files (fixed zip and PDF dates).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';

// ───────────────────────────── paths and seeds ─────────────────────────────

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'fixtures');
const VARIANTS = path.join(FIXTURES, 'variants');
/** CI and this machine keep the shared material beside the clone. */
const SHARED_SEEDS = path.resolve(ROOT, '../shared/seeds');

const SEEDS = [
  '000_a2bc4216fc60fd38',
  '001_7c7171d5d3a46b8d', // a news article, not a plan: copied only
  '002_06484e6e4818e0d7',
  '003_4648be2b9eb23052',
  '004_a5398dc3df371b71',
];
const PLANS = SEEDS.filter((base) => !base.startsWith('001_'));
const seedOf = (prefix) => SEEDS.find((base) => base.startsWith(`${prefix}_`));

// ───────────────────────────── page layout (NĐ 30/2020, Phụ lục I) ─────────────────────────────

const FONT = 'Times New Roman';
const mm = (value) => Math.round((value * 1440) / 25.4); // millimetres → twips
const A4 = { width: 11906, height: 16838 }; // twips
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(20) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;
const SIZE = {
  body: 14,
  nationalTitle: 12,
  motto: 14,
  numberLine: 13,
  recipientsHead: 12,
  recipients: 11,
  table: 12,
};
const BODY_INDENT = mm(10); // first-line indent of body paragraphs
const SPACE_6PT = 120;
const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
/** Fixed date written into every zip entry, docProps/core.xml and PDF info, so outputs are reproducible. */
const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

// ───────────────────────────── reading a seed ─────────────────────────────

/** The seed's bytes: from ../shared/seeds when present, else from the committed copy in fixtures/. */
function readSeed(base) {
  const shared = path.join(SHARED_SEEDS, `${base}.txt`);
  return readFileSync(existsSync(shared) ? shared : path.join(FIXTURES, `${base}.txt`));
}

function copySeeds() {
  if (!existsSync(SHARED_SEEDS)) {
    console.log(`(${SHARED_SEEDS} absent: keeping the committed copies of the seeds)`);
    return;
  }
  for (const base of SEEDS)
    copyFileSync(path.join(SHARED_SEEDS, `${base}.txt`), path.join(FIXTURES, `${base}.txt`));
  console.log(`copied ${SEEDS.length} seeds`);
}

/**
 * Seed text → paragraphs. A paragraph is a run of non-blank lines; its lines are kept (joined by "\n").
 * @returns {{ source: string, blankLinesBefore: number }[]}
 */
function splitParagraphs(text) {
  const paragraphs = [];
  let lines = [];
  let blanks = 0;
  const flush = () => {
    if (lines.length) paragraphs.push({ source: lines.join('\n'), blankLinesBefore: blanks });
    lines = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (lines.length) {
        flush();
        blanks = 0;
      }
      blanks++;
    } else {
      lines.push(line);
    }
  }
  flush();
  return paragraphs;
}

/**
 * One seed paragraph → runs. Markdown heading marks and emphasis become formatting; a newline becomes a
 * soft break. "***" toggles bold and italic, "**" bold, "*" italic.
 * @typedef {{ text: string, bold?: boolean, italic?: boolean } | { br: true }} Run
 * @returns {{ runs: Run[], headingLevel: number }}
 */
function parseInline(source) {
  const heading = /^(#{1,6})\s+/.exec(source);
  const body = (heading ? source.slice(heading[0].length) : source).replace(/ {2,}\n/g, '\n');
  const runs = [];
  let bold = false;
  let italic = false;
  for (const token of body.split(/(\*{1,3}|\n)/)) {
    if (token === '') continue;
    if (token === '\n') runs.push({ br: true });
    else if (/^\*+$/.test(token)) {
      if (token.length !== 2) italic = !italic;
      if (token.length !== 1) bold = !bold;
    } else runs.push({ text: token, ...(bold && { bold }), ...(italic && { italic }) });
  }
  if (bold || italic) throw new Error(`unbalanced emphasis in: ${source.slice(0, 80)}`);
  return { runs, headingLevel: heading ? heading[1].length : 0 };
}

const plainOf = (runs) => runs.map((run) => ('br' in run ? '\n' : run.text)).join('');

/**
 * @typedef {{ runs: Run[], plain: string, headingLevel: number, blankLinesBefore: number,
 *             kind?: 'roman'|'arabic'|'letter'|'bullet'|'text', bold?: 'all'|number }} Para
 * @returns {Para[]}
 */
function readParagraphs(text) {
  return splitParagraphs(text).map(({ source, blankLinesBefore }) => {
    const { runs, headingLevel } = parseInline(source);
    return { runs, plain: plainOf(runs), headingLevel, blankLinesBefore };
  });
}

// ───────────────────────────── the parts of a plan ─────────────────────────────

const LABEL = {
  roman: /^[IVXLC]+\.\s/,
  arabic: /^\d{1,2}\.\s/,
  letter: /^[a-zđ]\)\s/,
  bullet: /^[-+]\s/,
};

function kindOf(plain) {
  for (const [kind, pattern] of Object.entries(LABEL)) if (pattern.test(plain)) return kind;
  return 'text';
}

const isLowercaseLetter = (ch) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();

/** A paragraph that starts in the middle of a sentence: the tail of one a page break split. */
function startsMidSentence(plain) {
  return kindOf(plain) === 'text' && (isLowercaseLetter(plain[0]) || /^\d/.test(plain));
}

/** "I. MỤC ĐÍCH" / "1. Mục đích" / "a) Nội dung tuyên truyền": a short label line, not a sentence. */
function isHeadingLike(para, next) {
  if (para.headingLevel > 0) return true;
  if (para.kind === 'bullet' || para.kind === 'text') return false;
  const text = para.plain.trim();
  if (text.length > 220 || /[.;,]$/.test(text)) return false;
  return !(next && startsMidSentence(next.plain));
}

/** "5. Sở Tài chính: Căn cứ …" → the length of "5. Sở Tài chính:", which an office sets in bold. */
function boldLabelLength(para) {
  if (para.kind !== 'roman' && para.kind !== 'arabic') return 0;
  const match = /^(?:[IVXLC]+|\d{1,2})\.\s[^:\n]{1,80}?:(?=\s)/.exec(para.plain);
  return match ? match[0].length : 0;
}

function classifyBody(paragraphs) {
  return paragraphs.map((para, i) => {
    const kind = kindOf(para.plain);
    const withKind = { ...para, kind };
    const bold = isHeadingLike(withKind, paragraphs[i + 1]) ? 'all' : boldLabelLength(withKind) || undefined;
    return { ...withKind, bold };
  });
}

/**
 * Seed paragraphs → the parts of a Kế hoạch: header (Số / place-date), title with trích yếu, body,
 * Nơi nhận and the signature block.
 */
function planParts(paragraphs, name) {
  const firstLine = (para) => para.plain.split('\n')[0].trim();
  const titleAt = paragraphs.findIndex((para) => firstLine(para) === 'KẾ HOẠCH');
  if (titleAt < 0) throw new Error(`${name}: no "KẾ HOẠCH" title paragraph`);
  const header = paragraphs.slice(0, titleAt);
  // "KẾ HOẠCH" alone on its paragraph: the trích yếu is the next one; otherwise it follows on the same paragraph.
  const bodyAt = titleAt + (paragraphs[titleAt].plain.includes('\n') ? 1 : 2);
  const recipientsAt = paragraphs.findIndex((para, i) => i >= bodyAt && /^Nơi nhận/.test(para.plain));
  if (recipientsAt < 0) throw new Error(`${name}: no "Nơi nhận:" paragraph`);
  let signatureAt = recipientsAt + 1;
  while (signatureAt < paragraphs.length && LABEL.bullet.test(paragraphs[signatureAt].plain)) signatureAt++;
  return {
    name,
    numberLine: header.filter((para) => /^Số\s*:/u.test(para.plain)),
    placeDate: header.filter((para) => !/^Số\s*:/u.test(para.plain)),
    title: paragraphs.slice(titleAt, bodyAt),
    body: classifyBody(paragraphs.slice(bodyAt, recipientsAt)),
    recipients: paragraphs.slice(recipientsAt, signatureAt),
    signature: paragraphs.slice(signatureAt),
  };
}

// ───────────────────────────── runs → docx ─────────────────────────────

/** Every string that goes into a document passes here (the NFD variant decomposes it). */
let normalizeText = (text) => text;

/** @param {Run[]} runs @param {{ bold?: boolean, italic?: boolean, size?: number }} style */
function textRuns(runs, style = {}) {
  return runs.map((run) =>
    'br' in run
      ? new TextRun({ break: 1 })
      : new TextRun({
          text: normalizeText(run.text),
          bold: style.bold || run.bold || undefined,
          italics: style.italic || run.italic || undefined,
          size: style.size ? style.size * 2 : undefined,
        }),
  );
}

/** Splits runs at character `offset` of their plain text (a break counts one character). */
function splitRunsAt(runs, offset) {
  const before = [];
  const after = [];
  let position = 0;
  for (const run of runs) {
    const length = 'br' in run ? 1 : run.text.length;
    if (position + length <= offset) before.push(run);
    else if (position >= offset) after.push(run);
    else {
      before.push({ ...run, text: run.text.slice(0, offset - position) });
      after.push({ ...run, text: run.text.slice(offset - position) });
    }
    position += length;
  }
  return [before, after];
}

function emboldenPrefix(runs, length) {
  const [head, tail] = splitRunsAt(runs, length);
  return [...head.map((run) => ('br' in run ? run : { ...run, bold: true })), ...tail];
}

/** Replaces the characters at `offsets` (spaces) with soft line breaks. */
function breakRunsAt(runs, offsets) {
  let rest = runs;
  let consumed = 0;
  const out = [];
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    const [head, tail] = splitRunsAt(rest, offset - consumed);
    const [, afterSpace] = splitRunsAt(tail, 1);
    out.push(...head, { br: true });
    rest = afterSpace;
    consumed = offset + 1;
  }
  return [...out, ...rest];
}

function bodyParagraph(para, numbering) {
  const runs = typeof para.bold === 'number' ? emboldenPrefix(para.runs, para.bold) : para.runs;
  const heading = para.bold === 'all';
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY_INDENT },
    spacing: { before: SPACE_6PT, after: 0 },
    keepNext: heading || undefined,
    numbering,
    run: numbering && para.bold ? { bold: true } : undefined, // Word draws the label in the paragraph mark's format
    children: textRuns(runs, { bold: heading }),
  });
}

function centered(runs, style = {}, extra = {}) {
  return new Paragraph({ alignment: AlignmentType.CENTER, ...extra, children: textRuns(runs, style) });
}

const literal = (text) => [{ text }];

/** A table without borders, as offices lay out the header and the signature block. */
function borderlessTable(cells, widths) {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true, // the block stays on one page
        children: cells.map(
          ({ children, verticalAlign }, i) =>
            new TableCell({
              width: { size: widths[i], type: WidthType.DXA },
              verticalAlign,
              children: children.length ? children : [new Paragraph({})],
            }),
        ),
      }),
    ],
  });
}

/**
 * Left: issuer (none in the seeds: not invented) and "Số: …" exactly as in the seed. Right: the national title,
 * the motto underlined by a short rule, and the seed's place/date line in italics.
 */
function headerBlock(parts) {
  const leftWidth = Math.round(TEXT_WIDTH * 0.38);
  const rightWidth = TEXT_WIDTH - leftWidth;
  const mottoIndent = Math.round((rightWidth - mm(72)) / 2);
  const left = parts.numberLine.map((para) => centered(para.runs, { size: SIZE.numberLine }));
  const right = [
    centered(literal(MOTTO[0]), { bold: true, size: SIZE.nationalTitle }),
    centered(
      literal(MOTTO[1]),
      { bold: true, size: SIZE.motto },
      {
        indent: { left: mottoIndent, right: mottoIndent },
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      },
    ),
    ...parts.placeDate.map((para) => centered(para.runs, { italic: true }, { spacing: { before: 240 } })),
  ];
  return borderlessTable(
    [
      { children: left, verticalAlign: VerticalAlignTable.BOTTOM },
      { children: right, verticalAlign: VerticalAlignTable.TOP },
    ],
    [leftWidth, rightWidth],
  );
}

/** "KẾ HOẠCH" and the trích yếu, bold and centered, with the short rule under them. */
function titleBlock(parts) {
  const rule = mm(45);
  return [
    ...parts.title.map((para, i) =>
      centered(para.runs, { bold: true }, { spacing: { before: i === 0 ? 480 : 0 }, keepNext: true }),
    ),
    new Paragraph({
      indent: { left: Math.round((TEXT_WIDTH - rule) / 2), right: Math.round((TEXT_WIDTH - rule) / 2) },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      spacing: { after: 240, line: 120, lineRule: LineRuleType.AUTO },
      children: [],
    }),
  ];
}

/** Left: "Nơi nhận:" and its list (small). Right: authority lines, title and signer, bold and centered. */
function closingBlock(parts) {
  const leftWidth = Math.round(TEXT_WIDTH * 0.45);
  const [head, ...list] = parts.recipients;
  const left = [
    new Paragraph({ children: textRuns(head.runs, { bold: true, italic: true, size: SIZE.recipientsHead }) }),
    ...list.map((para) => new Paragraph({ children: textRuns(para.runs, { size: SIZE.recipients }) })),
  ];
  const last = parts.signature.length - 1;
  const right = parts.signature.map((para, i) =>
    // the signer's name sits under the space left for the signature and the seal
    centered(para.runs, { bold: true }, { spacing: { before: i === last && last > 0 ? 1440 : 0 } }),
  );
  return borderlessTable([{ children: left }, { children: right }], [leftWidth, TEXT_WIDTH - leftWidth]);
}

// ───────────────────────────── Word automatic numbering (000_autonumber) ─────────────────────────────

const NUMBERING_CONFIG = [
  { reference: 'kh-khoan', format: LevelFormat.DECIMAL, text: '%1.' },
  { reference: 'kh-diem', format: LevelFormat.LOWER_LETTER, text: '%1)' },
].map(({ reference, format, text }) => ({
  reference,
  levels: [
    {
      level: 0,
      format,
      text,
      start: 1,
      suffix: LevelSuffix.SPACE,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 0, firstLine: BODY_INDENT } } },
    },
  ],
}));

function renderLabel(format, n) {
  return format === LevelFormat.DECIMAL ? `${n}.` : `${String.fromCharCode(96 + n)})`;
}

/**
 * Body paragraphs with their "1." / "a)" labels turned into numbering: a new list instance for the khoản of
 * each Roman section and for the điểm under each khoản, so Word restarts the count where the seed does.
 * Checks that the labels Word will draw are the seed's.
 */
function autoNumberBody(body) {
  let khoanList = 0;
  let diemList = 0;
  const counters = new Map();
  return body.map((para) => {
    if (para.kind === 'roman') khoanList++;
    if (para.kind === 'arabic') diemList++;
    if (para.kind !== 'arabic' && para.kind !== 'letter') return { para };
    const config = NUMBERING_CONFIG[para.kind === 'arabic' ? 0 : 1];
    const instance = para.kind === 'arabic' ? khoanList : diemList;
    const key = `${config.reference}#${instance}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const label = LABEL[para.kind].exec(para.plain)[0];
    if (renderLabel(config.levels[0].format, n) !== label.trim())
      throw new Error(
        `autonumber would draw ${renderLabel(config.levels[0].format, n)} for "${para.plain.slice(0, 40)}"`,
      );
    const [, runs] = splitRunsAt(para.runs, label.length);
    const bold = typeof para.bold === 'number' ? para.bold - label.length : para.bold;
    return {
      para: { ...para, runs, plain: plainOf(runs), bold },
      numbering: { reference: config.reference, level: 0, instance, custom: true },
    };
  });
}

// ───────────────────────────── soft line breaks (003_softbreaks) ─────────────────────────────

/** Offsets of the spaces where a typist pressing Shift+Enter every ~`width` characters would break. */
function wrapOffsets(plain, width) {
  const offsets = [];
  let lineStart = 0;
  while (plain.length - lineStart > width) {
    const space = plain.lastIndexOf(' ', lineStart + width);
    if (space <= lineStart) break;
    offsets.push(space);
    lineStart = space + 1;
  }
  return offsets;
}

function middleSpace(plain) {
  const middle = Math.floor(plain.length / 2);
  const after = plain.indexOf(' ', middle);
  const before = plain.lastIndexOf(' ', middle);
  return after >= 0 && after - middle < middle - before ? after : before;
}

/** The trích yếu broken in two lines and every third long body paragraph broken into lines of at most 64 characters (shorter than a printed line). */
function withSoftBreaks(parts) {
  const title = parts.title.map((para, i) =>
    i === 0 && parts.title.length > 1
      ? para
      : { ...para, runs: breakRunsAt(para.runs, [middleSpace(para.plain)]) },
  );
  let long = 0;
  let broken = 0;
  const body = parts.body.map((para) => {
    if ((para.kind !== 'text' && para.kind !== 'bullet') || para.plain.length < 250 || long++ % 3 !== 0)
      return para;
    broken++;
    return { ...para, runs: breakRunsAt(para.runs, wrapOffsets(para.plain, 64)) };
  });
  console.log(`  003_softbreaks: trích yếu and ${broken} body paragraphs carry <w:br/>`);
  return { ...parts, title, body };
}

// ───────────────────────────── appendix table (004_appendix) ─────────────────────────────

/** Body paragraphs of the Roman section `numeral` (heading excluded). */
function sectionBody(body, numeral) {
  const start = body.findIndex((para) => para.kind === 'roman' && para.plain.startsWith(`${numeral}.`));
  if (start < 0) return [];
  const end = body.findIndex((para, i) => i > start && para.kind === 'roman');
  return body.slice(start, end < 0 ? undefined : end);
}

/** Paragraphs with the tails that page breaks split off joined back (for reading, not for the fixture). */
function joinSplitParagraphs(paragraphs) {
  const joined = [];
  for (const para of paragraphs) {
    const previous = joined.at(-1);
    const continues =
      startsMidSentence(para.plain) || (para.kind === 'text' && /,$/.test(previous?.plain.trim() ?? ''));
    if (previous && continues) previous.plain = `${previous.plain} ${para.plain}`;
    else joined.push({ kind: para.kind, plain: para.plain });
  }
  return joined;
}

/** Section III → groups ("Mục tiêu 1: …") each with its task paragraphs ("- …"). */
function taskGroups(body) {
  const [heading, ...paragraphs] = joinSplitParagraphs(sectionBody(body, 'III'));
  const groups = [];
  for (const para of paragraphs) {
    if (para.kind === 'arabic') groups.push({ title: para.plain.replace(LABEL.arabic, ''), tasks: [] });
    else if (groups.length) groups.at(-1).tasks.push(para.plain.replace(LABEL.bullet, ''));
  }
  return { title: heading ? heading.plain.replace(LABEL.roman, '') : '', groups };
}

/**
 * Section IV's item that sends the reader to the appendix ("Các Phòng: Nội vụ, …: Căn cứ nhiệm vụ được giao
 * (tại phụ lục kèm theo) chủ trì, phối hợp với …") names the agencies the appendix assigns and whom they work with.
 */
function appendixAgencies(body) {
  const item = joinSplitParagraphs(sectionBody(body, 'IV')).find((para) => /phụ lục/i.test(para.plain));
  if (!item) return { agencies: [], coordinators: '' };
  const list = /^\d{1,2}\.\s*Các Phòng:\s*(.+?):\s/.exec(item.plain);
  const agencies = [];
  for (const entry of list ? list[1].split(/,\s*/) : []) {
    const standalone = /^(Trung tâm|Ban|Công an|Ủy ban|Đội|Chi cục)\b/u.test(entry);
    const last = agencies.at(-1);
    if (!standalone && last && !last.startsWith('Phòng '))
      agencies[agencies.length - 1] = `${last}, ${entry}`;
    else agencies.push(standalone ? entry : `Phòng ${entry}`);
  }
  const partners = /phối hợp với (.+?) có kế hoạch/.exec(item.plain);
  const coordinators = partners ? partners[1].charAt(0).toUpperCase() + partners[1].slice(1) : '';
  return { agencies, coordinators };
}

/** "Mục tiêu 4: Trong lĩnh vực y tế" → ["y tế"]; "… thông tin - Truyền thông" → ["thông tin", "truyền thông"]. */
function fieldTerms(groupTitle) {
  const field = groupTitle.replace(/^[^:]*:\s*/, '').replace(/^Trong (lĩnh vực )?/iu, '');
  return field
    .split(/,\s*|\s+và\s+|\s+[-–]\s+/u)
    .map((term) => term.trim().toLowerCase())
    .filter(Boolean);
}

function namesTerm(agency, term) {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s,])${escaped}($|[\\s,])`, 'u').test(agency.toLowerCase());
}

/** Chủ trì: an agency the task names, else the agencies whose name carries the group's field; may be none. */
function assignTask(task, groupTitle, { agencies, coordinators }) {
  const named = agencies.filter((agency) => task.includes(agency));
  const byField = agencies.filter((agency) => fieldTerms(groupTitle).some((term) => namesTerm(agency, term)));
  const [lead = '', ...others] = named.length ? named : byField;
  return { lead, partners: [...others, coordinators].filter(Boolean).join('; ') };
}

function taskPeriod(task, year) {
  const span = /từ ngày \d{1,2} tháng \d{1,2} đến ngày \d{1,2} tháng \d{1,2}/iu.exec(task);
  return span ? span[0].charAt(0).toUpperCase() + span[0].slice(1) : `Năm ${year}`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function tableCell(text, width, { bold, align = AlignmentType.LEFT, span } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: align,
        spacing: { before: 40, after: 40 },
        children: textRuns(literal(text), { bold, size: SIZE.table }),
      }),
    ],
  });
}

/**
 * "PHỤ LỤC" with the assignment table built from section III (one row per task) and the agencies of section IV.
 * The header row repeats on every page; the first group row carries <w:tblHeader w:val="off"/>, which Word
 * reads as "not a header" and mammoth (which only checks that the element exists) takes for a header.
 */
function appendixBlock(parts) {
  const { title, groups } = taskGroups(parts.body);
  const assignment = appendixAgencies(parts.body);
  const year =
    /\b(20\d\d)\b(?!.*\b20\d\d\b)/su.exec(parts.title.map((para) => para.plain).join(' '))?.[1] ?? '';
  const widths = [700, 6700, 2600, 2600, LANDSCAPE_TEXT_WIDTH - 12600];
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'].map(
      (text, i) => tableCell(text, widths[i], { bold: true, align: AlignmentType.CENTER }),
    ),
  });
  const rows = [headerRow];
  let stt = 0;
  let missing = 0;
  groups.forEach((group, g) => {
    rows.push(
      new TableRow({
        tableHeader: g === 0 ? false : undefined,
        cantSplit: true,
        children: [
          tableCell(ROMAN[g] ?? String(g + 1), widths[0], { bold: true, align: AlignmentType.CENTER }),
          tableCell(
            group.title,
            widths.slice(1).reduce((a, b) => a + b, 0),
            { bold: true, span: 4 },
          ),
        ],
      }),
    );
    for (const task of group.tasks) {
      const { lead, partners } = assignTask(task, group.title, assignment);
      if (!lead) missing++;
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            tableCell(String(++stt), widths[0], { align: AlignmentType.CENTER }),
            tableCell(task, widths[1], { align: AlignmentType.JUSTIFIED }),
            tableCell(lead, widths[2]),
            tableCell(partners, widths[3]),
            tableCell(taskPeriod(task, year), widths[4], { align: AlignmentType.CENTER }),
          ],
        }),
      );
    }
  });
  console.log(
    `  004_appendix: ${stt} task rows in ${groups.length} groups, ${missing} without a lead agency`,
  );
  const number = parts.numberLine[0]?.plain.replace(/^Số:\s*/u, '') ?? '';
  const date = parts.placeDate[0]?.plain.replace(/^[^,]*,\s*/u, '') ?? '';
  return [
    centered(literal('PHỤ LỤC'), { bold: true }),
    centered(literal(title), { bold: true }),
    centered(
      literal(`(Kèm theo Kế hoạch số ${number} ${date})`),
      { italic: true },
      { spacing: { after: 240 } },
    ),
    new Table({
      width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows,
    }),
  ];
}

// ───────────────────────────── document assembly ─────────────────────────────

function pageProperties(orientation = PageOrientation.PORTRAIT) {
  return { page: { size: { ...A4, orientation }, margin: MARGIN } };
}

/**
 * @param {ReturnType<typeof planParts>} parts
 * @param {{ autoNumber?: boolean, appendix?: boolean }} options
 */
function planDocument(parts, options = {}) {
  const body = options.autoNumber ? autoNumberBody(parts.body) : parts.body.map((para) => ({ para }));
  const sections = [
    {
      properties: pageProperties(),
      children: [
        headerBlock(parts),
        ...titleBlock(parts),
        ...body.map(({ para, numbering }) => bodyParagraph(para, numbering)),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
        closingBlock(parts),
      ],
    },
  ];
  if (options.appendix)
    sections.push({ properties: pageProperties(PageOrientation.LANDSCAPE), children: appendixBlock(parts) });
  return new Document({
    creator: 'kh fixtures',
    title: normalizeText(parts.title.map((para) => para.plain.replace(/\n/g, ' ')).join(' ')),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: { after: 0, line: 264, lineRule: LineRuleType.AUTO } }, // 1.1 lines
        },
      },
    },
    numbering: { config: options.autoNumber ? NUMBERING_CONFIG : [] },
    sections,
  });
}

/** docx output with fixed timestamps (zip entries and docProps/core.xml), so that reruns give the same bytes. */
async function writeDocx(document, file) {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const stamp = FIXED_DATE.toISOString().replace(/\.\d+Z$/, 'Z');
  files['docProps/core.xml'] = strToU8(
    strFromU8(files['docProps/core.xml']).replace(
      /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      `$1${stamp}$3`,
    ),
  );
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [name, [data, { mtime: FIXED_DATE }]]),
  );
  writeFileSync(file, zipSync(entries, { level: 9 }));
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

// ───────────────────────────── LibreOffice → PDF ─────────────────────────────

function hasSoffice() {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Liberation Serif 2.x (Times New Roman's metrics) has the Vietnamese letters; 1.07 lacks ạ ả ấ … ỹ. */
function hasVietnameseSerif() {
  const fonts = spawnSync('fc-list', [':charset=1ec7', 'family'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.includes('Liberation Serif');
}

function ensureLibreOffice() {
  if (hasSoffice() && hasVietnameseSerif()) return;
  console.log('LibreOffice or its fonts missing: running scripts/install-libreoffice.sh');
  execFileSync('sh', [path.join(ROOT, 'scripts/install-libreoffice.sh')], { stdio: 'inherit' });
  if (!hasSoffice()) throw new Error('LibreOffice is still missing after scripts/install-libreoffice.sh');
}

/** Converts the .docx files to PDF beside them, with a private LibreOffice profile (safe beside other instances). */
function convertToPdf(docxFiles) {
  const profile = path.join(os.tmpdir(), `kh-fixtures-lo-profile-${process.getuid?.() ?? 'user'}`);
  for (const file of docxFiles) {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        path.dirname(file),
        file,
      ],
      { stdio: 'pipe' },
    );
    const pdf = file.replace(/\.docx$/, '.pdf');
    if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`);
    writeFileSync(pdf, stablePdf(readFileSync(pdf)));
    console.log(`wrote ${path.relative(ROOT, pdf)}`);
  }
}

/**
 * Same-length rewrite of what LibreOffice varies from run to run (dates, /ID, /DocChecksum), so that the xref
 * offsets stay valid and reruns give the same bytes. The new /ID and checksum are a digest of the rest.
 */
function stablePdf(buffer) {
  const stamp = `D:${FIXED_DATE.toISOString().slice(0, 19).replace(/[-:T]/g, '')}`;
  const text = buffer.toString('latin1').replace(/(\/(?:CreationDate|ModDate)\s*\()D:\d{14}/g, `$1${stamp}`);
  const VARYING = /(\/ID\s*\[\s*<)([0-9A-F]+)(>\s*<)([0-9A-F]+)(>\s*\])|(\/DocChecksum\s*\/)([0-9A-F]+)/gi;
  const digest = createHash('md5')
    .update(text.replace(VARYING, ''), 'latin1')
    .digest('hex')
    .toUpperCase()
    .repeat(4);
  const stable = text.replace(VARYING, (match, idOpen, id1, idMid, id2, idClose, sumOpen, sum) =>
    sumOpen
      ? `${sumOpen}${digest.slice(0, sum.length)}`
      : `${idOpen}${digest.slice(0, id1.length)}${idMid}${digest.slice(0, id2.length)}${idClose}`,
  );
  if (stable.length !== text.length) throw new Error('PDF rewrite changed the length');
  return Buffer.from(stable, 'latin1');
}

// ───────────────────────────── the NFD variant's text layer ─────────────────────────────

async function pdfText(file) {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(file)) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/**
 * Extracts 002_nfd.pdf with pdf-parse (pdf.js) and compares it with 002's own PDF: the known problem is that the
 * text comes out decomposed and with spaces cut into words after a vowel carrying its marks ("Ủ y ban").
 */
async function reportNfdPdf(nfdPdf, nfcPdf) {
  const nfd = await pdfText(nfdPdf);
  const nfc = await pdfText(nfcPdf);
  const marks = (nfd.match(/\p{M}/gu) ?? []).length;
  const composed = nfd.normalize('NFC');
  const sameLetters = composed.replace(/\s+/g, '') === nfc.replace(/\s+/g, '');
  let extraSpaces = 0;
  for (let i = 0, j = 0; i < nfc.length && j < composed.length;) {
    if (nfc[i] === composed[j]) (i++, j++);
    else if (/\s/.test(composed[j])) (extraSpaces++, j++);
    else i++;
  }
  const sample = /\S+ \S+ \S*Ủ\s+y ban/u.exec(composed)?.[0];
  console.log(
    `  002_nfd.pdf via pdf-parse: ${marks} combining marks (text stays NFD); after NFC the letters equal`,
  );
  console.log(
    `    002.pdf's: ${sameLetters}; ${extraSpaces} spaces/newlines cut into words, e.g. ${JSON.stringify(sample)}`,
  );
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  mkdirSync(VARIANTS, { recursive: true });
  copySeeds();
  const parts = Object.fromEntries(
    PLANS.map((base) => [base.slice(0, 3), planParts(readParagraphs(readSeed(base).toString('utf8')), base)]),
  );

  const mainDocx = [];
  for (const base of PLANS) {
    const file = path.join(FIXTURES, `${base}.docx`);
    await writeDocx(planDocument(parts[base.slice(0, 3)]), file);
    mainDocx.push(file);
  }

  const variant = (name) => path.join(VARIANTS, name);
  await writeDocx(planDocument(parts['000'], { autoNumber: true }), variant('000_autonumber.docx'));
  await writeDocx(planDocument(withSoftBreaks(parts['003'])), variant('003_softbreaks.docx'));
  await writeDocx(planDocument(parts['004'], { appendix: true }), variant('004_appendix.docx'));
  normalizeText = (text) => text.normalize('NFD');
  await writeDocx(planDocument(parts['002']), variant('002_nfd.docx'));
  normalizeText = (text) => text;

  ensureLibreOffice();
  convertToPdf([...mainDocx, variant('004_appendix.docx'), variant('002_nfd.docx')]);
  await reportNfdPdf(variant('002_nfd.pdf'), path.join(FIXTURES, `${seedOf('002')}.pdf`));
}

await main();
