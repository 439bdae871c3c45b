/**
 * The Word 97–2003 binary format (.doc) read through `word-extractor`: its OLE compound-file reader
 * and its piece table give the text of every story (body, footnotes …) by character position (CP),
 * with Word's own control characters still in place.
 * What the library's public `extract()` returns is that text after `clean()`: cell marks become
 * tabs and paragraph marks, soft breaks and row ends all become "\n", which loses where a table's
 * cells begin. So we take the raw pieces (a subclass of its extractor that stops before cleaning)
 * and read the few structures we need from the table stream ourselves ([MS-DOC] §2.4–2.9):
 *  - paragraph properties (PlcBtePapx → PapxFkp): in a table, row end (TTP), header row, and the
 *    row's cell layout (sprmTDefTable: cell edges, merge flags);
 *  - character properties (PlcBteChpx → ChpxFkp): bold and italic set on the run itself, and
 *    tracked deletions;
 *  - footnotes (PlcffndRef, PlcffndTxt): where each is referenced and where its text is;
 *  - text boxes (PlcSpaMom: shape anchors in the body; PlcftxbxTxt: each box's text and shape id),
 *    which offices use for the header block ("ỦY BAN … / Số: …" beside the national motto);
 *  - automatic numbering: Word keeps list labels out of the text, in list tables (PlfLst: the
 *    lists and their levels; PlfLfo: the list instances paragraphs point to with sprmPIlfo/sprmPIlvl).
 *    The library does not read them; we turn them into the .docx parser's NumberingDefinitions so
 *    that docx-numbering.ts's computeLabels replays the counters for both formats. Numbering that
 *    a paragraph gets only from its style (no sprmPIlfo of its own) is not read (styles are not).
 *
 * Every failure is an InputError: 'doc-not-word' (what the file is instead), 'doc-encrypted',
 * 'doc-old-version' (Word 6.0/95), 'doc-corrupt'.
 */
import { createRequire } from 'node:module';
import { InputError } from '../util/errors.js';
import type { NumberingDefinitions } from './docx-numbering.js';

const require = createRequire(import.meta.url);

// ── The library's internals (CommonJS; word-extractor 1.0.x) ───────────────────────────────────────

interface Piece {
  startCp: number;
  endCp: number;
  startFilePos: number;
  /** Bytes per character: 1 (compressed cp1252) or 2 (UTF-16). */
  bpc: number;
  size: number;
  text: string;
}
interface DirEntry {
  streams: Record<string, unknown>;
  storages: Record<string, unknown>;
}
interface OleDoc {
  read(): Promise<OleDoc>;
  stream(name: string): NodeJS.ReadableStream;
  _directoryTree: { root: DirEntry | undefined };
}
interface OleExtractor {
  _pieces: Piece[];
  _boundaries: Record<string, number>;
  streamBuffer(stream: NodeJS.ReadableStream): Promise<Buffer>;
  extractWordDocument(doc: OleDoc, wordDocument: Buffer): Promise<unknown>;
}
type OleDocClass = new (reader: unknown) => OleDoc;
type ExtractorClass = new () => OleExtractor;
type BufferReaderClass = new (buffer: Buffer) => unknown;
interface AllocationTableClass {
  prototype: { _table: number[]; getSecIdChain(start: number): number[] };
}

let library: {
  OleCompoundDoc: OleDocClass;
  Extractor: ExtractorClass;
  BufferReader: BufferReaderClass;
} | null = null;

/** Loads word-extractor's modules (plan-worker.ts does it before a file's time starts). */
export function loadLibrary(): NonNullable<typeof library> {
  if (library) return library;
  const OleCompoundDoc = require('word-extractor/lib/ole-compound-doc.js') as OleDocClass;
  const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as ExtractorClass;
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as BufferReaderClass;
  const AllocationTable = require('word-extractor/lib/ole-allocation-table.js') as AllocationTableClass;
  // The library follows a sector chain until it ends; a damaged file whose chain loops (A → B → A)
  // would grow the list until memory runs out. A chain cannot be longer than the table.
  AllocationTable.prototype.getSecIdChain = function boundedChain(
    this: { _table: number[] },
    start: number,
  ): number[] {
    const chain: number[] = [];
    for (let id = start; id >= 0; id = this._table[id] ?? -2) {
      if (chain.length > this._table.length) throw new Error('sector chain loops');
      chain.push(id);
    }
    return chain;
  };
  // The extractor with its last step (joining and cleaning the stories' text) left out: we keep
  // the pieces, control characters included. Its property passes are left out too. The character
  // pass
  // takes every sprm whose low five bits are 0 for sprmCFRMarkDel (tracked deletion), so text
  // with condensed spacing of an odd number of twips (sprmCDxaSpace 0x8840, "w:spacing -17")
  // vanished; deletions are read here (characterRuns) by the sprm itself.
  class RawExtractor extends WordOleExtractor {
    buildDocument(): unknown {
      return null;
    }
    writeCharacterProperties(): void {}
    // Its paragraph pass rewrites each row-end mark as "\n" by rebuilding the whole piece's text
    // once per table row (quadratic in a long table); row ends are read here (sprmPFTtp).
    writeParagraphProperties(): void {}
  }
  library = { OleCompoundDoc, Extractor: RawExtractor, BufferReader };
  return library;
}

// ── What the rest of the parser gets ───────────────────────────────────────────────────────────────

export interface TableCellDef {
  /** Left and right edge, twips. */
  left: number;
  right: number;
  /** Covered by the cell on its left (old-style horizontal merge). */
  mergedLeft: boolean;
  /** Covered by the cell above (vertical merge, not its first cell). */
  mergedAbove: boolean;
}

export interface ParagraphProps {
  inTable: boolean;
  /** The row-end mark of a table row (table terminating paragraph). */
  rowEnd: boolean;
  /** Row-end paragraphs: the row repeats as a header row (sprmTTableHeader). */
  headerRow: boolean;
  /** Row-end paragraphs: the row's cells (sprmTDefTable), or null when not given. */
  cells: TableCellDef[] | null;
  /** List instance (1-based index into PlfLfo; 0 = numbering off) and level, when set. */
  ilfo?: number;
  ilvl?: number;
}

export interface WordBinary {
  /** Text by CP over all stories, control characters kept. */
  text: string;
  ccpText: number;
  ccpFtn: number;
  /** Paragraph properties of the paragraph whose mark is at `cp`. */
  paragraphAt(cp: number): ParagraphProps;
  /** True when a paragraph (property run) ends right after the character at `cp`. */
  endsParagraph(cp: number): boolean;
  /** Bold/italic set directly on the character at `cp`, and whether it is a tracked deletion. */
  formatAt(cp: number): CharacterFormat;
  /** Footnotes: body CP of each reference and the footnote story's CP range of its text. */
  footnotes: Array<{ refCp: number; start: number; end: number }>;
  /** Text boxes: body CP of the shape's anchor and the CP range of its text (text box story). */
  textboxes: Array<{ anchorCp: number; start: number; end: number }>;
  /** The list definitions, keyed as docx-numbering.ts expects (nums by ilfo, abstracts by lsid). */
  numbering: NumberingDefinitions;
}

const NO_FORMAT: CharacterFormat = Object.freeze({ bold: false, italic: false, deleted: false });

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

/** What a file named .doc that is no OLE file really is, for the message. */
export function sniffNonOle(data: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 2048));
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (head.startsWith('%PDF-')) return 'pdf';
  const text = head
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart()
    .toLowerCase();
  if (/^mime-version:/.test(text) || /content-type:\s*multipart\/related/.test(text)) return 'mht';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!doctype html|<html)/.test(text) || /<html[\s>]/.test(text)) return 'html';
  if (/^<\?xml/.test(text) && text.includes('w:worddocument')) return 'word-xml';
  // Text: no NUL and few control bytes in the first 2 KB.
  let controls = 0;
  for (const b of data.subarray(0, 2048)) {
    if (b === 0) return 'unknown';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) controls++;
  }
  return controls <= 2 ? 'text' : 'unknown';
}

const corrupt = (part: 'ole' | 'text' | 'properties', cause?: unknown): InputError =>
  new InputError('doc-corrupt', { part }, cause);

/** Header fields of an OLE compound file that the library trusts when it allocates. */
function checkOleHeader(data: Uint8Array): void {
  if (data.length < 512) throw corrupt('ole');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const sectorShift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  const satSectors = view.getInt32(44, true);
  const msatSectors = view.getInt32(72, true);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw corrupt('ole');
  const sectors = Math.ceil(data.length / (1 << sectorShift));
  if (satSectors < 0 || satSectors > sectors || msatSectors < 0 || msatSectors > sectors)
    throw corrupt('ole');
}

// ── Sprm iteration ([MS-DOC] 2.2.5.1) ──────────────────────────────────────────────────────────────

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
const sprmTTableHeader = 0x3404;
const sprmTDefTable = 0xd608;
const sprmPChgTabs = 0xc615;
const sprmPHugePapx = 0x6646;
const sprmPIlvl = 0x260a;
const sprmPIlfo = 0x460b;
const sprmCFRMarkDel = 0x0800;
const sprmCFBold = 0x0835;
const sprmCFItalic = 0x0836;

/** Calls `visit(sprm, operandOffset)` for each Sprm in buf[from, to). */
function eachSprm(buf: Buffer, from: number, to: number, visit: (sprm: number, at: number) => void): void {
  let at = from;
  while (at + 2 <= to) {
    const sprm = buf.readUInt16LE(at);
    at += 2;
    const spra = sprm >> 13;
    let size: number;
    if (sprm === sprmTDefTable) size = at + 2 <= to ? buf.readUInt16LE(at) + 1 : to - at;
    else if (spra === 6) size = at < to ? buf[at]! + 1 : 0;
    else size = [1, 1, 2, 4, 2, 2, 0, 3][spra]!;
    if (sprm === sprmPChgTabs && at < to && buf[at] === 255) size = to - at; // rare long form: stop here
    if (at + size > to) return;
    visit(sprm, at);
    at += size;
  }
}

function readCellDefs(buf: Buffer, at: number, end: number): TableCellDef[] | null {
  // TDefTableOperand: cb (2), itcMac (1), rgdxaCenter ((itcMac + 1) × 2), rgTc80 (≤ itcMac × 20)
  const count = buf[at + 2];
  if (count === undefined || count === 0 || at + 3 + (count + 1) * 2 > end) return null;
  const edges: number[] = [];
  for (let i = 0; i <= count; i++) edges.push(buf.readInt16LE(at + 3 + i * 2));
  const tcStart = at + 3 + (count + 1) * 2;
  const cells: TableCellDef[] = [];
  for (let i = 0; i < count; i++) {
    const tc = tcStart + i * 20;
    const flags = tc + 2 <= end ? buf.readUInt16LE(tc) : 0;
    cells.push({
      left: edges[i]!,
      right: edges[i + 1]!,
      mergedLeft: (flags & 0x0002) !== 0,
      mergedAbove: (flags & 0x0020) !== 0 && (flags & 0x0040) === 0,
    });
  }
  return cells;
}

// ── FKP pages ──────────────────────────────────────────────────────────────────────────────────────

interface Run<T> {
  fcStart: number;
  fcEnd: number;
  value: T;
}

/** The FKP pages listed by a PlcBte (PlcBtePapx or PlcBteChpx) in the table stream. */
function fkpPages(table: Buffer, fc: number, lcb: number, wordDocument: Buffer): Buffer[] {
  if (lcb < 12 || fc + lcb > table.length) return [];
  const count = (lcb - 4) / 8;
  const pages: Buffer[] = [];
  for (let i = 0; i < Math.floor(count); i++) {
    const pn = table.readUInt32LE(fc + (count + 1) * 4 + i * 4);
    if ((pn + 1) * 512 > wordDocument.length) throw corrupt('properties');
    pages.push(wordDocument.subarray(pn * 512, (pn + 1) * 512));
  }
  return pages;
}

function paragraphRuns(pages: Buffer[], data: Buffer): Run<ParagraphProps>[] {
  const runs: Run<ParagraphProps>[] = [];
  const read = (buf: Buffer, from: number, to: number, props: ParagraphProps, nested: boolean): void => {
    eachSprm(buf, from, to, (sprm, at) => {
      if (sprm === sprmPFInTable) props.inTable = buf[at] !== 0;
      // Only the outer table's row ends end rows (a nested table's are sprmPFInnerTtp).
      else if (sprm === sprmPFTtp) props.rowEnd = buf[at] !== 0;
      else if (sprm === sprmTTableHeader) props.headerRow = buf[at] !== 0;
      else if (sprm === sprmTDefTable) props.cells = readCellDefs(buf, at, to);
      else if (sprm === sprmPIlfo) props.ilfo = buf.readInt16LE(at);
      else if (sprm === sprmPIlvl) props.ilvl = buf[at];
      else if (sprm === sprmPHugePapx && !nested) {
        // Properties too large for the FKP page (a table row's cell definitions, often): in the
        // Data stream, a 2-byte size, then the sprms.
        const offset = buf.readUInt32LE(at);
        if (offset + 2 > data.length) return;
        const end = Math.min(offset + 2 + data.readUInt16LE(offset), data.length);
        read(data, offset + 2, end, props, true);
      }
    });
  };
  for (const page of pages) {
    const crun = page[511]!;
    if ((crun + 1) * 4 + crun * 13 > 511) throw corrupt('properties');
    for (let j = 0; j < crun; j++) {
      const props: ParagraphProps = { inTable: false, rowEnd: false, headerRow: false, cells: null };
      const bxOffset = page[(crun + 1) * 4 + j * 13]! * 2;
      if (bxOffset > 0 && bxOffset < 511) {
        // PapxInFkp: cb; cb = 0 → cb' follows and the PAPX is 2·cb' bytes, else 2·cb − 1.
        let start = bxOffset + 1;
        let size = 2 * page[bxOffset]! - 1;
        if (page[bxOffset] === 0) {
          start = bxOffset + 2;
          size = 2 * page[bxOffset + 1]!;
        }
        const end = Math.min(start + size, 511);
        // The first two bytes are the style index (istd), then the sprms.
        read(page, start + 2, end, props, false);
      }
      runs.push({ fcStart: page.readUInt32LE(j * 4), fcEnd: page.readUInt32LE((j + 1) * 4), value: props });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

export interface CharacterFormat {
  bold: boolean;
  italic: boolean;
  /** Deleted under tracked changes (Word shows the document with changes accepted). */
  deleted: boolean;
}

function characterRuns(pages: Buffer[]): Run<CharacterFormat>[] {
  const runs: Run<CharacterFormat>[] = [];
  for (const page of pages) {
    const crun = page[511]!;
    if ((crun + 1) * 4 + crun > 511) throw corrupt('properties');
    for (let j = 0; j < crun; j++) {
      const value: CharacterFormat = { bold: false, italic: false, deleted: false };
      const offset = page[(crun + 1) * 4 + j]! * 2;
      if (offset > 0 && offset < 511) {
        const end = Math.min(offset + 1 + page[offset]!, 511);
        // Operand 0 off, 1 on, 0x80 as the style has it, 0x81 the opposite: styles are not read,
        // so only an explicit "on" (1, or 0x81 over a plain style) counts.
        eachSprm(page, offset + 1, end, (sprm, at) => {
          if (sprm === sprmCFBold) value.bold = page[at] === 1 || page[at] === 0x81;
          else if (sprm === sprmCFItalic) value.italic = page[at] === 1 || page[at] === 0x81;
          else if (sprm === sprmCFRMarkDel) value.deleted = (page[at]! & 1) === 1;
        });
      }
      runs.push({ fcStart: page.readUInt32LE(j * 4), fcEnd: page.readUInt32LE((j + 1) * 4), value });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** findRun with the last hit tried first: text is read in order, so most lookups hit it. */
function runFinder<T>(runs: Run<T>[]): (fc: number) => Run<T> | undefined {
  let last: Run<T> | undefined;
  return (fc) => {
    if (last && fc >= last.fcStart && fc < last.fcEnd) return last;
    const found = findRun(runs, fc);
    if (found) last = found;
    return found;
  };
}

function findRun<T>(runs: Run<T>[], fc: number): Run<T> | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/** The piece holding `cp`, the last hit tried first. */
function pieceFinder(pieces: Piece[]): (cp: number) => Piece | undefined {
  let last: Piece | undefined;
  return (cp) => {
    if (last && cp >= last.startCp && cp < last.endCp) return last;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = pieces[mid]!;
      if (cp < p.startCp) hi = mid - 1;
      else if (cp >= p.endCp) lo = mid + 1;
      else return (last = p);
    }
    return undefined;
  };
}

function readPlc(table: Buffer, fc: number, lcb: number, dataSize: number): { cps: number[]; count: number } {
  if (lcb === 0 || fc + lcb > table.length) return { cps: [], count: 0 };
  const count = Math.floor((lcb - 4) / (4 + dataSize));
  const cps: number[] = [];
  for (let i = 0; i <= count; i++) cps.push(table.readInt32LE(fc + i * 4));
  return { cps, count };
}

// ── Lists ([MS-DOC] 2.9.147 LSTF, 2.9.150 LVL, 2.9.131 LFO) ────────────────────────────────────

/** Word's number formats (nfc) in numbering.xml's words; others count as decimal. */
const NFC: Record<number, string> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  22: 'decimalZero',
  23: 'bullet',
  255: 'none',
};

type Level = NonNullable<
  NumberingDefinitions['abstracts'] extends Map<string, infer A> ? A : never
>['levels'][number];

/** One LVL at `at`: the level and the offset after it. */
function readLevel(table: Buffer, at: number): { level: NonNullable<Level>; next: number } {
  // LVLF (28 bytes), grpprlPapx, grpprlChpx, xst (cch + UTF-16 text; chars 0–8 stand for levels).
  if (at + 28 + 2 > table.length) throw corrupt('properties');
  const start = table.readInt32LE(at);
  const nfc = table[at + 4]!;
  const flags = table[at + 5]!;
  const follow = table[at + 15]!;
  const cbChpx = table[at + 24]!;
  const cbPapx = table[at + 25]!;
  const restartLimit = table[at + 26]!;
  const xst = at + 28 + cbPapx + cbChpx;
  if (xst + 2 > table.length) throw corrupt('properties');
  const cch = table.readUInt16LE(xst);
  if (xst + 2 + cch * 2 > table.length) throw corrupt('properties');
  let text = '';
  for (let i = 0; i < cch; i++) {
    const c = table.readUInt16LE(xst + 2 + i * 2);
    text += c < 9 ? `%${c + 1}` : String.fromCharCode(c);
  }
  return {
    level: {
      start,
      format: NFC[nfc] ?? 'decimal',
      text,
      // fNoRestart: restart only after levels above ilvlRestartLim (0: never).
      restart: flags & 0x08 ? restartLimit : undefined,
      legal: (flags & 0x04) !== 0,
      suffix: follow === 0 ? 'tab' : follow === 1 ? 'space' : 'nothing',
      pStyle: undefined,
    },
    next: xst + 2 + cch * 2,
  };
}

function readLists(table: Buffer, wordDocument: Buffer): NumberingDefinitions {
  const defs: NumberingDefinitions = {
    abstracts: new Map(),
    nums: new Map(),
    styles: new Map(),
    defaultParagraphStyle: undefined,
  };
  if (wordDocument.length < 0x2f2) return defs;
  const fcLst = wordDocument.readUInt32LE(0x2e2);
  const lcbLst = wordDocument.readUInt32LE(0x2e6);
  const fcLfo = wordDocument.readUInt32LE(0x2ea);
  const lcbLfo = wordDocument.readUInt32LE(0x2ee);
  if (lcbLst < 2 || lcbLfo < 4 || fcLst + lcbLst > table.length || fcLfo + lcbLfo > table.length) return defs;

  const lists = table.readInt16LE(fcLst);
  if (lists < 0 || 2 + lists * 28 > lcbLst) throw corrupt('properties');
  // The LVLs of every list follow the LSTF array, list after list (1 level for a simple list, else 9).
  let at = fcLst + 2 + lists * 28;
  for (let i = 0; i < lists; i++) {
    const lstf = fcLst + 2 + i * 28;
    const lsid = table.readInt32LE(lstf);
    const simple = (table[lstf + 26]! & 0x01) !== 0;
    const levels: Level[] = [];
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const { level, next } = readLevel(table, at);
      levels.push(level);
      at = next;
    }
    defs.abstracts.set(String(lsid), { levels, numStyleLink: undefined });
  }

  const lfoCount = table.readInt32LE(fcLfo);
  if (lfoCount < 0 || 4 + lfoCount * 16 > lcbLfo) throw corrupt('properties');
  // LFOData (after the LFO array): per LFO, a cp (4 bytes) and clfolvl LFOLVLs (8 bytes each, an
  // LVL after one that replaces the level's formatting).
  let data = fcLfo + 4 + lfoCount * 16;
  for (let i = 0; i < lfoCount; i++) {
    const lfo = fcLfo + 4 + i * 16;
    const lsid = table.readInt32LE(lfo);
    const overridesCount = table[lfo + 12]!;
    const overrides: NumberingDefinitions['nums'] extends Map<string, infer N>
      ? N extends { overrides: infer O }
        ? O
        : never
      : never = [];
    let hasStartOverride = false;
    data += 4; // LFOData.cp
    {
      for (let k = 0; k < overridesCount; k++) {
        if (data + 8 > table.length) throw corrupt('properties');
        const startAt = table.readInt32LE(data);
        const flags = table.readUInt32LE(data + 4);
        data += 8;
        const ilvl = flags & 0x0f;
        const hasStart = (flags & 0x10) !== 0;
        let level: Level;
        if (flags & 0x20) {
          const read = readLevel(table, data);
          level = read.level;
          data = read.next;
        }
        if (ilvl < 9) {
          overrides[ilvl] = { level, start: hasStart ? startAt : undefined };
          hasStartOverride ||= hasStart;
        }
      }
    }
    // Paragraphs name their list instance by its 1-based position (sprmPIlfo).
    defs.nums.set(String(i + 1), { abstractId: String(lsid), overrides, hasStartOverride });
  }
  return defs;
}

async function drain(extractor: OleExtractor, doc: OleDoc, name: string): Promise<Buffer> {
  return extractor.streamBuffer(doc.stream(name));
}

/** Bytes of a .doc → its text and properties, or an InputError saying why not. */
// long: one pass over the FIB and its tables, in the order of the [MS-DOC] format
export async function readWordBinary(data: Uint8Array): Promise<WordBinary> {
  if (!startsWith(data, OLE_MAGIC)) throw new InputError('doc-not-word', { kind: sniffNonOle(data) });
  checkOleHeader(data);
  const { OleCompoundDoc, Extractor, BufferReader } = loadLibrary();
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const doc = new OleCompoundDoc(new BufferReader(buffer));
  try {
    await doc.read();
  } catch (error) {
    throw corrupt('ole', error);
  }
  const streams = doc._directoryTree.root?.streams ?? {};
  if (!('WordDocument' in streams)) {
    // Office's password protection of a .docx/.xlsx: an OLE file holding EncryptionInfo.
    if ('EncryptionInfo' in streams) throw new InputError('doc-encrypted');
    const kind =
      'Workbook' in streams || 'Book' in streams ? 'xls' : 'PowerPoint Document' in streams ? 'ppt' : 'ole';
    throw new InputError('doc-not-word', { kind });
  }
  const extractor = new Extractor();
  let wordDocument: Buffer;
  let table: Buffer;
  try {
    wordDocument = await drain(extractor, doc, 'WordDocument');
  } catch (error) {
    throw corrupt('ole', error);
  }
  if (wordDocument.length < 0x1a6 || wordDocument.readUInt16LE(0) !== 0xa5ec)
    throw new InputError('doc-not-word', { kind: 'ole' });
  const nFib = wordDocument.readUInt16LE(2);
  const flags = wordDocument.readUInt16LE(0x0a);
  // Word 6.0/95 files (nFib 101–105) have another layout; Word 97 starts at 0xC1 (some writers 0xC0).
  if (nFib < 0xc0) throw new InputError('doc-old-version');
  if (flags & 0x0100) throw new InputError('doc-encrypted'); // fEncrypted (also set when obfuscated)
  try {
    table = await drain(extractor, doc, flags & 0x0200 ? '1Table' : '0Table');
  } catch (error) {
    throw corrupt('ole', error);
  }
  if (table.length === 0) throw corrupt('ole');

  let dataStream: Buffer;
  try {
    dataStream = 'Data' in streams ? await drain(extractor, doc, 'Data') : Buffer.alloc(0);
  } catch (error) {
    throw corrupt('ole', error);
  }
  try {
    await extractor.extractWordDocument(doc, wordDocument);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw corrupt('text', error);
  }
  const pieces = [...extractor._pieces].sort((a, b) => a.startCp - b.startCp);
  const text = pieces.map((p) => p.text).join('');
  const ccpText = extractor._boundaries['ccpText'] ?? 0;
  const ccpFtn = extractor._boundaries['ccpFtn'] ?? 0;
  if (ccpText + ccpFtn > text.length) throw corrupt('text');

  const fib = (offset: number): number => wordDocument.readUInt32LE(offset);
  let papx: Run<ParagraphProps>[];
  let chpx: Run<CharacterFormat>[];
  try {
    papx = paragraphRuns(fkpPages(table, fib(0x102), fib(0x106), wordDocument), dataStream);
    chpx = characterRuns(fkpPages(table, fib(0xfa), fib(0xfe), wordDocument));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw corrupt('properties', error);
  }
  const runEnds = new Set(papx.map((r) => r.fcEnd));

  const refs = readPlc(table, fib(0xaa), fib(0xae), 2);
  const texts = readPlc(table, fib(0xb2), fib(0xb6), 0);
  const footnotes: WordBinary['footnotes'] = [];
  for (let i = 0; i < refs.count && i + 1 < texts.cps.length; i++) {
    const start = texts.cps[i]!;
    const end = Math.min(texts.cps[i + 1]!, ccpFtn);
    if (start < 0 || start >= end || refs.cps[i]! < 0 || refs.cps[i]! >= ccpText) continue;
    footnotes.push({ refCp: refs.cps[i]!, start: ccpText + start, end: ccpText + end });
  }

  let numbering: NumberingDefinitions;
  try {
    numbering = readLists(table, wordDocument);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw corrupt('properties', error);
  }

  // Text boxes: the story after main, footnotes, headers, comments and endnotes. A box is tied
  // to its shape by the shape id (FTXBXS.lid = FSPA.spid); the shape's anchor is a body CP.
  const b = extractor._boundaries;
  const boxStory = ccpText + ccpFtn + (b['ccpHdd'] ?? 0) + (b['ccpAtn'] ?? 0) + (b['ccpEdn'] ?? 0);
  const boxEnd = Math.min(boxStory + (b['ccpTxbx'] ?? 0), text.length);
  const textboxes: WordBinary['textboxes'] = [];
  const shapes = readPlc(table, fib(0x1da), fib(0x1de), 26);
  const boxes = readPlc(table, fib(0x25a), fib(0x25e), 22);
  if (shapes.count > 0 && boxes.count > 0 && boxEnd > boxStory) {
    const anchorOf = new Map<number, number>();
    const shapeData = fib(0x1da) + (shapes.count + 1) * 4;
    for (let i = 0; i < shapes.count; i++)
      anchorOf.set(table.readInt32LE(shapeData + i * 26), shapes.cps[i]!);
    const boxData = fib(0x25a) + (boxes.count + 1) * 4;
    for (let i = 0; i < boxes.count; i++) {
      const anchorCp = anchorOf.get(table.readInt32LE(boxData + i * 22 + 14));
      const start = boxStory + boxes.cps[i]!;
      const end = Math.min(boxStory + boxes.cps[i + 1]!, boxEnd);
      if (anchorCp === undefined || anchorCp < 0 || anchorCp >= ccpText || start < boxStory || start >= end)
        continue;
      textboxes.push({ anchorCp, start, end });
    }
  }

  const noProps: ParagraphProps = { inTable: false, rowEnd: false, headerRow: false, cells: null };
  const pieceOf = pieceFinder(pieces);
  const fcOf = (cp: number): number => {
    const p = pieceOf(cp);
    return p ? p.startFilePos + (cp - p.startCp) * p.bpc : -1;
  };
  const paragraphRun = runFinder(papx);
  const characterRun = runFinder(chpx);
  return {
    text,
    ccpText,
    ccpFtn,
    footnotes,
    textboxes,
    numbering,
    paragraphAt: (cp) => paragraphRun(fcOf(cp))?.value ?? noProps,
    endsParagraph: (cp) => {
      const piece = pieceOf(cp);
      return piece !== undefined && runEnds.has(piece.startFilePos + (cp - piece.startCp + 1) * piece.bpc);
    },
    formatAt: (cp) => characterRun(fcOf(cp))?.value ?? NO_FORMAT,
  };
}
