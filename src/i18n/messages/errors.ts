/** Errors about the user's input, output, system calls and limits (src/util/errors.ts, output.ts). */
import type { Entries } from '../types.js';

export default {
  'input.not-found': { vi: 'không tìm thấy tệp', en: 'file not found' },
  'input.is-directory': {
    vi: 'đây là thư mục, không phải tệp văn bản',
    en: 'is a directory, not a document file',
  },
  'input.read-error': { vi: 'không đọc được tệp ({reason})', en: 'cannot read the file ({reason})' },
  'input.empty': { vi: 'tệp rỗng, không có nội dung', en: 'the file is empty' },
  'input.unknown-extension': {
    vi: 'không hỗ trợ định dạng "{ext}"; kh đọc {extensions}',
    en: 'unsupported file type "{ext}"; kh reads {extensions}',
  },
  'input.binary': {
    vi: 'tệp chứa dữ liệu nhị phân, không phải văn bản thuần (hãy kiểm tra lại đuôi tệp)',
    en: 'the file holds binary data, not plain text (check its extension)',
  },
  'input.legacy-encoding': {
    vi: 'văn bản dùng bảng mã cũ {encoding}; hãy chuyển sang Unicode (UTF-8), ví dụ bằng Unikey (Công cụ chuyển mã), rồi chạy lại',
    en: "the text uses the legacy Vietnamese encoding {encoding}; convert it to Unicode (UTF-8), e.g. with Unikey's converter, and run again",
  },
  'input.invalid-utf8': {
    vi: 'tệp không phải văn bản UTF-8 hợp lệ (byte lỗi ở dòng {line}); hãy lưu lại với bảng mã Unicode (UTF-8) rồi chạy lại',
    en: 'the file is not valid UTF-8 text (bad byte on line {line}); save it again as Unicode (UTF-8) and run again',
  },
  'input.legacy-undecided': {
    vi: 'không xác định được bảng mã của văn bản: đọc được như {encodings} gần như nhau; hãy chỉ rõ bảng mã, ví dụ "kh convert <tệp> --from {ids} -o <tệp mới>", rồi chạy lại với tệp mới',
    en: 'cannot tell the text\'s encoding: it reads about equally well as {encodings}; say which, e.g. "kh convert <file> --from {ids} -o <new file>", and run again on the new file',
  },
  'input.doc-legacy': {
    vi: 'tệp mang đuôi .docx nhưng là tệp Word 97-2003 (.doc); hãy đổi đuôi thành .doc rồi chạy lại',
    en: 'the file is named .docx but is a Word 97-2003 (.doc) file; rename it to .doc and run again',
  },
  'input.doc-encrypted': {
    vi: 'tệp .doc được đặt mật khẩu; hãy gỡ mật khẩu rồi chạy lại',
    en: 'the .doc is password-protected; remove the password and run again',
  },
  'input.doc-not-word': {
    vi: 'tệp mang đuôi .doc nhưng không phải văn bản Word 97-2003: {kind}',
    en: 'the file is named .doc but is not a Word 97-2003 document: {kind}',
  },
  'input.doc-old-version': {
    vi: 'tệp Word 6.0/95 (cũ hơn Word 97), kh không đọc được; hãy mở bằng Word và lưu thành .docx',
    en: 'a Word 6.0/95 file (older than Word 97), which kh cannot read; open it in Word and save it as .docx',
  },
  'input.doc-corrupt': {
    vi: 'tệp .doc bị hỏng, không đọc được ({part}); hãy mở bằng Word và lưu lại thành .docx',
    en: 'the .doc is damaged and cannot be read ({part}); open it in Word and save it as .docx',
  },
  'input.not-zip': {
    vi: 'tệp .docx bị hỏng hoặc không phải tệp Word (.docx là tệp nén zip)',
    en: 'the .docx is damaged or not a Word file (a .docx is a zip archive)',
  },
  'input.no-document-xml': {
    vi: 'tệp .docx thiếu phần nội dung (word/document.xml); hãy mở và lưu lại bằng Word',
    en: 'the .docx has no word/document.xml; open and save it again in Word',
  },
  'input.docx-encrypted': {
    vi: 'tệp .docx được đặt mật khẩu; hãy gỡ mật khẩu rồi chạy lại',
    en: 'the .docx is password-protected; remove the password and run again',
  },
  'input.docx-corrupt': {
    vi: 'không đọc được nội dung tệp .docx ({problem})',
    en: 'cannot read the .docx content ({problem})',
  },
  'input.pdf-corrupt': { vi: 'tệp PDF bị hỏng hoặc không phải PDF', en: 'the PDF is damaged or not a PDF' },
  'input.pdf-encrypted': {
    vi: 'tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi chạy lại',
    en: 'the PDF is password-protected; remove the password and run again',
  },
  'input.pdf-no-text': {
    vi: 'tệp PDF không có chữ: không có lớp chữ và nhận dạng chữ (OCR) không đọc được chữ nào trên các trang',
    en: 'the PDF has no text: no text layer, and OCR found no words on its pages',
  },
  'input.ocr-missing': {
    vi: 'tệp PDF là bản quét (không có lớp chữ) nên cần nhận dạng chữ (OCR), nhưng máy chưa cài {packages}; hãy cài bằng: sudo apt-get install {packages}',
    en: 'the PDF is a scan (no text layer) and needs OCR, but {packages} {verb} not installed; install with: sudo apt-get install {packages}',
    viOmits: ['verb'],
  },
  // English's verb after a list of packages (inside input.ocr-missing)
  'input.verb-is': { vi: 'là', en: 'is' },
  'input.verb-are': { vi: 'là', en: 'are' },
  'input.limit': {
    vi: 'vượt giới hạn {limit} {value}{where}; kh dừng đọc tệp này — nếu đây là văn bản thật, nâng giới hạn bằng "limits" trong kh.config.json{flag}',
    en: 'exceeds the limit on {limit}, {value}{where}; kh stopped reading it — if this is a real document, raise "limits" in kh.config.json{flag}',
  },
  'input.timeout': {
    vi: 'đọc tệp quá {seconds} giây nên đã dừng; nếu đây là văn bản thật, tăng --timeout-per-file',
    en: 'reading took more than {seconds} seconds and was stopped; if this is a real document, raise --timeout-per-file',
  },
  'input.out-of-memory': {
    vi: 'đọc tệp cần quá {mb} MB bộ nhớ nên đã dừng; tệp có thể bị hỏng hoặc được tạo để gây hại',
    en: 'reading needed more than {mb} MB of memory and was stopped; the file may be damaged or hostile',
  },
  'input.crashed': {
    vi: 'bộ đọc bị dừng đột ngột khi đọc tệp này ({reason}); hãy chạy lại với --debug và báo lỗi',
    en: 'the reader stopped abruptly on this file ({reason}); run again with --debug and report it',
  },

  // Where a .docx is damaged (inside input.docx-corrupt); the XML parser's own words only in English.
  'docx-problem.xml': {
    vi: '{part} không phải XML hợp lệ',
    en: '{part} is not well-formed XML{detail}',
    viOmits: ['detail'],
  },
  'docx-problem.not-body': {
    vi: '{part} không phải phần nội dung của văn bản Word',
    en: '{part} is not a Word document body',
  },
  'docx-problem.zip': {
    vi: '{part}: dữ liệu nén bị hỏng',
    en: '{part}: damaged zip data{detail}',
    viOmits: ['detail'],
  },
  'docx-problem.markers': {
    vi: '{part} dùng hết các ký tự vùng riêng (private-use)',
    en: '{part} uses every private-use character',
  },
  'docx-problem.other': { vi: 'tệp hỏng', en: 'damaged file' },

  // What a file named .doc really is (inside input.doc-not-word; doc-binary.ts sniffNonOle), and what to do.
  'not-word.rtf': {
    vi: 'đây là tệp RTF; hãy mở bằng Word và lưu thành .docx',
    en: 'it is an RTF file; open it in Word and save it as .docx',
  },
  'not-word.html': {
    vi: 'đây là trang web (HTML); hãy mở bằng Word và lưu thành .docx',
    en: 'it is a web page (HTML); open it in Word and save it as .docx',
  },
  'not-word.mht': {
    vi: 'đây là trang web lưu một tệp (MHTML); hãy mở bằng Word và lưu thành .docx',
    en: 'it is a single-file web page (MHTML); open it in Word and save it as .docx',
  },
  'not-word.word-xml': {
    vi: 'đây là tệp Word XML 2003; hãy mở bằng Word và lưu thành .docx',
    en: 'it is a Word 2003 XML file; open it in Word and save it as .docx',
  },
  'not-word.zip': {
    vi: 'đây là tệp nén zip (có thể là .docx bị đổi đuôi: hãy đổi đuôi thành .docx)',
    en: 'it is a zip archive (perhaps a renamed .docx: rename it to .docx)',
  },
  'not-word.pdf': { vi: 'đây là tệp PDF; hãy đổi đuôi thành .pdf', en: 'it is a PDF; rename it to .pdf' },
  'not-word.text': {
    vi: 'đây là văn bản thuần; hãy đổi đuôi thành .txt',
    en: 'it is plain text; rename it to .txt',
  },
  'not-word.xls': { vi: 'đây là bảng tính Excel 97-2003', en: 'it is an Excel 97-2003 workbook' },
  'not-word.ppt': { vi: 'đây là tệp PowerPoint 97-2003', en: 'it is a PowerPoint 97-2003 file' },
  'not-word.ole': {
    vi: 'tệp Office không chứa văn bản Word',
    en: 'an Office file without a Word document in it',
  },
  'not-word.unknown': {
    vi: 'không nhận ra định dạng; hãy mở bằng Word và lưu thành .docx',
    en: 'unknown format; open it in Word and save it as .docx',
  },

  // The part of a .doc found damaged (inside input.doc-corrupt; doc-binary.ts).
  'doc-part.ole': { vi: 'cấu trúc tệp OLE', en: 'its OLE container' },
  'doc-part.text': { vi: 'bảng vị trí văn bản', en: 'its piece table' },
  'doc-part.properties': { vi: 'bảng định dạng đoạn và ký tự', en: 'its paragraph and character properties' },
  'doc-part.markers': {
    vi: 'văn bản dùng hết các ký tự vùng riêng (private-use)',
    en: 'the text uses every private-use character',
  },

  // Lists joined in a sentence: "{init} và {last}".
  'list.and': { vi: '{init} và {last}', en: '{init} and {last}' },
  'list.or': { vi: '{init} hoặc {last}', en: '{init} or {last}' },
  'list.or-hay': { vi: '{init} hay {last}', en: '{init} or {last}' },

  // What each limit is called (inside input.limit), and where it was met.
  'limit.fileSize': { vi: 'kích thước tệp', en: 'file size' },
  'limit.partSize': { vi: 'dung lượng giải nén của một phần .docx', en: 'inflated size of a .docx part' },
  'limit.xmlDepth': { vi: 'độ sâu lồng nhau của XML', en: 'XML nesting depth' },
  'limit.xmlNodes': { vi: 'số phần tử XML', en: 'number of XML elements' },
  'limit.pdfPages': { vi: 'số trang PDF', en: 'number of PDF pages' },
  'limit.pdfItemsPerPage': { vi: 'số đoạn chữ trên một trang PDF', en: 'text items on one PDF page' },
  'limit.textLength': { vi: 'độ dài văn bản (ký tự)', en: 'text length (characters)' },
  'limit.ocrPages': { vi: 'số trang PDF cần nhận dạng chữ (OCR)', en: 'PDF pages to read by OCR' },
  'limit.where-page': { vi: ' (trang {page})', en: ' (page {page})' },
  'limit.or-flag': { vi: ' hoặc --max-file-size', en: ' or --max-file-size' },

  // System error codes a user can meet when kh reads or writes a path.
  'system.unknown': { vi: 'lỗi hệ thống', en: 'system error' },
  'system.EACCES': { vi: 'không có quyền truy cập (EACCES)', en: 'permission denied (EACCES)' },
  'system.EPERM': { vi: 'không được phép (EPERM)', en: 'operation not permitted (EPERM)' },
  'system.ENOENT': { vi: 'không tồn tại (ENOENT)', en: 'does not exist (ENOENT)' },
  'system.ENOTDIR': {
    vi: 'một phần của đường dẫn không phải thư mục (ENOTDIR)',
    en: 'a part of the path is not a directory (ENOTDIR)',
  },
  'system.EISDIR': { vi: 'là thư mục (EISDIR)', en: 'is a directory (EISDIR)' },
  'system.ENOSPC': { vi: 'ổ đĩa đã đầy (ENOSPC)', en: 'no space left on the device (ENOSPC)' },
  'system.EDQUOT': { vi: 'vượt hạn mức dung lượng (EDQUOT)', en: 'disk quota exceeded (EDQUOT)' },
  'system.EROFS': { vi: 'ổ đĩa chỉ đọc (EROFS)', en: 'read-only file system (EROFS)' },
  'system.EMFILE': { vi: 'mở quá nhiều tệp cùng lúc (EMFILE)', en: 'too many open files (EMFILE)' },
  'system.ENAMETOOLONG': { vi: 'tên tệp quá dài (ENAMETOOLONG)', en: 'file name too long (ENAMETOOLONG)' },
  'system.ELOOP': { vi: 'liên kết tượng trưng vòng lặp (ELOOP)', en: 'too many symbolic links (ELOOP)' },
  'system.EIO': { vi: 'lỗi đọc/ghi của thiết bị (EIO)', en: 'input/output error (EIO)' },
  'system.EBUSY': { vi: 'tệp đang bị khóa (EBUSY)', en: 'the file is busy (EBUSY)' },

  // Bugs (not the user's input): the details go to --debug.
  'internal.error': {
    vi: 'lỗi nội bộ ({reason}); hãy chạy lại với --debug và báo lỗi',
    en: 'internal error ({reason}); run again with --debug and report it',
  },
  'internal.rule-failed': {
    vi: 'lỗi nội bộ ở quy tắc "{rule}" khi kiểm tra tệp {file} ({reason}); hãy chạy lại với --debug và báo lỗi',
    en: 'internal error in rule "{rule}" while checking {file} ({reason}); run again with --debug and report it',
  },

  // Writing outputs (src/util/output.ts).
  'output.output-is-input': {
    vi: '{path}: đây là một tệp đầu vào ({input}); kh không bao giờ ghi đè tệp đầu vào — hãy chọn tệp khác để ghi',
    en: '{path}: this is one of the input files ({input}); kh never writes over its inputs — choose another output file',
  },
  'output.write-failed': { vi: 'không ghi được tệp {path} ({reason})', en: 'cannot write {path} ({reason})' },
} satisfies Entries;
