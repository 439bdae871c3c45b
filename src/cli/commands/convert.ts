/**
 * `kh convert FILE -o OUT [--from ENC] [--to ENC]`: the text of a .txt/.md file in another
 * encoding — by default a legacy Vietnamese file (TCVN3/ABC, VNI, Windows-1258, recognised as kh
 * lint recognises it) written as UTF-8; `--to tcvn3|vni` the other way. Written atomically, never
 * over the input (src/util/output.ts). One line on stderr says what was done; a file whose
 * encoding cannot be decided, or a character the target has no code for, is one line and exit 2.
 */
import { readFileSync } from 'node:fs';
import type { CliContext } from '../../util/cli.js';
import { reportFileError } from '../../util/cli.js';
import { InputError, type Lang } from '../../util/errors.js';
import { t } from '../../i18n/index.js';
import { OutputError, writeOutput } from '../../util/output.js';
import {
  decodeLegacy,
  encodeLegacy,
  encodingName,
  latin1,
  UnrepresentableError,
  type LegacyEncodingId,
} from '../../util/legacy-convert.js';

export interface ConvertOptions {
  output: string;
  from: 'auto' | 'utf-8' | LegacyEncodingId;
  to: 'utf-8' | 'tcvn3' | 'vni';
}

/** The words of this command in `lang` (src/i18n/messages/convert.ts). */
function wordsOf(lang: Lang) {
  return {
    converted: (file: string, from: string, to: string, out: string) =>
      t(lang, 'convert.converted', { file, from, to, out }),
    unrepresentable: (ch: string, code: string, line: number, to: string) =>
      t(lang, 'convert.unrepresentable', { ch, code, line, to }),
    notText: t(lang, 'convert.not-text'),
    unicode: t(lang, 'convert.unicode'),
  };
}

/** The text of `bytes` read as `from`: valid UTF-8 holding legacy text pasted as Latin-1 included. */
function readAs(bytes: Uint8Array, from: LegacyEncodingId): string {
  let binary: string;
  try {
    binary = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    binary = latin1(bytes);
  }
  return decodeLegacy(binary, from);
}

export async function run(ctx: CliContext, file: string, options: ConvertOptions): Promise<number> {
  const words = wordsOf(ctx.lang);
  if (/\.(docx|pdf|doc)$/i.test(file)) {
    ctx.err(`kh: ${file}: ${words.notText}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  let text: string;
  let from: string;
  try {
    // The same checks as kh lint's reader (missing, directory, empty, binary), without parsing.
    const { statSync } = await import('node:fs');
    if (statSync(file).isDirectory()) throw new InputError('is-directory');
    bytes = readFileSync(file);
    if (bytes.length === 0) throw new InputError('empty');
    if (options.from === 'auto' || options.from === 'utf-8') {
      const { decodeTextDetailed } = await import('../../parse/decode.js');
      const decoded = decodeTextDetailed(bytes);
      if (options.from === 'utf-8' && decoded.encoding) {
        // The user says the file is UTF-8: take its text as it is.
        text = new TextDecoder('utf-8').decode(bytes).normalize('NFC');
        from = words.unicode;
      } else {
        text = decoded.text;
        from = decoded.encoding ? encodingName(decoded.encoding) : words.unicode;
      }
    } else {
      text = readAs(bytes, options.from);
      from = encodingName(options.from);
    }
  } catch (error) {
    const code = error instanceof InputError ? undefined : (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') error = new InputError('not-found', {}, error);
    else if (code === 'EISDIR') error = new InputError('is-directory', {}, error);
    else if (code) error = new InputError('read-error', { reason: code }, error);
    reportFileError(ctx, file, error);
    return 2;
  }

  let out: string | Uint8Array;
  let to: string;
  if (options.to === 'utf-8') {
    out = text;
    to = words.unicode;
  } else {
    to = encodingName(options.to);
    try {
      out = encodeLegacy(text, options.to);
    } catch (error) {
      if (!(error instanceof UnrepresentableError)) throw error;
      const line = text.slice(0, error.index).split('\n').length;
      const code = `U+${error.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      ctx.err(`kh: ${file}: ${words.unrepresentable(error.char, code, line, to)}\n`);
      return 2;
    }
  }
  try {
    writeOutput(options.output, out, { inputs: [file] });
  } catch (error) {
    if (error instanceof OutputError) {
      ctx.err(`kh: ${error.describe(ctx.lang)}\n`);
      return 2;
    }
    throw error;
  }
  ctx.err(`${words.converted(file, from, to, options.output)}\n`);
  return 0;
}
