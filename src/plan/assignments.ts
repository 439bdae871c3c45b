/**
 * Who does what: assignments read from the "Tổ chức thực hiện" section (one per agency item) and
 * from assignment tables (STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian).
 */
import { builtinData } from '../data/store.js';
import { ownerKeyOf } from '../domain/owner-key.js';
import { findIndicatorRefs } from './goals.js';
import type { Assignment, Item, Role, Section, Table, Task } from './schema.js';
import { locate, slice, trim, type Span } from './span.js';
import { escapeRegExp, lower, squash } from './vi.js';

/** Normalized agency name for matching across spellings and abbreviations (src/domain/owner-key.ts), with the shipped abbreviations. */
export function ownerKey(owner: string): string {
  return ownerKeyOf(builtinData)(owner);
}

const ROLE_STARTS: [RegExp, Role][] = [
  [/^chủ trì/iu, 'chủ trì'],
  [/^(?:là\s+)?cơ quan (?:thường trực|đầu mối)/iu, 'chủ trì'],
  [/^phối hợp/iu, 'phối hợp'],
  [/^(?:chịu trách nhiệm|có trách nhiệm)/iu, 'chịu trách nhiệm'],
  [/^đề nghị/iu, 'đề nghị'],
];

export function roleOf(text: string): Role {
  for (const [re, role] of ROLE_STARTS) if (re.test(text.trim())) return role;
  return 'other';
}

const ROLE_RANK: Record<Role, number> = {
  'chủ trì': 4,
  'chịu trách nhiệm': 3,
  'phối hợp': 2,
  'đề nghị': 1,
  other: 0,
};

let headRe: RegExp | null = null;
/** Does the text start with the name of an agency or body? */
export function looksLikeAgency(text: string): boolean {
  if (!headRe) {
    const words = builtinData.agencyHeads.entries.flatMap((e) => e.words).sort((a, b) => b.length - a.length);
    headRe = new RegExp(
      `^(?:Đề nghị\\s+)?(?:${words.map((w) => escapeRegExp(w)).join('|')})(?![\\p{L}])`,
      'u',
    );
  }
  return headRe.test(text.trim());
}

function task(span: Span, forcedRole: Role | null): Task {
  return {
    type: 'task',
    text: span.text,
    role: forcedRole ?? roleOf(span.text),
    indicatorRefs: findIndicatorRefs(span),
    ...locate(span),
  };
}

/** "Các Phòng: Nội vụ, Y tế, …: Căn cứ …" — a collective owner followed by its list of names. */
function ownerEnd(text: string): number {
  const first = text.indexOf(':');
  if (first < 0) return -1;
  const head = text.slice(0, first);
  const rest = text.slice(first + 1);
  const second = rest.indexOf(':');
  if (/^(?:Đề nghị\s+)?Các\s+\p{L}+$/u.test(head.trim()) && second > 0) {
    const list = rest.slice(0, second);
    const names = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length >= 2 && names.every((n) => /^(?:và\s+)?\p{Lu}/u.test(n))) return first + 1 + second;
  }
  return first;
}

function fromItem(item: Item, span: Span, spans: Map<Item, Span>): Assignment | null {
  const text = span.text;
  const end = ownerEnd(text);
  let ownerSpan: Span;
  let inline: Span | null = null;
  if (end > 0 && end < 400) {
    ownerSpan = trim(slice(span, 0, end));
    const rest = trim(slice(span, end + 1, text.length));
    if (rest.text) inline = rest;
  } else if (text.length <= 160 && !/[.;]$/u.test(text)) {
    ownerSpan = span;
  } else {
    return null;
  }
  if (!looksLikeAgency(ownerSpan.text)) return null;
  const proposed = /^Đề nghị\s+/u.test(ownerSpan.text);
  const owner = squash(ownerSpan.text.replace(/^Đề nghị\s+/u, '').replace(/\s*\([^)]*\)\s*$/u, ''));
  const tasks: Task[] = [];
  const forced: Role | null = proposed ? 'đề nghị' : null;
  if (inline) tasks.push(task(inline, forced && roleOf(inline.text) === 'other' ? forced : null));
  const visit = (children: Item[]) => {
    for (const child of children) {
      const childSpan = spans.get(child);
      if (childSpan)
        tasks.push(task(childSpan, forced && roleOf(childSpan.text) === 'other' ? forced : null));
      visit(child.children);
    }
  };
  visit(item.children);
  let role: Role = proposed ? 'đề nghị' : 'other';
  if (!proposed) for (const t of tasks) if (ROLE_RANK[t.role] > ROLE_RANK[role]) role = t.role;
  return {
    type: 'assignment',
    owner,
    ownerKey: ownerKey(owner),
    role,
    partners: [],
    tasks,
    indicatorRefs: tasks.flatMap((t) => t.indicatorRefs),
    source: 'organization',
    label: item.label,
    ...locate(ownerSpan),
  };
}

export function assignmentsFromSections(sections: Section[], spans: Map<Item, Span>): Assignment[] {
  const out: Assignment[] = [];
  for (const section of sections.filter((s) => s.kind === 'organization')) {
    for (const item of section.items) {
      const span = spans.get(item);
      if (!span) continue;
      const assignment = fromItem(item, span, spans);
      if (assignment) out.push(assignment);
      else {
        // "1. Trách nhiệm của các sở, ngành" groups: look one level down.
        for (const child of item.children) {
          const childSpan = spans.get(child);
          const a = childSpan ? fromItem(child, childSpan, spans) : null;
          if (a) out.push(a);
        }
      }
    }
  }
  return out;
}

function columnIndex(header: string[], words: string[]): number {
  return header.findIndex((h) => words.some((w) => lower(h).includes(w)));
}

export function assignmentsFromTables(
  tables: Table[],
  cellSpans: Map<Table['rows'][number]['cells'][number], Span>,
): Assignment[] {
  const out: Assignment[] = [];
  for (const table of tables.filter((t) => t.role === 'assignment')) {
    const headerRow = table.rows[0];
    if (!headerRow) continue;
    const header = headerRow.cells.map((c) => c.text);
    const lead = columnIndex(header, ['chủ trì', 'cơ quan thực hiện', 'đơn vị thực hiện']);
    const partner = columnIndex(header, ['phối hợp']);
    const content = columnIndex(header, ['nội dung', 'nhiệm vụ', 'hoạt động']);
    if (lead < 0) continue;
    for (const row of table.rows.slice(1)) {
      // A heading row, or a row whose columns may be shifted (schema: TableRow).
      if (row.group || row.incomplete) continue;
      const ownerCell = row.cells[lead];
      if (!ownerCell || !ownerCell.text) continue;
      const contentCell = content >= 0 ? row.cells[content] : undefined;
      const contentSpan = contentCell ? cellSpans.get(contentCell) : undefined;
      const tasks: Task[] = contentSpan && contentSpan.text ? [{ ...task(contentSpan, 'chủ trì') }] : [];
      const partners =
        partner >= 0 && row.cells[partner]?.text
          ? row.cells[partner]!.text.split(/[,;]\s*|\n/u)
              .map(squash)
              .filter(Boolean)
          : [];
      out.push({
        type: 'assignment',
        owner: ownerCell.text,
        ownerKey: ownerKey(ownerCell.text),
        role: 'chủ trì',
        partners,
        tasks,
        indicatorRefs: tasks.flatMap((t) => t.indicatorRefs),
        source: 'table',
        label: row.cells[0]?.text ?? null,
        position: ownerCell.position,
        ...(ownerCell.parts ? { parts: ownerCell.parts } : {}),
      });
    }
  }
  return out;
}
