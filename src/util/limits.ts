/**
 * Bounds on what kh will read, so that a hostile or broken file costs bounded time and memory.
 * The defaults sit well above any real plan (in the 490-document corpus the largest text is 615 000
 * characters; of its 11 real .docx files the largest body is 434 KB of XML) and below what
 * breaks or stalls the process (remark needs ~600 MB and 12 s of CPU for 1.2 M characters of
 * list lines; a 2 GiB .docx part aborted V8).
 * Exceeding one is an InputError 'limit' naming the limit: a fatal finding for that file only.
 */
import { InputError } from './errors.js';

export interface Limits {
  /** Bytes of the input file as stored. */
  fileSize: number;
  /** Bytes of one .docx part once inflated (checked while inflating). */
  partSize: number;
  /** Nesting depth of elements in a .docx XML part. */
  xmlDepth: number;
  /** Elements in a .docx XML part. */
  xmlNodes: number;
  /** Pages of a PDF. */
  pdfPages: number;
  /** Text-showing items pdf.js reports on one PDF page (about one per text operator; a real page
   *  has about 100, one drawn glyph by glyph a few thousand). */
  pdfItemsPerPage: number;
  /** Characters of a decoded .txt/.md, or of a .doc's body and footnotes (what the markdown
   *  parser's and the Plan builder's time and memory follow; a PDF's text is bounded by its pages
   *  and items). */
  textLength: number;
  /** Pages of a PDF read through OCR (a few seconds of CPU each). */
  ocrPages: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  fileSize: 100 * 1024 * 1024,
  partSize: 32 * 1024 * 1024,
  xmlDepth: 256,
  xmlNodes: 2_000_000,
  pdfPages: 2_000,
  pdfItemsPerPage: 10_000,
  textLength: 1_000_000,
  ocrPages: 200,
});

export type LimitName = keyof Limits;

/** A limit's value as a person reads it: bytes in MiB/KiB, counts as numbers. */
export function formatLimit(name: LimitName, value: number): string {
  if (name === 'fileSize' || name === 'partSize') {
    if (value >= 1024 * 1024) return `${Math.round((value / (1024 * 1024)) * 10) / 10} MiB`;
    if (value >= 1024) return `${Math.round((value / 1024) * 10) / 10} KiB`;
    return `${value} B`;
  }
  return String(value);
}

/** Throws the InputError for `name` exceeded, naming the .docx part or PDF page where it was. */
export function exceeded(
  limits: Limits,
  name: LimitName,
  where: { part?: string; page?: number } = {},
): never {
  const details: Record<string, string> = { limit: name, value: formatLimit(name, limits[name]) };
  if (where.part) details.part = where.part;
  if (where.page !== undefined) details.page = String(where.page);
  throw new InputError('limit', details);
}

/**
 * Element depth and count of an XML text, in one linear pass over its '<'s (a tag's end is its
 * next '>', which is all the accuracy a bound needs). Throws 'limit' when either is exceeded.
 */
export function checkXmlShape(xml: string, part: string, limits: Limits): void {
  let depth = 0;
  let nodes = 0;
  let at = xml.indexOf('<');
  while (at !== -1) {
    const next = xml.charCodeAt(at + 1);
    const end = xml.indexOf('>', at + 1);
    if (end === -1) break;
    if (next === 0x2f /* / */) {
      if (depth > 0) depth--;
    } else if (next !== 0x3f /* ? */ && next !== 0x21 /* ! */) {
      if (++nodes > limits.xmlNodes) exceeded(limits, 'xmlNodes', { part });
      if (xml.charCodeAt(end - 1) !== 0x2f && ++depth > limits.xmlDepth)
        exceeded(limits, 'xmlDepth', { part });
    }
    at = xml.indexOf('<', end + 1);
  }
}

/** "100MB", "512k", "2 GiB", "1048576" → bytes (K, M, G are powers of 1024); null when not a size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:(k|m|g)(?:i?b)?|b)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = m[2]?.toLowerCase();
  const bytes = Math.floor(
    Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1),
  );
  return bytes > 0 ? bytes : null;
}
