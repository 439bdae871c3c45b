/** Help texts of the commands and their options (the command tables in src/cli/commands/). */
import type { Entries } from '../types.js';

export default {
  // kh lint, rules, explain, init (src/cli/commands/lint-commands.ts)
  'help.lint.lint': {
    vi: 'kiểm tra văn bản theo các quy tắc (lint)',
    en: 'check documents against the rules (lint)',
  },
  'help.lint.lint-inputs': {
    vi: 'tệp, thư mục (tìm {extensions}) hoặc mẫu glob; bỏ trống thì dùng "documents" trong cấu hình',
    en: 'files, directories (searched for {extensions}) or globs; none: the config\'s "documents"',
  },
  'help.lint.format': { vi: 'định dạng báo cáo', en: 'report format' },
  'help.lint.shard': {
    vi: 'chỉ kiểm tra phần i trong n phần (chia theo băm đường dẫn), ví dụ 2/4; ghép báo cáo bằng kh merge-reports',
    en: 'check only part i of n (split by path hash), e.g. 2/4; join the reports with kh merge-reports',
  },
  'help.lint.changed-since': {
    vi: 'chỉ kiểm tra các tệp đã đổi từ tham chiếu git REF (so với điểm rẽ nhánh, gồm cả tệp chưa commit và tệp mới chưa theo dõi)',
    en: 'check only the files changed since git ref REF (from the merge base; uncommitted and new untracked files included)',
  },
  'help.lint.suppress-all': {
    vi: 'ghi mọi phát hiện hiện có vào tệp bỏ qua (kh-suppressions.json); các lần chạy sau chỉ báo phát hiện mới',
    en: 'record every current finding in the suppressions file (kh-suppressions.json); later runs report only new ones',
  },
  'help.lint.prune-suppressions': {
    vi: 'xóa khỏi tệp bỏ qua những phát hiện đã được sửa',
    en: 'drop the findings that were fixed from the suppressions file',
  },
  'help.lint.suppressions-location': {
    vi: 'đường dẫn tệp bỏ qua (mặc định kh-suppressions.json)',
    en: 'path of the suppressions file (default kh-suppressions.json)',
  },
  'help.lint.pass-on-unpruned': {
    vi: 'không báo lỗi khi tệp bỏ qua còn mục không dùng đến',
    en: 'do not fail when the suppressions file holds entries no longer needed',
  },
  'help.lint.cache': {
    vi: 'nhớ kết quả từng tệp (theo nội dung, phiên bản kh, cấu hình, dữ liệu): lần sau chỉ đọc lại tệp đã đổi',
    en: "remember each file's results (by content, kh version, settings, data): later runs read only the files that changed",
  },
  'help.lint.cache-location': {
    vi: 'thư mục bộ nhớ đệm (mặc định .khcache/)',
    en: 'cache folder (default .khcache/)',
  },
  'help.lint.cache-strategy': {
    vi: 'cách nhận ra tệp không đổi: metadata (kích thước, thời điểm sửa, inode; mặc định) hoặc content (băm nội dung mỗi lần)',
    en: 'how an unchanged file is recognised: metadata (size, modification times, inode; the default) or content (hash its bytes every run)',
  },
  'help.lint.concurrency': {
    vi: 'số luồng đọc và kiểm tra song song: một số, auto (mỗi lõi một luồng, mặc định) hoặc off (từng tệp một)',
    en: 'worker threads reading and checking files: a number, auto (one per core, the default) or off (one file at a time)',
  },
  'help.merge-reports.description': {
    vi: 'ghép báo cáo JSON của các phần (kh lint --shard i/n --format json) thành báo cáo của cả lần chạy, chạy lại các quy tắc liên văn bản',
    en: "join the JSON reports of shards (kh lint --shard i/n --format json) into the whole run's report, running the cross-file rules again",
  },
  'help.merge-reports.inputs-syntax': { vi: '<báo-cáo...>', en: '<reports...>' },
  'help.merge-reports.inputs': {
    vi: 'các báo cáo JSON của kh lint (ví dụ part*.json)',
    en: 'kh lint JSON reports (e.g. part*.json)',
  },
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
    en: "set a rule's severity, e.g. repeated-phrase:error (repeatable)",
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
  'help.cite.files': { vi: 'các văn bản kế hoạch ({extensions})', en: 'plan documents ({extensions})' },
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
    vi: 'bản cũ: tệp ({extensions}) hoặc năm kế hoạch (ví dụ 2023)',
    en: 'old version: a file ({extensions}) or a plan year (e.g. 2023)',
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
  'help.data.unknown-sub': {
    vi: 'lệnh con không hợp lệ "{sub}" (chỉ có: check)',
    en: 'unknown subcommand "{sub}" (only: check)',
  },
  // kh owners (owners-commands.ts)
  'help.owners.owners': {
    vi: 'ma trận trách nhiệm: cơ quan × mục tiêu/chỉ tiêu (chủ trì, phối hợp); chỉ tiêu chưa có hoặc có hai cơ quan chủ trì',
    en: 'responsibility matrix: agencies × goals/indicators (lead, support); indicators with no lead or two leads',
  },
  'help.owners.files': {
    vi: 'tệp kế hoạch ({extensions})',
    en: 'plan files ({extensions})',
  },
  'help.owners.format': {
    vi: 'định dạng: {formats}',
    en: 'format: {formats}',
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
  'help.annotate.config': {
    vi: 'dùng tệp cấu hình này (như kh lint)',
    en: 'use this configuration file (as kh lint)',
  },
  'help.annotate.rule': {
    vi: 'đặt mức cho một quy tắc (như kh lint; lặp lại được)',
    en: "set a rule's severity (as kh lint; repeatable)",
  },
  'help.annotate.ref': {
    vi: 'kế hoạch hoặc bộ chỉ tiêu tham chiếu (như kh lint; lặp lại được)',
    en: 'a reference plan or indicator catalogue (as kh lint; repeatable)',
  },
} satisfies Entries;
