/** kh data and kh data check (src/cli/commands/data.ts). */
import type { Entries } from '../types.js';

export default {
  'data.head.registry': { vi: 'Sổ dữ liệu', en: 'Registry' },
  'data.head.version': { vi: 'Phiên bản', en: 'Version' },
  'data.head.entries': { vi: 'Số mục', en: 'Entries' },
  'data.head.checked': { vi: 'Kiểm tra lần cuối', en: 'Last checked' },
  'data.marks': {
    vi: 'V: đã kiểm chứng trong văn bản gốc; S: nguồn thứ cấp; M: ghi nhớ, chưa kiểm chứng. Quy tắc dựa trên mục S/M chỉ báo cảnh báo.',
    en: 'V: verified in the primary text; S: secondary source; M: remembered, not verified. Rules relying on S/M entries report warnings at most.',
  },
  'data.none': {
    vi: 'Không có mục nào hết hiệu lực trước {today} mà thiếu cơ quan/văn bản kế nhiệm.',
    en: 'No entry ended before {today} without a successor.',
  },
  'data.found': {
    vi: '{count} mục hết hiệu lực trước {today} mà không có kế nhiệm trong dữ liệu:',
    en: '{count} entries ended before {today} with no successor in the data:',
  },
  'data.kind.ended': { vi: 'hết hiệu lực, không có kế nhiệm', en: 'ended, no successor' },
  'data.kind.replaced-unknown': {
    vi: 'bị thay thế bởi văn bản không có trong dữ liệu',
    en: 'replaced by a document the data lacks',
  },
  'data.kind.period-over': { vi: 'hết giai đoạn', en: 'period over' },
  'data.kind.dangling': { vi: 'kế nhiệm trỏ tới khóa không có', en: 'successor key missing' },
  // kh rules (src/cli/commands/rules.ts) and the rule docs (src/rules/docs.ts)
  'rules.head.rule': { vi: 'Quy tắc', en: 'Rule' },
  'rules.head.default': { vi: 'Mức mặc định', en: 'Default' },
  'rules.head.description': { vi: 'Mô tả', en: 'Description' },
  'rules.docs.wrong': { vi: 'Sai', en: 'Wrong' },
  'rules.docs.right': { vi: 'Đúng', en: 'Right' },
  'rules.docs.severity': { vi: 'Mức mặc định', en: 'Default severity' },
  'rules.docs.options': { vi: 'Tùy chọn mặc định', en: 'Default options' },
  'rules.docs.none': { vi: 'không có', en: 'none' },
} satisfies Entries;
