import type { FileLint } from '../rules/engine.js';

/**
 * A file's messages and summary as the worker sent them: UTF-8 JSON bytes. Why: a run with a
 * cross-file rule keeps every file's result until the last file is read, while the workers still
 * hold their heaps; as bytes outside the V8 heap a result takes about half the memory of the
 * objects (300 copies of the fixtures: 25–36 KiB a file as objects, 10 KiB as bytes). `unpack()` when needed,
 * after the workers have closed. The summary is plain JSON by contract (notes/CROSS-FILE.md) and
 * messages are what a --cache hit gives back, so the objects are those of a JSON round trip.
 */
export class PackedLint {
  constructor(readonly bytes: Uint8Array) {}

  static pack(lint: FileLint): Uint8Array {
    return new TextEncoder().encode(JSON.stringify(lint));
  }

  unpack(): FileLint {
    return JSON.parse(new TextDecoder().decode(this.bytes)) as FileLint;
  }
}
