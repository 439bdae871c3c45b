/**
 * The starter configuration written by `kh init`: every rule at its default severity with its
 * default options spelled out, each with a "$comment" telling what it checks, so the file
 * documents itself while staying plain JSON.
 */
import type { Lang } from '../util/errors.js';
import type { Rule } from '../rules/types.js';
import type { Config } from './schema.js';

const HEADER: Record<Lang, string> = {
  vi:
    'Cấu hình kh lint. Mỗi quy tắc nhận "off" (tắt), "info", "warning", "error", hoặc {"severity": …, "options": {…}}. ' +
    'Xem mô tả và ví dụ của một quy tắc: kh explain <quy-tắc>; danh sách: kh rules. ' +
    '"documents" (ví dụ ["van-ban/**/*.docx"]) là các tệp kh lint kiểm tra khi không ghi tệp nào; ' +
    '"lang" là ngôn ngữ thông báo khi không có --lang hay KH_LANG.',
  en:
    'kh lint configuration. Each rule takes "off", "info", "warning", "error", or {"severity": …, "options": {…}}. ' +
    "A rule's description and examples: kh explain <rule>; the list: kh rules. " +
    '"documents" (e.g. ["documents/**/*.docx"]) are the files kh lint checks when given none; ' +
    '"lang" is the language of messages when neither --lang nor KH_LANG is set.',
};

export function starterConfig(rules: readonly Rule[], lang: Lang): Config {
  const entries: NonNullable<Config['rules']> = {};
  for (const rule of rules) {
    const options = rule.meta.options.parse({}) as Record<string, unknown>;
    const entry: { $comment: string; severity: Rule['meta']['defaultSeverity']; options?: Record<string, unknown> } = {
      $comment: rule.meta.description[lang],
      severity: rule.meta.defaultSeverity,
    };
    if (Object.keys(options).length > 0) entry.options = options;
    entries[rule.meta.id] = entry;
  }
  return { $comment: HEADER[lang], lang, rules: entries };
}
