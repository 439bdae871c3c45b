/** The configuration (kh.config.json, --rule), src/config/. */
import type { Entries } from '../types.js';

export default {
  'config.in-file': { vi: '{file}: {text}', en: '{file}: {text}' },
  'config.two-files': {
    vi: 'có cả {first} và {second} trong {dir}; hãy giữ một tệp',
    en: 'both {first} and {second} are in {dir}; keep one',
  },
  'config.not-found': { vi: 'không tìm thấy tệp cấu hình', en: 'configuration file not found' },
  'config.is-directory': {
    vi: 'đây là thư mục, không phải tệp cấu hình',
    en: 'is a directory, not a configuration file',
  },
  'config.read-error': {
    vi: 'không đọc được tệp cấu hình ({code})',
    en: 'cannot read the configuration file ({code})',
  },
  'config.unknown-rule': {
    vi: 'không có quy tắc "{id}"{hint}; xem danh sách bằng lệnh kh rules',
    en: 'unknown rule "{id}"{hint}; see kh rules for the list',
  },
  'config.did-you-mean': { vi: ' (có phải ý bạn là "{hint}"?)', en: ' (did you mean "{hint}"?)' },
  'config.json-at': {
    vi: 'JSON không hợp lệ ở dòng {line}, cột {column} ({reason})',
    en: 'invalid JSON at line {line}, column {column} ({reason})',
  },
  'config.json': { vi: 'JSON không hợp lệ ({reason})', en: 'invalid JSON ({reason})' },
  'config.at': { vi: '{where}: {text}', en: '{where}: {text}' },
  'config.unknown-key': {
    vi: 'khóa không hợp lệ "{key}"{hint}; các khóa dùng được: {known}',
    en: 'unknown key "{key}"{hint}; known keys: {known}',
  },
  'config.rule-entry': {
    vi: 'phải là "off", "info", "warning", "error", ["mức", {{tùy chọn}}] hoặc {{"severity": …, "options": {{…}}}}',
    en: 'must be "off", "info", "warning", "error", [severity, {{options}}] or {{"severity": …, "options": {{…}}}}',
  },
  'config.invalid-value': {
    vi: 'giá trị không hợp lệ; chọn một trong: {values}',
    en: 'invalid value; choose one of: {values}',
  },
  'config.wrong-type': { vi: 'sai kiểu: cần {type}', en: 'wrong type: expected {type}' },
  'config.type.string': { vi: 'chuỗi', en: 'string' },
  'config.type.number': { vi: 'số', en: 'number' },
  'config.type.array': { vi: 'mảng', en: 'array' },
  'config.type.object': { vi: 'đối tượng', en: 'object' },
  'config.type.boolean': { vi: 'true/false', en: 'boolean' },
  'config.type.record': { vi: 'đối tượng', en: 'object' },
  /** zod's own words for the issues not worded above (the same in both languages). */
  'config.zod-issue': { vi: '{message}', en: '{message}' },
  'config.rule-format': {
    vi: '--rule "{value}": cần dạng quy-tắc:mức, ví dụ --rule repeated-phrase:error (mức: {settings})',
    en: '--rule "{value}": expected rule:severity, e.g. --rule repeated-phrase:error (severity: {settings})',
  },
  'config.rule-option': { vi: '--rule: {text}', en: '--rule: {text}' },
  'config.rule-severity': {
    vi: '--rule {id}: mức "{severity}" không hợp lệ; chọn một trong: {settings}',
    en: '--rule {id}: invalid severity "{severity}"; choose one of: {settings}',
  },
  'config.rule-options': {
    vi: 'rules.{id}: tùy chọn không hợp lệ — {detail}',
    en: 'rules.{id}: invalid options — {detail}',
  },
  'config.starter-header': {
    vi:
      'Cấu hình kh lint. Mỗi quy tắc nhận "off" (tắt), "info", "warning", "error", hoặc {{"severity": …, "options": {{…}}}}. ' +
      'Xem mô tả và ví dụ của một quy tắc: kh explain <quy-tắc>; danh sách: kh rules. ' +
      '"documents" (ví dụ ["van-ban/**/*.docx"]) là các tệp kh lint kiểm tra khi không ghi tệp nào; ' +
      '"lang" là ngôn ngữ thông báo khi không có --lang hay KH_LANG.',
    en:
      'kh lint configuration. Each rule takes "off", "info", "warning", "error", or {{"severity": …, "options": {{…}}}}. ' +
      "A rule's description and examples: kh explain <rule>; the list: kh rules. " +
      '"documents" (e.g. ["documents/**/*.docx"]) are the files kh lint checks when given none; ' +
      '"lang" is the language of messages when neither --lang nor KH_LANG is set.',
  },
  // kh init (src/cli/commands/init.ts)
  'init.exists': {
    vi: 'đã có tệp {file}; dùng kh init --force để ghi đè',
    en: '{file} already exists; kh init --force overwrites it',
  },
  'init.wrote': { vi: 'Đã tạo {file} ({count} quy tắc)', en: 'Wrote {file} ({count} rules)' },
} satisfies Entries;
