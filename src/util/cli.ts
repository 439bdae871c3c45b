/**
 * What every `kh` command gets from the CLI skeleton, and the one way to report a bad file.
 * Free of heavy imports (commander, chalk, zod): command modules import it cheaply.
 */
import { describeError, type Lang } from './errors.js';

export interface CliContext {
  lang: Lang;
  /** --debug: print stack traces. */
  debug: boolean;
  /** false with --no-color, NO_COLOR, or when stdout is not a terminal (chalk decides the rest). */
  color: boolean;
  /** Writes to stdout / stderr (tests may capture them). */
  out(text: string): void;
  err(text: string): void;
}

/** Stack of an error and its causes, for --debug. */
export function errorStack(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error)
      parts.push(
        depth ? `caused by: ${current.stack ?? current.message}` : (current.stack ?? current.message),
      );
    else parts.push(String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}

/** `kh: <file>: <localized message>` on stderr (+ the stack with --debug). */
export function reportFileError(ctx: CliContext, file: string, error: unknown): void {
  ctx.err(`kh: ${file}: ${describeError(error, ctx.lang)}\n`);
  if (ctx.debug) ctx.err(`${errorStack(error)}\n`);
}
