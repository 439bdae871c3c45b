/**
 * The body of a plan: preamble, sections I., II. … with items nested by the document's own
 * numbering, the closing paragraph, Nơi nhận, the signature block and appendices.
 */
import { builtinData } from '../data/store.js';
import { lines, unwrap, type Block } from './blocks.js';
import { layoutLines, planYearOf } from './header.js';
import { parseLabel, romanToNumber, type Label } from './labels.js';
import { ARTICLE, CHAPTER, escape } from './body-parts.js';
import type {
  Appendix,
  Article,
  Attachment,
  Structure as StructureConfidence,
  Item,
  Paragraph,
  Recipients,
  Section,
  SectionKind,
  Signature,
  Table,
  TextLine,
} from './schema.js';
import { join, locate, slice, trim, type Span } from './span.js';
import { isUpperText, lower, normalizeTones, squash, startsWithAny } from './vi.js';

/** A piece of body text that later passes (citations, dates, references) scan. */
export interface TextUnit {
  span: Span;
  /** Where it sits, for context-sensitive extraction. */
  where: 'preamble' | 'section' | 'closing' | 'table' | 'appendix' | 'footer';
  section: Section | null;
  item: Item | null;
}

export interface Structure {
  preamble: Paragraph[];
  sections: Section[];
  closing: Paragraph[];
  tables: Table[];
  appendices: Appendix[];
  recipients: Recipients | null;
  signature: Signature | null;
  articles: Article[];
  attachment: Attachment | null;
  /** How sure the reading is: Plan.structure. */
  confidence: StructureConfidence;
  units: TextUnit[];
  /** Each item's span, so later passes can map positions inside items. */
  itemSpans: Map<Item, Span>;
  cellSpans: CellSpans;
  sectionSpans: Map<Section, Span>;
}

export function sectionKind(heading: string): SectionKind {
  const text = lower(heading);
  let best: { kind: SectionKind; index: number } | null = null;
  for (const entry of builtinData.sectionKinds.entries) {
    for (const keyword of entry.keywords) {
      const index = text.indexOf(lower(keyword));
      if (index >= 0 && (!best || index < best.index)) best = { kind: entry.kind, index };
    }
  }
  return best?.kind ?? 'other';
}

function paragraph(span: Span): Paragraph {
  return { type: 'paragraph', text: span.text, ...locate(span) };
}

function textLine(span: Span): TextLine {
  return { type: 'line', text: span.text, ...locate(span) };
}

let authorityRe: RegExp | null = null;
let authorityInsideRe: RegExp | null = null;
const AUTHORITY_INSIDE = () =>
  (authorityInsideRe ??= new RegExp(
    `(?<=[\\s;,])(?:${builtinData.documentParts.authorityPrefixes.words.join('|')})\\.\\s*\\p{Lu}{2,}`,
    'u',
  ));
const AUTHORITY = () =>
  (authorityRe ??= new RegExp(
    `^(?:${builtinData.documentParts.authorityPrefixes.words.join('|')})\\s*\\.\\s*\\p{Lu}`,
    'u',
  ));

function isAuthorityLine(text: string): boolean {
  return AUTHORITY().test(text.replace(/^[*_\s]+/, ''));
}

function isRecipientsHeading(text: string): boolean {
  return (
    startsWithAny(text.replace(/[*_#]/g, ''), builtinData.documentParts.recipientsHeading.words) !== null
  );
}

function isAppendixHeading(text: string): boolean {
  const head = lower(text.slice(0, 24));
  if (!builtinData.documentParts.appendixWords.words.some((w) => head.includes(lower(w)))) return false;
  const cleaned = squash(text.replace(/[*_#]/g, ' '));
  return (
    isUpperText(cleaned) && startsWithAny(cleaned, builtinData.documentParts.appendixWords.words) !== null
  );
}

/** "Phụ lục", "Phụ lục I", "PHỤ LỤC SỐ 02: DANH MỤC …" — not "Phụ lục ban hành kèm theo …" running on. */
function isNamedAppendix(text: string): boolean {
  const word = startsWithAny(text, builtinData.documentParts.appendixWords.words);
  if (!word) return false;
  const rest = text.replace(/^[*_#\s]+/u, '').slice(word.length);
  return /^\s*(?:số\s*)?(?:\d{1,3}[a-z]?|[IVX]{1,5})?\s*[.:\-–]?\s*(?:\p{Lu}|\(|$)/u.test(rest);
}

function tableRole(block: Extract<Block, { kind: 'table' }>): Table['role'] {
  const all = lower(block.rows.flatMap((r) => r.cells.map((c) => c.text)).join(' '));
  if (
    all.includes('cộng hòa xã hội') ||
    all.includes('cộng hoà xã hội') ||
    /(^|\s)số\s*:/u.test(all.slice(0, 200))
  )
    return 'header';
  if (all.includes('nơi nhận') || block.rows.some((r) => r.cells.some((c) => isAuthorityLine(c.text))))
    return 'footer';
  const head = lower((block.rows[0]?.cells ?? []).map((c) => c.text).join(' | '));
  if (head.includes('chủ trì') || head.includes('cơ quan thực hiện') || head.includes('đơn vị thực hiện'))
    return 'assignment';
  return 'data';
}

export type CellSpans = Map<Table['rows'][number]['cells'][number], Span>;

export function toTable(block: Extract<Block, { kind: 'table' }>, cellSpans?: CellSpans): Table {
  const rows = block.rows.map((row) => {
    const cells = row.cells.map((span) => {
      const cell = { type: 'cell' as const, text: squash(span.text), ...locate(span) };
      cellSpans?.set(cell, span);
      return cell;
    });
    const rowSpan = join(
      row.cells.filter((c) => c.text),
      ' ',
    );
    return {
      type: 'row' as const,
      header: row.header,
      ...(row.group ? { group: true } : {}),
      ...(row.incomplete ? { incomplete: true } : {}),
      cells,
      ...locate(rowSpan),
    };
  });
  return { type: 'table', role: tableRole(block), rows, ...locate(block.span) };
}

function decimalDepth(key: string): number {
  return key.startsWith('decimal-') ? Number(key.slice('decimal-'.length)) : 0;
}

/**
 * Whether a new item labelled `key` closes an open item labelled `open`, by the order of Nghị
 * định 30/2020 (1.1. above a) above - above +). Only where the label itself says so: a decimal
 * label names its depth, and letters rank above bullets; "1." and "1)" are left to pair with
 * their own kind, as documents use them at several levels.
 */
function closes(key: string, open: string): boolean {
  const bullet = open === 'dash' || open === 'plus';
  if (key.startsWith('decimal-'))
    return bullet || open === 'letter' || decimalDepth(open) >= decimalDepth(key);
  if (key === 'letter') return bullet;
  return false;
}

interface OpenItem {
  item: Item;
  key: string;
  span: Span;
}

/** What holds numbered items: a section of a plan or an article of a decision. */
interface ItemHolder {
  items: Item[];
}

/** The Nơi nhận and signature lines of one signed part (the document, or its attached plan). */
interface Footer {
  recipientLines: Span[];
  signatureLines: Span[];
  inRecipients: boolean;
  /** A signer's name was read: the block is complete, what follows is something else. */
  signerSeen: boolean;
}

const newFooter = (): Footer => ({
  recipientLines: [],
  signatureLines: [],
  inRecipients: false,
  signerSeen: false,
});

/** Copy counts and the archive line of a Nơi nhận column ("08 KH", "Lưu: VT, TH."): never a position. */
const COPY_LINE =
  /^(?:[-–+•]\s*)?(?:Lưu(?:\s*[:.]|\s+VT)|\d{1,3}\s*(?:bản\b|b\.)?\s*(?:\p{Lu}{1,8}\b)?[.;,]?$)/u;
/** Layout residue of a flattened table ("|") or a rule line ("----"). */
const NOISE_LINE = /^[|\s\-–—_=.]*$/u;

let formRe: RegExp | null = null;
/** "Mẫu số 01", "Mẫu biểu số 02a", "BIỂU MẪU", "Mẫu:" — a form's heading, alone on its line. */
const FORM_HEADING = () =>
  (formRe ??= new RegExp(
    `^(?:${builtinData.bodyParts.formWords.words.map(escape).join('|')})(?:\\s+số)?(?:\\s*(?:\\d{1,3}[a-z]?|[IVX]{1,5})(?:[.:\\-–)]|\\s|$)|\\s*:?\\s*$)`,
    'iu',
  ));
let basisRe: RegExp | null = null;
/** "(Kèm theo Quyết định số …)", "(Ban hành kèm theo …)". */
const BASIS = () =>
  (basisRe ??= new RegExp(
    `^\\(?\\s*(?:${builtinData.bodyParts.attachedBasis.words.map(escape).join('|')})(?![\\p{L}])`,
    'iu',
  ));

/** The quốc hiệu a form repeats at its top ("CỘNG HOÀ XÃ H ỘI …"): not the form's title. */
function isNationLine(text: string): boolean {
  const squeezed = (t: string) => normalizeTones(lower(t)).replace(/[^\p{L}]/gu, '');
  return squeezed(text).startsWith(squeezed(builtinData.documentParts.motto.nation).slice(0, 14));
}

/** A form's heading with nothing but its number and a note in brackets: "Mẫu số 03 (Dành cho …)". */
const FORM_ALONE = /^\p{L}+(?:\s+\p{L}+)?\s+số\s+\d{1,3}[a-z]?\s*(?:\([^)]*\))?$/u;
let appendixStartRe: RegExp | null = null;
/** Starts with an appendix or a form word ("PHỤ LỤC", "Mẫu"): the cheap test before a closer look. */
const APPENDIX_START = () =>
  (appendixStartRe ??= new RegExp(
    `^[|*_#\\s]*(?:${[...builtinData.documentParts.appendixWords.words, ...builtinData.bodyParts.formWords.words].map(escape).join('|')})`,
    'iu',
  ));
const clean = (text: string) => squash(text.replace(/[*_#]/g, ' '));
const isBasisLine = (text: string) => BASIS().test(clean(text));

function isFormHeading(text: string): boolean {
  const t = clean(text);
  return t.length <= 80 && FORM_HEADING().test(t) && !/\.(?:docx?|xlsx?|pdf)\b/iu.test(t);
}

/** The document-type word an attached document's title line starts with ("KẾ HOẠCH …"), or null. */
function attachedTypeOf(text: string): string | null {
  const t = clean(text);
  if (!isUpperText(t)) return null;
  return (
    builtinData.bodyParts.attachedTypes.words.find(
      (w) => t === w.toUpperCase() || t.startsWith(`${w.toUpperCase()} `),
    ) ?? null
  );
}

/** Lines of the next `count` paragraphs from `from` (tables end the look). */
function paragraphsAhead(blocks: Block[], from: number, count: number): { index: number; lines: Span[] }[] {
  const out: { index: number; lines: Span[] }[] = [];
  for (let i = from; i < blocks.length && out.length < count; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'para') break;
    out.push({ index: i, lines: lines(block.span).filter((l) => !NOISE_LINE.test(l.text)) });
  }
  return out;
}

/** A title (its first line a type or capitals) followed, within three paragraphs, by "(Kèm theo …)". */
function titledWithBasis(blocks: Block[], at: number): { title: Span[]; basis: Span; last: number } | null {
  const ahead = paragraphsAhead(blocks, at, 4);
  const title: Span[] = [];
  for (const para of ahead) {
    for (const line of para.lines) {
      if (isBasisLine(line.text)) return title.length ? { title, basis: line, last: para.index } : null;
      // An appendix heading starts its own title ("… HỒ CHÍ MINH" / "PHỤ LỤC" / "(Kèm theo …)").
      if (
        !isUpperText(clean(line.text)) ||
        (title.length > 0 && (isAppendixHeading(clean(line.text)) || isFormHeading(line.text)))
      )
        return null;
      title.push(line);
    }
  }
  return null;
}

function sectionsConsistency(sections: Section[]): Structure['confidence']['sections'] {
  if (sections.length === 0) return 'none';
  if (sections.length < 2) return 'irregular';
  const values = sections.map((s) => romanToNumber(s.numeral));
  return values.every((v, i) => v === i + 1) ? 'consistent' : 'irregular';
}

function signatureFound(signature: Signature | null): Structure['confidence']['signature'] {
  if (!signature) return 'none';
  if ((signature.authority.length > 0 || signature.position) && signature.signer) return 'found';
  return 'partial';
}

const PIPE_LINE = /^\|\s*$/u;
/** The first column numbers the rows ("TT", "STT", "Số TT"). */
const INDEX_HEADER = /^(?:S[ốo]\s*)?S?TT\.?$/iu;
const ROW_INDEX = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXL]{1,5}(?:\.\d{1,2})?\.?|[a-zđ]\)?)$/u;

/**
 * A table the website flattened into lines: each cell on its own lines, "|" before and after each
 * cell, so "|" "|" is a row's end and the next one's start (or an empty cell). Rows are cut by the
 * header row's width and, where the first column numbers the rows, at the next number. Null when
 * the paragraph is not one (fewer than two rows of two cells).
 */
function flattenedTable(block: Extract<Block, { kind: 'para' }>): Extract<Block, { kind: 'table' }> | null {
  const text = block.span.text;
  if (!text.includes('|')) return null;
  const ls = lines(block.span);
  const pipes = ls.filter((l) => PIPE_LINE.test(l.text)).length;
  if (pipes < 6 || pipes * 4 < ls.length) return null;
  // Cells between successive "|" lines; an empty one keeps the pipe's position.
  const tokens: Span[] = [];
  let current: Span[] = [];
  let started = false;
  for (const line of ls) {
    if (PIPE_LINE.test(line.text)) {
      if (started) tokens.push(current.length ? join(current, '\n') : slice(line, 0, 0));
      started = true;
      current = [];
    } else if (started) current.push(line);
    else return null;
  }
  if (current.length) tokens.push(join(current, '\n'));
  const headerEnd = tokens.findIndex((t) => !t.text);
  if (headerEnd < 2) return null;
  const header = tokens.slice(0, headerEnd);
  const width = header.length;
  const indexed = INDEX_HEADER.test(clean(header[0]!.text));
  const rows: { header: boolean; group?: boolean; incomplete?: boolean; cells: Span[] }[] = [
    { header: true, cells: header },
  ];
  // A row of a number and a title only ("I" | "Hoàn thiện thể chế") in a wide table: a group heading.
  // A row with fewer cells than the header lost a cell merged down from the row above: its columns
  // may be shifted, so it is marked incomplete (never read as an assignment).
  const close = (cells: Span[]) => {
    const group =
      width >= 3 &&
      (cells.length === 1 || (cells.length === 2 && width >= 4 && ROW_INDEX.test(clean(cells[0]!.text))));
    if (group) rows.push({ header: false, group: true, cells });
    // In a numbered table, a row that does not start with its number is a second header row or a
    // continuation: not an entry either.
    else if (cells.length < width || (indexed && !ROW_INDEX.test(clean(cells[0]!.text))))
      rows.push({ header: false, incomplete: true, cells });
    else rows.push({ header: false, cells });
  };
  let row: Span[] = [];
  for (let k = headerEnd + 1; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (!token.text) {
      const next = tokens[k + 1];
      const boundary =
        row.length >= width ||
        (indexed && row.length > 0 && next !== undefined && ROW_INDEX.test(clean(next.text)));
      if (boundary) {
        close(row);
        row = [];
      } else if (row.length > 0) row.push(token);
      continue;
    }
    row.push(token);
  }
  if (row.length) close(row);
  if (rows.length < 2) return null;
  const span = join(
    rows.flatMap((r) => r.cells).filter((c) => c.text),
    '\n',
  );
  return { kind: 'table', rows, span };
}

/**
 * Walks the body blocks once: each block is taken by the first step below that recognises it.
 * State: the part being read (the document, then an attached plan), the open section/article and
 * its item stack, and the mode (body → closing → footer → appendix).
 */
class StructureReader {
  readonly out: Structure;
  private section: Section | null = null;
  private article: Article | null = null;
  private chapter: string | null = null;
  private stack: OpenItem[] = [];
  private mode: 'body' | 'closing' | 'footer' | 'appendix' | 'trailing' = 'body';
  private appendix: Appendix | null = null;
  private readonly documentFooter = newFooter();
  private attachmentFooter: Footer | null = null;
  /** The document's own footer (Nơi nhận or signature) has been read. */
  private footerSeen = false;

  constructor(
    private readonly blocks: Block[],
    private readonly skipTables: Set<number>,
  ) {
    this.out = {
      preamble: [],
      sections: [],
      closing: [],
      tables: [],
      appendices: [],
      recipients: null,
      signature: null,
      articles: [],
      attachment: null,
      confidence: {
        type: 'structure',
        body: 'none',
        sections: 'none',
        signature: 'none',
        recipients: 'none',
        uncertain: [],
      },
      units: [],
      itemSpans: new Map(),
      cellSpans: new Map(),
      sectionSpans: new Map(),
    };
  }

  private get footer(): Footer {
    return this.attachmentFooter ?? this.documentFooter;
  }

  read(bodyStart: number): Structure {
    for (let i = bodyStart; i < this.blocks.length; i++) i = this.readBlock(i);
    this.finishFooters();
    this.assessConfidence();
    return this.out;
  }

  /** One block (or a title that spans several): returns the index of the last block taken. */
  private readBlock(i: number): number {
    const block = this.blocks[i]!;
    if (block.kind === 'table') {
      this.takeTable(block, i);
      return i;
    }
    // Layout residue: a "|" of a flattened table, a rule line.
    if (NOISE_LINE.test(block.span.text)) return i;
    const table = flattenedTable(block);
    if (table) {
      this.takeTable(table, i);
      return i;
    }
    const attached = this.attachedPlanAt(i);
    if (attached !== null) return attached;
    const appendixEnd = this.appendixAt(i);
    if (appendixEnd !== null) return appendixEnd;
    if (this.mode === 'appendix' || this.mode === 'trailing') {
      this.appendixText(block.span);
      return i;
    }
    if (this.footerBlock(block.span)) return i;
    // Body text: visual lines become running text.
    const span = unwrap(block.span);
    if (this.closingParagraph(span)) return i;
    if (this.chapterLine(span, i)) return i;
    if (this.articleStart(span)) return i;
    const label = parseLabel(span.text);
    // Sections also inside an article: a Quyết định that approves a plan in its Điều 1 writes the
    // plan's I., II. … there.
    if (label?.kind === 'roman' && isSectionHeading(span.text, label)) {
      this.sectionStart(span, label);
      return i;
    }
    const holder = this.article ?? this.section;
    if (!holder) this.preambleParagraph(span);
    else this.addItem(holder, span, label);
    return i;
  }

  /** Layout tables (header, Nơi nhận | signature) feed meta and the footer; others are kept. */
  private takeTable(block: Extract<Block, { kind: 'table' }>, i: number): void {
    if (this.skipTables.has(i)) return;
    const table = toTable(block, this.out.cellSpans);
    if (table.role === 'header') return;
    if (table.role === 'footer' && this.mode !== 'appendix') {
      for (const line of layoutLines(block)) this.footerLine(line);
      this.enterFooter();
      return;
    }
    const index = this.out.tables.length;
    this.out.tables.push(table);
    if (this.appendix) this.appendix.tables.push(index);
    const where = this.mode === 'appendix' || this.mode === 'trailing' ? 'appendix' : 'table';
    for (const row of block.rows)
      for (const cell of row.cells)
        this.out.units.push({ span: cell, where, section: this.section, item: null });
  }

  /**
   * After the document's footer, "KẾ HOẠCH" + its title + "(Kèm theo Quyết định số …)": the plan
   * the document issues. Sections, goals and assignments are read from it from here on.
   */
  private attachedPlanAt(i: number): number | null {
    if (!this.footerSeen || this.out.attachment || this.mode === 'appendix') return null;
    const first = lines(this.blocks[i]!.span)[0];
    const docType = first ? attachedTypeOf(first.text) : null;
    if (!docType) return null;
    const titled = titledWithBasis(this.blocks, i);
    if (!titled) return null;
    // The title is what follows the type word ("KẾ HOẠCH" / "TRIỂN KHAI …", or "KẾ HOẠCH BỒI DƯỠNG …").
    const titleText = clean(titled.title.map((l) => l.text).join(' '))
      .slice(docType.length)
      .trim();
    const all = join([...titled.title, titled.basis], '\n');
    this.out.attachment = {
      type: 'attachment',
      docType,
      title: titleText,
      planYear: planYearOf(titleText),
      basis: clean(titled.basis.text),
      preamble: [],
      signature: null,
      ...locate(all),
    };
    this.out.units.push({ span: titled.basis, where: 'preamble', section: null, item: null });
    this.section = null;
    this.article = null;
    this.stack = [];
    this.mode = 'body';
    this.attachmentFooter = newFooter();
    return titled.last;
  }

  /**
   * "PHỤ LỤC I" (every one, not only the first), a form ("Mẫu số 01") or a titled document with
   * its "(Kèm theo …)" line after the signature: opens an appendix; returns the last block taken.
   */
  private appendixAt(i: number): number | null {
    const block = this.blocks[i] as Extract<Block, { kind: 'para' }>;
    const afterFooter = this.footerSeen || this.mode === 'appendix' || this.mode === 'trailing';
    // Body text before the signature can only hold a "PHỤ LỤC" or "Mẫu số" heading: most blocks
    // are passed over without being cut into lines.
    if (!afterFooter && !APPENDIX_START().test(block.span.text)) return null;
    const ls = lines(block.span).filter((l) => !NOISE_LINE.test(l.text));
    if (ls.length === 0) return null;
    const head = clean(ls[0]!.text);
    let kind: Appendix['kind'] | null = null;
    if (
      isAppendixHeading(head) ||
      (afterFooter && (block.emphasized || ls.length === 1) && head.length <= 80 && isNamedAppendix(head))
    )
      kind = 'appendix';
    // A form: after the signature, or anywhere as a bold heading of its own ("**Mẫu số 03**").
    else if (
      isFormHeading(head) &&
      (afterFooter
        ? block.emphasized || isUpperText(head) || ls.length <= 3
        : ls.length === 1 && FORM_ALONE.test(head))
    )
      kind = 'form';
    else if (afterFooter && isUpperText(head) && titledWithBasis(this.blocks, i)) kind = 'attachment';
    if (kind === null) return null;

    const labelMatch =
      kind === 'attachment'
        ? null
        : /^\S+(?:\s+(?:lục|biểu|mẫu))?\s+(?:số\s+)?(\d{1,3}[a-z]?|[IVX]{1,5})(?![\p{L}\d])/iu.exec(head);
    // Title: the heading's other lines in capitals, else the next paragraph in capitals; basis: the
    // "(Kèm theo …)" line among them.
    let basis: Span | null = null;
    const title: string[] = kind === 'attachment' ? [head] : [];
    let last = i;
    for (const line of ls.slice(1)) {
      if (!basis && isBasisLine(line.text)) basis = line;
      else if (!basis || isUpperText(clean(line.text))) title.push(clean(line.text));
    }
    for (const para of paragraphsAhead(this.blocks, i + 1, 3)) {
      const text = para.lines.map((l) => l.text).join(' ');
      if (!basis && para.lines.length > 0 && isBasisLine(para.lines[0]!.text)) {
        basis = join(para.lines, ' ');
        last = para.index;
        continue;
      }
      if (
        title.length === 0 &&
        text &&
        isUpperText(clean(text)) &&
        !isAppendixHeading(clean(text)) &&
        !isFormHeading(text) &&
        !isNationLine(text)
      ) {
        title.push(clean(text));
        last = para.index;
        continue;
      }
      break;
    }
    this.appendix = {
      type: 'appendix',
      kind,
      label: labelMatch?.[1] ?? null,
      title: squash(title.join(' ')),
      basis: basis ? clean(basis.text) : null,
      tables: [],
      ...locate(block.span),
    };
    this.out.appendices.push(this.appendix);
    this.mode = 'appendix';
    for (let k = i; k <= last; k++) {
      const b = this.blocks[k]!;
      if (b.kind === 'para')
        this.out.units.push({ span: unwrap(b.span), where: 'appendix', section: null, item: null });
    }
    return last;
  }

  /** Text inside an appendix or after a complete footer: scanned for dates and citations only. */
  private appendixText(span: Span): void {
    this.out.units.push({ span: unwrap(span), where: 'appendix', section: null, item: null });
  }

  private enterFooter(): void {
    this.mode = 'footer';
    if (!this.attachmentFooter) this.footerSeen = true;
  }

  /**
   * Nơi nhận and the signature block. Returns false for a block that is not one: after a complete
   * footer, a block of running text (long lines, or more than a few of them) ends it.
   */
  private footerBlock(raw: Span): boolean {
    const text = raw.text;
    const starts = isRecipientsHeading(text) || isAuthorityLine(text);
    if (!starts && this.mode !== 'footer') return false;
    this.enterFooter();
    const ls = lines(raw);
    for (let k = 0; k < ls.length; k++) {
      const line = ls[k]!;
      if (this.endsFooter(line.text)) {
        // What follows the footer without a heading of its own: kept, never read as recipients.
        this.mode = 'trailing';
        this.appendixText(join(ls.slice(k), '\n'));
        return true;
      }
      this.footerLine(line);
    }
    return true;
  }

  /**
   * A line after a complete signature that is not a recipient, or a line of running text (a
   * website's footer, a note) that no Nơi nhận or signature block holds.
   */
  private endsFooter(text: string): boolean {
    if (NOISE_LINE.test(text) || isRecipientsHeading(text) || isAuthorityLine(text)) return false;
    const footer = this.footer;
    const recipientLike = /^[-–+•]/u.test(text) || COPY_LINE.test(clean(text));
    if (footer.signerSeen) return !(footer.inRecipients && recipientLike);
    return text.length > 120 && !recipientLike;
  }

  /** One footer line → Nơi nhận or the signature. */
  private footerLine(line: Span): void {
    const footer = this.footer;
    if (!line.text || NOISE_LINE.test(line.text)) return;
    if (isRecipientsHeading(line.text)) {
      footer.inRecipients = true;
      const rest = line.text.replace(/^[*_\s]*Nơi nhận\s*:?[*_\s]*/iu, '');
      if (rest) this.footerLine(trim(slice(line, line.text.length - rest.length, line.text.length)));
      return;
    }
    // Two columns on one line ("- TT. Thành ủy; KT. CHỦ TỊCH"): the authority part is the signature's.
    const split = AUTHORITY_INSIDE().exec(line.text);
    if (split && split.index > 0) {
      this.footerLine(trim(slice(line, 0, split.index)));
      this.footerLine(trim(slice(line, split.index, line.text.length)));
      return;
    }
    const text = clean(line.text);
    const previous = footer.recipientLines[footer.recipientLines.length - 1];
    // A recipient line, its wrapped tail ("Vụ: KTTH, PL, …;"), a copy count, or the clerk's
    // filing code under "Lưu: VT …" ("HP_VP11_QĐ").
    const recipientLike =
      /^[-–+•]/u.test(line.text) ||
      COPY_LINE.test(text) ||
      /[;,]$/u.test(text) ||
      (previous !== undefined &&
        COPY_LINE.test(clean(previous.text)) &&
        /^[\p{Lu}\d_./-]+$/u.test(line.text));
    if (footer.inRecipients && recipientLike && !isAuthorityLine(text)) footer.recipientLines.push(line);
    else if (isAuthorityLine(text) || isUpperText(text) || isSignerName(text)) {
      footer.signatureLines.push(line);
      if (isSignerName(text)) footer.signerSeen = true;
    } else if (footer.inRecipients && footer.recipientLines.length > 0) footer.recipientLines.push(line);
    else footer.signatureLines.push(line);
  }

  /** "Trên đây là Kế hoạch …" and what follows it until the footer. */
  private closingParagraph(span: Span): boolean {
    if (
      this.mode !== 'closing' &&
      !(this.section && startsWithAny(span.text, builtinData.documentParts.closingStarters.words))
    )
      return false;
    this.mode = 'closing';
    this.out.closing.push(paragraph(span));
    this.out.units.push({ span, where: 'closing', section: null, item: null });
    return true;
  }

  /** "Chương I" (+ its title) of a decision: remembered for the articles under it. */
  private chapterLine(span: Span, i: number): boolean {
    const words = CHAPTER().exec(clean(span.text));
    if (!words) return false;
    const next = this.blocks[i + 1];
    const articleNext =
      next?.kind === 'para' &&
      ARTICLE().exec(clean(next.span.text))?.[1] === String(this.out.articles.length + 1);
    if (this.out.articles.length === 0 && !articleNext) return false;
    // "Mục 1" sits inside the open "Chương II": both are named.
    const isSubdivision =
      this.chapter !== null &&
      words[0].toLowerCase().startsWith(builtinData.bodyParts.chapterWords.words.at(-1)!.toLowerCase());
    const base = this.chapter?.split(' / ')[0];
    this.chapter = isSubdivision && base ? `${base} / ${clean(span.text)}` : clean(span.text);
    this.article = null;
    this.stack = [];
    this.out.units.push({ span, where: 'preamble', section: null, item: null });
    return true;
  }

  /** "Điều N." numbered in sequence from 1 (a "Điều 5 Luật …" inside a plan's text is not one). */
  private articleStart(span: Span): boolean {
    if (this.out.attachment) return false;
    const text = span.text;
    const match = ARTICLE().exec(text);
    if (!match || Number(match[1]) !== this.out.articles.length + 1) return false;
    const rest = trim(slice(span, match[0].length, text.length));
    this.article = {
      type: 'article',
      number: Number(match[1]),
      label: match[0].trim(),
      heading: rest.text,
      chapter: this.chapter,
      ...locate(span),
      items: [],
    };
    this.out.articles.push(this.article);
    this.section = null;
    this.stack = [];
    this.out.units.push({ span: rest, where: 'section', section: null, item: null });
    return true;
  }

  /** "II. NHIỆM VỤ, GIẢI PHÁP" (with content after a colon on the same line, when there is some). */
  private sectionStart(span: Span, label: Label): void {
    const text = span.text;
    let headingSpan = trim(slice(span, label.length, text.length));
    let inline: Span | null = null;
    // "III. KINH PHÍ THỰC HIỆN: Từ nguồn …" — heading, then content on the same line.
    const colon = headingSpan.text.indexOf(':');
    if (colon > 0 && colon < headingSpan.text.length - 1 && isUpperText(headingSpan.text.slice(0, colon))) {
      inline = trim(slice(headingSpan, colon + 1, headingSpan.text.length));
      headingSpan = trim(slice(headingSpan, 0, colon));
    }
    const heading = clean(headingSpan.text);
    const section: Section = {
      type: 'section',
      numeral: label.raw.replace(/[.:/\s]+$/u, ''),
      heading,
      kind: sectionKind(heading),
      ...locate(span),
      items: [],
    };
    this.section = section;
    this.article = null;
    this.out.sections.push(section);
    this.out.sectionSpans.set(section, headingSpan);
    this.stack = [];
    this.out.units.push({ span: headingSpan, where: 'section', section, item: null });
    if (inline && inline.text) this.addItem(section, inline, null);
  }

  /** Text before the first section: the document's preamble, or the attached plan's. */
  private preambleParagraph(span: Span): void {
    (this.out.attachment?.preamble ?? this.out.preamble).push(paragraph(span));
    this.out.units.push({ span, where: 'preamble', section: null, item: null });
  }

  /** A numbered (or plain) paragraph, nested under the open items by its label. */
  private addItem(holder: ItemHolder, span: Span, label: Label | null): void {
    const text = label ? trim(slice(span, label.length, span.text.length)) : span;
    const item: Item = {
      type: 'item',
      label: label?.raw ?? null,
      labelKind: label?.kind ?? 'none',
      text: text.text,
      ...locate(span),
      children: [],
    };
    this.out.itemSpans.set(item, text);
    const key = label?.key ?? 'none';
    if (label) {
      const at = this.stack.findIndex((o) => o.key === key);
      if (at >= 0) this.stack = this.stack.slice(0, at);
      // Labels that outrank the open items above them close them even when no item of their own
      // kind is open to pair with: "3.3." after "- …" sits under "3.", "a)" after "- …" too.
      while (this.stack.length && closes(key, this.stack[this.stack.length - 1]!.key))
        this.stack = this.stack.slice(0, -1);
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.item.children.push(item);
    else holder.items.push(item);
    if (label) this.stack.push({ item, key, span: text });
    this.out.units.push({ span: text, where: 'section', section: this.section, item });
  }

  /** Nơi nhận and signature nodes of the document, and the attached plan's own signature. */
  private finishFooters(): void {
    const { recipientLines, signatureLines } = this.documentFooter;
    const attached = this.attachmentFooter;
    const recipients = recipientLines.length > 0 ? recipientLines : (attached?.recipientLines ?? []);
    if (recipients.length > 0) {
      const all = join(recipients, '\n');
      this.out.recipients = {
        type: 'recipients',
        items: recipients.map((l) => textLine(trim(l))),
        ...locate(all),
      };
    }
    if (signatureLines.length > 0) this.out.signature = parseSignature(signatureLines);
    if (this.out.attachment && attached && attached.signatureLines.length > 0)
      this.out.attachment.signature = parseSignature(attached.signatureLines);
  }

  /** How sure the reading is (notes/STRUCTURE-CONFIDENCE.md). */
  private assessConfidence(): void {
    const out = this.out;
    const sections = sectionsConsistency(out.sections);
    const signature = signatureFound(out.signature ?? out.attachment?.signature ?? null);
    const recipients = out.recipients && out.recipients.items.length > 0 ? 'found' : 'none';
    const body = out.attachment
      ? 'attached'
      : out.sections.length > 0
        ? 'plan'
        : out.articles.length > 0
          ? 'articles'
          : 'none';
    const uncertain: Structure['confidence']['uncertain'] = [];
    if (sections !== 'consistent') uncertain.push('sections');
    if (signature !== 'found') uncertain.push('signature');
    if (recipients !== 'found') uncertain.push('recipients');
    if (body === 'none') uncertain.push('body');
    out.confidence = { type: 'structure', body, sections, signature, recipients, uncertain };
  }
}

/** Preamble, sections (or articles), closing, footer and appendices of the body blocks. */
export function buildStructure(blocks: Block[], bodyStart: number, skipTables: Set<number>): Structure {
  return new StructureReader(blocks, skipTables).read(bodyStart);
}

function isSectionHeading(text: string, label: Label): boolean {
  const rest = text.slice(label.length).replace(/[*_#]/g, '').trim();
  if (!rest) return false;
  // Section headings are written in capitals ("II. NHIỆM VỤ, GIẢI PHÁP"); allow a lower-case tail
  // after a colon ("III. KINH PHÍ THỰC HIỆN: Từ nguồn …").
  const head = rest.split(':')[0]!;
  return isUpperText(head) || /^\p{Lu}/u.test(rest);
}

const SIGNER = /^\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,4}$/u;

/** A person's name, after a rank or title it may carry ("Đại tướng Nguyễn Tân Cương"). */
function isSignerName(text: string): boolean {
  const prefix = builtinData.bodyParts.signerPrefixes.words.find(
    (w) => text.startsWith(`${w} `) || (w.endsWith('.') && text.startsWith(w)),
  );
  return SIGNER.test(prefix ? text.slice(prefix.length).trim() : text);
}

function parseSignature(spans: Span[]): Signature {
  const authority: string[] = [];
  const titles: string[] = [];
  let signer: string | null = null;
  const lineNodes: TextLine[] = [];
  for (const span of spans) {
    const text = squash(span.text.replace(/[*_#]/g, ' '));
    if (!text) continue;
    lineNodes.push({ type: 'line', text, ...locate(span) });
    const last = authority.length - 1;
    if (isAuthorityLine(text)) {
      authority.push(text);
      // The position is the title under the last authority line ("XÁC THỰC VĂN BẢN HỢP NHẤT" /
      // "KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG"); a heading above it is not.
      titles.length = 0;
    } else if (last >= 0 && titles.length === 0 && /[,\-–]$/u.test(authority[last]!) && isUpperText(text)) {
      // "KT. TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ": the authority line runs on.
      authority[last] = `${authority[last]} ${text}`;
    } else if (isUpperText(text) && !signer && !COPY_LINE.test(text)) titles.push(text);
    else if (isSignerName(text) && !signer) signer = text;
  }
  const all = join(spans, '\n');
  return {
    type: 'signature',
    authority,
    position: titles[0] ?? null,
    signer,
    lines: lineNodes,
    sourcePosition: locate(all).position,
  };
}
