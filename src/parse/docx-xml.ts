/**
 * Small, allocation-light XML helpers for the .docx parser.
 *
 *  - `parseXmlTree` builds a tiny element tree (local names, attributes, no text) for the
 *    auxiliary parts we read ourselves (numbering.xml, styles.xml, .rels);
 *  - `scanDocument` walks word/document.xml once, token by token: it counts the Word paragraphs
 *    (w:p in document order, table cells and text boxes included, `mc:Choice` alternatives
 *    skipped because mammoth reads the `mc:Fallback`), records what the numbering engine needs
 *    (numPr, pStyle) and which table rows are real header rows, and injects a marker run at the
 *    start of every paragraph so that each piece of mammoth's output can be traced back to its
 *    paragraph.
 *
 * Both are regex tokenizers over the string: linear, never throw, lenient on odd input (mammoth's
 * own XML parser is the judge of well-formedness).
 */

export interface XmlElement {
  /** Local name (prefix stripped). */
  name: string;
  /** Attributes by local name (prefix stripped), entity-decoded. */
  attrs: Record<string, string>;
  children: XmlElement[];
}

// A start tag, an end tag, or a comment / CDATA section / processing instruction / doctype to skip.
const TOKEN_RE =
  /<(\/?)([A-Za-z_][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>/g;
const ATTR_RE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return NAMED_ENTITIES[e] ?? '';
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function parseAttrs(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (!raw) return attrs;
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(raw)) !== null) {
    attrs[localName(m[1]!)] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/**
 * Parse into a tree of elements (text content is dropped: the parts we read keep their data in
 * attributes). `mc:AlternateContent` is replaced by the children of its `mc:Fallback`, as mammoth
 * does.
 */
export function parseXmlTree(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const re = new RegExp(TOKEN_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const name = m[2];
    if (name === undefined) continue; // comment, PI, CDATA
    const local = localName(name);
    if (m[1] === '/') {
      // Pop to the matching element (lenient with stray end tags).
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]!.name === local) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    const el: XmlElement = { name: local, attrs: parseAttrs(m[3]!), children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (m[4] !== '/') stack.push(el);
  }
  collapseAlternateContent(root);
  return root;
}

function collapseAlternateContent(el: XmlElement): void {
  if (!el.children.some((c) => c.name === 'AlternateContent' || c.children.length > 0)) return;
  const out: XmlElement[] = [];
  for (const child of el.children) {
    if (child.name === 'AlternateContent') {
      const fallback = child.children.find((c) => c.name === 'Fallback');
      if (fallback) {
        collapseAlternateContent(fallback);
        out.push(...fallback.children);
      }
    } else {
      collapseAlternateContent(child);
      out.push(child);
    }
  }
  el.children = out;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

export function childVal(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['val'];
}

/** OOXML on/off value: absent val means on. */
export function isOn(val: string | undefined): boolean {
  return val === undefined || !(val === '0' || val === 'false' || val === 'off');
}

// ---------------------------------------------------------------------------------------------
// word/document.xml

export interface ParagraphInfo {
  /** Direct w:numPr values (undefined when absent). */
  numId: string | undefined;
  ilvl: number | undefined;
  /** Direct w:pStyle. */
  style: string | undefined;
  /** The paragraph mark is a tracked deletion: Word shows it merged with the next one. */
  deleted: boolean;
}

export interface RowInfo {
  /** w:tblHeader on in the row's w:trPr. */
  header: boolean;
  /** Index of the enclosing row (nested tables), -1 at top level. */
  parent: number;
  /** 1 for a row of a top-level table, 2 inside a cell of such a table … */
  depth: number;
  /** Index of the row's table in `DocumentScan.tables`. */
  table: number;
}

export interface TableInfo {
  /** The table's look as far as it tells a continued table from another one: its w:tblStyle and
   *  w:tblBorders as written ('' when it has neither, i.e. Word's borderless Normal Table). */
  look: string;
}

export interface DocumentScan {
  /** document.xml with a marker run at the start of every counted paragraph. */
  xml: string;
  /** Number of counted paragraphs; paragraph indices are 1..count. */
  count: number;
  /** Per paragraph, index 0 unused. */
  paragraphs: ParagraphInfo[];
  /** Innermost table row holding the paragraph (index into `rows`), -1 outside tables. */
  paragraphRow: Int32Array;
  rows: RowInfo[];
  tables: TableInfo[];
}

const WML_URIS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
const MC_URI = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** The prefix bound to `uri` on the first element (the root), '' for a default namespace. */
function prefixFor(rootAttrs: string, uris: string[], fallback: string): string {
  const re = /xmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rootAttrs)) !== null) {
    if (uris.includes(m[2] ?? m[3] ?? '')) return m[1] ?? '';
  }
  return fallback;
}

const VAL_RE = /(?:^|\s)(?:[^\s=:]+:)?val\s*=\s*(?:"([^"]*)"|'([^']*)')/;
function valOf(rawAttrs: string): string | undefined {
  const m = VAL_RE.exec(rawAttrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

/**
 * WordprocessingML elements that only carry layout or revision bookkeeping: nothing mammoth
 * turns into HTML we read. They are left out of the XML handed to mammoth (its DOM parser is most
 * of its run time, and these are about half of a real document's markup). Scanning still sees
 * them (w:numPr is read here, then dropped: we write the labels ourselves).
 */
const DROPPED_ELEMENTS = [
  // run properties
  'rFonts',
  'sz',
  'szCs',
  'lang',
  'color',
  'kern',
  'spacing',
  'w',
  'position',
  'noProof',
  'bCs',
  'iCs',
  'fitText',
  'eastAsianLayout',
  'effect',
  'em',
  'emboss',
  'imprint',
  'outline',
  'shadow',
  'webHidden',
  'specVanish',
  'cs',
  'rtl',
  'bdr',
  'rPrChange',
  // paragraph properties
  'keepNext',
  'keepLines',
  'pageBreakBefore',
  'framePr',
  'widowControl',
  'numPr',
  'suppressLineNumbers',
  'pBdr',
  'shd',
  'tabs',
  'suppressAutoHyphens',
  'kinsoku',
  'wordWrap',
  'overflowPunct',
  'topLinePunct',
  'autoSpaceDE',
  'autoSpaceDN',
  'bidi',
  'adjustRightInd',
  'snapToGrid',
  'ind',
  'contextualSpacing',
  'mirrorIndents',
  'suppressOverlap',
  'jc',
  'textDirection',
  'textAlignment',
  'textboxTightWrap',
  'outlineLvl',
  'divId',
  'cnfStyle',
  'pPrChange',
  'sectPr',
  // tables
  'tblPr',
  'tblGrid',
  'tblPrEx',
  'trHeight',
  'cantSplit',
  'tblCellSpacing',
  'tcW',
  'tcBorders',
  'noWrap',
  'tcMar',
  'tcFitText',
  'vAlign',
  'hideMark',
  'trPrChange',
  'tcPrChange',
  'tblHeader',
  // run content mammoth skips or we drop anyway (images)
  'proofErr',
  'lastRenderedPageBreak',
  'bookmarkStart',
  'bookmarkEnd',
  'permStart',
  'permEnd',
  'commentRangeStart',
  'commentRangeEnd',
  'drawing',
];

/**
 * Walk document.xml once. `marker(index)` gives the text of the marker run for paragraph `index`
 * (it must be XML-safe text). The returned `xml` is what mammoth reads: markers injected, layout
 * elements dropped, w:p/w:r/w:tr attributes (rsids, paraIds) dropped, w:cr written as w:br,
 * w:fldSimple unwrapped (mammoth does not know it and would lose the field's displayed text).
 */
export function scanDocument(xml: string, marker: (index: number) => string, indexOffset = 0): DocumentScan {
  const re = new RegExp(TOKEN_RE.source, 'g');
  let scan: DocumentScanner | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[2] === undefined) continue; // a comment, CDATA, processing instruction or doctype
    // The root element declares the prefixes.
    scan ??= new DocumentScanner(
      xml,
      marker,
      indexOffset,
      qualifiedNames(prefixFor(m[3]!, WML_URIS, 'w'), prefixFor(m[3]!, [MC_URI], 'mc')),
    );
    if (m[1] === '/') scan.closeTag(m);
    else scan.openTag(m);
  }
  return (scan ?? new DocumentScanner(xml, marker, indexOffset, qualifiedNames('w', 'mc'))).result();
}

/** The state of scanDocument's one pass, one method per step of a tag. */
class DocumentScanner {
  private readonly out: string[] = [];
  private last = 0; // end of what has been copied into `out`
  private readonly paragraphs: ParagraphInfo[] = [
    { numId: undefined, ilvl: undefined, style: undefined, deleted: false },
  ];
  private readonly paraRow: number[] = [-1];
  private readonly rows: RowInfo[] = [];
  private readonly tables: TableInfo[] = [];
  private readonly tableStack: { index: number; depth: number }[] = [];
  private tblPrStart = -1;
  private tblPrDepth = -1;
  private depth = 0; // depth of the current open element
  private skipDepth = -1; // inside mc:Choice when >= 0: neither counted nor written
  private skipWritten = false; // the skipped element was cut out of the output
  private dropDepth = -1; // inside a dropped element when >= 0: counted, not written
  // Paragraph stack (text boxes nest paragraphs inside paragraphs).
  private readonly pStack: { index: number; depth: number }[] = [];
  private readonly rowStack: { index: number; depth: number }[] = [];
  private pPrDepth = -1;
  private pPrPara = -1;
  private numPrDepth = -1;
  private pRprDepth = -1;
  private trPrDepth = -1;
  private trPrRow = -1;

  constructor(
    private readonly xml: string,
    private readonly marker: (index: number) => string,
    private readonly indexOffset: number,
    private readonly q: ReturnType<typeof qualifiedNames>,
  ) {}

  /** An end tag: leave skipped/dropped elements, pop the stacks, close the property elements. */
  closeTag(m: RegExpExecArray): void {
    const name = m[2]!;
    const tagEnd = m.index + m[0].length;
    const { q, depth } = this;
    if (this.skipDepth === depth) {
      this.skipDepth = -1;
      if (this.skipWritten) this.last = tagEnd;
    } else if (this.skipDepth < 0) {
      if (this.dropDepth === depth) {
        this.dropDepth = -1;
        this.last = tagEnd;
      } else if (this.dropDepth < 0 && name === q.fldSimple) {
        this.out.push(this.xml.slice(this.last, m.index));
        this.last = tagEnd;
      }
      if (name === q.p && top(this.pStack)?.depth === depth) this.pStack.pop();
      else if (name === q.tr && top(this.rowStack)?.depth === depth) this.rowStack.pop();
      else if (name === q.tbl && top(this.tableStack)?.depth === depth) this.tableStack.pop();
      if (depth === this.tblPrDepth && this.tableStack.length > 0) {
        this.tables[top(this.tableStack)!.index]!.look = tableLook(this.xml.slice(this.tblPrStart, tagEnd));
        this.tblPrDepth = -1;
      }
      if (depth === this.pPrDepth) this.pPrDepth = -1;
      if (depth === this.numPrDepth) this.numPrDepth = -1;
      if (depth === this.pRprDepth) this.pRprDepth = -1;
      if (depth === this.trPrDepth) this.trPrDepth = -1;
    }
    this.depth--;
  }

  /** A start tag (possibly self-closing): its depth is depth + 1. */
  openTag(m: RegExpExecArray): void {
    const name = m[2]!;
    const selfClosing = m[4] === '/';
    const d = this.depth + 1;
    if (!selfClosing) this.depth = d;
    if (this.skipDepth >= 0) return;
    if (name === this.q.Choice) return this.openChoice(m, d, selfClosing);
    const writing = this.dropDepth < 0;
    if (name === this.q.p) return this.openParagraph(m, d, selfClosing, writing);
    // What this scan reads: paragraph properties and row properties.
    this.readParagraphProperty(m, d, selfClosing);
    this.readTableTag(m, d, selfClosing);
    // What mammoth reads.
    if (writing) this.rewrite(m, d, selfClosing);
  }

  /** mammoth reads the mc:Fallback; the alternative is neither counted nor written. */
  private openChoice(m: RegExpExecArray, d: number, selfClosing: boolean): void {
    if (!selfClosing) {
      this.skipDepth = d;
      this.skipWritten = this.dropDepth < 0;
      if (this.skipWritten) this.out.push(this.xml.slice(this.last, m.index));
    } else if (this.dropDepth < 0) {
      this.out.push(this.xml.slice(this.last, m.index));
      this.last = m.index + m[0].length;
    }
  }

  /** A counted paragraph: its info, its row, and the marker run written at its start. */
  private openParagraph(m: RegExpExecArray, d: number, selfClosing: boolean, writing: boolean): void {
    const { q } = this;
    const index = this.paragraphs.length;
    this.paragraphs.push({ numId: undefined, ilvl: undefined, style: undefined, deleted: false });
    this.paraRow.push(top(this.rowStack)?.index ?? -1);
    if (writing) {
      this.out.push(
        this.xml.slice(this.last, m.index),
        q.pOpen,
        q.runOpen,
        this.marker(index + this.indexOffset),
        q.runClose,
      );
      if (selfClosing) this.out.push(q.pClose);
      this.last = m.index + m[0].length;
    }
    if (!selfClosing) this.pStack.push({ index, depth: d });
  }

  /** w:pStyle, w:numPr (w:ilvl, w:numId) and a deleted paragraph mark inside the paragraph's w:pPr. */
  private readParagraphProperty(m: RegExpExecArray, d: number, selfClosing: boolean): void {
    const para = top(this.pStack);
    if (!para) return;
    const { q } = this;
    const name = m[2]!;
    if (name === q.pPr && d === para.depth + 1 && this.pPrDepth < 0) {
      if (!selfClosing) {
        this.pPrDepth = d;
        this.pPrPara = para.index;
      }
      return;
    }
    if (this.pPrDepth < 0 || this.pPrPara !== para.index) return;
    const info = this.paragraphs[para.index]!;
    if (d === this.pPrDepth + 1) {
      if (name === q.pStyle) info.style = valOf(m[3]!);
      else if (name === q.numPr && !selfClosing) this.numPrDepth = d;
      else if (name === q.rPr && !selfClosing) this.pRprDepth = d;
    } else if (this.numPrDepth >= 0 && d === this.numPrDepth + 1) {
      if (name === q.ilvl) {
        const v = parseInt(valOf(m[3]!) ?? '', 10);
        if (Number.isFinite(v)) info.ilvl = v;
      } else if (name === q.numId) {
        info.numId = valOf(m[3]!);
      }
    } else if (this.pRprDepth >= 0 && d === this.pRprDepth + 1 && name === q.del) {
      info.deleted = true;
    }
  }

  /** Tables (their w:tblPr look), rows (nesting, table, w:tblHeader). */
  private readTableTag(m: RegExpExecArray, d: number, selfClosing: boolean): void {
    const { q } = this;
    const name = m[2]!;
    if (name === q.tbl) {
      this.tables.push({ look: '' });
      if (!selfClosing) this.tableStack.push({ index: this.tables.length - 1, depth: d });
    } else if (
      name === q.tblPr &&
      !selfClosing &&
      this.tableStack.length > 0 &&
      d === top(this.tableStack)!.depth + 1
    ) {
      this.tblPrStart = m.index;
      this.tblPrDepth = d;
    }
    if (name === q.tr) {
      this.rows.push({
        header: false,
        parent: top(this.rowStack)?.index ?? -1,
        depth: this.rowStack.length + 1,
        table: top(this.tableStack)?.index ?? -1,
      });
      if (!selfClosing) this.rowStack.push({ index: this.rows.length - 1, depth: d });
    } else if (this.rowStack.length > 0) {
      const row = top(this.rowStack)!;
      if (name === q.trPr && d === row.depth + 1 && !selfClosing) {
        this.trPrDepth = d;
        this.trPrRow = row.index;
      } else if (
        this.trPrDepth >= 0 &&
        d === this.trPrDepth + 1 &&
        this.trPrRow === row.index &&
        name === q.tblHeader
      ) {
        this.rows[row.index]!.header = isOn(valOf(m[3]!));
      }
    }
  }

  /** The XML mammoth reads: layout elements dropped, w:cr as w:br, w:fldSimple unwrapped, w:r/w:tr bare. */
  private rewrite(m: RegExpExecArray, d: number, selfClosing: boolean): void {
    const { q, out, xml } = this;
    const name = m[2]!;
    const tagEnd = m.index + m[0].length;
    if (q.dropped.has(name)) {
      out.push(xml.slice(this.last, m.index));
      if (selfClosing) this.last = tagEnd;
      else this.dropDepth = d;
    } else if (name === q.cr && selfClosing) {
      // A carriage return is a line break; mammoth does not know w:cr.
      out.push(xml.slice(this.last, m.index), q.br);
      this.last = tagEnd;
    } else if (name === q.fldSimple) {
      out.push(xml.slice(this.last, m.index));
      this.last = tagEnd;
    } else if ((name === q.r || name === q.tr) && m[3]!.trim() !== '') {
      out.push(xml.slice(this.last, m.index), selfClosing ? `<${name}/>` : `<${name}>`);
      this.last = tagEnd;
    }
  }

  result(): DocumentScan {
    this.out.push(this.xml.slice(this.last));
    return {
      xml: this.out.join(''),
      count: this.paragraphs.length - 1,
      paragraphs: this.paragraphs,
      paragraphRow: Int32Array.from(this.paraRow),
      rows: this.rows,
      tables: this.tables,
    };
  }
}

function top<T>(stack: readonly T[]): T | undefined {
  return stack[stack.length - 1];
}

/** w:tblStyle and w:tblBorders of a table's w:tblPr, as written. */
function tableLook(tblPr: string): string {
  const style = /<(?:[\w.-]+:)?tblStyle\b[^>]*>/.exec(tblPr)?.[0] ?? '';
  const borders =
    /<((?:[\w.-]+:)?tblBorders)\b[^>]*>[\s\S]*?<\/\1>|<(?:[\w.-]+:)?tblBorders\b[^>]*\/>/.exec(tblPr)?.[0] ??
    '';
  return style + borders;
}

function qualifiedNames(w: string, mc: string) {
  const q = (local: string): string => (w ? `${w}:${local}` : local);
  return {
    p: q('p'),
    pPr: q('pPr'),
    pStyle: q('pStyle'),
    numPr: q('numPr'),
    ilvl: q('ilvl'),
    numId: q('numId'),
    rPr: q('rPr'),
    del: q('del'),
    r: q('r'),
    tr: q('tr'),
    tbl: q('tbl'),
    tblPr: q('tblPr'),
    trPr: q('trPr'),
    tblHeader: q('tblHeader'),
    cr: q('cr'),
    fldSimple: q('fldSimple'),
    Choice: mc ? `${mc}:Choice` : 'Choice',
    pOpen: `<${q('p')}>`,
    pClose: `</${q('p')}>`,
    runOpen: `<${q('r')}><${q('t')}>`,
    runClose: `</${q('t')}></${q('r')}>`,
    br: `<${q('br')}/>`,
    dropped: new Set(DROPPED_ELEMENTS.map(q)),
  };
}

function escapeAttr(value: string): string {
  return value.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/**
 * The part of word/styles.xml mammoth uses (each style's type, id and name), as a small
 * styles.xml: mammoth parses it with a DOM parser, and real files carry tens of kilobytes of
 * formatting and latent styles it never reads.
 */
export function minimalStylesXml(styles: XmlElement): string {
  const out: string[] = [`<w:styles xmlns:w="${WML_URIS[0]}">`];
  for (const el of child(styles, 'styles')?.children ?? []) {
    if (el.name !== 'style') continue;
    const { type, styleId } = el.attrs;
    if (type === undefined || styleId === undefined) continue;
    const name = childVal(el, 'name');
    out.push(`<w:style w:type="${escapeAttr(type)}" w:styleId="${escapeAttr(styleId)}">`);
    if (name !== undefined) out.push(`<w:name w:val="${escapeAttr(name)}"/>`);
    out.push('</w:style>');
  }
  out.push('</w:styles>');
  return out.join('');
}
