/**
 * Errors about the user's input (not bugs): printed as one localized line naming the file,
 * exit code 2, no stack trace unless --debug.
 */
import { extensionList } from '../parse/formats.js';

export type InputErrorCode =
  | 'not-found'
  | 'is-directory'
  | 'read-error'
  | 'empty'
  | 'unknown-extension'
  | 'binary'
  | 'legacy-encoding'
  | 'legacy-undecided'
  | 'invalid-utf8'
  | 'doc-legacy'
  | 'doc-encrypted'
  | 'doc-not-word'
  | 'doc-old-version'
  | 'doc-corrupt'
  | 'not-zip'
  | 'no-document-xml'
  | 'docx-encrypted'
  | 'docx-corrupt'
  | 'pdf-corrupt'
  | 'pdf-encrypted'
  | 'pdf-no-text'
  | 'ocr-missing'
  | 'limit'
  | 'timeout'
  | 'out-of-memory'
  | 'crashed';

export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly details: Record<string, string>;
  constructor(code: InputErrorCode, details: Record<string, string> = {}, cause?: unknown) {
    super(`${code}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`, { cause });
    this.name = 'InputError';
    this.code = code;
    this.details = details;
  }
}

export type Lang = 'vi' | 'en';

/** System error codes a user can meet when kh reads or writes a path, in both languages. */
const SYSTEM_REASONS: Record<string, Record<Lang, string>> = {
  EACCES: { vi: 'không có quyền truy cập', en: 'permission denied' },
  EPERM: { vi: 'không được phép', en: 'operation not permitted' },
  ENOENT: { vi: 'không tồn tại', en: 'does not exist' },
  ENOTDIR: { vi: 'một phần của đường dẫn không phải thư mục', en: 'a part of the path is not a directory' },
  EISDIR: { vi: 'là thư mục', en: 'is a directory' },
  ENOSPC: { vi: 'ổ đĩa đã đầy', en: 'no space left on the device' },
  EDQUOT: { vi: 'vượt hạn mức dung lượng', en: 'disk quota exceeded' },
  EROFS: { vi: 'ổ đĩa chỉ đọc', en: 'read-only file system' },
  EMFILE: { vi: 'mở quá nhiều tệp cùng lúc', en: 'too many open files' },
  ENAMETOOLONG: { vi: 'tên tệp quá dài', en: 'file name too long' },
  ELOOP: { vi: 'liên kết tượng trưng vòng lặp', en: 'too many symbolic links' },
  EIO: { vi: 'lỗi đọc/ghi của thiết bị', en: 'input/output error' },
  EBUSY: { vi: 'tệp đang bị khóa', en: 'the file is busy' },
};

/** "permission denied (EACCES)" / "không có quyền truy cập (EACCES)"; the bare code when unknown. */
export function systemReason(code: string | undefined, lang: Lang): string {
  if (!code) return lang === 'en' ? 'system error' : 'lỗi hệ thống';
  const words = SYSTEM_REASONS[code];
  return words ? `${words[lang]} (${code})` : code;
}

/** The system error codes that SYSTEM_REASONS words (tests check both languages). */
export const SYSTEM_REASON_CODES = Object.keys(SYSTEM_REASONS);

/** What each limit is called in messages, and where it is set. */
const LIMIT_WORDS: Record<string, Record<Lang, string>> = {
  fileSize: { vi: 'kích thước tệp', en: 'file size' },
  partSize: { vi: 'dung lượng giải nén của một phần .docx', en: 'inflated size of a .docx part' },
  xmlDepth: { vi: 'độ sâu lồng nhau của XML', en: 'XML nesting depth' },
  xmlNodes: { vi: 'số phần tử XML', en: 'number of XML elements' },
  pdfPages: { vi: 'số trang PDF', en: 'number of PDF pages' },
  pdfItemsPerPage: { vi: 'số đoạn chữ trên một trang PDF', en: 'text items on one PDF page' },
  textLength: { vi: 'độ dài văn bản (ký tự)', en: 'text length (characters)' },
  ocrPages: { vi: 'số trang PDF cần nhận dạng chữ (OCR)', en: 'PDF pages to read by OCR' },
};

/** The limit names that LIMIT_WORDS words (tests check both languages). */
export const LIMIT_WORD_NAMES = Object.keys(LIMIT_WORDS);

function limitWhere(d: Record<string, string>, lang: Lang): string {
  if (d.part) return ` (${d.part})`;
  if (d.page) return lang === 'en' ? ` (page ${d.page})` : ` (trang ${d.page})`;
  return '';
}

function limitWords(name: string | undefined, lang: Lang): string {
  return (name && LIMIT_WORDS[name]?.[lang]) || (name ?? '?');
}

/** Where each docx-corrupt problem is described (the XML parser's own words only in English). */
function docxProblem(d: Record<string, string>, lang: Lang): string {
  const part = d.part ?? 'word/document.xml';
  switch (d.problem) {
    case 'xml':
      return lang === 'en' ? `${part} is not well-formed XML${d.detail ? ` (${d.detail})` : ''}` : `${part} không phải XML hợp lệ`;
    case 'not-body':
      return lang === 'en' ? `${part} is not a Word document body` : `${part} không phải phần nội dung của văn bản Word`;
    case 'zip':
      return lang === 'en' ? `${part}: damaged zip data${d.detail ? ` (${d.detail})` : ''}` : `${part}: dữ liệu nén bị hỏng`;
    case 'markers':
      return lang === 'en' ? `${part} uses every private-use character` : `${part} dùng hết các ký tự vùng riêng (private-use)`;
    default:
      return lang === 'en' ? 'damaged file' : 'tệp hỏng';
  }
}

/** What a file named .doc really is (doc-binary.ts sniffNonOle), and what to do. */
const NOT_WORD_KINDS: Record<string, Record<Lang, string>> = {
  rtf: { vi: 'đây là tệp RTF; hãy mở bằng Word và lưu thành .docx', en: 'it is an RTF file; open it in Word and save it as .docx' },
  html: { vi: 'đây là trang web (HTML); hãy mở bằng Word và lưu thành .docx', en: 'it is a web page (HTML); open it in Word and save it as .docx' },
  mht: { vi: 'đây là trang web lưu một tệp (MHTML); hãy mở bằng Word và lưu thành .docx', en: 'it is a single-file web page (MHTML); open it in Word and save it as .docx' },
  'word-xml': { vi: 'đây là tệp Word XML 2003; hãy mở bằng Word và lưu thành .docx', en: 'it is a Word 2003 XML file; open it in Word and save it as .docx' },
  zip: { vi: 'đây là tệp nén zip (có thể là .docx bị đổi đuôi: hãy đổi đuôi thành .docx)', en: 'it is a zip archive (perhaps a renamed .docx: rename it to .docx)' },
  pdf: { vi: 'đây là tệp PDF; hãy đổi đuôi thành .pdf', en: 'it is a PDF; rename it to .pdf' },
  text: { vi: 'đây là văn bản thuần; hãy đổi đuôi thành .txt', en: 'it is plain text; rename it to .txt' },
  xls: { vi: 'đây là bảng tính Excel 97-2003', en: 'it is an Excel 97-2003 workbook' },
  ppt: { vi: 'đây là tệp PowerPoint 97-2003', en: 'it is a PowerPoint 97-2003 file' },
  ole: { vi: 'tệp Office không chứa văn bản Word', en: 'an Office file without a Word document in it' },
  unknown: { vi: 'không nhận ra định dạng; hãy mở bằng Word và lưu thành .docx', en: 'unknown format; open it in Word and save it as .docx' },
};

/** The part of a .doc found damaged (doc-binary.ts). */
const DOC_PARTS: Record<string, Record<Lang, string>> = {
  ole: { vi: 'cấu trúc tệp OLE', en: 'its OLE container' },
  text: { vi: 'bảng vị trí văn bản', en: 'its piece table' },
  properties: { vi: 'bảng định dạng đoạn và ký tự', en: 'its paragraph and character properties' },
  markers: { vi: 'văn bản dùng hết các ký tự vùng riêng (private-use)', en: 'the text uses every private-use character' },
};

/** The parts DOC_PARTS words (tests check both languages). */
export const DOC_PART_NAMES = Object.keys(DOC_PARTS);

function docPart(part: string | undefined, lang: Lang): string {
  return DOC_PARTS[part ?? 'ole']?.[lang] ?? part ?? '?';
}

/** The kinds NOT_WORD_KINDS words (tests check both languages). */
export const NOT_WORD_KIND_NAMES = Object.keys(NOT_WORD_KINDS);

function notWordKind(kind: string | undefined, lang: Lang): string {
  return (NOT_WORD_KINDS[kind ?? 'unknown'] ?? NOT_WORD_KINDS['unknown']!)[lang];
}

const messages: Record<InputErrorCode, Record<Lang, (d: Record<string, string>) => string>> = {
  'not-found': {
    vi: () => 'không tìm thấy tệp',
    en: () => 'file not found',
  },
  'is-directory': {
    vi: () => 'đây là thư mục, không phải tệp văn bản',
    en: () => 'is a directory, not a document file',
  },
  'read-error': {
    vi: (d) => `không đọc được tệp (${systemReason(d.reason, 'vi')})`,
    en: (d) => `cannot read the file (${systemReason(d.reason, 'en')})`,
  },
  empty: {
    vi: () => 'tệp rỗng, không có nội dung',
    en: () => 'the file is empty',
  },
  'unknown-extension': {
    vi: (d) => `không hỗ trợ định dạng "${d.ext ?? ''}"; kh đọc ${extensionList(' và ')}`,
    en: (d) => `unsupported file type "${d.ext ?? ''}"; kh reads ${extensionList(' and ')}`,
  },
  binary: {
    vi: () => 'tệp chứa dữ liệu nhị phân, không phải văn bản thuần (hãy kiểm tra lại đuôi tệp)',
    en: () => 'the file holds binary data, not plain text (check its extension)',
  },
  'legacy-encoding': {
    vi: (d) =>
      `văn bản dùng bảng mã cũ ${d.encoding ?? ''}; hãy chuyển sang Unicode (UTF-8), ví dụ bằng Unikey (Công cụ chuyển mã), rồi chạy lại`,
    en: (d) =>
      `the text uses the legacy Vietnamese encoding ${d.encoding ?? ''}; convert it to Unicode (UTF-8), e.g. with Unikey's converter, and run again`,
  },
  'legacy-undecided': {
    vi: (d) =>
      `không xác định được bảng mã của văn bản: đọc được như ${d.encodings ?? '?'} gần như nhau; hãy chỉ rõ bảng mã, ví dụ "kh convert <tệp> --from ${d.ids ?? 'tcvn3'} -o <tệp mới>", rồi chạy lại với tệp mới`,
    en: (d) =>
      `cannot tell the text's encoding: it reads about equally well as ${d.encodings ?? '?'}; say which, e.g. "kh convert <file> --from ${d.ids ?? 'tcvn3'} -o <new file>", and run again on the new file`,
  },
  'invalid-utf8': {
    vi: (d) =>
      `tệp không phải văn bản UTF-8 hợp lệ (byte lỗi ở dòng ${d.line ?? '?'}); hãy lưu lại với bảng mã Unicode (UTF-8) rồi chạy lại`,
    en: (d) =>
      `the file is not valid UTF-8 text (bad byte on line ${d.line ?? '?'}); save it again as Unicode (UTF-8) and run again`,
  },
  'doc-legacy': {
    vi: () => 'tệp mang đuôi .docx nhưng là tệp Word 97-2003 (.doc); hãy đổi đuôi thành .doc rồi chạy lại',
    en: () => 'the file is named .docx but is a Word 97-2003 (.doc) file; rename it to .doc and run again',
  },
  'doc-encrypted': {
    vi: () => 'tệp .doc được đặt mật khẩu; hãy gỡ mật khẩu rồi chạy lại',
    en: () => 'the .doc is password-protected; remove the password and run again',
  },
  'doc-not-word': {
    vi: (d) => `tệp mang đuôi .doc nhưng không phải văn bản Word 97-2003: ${notWordKind(d.kind, 'vi')}`,
    en: (d) => `the file is named .doc but is not a Word 97-2003 document: ${notWordKind(d.kind, 'en')}`,
  },
  'doc-old-version': {
    vi: () => 'tệp Word 6.0/95 (cũ hơn Word 97), kh không đọc được; hãy mở bằng Word và lưu thành .docx',
    en: () => 'a Word 6.0/95 file (older than Word 97), which kh cannot read; open it in Word and save it as .docx',
  },
  'doc-corrupt': {
    vi: (d) => `tệp .doc bị hỏng, không đọc được (${docPart(d.part, 'vi')}); hãy mở bằng Word và lưu lại thành .docx`,
    en: (d) => `the .doc is damaged and cannot be read (${docPart(d.part, 'en')}); open it in Word and save it as .docx`,
  },
  'not-zip': {
    vi: () => 'tệp .docx bị hỏng hoặc không phải tệp Word (.docx là tệp nén zip)',
    en: () => 'the .docx is damaged or not a Word file (a .docx is a zip archive)',
  },
  'no-document-xml': {
    vi: () => 'tệp .docx thiếu phần nội dung (word/document.xml); hãy mở và lưu lại bằng Word',
    en: () => 'the .docx has no word/document.xml; open and save it again in Word',
  },
  'docx-encrypted': {
    vi: () => 'tệp .docx được đặt mật khẩu; hãy gỡ mật khẩu rồi chạy lại',
    en: () => 'the .docx is password-protected; remove the password and run again',
  },
  'docx-corrupt': {
    vi: (d) => `không đọc được nội dung tệp .docx (${docxProblem(d, 'vi')})`,
    en: (d) => `cannot read the .docx content (${docxProblem(d, 'en')})`,
  },
  'pdf-corrupt': {
    vi: () => 'tệp PDF bị hỏng hoặc không phải PDF',
    en: () => 'the PDF is damaged or not a PDF',
  },
  'pdf-encrypted': {
    vi: () => 'tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi chạy lại',
    en: () => 'the PDF is password-protected; remove the password and run again',
  },
  'pdf-no-text': {
    vi: () => 'tệp PDF không có chữ: không có lớp chữ và nhận dạng chữ (OCR) không đọc được chữ nào trên các trang',
    en: () => 'the PDF has no text: no text layer, and OCR found no words on its pages',
  },
  'ocr-missing': {
    vi: (d) =>
      `tệp PDF là bản quét (không có lớp chữ) nên cần nhận dạng chữ (OCR), nhưng máy chưa cài ${d.packages ?? 'tesseract-ocr tesseract-ocr-vie poppler-utils'}; hãy cài bằng: sudo apt-get install ${d.packages ?? 'tesseract-ocr tesseract-ocr-vie poppler-utils'}`,
    en: (d) =>
      `the PDF is a scan (no text layer) and needs OCR, but ${d.packages ?? 'tesseract-ocr tesseract-ocr-vie poppler-utils'} ${(d.packages ?? ' ').includes(' ') ? 'are' : 'is'} not installed; install with: sudo apt-get install ${d.packages ?? 'tesseract-ocr tesseract-ocr-vie poppler-utils'}`,
  },
  limit: {
    vi: (d) =>
      `vượt giới hạn ${limitWords(d.limit, 'vi')} ${d.value ?? ''}${limitWhere(d, 'vi')}; kh dừng đọc tệp này — nếu đây là văn bản thật, nâng giới hạn bằng "limits" trong kh.config.json${d.limit === 'fileSize' ? ' hoặc --max-file-size' : ''}`,
    en: (d) =>
      `exceeds the limit on ${limitWords(d.limit, 'en')}, ${d.value ?? ''}${limitWhere(d, 'en')}; kh stopped reading it — if this is a real document, raise "limits" in kh.config.json${d.limit === 'fileSize' ? ' or --max-file-size' : ''}`,
  },
  timeout: {
    vi: (d) => `đọc tệp quá ${d.seconds ?? '?'} giây nên đã dừng; nếu đây là văn bản thật, tăng --timeout-per-file`,
    en: (d) => `reading took more than ${d.seconds ?? '?'} seconds and was stopped; if this is a real document, raise --timeout-per-file`,
  },
  'out-of-memory': {
    vi: (d) => `đọc tệp cần quá ${d.mb ?? '?'} MB bộ nhớ nên đã dừng; tệp có thể bị hỏng hoặc được tạo để gây hại`,
    en: (d) => `reading needed more than ${d.mb ?? '?'} MB of memory and was stopped; the file may be damaged or hostile`,
  },
  crashed: {
    vi: (d) => `bộ đọc bị dừng đột ngột khi đọc tệp này (${d.reason ?? '?'}); hãy chạy lại với --debug và báo lỗi`,
    en: (d) => `the reader stopped abruptly on this file (${d.reason ?? '?'}); run again with --debug and report it`,
  },
};

/** Every InputError code (tests check each has both languages). */
export const INPUT_ERROR_CODES = Object.keys(messages) as InputErrorCode[];

export function formatInputError(error: InputError, lang: Lang): string {
  return messages[error.code][lang](error.details);
}

/**
 * The one line printed after "kh: <file>: " for any error: an InputError's localized message, or
 * "internal error" for a bug (the details go to --debug).
 */
export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof InputError) return formatInputError(error, lang);
  const reason = error instanceof Error ? error.message : String(error);
  return lang === 'en'
    ? `internal error (${reason}); run again with --debug and report it`
    : `lỗi nội bộ (${reason}); hãy chạy lại với --debug và báo lỗi`;
}
