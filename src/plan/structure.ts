/**
 * The body of a plan: preamble, sections I., II. … with items nested by the document's own
 * numbering, the closing paragraph, Nơi nhận, the signature block and appendices.
 */
import { documentParts, sectionKinds } from '../data/index.js';
import { lines, unwrap, type Block } from './blocks.js';
import { layoutLines } from './header.js';
import { parseLabel, type Label } from './labels.js';
import type {
  Appendix,
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
import { isUpperText, lower, squash, startsWithAny } from './vi.js';

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
  units: TextUnit[];
  /** Each item's span, so later passes can map positions inside items. */
  itemSpans: Map<Item, Span>;
  cellSpans: CellSpans;
  sectionSpans: Map<Section, Span>;
}

export function sectionKind(heading: string): SectionKind {
  const text = lower(heading);
  let best: { kind: SectionKind; index: number } | null = null;
  for (const entry of sectionKinds().entries) {
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
  (authorityInsideRe ??= new RegExp(`(?<=[\\s;,])(?:${documentParts().authorityPrefixes.words.join('|')})\\.\\s*\\p{Lu}{2,}`, 'u'));
const AUTHORITY = () => (authorityRe ??= new RegExp(`^(?:${documentParts().authorityPrefixes.words.join('|')})\\s*\\.\\s*\\p{Lu}`, 'u'));

function isAuthorityLine(text: string): boolean {
  return AUTHORITY().test(text.replace(/^[*_\s]+/, ''));
}

function isRecipientsHeading(text: string): boolean {
  return startsWithAny(text.replace(/[*_#]/g, ''), documentParts().recipientsHeading.words) !== null;
}

function isAppendixHeading(text: string): boolean {
  const head = lower(text.slice(0, 24));
  if (!documentParts().appendixWords.words.some((w) => head.includes(lower(w)))) return false;
  const cleaned = squash(text.replace(/[*_#]/g, ' '));
  return isUpperText(cleaned) && startsWithAny(cleaned, documentParts().appendixWords.words) !== null;
}

function tableRole(block: Extract<Block, { kind: 'table' }>): Table['role'] {
  const all = lower(block.rows.flatMap((r) => r.cells.map((c) => c.text)).join(' '));
  if (all.includes('cộng hòa xã hội') || all.includes('cộng hoà xã hội') || /(^|\s)số\s*:/u.test(all.slice(0, 200))) return 'header';
  if (all.includes('nơi nhận') || block.rows.some((r) => r.cells.some((c) => isAuthorityLine(c.text)))) return 'footer';
  const head = lower((block.rows[0]?.cells ?? []).map((c) => c.text).join(' | '));
  if (head.includes('chủ trì') || head.includes('cơ quan thực hiện') || head.includes('đơn vị thực hiện')) return 'assignment';
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
    const rowSpan = join(row.cells.filter((c) => c.text), ' ');
    return { type: 'row' as const, header: row.header, cells, ...locate(rowSpan) };
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
  if (key.startsWith('decimal-')) return bullet || open === 'letter' || decimalDepth(open) >= decimalDepth(key);
  if (key === 'letter') return bullet;
  return false;
}

interface OpenItem {
  item: Item;
  key: string;
  span: Span;
}

export function buildStructure(blocks: Block[], bodyStart: number, skipTables: Set<number>): Structure {
  const out: Structure = {
    preamble: [],
    sections: [],
    closing: [],
    tables: [],
    appendices: [],
    recipients: null,
    signature: null,
    units: [],
    itemSpans: new Map(),
    cellSpans: new Map(),
    sectionSpans: new Map(),
  };
  let section: Section | null = null;
  let stack: OpenItem[] = [];
  let mode: 'body' | 'closing' | 'footer' | 'appendix' = 'body';
  const recipientLines: Span[] = [];
  const signatureLines: Span[] = [];
  let appendix: Appendix | null = null;

  const addItem = (span: Span, label: Label | null) => {
    const text = label ? trim(slice(span, label.length, span.text.length)) : span;
    const item: Item = {
      type: 'item',
      label: label?.raw ?? null,
      labelKind: label?.kind ?? 'none',
      text: text.text,
      ...locate(span),
      children: [],
    };
    out.itemSpans.set(item, text);
    const key = label?.key ?? 'none';
    if (label) {
      const at = stack.findIndex((o) => o.key === key);
      if (at >= 0) stack = stack.slice(0, at);
      // Labels that outrank the open items above them close them even when no item of their own
      // kind is open to pair with: "3.3." after "- …" sits under "3.", "a)" after "- …" too.
      while (stack.length && closes(key, stack[stack.length - 1]!.key)) stack = stack.slice(0, -1);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.item.children.push(item);
    else section!.items.push(item);
    if (label) stack.push({ item, key, span: text });
    out.units.push({ span: text, where: 'section', section, item });
  };

  let inRecipients = false;
  const signatureLike = (text: string) => isAuthorityLine(text) || isUpperText(text) || SIGNER.test(squash(text.replace(/[*_#]/g, ' ')));
  const footerLine = (line: Span): void => {
    if (!line.text) return;
    if (isRecipientsHeading(line.text)) {
      inRecipients = true;
      const rest = line.text.replace(/^[*_\s]*Nơi nhận\s*:?[*_\s]*/iu, '');
      if (rest) footerLine(trim(slice(line, line.text.length - rest.length, line.text.length)));
      return;
    }
    // Two columns on one line ("- TT. Thành ủy; KT. CHỦ TỊCH"): the authority part is the signature's.
    const split = AUTHORITY_INSIDE().exec(line.text);
    if (split && split.index > 0) {
      footerLine(trim(slice(line, 0, split.index)));
      footerLine(trim(slice(line, split.index, line.text.length)));
      return;
    }
    if (inRecipients && /^[-–+•]/u.test(line.text)) recipientLines.push(line);
    else if (signatureLike(line.text)) signatureLines.push(line);
    else if (inRecipients && recipientLines.length > 0) recipientLines.push(line);
    else signatureLines.push(line);
  };
  const footerLines = (spans: Span[]) => {
    for (const line of spans) footerLine(line);
  };

  for (let i = bodyStart; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'table') {
      if (skipTables.has(i)) continue;
      const table = toTable(block, out.cellSpans);
      // Layout tables (the header block, Nơi nhận | signature) become meta, recipients, signature.
      if (table.role === 'header') continue;
      if (table.role === 'footer') {
        footerLines(layoutLines(block));
        mode = 'footer';
        continue;
      }
      const index = out.tables.length;
      out.tables.push(table);
      if (appendix) appendix.tables.push(index);
      for (const row of block.rows) for (const cell of row.cells) out.units.push({ span: cell, where: mode === 'appendix' ? 'appendix' : 'table', section, item: null });
      continue;
    }
    const rawText = block.span.text;
    const firstLines = rawText.split('\n').slice(0, 4);
    // "PHỤ LỤC …", or after the signature a capitalised title followed by "(Kèm theo Kế hoạch số …)".
    const appendixStart =
      isAppendixHeading(firstLines[0]!) ||
      (mode === 'footer' && isUpperText(firstLines[0]!) && firstLines.slice(1).some((l) => /^\(?\s*Kèm theo/u.test(l.trim())));
    if (mode !== 'appendix' && appendixStart) {
      mode = 'appendix';
      const ls = lines(block.span);
      const heading = squash(ls[0]!.text.replace(/[*_#]/g, ' '));
      const named = isAppendixHeading(heading);
      const labelMatch = named ? /^\S+\s+\S+\s+(?:số\s+)?([IVX]+|\d+)(?![\p{L}\d])/u.exec(heading) : null;
      // "PHỤ LỤC I" + title lines; or an untitled-appendix whose capitalised first lines are the title.
      const titleLines = named ? ls.slice(1) : ls.filter((l) => isUpperText(l.text));
      appendix = {
        type: 'appendix',
        label: labelMatch?.[1] ?? null,
        title: squash(titleLines.map((l) => l.text).join(' ').replace(/[*_#]/g, ' ')),
        tables: [],
        ...locate(block.span),
      };
      out.appendices.push(appendix);
      continue;
    }
    if (mode === 'appendix') {
      if (appendix && !appendix.title && block.kind === 'para') appendix.title = squash(rawText.replace(/[*_#]/g, ' '));
      out.units.push({ span: unwrap(block.span), where: 'appendix', section: null, item: null });
      continue;
    }
    if (isRecipientsHeading(rawText) || isAuthorityLine(rawText) || mode === 'footer') {
      mode = 'footer';
      footerLines(lines(block.span));
      continue;
    }
    // Body text: visual lines become running text.
    const span = unwrap(block.span);
    const text = span.text;
    if (mode === 'closing' || (section && startsWithAny(text, documentParts().closingStarters.words))) {
      mode = 'closing';
      out.closing.push(paragraph(span));
      out.units.push({ span: span, where: 'closing', section: null, item: null });
      continue;
    }
    const label = parseLabel(text);
    if (label?.kind === 'roman' && isSectionHeading(text, label)) {
      let headingSpan = trim(slice(span, label.length, text.length));
      let inline: Span | null = null;
      // "III. KINH PHÍ THỰC HIỆN: Từ nguồn …" — heading, then content on the same line.
      const colon = headingSpan.text.indexOf(':');
      if (colon > 0 && colon < headingSpan.text.length - 1 && isUpperText(headingSpan.text.slice(0, colon))) {
        inline = trim(slice(headingSpan, colon + 1, headingSpan.text.length));
        headingSpan = trim(slice(headingSpan, 0, colon));
      }
      const heading = squash(headingSpan.text.replace(/[*_#]/g, ' '));
      section = {
        type: 'section',
        numeral: label.raw.replace(/[.:/\s]+$/u, ''),
        heading,
        kind: sectionKind(heading),
        ...locate(span),
        items: [],
      };
      out.sections.push(section);
      out.sectionSpans.set(section, headingSpan);
      stack = [];
      out.units.push({ span: headingSpan, where: 'section', section, item: null });
      if (inline && inline.text) addItem(inline, null);
      continue;
    }
    if (!section) {
      out.preamble.push(paragraph(span));
      out.units.push({ span: span, where: 'preamble', section: null, item: null });
      continue;
    }
    addItem(span, label);
  }

  if (recipientLines.length > 0) {
    const all = join(recipientLines, '\n');
    out.recipients = {
      type: 'recipients',
      items: recipientLines.map((l) => textLine(trim(l))),
      ...locate(all),
    };
  }
  if (signatureLines.length > 0) out.signature = parseSignature(signatureLines);
  return out;
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

function parseSignature(spans: Span[]): Signature {
  const authority: string[] = [];
  const titles: string[] = [];
  let signer: string | null = null;
  const lineNodes: TextLine[] = [];
  for (const span of spans) {
    const text = squash(span.text.replace(/[*_#]/g, ' '));
    if (!text) continue;
    lineNodes.push({ type: 'line', text, ...locate(span) });
    if (isAuthorityLine(text)) authority.push(text);
    else if (isUpperText(text) && !signer) titles.push(text);
    else if (SIGNER.test(text) && !signer) signer = text;
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
