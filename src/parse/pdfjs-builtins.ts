/**
 * pdf.js's legacy build (the one pdf-parse loads on Node 20) bundles core-js, which replaces
 * `Array.prototype.push` and `JSON.parse` for the whole process — with JavaScript versions —
 * because V8 misses a spec corner (push on an array whose length is read-only does not throw)
 * and lacks JSON.parse's source-text reviver. Neither corner matters to pdf.js or to kh, but the
 * replaced `push` made every push in the process several times slower, in kh's own code and in
 * pdf.js alike, for the rest of a run (a .txt linted after a .pdf included).
 *
 * This module is imported statically by the input layer, so it is evaluated before pdf-parse is
 * ever imported and sees the engine's own functions; `restoreBuiltins()` puts them back after
 * pdf.js (and its in-process worker, which brings core-js again) have loaded. What core-js only
 * adds (Promise.withResolvers, Set methods, Uint8Array.fromBase64 …) stays: pdf.js needs it.
 */
const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;

function put(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
}

export function restoreBuiltins(): void {
  if (Array.prototype.push !== nativePush) put(Array.prototype, 'push', nativePush);
  if (JSON.parse !== nativeJsonParse) put(JSON, 'parse', nativeJsonParse);
}
