/** kh lint: inputs, the run, its limits (src/cli/commands/lint.ts, src/api/lint.ts). */
import type { Entries } from '../types.js';

export default {
  'lint.no-inputs': {
    vi: 'cần ít nhất một tệp, thư mục hoặc mẫu glob (ví dụ: kh lint van-ban/), hoặc khai báo "documents" trong kh.config.json',
    en: 'give at least one file, directory or glob (e.g. kh lint documents/), or set "documents" in kh.config.json',
  },
  'lint.no-match': {
    vi: 'không có tệp {extensions} nào khớp mẫu này',
    en: 'no {extensions} file matches this pattern',
  },
  'lint.empty-dir': {
    vi: 'thư mục không có tệp {extensions} nào',
    en: 'the directory holds no {extensions} file',
  },
  'lint.unreadable-dir': {
    vi: 'không đọc được thư mục ({reason}); các tệp trong đó không được kiểm tra',
    en: 'cannot read the directory ({reason}); the files in it were not checked',
  },
  'lint.too-many-warnings': {
    vi: '{count} cảnh báo, vượt quá giới hạn --max-warnings {max}',
    en: '{count} warnings, more than --max-warnings {max}',
  },
  'lint.bad-today': {
    vi: 'KH_TODAY="{value}" không phải ngày dạng YYYY-MM-DD',
    en: 'KH_TODAY="{value}" is not a YYYY-MM-DD date',
  },
  'lint.bad-concurrency': {
    vi: '--concurrency "{value}": cần một số nguyên dương, auto hoặc off',
    en: '--concurrency "{value}": expected a positive integer, auto or off',
  },
  'lint.bad-max-warnings': {
    vi: '--max-warnings "{value}": cần một số nguyên không âm',
    en: '--max-warnings "{value}": expected a non-negative integer',
  },
} satisfies Entries;
