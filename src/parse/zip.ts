/**
 * Reading parts of a zip archive (.docx) with a bound on what each part inflates to.
 *
 * fflate's unzipSync inflates a part whole before anyone can look at its size, and trusts no
 * declared size: a 2 MB archive holding a 2 GiB part takes the process down. Here the central
 * directory is read (zip64 included) and each wanted part is inflated by fflate's streaming
 * Inflate, fed 16 KiB of compressed data at a time (at most ~16 MiB of output per step), so the
 * count stops at the limit instead of after it.
 */
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** A damaged archive or part; `part` is null when the directory itself is damaged. */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly part: string | null,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/** A part that inflates beyond `limit` bytes. */
export class ZipLimitError extends Error {
  constructor(readonly part: string) {
    super(`${part}: inflates beyond the limit`);
    this.name = 'ZipLimitError';
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STEP = 16 * 1024;

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** The central directory's entries. Throws ZipError when it cannot be read. */
export function readZipDirectory(data: Uint8Array): ZipEntry[] {
  const v = view(data);
  const u32 = (at: number) => {
    if (at < 0 || at + 4 > data.length) throw new ZipError('truncated archive', null);
    return v.getUint32(at, true);
  };
  const u16 = (at: number) => {
    if (at < 0 || at + 2 > data.length) throw new ZipError('truncated archive', null);
    return v.getUint16(at, true);
  };
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  // The end record sits in the last 22 + 65535 bytes (it may be followed by a comment).
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (v.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new ZipError('no end of central directory', null);
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(end - 20) === EOCD64_LOCATOR) {
    const at = u64(end - 12);
    if (u32(at) !== EOCD64) throw new ZipError('bad zip64 end record', null);
    count = u64(at + 32);
    offset = u64(at + 48);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0, at = offset; i < count; i++) {
    if (u32(at) !== CENTRAL) throw new ZipError('bad central directory entry', null);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localHeaderOffset = u32(at + 42);
    if (at + 46 + nameLength > data.length) throw new ZipError('truncated archive', null);
    const name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    // zip64 extra field: the 64-bit values of the fields set to 0xffffffff, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(x);
      const size = u16(x + 2);
      if (id === 0x0001) {
        let y = x + 4;
        if (uncompressedSize === 0xffffffff) ((uncompressedSize = u64(y)), (y += 8));
        if (compressedSize === 0xffffffff) ((compressedSize = u64(y)), (y += 8));
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(y);
      }
      x += 4 + size;
    }
    entries.push({ name, method, compressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The inflated bytes of one entry; throws ZipLimitError past `limit` bytes, ZipError when damaged. */
export function readZipEntry(data: Uint8Array, entry: ZipEntry, limit: number): Uint8Array {
  const v = view(data);
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || v.getUint32(at, true) !== LOCAL)
    throw new ZipError('bad local header', entry.name);
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  const stop = start + entry.compressedSize;
  if (stop > data.length) throw new ZipError('truncated data', entry.name);
  const compressed = data.subarray(start, stop);
  if (entry.method === 0) {
    if (compressed.length > limit) throw new ZipLimitError(entry.name);
    return compressed.slice();
  }
  if (entry.method !== 8) throw new ZipError(`compression method ${entry.method}`, entry.name);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new ZipLimitError(entry.name);
    chunks.push(chunk);
  });
  try {
    let from = 0;
    do {
      const to = Math.min(from + STEP, compressed.length);
      inflate.push(compressed.subarray(from, to), to === compressed.length);
      from = to;
    } while (from < compressed.length);
  } catch (error) {
    if (error instanceof ZipLimitError) throw error;
    throw new ZipError(error instanceof Error ? error.message : String(error), entry.name);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * unzipSync's shape with a bound: the parts whose name `filter` accepts, inflated; every name is
 * passed to `filter` (as unzipSync does), so a caller can collect the names.
 */
export function unzipLimited(
  data: Uint8Array,
  limit: number,
  filter: (file: { name: string }) => boolean,
): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of readZipDirectory(data)) {
    if (filter({ name: entry.name })) out[entry.name] = readZipEntry(data, entry, limit);
  }
  return out;
}
