/**
 * .docx → ParsedDocument (mdast whose text nodes point at Word paragraphs).
 *
 * Route: fflate unzip → our single pass over word/document.xml (docx-xml.ts: paragraph count,
 * numbering properties, header rows; a marker run injected at the start of every paragraph;
 * layout-only markup left out) → Word numbering labels replayed from numbering.xml/styles.xml
 * (docx-numbering.ts) → mammoth convertToHtml, fed the already-unzipped parts (footnotes.xml scanned
 * the same way), its document
 * model taken through `transformDocument` (docx-model.ts) → mdast → markers turned into
 * positions (docx-mdast.ts).
 *
 * Output, per the contract in types.ts:
 *  - root children: paragraph | heading (Word heading styles) | table — never `list`: a numbered
 *    paragraph starts with its label as Word shows it ("1. ", "a) ", "2.1. ", "- ", "+ ");
 *  - text nodes: position line = Word paragraph index (every w:p in document order, table cells
 *    and text boxes included, mc:Choice alternatives excluded), column = 1-based character in the
 *    paragraph's emitted text, offset = same character in the paragraphs' texts joined by "\n";
 *    `data.paragraph` on text, inline and block nodes;
 *  - soft line breaks (w:br, w:cr) → `break`; inside a table cell, the cell's paragraphs are
 *    separated by `break` nodes with `data.separator: true` (zero width);
 *  - tables: `tableRow.data.header` is true only for leading rows with w:tblHeader on; cells
 *    covered by a merged cell (gridSpan/vMerge) are empty cells with `data.merged: true`, a cell
 *    spanning n > 1 columns has `data.colSpan: n`; a group row (its text in one cell merged
 *    across the whole grid, or across all of it after a number column) has `data.group: true`;
 *    a table continued after an empty paragraph (same grid width and look, no header row of its
 *    own) is joined to the one above, its first row marked `data.continued: true`;
 *  - footnotes (word/footnotes.xml): a `footnoteReference` (identifier = label = the number Word
 *    shows, zero-width position) where the body refers to one; the footnotes' blocks appended
 *    after the body's in that order, each with `data.footnote` = its number, their paragraphs
 *    numbered on after the body's (line = body paragraphs + index of the w:p in footnotes.xml);
 *  - text NFC, otherwise as written (whitespace kept); empty/whitespace-only paragraphs dropped;
 *    endnotes, comments, images and checkboxes dropped.
 *  notes/DOCX-SHAPES.md shows these shapes for the builder.
 */
import { InputError } from '../util/errors.js';
import type { ParsedDocument } from './types.js';
import { minimalStylesXml, parseXmlTree, scanDocument } from './docx-xml.js';
import { convertLegacyFontRuns } from './docx-legacy-fonts.js';
import { computeLabels, readNumberingDefinitions } from './docx-numbering.js';
import { finishTree } from './docx-mdast.js';
import { modelToMdast, type MammothNode } from './docx-model.js';
import { execAll } from '../util/regex.js';
import { checkXmlShape, DEFAULT_LIMITS, exceeded, type Limits } from '../util/limits.js';
import { unzipLimited, ZipError, ZipLimitError } from './zip.js';
import { joinPartPath, relsPathOf } from './package-paths.js';

export interface DocxStats {
  /** Word paragraphs counted in document.xml (footnote paragraphs are numbered after them). */
  paragraphs: number;
  /** Paragraphs found again in mammoth's reading (fewer than `paragraphs` only when content is
   *  not shown by Word either: continuation cells of a vertical merge, DrawingML-only text boxes). */
  seen: number;
  /** Paragraphs that got a Word numbering label. */
  numbered: number;
  /** Label per paragraph index (index 0 unused), as computed from numbering.xml. */
  labels: (string | null)[];
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  if (data.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (data[i] !== bytes[i]) return false;
  return true;
}

/**
 * An OLE compound file holding a stream named "EncryptionInfo" is how Office stores a
 * password-protected .docx. Directory entries are 128-byte records (UTF-16LE name, then its
 * byte length at 0x40) aligned on 128 bytes, so an aligned match is a directory entry.
 */
export function oleHasEncryptionInfo(data: Uint8Array): boolean {
  const name = 'EncryptionInfo';
  const needle = new Uint8Array(name.length * 2 + 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  const nameLength = needle.length;
  outer: for (let at = 512; at + 128 <= data.length; at += 128) {
    for (let i = 0; i < needle.length; i++) if (data[at + i] !== needle[i]) continue outer;
    if ((data[at + 0x40]! | (data[at + 0x41]! << 8)) === nameLength) return true;
  }
  return false;
}

function sniff(data: Uint8Array): void {
  if (data.length === 0) throw new InputError('empty');
  if (startsWith(data, OLE_MAGIC)) {
    throw new InputError(oleHasEncryptionInfo(data) ? 'docx-encrypted' : 'doc-legacy');
  }
  // Local file header, or the end-of-central-directory record of an empty archive.
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    throw new InputError('not-zip');
  }
}

/**
 * The details of a docx-corrupt error: the part, the problem ('xml' | 'not-body'), and the XML
 * parser's own (English) words, shown by the English message only. mammoth reports XML errors as
 * "<level>: <message>" (from its DOM parser); anything else means the XML parsed but is no
 * document body.
 */
function corruptDetails(part: string, error: unknown): Record<string, string> {
  const message = error instanceof Error ? error.message : String(error);
  const xml = /^(?:warning|error|fatalError): ([\s\S]*)$/.exec(message);
  const detail = xml
    ? (xml[1]!
        .replace(/\[xmldom [^\]]*\]\s*/g, '')
        .replace(/\b(?:Type)?Error: /g, '')
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line !== '') ?? 'malformed XML')
    : null;
  if (detail === null) return { part, problem: 'not-body' };
  return { part, problem: 'xml', detail: detail.length > 100 ? `${detail.slice(0, 99)}…` : detail };
}

function decodeXml(
  bytes: Uint8Array | undefined,
  decoder: { decode(bytes: Uint8Array): string },
): string | null {
  if (!bytes) return null;
  // Word writes UTF-8; an XML part with a UTF-16 byte order mark is read as such.
  const text =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? new TextDecoder('utf-16le').decode(bytes)
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? new TextDecoder('utf-16be').decode(bytes)
        : decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Targets of relationships of `type` (the last URI segment, e.g. "officeDocument"). */
function relationshipTargets(relsXml: string | null, type: string): string[] {
  if (!relsXml) return [];
  const targets: string[] = [];
  for (const rel of parseXmlTree(relsXml).children.flatMap((c) => c.children)) {
    if (rel.name !== 'Relationship' || rel.attrs['TargetMode'] === 'External') continue;
    const relType = rel.attrs['Type'] ?? '';
    if (relType.slice(relType.lastIndexOf('/') + 1) === type && rel.attrs['Target']) {
      targets.push(rel.attrs['Target']);
    }
  }
  return targets;
}

/** A private-use character absent from the given texts (raw or as a character reference). */
function pickMarker(texts: (string | null)[]): string {
  const referenced = new Set<number>();
  for (const text of texts) {
    if (!text || !text.includes('&#')) continue;
    for (const m of execAll(/&#(x[0-9a-fA-F]+|\d+);/g, text)) {
      referenced.add(m[1]![0] === 'x' ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10));
    }
  }
  for (let code = 0xe000; code <= 0xf8ff; code++) {
    const c = String.fromCharCode(code);
    if (!referenced.has(code) && !texts.some((t) => t?.includes(c))) return c;
  }
  throw new InputError('docx-corrupt', { part: 'word/document.xml', problem: 'markers' });
}

// long: one pass over the package: each part read, its failure attributed to that part (docx-corrupt names it), then mammoth with the marker map
export async function parseDocxDetailed(
  data: Uint8Array,
  filePath: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<{ document: ParsedDocument; stats: DocxStats }> {
  sniff(data);
  const mammothModule = await import('mammoth');
  // unzipSync's shape, bounded: a part inflating past limits.partSize stops there.
  const unzipSync = (bytes: Uint8Array, options: { filter: (f: { name: string }) => boolean }) => {
    try {
      return unzipLimited(bytes, limits.partSize, options.filter);
    } catch (error) {
      if (error instanceof ZipLimitError) exceeded(limits, 'partSize', { part: error.part });
      throw error;
    }
  };
  const mammoth = (mammothModule as unknown as { default?: typeof mammothModule }).default ?? mammothModule;

  // 1. The parts we (and mammoth) need, inflated once. First the relationships to find them.
  let files: Record<string, Uint8Array>;
  const names = new Set<string>();
  try {
    files = unzipSync(data, {
      filter: (f) => {
        names.add(f.name);
        return f.name.endsWith('.rels');
      },
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('not-zip', {}, error);
  }
  const decoder = new TextDecoder('utf-8');
  const packageRels = decodeXml(files['_rels/.rels'], decoder);
  const mainTargets = relationshipTargets(packageRels, 'officeDocument').map((t) => joinPartPath('', t));
  const mainPath = mainTargets.find((t) => names.has(t)) ?? 'word/document.xml';
  if (!names.has(mainPath)) throw new InputError('no-document-xml');
  const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/')) : '';
  const relsPath = relsPathOf(mainPath);
  const documentRels = decodeXml(files[relsPath], decoder);
  const partPath = (type: string): string => {
    const target = relationshipTargets(documentRels, type)
      .map((t) => joinPartPath(dir, t))
      .find((t) => names.has(t));
    return target ?? `${dir ? `${dir}/` : ''}${type}.xml`;
  };
  const stylesPath = partPath('styles');
  const numberingPath = partPath('numbering');
  const footnotesPath = partPath('footnotes');
  try {
    Object.assign(
      files,
      unzipSync(data, {
        filter: (f) =>
          f.name === mainPath ||
          f.name === stylesPath ||
          f.name === numberingPath ||
          f.name === footnotesPath,
      }),
    );
  } catch (error) {
    if (error instanceof InputError) throw error;
    // The archive's directory was fine, but a part's compressed data is not.
    const detail = error instanceof Error ? error.message : String(error);
    const part = error instanceof ZipError && error.part ? error.part : mainPath;
    throw new InputError('docx-corrupt', { part, problem: 'zip', detail: detail.slice(0, 100) }, error);
  }

  const originalXml = decodeXml(files[mainPath], decoder) ?? '';
  const stylesXml = decodeXml(files[stylesPath], decoder);
  const numberingXml = decodeXml(files[numberingPath], decoder);
  // Word writes a footnotes part (separators only) into most files: read it only when the body
  // refers to a footnote.
  const originalFootnotesXml = /<(?:[\w.-]+:)?footnoteReference\b/.test(originalXml)
    ? decodeXml(files[footnotesPath], decoder)
    : null;
  checkXmlShape(originalXml, mainPath, limits);
  if (stylesXml) checkXmlShape(stylesXml, stylesPath, limits);
  const stylesTree = stylesXml ? parseXmlTree(stylesXml) : null;
  // Runs in .VnTime / VNI-Times fonts → Unicode (docx-legacy-fonts.ts).
  const legacy = convertLegacyFontRuns(originalXml, stylesXml, stylesTree);
  const documentXml = legacy.xml;
  const legacyNotes = originalFootnotesXml
    ? convertLegacyFontRuns(originalFootnotesXml, stylesXml, stylesTree)
    : null;
  const footnotesXml = legacyNotes ? legacyNotes.xml : null;
  if (numberingXml) checkXmlShape(numberingXml, numberingPath, limits);
  if (originalFootnotesXml) checkXmlShape(originalFootnotesXml, footnotesPath, limits);

  // 2. Our pass over the XML: paragraphs, numbering, header rows, markers.
  const marker = pickMarker([documentXml, numberingXml, footnotesXml]);
  const markerText = (index: number): string => `${marker}${index}${marker}`;
  const scan = scanDocument(documentXml, markerText);
  // Footnote paragraphs are numbered on after the body's (same single pass, same markers).
  const footnoteScan = footnotesXml ? scanDocument(footnotesXml, markerText, scan.count) : null;
  const total = scan.count + (footnoteScan?.count ?? 0);
  const { labels, numbered } = computeLabels(
    scan.paragraphs,
    readNumberingDefinitions(numberingXml ? parseXmlTree(numberingXml) : null, stylesTree),
  );

  // 3. mammoth, reading only what it needs from our already-inflated parts: the relationships,
  //    the rewritten document.xml and a styles.xml reduced to style names. Not numbering.xml
  //    (the labels are ours), notes, comments, content types or images.
  const parts = new Map<string, string>();
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('.rels')) parts.set(name, decodeXml(bytes, decoder) ?? '');
  }
  parts.set(mainPath, scan.xml);
  if (footnoteScan) parts.set(footnotesPath, footnoteScan.xml);
  if (stylesTree) parts.set(stylesPath, minimalStylesXml(stylesTree));
  const docxFile = {
    exists: (name: string): boolean => parts.has(name),
    read: (name: string, encoding?: string): Promise<Uint8Array | string> => {
      const part = parts.get(name);
      if (part === undefined) return Promise.reject(new Error(`missing part ${name}`));
      return Promise.resolve(encoding ? part : new TextEncoder().encode(part));
    },
  };
  let model: MammothNode | undefined;
  const read = (): Promise<unknown> =>
    mammoth.convertToHtml({ file: docxFile } as unknown as Parameters<typeof mammoth.convertToHtml>[0], {
      // Take the model; hand back an empty document so that no HTML is rendered.
      transformDocument: (document: MammothNode) => {
        model = document;
        return { ...document, children: [] };
      },
      includeDefaultStyleMap: false,
      includeEmbeddedStyleMap: false,
    });
  try {
    await read();
  } catch (error) {
    // mammoth's errors do not name the part: when the body reads without the footnotes, the
    // footnotes part is the damaged one, and the message says so.
    let part = mainPath;
    if (parts.delete(footnotesPath)) {
      try {
        await read();
        part = footnotesPath;
      } catch {
        // The body itself is damaged.
      }
    }
    throw new InputError('docx-corrupt', corruptDetails(part, error), error);
  }
  if (!model) throw new InputError('docx-corrupt', { part: mainPath, problem: 'not-body' });

  // 4. Model → mdast → positions.
  const mdast = modelToMdast(model, { marker, labels, scan, footnotes: new Map() });
  const { tree, stats } = finishTree(mdast, marker, total, scan.count);

  return {
    document: {
      format: 'docx',
      filePath,
      tree,
      source: null,
      pages: null,
      ...(legacy.from || legacyNotes?.from
        ? {
            converted: {
              from: (legacy.from ?? legacyNotes?.from)!,
              runs: legacy.runs + (legacyNotes?.runs ?? 0),
            },
          }
        : {}),
    },
    stats: { paragraphs: scan.count, seen: stats.seen, numbered, labels },
  };
}

export async function parseDocx(
  data: Uint8Array,
  filePath: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<ParsedDocument> {
  return (await parseDocxDetailed(data, filePath, limits)).document;
}
