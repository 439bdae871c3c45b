/** The command line's own words: help, usage, commander's errors, the outline (src/cli/). */
import type { Entries } from '../types.js';

export default {
  'cli.program-description': {
    vi: 'Đọc và kiểm tra văn bản Kế hoạch (KH-UBND) từ tệp {formats}',
    en: 'Reads and checks Vietnamese plan documents (Kế hoạch, KH-UBND) from {formats}',
  },
  'cli.opt-lang': {
    vi: 'ngôn ngữ thông báo; mặc định lấy từ biến môi trường KH_LANG, nếu không có thì vi',
    en: 'language of messages; default from the KH_LANG environment variable, else vi',
  },
  'cli.opt-debug': {
    vi: 'in chi tiết lỗi (stack trace) để báo lỗi',
    en: 'print error details (stack traces) for bug reports',
  },
  'cli.opt-no-color': { vi: 'không tô màu khi in ra', en: 'do not colour the output' },
  'cli.opt-version': { vi: 'in số phiên bản', en: 'print the version number' },
  'cli.opt-help': { vi: 'hiện hướng dẫn sử dụng', en: 'display help' },
  'cli.help-command': { vi: 'hiện hướng dẫn cho một lệnh', en: 'display help for a command' },
  // commander's section titles
  'cli.title.usage': { vi: 'Cách dùng:', en: 'Usage:' },
  'cli.title.arguments': { vi: 'Tham số:', en: 'Arguments:' },
  'cli.title.options': { vi: 'Tùy chọn:', en: 'Options:' },
  'cli.title.commands': { vi: 'Lệnh:', en: 'Commands:' },
  'cli.title.global-options': { vi: 'Tùy chọn chung:', en: 'Global Options:' },
  'cli.choices': { vi: 'giá trị', en: 'choices' },
  'cli.default': { vi: 'mặc định', en: 'default' },
  'cli.usage-options': { vi: 'tùy-chọn', en: 'options' },
  'cli.usage-command': { vi: 'lệnh', en: 'command' },
  // commands
  'cli.parse.description': {
    vi: 'đọc văn bản thành cây Plan (JSON) hoặc in dàn ý dễ đọc',
    en: 'read documents into the Plan tree (JSON) or print a readable outline',
  },
  'cli.parse.files-syntax': { vi: '<tệp...>', en: '<files...>' },
  'cli.parse.files': { vi: 'các tệp {extensions}', en: '{extensions} files' },
  'cli.parse.format': {
    vi: 'định dạng in ra: json (cây Plan) hoặc outline (dàn ý)',
    en: 'output format: json (the Plan tree) or outline',
  },
  'cli.schema.description': {
    vi: 'in JSON Schema của cây Plan (sinh từ lược đồ zod)',
    en: 'print the JSON Schema of the Plan tree (generated from the zod schema)',
  },
  // commander's error lines, translated
  'cli.error.unknown-option': { vi: "tùy chọn không hợp lệ '{flag}'", en: "unknown option '{flag}'" },
  'cli.error.unknown-command': {
    vi: "lệnh không hợp lệ '{name}' (xem kh --help)",
    en: "unknown command '{name}' (see kh --help)",
  },
  'cli.error.missing-argument': { vi: "thiếu tham số '{name}'", en: "missing argument '{name}'" },
  'cli.error.option-missing-argument': {
    vi: "tùy chọn '{flag}' cần một giá trị",
    en: "option '{flag}' needs a value",
  },
  'cli.error.invalid-choice': {
    vi: "giá trị '{value}' không hợp lệ cho '{flag}'; chọn một trong: {allowed}",
    en: "invalid value '{value}' for '{flag}'; choose one of: {allowed}",
  },
  'cli.error.excess-arguments': { vi: 'thừa tham số', en: 'too many arguments' },
  /** Any other commander error: its first line (its further English lines only in English). */
  'cli.error.other': { vi: '{first}', en: '{first}{more}', viOmits: ['more'] },
  'cli.error.did-you-mean': { vi: '(có phải ý bạn là {what}?)', en: '(did you mean {what}?)' },
  // the reading options (src/cli/read-options.ts)
  'read.max-file-size': {
    vi: 'bỏ qua (báo lỗi) tệp lớn hơn mức này, ví dụ 200MB (mặc định: {default})',
    en: 'refuse (report) files larger than this, e.g. 200MB (default: {default})',
  },
  'read.timeout': {
    vi: 'dừng đọc một tệp sau số giây này (mặc định: {default})',
    en: 'stop reading one file after this many seconds (default: {default})',
  },
  'read.ocr': {
    vi: 'đọc tệp PDF bằng nhận dạng chữ (OCR, Tesseract) kể cả khi có lớp chữ; PDF quét luôn được OCR',
    en: "read PDFs through OCR (Tesseract) even when they have a text layer; scanned PDFs are always OCR'd",
  },
  'read.bad-size': {
    vi: '--max-file-size "{value}": cần một kích thước như 100MB hoặc 512KB',
    en: '--max-file-size "{value}": expected a size such as 100MB or 512KB',
  },
  'read.bad-timeout': {
    vi: '--timeout-per-file "{value}": cần một số giây dương',
    en: '--timeout-per-file "{value}": expected a positive number of seconds',
  },
  // kh parse --format outline (src/cli/commands/parse.ts)
  'outline.file': { vi: 'Tệp', en: 'File' },
  'outline.format': { vi: 'định dạng', en: 'format' },
  'outline.pages': { vi: 'trang', en: 'pages' },
  'outline.issuer': { vi: 'Cơ quan ban hành', en: 'Issuer' },
  'outline.number': { vi: 'Số, ký hiệu', en: 'Number/symbol' },
  'outline.date': { vi: 'Ngày ban hành', en: 'Issue date' },
  'outline.doc-type': { vi: 'Loại văn bản', en: 'Document type' },
  'outline.title': { vi: 'Trích yếu', en: 'Title' },
  'outline.plan-year': { vi: 'Năm kế hoạch', en: 'Plan year' },
  'outline.level': { vi: 'Cấp', en: 'Level' },
  'outline.draft': { vi: 'dự thảo', en: 'draft' },
  'outline.not-plan': { vi: 'không phải Kế hoạch', en: 'not a Kế hoạch' },
  'outline.sections': { vi: 'Các phần', en: 'Sections' },
  'outline.goals': { vi: 'Mục tiêu', en: 'Goals' },
  'outline.indicator': { vi: 'Chỉ tiêu', en: 'Indicator' },
  'outline.assignments': { vi: 'Phân công', en: 'Assignments' },
  'outline.partners': { vi: 'phối hợp', en: 'with' },
  'outline.refs': { vi: 'chỉ tiêu', en: 'indicators' },
  'outline.citations': { vi: 'Văn bản dẫn chiếu', en: 'Citations' },
  'outline.signature': { vi: 'Chữ ký', en: 'Signature' },
  'outline.recipients': { vi: 'Nơi nhận', en: 'Recipients' },
  'outline.tables': { vi: 'Bảng', en: 'Tables' },
  'outline.rows': { vi: 'dòng', en: 'rows' },
  'outline.none': { vi: '(không có)', en: '(none)' },
  'outline.missing': { vi: '—', en: '—' },
  'outline.preamble': { vi: 'Mở đầu', en: 'Preamble' },
  'outline.closing': { vi: 'Kết thúc', en: 'Closing' },
  'outline.paragraphs': { vi: 'đoạn', en: 'paragraphs' },
  'outline.articles': { vi: 'Các điều', en: 'Articles' },
  'outline.attachment': { vi: 'Văn bản kèm theo', en: 'Attached document' },
  'outline.appendices': { vi: 'Phụ lục, biểu mẫu', en: 'Appendices and forms' },
  'outline.structure': { vi: 'Độ tin cậy của cấu trúc', en: 'Structure confidence' },
  'outline.uncertain': { vi: 'chưa chắc', en: 'uncertain' },
} satisfies Entries;
