/**
 * Adds Word comments to a .docx package: one `w:comment` per note, anchored with
 * commentRangeStart/End + a commentReference run on the text the note covers.
 *
 * Only these parts change: the main document part, the comments part (created when missing),
 * [Content_Types].xml (an Override for a new comments part) and the main part's .rels (its
 * relationship). Every other part is copied byte for byte (the zip is re-written with fflate, so
 * entries are re-compressed, but their content is identical).
 *
 * Paragraphs are numbered as the parser numbers them (src/parse/docx-xml.ts): every w:p in
 * document order, table cells and text boxes included, `mc:Choice` alternatives skipped. A
 * note's range is found by searching its text in the paragraph's run text (w:t, w:tab, w:br),
 * compared NFC with white space collapsed, the occurrence nearest to the parser's column; the
 * runs are split at the range's ends. When the text is not found there (a numbering label, text
 * from a field mammoth shows differently, a paragraph inside a text box) the whole paragraph is
 * the anchor — inside a text box, the outermost paragraph holding it, since Word reads the
 * mc:Choice copy of a text box, not the Fallback we count in.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { decodeEntities, parseXmlTree } from '../parse/docx-xml.js';
import { InputError } from '../util/errors.js';
import { joinPartPath, relsPathOf } from '../parse/package-paths.js';

export interface CommentNote {
  /** 1-based Word paragraph (as in LintMessage.paragraph); 0: the document as a whole. */
  paragraph: number;
  /** Last paragraph of the range (default: `paragraph`). */
  endParagraph?: number | undefined;
  /** The text to anchor on (the finding's excerpt; a trailing "…" marks a cut excerpt). */
  text: string;
  /** 1-based column of the start in the parser's paragraph text (a hint among several matches). */
  column: number;
  /** The comment's paragraphs. */
  body: string[];
}

/** A certain fix (`kh annotate --fix`): in paragraph `paragraph`, replace `expected` by `text`. */
export interface FixNote {
  /** 1-based Word paragraph. */
  paragraph: number;
  /** 1-based column of `expected` in the parser's paragraph text (a hint among several matches). */
  column: number;
  expected: string;
  text: string;
}

/**
 * Tracked changes carry a fixed date, so the same input gives the same bytes (Word shows it in
 * the change's balloon; the author "kh" says who proposed it).
 */
export const TRACKED_CHANGE_DATE = '2000-01-01T00:00:00Z';

export interface PlacedComment {
  id: number;
  /** 'text': on the note's text; 'paragraph': on whole paragraph(s). */
  anchor: 'text' | 'paragraph';
}

const WML_URIS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const STRICT_COMMENTS_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

const TOKEN_RE =
  /<(\/?)([A-Za-z_][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>/g;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Removes characters XML 1.0 cannot carry (control characters other than tab/newline). */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

function decodePart(bytes: Uint8Array, name: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError('docx-corrupt', {
      reason: `${name}: UTF-16 parts are not supported for annotation`,
    });
  }
  const text = strFromU8(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The prefix bound to the WordprocessingML namespace on the part's root element. */
function wordPrefix(xml: string): string {
  const re = new RegExp(TOKEN_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[2] === undefined) continue;
    for (const a of (m[3] ?? '').matchAll(/xmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (WML_URIS.includes(a[2] ?? a[3] ?? '')) return a[1] ?? '';
    }
    break;
  }
  return 'w';
}

// ---------------------------------------------------------------------------------------------
// document.xml: paragraphs and their runs

interface RunChild {
  xml: string;
  /** Text this child shows (w:t text, "\t" for w:tab, "\n" for w:br/w:cr), else "". */
  text: string;
  isText: boolean;
}

interface Run {
  start: number;
  end: number;
  /** The run's opening tag and rPr (kept on every piece of a split). */
  open: string;
  props: string;
  close: string;
  children: RunChild[];
  /** Offset of the run's text in its paragraph's text. */
  at: number;
  length: number;
  /** A child of the w:p itself (not inside a hyperlink, a field, an existing w:ins, …). */
  direct?: boolean;
}

interface Paragraph {
  index: number;
  start: number;
  /** End of the opening tag. */
  openEnd: number;
  /** Where the properties end (content starts). */
  contentStart: number;
  /** Start of the closing tag (= start for a self-closing w:p). */
  closeStart: number;
  end: number;
  selfClosing: boolean;
  runs: Run[];
  text: string;
  /** Index of the outermost paragraph holding this one (itself at top level). */
  outer: number;
  /** Inside a text box or an mc:Fallback: the anchor goes on `outer`. */
  nested: boolean;
}

function parseRun(xml: string, start: number, end: number, w: string): Omit<Run, 'at'> | null {
  const q = (n: string) => (w ? `${w}:${n}` : n);
  const re = new RegExp(TOKEN_RE.source, 'g');
  re.lastIndex = start;
  const first = re.exec(xml);
  if (!first || first.index !== start) return null;
  const openEnd = start + first[0].length;
  const closeStart = xml.lastIndexOf('<', end - 1);
  let props = '';
  const children: RunChild[] = [];
  let depth = 0;
  let childStart = -1;
  let childName = '';
  re.lastIndex = openEnd;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null && m.index < closeStart) {
    const name = m[2];
    if (name === undefined) continue;
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (closing) {
      depth--;
      if (depth === 0) finish(m.index + m[0].length);
      continue;
    }
    if (depth === 0) {
      childStart = m.index;
      childName = name;
      if (selfClosing) {
        finish(m.index + m[0].length);
        continue;
      }
    }
    if (!selfClosing) depth++;
  }
  function finish(childEnd: number) {
    const childXml = xml.slice(childStart, childEnd);
    if (childName === q('rPr')) props += childXml;
    else if (childName === q('t')) {
      const inner = /^<[^>]*\/>$/.test(childXml)
        ? ''
        : childXml.slice(childXml.indexOf('>') + 1, childXml.lastIndexOf('<'));
      children.push({ xml: childXml, text: decodeEntities(inner), isText: true });
    } else if (childName === q('tab')) children.push({ xml: childXml, text: '\t', isText: false });
    else if (childName === q('br') || childName === q('cr'))
      children.push({ xml: childXml, text: '\n', isText: false });
    else children.push({ xml: childXml, text: '', isText: false });
  }
  const length = children.reduce((n, c) => n + c.text.length, 0);
  return {
    start,
    end,
    open: xml.slice(start, openEnd),
    props,
    close: xml.slice(closeStart, end),
    children,
    length,
  };
}

/** Paragraphs of document.xml, numbered like the parser. */
// long: one tokenizer pass that must count paragraphs exactly as the parser does (docx-xml.ts scanDocument)
export function scanParagraphs(xml: string, w: string): Paragraph[] {
  const q = (n: string) => (w ? `${w}:${n}` : n);
  const P = q('p');
  const R = q('r');
  const re = new RegExp(TOKEN_RE.source, 'g');
  const result: Paragraph[] = [];
  const pStack: { para: Paragraph; depth: number }[] = [];
  let depth = 0;
  let skipDepth = -1;
  let nestDepth = 0; // open mc:Fallback / txbxContent elements
  const nestStack: number[] = [];
  let runStart = -1;
  let runDepth = -1;
  let runPara: Paragraph | null = null;
  let runDirect = false;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const name = m[2];
    if (name === undefined) continue;
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const local = name.slice(name.indexOf(':') + 1);
    if (closing) {
      if (skipDepth === depth) skipDepth = -1;
      else if (skipDepth < 0) {
        if (nestStack.length && nestStack[nestStack.length - 1] === depth) {
          nestStack.pop();
          nestDepth--;
        }
        if (name === R && runDepth === depth && runPara) {
          const run = parseRun(xml, runStart, m.index + m[0].length, w);
          if (run) {
            runPara.runs.push({ ...run, at: runPara.text.length, direct: runDirect });
            runPara.text += run.children.map((c) => c.text).join('');
          }
          runDepth = -1;
          runPara = null;
        }
        if (name === P && pStack.length && pStack[pStack.length - 1]!.depth === depth) {
          const { para } = pStack.pop()!;
          para.closeStart = m.index;
          para.end = m.index + m[0].length;
        }
      }
      depth--;
      continue;
    }
    const d = depth + 1;
    if (!selfClosing) depth = d;
    if (skipDepth >= 0) continue;
    if (local === 'Choice' && !selfClosing) {
      skipDepth = d;
      continue;
    }
    if ((local === 'Fallback' || local === 'txbxContent') && !selfClosing) {
      nestStack.push(d);
      nestDepth++;
    }
    if (name === P) {
      const tagEnd = m.index + m[0].length;
      const outer = pStack.length ? pStack[0]!.para.index : result.length + 1;
      const para: Paragraph = {
        index: result.length + 1,
        start: m.index,
        openEnd: tagEnd,
        contentStart: tagEnd,
        closeStart: selfClosing ? m.index : -1,
        end: tagEnd,
        selfClosing,
        runs: [],
        text: '',
        outer,
        nested: nestDepth > 0 || pStack.length > 0,
      };
      result.push(para);
      if (!selfClosing) pStack.push({ para, depth: d });
      continue;
    }
    const top = pStack[pStack.length - 1];
    if (top && d === top.depth + 1 && local === 'pPr') {
      if (selfClosing) top.para.contentStart = m.index + m[0].length;
      else {
        // Content starts after the matching close tag.
        const close = xml.indexOf(`</${name}>`, m.index);
        if (close >= 0) top.para.contentStart = close + name.length + 3;
      }
    }
    if (name === R && runDepth < 0 && top && !selfClosing) {
      runStart = m.index;
      runDepth = d;
      runPara = top.para;
      runDirect = d === top.depth + 1;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Finding a note's text in a paragraph

/** NFC, white space collapsed, with each output character's source range in `text`. */
function normalizeWithMap(text: string): { norm: string; from: number[]; to: number[] } {
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      norm += ' ';
      from.push(i);
      to.push(j);
      i = j;
      continue;
    }
    // A base character and the marks after it, composed together.
    let j = i + 1;
    if (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff && j < text.length) j++;
    while (j < text.length && /\p{M}/u.test(text[j]!)) j++;
    const piece = text.slice(i, j).normalize('NFC');
    for (const ch of piece) {
      for (let k = 0; k < ch.length; k++) {
        norm += ch[k];
        from.push(i);
        to.push(j);
      }
    }
    i = j;
  }
  return { norm, from, to };
}

/** [start, end) in the paragraph's run text where `needle` stands, or null. */
export function findInParagraph(
  paragraphText: string,
  needle: string,
  column: number,
): [number, number] | null {
  let wanted = needle.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (wanted.endsWith('…') && wanted.length > 1) wanted = wanted.slice(0, -1).trimEnd();
  if (!wanted) return null;
  const { norm, from, to } = normalizeWithMap(paragraphText);
  const hint = Math.max(0, column - 1);
  let best = -1;
  for (let at = norm.indexOf(wanted); at >= 0; at = norm.indexOf(wanted, at + 1)) {
    if (best < 0 || Math.abs(from[at]! - hint) < Math.abs(from[best]! - hint)) best = at;
  }
  if (best < 0) return null;
  return [from[best]!, to[best + wanted.length - 1]!];
}

// ---------------------------------------------------------------------------------------------
// Writing

function textChild(text: string, w: string): string {
  const t = w ? `${w}:t` : 't';
  return `<${t} xml:space="preserve">${escapeXml(text)}</${t}>`;
}

/** The run cut at paragraph-text offsets `cuts` (sorted, strictly inside it): one run per piece. */
function splitRun(run: Run, cuts: number[], w: string): { xml: string; at: number; end: number }[] {
  const bounds = [run.at, ...cuts, run.at + run.length];
  const pieces: string[][] = bounds.slice(1).map(() => []);
  const pieceAt = (pos: number) => {
    let k = 0;
    while (k < pieces.length - 1 && bounds[k + 1]! <= pos) k++;
    return k;
  };
  let pos = run.at;
  for (const child of run.children) {
    const length = child.text.length;
    const first = pieceAt(pos);
    const last = length > 0 ? pieceAt(pos + length - 1) : first;
    if (first === last || !child.isText) pieces[first]!.push(child.xml);
    else {
      for (let k = first; k <= last; k++) {
        const from = Math.max(bounds[k]!, pos) - pos;
        const to = Math.min(bounds[k + 1]!, pos + length) - pos;
        pieces[k]!.push(textChild(child.text.slice(from, to), w));
      }
    }
    pos += length;
  }
  return pieces.map((children, k) => ({
    xml: `${run.open}${run.props}${children.join('')}${run.close}`,
    at: bounds[k]!,
    end: bounds[k + 1]!,
  }));
}

interface Anchor {
  id: number;
  paragraph: Paragraph;
  endParagraph: Paragraph;
  range: [number, number] | null;
}

/** A fix placed on runs of one paragraph: [start, end) of its run text. */
interface PlacedFix {
  paragraph: Paragraph;
  range: [number, number];
  text: string;
  /** The run properties of the first replaced run, for the inserted run. */
  props: string;
}

/** The range of `fix` in its paragraph's runs, when it maps exactly onto plain text runs. */
function placeFix(paragraphs: Paragraph[], fix: FixNote): PlacedFix | null {
  const para = paragraphs[fix.paragraph - 1];
  if (!para || para.nested || para.selfClosing || !fix.expected || /[\t\n\r]/.test(fix.text + fix.expected))
    return null;
  const hint = Math.max(0, fix.column - 1);
  let best = -1;
  for (let at = para.text.indexOf(fix.expected); at >= 0; at = para.text.indexOf(fix.expected, at + 1)) {
    if (best < 0 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
  }
  if (best < 0) return null;
  const range: [number, number] = [best, best + fix.expected.length];
  const covered = para.runs.filter((r) => r.at < range[1] && r.at + r.length > range[0]);
  // Only plain text runs directly in the paragraph: no tab, break, field, drawing, hyperlink or
  // earlier tracked change inside the range, and no empty run (a field mark) between them.
  if (covered.length === 0 || covered.some((r) => !r.direct || r.children.some((c) => !c.isText)))
    return null;
  if (para.runs.some((r) => r.length === 0 && r.at > range[0] && r.at < range[1])) return null;
  return { paragraph: para, range, text: fix.text, props: covered[0]!.props };
}

/** A run piece's w:t children as w:delText (the piece holds text children only). */
function asDeleted(pieceXml: string, w: string): string {
  const t = w ? `${w}:t` : 't';
  const del = w ? `${w}:delText` : 'delText';
  return pieceXml
    .replace(new RegExp(`<${t}(?:\\s[^>]*)?/>`, 'g'), '')
    .replace(new RegExp(`<${t}(?:\\s[^>]*)?>`, 'g'), `<${del} xml:space="preserve">`)
    .replace(new RegExp(`</${t}>`, 'g'), `</${del}>`);
}

function changeAttrs(id: number, w: string): string {
  const q = (n: string) => (w ? `${w}:${n}` : n);
  return `${q('id')}="${id}" ${q('author')}="kh" ${q('date')}="${TRACKED_CHANGE_DATE}"`;
}

function referenceRun(id: number, w: string): string {
  const q = (n: string) => (w ? `${w}:${n}` : n);
  return `<${q('r')}><${q('commentReference')} ${q('id')}="${id}"/></${q('r')}>`;
}

function rangeMark(kind: 'Start' | 'End', id: number, w: string): string {
  const q = (n: string) => (w ? `${w}:${n}` : n);
  return `<${q(`commentRange${kind}`)} ${q('id')}="${id}"/>`;
}

/** Rewrites document.xml with the anchors' markers. */
function placeAnchors(
  xml: string,
  anchors: Anchor[],
  w: string,
  fixes: PlacedFix[] = [],
  changeIds = { next: 0 },
): string {
  const q = (n: string) => (w ? `${w}:${n}` : n);
  // Edits: [start, end, replacement], applied from the end.
  const edits: { start: number; end: number; text: string }[] = [];
  const textAnchorsByPara = new Map<Paragraph, Anchor[]>();
  const before = new Map<number, string[]>(); // xml offset → insertions (starts)
  const after = new Map<number, string[]>(); // xml offset → insertions (ends + references)
  const push = (map: Map<number, string[]>, at: number, text: string) => {
    const list = map.get(at) ?? [];
    list.push(text);
    map.set(at, list);
  };
  for (const anchor of anchors) {
    if (anchor.range) {
      const list = textAnchorsByPara.get(anchor.paragraph) ?? [];
      list.push(anchor);
      textAnchorsByPara.set(anchor.paragraph, list);
    } else {
      push(before, anchor.paragraph.contentStart, rangeMark('Start', anchor.id, w));
      push(
        after,
        anchor.endParagraph.closeStart,
        rangeMark('End', anchor.id, w) + referenceRun(anchor.id, w),
      );
    }
  }
  const fixesByPara = new Map<Paragraph, PlacedFix[]>();
  for (const fix of fixes) fixesByPara.set(fix.paragraph, [...(fixesByPara.get(fix.paragraph) ?? []), fix]);
  for (const para of new Set([...textAnchorsByPara.keys(), ...fixesByPara.keys()])) {
    const list = textAnchorsByPara.get(para) ?? [];
    const paraFixes = fixesByPara.get(para) ?? [];
    const cuts = [...new Set([...list.flatMap((a) => a.range!), ...paraFixes.flatMap((f) => f.range)])].sort(
      (a, b) => a - b,
    );
    for (const run of para.runs) {
      const text = rewriteRun(xml, run, para, cuts, list, paraFixes, w, changeIds);
      if (text !== xml.slice(run.start, run.end)) edits.push({ start: run.start, end: run.end, text });
    }
  }
  for (const [at, list] of before) edits.push({ start: at, end: at, text: list.join('') });
  for (const [at, list] of after) edits.push({ start: at, end: at, text: list.join('') });
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = xml;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** One run of a paragraph cut at the anchors' and fixes' edges: range marks, deletions and insertions placed. */
function rewriteRun(
  xml: string,
  run: Run,
  para: Paragraph,
  cuts: number[],
  list: Anchor[],
  paraFixes: PlacedFix[],
  w: string,
  changeIds: { next: number },
): string {
  const q = (n: string) => (w ? `${w}:${n}` : n);
  const inner = cuts.filter((c) => c > run.at && c < run.at + run.length);
  const pieces = inner.length
    ? splitRun(run, inner, w)
    : [{ xml: xml.slice(run.start, run.end), at: run.at, end: run.at + run.length }];
  const out: string[] = [];
  pieces.forEach((piece, i) => {
    for (const a of list) {
      // The start goes before the first piece with text starting at range[0].
      if (piece.at === a.range![0] && piece.end > piece.at && firstPieceAt(para, a.range![0], run, i, pieces))
        out.push(rangeMark('Start', a.id, w));
    }
    const fix =
      piece.end > piece.at
        ? paraFixes.find((f) => f.range[0] <= piece.at && piece.end <= f.range[1])
        : undefined;
    if (fix) {
      out.push(`<${q('del')} ${changeAttrs(changeIds.next++, w)}>${asDeleted(piece.xml, w)}</${q('del')}>`);
      if (piece.end === fix.range[1] && fix.text) {
        out.push(
          `<${q('ins')} ${changeAttrs(changeIds.next++, w)}><${q('r')}>${fix.props}${textChild(xmlSafe(fix.text), w)}</${q('r')}></${q('ins')}>`,
        );
      }
    } else out.push(piece.xml);
    for (const a of list) {
      if (
        piece.end === a.range![1] &&
        piece.end > piece.at &&
        lastPieceAt(para, a.range![1], run, i, pieces)
      ) {
        out.push(rangeMark('End', a.id, w), referenceRun(a.id, w));
      }
    }
  });
  return out.join('');
}

/** Whether piece i of `run` is the first piece in the paragraph with text starting at `at`. */
function firstPieceAt(
  para: Paragraph,
  at: number,
  run: Run,
  i: number,
  pieces: { at: number; end: number }[],
): boolean {
  for (const r of para.runs) {
    if (r === run) break;
    if (r.length > 0 && r.at === at) return false;
  }
  for (let k = 0; k < i; k++) if (pieces[k]!.at === at && pieces[k]!.end > at) return false;
  return true;
}

/** Whether piece i of `run` is the last piece in the paragraph with text ending at `end`. */
function lastPieceAt(
  para: Paragraph,
  end: number,
  run: Run,
  i: number,
  pieces: { at: number; end: number }[],
): boolean {
  let seen = false;
  for (const r of para.runs) {
    if (seen && r.length > 0 && r.at + r.length === end) return false;
    if (r === run) seen = true;
  }
  for (let k = i + 1; k < pieces.length; k++)
    if (pieces[k]!.end === end && pieces[k]!.end > pieces[k]!.at) return false;
  return true;
}

function commentXml(id: number, body: string[], w: string): string {
  const q = (n: string) => (w ? `${w}:${n}` : n);
  const paragraphs = body
    .map((line) => `<${q('p')}><${q('r')}>${textChild(xmlSafe(line), w)}</${q('r')}></${q('p')}>`)
    .join('');
  return `<${q('comment')} ${q('id')}="${id}" ${q('author')}="kh" ${q('initials')}="kh">${paragraphs}</${q('comment')}>`;
}

export interface AnnotateResult {
  data: Uint8Array;
  placed: PlacedComment[];
  /** Names of the parts that changed. */
  changed: string[];
  /** How many fixes were written as tracked changes. */
  fixed: number;
}

/** The package `data` with `notes` as comments. Notes whose paragraph does not exist are skipped. */
// long: one rewrite of the package: comments, ranges, tracked changes and the ids they share must stay in step
export function addComments(
  data: Uint8Array,
  notes: readonly CommentNote[],
  fixNotes: readonly FixNote[] = [],
): AnnotateResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data);
  } catch (error) {
    throw new InputError('not-zip', {}, error);
  }
  const order = Object.keys(files);
  const packageRels = files['_rels/.rels'] ? decodePart(files['_rels/.rels'], '_rels/.rels') : '';
  const mainRel = parseXmlTree(packageRels || '<Relationships/>')
    .children.flatMap((c) => [c, ...c.children])
    .find((r) => r.name === 'Relationship' && (r.attrs['Type'] ?? '').endsWith('/officeDocument'));
  const mainPath = mainRel?.attrs['Target'] ? joinPartPath('', mainRel.attrs['Target']) : 'word/document.xml';
  if (!files[mainPath]) throw new InputError('no-document-xml');
  const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/')) : '';
  const relsPath = relsPathOf(mainPath);
  let rels = files[relsPath]
    ? decodePart(files[relsPath], relsPath)
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const relTree = parseXmlTree(rels);
  const relList = relTree.children.flatMap((c) =>
    c.name === 'Relationship' ? [c] : c.children.filter((x) => x.name === 'Relationship'),
  );
  const commentsRel = relList.find(
    (r) => r.attrs['Type'] === COMMENTS_REL || r.attrs['Type'] === STRICT_COMMENTS_REL,
  );
  const commentsPath = commentsRel?.attrs['Target']
    ? joinPartPath(dir, commentsRel.attrs['Target'])
    : `${dir ? `${dir}/` : ''}comments.xml`;

  const documentXml = decodePart(files[mainPath], mainPath);
  const w = wordPrefix(documentXml);
  const paragraphs = scanParagraphs(documentXml, w);
  const existingComments = files[commentsPath] ? decodePart(files[commentsPath], commentsPath) : null;
  if (files[commentsPath] && !commentsRel)
    throw new InputError('docx-corrupt', { reason: `${commentsPath} exists without a relationship` });

  // Fresh ids above every id already used by comments or their markers.
  let nextId = 0;
  for (const source of [documentXml, existingComments ?? '']) {
    for (const m of source.matchAll(
      /<[\w.-]*:?(?:comment|commentRangeStart|commentRangeEnd|commentReference)\b[^>]*?\b(?:[\w.-]+:)?id="(-?\d+)"/g,
    )) {
      nextId = Math.max(nextId, Number(m[1]) + 1);
    }
  }

  const anchors: Anchor[] = [];
  const placed: PlacedComment[] = [];
  const comments: string[] = [];
  const cw = existingComments ? wordPrefix(existingComments) : w;
  // Paragraph 0: the document as a whole (a missing part): its first paragraph with text.
  const firstWithText =
    paragraphs.find((p) => !p.nested && p.text.trim() !== '') ?? paragraphs.find((p) => !p.selfClosing);
  for (const note of notes) {
    let para = note.paragraph === 0 ? firstWithText : paragraphs[note.paragraph - 1];
    if (!para) continue;
    let endPara = (note.endParagraph ? paragraphs[note.endParagraph - 1] : undefined) ?? para;
    let range: [number, number] | null = null;
    if (!para.nested && !para.selfClosing && (note.endParagraph ?? note.paragraph) === note.paragraph) {
      range = findInParagraph(para.text, note.text, note.column);
    }
    if (!range) {
      if (para.nested) para = paragraphs[para.outer - 1]!;
      if (endPara.nested) endPara = paragraphs[endPara.outer - 1]!;
      if (endPara.index < para.index || endPara.selfClosing) endPara = para;
      if (para.selfClosing) continue; // an empty paragraph: nothing a finding could point at
    }
    const id = nextId++;
    anchors.push({ id, paragraph: para, endParagraph: endPara, range });
    placed.push({ id, anchor: range ? 'text' : 'paragraph' });
    comments.push(commentXml(id, note.body, cw));
  }

  // Fixes: non-overlapping, in place order; tracked-change ids above every id in use.
  const placedFixes: PlacedFix[] = [];
  for (const fixNote of fixNotes) {
    const fix = placeFix(paragraphs, fixNote);
    if (!fix) continue;
    if (
      placedFixes.some(
        (f) => f.paragraph === fix.paragraph && f.range[0] < fix.range[1] && fix.range[0] < f.range[1],
      )
    )
      continue;
    placedFixes.push(fix);
  }
  let maxId = nextId - 1;
  for (const source of [documentXml, existingComments ?? '']) {
    for (const m of source.matchAll(/\bid="(\d+)"/g)) maxId = Math.max(maxId, Number(m[1]));
  }
  const changeIds = { next: maxId + 1 };

  const out: Record<string, Uint8Array> = { ...files };
  const changed: string[] = [];
  if (anchors.length === 0 && placedFixes.length > 0) {
    out[mainPath] = strToU8(placeAnchors(documentXml, [], w, placedFixes, changeIds));
    changed.push(mainPath);
  }
  if (anchors.length > 0) {
    out[mainPath] = strToU8(placeAnchors(documentXml, anchors, w, placedFixes, changeIds));
    changed.push(mainPath);
    if (existingComments) {
      const close = existingComments.lastIndexOf('</');
      const selfClose = /<([\w.-]+:)?comments\b[^>]*\/>\s*$/.exec(existingComments);
      const merged = selfClose
        ? `${existingComments.slice(0, selfClose.index)}${selfClose[0].replace(/\/>\s*$/, '>')}${comments.join('')}</${cw ? `${cw}:` : ''}comments>`
        : `${existingComments.slice(0, close)}${comments.join('')}${existingComments.slice(close)}`;
      out[commentsPath] = strToU8(merged);
    } else {
      const ns =
        documentXml.includes(WML_URIS[1]!) && !documentXml.includes(WML_URIS[0]!)
          ? WML_URIS[1]!
          : WML_URIS[0]!;
      out[commentsPath] = strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${w ? `${w}:` : ''}comments xmlns${w ? `:${w}` : ''}="${ns}">${comments.join('')}</${w ? `${w}:` : ''}comments>`,
      );
      // The relationship and the content type of the new part.
      const ids = new Set(relList.map((r) => r.attrs['Id']));
      let n = 1;
      while (ids.has(`rIdKh${n}`)) n++;
      const target =
        dir && commentsPath.startsWith(`${dir}/`) ? commentsPath.slice(dir.length + 1) : `/${commentsPath}`;
      const relXml = `<Relationship Id="rIdKh${n}" Type="${COMMENTS_REL}" Target="${target}"/>`;
      const relClose = rels.lastIndexOf('</Relationships>');
      rels =
        relClose >= 0
          ? `${rels.slice(0, relClose)}${relXml}${rels.slice(relClose)}`
          : rels.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${relXml}</Relationships>`);
      out[relsPath] = strToU8(rels);
      changed.push(relsPath);
      const typesName = '[Content_Types].xml';
      const types = files[typesName] ? decodePart(files[typesName], typesName) : null;
      if (!types) throw new InputError('docx-corrupt', { reason: 'no [Content_Types].xml' });
      if (!types.includes(`PartName="/${commentsPath}"`)) {
        const typesClose = types.lastIndexOf('</Types>');
        if (typesClose < 0)
          throw new InputError('docx-corrupt', { reason: '[Content_Types].xml: no </Types>' });
        out[typesName] = strToU8(
          `${types.slice(0, typesClose)}<Override PartName="/${commentsPath}" ContentType="${COMMENTS_TYPE}"/>${types.slice(typesClose)}`,
        );
        changed.push(typesName);
      }
      if (!order.includes(commentsPath)) order.push(commentsPath);
      if (!order.includes(relsPath)) order.push(relsPath);
    }
    changed.push(commentsPath);
  }

  const zippable: Zippable = {};
  for (const name of order) {
    const bytes = out[name]!;
    // Already-compressed media are stored; XML is deflated.
    zippable[name] = /\.(png|jpe?g|gif|emf|wmf|tiff?|bmp|zip|docx|xlsx|bin)$/i.test(name)
      ? [bytes, { level: 0 }]
      : [bytes, { level: 6 }];
  }
  return { data: zipSync(zippable), placed, changed, fixed: placedFixes.length };
}
