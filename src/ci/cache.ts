/**
 * `kh lint --cache`: per file, what linting it gave — the per-file rules' messages and the file's
 * summary for the cross-file rules (src/rules/summary.ts) — so that a warm run reads and parses
 * only the files that changed, and runs the cross-file pass again over every file's summary.
 *
 * One JSON file per document under the cache folder (default .khcache/, never walked as input),
 * named by a hash of the document's absolute path. An entry is used only when all of these match:
 *  - the document's content hash (sha256 of its bytes: a file that changed is linted again);
 *  - the run key: kh's version, the effective settings (active rules, severities, options,
 *    knowledge file, language, the day used as "today") and the shipped data (a hash of every
 *    file of the data store, manifest.json included), and the summary format;
 *  - the entry's own checksum (sha256 of its payload): an entry edited by hand, truncated or
 *    otherwise corrupt is ignored, never trusted, and overwritten by the fresh result;
 *  - the summary passes summaryProblem() for the active cross-file rules.
 * Anything else — unreadable, not JSON, another layout — is a miss. Files that could not be read
 * are not cached (a timeout depends on the machine). Entries are written atomically.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dataFingerprint } from '../data/store.js';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { storedMessageSchema as messageSchema } from './message-schema.js';
import type { ActiveRule, FileLint } from '../rules/engine.js';
import { summaryProblem, SUMMARY_VERSION, type FileSummary } from '../rules/summary.js';
import type { LintMessage } from '../rules/types.js';
import type { Lang } from '../util/errors.js';
import { writeAtomically } from '../util/output.js';

export const DEFAULT_CACHE_LOCATION = '.khcache';
/** Bumped when the entry layout changes. */
const ENTRY_FORMAT = 1;

/** JSON with object keys sorted: the same settings always give the same hash. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  });
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The effective rule settings of a run (rules, severities, options, knowledge file), hashed. */
export function settingsHash(active: readonly ActiveRule[], knowledge: unknown, reading: { ocr?: boolean | undefined } = {}): string {
  const rules = active.map((a) => ({ id: a.rule.meta.id, severity: a.severity, options: a.options, crossFile: a.rule.crossFile?.version ?? null }));
  // --ocr changes what a PDF reads as; absent when off, so keys made before it stay valid.
  return sha256(stableStringify({ rules, knowledge: knowledge ?? null, ...(reading.ocr ? { ocr: true } : {}) }));
}

/** A hash of the data kh ships: every file of the data store (src/data/store.ts), the manifest with its versions included. */
export function dataHash(): string {
  return dataFingerprint();
}

export interface RunKeyParts {
  khVersion: string;
  settings: string;
  lang: Lang;
  /** The day rules take as "today" (YYYY-MM-DD, UTC as stale-date reads it). */
  today: string;
  data: string;
}

export function runKey(parts: RunKeyParts): string {
  return sha256(stableStringify({ ...parts, summary: SUMMARY_VERSION, format: ENTRY_FORMAT }));
}

const entrySchema = z.object({
  format: z.literal(ENTRY_FORMAT),
  key: z.string(),
  khVersion: z.string(),
  content: z.string(),
  checksum: z.string(),
  /** The payload as a JSON string: the checksum is over exactly these characters. */
  payload: z.string(),
});

const payloadSchema = z.object({ messages: z.array(messageSchema), summary: z.unknown() });

export interface CacheLookup {
  /** sha256 of the file's bytes (null when the file cannot be read: the reader will say why). */
  content: string | null;
  /** The cached result, or null (a miss). */
  hit: FileLint | null;
}

export class LintCache {
  readonly dir: string;
  private readonly key: string;
  private readonly khVersion: string;
  private readonly crossFileRules: { id: string; version: number }[];
  hits = 0;
  misses = 0;
  private created = false;

  constructor(location: string, parts: RunKeyParts, active: readonly ActiveRule[]) {
    this.dir = location;
    this.key = runKey(parts);
    this.khVersion = parts.khVersion;
    this.crossFileRules = active.filter((a) => a.rule.crossFile).map((a) => ({ id: a.rule.meta.id, version: a.rule.crossFile!.version }));
  }

  private entryPath(absolutePath: string): string {
    return join(this.dir, `${sha256(resolve(absolutePath)).slice(0, 40)}.json`);
  }

  /** Hashes the file and looks its entry up. `shown` is the path messages name the file by. */
  async get(absolutePath: string, shown: string): Promise<CacheLookup> {
    let content: string;
    try {
      content = sha256(await readFile(absolutePath));
    } catch {
      this.misses++;
      return { content: null, hit: null };
    }
    const hit = await this.read(absolutePath, content, shown);
    if (hit) this.hits++;
    else this.misses++;
    return { content, hit };
  }

  private async read(absolutePath: string, content: string, shown: string): Promise<FileLint | null> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.entryPath(absolutePath), 'utf8'));
    } catch {
      return null;
    }
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) return null;
    const { key, khVersion, payload, checksum } = entry.data;
    if (key !== this.key || khVersion !== this.khVersion || entry.data.content !== content) return null;
    if (sha256(`${key}\0${content}\0${payload}`) !== checksum) return null;
    let parsed;
    try {
      parsed = payloadSchema.safeParse(JSON.parse(payload));
    } catch {
      return null;
    }
    if (!parsed.success) return null;
    if (summaryProblem(parsed.data.summary, this.crossFileRules) !== null) return null;
    const summary = parsed.data.summary as FileSummary;
    // The same file named another way this time (another working directory): messages follow.
    return { messages: parsed.data.messages as LintMessage[], summary: { ...summary, filePath: shown } };
  }

  /** Stores a file's result under its content hash (best effort: a cache that cannot be written is no error). */
  async set(absolutePath: string, content: string, result: FileLint): Promise<void> {
    try {
      if (!this.created) {
        mkdirSync(this.dir, { recursive: true });
        this.created = true;
      }
      const payload = JSON.stringify({ messages: result.messages, summary: result.summary });
      const entry = { format: ENTRY_FORMAT, key: this.key, khVersion: this.khVersion, content, checksum: sha256(`${this.key}\0${content}\0${payload}`), payload };
      await writeAtomically(this.entryPath(absolutePath), JSON.stringify(entry));
    } catch {
      // a read-only or full disk: the run goes on without caching this file
    }
  }
}
