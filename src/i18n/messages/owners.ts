/** kh owners and reference catalogues (src/owners/). */
import type { Entries } from '../types.js';

export default {
  'reference.error': { vi: 'tệp tham chiếu {file}: {reason}', en: 'reference {file}: {reason}' },
  'reference.unreadable': { vi: 'không đọc được ({why})', en: 'cannot be read ({why})' },
  'reference.invalid': {
    vi: 'không phải bộ chỉ tiêu hợp lệ: {detail}',
    en: 'is not a valid catalogue: {detail}',
  },
  'reference.no-goals': {
    vi: 'văn bản không nêu mục tiêu, chỉ tiêu nào ("Mục tiêu 1: …")',
    en: 'the document defines no goals or indicators ("Mục tiêu 1: …")',
  },
  // the responsibility matrix (src/owners/render.ts)
  'owners.agency': { vi: 'Cơ quan', en: 'Agency' },
  'owners.lead': { vi: 'C', en: 'L' },
  'owners.support': { vi: 'P', en: 'S' },
  'owners.legend': {
    vi: 'C = chủ trì / chịu trách nhiệm, P = phối hợp; cột "M.N" = chỉ tiêu N của Mục tiêu M',
    en: 'L = lead (chủ trì / chịu trách nhiệm), S = support (phối hợp); column "M.N" = indicator N of goal M',
  },
  'owners.unowned': { vi: 'Chỉ tiêu chưa có cơ quan chủ trì', en: 'Indicators with no lead agency' },
  'owners.double': {
    vi: 'Chỉ tiêu có hai cơ quan chủ trì trở lên',
    en: 'Indicators with two or more lead agencies',
  },
  'owners.none': { vi: 'không có', en: 'none' },
  'owners.no-catalogue': {
    vi: 'Văn bản không nêu và không giao mục tiêu, chỉ tiêu nào: không có ma trận trách nhiệm.',
    en: 'The document neither defines nor assigns goals or indicators: no responsibility matrix.',
  },
  'owners.self': {
    vi: 'mục tiêu, chỉ tiêu của chính văn bản',
    en: "the document's own goals and indicators",
  },
  'owners.catalogue': { vi: 'Bộ chỉ tiêu', en: 'Catalogue' },
  'owners.leads-row': { vi: 'Số cơ quan chủ trì', en: 'Lead agencies' },
} satisfies Entries;
