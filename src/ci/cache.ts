/**
 * `kh lint --cache`: per file, what linting it gave — the per-file rules' messages and the file's
 * summary for the cross-file rules (src/rules/summary.ts) — so that a warm run reads and parses
 * only the files that changed, and runs the cross-file pass again over every file's summary.
 *
 * One pack file in the cache folder (default .khcache/, never walked as input): a header line
 * `{"khCache":2,"key":…,"khVersion":…}`, then one line per document,
 * `{path, content, checksum, stat?}` TAB messages-JSON TAB summary-JSON (JSON.stringify never
 * writes a raw tab or newline, so the line splits unambiguously). Reading it is one file read and
 * a small JSON.parse per line; an entry's messages and summary are parsed only when used (with
 * --changed-since the unchanged files give only their summaries). New results are appended; the
 * pack is rewritten when the run key changed, entries were pruned, or superseded lines pile up.
 *
 * An entry is used only when all of these match:
 *  - the run key (whole pack): kh's version, the effective settings (active rules, severities,
 *    options, knowledge file, language), the shipped data (a hash of every file of the data store,
 *    manifest.json included), the summary and pack formats;
 *  - the day used as "today", for the entries whose linting read it (the engine tracks reads of
 *    context.today: stale-date reads it for an undated draft's deadlines only), so that the
 *    cache of the other documents outlives the day;
 *  - the document: with the "metadata" strategy (default) its size, mtime, ctime, inode and device
 *    as recorded (git's index and ESLint's cache do the same), else — or when any differs, or the
 *    recorded stat was too recent to trust (see RACY_MS) — the hash of its bytes;
 *  - the entry's checksum (over key, path, content hash, day, messages' hash and summary): a line edited by
 *    hand, truncated or otherwise corrupt is ignored, never trusted, and replaced by a fresh result;
 *  - the summary passes summaryProblem() for the active cross-file rules.
 * No per-message schema check: the key pins the writer (kh version, format) and the checksum the
 * bytes, which is what a zod parse of each message guarded against, at a tenth of a warm run's time.
 * Files that could not be read are not cached (a timeout depends on the machine).
 *
 * Hashes are SHA-512/256: as strong as SHA-256 and, measured in node 20 on this project's 2-core
 * machine, about seven times faster (a warm run with --cache-strategy content hashes every document).
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  type Stats,
} from 'node:fs';
import { dataFingerprint } from '../data/store.js';
import { join, resolve } from 'node:path';
import type { ActiveRule, FileLint } from '../rules/engine.js';
import { summaryProblem, SUMMARY_VERSION, type FileSummary } from '../rules/summary.js';
import type { LintMessage } from '../rules/types.js';
import type { Lang } from '../util/errors.js';
import { writeAtomically } from '../util/output.js';

export const DEFAULT_CACHE_LOCATION = '.khcache';
/** Bumped when the pack layout changes. */
const PACK_FORMAT = 2;
const PACK_NAME = 'lint-cache.pack';
/** Entries of the first layout (one JSON file per document): removed when the pack is written. */
const FORMAT_1_ENTRY = /^[0-9a-f]{40}\.json$/;

/**
 * How a warm run decides a document is unchanged: "metadata" trusts a recorded size + mtime +
 * ctime + inode + device (and hashes the bytes only when one differs), "content" always hashes
 * the bytes (safe on file systems whose timestamps cannot be trusted, e.g. a network share with
 * a skewed clock).
 */
export type CacheStrategy = 'metadata' | 'content';
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];

/**
 * A stat is recorded only when the file's mtime and ctime are this much older than the moment it
 * was taken (git's "racily clean" entries): a write in the same clock tick as the recorded one
 * could otherwise keep every field. Timestamps in whole seconds (FAT, some network shares) get
 * the coarse margin.
 */
const RACY_MS = { fine: 250, coarse: 2_000 };

/** JSON with object keys sorted: the same settings always give the same hash. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const fastHash = (data: string | Uint8Array) => createHash('sha512-256').update(data).digest('hex');

/** The effective rule settings of a run (rules, severities, options, knowledge file), hashed. */
export function settingsHash(
  active: readonly ActiveRule[],
  knowledge: unknown,
  reading: { ocr?: boolean | undefined } = {},
): string {
  const rules = active.map((a) => ({
    id: a.rule.meta.id,
    severity: a.severity,
    options: a.options,
    crossFile: a.rule.crossFile?.version ?? null,
  }));
  // --ocr changes what a PDF reads as; absent when off, so keys made before it stay valid.
  return sha256(
    stableStringify({ rules, knowledge: knowledge ?? null, ...(reading.ocr ? { ocr: true } : {}) }),
  );
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

/** Everything a whole pack depends on; the day is per entry (EntryMeta.day). */
export function runKey(parts: RunKeyParts): string {
  const { today: _perEntry, ...rest } = parts;
  return sha256(stableStringify({ ...rest, summary: SUMMARY_VERSION, format: PACK_FORMAT }));
}

/** What identifies a file's version without reading it. */
interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

interface EntryMeta {
  path: string;
  content: string;
  /** Hash of the messages' text: the checksum covers it, so a summary alone is checked without them. */
  messagesHash: string;
  checksum: string;
  /** The day taken as "today" when a rule read it for this file (the entry holds for that day only). */
  day?: string;
  /** Absent when the file was too recently written to trust (RACY_MS) or with --cache-strategy content. */
  stat?: FileStat;
}

/** One line of the pack: its meta parsed, messages and summary left as text until used. */
interface Entry {
  meta: EntryMeta;
  line: string;
  /** Where the messages and the summary start in `line` (after each tab). */
  messagesAt: number;
  summaryAt: number;
}

export interface CacheLookup {
  /** Hash of the file's bytes (null when the file cannot be read: the reader will say why). */
  content: string | null;
  /** The file's stat when it was looked up, if it may be recorded (not racy, metadata strategy). */
  stat: FileStat | null;
  /** The cached result, or null (a miss). */
  hit: FileLint | null;
}

function statOf(stats: Stats): FileStat {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, dev: stats.dev };
}

const sameStat = (a: FileStat, b: FileStat) =>
  a.size === b.size &&
  a.mtimeMs === b.mtimeMs &&
  a.ctimeMs === b.ctimeMs &&
  a.ino === b.ino &&
  a.dev === b.dev;

/** True when a write right after `takenAt` could leave the stat unchanged (see RACY_MS). */
function racy(stat: FileStat, takenAt: number): boolean {
  const coarse = stat.mtimeMs % 1000 === 0 && stat.ctimeMs % 1000 === 0;
  return takenAt - Math.max(stat.mtimeMs, stat.ctimeMs) < (coarse ? RACY_MS.coarse : RACY_MS.fine);
}

function entryLine(meta: EntryMeta, messages: string, summary: string): string {
  return `${JSON.stringify(meta)}\t${messages}\t${summary}`;
}

function parseLine(line: string): Entry | null {
  const first = line.indexOf('\t');
  const second = first < 0 ? -1 : line.indexOf('\t', first + 1);
  if (second < 0) return null;
  let meta: unknown;
  try {
    meta = JSON.parse(line.slice(0, first));
  } catch {
    return null;
  }
  const m = meta as Partial<EntryMeta> | null;
  if (
    !m ||
    typeof m !== 'object' ||
    typeof m.path !== 'string' ||
    typeof m.content !== 'string' ||
    typeof m.messagesHash !== 'string' ||
    typeof m.checksum !== 'string'
  )
    return null;
  if (m.day !== undefined && typeof m.day !== 'string') return null;
  if (
    m.stat !== undefined &&
    (typeof m.stat !== 'object' ||
      m.stat === null ||
      !['size', 'mtimeMs', 'ctimeMs', 'ino', 'dev'].every(
        (k) => typeof (m.stat as unknown as Record<string, unknown>)[k] === 'number',
      ))
  )
    return null;
  return { meta: m as EntryMeta, line, messagesAt: first + 1, summaryAt: second + 1 };
}

export interface LintCacheOptions {
  /** Default "metadata". */
  strategy?: CacheStrategy | undefined;
  /** The clock (tests make a stat old enough to be recorded). */
  now?: (() => number) | undefined;
}

export class LintCache {
  readonly dir: string;
  readonly strategy: CacheStrategy;
  private readonly key: string;
  private readonly khVersion: string;
  private readonly today: string;
  private readonly crossFileRules: { id: string; version: number }[];
  private readonly now: () => number;
  hits = 0;
  misses = 0;
  /** Documents whose bytes were read and hashed (the others were recognised by their stat). */
  hashed = 0;
  /** The pack as read (entries of this run key only), by absolute path. */
  private entries: Map<string, Entry> | null = null;
  /** Lines of the pack file that a later line of the same path replaces, or that are unusable. */
  private deadLines = 0;
  /** The pack must be written whole (another run key, or no pack yet with entries to store). */
  private rewrite = false;
  /** How the pack file looked when read (another run may write it meanwhile). */
  private packStat: FileStat | null = null;
  /** Entries added or refreshed by this run, by path. */
  private readonly fresh = new Map<string, Entry>();
  /** Paths whose entry this run found wrong (the file changed and could not be read, a corrupt line). */
  private readonly dropped = new Set<string>();

  constructor(
    location: string,
    parts: RunKeyParts,
    active: readonly ActiveRule[],
    options: LintCacheOptions = {},
  ) {
    this.dir = location;
    this.key = runKey(parts);
    this.khVersion = parts.khVersion;
    this.today = parts.today;
    this.strategy = options.strategy ?? 'metadata';
    this.now = options.now ?? Date.now;
    this.crossFileRules = active
      .filter((a) => a.rule.crossFile)
      .map((a) => ({ id: a.rule.meta.id, version: a.rule.crossFile!.version }));
  }

  private get packPath(): string {
    return join(this.dir, PACK_NAME);
  }

  /** The pack's entries of this run key (read once). */
  private load(): Map<string, Entry> {
    if (this.entries) return this.entries;
    const read = this.readPack();
    this.entries = read.entries;
    this.deadLines = read.dead;
    this.packStat = read.stat;
    this.rewrite = !read.sameKey;
    return this.entries;
  }

  private readPack(): { entries: Map<string, Entry>; dead: number; sameKey: boolean; stat: FileStat | null } {
    const entries = new Map<string, Entry>();
    let text: string;
    let stat: FileStat | null;
    try {
      stat = statOf(statSync(this.packPath));
      text = readFileSync(this.packPath, 'utf8');
    } catch {
      return { entries, dead: 0, sameKey: false, stat: null };
    }
    const lines = text.split('\n');
    const header = parseHeader(lines[0] ?? '');
    if (
      !header ||
      header.khCache !== PACK_FORMAT ||
      header.key !== this.key ||
      header.khVersion !== this.khVersion
    )
      return { entries, dead: 0, sameKey: false, stat };
    let dead = 0;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line) continue;
      const entry = parseLine(line);
      if (!entry) {
        dead++;
        continue;
      }
      if (entries.has(entry.meta.path)) dead++;
      entries.set(entry.meta.path, entry); // appended later: the newer result
    }
    return { entries, dead, sameKey: true, stat };
  }

  /**
   * Looks a document up (`absolutePath`; `shown` is the path messages name it by): by its stat
   * when the strategy allows, else by the hash of its bytes. `part` "summary": only the summary
   * is needed (the cross-file context of --changed-since); the hit's messages are then empty.
   */
  lookup(absolutePath: string, shown: string, part: 'all' | 'summary' = 'all'): CacheLookup {
    const path = resolve(absolutePath);
    const entry = this.load().get(path) ?? null;
    let stat: FileStat | null = null;
    let content: string;
    try {
      if (this.strategy === 'metadata') {
        const takenAt = this.now();
        const current = statOf(statSync(path));
        if (!racy(current, takenAt)) stat = current;
        if (stat && entry?.meta.stat && sameStat(stat, entry.meta.stat)) {
          const hit = this.use(entry, shown, part);
          if (hit) return this.counted({ content: entry.meta.content, stat, hit });
        }
      }
      content = fastHash(readFileSync(path));
      this.hashed++;
    } catch {
      return this.counted({ content: null, stat: null, hit: null });
    }
    if (!entry || entry.meta.content !== content) return this.counted({ content, stat, hit: null });
    const hit = this.use(entry, shown, part);
    if (!hit) {
      this.dropped.add(path);
      return this.counted({ content, stat, hit: null });
    }
    // Unchanged but found by its bytes: record its stat now so the next run need not read it.
    if (stat && !(entry.meta.stat && sameStat(stat, entry.meta.stat))) {
      const meta: EntryMeta = { ...entry.meta, stat };
      const line = `${JSON.stringify(meta)}\t${entry.line.slice(entry.messagesAt)}`;
      const first = line.indexOf('\t');
      this.fresh.set(path, {
        meta,
        line,
        messagesAt: first + 1,
        summaryAt: first + 1 + (entry.summaryAt - entry.messagesAt),
      });
    }
    return this.counted({ content, stat, hit });
  }

  /** Kept for callers of the first API: the same as lookup(). */
  async get(absolutePath: string, shown: string): Promise<CacheLookup> {
    return this.lookup(absolutePath, shown);
  }

  private counted(lookup: CacheLookup): CacheLookup {
    if (lookup.hit) this.hits++;
    else this.misses++;
    return lookup;
  }

  /** The entry's result when its checksum holds and it parses (null otherwise). */
  private use(entry: Entry, shown: string, part: 'all' | 'summary'): FileLint | null {
    const { line, messagesAt, summaryAt, meta } = entry;
    if (meta.day !== undefined && meta.day !== this.today) return null; // linted for another "today"
    const messagesText = line.slice(messagesAt, summaryAt - 1);
    const summaryText = line.slice(summaryAt);
    if (this.checksum(meta, summaryText) !== meta.checksum) return null;
    if (part === 'all' && fastHash(messagesText) !== meta.messagesHash) return null;
    let messages: unknown;
    let summary: unknown;
    try {
      messages = part === 'all' ? JSON.parse(messagesText) : [];
      summary = JSON.parse(summaryText);
    } catch {
      return null;
    }
    if (!Array.isArray(messages) || summaryProblem(summary, this.crossFileRules) !== null) return null;
    // The same file named another way this time (another working directory): messages follow.
    return { messages: messages as LintMessage[], summary: { ...(summary as FileSummary), filePath: shown } };
  }

  private checksum(
    meta: Pick<EntryMeta, 'path' | 'content' | 'day' | 'messagesHash'>,
    summary: string,
  ): string {
    return fastHash(
      `${this.key}\0${meta.path}\0${meta.content}\0${meta.day ?? ''}\0${meta.messagesHash}\0${summary}`,
    );
  }

  /** Records a file's result under its content hash (and stat, when `lookup` gave one). Written by save(). */
  set(absolutePath: string, lookup: Pick<CacheLookup, 'content' | 'stat'>, result: FileLint): void {
    if (!lookup.content) return;
    const path = resolve(absolutePath);
    const messages = JSON.stringify(result.messages);
    const summary = JSON.stringify(result.summary);
    const signed = {
      path,
      content: lookup.content,
      ...(result.readToday ? { day: this.today } : {}),
      messagesHash: fastHash(messages),
    };
    const meta: EntryMeta = {
      ...signed,
      checksum: this.checksum(signed, summary),
      ...(lookup.stat ? { stat: lookup.stat } : {}),
    };
    const line = entryLine(meta, messages, summary);
    const first = line.indexOf('\t');
    this.fresh.set(path, { meta, line, messagesAt: first + 1, summaryAt: first + 1 + messages.length + 1 });
    this.dropped.delete(path);
  }

  /** A file of the run could not be read: its old entry is of no use. */
  forget(absolutePath: string): void {
    this.dropped.add(resolve(absolutePath));
  }

  /**
   * Writes what this run learnt (best effort: a cache that cannot be written is no error), and
   * prunes: entries of another run key (the pack holds one), of inputs that could not be read, and
   * of files that no longer exist. An entry of an existing file outside `inputs` (the run's inputs
   * before --changed-since / --shard chose among them) is kept: a narrower run, a shard or a run
   * from another folder must not empty the cache of the wider run sharing it.
   */
  async save(inputs: Iterable<string>): Promise<void> {
    try {
      const entries = this.load();
      const inRun = new Set<string>();
      for (const input of inputs) inRun.add(resolve(input));
      let merged = entries;
      // Another run wrote the pack since it was read (a shard on the same cache folder): keep its results.
      const now = (() => {
        try {
          return statOf(statSync(this.packPath));
        } catch {
          return null;
        }
      })();
      if (now && (!this.packStat || !sameStat(now, this.packStat))) {
        const disk = this.readPack();
        if (disk.sameKey) {
          merged = disk.entries;
          this.deadLines = disk.dead;
          this.rewrite = false;
        } else {
          this.rewrite = true; // a run under another key replaced it: appending would be lost
        }
      }
      const prune: string[] = [];
      for (const path of merged.keys()) {
        if (this.fresh.has(path)) continue;
        if (this.dropped.has(path) || (!inRun.has(path) && !isFile(path))) prune.push(path);
      }
      const legacy = this.formatOneEntries();
      if (
        this.fresh.size === 0 &&
        prune.length === 0 &&
        legacy.length === 0 &&
        !(this.rewrite && merged.size > 0)
      )
        return;
      mkdirSync(this.dir, { recursive: true });
      for (const name of legacy) unlinkSync(join(this.dir, name));
      const replaced = [...this.fresh.keys()].filter((p) => merged.has(p)).length;
      const live = merged.size - prune.length + this.fresh.size - replaced;
      const wholly = this.rewrite || prune.length > 0 || !now || (this.deadLines + replaced) * 4 > live;
      if (!wholly) {
        appendFileSync(this.packPath, [...this.fresh.values()].map((e) => `${e.line}\n`).join(''));
        return;
      }
      for (const path of prune) merged.delete(path);
      for (const [path, entry] of this.fresh) merged.set(path, entry);
      const header = JSON.stringify({ khCache: PACK_FORMAT, key: this.key, khVersion: this.khVersion });
      const body = [...merged.values()].map((e) => `${e.line}\n`).join('');
      await writeAtomically(this.packPath, `${header}\n${body}`);
    } catch {
      // a read-only or full disk: the next run reads the files again
    }
  }

  private formatOneEntries(): string[] {
    try {
      return readdirSync(this.dir).filter((name) => FORMAT_1_ENTRY.test(name));
    } catch {
      return [];
    }
  }
}

function parseHeader(line: string): { khCache?: unknown; key?: unknown; khVersion?: unknown } | null {
  try {
    const header = JSON.parse(line) as unknown;
    return header && typeof header === 'object' ? (header as { khCache?: unknown }) : null;
  } catch {
    return null; // not a pack of this layout
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
