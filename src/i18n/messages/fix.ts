/** kh lint --fix (src/fix/apply.ts) */
import type { Entries } from '../types.js';

export default {
  // kh lint --fix (src/fix/apply.ts)
  'fix.would-fix': {
    vi: '{file}: sẽ sửa {n} chỗ (--fix-dry-run, tệp không bị ghi):',
    en: '{file}: would fix {n} (--fix-dry-run, the file is not written):',
  },
  'fix.fixed': { vi: '{file}: đã sửa {n} chỗ', en: '{file}: fixed {n}' },
  'fix.nfc': {
    vi: 'chuẩn hóa Unicode NFC (dấu tiếng Việt dựng sẵn)',
    en: 'Unicode NFC normalization (precomposed Vietnamese letters)',
  },
  'fix.not-utf8': {
    vi: '{file}: không sửa (tệp không phải UTF-8)',
    en: '{file}: not fixed (the file is not UTF-8)',
  },
} satisfies Entries;
