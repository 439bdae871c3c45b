/** Writing a file so that it is never seen half-written: a temporary file in the same folder, then a rename. */
import { basename, dirname, join } from 'node:path';
import { chmod, rename, unlink, writeFile } from 'node:fs/promises';

export async function writeAtomically(path: string, data: Uint8Array | string, mode?: number): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode & 0o7777);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
