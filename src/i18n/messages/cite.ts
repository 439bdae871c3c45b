/** kh cite (src/cli/commands/cite.ts) */
import type { Entries } from '../types.js';

export default {
  // kh cite (src/cli/commands/cite.ts)
  'cite.in-force': { vi: 'còn hiệu lực', en: 'in force' },
  'cite.in-force-from': { vi: 'hiệu lực từ {d}', en: 'in force from {d}' },
  'cite.replaced': { vi: 'được thay thế bởi {by} từ {from}', en: 'replaced by {by} from {from}' },
  'cite.ended': { vi: 'hết hiệu lực từ {from}', en: 'ended on {from}' },
  'cite.period': { vi: 'áp dụng giai đoạn {p}', en: 'covers {p}' },
  'cite.guidance': {
    vi: 'văn bản của Đảng (định hướng, không có thời hạn hiệu lực)',
    en: 'party document (guidance, no validity period)',
  },
  'cite.not-as-written': {
    vi: 'không có văn bản như được viết (cùng tên: {c})',
    en: 'no such document as written (same name: {c})',
  },
  'cite.unknown': { vi: 'không có trong danh mục', en: 'not in the registry' },
  'cite.disagreement': { vi: 'trích dẫn không thống nhất', en: 'cited inconsistently' },
  'cite.dates': { vi: 'ngày', en: 'dates' },
  'cite.symbols': { vi: 'số/ký hiệu', en: 'numbers/symbols' },
  'cite.unverified': { vi: 'chưa kiểm chứng', en: 'unverified' },
  'cite.none': { vi: 'Không có văn bản nào được trích dẫn.', en: 'No document is cited.' },
  'cite.header.document': { vi: 'Văn bản', en: 'Document' },
  'cite.header.date': { vi: 'Ngày', en: 'Date' },
  'cite.header.issuer': { vi: 'Cơ quan ban hành', en: 'Issuer' },
  'cite.header.subject': { vi: 'Trích yếu', en: 'Subject' },
  'cite.header.status': { vi: 'Tình trạng', en: 'Status' },
  'cite.header.cited-at': { vi: 'Nơi trích dẫn', en: 'Cited at' },
  'cite.summary': { vi: '{count} văn bản{disagreements}', en: '{count} documents{disagreements}' },
  'cite.summary-disagreements': {
    vi: ', {count} trích dẫn không thống nhất',
    en: ', {count} cited inconsistently',
  },
} satisfies Entries;
