/**
 * computeDiff(old, new): the structural comparison of two Plan trees (see model.ts for the report).
 *
 * Order of work: sections, then every item (flattened, with its numbering path and its parent),
 * matched by text and numbering (match.ts); responsibilities per agency; goals, indicators and
 * targets; citations by document identity; dates through the nodes they stand in.
 * A side with no plan structure (not a plan, or no sections) only takes part in the citations and
 * dates comparison, and a note says so.
 */
import type {
  Assignment,
  Citation,
  DateMention,
  Indicator,
  Item,
  Plan,
  Position,
  Section,
} from '../plan/schema.js';
import { matchNodes, type MatchNode } from './match.js';
import type { Change, ChangeKind, DiffReport, DocInfo, Group, Note, Side } from './model.js';
import { CHANGE_KINDS } from './model.js';
import { clean, fold, wordDiff, words } from './text.js';

/**
 * How agencies are matched across the two plans. The default is the tree's `ownerKey`. With the
 * agency registry (src/domain/knowledge-base.ts), `key` is the registry's key and `successors` its successor
 * keys, so "Sở Lao động - Thương binh và Xã hội" in the old plan and "Sở Nội vụ" (its successor
 * after the 2025 merger) in the new one are the same responsibility, with a "renamed" note.
 */
export interface OwnerResolver {
  key(assignment: Assignment, planDate: string | null): string;
  successors?(key: string): string[];
}

export interface DiffOptions {
  resolveOwner?: OwnerResolver;
}

type TextNode = Section | Item;

interface Flat {
  node: TextNode;
  parent: TextNode | null;
  path: string;
  label: string | null;
  numbered: boolean;
  text: string;
}

const NUMBERED = new Set(['roman', 'arabic', 'decimal', 'letter']);

function labelPart(label: string | null): string {
  return (label ?? '').replace(/[.)\s]+$/u, '').trim();
}

function flatten(plan: Plan): { sections: Flat[]; items: Flat[] } {
  const sections: Flat[] = [];
  const items: Flat[] = [];
  for (const section of plan.sections) {
    const path = labelPart(section.numeral);
    sections.push({
      node: section,
      parent: null,
      path,
      label: section.numeral,
      numbered: true,
      text: section.heading,
    });
    const walk = (list: Item[], parent: TextNode, parentPath: string) => {
      list.forEach((item, i) => {
        const numbered = NUMBERED.has(item.labelKind);
        const own = numbered ? labelPart(item.label) : `${item.label ?? '¶'}${i + 1}`;
        const p = `${parentPath}.${own}`;
        items.push({ node: item, parent, path: p, label: item.label, numbered, text: item.text });
        walk(item.children, item, p);
      });
    };
    walk(section.items, section, path);
  }
  return { sections, items };
}

function side(text: string, path: string | null, position: Position | null | undefined): Side {
  return { text: clean(text), path, position: position ?? null };
}

function docInfo(plan: Plan): DocInfo {
  const m = plan.meta;
  return {
    path: plan.source.path,
    format: plan.source.format,
    issuer: m.issuer,
    title: m.title,
    number: m.number === null && m.symbol === null ? null : `${m.number ?? ''}/${m.symbol ?? ''}`,
    planYear: m.planYear,
    isPlan: m.isPlan,
    structured: m.isPlan && plan.sections.length > 0,
  };
}

function planDate(plan: Plan): string | null {
  return plan.meta.issueDate ?? (plan.meta.planYear !== null ? `${plan.meta.planYear}-01-01` : null);
}

class Builder {
  changes: Change[] = [];
  minor = 0;
  unchanged = 0;
  add(
    kind: ChangeKind,
    group: Group,
    aspect: string,
    oldSide: Side | null,
    newSide: Side | null,
    extra: Partial<Change> = {},
  ): void {
    this.changes.push({
      id: `c${this.changes.length + 1}`,
      kind,
      group,
      aspect,
      ...extra,
      old: oldSide,
      new: newSide,
    });
  }
}

export function computeDiff(oldPlan: Plan, newPlan: Plan, options: DiffOptions = {}): DiffReport {
  const b = new Builder();
  const notes: Note[] = [];
  const oldInfo = docInfo(oldPlan);
  const newInfo = docInfo(newPlan);
  for (const [which, info] of [
    ['old', oldInfo],
    ['new', newInfo],
  ] as const) {
    if (!info.isPlan) notes.push({ code: 'not-a-plan', side: which });
    else if (!info.structured) notes.push({ code: 'no-structure', side: which });
  }
  if (oldInfo.planYear !== null && newInfo.planYear !== null && oldInfo.planYear !== newInfo.planYear) {
    notes.push({ code: 'years', data: { old: oldInfo.planYear, new: newInfo.planYear } });
  }
  const structured = oldInfo.structured && newInfo.structured;

  const oldFlat = flatten(oldPlan);
  const newFlat = flatten(newPlan);
  /** old node → new node, for everything matched (dates use it). */
  const nodeMap = new Map<TextNode, TextNode>();

  if (structured) {
    compareStructure(b, oldFlat, newFlat, nodeMap);
    compareResponsibilities(b, oldPlan, newPlan, options.resolveOwner ?? { key: (a) => a.ownerKey }, notes);
    compareGoals(b, oldPlan, newPlan);
  }
  compareCitations(b, oldPlan, newPlan);
  compareDates(b, oldPlan, newPlan, oldFlat, newFlat, nodeMap);

  const summary = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as DiffReport['summary'];
  for (const c of b.changes) summary[c.kind]++;
  summary.minor = b.minor;
  summary.unchanged = b.unchanged;
  return { old: oldInfo, new: newInfo, notes, summary, changes: b.changes };
}

// ── structure ────────────────────────────────────────────────────────────────────────────────

function compareStructure(
  b: Builder,
  oldFlat: ReturnType<typeof flatten>,
  newFlat: ReturnType<typeof flatten>,
  nodeMap: Map<TextNode, TextNode>,
): void {
  // Only numbered labels count as numbering: the n-th dash of a list is no identity.
  const toNodes = (list: Flat[]): MatchNode<Flat>[] =>
    list.map((f) => ({ ref: f, path: f.numbered ? f.path : '', text: f.text }));
  const sections = matchNodes(toNodes(oldFlat.sections), toNodes(newFlat.sections), {
    threshold: 0.5,
    looseThreshold: 0.2,
  });
  // Sections of the same kind (both "tasks": "NHIỆM VỤ, GIẢI PHÁP" / "NỘI DUNG") are the same part
  // of the plan under another heading: pair what the texts left, in order.
  for (const o of [...sections.removed]) {
    const kind = (o.node as Section).kind;
    const n = kind === 'other' ? undefined : sections.added.find((a) => (a.node as Section).kind === kind);
    if (!n) continue;
    sections.removed.splice(sections.removed.indexOf(o), 1);
    sections.added.splice(sections.added.indexOf(n), 1);
    sections.pairs.push({ old: o, new: n, score: 0 });
  }
  for (const p of sections.pairs) nodeMap.set(p.old.node, p.new.node);
  const items = matchNodes(toNodes(oldFlat.items), toNodes(newFlat.items));
  for (const p of items.pairs) nodeMap.set(p.old.node, p.new.node);

  reportMatches(b, sections, 'section', oldFlat, newFlat, nodeMap);
  reportMatches(b, items, 'item', oldFlat, newFlat, nodeMap);
}

/** The changes of one matching (sections or items), in the new plan's order; removed ones after their nearest kept predecessor. */
function reportMatches(
  b: Builder,
  m: ReturnType<typeof matchNodes<Flat>>,
  aspect: 'section' | 'item',
  oldFlat: ReturnType<typeof flatten>,
  newFlat: ReturnType<typeof flatten>,
  nodeMap: Map<TextNode, TextNode>,
): void {
  const events: { at: number; run: () => void }[] = [];
  const newOrder = new Map<Flat, number>(
    (aspect === 'section' ? newFlat.sections : newFlat.items).map((f, i) => [f, i]),
  );
  const oldOrder = new Map<Flat, number>(
    (aspect === 'section' ? oldFlat.sections : oldFlat.items).map((f, i) => [f, i]),
  );
  for (const p of m.pairs) {
    const o = p.old;
    const n = p.new;
    const parentMoved = o.parent === null ? false : nodeMap.get(o.parent) !== n.parent;
    const labelChanged = o.numbered && n.numbered && fold(labelPart(o.label)) !== fold(labelPart(n.label));
    const sameText = clean(o.text) === clean(n.text);
    const minor = !sameText && fold(o.text) === fold(n.text);
    events.push({
      at: newOrder.get(n)! * 2,
      run: () => {
        const os = side(o.text, o.path, o.node.position);
        const ns = side(n.text, n.path, n.node.position);
        if (parentMoved || labelChanged) b.add('moved', 'structure', aspect, os, ns);
        if (!sameText && !minor)
          b.add('reworded', 'structure', aspect, os, ns, { words: wordDiff(o.text, n.text).parts });
        else if (minor) b.minor++;
        else if (!parentMoved && !labelChanged) b.unchanged++;
      },
    });
  }
  // removed items are placed after the new counterpart of their nearest matched predecessor
  const newIndexOfNode = new Map<TextNode, number>();
  for (const [f, i] of newOrder) newIndexOfNode.set(f.node, i);
  for (const o of m.removed) {
    events.push({
      at:
        nearestNewOrder(
          o,
          oldOrder,
          aspect === 'section' ? oldFlat.sections : oldFlat.items,
          nodeMap,
          newIndexOfNode,
        ) *
          2 +
        1,
      run: () => b.add('removed', 'structure', aspect, side(o.text, o.path, o.node.position), null),
    });
  }
  for (const n of m.added) {
    events.push({
      at: newOrder.get(n)! * 2,
      run: () => b.add('added', 'structure', aspect, null, side(n.text, n.path, n.node.position)),
    });
  }
  events.sort((x, y) => x.at - y.at);
  for (const e of events) e.run();
}

function nearestNewOrder(
  o: Flat,
  oldOrder: Map<Flat, number>,
  oldList: Flat[],
  nodeMap: Map<TextNode, TextNode>,
  newIndexOfNode: Map<TextNode, number>,
): number {
  for (let i = oldOrder.get(o)! - 1; i >= 0; i--) {
    const mapped = nodeMap.get(oldList[i]!.node);
    if (mapped && newIndexOfNode.has(mapped)) return newIndexOfNode.get(mapped)!;
  }
  return -1;
}

// ── responsibilities ─────────────────────────────────────────────────────────────────────────

function compareResponsibilities(
  b: Builder,
  oldPlan: Plan,
  newPlan: Plan,
  resolve: OwnerResolver,
  notes: Note[],
): void {
  const olds = groupByOwner(oldPlan, resolve);
  const news = groupByOwner(newPlan, resolve);
  const successorOf = successorsIn(olds, news, resolve);
  for (const [key, oldList] of olds) {
    const newList = news.get(successorOf.get(key) ?? key);
    if (newList) compareOwner(b, oldList, newList, notes);
    else
      b.add(
        'owner',
        'responsibilities',
        'agency-removed',
        side(oldList[0]!.owner, oldList[0]!.owner, oldList[0]!.position),
        null,
        { owner: oldList[0]!.owner },
      );
  }
  const succeeded = new Set(successorOf.values());
  for (const [key, newList] of news) {
    if (olds.has(key) || succeeded.has(key)) continue;
    const na = newList[0]!;
    b.add('owner', 'responsibilities', 'agency-added', null, side(na.owner, na.owner, na.position), {
      owner: na.owner,
    });
  }
}

/** A plan's assignments by owner key (as the resolver names agencies on the plan's date). */
function groupByOwner(plan: Plan, resolve: OwnerResolver): Map<string, Assignment[]> {
  const map = new Map<string, Assignment[]>();
  const date = planDate(plan);
  for (const a of plan.assignments) {
    const key = resolve.key(a, date);
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  }
  return map;
}

/** An agency gone from the new plan whose successor (per the registry) appears there only. */
function successorsIn(
  olds: Map<string, Assignment[]>,
  news: Map<string, Assignment[]>,
  resolve: OwnerResolver,
): Map<string, string> {
  const successorOf = new Map<string, string>();
  for (const key of olds.keys()) {
    if (news.has(key)) continue;
    const next = (resolve.successors?.(key) ?? []).find(
      (k) => news.has(k) && !olds.has(k) && ![...successorOf.values()].includes(k),
    );
    if (next) successorOf.set(key, next);
  }
  return successorOf;
}

/** The role an agency holds over its assignments ("chủ trì" wins). */
const roleRank = (list: Assignment[]) => (list.some((a) => a.role === 'chủ trì') ? 'chủ trì' : list[0]!.role);

/** The indicators an agency's assignments refer to, by canonical key, with the text as written. */
function indicatorRefsOf(list: Assignment[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of list)
    for (const r of [...a.indicatorRefs, ...a.tasks.flatMap((t) => t.indicatorRefs)]) {
      const key = `${r.goal}.${r.indicator ?? '*'}${r.plan ? `@${r.plan.number ?? ''}/${r.plan.symbol ?? ''}` : ''}`;
      if (!out.has(key)) out.set(key, r.raw);
    }
  return out;
}

/** One agency in both plans: its name, role, tasks and indicators compared. */
function compareOwner(b: Builder, oldList: Assignment[], newList: Assignment[], notes: Note[]): void {
  const oa = oldList[0]!;
  const na = newList[0]!;
  if (oa.ownerKey !== na.ownerKey) notes.push({ code: 'renamed', data: { from: oa.owner, to: na.owner } });
  const oldRole = roleRank(oldList);
  const newRole = roleRank(newList);
  if (oldRole !== newRole)
    b.add(
      'owner',
      'responsibilities',
      'role',
      side(`${oa.owner}: ${oldRole}`, oa.owner, oa.position),
      side(`${na.owner}: ${newRole}`, na.owner, na.position),
      { owner: na.owner },
    );
  const tasks = (list: Assignment[]) =>
    list.flatMap((a) => a.tasks).map((t) => ({ ref: t, path: '', text: t.text }));
  const m = matchNodes(tasks(oldList), tasks(newList), { threshold: 0.45 });
  for (const t of m.removed)
    b.add('owner', 'responsibilities', 'task-lost', side(t.text, oa.owner, t.position), null, {
      owner: oa.owner,
    });
  for (const t of m.added)
    b.add('owner', 'responsibilities', 'task-gained', null, side(t.text, na.owner, t.position), {
      owner: na.owner,
    });
  const or = indicatorRefsOf(oldList);
  const nr = indicatorRefsOf(newList);
  for (const [k, raw] of or)
    if (!nr.has(k))
      b.add('owner', 'responsibilities', 'indicator-lost', side(raw, oa.owner, oa.position), null, {
        owner: oa.owner,
      });
  for (const [k, raw] of nr)
    if (!or.has(k))
      b.add('owner', 'responsibilities', 'indicator-gained', null, side(raw, na.owner, na.position), {
        owner: na.owner,
      });
}

// ── goals, indicators, targets ───────────────────────────────────────────────────────────────

function compareGoals(b: Builder, oldPlan: Plan, newPlan: Plan): void {
  const flat = (plan: Plan) =>
    plan.goals.flatMap((g) =>
      g.indicators.map((i) => ({ ref: i, path: `${g.index}.${i.index}`, text: `${g.field} ${i.text}` })),
    );
  const m = matchNodes(flat(oldPlan), flat(newPlan), { threshold: 0.5, looseThreshold: 0.3 });
  const goalOf = new Map<Indicator, number>();
  for (const plan of [oldPlan, newPlan])
    for (const g of plan.goals) for (const i of g.indicators) goalOf.set(i, g.index);
  const pathOf = (_plan: Plan, ind: Indicator) => `${goalOf.get(ind) ?? '?'}.${ind.index}`;
  for (const p of m.pairs) {
    const ot = p.old.targets.map((t) => clean(t.raw)).join('; ');
    const nt = p.new.targets.map((t) => clean(t.raw)).join('; ');
    const ov = p.old.targets.map((t) => `${t.kind}:${t.value}:${t.base}:${t.comparator}`).join('|');
    const nv = p.new.targets.map((t) => `${t.kind}:${t.value}:${t.base}:${t.comparator}`).join('|');
    if (ov !== nv || fold(ot) !== fold(nt)) {
      b.add(
        'target',
        'goals',
        'target',
        side(ot, pathOf(oldPlan, p.old), p.old.targets[0]?.position ?? p.old.position),
        side(nt, pathOf(newPlan, p.new), p.new.targets[0]?.position ?? p.new.position),
        {
          words: wordDiff(p.old.text, p.new.text).parts,
        },
      );
    }
  }
  for (const i of m.removed)
    b.add('indicator', 'goals', 'indicator-dropped', side(i.text, pathOf(oldPlan, i), i.position), null);
  for (const i of m.added)
    b.add('indicator', 'goals', 'indicator-added', null, side(i.text, pathOf(newPlan, i), i.position));
}

// ── citations ────────────────────────────────────────────────────────────────────────────────

export function citationKey(c: Citation): string {
  if (c.format === 'name' || c.number === null)
    return `name|${fold(c.docType)}|${words(c.raw || c.text).join(' ')}`;
  const symbol = (c.symbol ?? '').normalize('NFC').replace(/\s+/g, '').toUpperCase();
  return `${fold(c.docType)}|${c.number.replace(/^0+/, '')}|${c.year ?? ''}|${symbol}`;
}

function compareCitations(b: Builder, oldPlan: Plan, newPlan: Plan): void {
  const index = (plan: Plan) => {
    const map = new Map<string, Citation>();
    for (const c of plan.citations) if (!map.has(citationKey(c))) map.set(citationKey(c), c);
    return map;
  };
  const olds = index(oldPlan);
  const news = index(newPlan);
  const cs = (c: Citation) => side(c.text, `${c.docType} ${c.raw}`.trim(), c.position);
  for (const [key, n] of news) {
    const o = olds.get(key);
    if (!o) {
      b.add('citation', 'citations', 'added', null, cs(n));
      continue;
    }
    const differs =
      (o.date ?? '') !== (n.date ?? '') ||
      fold(o.issuer ?? '') !== fold(n.issuer ?? '') ||
      (o.subject && n.subject && words(o.subject).join(' ') !== words(n.subject).join(' '));
    if (differs)
      b.add('citation', 'citations', 'cited-differently', cs(o), cs(n), {
        words: wordDiff(o.text, n.text).parts,
      });
  }
  for (const [key, o] of olds) if (!news.has(key)) b.add('citation', 'citations', 'dropped', cs(o), null);
}

// ── dates ────────────────────────────────────────────────────────────────────────────────────

interface Occurrence {
  date: DateMention;
  node: TextNode | null;
  /** Ordinal among the dates of its node. */
  ordinal: number;
  /** The three words before the date in its node (or ''), for pairing outside matched nodes. */
  context: string;
}

const PLAN_DATE_KINDS = new Set(['deadline', 'event', 'period']);

function before(a: Position['start'], b: Position['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

function contains(pos: Position, point: Position['start'], page: number | undefined): boolean {
  if (page !== undefined && pos.page !== undefined && pos.page !== page) return false;
  return before(pos.start, point) && before(point, pos.end);
}

function occurrences(plan: Plan, flat: ReturnType<typeof flatten>): Occurrence[] {
  const nodes = [...flat.sections, ...flat.items].map((f) => f.node);
  // Every text node with each of its source pieces, sorted by start: a date finds its node by
  // binary search (no scan of every node per date).
  const spans: { node: TextNode; pos: Position }[] = [];
  for (const node of nodes) {
    spans.push({ node, pos: node.position });
    for (const part of node.parts ?? []) spans.push({ node, pos: part.position });
  }
  const key = (p: Position) => (p.page ?? 0) * 1e9 + p.start.line * 1e4 + p.start.column;
  spans.sort((x, y) => key(x.pos) - key(y.pos));
  const keys = spans.map((s) => key(s.pos));
  const counters = new Map<TextNode | null, number>();
  const out: Occurrence[] = [];
  for (const date of plan.dates) {
    if (date.inCitation || !PLAN_DATE_KINDS.has(date.kind)) continue;
    const k = key({ ...date.position, page: date.position.page });
    let lo = 0;
    let hi = keys.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! <= k) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let node: TextNode | null = null;
    for (let i = at; i >= 0 && i >= at - 8; i--) {
      if (contains(spans[i]!.pos, date.position.start, date.position.page)) {
        node = spans[i]!.node;
        break;
      }
    }
    const ordinal = counters.get(node) ?? 0;
    counters.set(node, ordinal + 1);
    let context = '';
    if (node) {
      const text = 'heading' in node ? node.heading : node.text;
      const cut = text.normalize('NFC').indexOf(date.raw.normalize('NFC'));
      if (cut >= 0) context = words(text.slice(0, cut)).slice(-3).join(' ');
    }
    out.push({ date, node, ordinal, context });
  }
  return out;
}

function yearOf(value: string | null): number | null {
  const m = value && /^(\d{4})/.exec(value);
  return m ? Number(m[1]) : null;
}

function compareDates(
  b: Builder,
  oldPlan: Plan,
  newPlan: Plan,
  oldFlat: ReturnType<typeof flatten>,
  newFlat: ReturnType<typeof flatten>,
  nodeMap: Map<TextNode, TextNode>,
): void {
  const olds = occurrences(oldPlan, oldFlat);
  const news = occurrences(newPlan, newFlat);
  const newByNode = new Map<string, Occurrence>();
  const nodeIds = new Map<TextNode, number>();
  const idOf = (n: TextNode) => {
    if (!nodeIds.has(n)) nodeIds.set(n, nodeIds.size);
    return nodeIds.get(n)!;
  };
  for (const o of news) if (o.node) newByNode.set(`${idOf(o.node)}#${o.ordinal}`, o);
  const taken = new Set<Occurrence>();
  const pairs: [Occurrence, Occurrence][] = [];
  const unpaired: Occurrence[] = [];
  for (const o of olds) {
    const mapped = o.node ? nodeMap.get(o.node) : undefined;
    const n = mapped ? newByNode.get(`${idOf(mapped)}#${o.ordinal}`) : undefined;
    if (n && !taken.has(n) && n.date.kind === o.date.kind) {
      taken.add(n);
      pairs.push([o, n]);
    } else unpaired.push(o);
  }
  // Outside matched nodes: pair by the words before the date, when that context is unique on both sides.
  const byContext = (list: Occurrence[]) => {
    const map = new Map<string, Occurrence[]>();
    for (const o of list) {
      if (!o.context) continue;
      const k = `${o.date.kind}|${o.context}`;
      map.set(k, [...(map.get(k) ?? []), o]);
    }
    return map;
  };
  const oldCtx = byContext(unpaired);
  const newCtx = byContext(news.filter((n) => !taken.has(n)));
  for (const [k, list] of oldCtx) {
    const other = newCtx.get(k);
    if (list.length === 1 && other?.length === 1) pairs.push([list[0]!, other[0]!]);
  }
  const order = new Map(news.map((n, i) => [n, i]));
  pairs.sort((x, y) => order.get(x[1])! - order.get(y[1])!);

  const newYear = newPlan.meta.planYear;
  const oldYear = oldPlan.meta.planYear;
  const yearsMoved = newYear !== null && (oldYear === null || newYear > oldYear);
  /** The date as written, its ISO value as `path`, and the words before it for context. */
  const ds = (o: Occurrence): Side =>
    side(o.context ? `${o.date.raw} (… ${o.context})` : o.date.raw, o.date.value, o.date.position);
  for (const [o, n] of pairs) {
    const same = o.date.value === n.date.value && (o.date.end ?? null) === (n.date.end ?? null);
    if (!same) {
      b.add('date', 'dates', 'moved', ds(o), ds(n));
      continue;
    }
    const y = yearOf(n.date.end ?? n.date.value);
    if (
      yearsMoved &&
      y !== null &&
      newYear !== null &&
      y < newYear &&
      fold(o.date.raw).replace(/\s/g, '') === fold(n.date.raw).replace(/\s/g, '')
    ) {
      b.add('stale', 'dates', 'stale', ds(o), ds(n));
    }
  }
}
