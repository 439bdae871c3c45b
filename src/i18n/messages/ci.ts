/** kh lint's CI options and kh merge-reports (src/ci/). */
import type { Entries } from '../types.js';

export default {
  'ci.suppressed': { vi: 'kh: {file}: bỏ qua {total} phát hiện trong {files} tệp', en: 'kh: {file}: {total} suppressed findings in {files} files' },
  'ci.unpruned': {
    vi: '{file}: {unused} phát hiện được bỏ qua nay không còn ({files}); chạy kh lint --prune-suppressions để xóa chúng khỏi tệp, hoặc thêm --pass-on-unpruned-suppressions',
    en: '{file}: {unused} suppressed findings no longer occur ({files}); run kh lint --prune-suppressions to drop them, or pass --pass-on-unpruned-suppressions',
  },
  // the progress line (src/ci/progress.ts)
  'ci.progress.minutes': { vi: '{m} ph {s} s', en: '{m}m {s} s' },
  'ci.progress.hours': { vi: '{h} h {m} ph', en: '{h} h {m}m' },
  'ci.progress.files': { vi: 'tệp', en: 'files' },
  'ci.progress.left': { vi: ' · còn khoảng {left}', en: ' · ~{left} left' },
} satisfies Entries;
