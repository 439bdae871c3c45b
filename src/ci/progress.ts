/**
 * The progress line of a long `kh lint` on a terminal: "kh: 1234/5000 files · 38.2 files/s · ~1m 39s left",
 * redrawn in place on stderr at most every 100 ms and erased before the report is printed. Nothing
 * at all when stderr is not a terminal (CI logs, pipes) or with --quiet.
 */
import type { Lang } from '../util/errors.js';
import { t } from '../i18n/index.js';

export interface ProgressStream {
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  write(text: string): unknown;
}

export interface Progress {
  /** One more file done. */
  tick(): void;
  /** Erase the line (before anything else is written). */
  end(): void;
}

const NONE: Progress = { tick() {}, end() {} };
const REDRAW_MS = 100;

export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return t(lang, 'ci.progress.minutes', { m, s: s % 60 });
  return t(lang, 'ci.progress.hours', { h: Math.floor(m / 60), m: m % 60 });
}

/** The text of the line (no control characters). */
export function progressText(done: number, total: number, elapsedMs: number, lang: Lang): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const rateText = rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
  const files = t(lang, 'ci.progress.files');
  let text = `kh: ${done}/${total} ${files} · ${rateText} ${files}/s`;
  if (done > 0 && done < total && rate > 0) {
    const left = formatDuration((total - done) / rate, lang);
    text += t(lang, 'ci.progress.left', { left });
  }
  return text;
}

export function createProgress(
  stream: ProgressStream,
  total: number,
  options: { quiet?: boolean | undefined; lang: Lang; now?: () => number },
): Progress {
  if (!stream.isTTY || options.quiet || total === 0) return NONE;
  const now = options.now ?? Date.now;
  const started = now();
  let done = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  const draw = () => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r\u001b[2K${progressText(done, total, now() - started, options.lang).slice(0, width)}`);
    drawn = true;
  };
  return {
    tick() {
      done++;
      const t = now();
      if (t - lastDraw >= REDRAW_MS || done === total) {
        lastDraw = t;
        draw();
      }
    },
    end() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
