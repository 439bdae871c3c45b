/** The words of kh cite (its status texts and its table), Vietnamese and English. */
import type { Lang } from '../util/errors.js';

export const CITE_MESSAGES = {
  vi: {
    headers: ['#', 'Văn bản', 'Ngày', 'Cơ quan ban hành', 'Trích yếu', 'Tình trạng', 'Nơi trích dẫn'],
    inForce: 'còn hiệu lực',
    inForceFrom: (d: string) => `hiệu lực từ ${d}`,
    replaced: (by: string, from: string) => `được thay thế bởi ${by} từ ${from}`,
    ended: (from: string) => `hết hiệu lực từ ${from}`,
    period: (p: string) => `áp dụng giai đoạn ${p}`,
    guidance: 'văn bản của Đảng (định hướng, không có thời hạn hiệu lực)',
    notAsWritten: (c: string) => `không có văn bản như được viết (cùng tên: ${c})`,
    unknown: 'không có trong danh mục',
    disagreement: 'trích dẫn không thống nhất',
    dates: 'ngày',
    symbols: 'số/ký hiệu',
    unverified: 'chưa kiểm chứng',
    none: 'Không có văn bản nào được trích dẫn.',
    summary: (n: number, d: number) => `${n} văn bản${d ? `, ${d} trích dẫn không thống nhất` : ''}`,
  },
  en: {
    headers: ['#', 'Document', 'Date', 'Issuer', 'Subject', 'Status', 'Cited at'],
    inForce: 'in force',
    inForceFrom: (d: string) => `in force from ${d}`,
    replaced: (by: string, from: string) => `replaced by ${by} from ${from}`,
    ended: (from: string) => `ended on ${from}`,
    period: (p: string) => `covers ${p}`,
    guidance: 'party document (guidance, no validity period)',
    notAsWritten: (c: string) => `no such document as written (same name: ${c})`,
    unknown: 'not in the registry',
    disagreement: 'cited inconsistently',
    dates: 'dates',
    symbols: 'numbers/symbols',
    unverified: 'unverified',
    none: 'No document is cited.',
    summary: (n: number, d: number) => `${n} documents${d ? `, ${d} cited inconsistently` : ''}`,
  },
} satisfies Record<Lang, unknown>;
