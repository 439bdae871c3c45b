/** Help texts of the commands and their options (the command tables in src/cli/commands/). */
import type { Entries } from '../types.js';

export default {
  // kh lint, rules, explain, init (src/cli/commands/lint-commands.ts)
  'help.lint.lint': {
    vi: 'kiểm tra văn bản theo các quy tắc (lint)',
    en: 'check documents against the rules (lint)',
  },
  'help.lint.lint-inputs': {
    vi: 'tệp, thư mục (tìm .txt, .md, .docx, .pdf) hoặc mẫu glob; bỏ trống thì dùng "documents" trong cấu hình',
    en: 'files, directories (searched for .txt, .md, .docx, .pdf) or globs; none: the config\'s "documents"',
  },
  'help.lint.format': { vi: 'định dạng báo cáo', en: 'report format' },
  'help.lint.output': {
    vi: 'ghi báo cáo vào tệp thay vì in ra',
    en: 'write the report to a file instead of stdout',
  },
  'help.lint.max-warnings': {
    vi: 'thoát với mã 1 nếu có quá N cảnh báo',
    en: 'exit with code 1 when there are more than N warnings',
  },
  'help.lint.quiet': {
    vi: 'chỉ báo lỗi (bỏ cảnh báo và thông tin)',
    en: 'report errors only (no warnings or info)',
  },
  'help.lint.config': {
    vi: 'dùng tệp cấu hình này thay vì tìm kh.config.json / .khrc.json',
    en: 'use this configuration file instead of looking for kh.config.json / .khrc.json',
  },
  'help.lint.rule': {
    vi: 'đặt mức cho một quy tắc, ví dụ repeated-phrase:error (lặp lại được)',
    en: 'set a rule\'s severity, e.g. repeated-phrase:error (repeatable)',
  },
  'help.lint.ref': {
    vi: 'kế hoạch hoặc bộ chỉ tiêu tham chiếu cho indicator-ref, target-sanity, missing-owner (.json hoặc văn bản; lặp lại được)',
    en: 'a reference plan or indicator catalogue for indicator-ref, target-sanity, missing-owner (.json or a document; repeatable)',
  },
  'help.lint.strict-citations': {
    vi: 'citation-status liệt kê cả văn bản được trích dẫn không có trong danh mục (mức thông tin)',
    en: 'citation-status also lists cited documents not in the registry (info)',
  },
  'help.lint.rules': {
    vi: 'liệt kê các quy tắc: mã, mức mặc định, mô tả',
    en: 'list the rules: id, default severity, description',
  },
  'help.lint.rules-format': { vi: 'định dạng: text hoặc json', en: 'output format: text or json' },
  'help.lint.explain': {
    vi: 'giải thích một quy tắc, kèm ví dụ sai/đúng',
    en: 'explain a rule, with wrong/right examples',
  },
  'help.lint.explain-rule': { vi: 'mã quy tắc (xem kh rules)', en: 'rule id (see kh rules)' },
  'help.lint.init': {
    vi: 'tạo tệp cấu hình mẫu kh.config.json trong thư mục hiện tại',
    en: 'write a starter kh.config.json in the current directory',
  },
  'help.lint.force': { vi: 'ghi đè tệp cấu hình đã có', en: 'overwrite an existing configuration file' },
  'help.lint.fix': {
    vi: 'sửa tại chỗ các lỗi chắc chắn trong tệp .txt/.md (Unicode NFC, dấu cách trong số/ký hiệu, từ gõ lặp, hai dấu cách giữa hai từ)',
    en: 'fix certain problems in .txt/.md files in place (Unicode NFC, spaces inside a number/symbol, a word typed twice, two spaces between words)',
  },
  'help.lint.fix-dry-run': {
    vi: 'liệt kê những chỗ --fix sẽ sửa, không ghi tệp',
    en: 'list what --fix would change, write nothing',
  },
  'help.lint.inputs-syntax': { vi: '[đầu-vào...]', en: '[inputs...]' },
  'help.explain.rule-syntax': { vi: '<quy-tắc>', en: '<rule>' },
  'help.cite.files': { vi: 'các văn bản kế hoạch (.txt, .md, .docx, .pdf)', en: 'plan documents (.txt, .md, .docx, .pdf)' },
  'help.cite.description': {
    vi: 'liệt kê các văn bản được trích dẫn (không trùng lặp): loại, số/ký hiệu, ngày, cơ quan ban hành, trích yếu, tình trạng hiệu lực, nơi trích dẫn',
    en: 'list the documents cited (de-duplicated): type, number/symbol, date, issuer, subject, status, where cited',
  },
  'help.cite.format': { vi: 'định dạng', en: 'output format' },
  // kh diff (diff-commands.ts)
  'help.diff.diff': {
    vi: 'so sánh hai kế hoạch theo cấu trúc: phần, mục, trách nhiệm, chỉ tiêu, dẫn chiếu, ngày tháng',
    en: 'compare two plans by structure: sections, items, responsibilities, indicators, citations, dates',
  },
  'help.diff.old': {
    vi: 'bản cũ: tệp (.txt, .md, .docx, .pdf) hoặc năm kế hoạch (ví dụ 2023)',
    en: 'old version: a file (.txt, .md, .docx, .pdf) or a plan year (e.g. 2023)',
  },
  'help.diff.new': {
    vi: 'bản mới: tệp hoặc năm kế hoạch (ví dụ 2024)',
    en: 'new version: a file or a plan year (e.g. 2024)',
  },
  'help.diff.format': { vi: 'định dạng báo cáo', en: 'report format' },
  'help.diff.output': {
    vi: 'ghi báo cáo vào tệp thay vì in ra',
    en: 'write the report to a file instead of stdout',
  },
  'help.diff.dir': {
    vi: 'khi so sánh theo năm: tìm văn bản trong thư mục này (mặc định: "documents" trong cấu hình, hoặc thư mục hiện tại)',
    en: 'with plan years: look for documents in this directory (default: the config\'s "documents", else the current directory)',
  },
  'help.diff.issuer': {
    vi: 'khi so sánh theo năm: chỉ xét kế hoạch của cơ quan ban hành có tên chứa chuỗi này',
    en: 'with plan years: only plans whose issuer contains this text',
  },
  'help.diff.config': {
    vi: 'dùng tệp cấu hình này thay vì tìm kh.config.json / .khrc.json',
    en: 'use this configuration file instead of looking for kh.config.json / .khrc.json',
  },
  'help.diff.old-syntax': { vi: '<cũ>', en: '<old>' },
  'help.diff.new-syntax': { vi: '<mới>', en: '<new>' },
  // kh data (data-commands.ts)
  'help.data.data': {
    vi: 'các sổ dữ liệu kh dùng: phiên bản, số mục theo độ tin cậy (V, S, M), ngày kiểm tra lần cuối; "kh data check": mục đã hết hiệu lực mà không có kế nhiệm',
    en: 'the registries kh uses: version, entries by confidence mark (V, S, M), date last checked; "kh data check": entries ended with no successor',
  },
  'help.data.sub': {
    vi: '"check": liệt kê mục hết hiệu lực trước hôm nay (KH_TODAY) mà không có kế nhiệm',
    en: '"check": list entries ended before today (KH_TODAY) with no successor',
  },
  'help.data.format': { vi: 'định dạng: table (bảng), json', en: 'format: table, json' },
  'help.data.unknown-sub': { vi: 'lệnh con không hợp lệ "{sub}" (chỉ có: check)', en: 'unknown subcommand "{sub}" (only: check)' },
  // kh owners (owners-commands.ts)
  'help.owners.owners': {
    vi: 'ma trận trách nhiệm: cơ quan × mục tiêu/chỉ tiêu (chủ trì, phối hợp); chỉ tiêu chưa có hoặc có hai cơ quan chủ trì',
    en: 'responsibility matrix: agencies × goals/indicators (lead, support); indicators with no lead or two leads',
  },
  'help.owners.files': {
    vi: 'tệp kế hoạch (.txt, .md, .docx, .pdf)',
    en: 'plan files (.txt, .md, .docx, .pdf)',
  },
  'help.owners.format': {
    vi: 'định dạng: table (bảng trên màn hình), json, csv, md',
    en: 'format: table (terminal), json, csv, md',
  },
  'help.owners.ref': {
    vi: 'kế hoạch hoặc bộ chỉ tiêu tham chiếu (.json hoặc văn bản); lặp lại được',
    en: 'a reference plan or indicator catalogue (.json or a document); repeatable',
  },
  'help.owners.config': {
    vi: 'dùng tệp cấu hình này thay vì tìm kh.config.json / .khrc.json',
    en: 'use this configuration file instead of looking for kh.config.json / .khrc.json',
  },
  // kh annotate (annotate-commands.ts)
  'help.annotate.file-syntax': { vi: '<tệp.docx>', en: '<file.docx>' },
  'help.annotate.file': { vi: 'kế hoạch dạng Word (.docx)', en: 'the plan as a Word file (.docx)' },
  'help.annotate.description': {
    vi: 'ghi một bản sao của tệp .docx có nhận xét Word (comment) cho mỗi vấn đề tìm thấy, gắn vào đúng đoạn chữ; tệp gốc không bị sửa',
    en: 'write a copy of the .docx with one Word comment per finding, anchored on the text it concerns; the original is never changed',
  },
  'help.annotate.output': {
    vi: 'tên tệp ra (mặc định: <tên>.kh.docx cạnh tệp vào)',
    en: 'output file (default: <name>.kh.docx next to the input)',
  },
  'help.annotate.force': { vi: 'ghi đè tệp ra nếu đã có', en: 'overwrite the output file if it exists' },
  'help.annotate.fix': {
    vi: 'ghi thêm các chỗ sửa chắc chắn (như kh lint --fix: dấu cách trong số/ký hiệu, từ gõ lặp) thành thay đổi được theo dõi (Track Changes) của "kh", để người xem chấp nhận hoặc từ chối',
    en: 'also write the certain fixes (as kh lint --fix: spaces inside a number/symbol, a word typed twice) as tracked changes by "kh", for the reviewer to accept or reject',
  },
  'help.annotate.config': { vi: 'dùng tệp cấu hình này (như kh lint)', en: 'use this configuration file (as kh lint)' },
  'help.annotate.rule': {
    vi: 'đặt mức cho một quy tắc (như kh lint; lặp lại được)',
    en: "set a rule's severity (as kh lint; repeatable)",
  },
  'help.annotate.ref': {
    vi: 'kế hoạch hoặc bộ chỉ tiêu tham chiếu (như kh lint; lặp lại được)',
    en: 'a reference plan or indicator catalogue (as kh lint; repeatable)',
  },
} satisfies Entries;
