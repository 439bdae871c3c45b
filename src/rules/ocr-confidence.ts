/**
 * What a finding on OCR'd text is worth. A scanned PDF's text comes from Tesseract
 * (src/parse/ocr.ts), and the rules that read spelling and punctuation would report its
 * misreadings as the document's mistakes. So, for a plan whose `source.ocr` is set:
 *  - the messages of the rules in OCR_SENSITIVE_RULES whose text touches a word read below the
 *    high-confidence mark (`source.ocr.lowConfidence`) are capped at info;
 *  - one info message says that the text came from OCR, with the engine and its mean confidence.
 * Other plans' messages pass through untouched.
 */
import type { Plan } from '../plan/schema.js';
import type { Lang } from '../util/errors.js';
import { t } from '../i18n/index.js';
import type { LintMessage } from './types.js';

/** Rules whose findings an OCR misreading alone can cause (a wrong letter, a lost bracket, a word read twice). */
export const OCR_SENSITIVE_RULES: ReadonlySet<string> = new Set([
  'vietnamese-syllable',
  'repeated-phrase',
  'unbalanced-punctuation',
]);

/** The rule id of the message saying a file was OCR'd. */
export const OCR_NOTICE_RULE = 'ocr';

type Span = { line: number; column: number; endColumn: number };

function touchesLowConfidence(m: LintMessage, byLine: Map<number, Span[]>): boolean {
  for (let line = m.line; line <= m.endLine; line++) {
    const from = line === m.line ? m.column : 1;
    const to = line === m.endLine ? Math.max(m.endColumn, from + 1) : Infinity;
    for (const s of byLine.get(line) ?? []) if (s.column < to && s.endColumn > from) return true;
  }
  return false;
}

function notice(plan: Plan, lang: Lang): LintMessage {
  const ocr = plan.source.ocr!;
  const low = ocr.lowConfidence.length;
  const message = t(lang, 'rule.ocr-confidence.notice', {
    engine: ocr.engine,
    mean: ocr.meanConfidence,
    low,
    words: ocr.words,
    high: ocr.highConfidence,
  });
  return {
    ruleId: OCR_NOTICE_RULE,
    messageId: 'ocr-text',
    severity: 'info',
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    page: 1,
    excerpt: '',
  };
}

/** The plan's messages with OCR's caps applied and its notice added (unchanged for other plans). */
export function applyOcrConfidence(plan: Plan, messages: LintMessage[], lang: Lang): LintMessage[] {
  const ocr = plan.source.ocr;
  if (!ocr) return messages;
  const byLine = new Map<number, Span[]>();
  for (const s of ocr.lowConfidence) {
    const list = byLine.get(s.line);
    if (list) list.push(s);
    else byLine.set(s.line, [s]);
  }
  const out = messages.map((m) =>
    OCR_SENSITIVE_RULES.has(m.ruleId) && m.severity !== 'info' && touchesLowConfidence(m, byLine)
      ? { ...m, severity: 'info' as const }
      : m,
  );
  out.push(notice(plan, lang));
  return out;
}
