/** The words of `kh diff`'s reports, Vietnamese and English. */
import type { Lang } from '../util/errors.js';
import type { ChangeKind, Group, Note } from './model.js';

const vi = {
  title: 'So sánh kế hoạch',
  old: 'Bản cũ',
  new: 'Bản mới',
  summary: 'Tóm tắt',
  noChange: 'không có thay đổi',
  unchangedItems: (n: number) => `${n} mục giữ nguyên`,
  minor: (n: number) => `${n} thay đổi nhỏ (chữ hoa/khoảng trắng)`,
  kinds: {
    added: 'thêm', removed: 'bỏ', moved: 'chuyển chỗ', reworded: 'sửa lời', owner: 'trách nhiệm',
    indicator: 'chỉ tiêu', target: 'mức chỉ tiêu', citation: 'dẫn chiếu', date: 'ngày đổi', stale: 'ngày có thể cũ',
  } satisfies Record<ChangeKind, string>,
  groups: {
    structure: 'Cấu trúc', responsibilities: 'Trách nhiệm theo cơ quan', goals: 'Mục tiêu và chỉ tiêu', citations: 'Văn bản dẫn chiếu', dates: 'Ngày tháng',
  } satisfies Record<Group, string>,
  aspects: {
    section: 'phần', item: 'mục', 'agency-added': 'cơ quan mới được giao', 'agency-removed': 'cơ quan không còn được giao',
    'task-gained': 'nhiệm vụ mới', 'task-lost': 'nhiệm vụ bỏ', role: 'vai trò', 'indicator-gained': 'nhận chỉ tiêu', 'indicator-lost': 'bỏ chỉ tiêu',
    'indicator-added': 'chỉ tiêu mới', 'indicator-dropped': 'chỉ tiêu bỏ', target: 'mức chỉ tiêu', added: 'dẫn chiếu mới', dropped: 'dẫn chiếu bỏ',
    'cited-differently': 'dẫn chiếu khác đi', moved: 'ngày đổi', stale: 'ngày không đổi theo năm kế hoạch (có thể sót từ bản cũ)',
  } as Record<string, string>,
  note: (n: Note): string => {
    const which = n.side === 'old' ? 'bản cũ' : 'bản mới';
    switch (n.code) {
      case 'not-a-plan': return `${which} không phải văn bản Kế hoạch (không có cấu trúc kế hoạch): chỉ so sánh văn bản dẫn chiếu và ngày tháng`;
      case 'no-structure': return `${which} không có các phần I, II…: chỉ so sánh văn bản dẫn chiếu và ngày tháng`;
      case 'years': return `năm kế hoạch: ${n.data?.old} → ${n.data?.new}`;
      case 'renamed': return `cơ quan đổi tên: ${n.data?.from} → ${n.data?.to}`;
    }
  },
  none: '—',
  notes: 'Ghi chú',
  at: 'tại',
};

const en: typeof vi = {
  title: 'Plan comparison',
  old: 'Old',
  new: 'New',
  summary: 'Summary',
  noChange: 'no change',
  unchangedItems: (n) => `${n} unchanged`,
  minor: (n) => `${n} minor changes (case/spacing)`,
  kinds: {
    added: 'added', removed: 'removed', moved: 'moved', reworded: 'reworded', owner: 'responsibility',
    indicator: 'indicator', target: 'target', citation: 'citation', date: 'date moved', stale: 'likely stale date',
  },
  groups: {
    structure: 'Structure', responsibilities: 'Responsibilities per agency', goals: 'Goals and indicators', citations: 'Citations', dates: 'Dates',
  },
  aspects: {
    section: 'section', item: 'item', 'agency-added': 'agency newly assigned', 'agency-removed': 'agency no longer assigned',
    'task-gained': 'task gained', 'task-lost': 'task lost', role: 'role', 'indicator-gained': 'indicator gained', 'indicator-lost': 'indicator lost',
    'indicator-added': 'indicator added', 'indicator-dropped': 'indicator dropped', target: 'target', added: 'citation added', dropped: 'citation dropped',
    'cited-differently': 'cited differently', moved: 'date moved', stale: 'did not move with the plan year (likely carried over)',
  },
  note: (n) => {
    const which = n.side === 'old' ? 'the old document' : 'the new document';
    switch (n.code) {
      case 'not-a-plan': return `${which} is not a plan (no plan structure): only citations and dates are compared`;
      case 'no-structure': return `${which} has no sections I, II…: only citations and dates are compared`;
      case 'years': return `plan year: ${n.data?.old} → ${n.data?.new}`;
      case 'renamed': return `agency renamed: ${n.data?.from} → ${n.data?.to}`;
    }
  },
  none: '—',
  notes: 'Notes',
  at: 'at',
};

export function diffMessages(lang: Lang): typeof vi {
  return lang === 'en' ? en : vi;
}
