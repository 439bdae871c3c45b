/**
 * `kh lint --fix` / `--fix-dry-run` for .txt and .md files: certain corrections only.
 *
 *  - fixes declared by rules on their messages (a word typed twice, spaces inside a số/ký hiệu
 *    "01 /KH-UBND" → "01/KH-UBND"), in the decoded text's offsets;
 *  - text fixes the rules cannot see (the parser reads the text already normalized): Unicode NFC
 *    (the file is rewritten composed) and two spaces typed between two words of a sentence (after
 *    a lower-case letter, comma or semicolon, before a lower-case letter; wider runs are column
 *    layout and left alone, as are Markdown code and table lines).
 *
 * Like ESLint, one pass: fixes sorted by place, one that overlaps an earlier one is skipped (the
 * next run fixes it), one whose range no longer holds the text the rule saw is skipped. The file
 * is then linted once more and written atomically; a file without any fix is not written at all.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Plan } from '../plan/schema.js';
import type { Fix, LintMessage } from '../rules/types.js';
import type { Lang } from '../util/errors.js';
import { t } from '../i18n/index.js';
import { writeAtomically } from '../util/output.js';

export interface SourceFix extends Fix {
  /** The rule that declared it, or "spaces" for the text fix. */
  source: string;
}

/** Two spaces between two words of a sentence, outside Markdown code and tables. */
export function spaceFixes(text: string, markdown: boolean): SourceFix[] {
  const fixes: SourceFix[] = [];
  let offset = 0;
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const fenceMark = markdown ? /^ {0,3}(`{3,}|~{3,})/.exec(line) : null;
    if (fenceMark) {
      if (fence === null) fence = fenceMark[1]![0]!;
      else if (fenceMark[1]![0] === fence) fence = null;
    } else if (
      fence === null &&
      !(markdown && (/^( {4}|\t)/.test(line) || line.trimStart().startsWith('|')))
    ) {
      for (const m of line.matchAll(/(?<=[\p{Ll},;]) {2}(?=\p{Ll})/gu)) {
        const at = offset + m.index;
        fixes.push({ range: [at, at + 2], text: ' ', expected: '  ', source: 'spaces' });
      }
    }
    offset += line.length + 1;
  }
  return fixes;
}

/** Applies non-overlapping fixes whose range holds what they expect; returns the new text. */
export function applyFixes(
  text: string,
  fixes: readonly SourceFix[],
): { output: string; applied: SourceFix[] } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: SourceFix[] = [];
  const out: string[] = [];
  let last = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < last || end > text.length) continue;
    if (text.slice(start, end) !== fix.expected) continue;
    if (fix.text === fix.expected) continue;
    out.push(text.slice(last, start), fix.text);
    last = end;
    applied.push(fix);
  }
  out.push(text.slice(last));
  return { output: out.join(''), applied };
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - (before.lastIndexOf('\n') + 1) + 1}`;
}

/** The words of this module in `lang` (src/i18n/messages/fix.ts). */
function wordsOf(lang: Lang) {
  return {
    wouldFix: (file: string, n: number) => t(lang, 'fix.would-fix', { file, n }),
    fixed: (file: string, n: number) => t(lang, 'fix.fixed', { file, n }),
    nfc: t(lang, 'fix.nfc'),
    notUtf8: (file: string) => t(lang, 'fix.not-utf8', { file }),
  };
}

export interface FixRunOptions {
  write: boolean;
  cwd: string;
  lang: Lang;
  /** Lint the plans again (the same rules and environment as the first pass). */
  relint(plans: Plan[]): LintMessage[][];
  /** A line for the user (stderr). */
  note(line: string): void;
}

/**
 * Fixes the run's .txt/.md files; returns the messages of every plan after the fixes (the first
 * pass's when nothing changed).
 */
export async function fixFiles(
  plans: readonly Plan[],
  messageLists: LintMessage[][],
  options: FixRunOptions,
): Promise<LintMessage[][]> {
  const t = wordsOf(options.lang);
  const next = [...plans];
  let changed = false;
  const { decodeText } = await import('../parse/decode.js');
  const { parseText } = await import('../parse/text.js');
  const { buildPlan } = await import('../plan/build.js');
  for (const [i, plan] of plans.entries()) {
    const ext = extname(plan.source.path).toLowerCase();
    if (plan.source.format !== 'text' || (ext !== '.txt' && ext !== '.md')) continue;
    const path = resolve(options.cwd, plan.source.path);
    const bytes = await readFile(path);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    let raw: string;
    try {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
    } catch {
      options.note(t.notUtf8(plan.source.path));
      continue;
    }
    const base = decodeText(bytes);
    if (base !== raw.normalize('NFC')) {
      options.note(t.notUtf8(plan.source.path));
      continue;
    }
    const declared: SourceFix[] = messageLists[i]!.flatMap((m) =>
      m.fix ? [{ ...m.fix, source: m.ruleId }] : [],
    );
    const { output, applied } = applyFixes(base, [...declared, ...spaceFixes(base, ext === '.md')]);
    const nfc = raw !== base;
    const count = applied.length + (nfc ? 1 : 0);
    if (count === 0) continue;
    const lines = applied.map(
      (f) => `  ${lineColumn(base, f.range[0])}  "${f.expected}" → "${f.text}"  ${f.source}`,
    );
    if (nfc) lines.unshift(`  ${t.nfc}`);
    if (options.write) {
      const mode = (await stat(path)).mode;
      await writeAtomically(
        path,
        bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(output, 'utf8')]) : output,
        mode,
      );
      options.note([t.fixed(plan.source.path, count), ...lines].join('\n'));
    } else {
      options.note([t.wouldFix(plan.source.path, count), ...lines].join('\n'));
    }
    const fixedPlan = buildPlan(parseText(output, plan.source.path));
    fixedPlan.source.path = plan.source.path;
    next[i] = fixedPlan;
    changed = true;
  }
  return changed ? options.relint(next) : messageLists;
}
