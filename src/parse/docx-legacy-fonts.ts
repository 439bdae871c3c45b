/**
 * Runs in legacy Vietnamese fonts → Unicode, in word/document.xml before mammoth reads it.
 *
 * A .docx made from an old .doc keeps its text in the bytes of the legacy font: a run in .VnTime
 * holds "KÕ ho¹ch" (TCVN3 codes read as Latin-1), one in VNI-Times "Keá hoaïch". Which runs are
 * legacy is told by their font (src/data/legacy-encodings.json `fonts`): the run's own w:rFonts,
 * else its character style's, else its paragraph style's, else the document default (styles.xml),
 * following w:basedOn. The capital fonts (.VnTimeH) draw the lower-case codes as capitals, so their
 * runs are put in capitals. Symbol-charset fonts store a byte b as U+F000+b: read as b.
 *
 * A regex walk over the XML, linear; documents that name no legacy font are returned untouched
 * after one test.
 */
import { legacyEncodings } from '../data/legacy-encodings.js';
import { decodeLegacy } from '../util/legacy-convert.js';
import { child, decodeEntities, parseAttrs, type XmlElement } from './docx-xml.js';

export interface LegacyFontRuns {
  xml: string;
  /** Runs converted. */
  runs: number;
  /** The encoding of most converted runs; null when none was. */
  from: 'tcvn3' | 'vni' | null;
}

interface FontKind {
  encoding: 'tcvn3' | 'vni';
  capitals: boolean;
}

let fontPatterns: { re: RegExp; kind: FontKind }[] | undefined;

function fontKind(font: string | undefined): FontKind | null {
  if (!font) return null;
  fontPatterns ??= legacyEncodings().fonts.map((e) => ({
    re: new RegExp(e.pattern, 'i'),
    kind: { encoding: e.encoding, capitals: e.capitals },
  }));
  let kind: FontKind | null = null;
  // The last pattern that matches wins (the later entries refine the earlier: .VnTimeH).
  for (const { re, kind: k } of fontPatterns) if (re.test(font.trim())) kind = k;
  return kind;
}

/** The font of an rFonts element's attributes: hAnsi governs the 8-bit codes, else ascii. */
function fontOf(attrs: Record<string, string> | undefined): string | undefined {
  return attrs?.hAnsi ?? attrs?.ascii;
}

interface StyleFonts {
  byStyle: (id: string | undefined) => string | undefined;
  defaultParagraphStyle: string | undefined;
  documentDefault: string | undefined;
}

function readStyles(styles: XmlElement | null): StyleFonts {
  const own = new Map<string, { font: string | undefined; basedOn: string | undefined }>();
  let defaultParagraphStyle: string | undefined;
  let documentDefault: string | undefined;
  const root = styles ? child(styles, 'styles') : undefined;
  for (const el of root?.children ?? []) {
    if (el.name === 'docDefaults') {
      documentDefault = fontOf(child(child(child(el, 'rPrDefault'), 'rPr'), 'rFonts')?.attrs);
    } else if (el.name === 'style' && el.attrs.styleId !== undefined) {
      own.set(el.attrs.styleId, {
        font: fontOf(child(child(el, 'rPr'), 'rFonts')?.attrs),
        basedOn: child(el, 'basedOn')?.attrs.val,
      });
      if (el.attrs.type === 'paragraph' && (el.attrs.default === '1' || el.attrs.default === 'true'))
        defaultParagraphStyle = el.attrs.styleId;
    }
  }
  const byStyle = (id: string | undefined): string | undefined => {
    for (let depth = 0; id !== undefined && depth < 16; depth++) {
      const style = own.get(id);
      if (!style) return undefined;
      if (style.font) return style.font;
      id = style.basedOn;
    }
    return undefined;
  };
  return { byStyle, defaultParagraphStyle, documentDefault };
}

/** A font attribute naming a legacy font (a quick test before the walk; the data decides). */
const LEGACY_FONT_NAME = /(?:ascii|hAnsi)\s*=\s*["'](?:\.vn|vni[- ])/i;
const TAG = /<(\/?)(?:[\w.-]+:)?(p|pPr|pStyle|r|rStyle|rFonts|t)(?=[\s/>])([^>]*?)(\/?)>/g;
const VNI_MARK_START = /^[øùûõïâàáåãäêèéúüëØÙÛÕÏÂÀÁÅÃÄÊÈÉÚÜË]/;

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** The text of a run in a legacy font, in Unicode. */
function convertRunText(raw: string, kind: FontKind): string {
  // Symbol-charset fonts: byte b is stored as U+F000 + b.
  const bytes = raw.replace(/[\uf020-\uf0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000));
  const text = decodeLegacy(bytes, kind.encoding, { restoreCase: false });
  return kind.capitals ? text.toUpperCase() : text;
}

/** `styles`: word/styles.xml as parseXmlTree gives it (null when the file has none). */
// long: one-pass scanner over the runs of a paragraph
export function convertLegacyFontRuns(
  xml: string,
  stylesXml: string | null,
  styles: XmlElement | null,
): LegacyFontRuns {
  if (!LEGACY_FONT_NAME.test(xml) && !(stylesXml && LEGACY_FONT_NAME.test(stylesXml)))
    return { xml, runs: 0, from: null };
  const fonts = readStyles(styles);
  const paragraphs: { style: string | undefined }[] = [];
  const runs: { font: string | undefined; style: string | undefined }[] = [];
  let inPPr = false;
  const out: string[] = [];
  let last = 0;
  const counts = { tcvn3: 0, vni: 0 };
  let converted = 0;
  // The previous VNI run of the paragraph (a mark byte can start the next run: Word splits runs).
  let previousVni: { slot: number; raw: string; kind: FontKind } | null = null;

  const re = new RegExp(TAG.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const [whole, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      if (name === 'p') {
        paragraphs.pop();
        previousVni = null;
      } else if (name === 'r') runs.pop();
      else if (name === 'pPr') inPPr = false;
      continue;
    }
    switch (name) {
      case 'p':
        if (!selfClosing) paragraphs.push({ style: undefined });
        break;
      case 'pPr':
        if (!selfClosing) inPPr = true;
        break;
      case 'pStyle':
        if (inPPr && paragraphs.length) paragraphs[paragraphs.length - 1]!.style = parseAttrs(rawAttrs!).val;
        break;
      case 'r':
        if (!selfClosing) runs.push({ font: undefined, style: undefined });
        break;
      case 'rStyle':
        if (!inPPr && runs.length) runs[runs.length - 1]!.style = parseAttrs(rawAttrs!).val;
        break;
      case 'rFonts':
        if (!inPPr && runs.length) runs[runs.length - 1]!.font = fontOf(parseAttrs(rawAttrs!));
        break;
      case 't': {
        if (selfClosing || !runs.length) break;
        const end = xml.indexOf('<', m.index + whole!.length);
        if (end < 0) break;
        const run = runs[runs.length - 1]!;
        const paragraph = paragraphs[paragraphs.length - 1];
        const font =
          run.font ??
          fonts.byStyle(run.style) ??
          fonts.byStyle(paragraph?.style ?? fonts.defaultParagraphStyle) ??
          fonts.documentDefault;
        const kind = fontKind(font);
        const start = m.index + whole!.length;
        if (!kind) {
          if (start < end) previousVni = null;
          break;
        }
        let raw = decodeEntities(xml.slice(start, end));
        if (kind.encoding === 'vni' && previousVni && VNI_MARK_START.test(raw)) {
          // The mark belongs to the letter that ends the previous run.
          out[previousVni.slot] = escapeText(convertRunText(previousVni.raw + raw[0], previousVni.kind));
          raw = raw.slice(1);
        }
        out.push(xml.slice(last, start));
        out.push(escapeText(convertRunText(raw, kind)));
        previousVni = kind.encoding === 'vni' ? { slot: out.length - 1, raw, kind } : null;
        last = end;
        re.lastIndex = end;
        converted++;
        counts[kind.encoding]++;
        break;
      }
    }
  }
  if (converted === 0) return { xml, runs: 0, from: null };
  out.push(xml.slice(last));
  return { xml: out.join(''), runs: converted, from: counts.vni > counts.tcvn3 ? 'vni' : 'tcvn3' };
}
