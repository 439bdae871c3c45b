/**
 * The external OCR tools, run as child processes without a shell:
 *   pdftoppm (Debian poppler-utils)  renders one PDF page to a greyscale image;
 *   tesseract (tesseract-ocr) with its Vietnamese model (tesseract-ocr-vie) reads the image into
 *   TSV: one row per word with its box and confidence.
 * `scripts/install-ocr.sh` installs them. Pages run in parallel, one process per core, each with
 * OMP_THREAD_LIMIT=1 (Tesseract's own OpenMP threads would only fight the other pages for cores).
 * Everything runs inside one temporary directory that is removed afterwards, and under one
 * deadline: when it passes, the running processes are killed and the file fails with 'timeout'.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';

/** Debian packages kh's OCR needs; named in the message when a tool is missing. */
export const OCR_PACKAGES = ['tesseract-ocr', 'tesseract-ocr-vie', 'poppler-utils'] as const;

/**
 * Render resolution. Tesseract's LSTM reads text lines scaled to about 36 px; at 200 dpi the
 * 13–14 pt body text of an office document is about that tall, so lines are read at their own
 * size. Measured on the rasterised seed 003 (test/parse-ocr.test.ts): 200 dpi found 98.8 % of its
 * words, 300 dpi 98.1 % in 1.4× the time.
 */
export const OCR_DPI = 200;

/**
 * Characters the Vietnamese model must not output: Ð (U+00D0, Icelandic eth) is drawn exactly like
 * Đ (U+0110) and never occurs in Vietnamese, but the model reads some Đ as it ("QĐÐ-BGDĐT").
 */
const BLACKLIST = 'Ð';

export interface OcrEngine {
  /** "tesseract 5.3.0". */
  version: string;
  language: 'vie';
}

interface Run {
  stdout: string;
}

function run(
  command: string,
  args: string[],
  signal: AbortSignal,
  extraEnv: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        signal,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
        env: { ...process.env, ...extraEnv },
      },
      (error, stdout) => (error ? reject(error) : resolve({ stdout })),
    );
  });
}

function notFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function missing(packages: string[]): InputError {
  return new InputError('ocr-missing', { packages: packages.join(' ') });
}

let engineCheck: Promise<OcrEngine> | undefined;

/**
 * Checks that the tools and the Vietnamese model are installed (once per process; PATH is read
 * when this runs). Throws InputError 'ocr-missing' naming the packages to install.
 */
export function checkOcrTools(): Promise<OcrEngine> {
  engineCheck ??= (async () => {
    const signal = AbortSignal.timeout(30_000);
    const lacking: string[] = [];
    let version = 'tesseract';
    try {
      const langs = await run('tesseract', ['--list-langs'], signal);
      if (!langs.stdout.split(/\r?\n/u).some((l) => l.trim() === 'vie')) lacking.push('tesseract-ocr-vie');
      const v = await run('tesseract', ['--version'], signal);
      version = v.stdout.split(/\r?\n/u)[0]?.trim() || version;
    } catch (error) {
      if (!notFound(error)) throw error;
      lacking.push('tesseract-ocr', 'tesseract-ocr-vie');
    }
    try {
      await run('pdftoppm', ['-v'], signal);
    } catch (error) {
      if (!notFound(error)) throw error;
      lacking.push('poppler-utils');
    }
    if (lacking.length) throw missing(lacking);
    return { version, language: 'vie' };
  })();
  // A failed check is not kept: the user may install the tools while a long run goes on.
  engineCheck.catch(() => (engineCheck = undefined));
  return engineCheck;
}

export interface OcrPageResult {
  page: number;
  /** Tesseract's TSV for the page image. */
  tsv: string;
}

/**
 * OCR pages 1..`pages` of the PDF `data`: each page rendered by pdftoppm and read by tesseract,
 * `availableParallelism()` pages at a time. Throws 'timeout' when `timeoutMs` passes,
 * 'ocr-missing' when a tool disappears meanwhile.
 */
export async function ocrPdfPages(
  data: Uint8Array,
  pages: number,
  timeoutMs: number,
): Promise<OcrPageResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'kh-ocr-'));
  const deadline = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    deadline.abort();
  }, timeoutMs);
  try {
    const input = join(dir, 'input.pdf');
    await writeFile(input, data);
    const results: OcrPageResult[] = [];
    let next = 1;
    const worker = async (): Promise<void> => {
      while (next <= pages && !deadline.signal.aborted) {
        const page = next++;
        const image = join(dir, `page-${page}`);
        // -singlefile: the image is `${image}.pgm`, whatever the page count.
        await run(
          'pdftoppm',
          [
            '-gray',
            '-r',
            String(OCR_DPI),
            '-f',
            String(page),
            '-l',
            String(page),
            '-singlefile',
            input,
            image,
          ],
          deadline.signal,
        );
        const { stdout } = await run(
          'tesseract',
          [
            `${image}.pgm`,
            '-',
            '-l',
            'vie',
            '--dpi',
            String(OCR_DPI),
            '-c',
            `tessedit_char_blacklist=${BLACKLIST}`,
            'tsv',
          ],
          deadline.signal,
          { OMP_THREAD_LIMIT: '1' },
        );
        await rm(`${image}.pgm`, { force: true });
        results.push({ page, tsv: stdout });
      }
    };
    const lanes = Math.max(1, Math.min(pages, availableParallelism()));
    try {
      await Promise.all(Array.from({ length: lanes }, worker));
    } catch (error) {
      deadline.abort(); // stop the other lanes' processes too
      if (expired) throw new InputError('timeout', { seconds: String(timeoutMs / 1000) }, error);
      if (notFound(error)) throw missing([...OCR_PACKAGES]);
      const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      throw new InputError('pdf-corrupt', { reason: `OCR: ${reason}` }, error);
    }
    if (expired) throw new InputError('timeout', { seconds: String(timeoutMs / 1000) });
    return results.sort((a, b) => a.page - b.page);
  } finally {
    clearTimeout(timer);
    await rm(dir, { recursive: true, force: true });
  }
}
