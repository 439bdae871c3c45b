#!/usr/bin/env node
/**
 * npm run fixtures:corpus-docx — fixtures/corpus-docx/<name>.docx from ../shared/corpus/tvpl/<name>.md
 * (issue 10): real documents of the label samples typed again the way an office types them in Word.
 *
 *  - the website's chrome (before the header table, after the signature block) is left out;
 *  - issuer + motto and number + place/date: a borderless two-column table, one paragraph per line
 *    of each cell (the website's hard wraps inside a line joined);
 *  - Nơi nhận + signature: a borderless two-column table;
 *  - the document's own tables: Word tables with borders; a row of one cell spans the whole grid;
 *    a first row all bold repeats as header row (w:tblHeader); a table of more than 12 rows is
 *    split after its middle row and continued after a page break without a repeated header row
 *    (what happens when an office copies a long table across pages);
 *  - body paragraphs: the website's hard line wraps removed; a paragraph all bold or all capitals
 *    is a bold heading (capitals centred); emphasis kept;
 *  - footnotes: the source's own "[1]" notes become Word footnotes; a document without any gets
 *    up to two: the number and date of a document cited in a "Căn cứ" basis (else in the first
 *    paragraph citing one) move into a footnote after its name ("Căn cứ Nghị định¹ của Chính phủ
 *    …" / "¹ Nghị định số 66/2021/NĐ-CP ngày 06 tháng 7 năm 2021.");
 *  - automatic numbering (w:numPr): in every other document the "- " bullets and "a)" items, in
 *    the others the plain "1." items, with a new list where the source restarts at 1 / a; the label
 *    Word draws is checked against the source's.
 * Otherwise the text is the source's, unchanged. Output is deterministic (fixed zip and docProps
 * dates), so a rerun gives byte-identical files. No LibreOffice needed. Sources are only read.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = path.resolve(ROOT, '../shared/corpus/tvpl');
const OUT_DIR = path.join(ROOT, 'fixtures/corpus-docx');
const FIXED_DATE = new Date('2025-12-01T00:00:00Z');

/** From notes/label-sample-A.txt and -B.txt: the Quyết định with an attached Kế hoạch first. */
export const DOCUMENTS = [
  // Quyết định ban hành Kế hoạch
  '001c610b2efdcf0c',
  '437c3beb60ae2874',
  '448306af3d3a91f7',
  '4e39af96b6891368',
  '86367f2ddb2225cd',
  // Thông báo (the website's type line; letters of the Cục Thuế / VPCP / Bộ Nội vụ)
  '005d8820eb95c1cb',
  'a8b680520cc297f0',
  '0d99145eee8ac0ff',
  '2c71d790ecdeb8d1',
  // Nghị quyết
  '0eb3b8713cadea8f',
  'c53841af6c236aed',
  '9119d84f0b18ca45',
  '7650ecce3d20626b',
  // Công điện
  '1095764e502a89b8',
  '44aeb2fd86d07d4a',
  'b2fa001677379e64',
  // Quyết định, Chỉ thị, Thông tư, Nghị định
  '329d9e978debfeec',
  'b8baff03f9998968',
  '2847e16133f7b987',
  '541cde0f8d5ffef3',
  '6db5764f41d7bc3a',
  '1180a89cc49ca3fe',
];

const FONT = 'Times New Roman';
const TEXT_WIDTH = 9354; // A4 minus 30 mm + 20 mm margins, in twips
const MOTTO_RE = /CỘNG H(?:ÒA|OÀ)|ĐẢNG CỘNG SẢN/;
const CHROME_END_RE = /^(Văn bản này chưa cập nhật|## Văn bản liên quan)/;

// ───────────────────────────── reading the website's markdown ─────────────────────────────

const isPipe = (line) => line.trim() === '|';
const isBlank = (line) => line.trim() === '' || /^\*{1,3}\s*\*{1,3}$/.test(line.trim());

/** The document's own lines: from the header table to the end of the text (website chrome cut). */
function documentLines(text, name) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const chrome = text.includes('THƯ VIỆN PHÁP LUẬT');
  // The motto's first line may be wrapped anywhere ("**CỘNG" / "HÒA XÃ HỘI …"): its second line is not.
  const freedom = lines.findIndex((l) => /Độc lập\s*-\s*Tự do|Độc lập – Tự do/.test(l));
  const party = lines.findIndex((l) => /ĐẢNG CỘNG SẢN/.test(l));
  const motto = freedom >= 0 ? freedom : party;
  if (motto < 0) throw new Error(`${name}: no motto line`);
  // Back to the pipe that opens the header table: the one before the issuer cell.
  let start = motto;
  let pipes = 0;
  while (start > 0 && pipes < 2) {
    start--;
    if (isPipe(lines[start])) pipes++;
  }
  if (!chrome) {
    // A clean file: the header table is the first thing; keep from its first line.
    start = lines.findIndex((l) => isPipe(l));
  }
  let end = lines.length;
  if (chrome) {
    const trailer = lines.findIndex((l, i) => i > motto && CHROME_END_RE.test(l));
    // The lines before the trailer name the document ("Công văn 5348/CT-CS năm 2025 …").
    if (trailer > 0) {
      end = trailer;
      const named =
        /^(Công văn|Thông báo|Quyết định|Nghị quyết|Công điện|Chỉ thị|Thông tư|Nghị định|Kế hoạch|Hướng dẫn|Báo cáo|Văn bản hợp nhất|Luật)\s/;
      for (let k = trailer - 1; k >= Math.max(0, trailer - 4); k--) if (named.test(lines[k])) end = k;
    }
    while (end > start && lines[end - 1].trim() === '') end--;
  }
  return { lines: lines.slice(start, end), chrome };
}

/** Emphasis still open at the end of `text` (markdown * / ** / *** toggles). */
function openEmphasis(text) {
  let bold = false;
  let italic = false;
  for (const m of text.matchAll(/\*{1,3}/g)) {
    if (m[0].length !== 2) italic = !italic;
    if (m[0].length !== 1) bold = !bold;
  }
  return bold || italic;
}

/** Lines of a chrome file's text run → paragraphs (it has no blank lines between paragraphs). */
function splitRun(lines) {
  const out = [];
  let lastLine = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || isBlank(line)) continue;
    const previousLine = lastLine;
    lastLine = line;
    const prev = out[out.length - 1];
    const prevEnds = prev !== undefined && /[.;:!?]\**\)?\**$|\.\/\.\**$/.test(prev);
    const startsNew = /^(\*{0,3}[A-ZĐÀ-Ỹ0-9“"(\[]|[-+•] |[a-zđ]\) )/u.test(line);
    // A line all bold ("**CÔNG ĐIỆN**") is a heading of its own; so is a bold start after closed text.
    const prevBoldLine = prev !== undefined && /^\*\*[^*]+\*\*$/.test(prev);
    const boldStart = prev !== undefined && !openEmphasis(prev) && /^\*\*\S/.test(line);
    // Capitals (the trích yếu) end where ordinary text begins, and the reverse.
    const letters = (t) => t.replace(/[^\p{L}]/gu, '');
    const upper = (t) => letters(t).length >= 2 && letters(t) === letters(t).toUpperCase();
    const hasLetters = (t) => letters(t).length >= 2;
    const caseChange =
      prev !== undefined && hasLetters(line) && upper(prev) !== upper(line) && !openEmphasis(prev);
    // Openings that always begin a paragraph, and the Kính gửi line, which ends without a stop.
    // (A Kính gửi line that filled the width wraps on; a short one ended it.)
    const opening =
      /^\**(Căn cứ|Xét |Theo đề nghị|Kính gửi)/.test(line) ||
      (prev !== undefined && /^\**Kính gửi/.test(prev) && startsNew && previousLine.length < 60);
    // A short numbered heading line ("4. Nguồn kinh phí thực hiện") ends before a capitalised line.
    const numberedHeading =
      prev !== undefined &&
      prev === previousLine &&
      /^\**\d+(\.\d+)*\.\s/.test(prev) &&
      prev.length < 70 &&
      /^\**\p{Lu}/u.test(line);
    if (
      prev === undefined ||
      (prevEnds && startsNew) ||
      prevBoldLine ||
      boldStart ||
      caseChange ||
      opening ||
      numberedHeading
    ) {
      out.push(line);
    } else {
      out[out.length - 1] = `${prev} ${line}`;
    }
  }
  return out;
}

/**
 * The flattened tables: "| c1 | c2 |" written one token a line. A row is its opening pipe, then
 * each cell's lines closed by a pipe; a run of k ≥ 2 pipes is one row boundary (close + open)
 * plus k − 2 empty cells, put at the end of the row while it has fewer cells than the first row
 * and at the start of the next one after that. A single pipe after a row as long as the first
 * one (2 cells for the header and signature blocks), or before a blank line, ends the table.
 * Rows shorter than the first are kept short (spanning group rows, merged header cells).
 */
function readTable(lines, at) {
  const text = lines.slice(at, Math.min(lines.length, at + 40)).join(' ');
  const layout = MOTTO_RE.test(text) || /Nơi nhận/.test(text);
  let columns = 2;
  if (!layout) {
    // The widest of the first three rows (the first is often narrower: merged header cells).
    // A table without a doubled pipe near its start has one row: two cells, as offices lay out
    // an addressee block.
    columns = 2;
    let cells = 0;
    let rowsSeen = 0;
    for (let k = at + 1; k < Math.min(lines.length, at + (rowsSeen ? 400 : 80)) && rowsSeen < 3; k++) {
      if (!isPipe(lines[k])) continue;
      cells++;
      if (k + 1 < lines.length && isPipe(lines[k + 1])) {
        columns = rowsSeen ? Math.max(columns, cells) : cells;
        cells = 0;
        rowsSeen++;
        while (k + 1 < lines.length && isPipe(lines[k + 1])) k++;
      }
    }
  }
  const rows = [];
  let row = [];
  let i = at + 1;
  const atEnd = () => i >= lines.length || lines[i].trim() === '';
  for (;;) {
    const cell = [];
    while (i < lines.length && !isPipe(lines[i])) cell.push(lines[i++]);
    row.push(cell);
    let run = 0;
    while (i < lines.length && isPipe(lines[i])) {
      run++;
      i++;
    }
    if (run === 0) break; // end of text inside a cell
    if (run === 1) {
      if (row.length >= columns || atEnd()) break;
      continue;
    }
    const empties = run - 2;
    const atRowEnd = Math.min(Math.max(0, columns - row.length), empties);
    for (let e = 0; e < atRowEnd; e++) row.push([]);
    rows.push(row);
    row = Array.from({ length: empties - atRowEnd }, () => []);
    if (atEnd()) break;
  }
  if (row.length) rows.push(row);
  return { rows: rows.filter((r) => r.some((c) => c.some((l) => l.trim()))), end: i, layout };
}

/** Document lines → blocks: { table } | { para: markdown text }. */
function readBlocks(lines, chrome) {
  const blocks = [];
  let run = [];
  const flushRun = () => {
    if (!run.length) return;
    if (chrome) for (const text of splitRun(run)) blocks.push({ para: text });
    else {
      const text = run
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' ');
      if (text && !isBlank(text)) blocks.push({ para: text });
    }
    run = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isPipe(line)) {
      flushRun();
      const { rows, end, layout } = readTable(lines, i);
      if (rows.length) blocks.push({ table: rows, layout });
      i = end;
      continue;
    }
    if (!chrome && isBlank(line)) flushRun();
    else run.push(line);
    i++;
  }
  flushRun();
  return blocks;
}

// ───────────────────────────── inline markdown → runs ─────────────────────────────

/** "**a** *b* [1]" → runs ({ text, bold, italic } | { note: n }). */
function inlineRuns(source) {
  const runs = [];
  let bold = false;
  let italic = false;
  for (const token of source.split(/(\*{1,3}|\[\d{1,2}\])/)) {
    if (token === '') continue;
    if (/^\*+$/.test(token)) {
      if (token.length !== 2) italic = !italic;
      if (token.length !== 1) bold = !bold;
    } else if (/^\[\d{1,2}\]$/.test(token)) {
      runs.push({ note: Number(token.slice(1, -1)) });
    } else {
      runs.push({ text: token, bold, italic });
    }
  }
  // Merge neighbours of the same format; collapse doubled spaces left by wraps.
  const out = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && 'text' in last && 'text' in run && last.bold === run.bold && last.italic === run.italic)
      last.text += run.text;
    else out.push({ ...run });
  }
  for (const run of out) if ('text' in run) run.text = run.text.replace(/\s+/g, ' ');
  if (out[0] && 'text' in out[0]) out[0].text = out[0].text.trimStart();
  const tail = out[out.length - 1];
  if (tail && 'text' in tail) tail.text = tail.text.trimEnd();
  return out.filter((r) => !('text' in r) || r.text !== '');
}

const plain = (runs) => runs.map((r) => ('text' in r ? r.text : '')).join('');

function textRuns(runs, style = {}, footnoteIds = new Map()) {
  const out = [];
  for (const run of runs) {
    if ('note' in run) {
      const id = footnoteIds.get(run.note);
      if (id !== undefined) out.push(new FootnoteReferenceRun(id));
      else out.push(new TextRun({ text: `[${run.note}]` }));
      continue;
    }
    out.push(
      new TextRun({
        text: run.text,
        bold: style.bold || run.bold || undefined,
        italics: style.italic || run.italic || undefined,
        size: style.size ? style.size * 2 : undefined,
      }),
    );
  }
  return out;
}

// ───────────────────────────── footnotes ─────────────────────────────

const NOTE_DEF_RE = /^\[(\d{1,2})\]\s*/;

/** The source's own notes: "[1] text" paragraphs (after the signature) → { n: runs }, removed. */
function takeSourceNotes(blocks) {
  const notes = new Map();
  const kept = [];
  for (const block of blocks) {
    const m = block.para !== undefined ? NOTE_DEF_RE.exec(block.para) : null;
    if (m) notes.set(Number(m[1]), block.para.slice(m[0].length));
    else kept.push(block);
  }
  return { blocks: kept, notes };
}

const CITED_RE =
  /(Luật|Bộ luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch|Công văn|Thông báo|Công điện)((?:(?! số | ngày )[^;*\[\]])*?)( số [^\s;,*]+)?( ngày \d{1,2} tháng \d{1,2} năm \d{4}| ngày \d{1,2}\/\d{1,2}\/\d{4})/u;

/**
 * Up to two citations moved into footnotes: "Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06 tháng 7
 * năm 2021 của Chính phủ …" → "Căn cứ Nghị định[^] của Chính phủ …" + note "Nghị định số
 * 66/2021/NĐ-CP ngày 06 tháng 7 năm 2021.". Bases first; else the first paragraph citing one.
 */
function moveCitations(blocks, bodyStart) {
  const notes = new Map();
  const candidates = blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block, index }) => index >= bodyStart && block.para !== undefined);
  const bases = candidates.filter(({ block }) => /^\**Căn cứ/.test(block.para));
  const pool = bases.length ? bases : candidates;
  for (const { block } of pool) {
    if (notes.size >= 2) break;
    const m = CITED_RE.exec(block.para);
    if (!m) continue;
    const [whole, type, name, number = '', date] = m;
    const n = notes.size + 1;
    notes.set(n, `${type}${name}${number}${date}.`);
    block.para = block.para.replace(whole, `${type}${name}[${n}]`);
  }
  return notes;
}

// ───────────────────────────── numbering ─────────────────────────────

const NUMBERING = [
  { reference: 'dash', format: LevelFormat.BULLET, text: '-' },
  { reference: 'decimal', format: LevelFormat.DECIMAL, text: '%1.' },
  { reference: 'letter', format: LevelFormat.LOWER_LETTER, text: '%1)' },
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
      style: { paragraph: { indent: { left: 0, firstLine: 567 } } },
    },
  ],
}));

const LABELS = { dash: /^- (?=\S)/, decimal: /^(\d{1,2})\. (?=\S)/, letter: /^([a-z])\) (?=\S)/ };

/** Which body paragraphs get Word numbering, and the source label they replace. */
function planNumbering(paragraphs, kinds) {
  const lists = { decimal: 0, letter: 0 };
  const expected = { decimal: 0, letter: 0 };
  return paragraphs.map((runs) => {
    const text = plain(runs);
    if (runs[0] && (runs[0].bold || runs[0].italic)) return null;
    for (const kind of kinds) {
      const m = LABELS[kind].exec(text);
      if (!m) continue;
      if (kind === 'dash') return { kind, instance: 0, label: m[0] };
      const n = kind === 'decimal' ? Number(m[1]) : m[1].charCodeAt(0) - 96;
      if (n === 1) {
        lists[kind]++;
        expected[kind] = 2;
        return { kind, instance: lists[kind], label: m[0] };
      }
      if (lists[kind] > 0 && n === expected[kind]) {
        expected[kind]++;
        return { kind, instance: lists[kind], label: m[0] };
      }
    }
    return null;
  });
}

function dropPrefix(runs, length) {
  const out = [];
  let left = length;
  for (const run of runs) {
    if (left > 0 && 'text' in run) {
      const cut = Math.min(left, run.text.length);
      left -= cut;
      if (run.text.length > cut) out.push({ ...run, text: run.text.slice(cut) });
    } else out.push(run);
  }
  return out;
}

// ───────────────────────────── Word blocks ─────────────────────────────

const isUpper = (text) => /\p{Lu}/u.test(text) && text === text.toUpperCase();

function bodyParagraph(runs, numbering, footnoteIds) {
  const text = plain(runs);
  const textRunsOnly = runs.filter((r) => 'text' in r && r.text.trim());
  const allBold = textRunsOnly.length > 0 && textRunsOnly.every((r) => r.bold);
  const capitals = isUpper(text) && text.length > 2;
  const heading = allBold || capitals;
  const centred = capitals && !/^([IVXLC]+|\d+)\.\s/.test(text) && !/^(Điều|Chương|Mục)\s/.test(text);
  const breakBefore = heading && /^(KẾ HOẠCH|PHỤ LỤC|QUY ĐỊNH|QUY CHẾ)\b/.test(text);
  return new Paragraph({
    alignment: centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: centred ? undefined : { firstLine: 567 },
    spacing: { before: 120, after: 0 },
    pageBreakBefore: breakBefore || undefined,
    keepNext: heading || undefined,
    numbering,
    children: textRuns(runs, { bold: heading }, footnoteIds),
  });
}

/** Lines of a layout cell: hard wraps inside emphasis joined, rules ("-----") dropped. */
function cellLines(lines) {
  const out = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || /^\**[-_.]{3,}\**$/.test(line) || isBlank(line)) continue;
    const prev = out[out.length - 1];
    const joins = (openEmphasis(prev ?? '') && !/^[-+] /.test(line)) || /^Số\s*:$/.test(prev ?? '');
    if (prev !== undefined && joins) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

/** Lines of a data cell: wraps joined, "- " / "+ " lines start a paragraph of their own. */
function dataCellParagraphs(lines) {
  const out = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || isBlank(line)) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && !/^[-+•] /.test(line) && !/^\d+\.\s/.test(line))
      out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

function layoutTable(rows, footnoteIds) {
  const widths = [Math.round(TEXT_WIDTH * 0.42), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.42)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [0, 1].map((c) => {
            const lines = cellLines(row[c] ?? []);
            const recipients = lines.length > 0 && /^\**Nơi nhận/.test(lines[0]);
            return new TableCell({
              width: { size: widths[c], type: WidthType.DXA },
              children: lines.length
                ? lines.map(
                    (line) =>
                      new Paragraph({
                        alignment: recipients ? AlignmentType.LEFT : AlignmentType.CENTER,
                        children: textRuns(inlineRuns(line), { size: recipients ? 11 : 13 }, footnoteIds),
                      }),
                  )
                : [new Paragraph({})],
            });
          }),
        }),
    ),
  });
}

const GRID = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function dataRowsToTable(rows, width, footnoteIds, headerRow, numberColumn) {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: Array.from({ length: width }, () => Math.floor(TEXT_WIDTH / width)),
    borders: {
      top: GRID,
      bottom: GRID,
      left: GRID,
      right: GRID,
      insideHorizontal: GRID,
      insideVertical: GRID,
    },
    rows: rows.map((row, r) => {
      // A row shorter than the table is a group row: "Lĩnh vực …" across the table, or
      // "I" | "NHIỆM VỤ CHUNG" with the heading across the rest.
      const filled = row.length - [...row].reverse().findIndex((cell) => cell.some((l) => l.trim()));
      const shortLabel = filled === 2 && width > 3 && row[0].join(' ').replace(/\*/g, '').trim().length <= 5;
      const cells =
        filled === 1 && width > 1
          ? [{ lines: row[0], span: width }]
          : shortLabel
            ? [
                { lines: row[0], span: 1 },
                { lines: row[1], span: width - 1 },
              ]
            : row.map((lines) => ({ lines, span: 1 }));
      // A short row not starting with a number, in a table whose first column numbers the rows:
      // the number cell is merged down from the row above (the website drops covered cells), so
      // the row's cells start in the second column.
      const numbered = /^\**\s*[0-9IVXLC]{1,4}\.?\s*\**$/.test(row[0]?.join(' ').trim() ?? '');
      if (numberColumn && r > 0 && !shortLabel && filled > 1 && row.length < width && !numbered)
        cells.unshift({ lines: [], span: 1 });
      while (cells.reduce((a, c) => a + c.span, 0) < width) cells.push({ lines: [], span: 1 });
      return new TableRow({
        tableHeader: headerRow && r === 0 ? true : undefined,
        children: cells.map(
          ({ lines, span }) =>
            new TableCell({
              columnSpan: span > 1 ? span : undefined,
              children: (() => {
                const paras = dataCellParagraphs(lines);
                return paras.length
                  ? paras.map(
                      (p) => new Paragraph({ children: textRuns(inlineRuns(p), { size: 12 }, footnoteIds) }),
                    )
                  : [new Paragraph({})];
              })(),
            }),
        ),
      });
    }),
  });
}

/** A document table; a long one split in two at a page break, the second without header row. */
function dataTable(rows, footnoteIds) {
  const width = Math.max(...rows.map((r) => r.length));
  const headerRow =
    rows.length > 1 &&
    rows[0].every((cell) => {
      const text = cell
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' ');
      return text === '' || /^\*\*[^*]*\*\*$/.test(text);
    });
  const numberColumn = /^(S[ốo]\s*)?(STT|TT)$/i.test(rows[0][0].join(' ').replace(/\*/g, '').trim());
  if (rows.length <= 12) return [dataRowsToTable(rows, width, footnoteIds, headerRow, numberColumn)];
  const cut = Math.ceil(rows.length / 2);
  return [
    dataRowsToTable(rows.slice(0, cut), width, footnoteIds, headerRow, numberColumn),
    new Paragraph({ pageBreakBefore: true, children: [] }),
    dataRowsToTable(rows.slice(cut), width, footnoteIds, false, numberColumn),
  ];
}

// ───────────────────────────── one document ─────────────────────────────

function buildDocument(name, index) {
  const text = readFileSync(path.join(SOURCE_DIR, `${name}.md`), 'utf8').normalize('NFC');
  const { lines, chrome } = documentLines(text, name);
  const taken = takeSourceNotes(readBlocks(lines, chrome));
  let blocks = taken.blocks;
  const headerAt = blocks.findIndex((b) => b.table);
  const notes = taken.notes.size ? taken.notes : moveCitations(blocks, headerAt + 1);

  // Footnote ids in order of first reference (the docx package numbers them as given).
  const footnoteIds = new Map();
  const footnotes = {};
  const refer = (source) => {
    for (const m of source.matchAll(/\[(\d{1,2})\]/g)) {
      const n = Number(m[1]);
      if (!notes.has(n) || footnoteIds.has(n)) continue;
      const id = footnoteIds.size + 1;
      footnoteIds.set(n, id);
      footnotes[id] = {
        children: [new Paragraph({ children: textRuns(inlineRuns(notes.get(n)), { size: 10 }) })],
      };
    }
  };
  for (const block of blocks) {
    if (block.para !== undefined) refer(block.para);
    else for (const row of block.table) for (const cell of row) refer(cell.join(' '));
  }

  const kinds = index % 2 === 0 ? ['dash', 'letter'] : ['decimal'];
  const paraRuns = blocks.map((b) => (b.para !== undefined ? inlineRuns(b.para) : null));
  const numbering = planNumbering(
    paraRuns.map((r) => r ?? []),
    kinds,
  );
  const children = [];
  blocks.forEach((block, i) => {
    if (block.table) {
      if (block.layout || i === headerAt) children.push(layoutTable(block.table, footnoteIds));
      else children.push(...dataTable(block.table, footnoteIds));
      children.push(new Paragraph({ children: [] }));
      return;
    }
    const plan = numbering[i];
    const runs = plan ? dropPrefix(paraRuns[i], plan.label.length) : paraRuns[i];
    const ref = plan ? { reference: plan.kind, level: 0, instance: plan.instance } : undefined;
    children.push(bodyParagraph(runs, ref, footnoteIds));
  });

  return new Document({
    creator: 'kh make-corpus-docx',
    title: name,
    styles: { default: { document: { run: { font: FONT, size: 28, language: { value: 'vi-VN' } } } } },
    numbering: { config: NUMBERING },
    footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
          },
        },
        children,
      },
    ],
  });
}

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
    Object.keys(files)
      .sort()
      .map((name) => [name, [files[name], { mtime: FIXED_DATE }]]),
  );
  writeFileSync(file, zipSync(entries, { level: 9 }));
}

async function main() {
  if (!existsSync(SOURCE_DIR)) {
    console.log(`(${SOURCE_DIR} absent: keeping the committed fixtures/corpus-docx)`);
    return;
  }
  // node scripts/make-corpus-docx.mjs [--out DIR] [name …]: all documents into fixtures/corpus-docx,
  // or the named ones, or into DIR (the test that checks the committed files are reproducible).
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outDir = outAt >= 0 ? path.resolve(args[outAt + 1]) : OUT_DIR;
  const only = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
  mkdirSync(outDir, { recursive: true });
  for (const [index, name] of DOCUMENTS.entries()) {
    if (only.length && !only.includes(name)) continue;
    await writeDocx(buildDocument(name, index), path.join(outDir, `${name}.docx`));
    console.log(`wrote ${path.relative(ROOT, path.join(outDir, `${name}.docx`))}`);
  }
}

await main();
