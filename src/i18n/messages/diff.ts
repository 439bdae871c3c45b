/** kh diff (src/cli/commands/diff.ts) */
import type { Entries } from '../types.js';

export default {
  // kh diff (src/cli/commands/diff.ts)
  'diff.several': {
    vi: 'có nhiều kế hoạch của năm {year}; hãy chỉ rõ tệp (kh diff cũ.docx mới.docx) hoặc dùng --issuer:',
    en: 'several plans of year {year}; give the files (kh diff old.docx new.docx) or use --issuer:',
  },
  'diff.no-pair': {
    vi: 'không ghép được kế hoạch năm {a} với kế hoạch năm {b} (khác cơ quan ban hành hoặc nội dung); hãy chỉ rõ tệp hoặc dùng --issuer:',
    en: 'cannot pair a {a} plan with a {b} plan (different issuer or subject); give the files or use --issuer:',
  },
  'diff.no-docs': {
    vi: 'không tìm thấy văn bản nào ({extensions}) trong {where}',
    en: 'no document ({extensions}) found in {where}',
  },
  'diff.written': { vi: 'đã ghi {file}\n', en: 'wrote {file}\n' },
  'diff.not-found': { vi: 'không tìm thấy tệp', en: 'file not found' },
  'diff.no-year': {
    vi: 'không có kế hoạch nào của năm {year} trong các văn bản đã đọc{found}',
    en: 'no plan of year {year} among the documents read{found}',
  },
  'diff.years-found': { vi: ' (các năm tìm thấy: {found})', en: ' (years found: {found})' },
  'diff.no-plan-year': { vi: ' (không văn bản nào có năm kế hoạch)', en: ' (none has a plan year)' },
  // kh diff's reports (src/diff/messages.ts)
  'diff.title': { vi: 'So sánh kế hoạch', en: 'Plan comparison' },
  'diff.old': { vi: 'Bản cũ', en: 'Old' },
  'diff.new': { vi: 'Bản mới', en: 'New' },
  'diff.summary': { vi: 'Tóm tắt', en: 'Summary' },
  'diff.no-change': { vi: 'không có thay đổi', en: 'no change' },
  'diff.none': { vi: '—', en: '—' },
  'diff.notes': { vi: 'Ghi chú', en: 'Notes' },
  'diff.at': { vi: 'tại', en: 'at' },
  'diff.unchanged-items': { vi: '{count} mục giữ nguyên', en: '{count} unchanged' },
  'diff.minor': {
    vi: '{count} thay đổi nhỏ (chữ hoa/khoảng trắng)',
    en: '{count} minor changes (case/spacing)',
  },
  // kinds
  'diff.kind.added': { vi: 'thêm', en: 'added' },
  'diff.kind.removed': { vi: 'bỏ', en: 'removed' },
  'diff.kind.moved': { vi: 'chuyển chỗ', en: 'moved' },
  'diff.kind.reworded': { vi: 'sửa lời', en: 'reworded' },
  'diff.kind.owner': { vi: 'trách nhiệm', en: 'responsibility' },
  'diff.kind.indicator': { vi: 'chỉ tiêu', en: 'indicator' },
  'diff.kind.target': { vi: 'mức chỉ tiêu', en: 'target' },
  'diff.kind.citation': { vi: 'dẫn chiếu', en: 'citation' },
  'diff.kind.date': { vi: 'ngày đổi', en: 'date moved' },
  'diff.kind.stale': { vi: 'ngày có thể cũ', en: 'likely stale date' },
  // groups
  'diff.group.structure': { vi: 'Cấu trúc', en: 'Structure' },
  'diff.group.responsibilities': { vi: 'Trách nhiệm theo cơ quan', en: 'Responsibilities per agency' },
  'diff.group.goals': { vi: 'Mục tiêu và chỉ tiêu', en: 'Goals and indicators' },
  'diff.group.citations': { vi: 'Văn bản dẫn chiếu', en: 'Citations' },
  'diff.group.dates': { vi: 'Ngày tháng', en: 'Dates' },
  // aspects
  'diff.aspect.section': { vi: 'phần', en: 'section' },
  'diff.aspect.item': { vi: 'mục', en: 'item' },
  'diff.aspect.agency-added': { vi: 'cơ quan mới được giao', en: 'agency newly assigned' },
  'diff.aspect.agency-removed': { vi: 'cơ quan không còn được giao', en: 'agency no longer assigned' },
  'diff.aspect.task-gained': { vi: 'nhiệm vụ mới', en: 'task gained' },
  'diff.aspect.task-lost': { vi: 'nhiệm vụ bỏ', en: 'task lost' },
  'diff.aspect.role': { vi: 'vai trò', en: 'role' },
  'diff.aspect.indicator-gained': { vi: 'nhận chỉ tiêu', en: 'indicator gained' },
  'diff.aspect.indicator-lost': { vi: 'bỏ chỉ tiêu', en: 'indicator lost' },
  'diff.aspect.indicator-added': { vi: 'chỉ tiêu mới', en: 'indicator added' },
  'diff.aspect.indicator-dropped': { vi: 'chỉ tiêu bỏ', en: 'indicator dropped' },
  'diff.aspect.target': { vi: 'mức chỉ tiêu', en: 'target' },
  'diff.aspect.added': { vi: 'dẫn chiếu mới', en: 'citation added' },
  'diff.aspect.dropped': { vi: 'dẫn chiếu bỏ', en: 'citation dropped' },
  'diff.aspect.cited-differently': { vi: 'dẫn chiếu khác đi', en: 'cited differently' },
  'diff.aspect.moved': { vi: 'ngày đổi', en: 'date moved' },
  'diff.aspect.stale': {
    vi: 'ngày không đổi theo năm kế hoạch (có thể sót từ bản cũ)',
    en: 'did not move with the plan year (likely carried over)',
  },
  // notes on the comparison
  'diff.side.old': { vi: 'bản cũ', en: 'the old document' },
  'diff.side.new': { vi: 'bản mới', en: 'the new document' },
  'diff.note.not-a-plan': {
    vi: '{which} không phải văn bản Kế hoạch (không có cấu trúc kế hoạch): chỉ so sánh văn bản dẫn chiếu và ngày tháng',
    en: '{which} is not a plan (no plan structure): only citations and dates are compared',
  },
  'diff.note.no-structure': {
    vi: '{which} không có các phần I, II…: chỉ so sánh văn bản dẫn chiếu và ngày tháng',
    en: '{which} has no sections I, II…: only citations and dates are compared',
  },
  'diff.note.years': { vi: 'năm kế hoạch: {old} → {new}', en: 'plan year: {old} → {new}' },
  'diff.note.renamed': { vi: 'cơ quan đổi tên: {from} → {to}', en: 'agency renamed: {from} → {to}' },
} satisfies Entries;
