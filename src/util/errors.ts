/**
 * Errors about the user's input (not bugs): printed as one localized line naming the file,
 * exit code 2, no stack trace unless --debug.
 */
export type InputErrorCode =
  | 'not-found'
  | 'is-directory'
  | 'read-error'
  | 'empty'
  | 'unknown-extension'
  | 'binary'
  | 'legacy-encoding'
  | 'invalid-utf8'
  | 'doc-legacy'
  | 'not-zip'
  | 'no-document-xml'
  | 'docx-encrypted'
  | 'docx-corrupt'
  | 'pdf-corrupt'
  | 'pdf-encrypted'
  | 'pdf-no-text';

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
    vi: (d) => `không đọc được tệp (${d.reason ?? 'lỗi hệ thống'})`,
    en: (d) => `cannot read the file (${d.reason ?? 'system error'})`,
  },
  empty: {
    vi: () => 'tệp rỗng, không có nội dung',
    en: () => 'the file is empty',
  },
  'unknown-extension': {
    vi: (d) => `không hỗ trợ định dạng "${d.ext ?? ''}"; kh đọc .txt, .md, .docx và .pdf`,
    en: (d) => `unsupported file type "${d.ext ?? ''}"; kh reads .txt, .md, .docx and .pdf`,
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
  'invalid-utf8': {
    vi: (d) =>
      `tệp không phải văn bản UTF-8 hợp lệ (byte lỗi ở dòng ${d.line ?? '?'}); hãy lưu lại với bảng mã Unicode (UTF-8) rồi chạy lại`,
    en: (d) =>
      `the file is not valid UTF-8 text (bad byte on line ${d.line ?? '?'}); save it again as Unicode (UTF-8) and run again`,
  },
  'doc-legacy': {
    vi: () => 'tệp Word 97-2003 (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu thành .docx',
    en: () => 'Word 97-2003 (.doc) files are not supported; open it in Word and save it as .docx',
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
    vi: (d) => `không đọc được nội dung tệp .docx (${d.reason ?? 'tệp hỏng'})`,
    en: (d) => `cannot read the .docx content (${d.reason ?? 'damaged file'})`,
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
    vi: () =>
      'tệp PDF là bản quét (chỉ có hình ảnh, không có lớp chữ); kh chưa hỗ trợ nhận dạng chữ (OCR) — hãy dùng tệp .docx hoặc PDF xuất từ Word',
    en: () =>
      'the PDF is a scan (images only, no text layer); kh has no OCR — use the .docx or a PDF exported from Word',
  },
};

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
