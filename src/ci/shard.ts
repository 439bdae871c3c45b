/**
 * `--shard i/n`: the files of a run split over n machines the way Playwright and Jest name it
 * (i from 1 to n). A file's shard depends on its own path only — a hash of the path relative to
 * the working directory, with forward slashes — so adding or removing other files never moves it,
 * and every machine computes the same split without talking to the others.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { CiError } from './errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count && count <= 10_000)) {
    throw new CiError('shard-syntax', { value });
  }
  return { index, count };
}

/** The path a shard is computed from: relative to `cwd`, forward slashes (the same on every OS). */
export function shardKey(filePath: string, cwd: string): string {
  return relative(cwd, resolve(cwd, filePath)).split(sep).join('/');
}

/** The 1-based shard of `key` among `count`. */
export function shardOf(key: string, count: number): number {
  const digest = createHash('sha256').update(key).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The items of `shard`, in their order. */
export function selectShard<T extends { filePath: string }>(
  items: readonly T[],
  shard: Shard,
  cwd: string,
): T[] {
  if (shard.count === 1) return [...items];
  return items.filter((item) => shardOf(shardKey(item.filePath, cwd), shard.count) === shard.index);
}
