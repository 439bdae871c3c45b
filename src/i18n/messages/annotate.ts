/** kh annotate (src/annotate/command.ts). */
import type { Entries } from '../types.js';

export default {
  'annotate.not-docx': {
    vi: 'kh annotate chỉ ghi nhận xét vào tệp Word (.docx); với tệp {ext} hãy dùng báo cáo HTML: kh lint <tệp> --format html -o bao-cao.html',
    en: 'kh annotate writes comments into Word files (.docx) only; for {ext} files use the HTML report: kh lint <file> --format html -o report.html',
  },
  'annotate.this': { vi: 'này', en: 'this' },
  'annotate.exists': {
    vi: '{file} đã có; dùng --force để ghi đè hoặc -o để chọn tên khác',
    en: '{file} already exists; use --force to overwrite it or -o to choose another name',
  },
  'annotate.is-input': {
    vi: 'tệp ra (-o) trùng với tệp vào; kh không bao giờ ghi vào tệp vào',
    en: 'the output (-o) is the input file; kh never writes to its inputs',
  },
  'annotate.cannot-write': {
    vi: 'không ghi được tệp {file} ({reason})',
    en: 'cannot write {file} ({reason})',
  },
  'annotate.severity.error': { vi: 'Lỗi', en: 'Error' },
  'annotate.severity.warning': { vi: 'Cảnh báo', en: 'Warning' },
  'annotate.severity.info': { vi: 'Thông tin', en: 'Info' },
  'annotate.suggestion': { vi: 'Gợi ý', en: 'Suggestion' },
  'annotate.rule': { vi: 'Quy tắc: {id} (xem: kh explain {id})', en: 'Rule: {id} (see: kh explain {id})' },
  'annotate.done': {
    vi: '{file}: {count} nhận xét ({onText} gắn vào đoạn chữ được nêu, {onParagraph} gắn vào cả đoạn văn)',
    en: '{file}: {count} comments ({onText} on the text they cite, {onParagraph} on whole paragraphs)',
  },
  'annotate.fixed': {
    vi: ', {fixed}/{of} chỗ sửa chắc chắn ghi thành thay đổi được theo dõi (Track Changes)',
    en: ', {fixed} of {of} certain fixes written as tracked changes',
  },
} satisfies Entries;
