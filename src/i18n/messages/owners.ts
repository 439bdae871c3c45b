/** kh owners and reference catalogues (src/owners/). */
import type { Entries } from '../types.js';

export default {
  'reference.error': { vi: 'tệp tham chiếu {file}: {reason}', en: 'reference {file}: {reason}' },
  'reference.unreadable': { vi: 'không đọc được ({why})', en: 'cannot be read ({why})' },
  'reference.invalid': { vi: 'không phải bộ chỉ tiêu hợp lệ: {detail}', en: 'is not a valid catalogue: {detail}' },
  'reference.no-goals': {
    vi: 'văn bản không nêu mục tiêu, chỉ tiêu nào ("Mục tiêu 1: …")',
    en: 'the document defines no goals or indicators ("Mục tiêu 1: …")',
  },
} satisfies Entries;
