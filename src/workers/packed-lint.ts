import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FileLint } from '../rules/engine.js';

/**
 * A file's messages and summary as the worker sent them: JSON, deflated. Why: a run with a
 * cross-file rule keeps every file's result until the last file is read, while the workers still
 * hold their heaps. 300 copies of the fixtures: 25–36 KiB a file as objects in the main heap,
 * 10.2 KiB as UTF-8 JSON, 2.4 KiB deflated (0.3 ms a file to deflate in the worker, 0.08 to
 * inflate; the file's own work is 30+ ms). `unpack()` when needed, after the workers have closed.
 * The summary is plain JSON by contract (notes/CROSS-FILE.md) and messages are what a --cache hit
 * gives back, so the objects are those of a JSON round trip.
 */
export class PackedLint {
  constructor(readonly bytes: Uint8Array) {}

  static pack(lint: FileLint): Uint8Array {
    // A copy of exactly its length: zlib's result is a view of a 16 KiB chunk, which a message
    // between threads would copy (and the main thread keep) whole.
    return new Uint8Array(deflateRawSync(JSON.stringify(lint)));
  }

  unpack(): FileLint {
    return JSON.parse(inflateRawSync(this.bytes).toString('utf8')) as FileLint;
  }
}
