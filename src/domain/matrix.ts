/**
 * The responsibility matrix of a plan: which agency leads (chủ trì / chịu trách nhiệm) or supports
 * (phối hợp) which goal and indicator. Shared by the rules missing-owner and indicator-ref and by
 * `kh owners`.
 *
 * Where responsibility is read:
 *  - the indicator references of "Tổ chức thực hiện" ("Chịu trách nhiệm … chỉ tiêu 2 của Mục tiêu 3
 *    tại Kế hoạch số 122/KH-UBND …"): the task's role (phối hợp = support, anything else = lead);
 *  - assignment tables: the rows under a group row "Mục tiêu N" belong to goal N; the "Cơ quan
 *    chủ trì" cell leads it, the "Cơ quan phối hợp" cell supports it.
 *
 * The indicators are keyed on one catalogue: the plan's own goals when it defines them, else the
 * catalogue its references point to (a reference plan, or the built-in strategy).
 */
import type { Assignment, IndicatorRef, Plan, Role, Table, TableRow, Task } from '../plan/schema.js';
import type { DataStore } from './data-store.js';
import { ownerKeyOf } from './owner-key.js';
import type { TextNode } from '../util/location.js';
import {
  allCatalogues,
  catalogueForPlanRef,
  catalogueOfPlan,
  planToCatalogue,
  type Catalogue,
  type StrategyFile,
} from './catalogue.js';
import { squash } from '../util/whitespace.js';

export type Duty = 'lead' | 'support';

export interface Responsibility {
  owner: string;
  ownerKey: string;
  duty: Duty;
  goal: number;
  /** null: the whole goal. */
  indicator: number | null;
  /** The catalogue the reference points to (`self` for the plan's own goals). */
  catalogueId: string;
  /** Where it is written. */
  node: TextNode;
  range?: [number, number];
  /** The indicator reference, when it came from one. */
  ref?: IndicatorRef;
  /** The table row, when it came from an assignment table. */
  row?: TableRow;
}

export interface MatrixIndicator {
  goal: number;
  indicator: number;
  text: string;
  leads: Responsibility[];
  supports: Responsibility[];
}

export interface Matrix {
  /** The catalogue indicators are keyed on (null: the plan neither defines nor references goals). */
  catalogue: Catalogue | null;
  /** All responsibilities found, whatever catalogue they point to. */
  entries: Responsibility[];
  /** One row per indicator of `catalogue`. */
  indicators: MatrixIndicator[];
  /** Agencies in order of first appearance: ownerKey → name as first written. */
  agencies: Map<string, string>;
}

export const SELF = 'self';

/** The reading conventions of the built-in strategy file (lead roles, owner column headers …). */
export type Conventions = StrategyFile['conventions'];

export function leadRoles(conventions: Conventions): Set<string> {
  return new Set(conventions.leadRoles.roles);
}

function dutyOf(role: Role, leads: Set<string>): Duty {
  if (role === 'phối hợp') return 'support';
  if (leads.has(role)) return 'lead';
  return 'lead';
}

/** The owner column of an assignment table (index into the cells), from its header row. */
export function ownerColumn(
  table: Table,
  conventions: Conventions,
): { index: number; header: string } | null {
  const headers = conventions.ownerColumns.headers;
  const head = table.rows.find((r) => r.header) ?? table.rows[0];
  if (!head) return null;
  const cells = head.cells.map((c) => squash(c.text.normalize('NFC').toLowerCase()));
  for (const header of headers) {
    const index = cells.findIndex((c) => c === header || c.startsWith(header));
    if (index >= 0) return { index, header: head.cells[index]!.text.trim() };
  }
  for (const header of headers) {
    const index = cells.findIndex((c) => c.includes(header));
    if (index >= 0) return { index, header: head.cells[index]!.text.trim() };
  }
  return null;
}

export function partnerColumn(table: Table): number {
  const head = table.rows.find((r) => r.header) ?? table.rows[0];
  if (!head) return -1;
  return head.cells.findIndex((c) => /phối hợp/iu.test(c.text));
}

const GOAL_ROW = /^\s*mục tiêu\s+(\d+)\b/iu;

/** A group row ("II | Mục tiêu 2: Trong lĩnh vực kinh tế, lao động | | |"): the goal number. */
export function goalOfGroupRow(row: TableRow, ownerIndex: number): number | null {
  if (row.header) return null;
  const filled = row.cells.filter((c) => c.text.trim() !== '');
  if (filled.length > 2) return null;
  if (ownerIndex >= 0 && row.cells[ownerIndex]?.text.trim()) return null;
  for (const cell of row.cells) {
    const m = GOAL_ROW.exec(cell.text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** True for a group or header row, i.e. not a task row. */
export function isTaskRow(row: TableRow, ownerIndex: number): boolean {
  if (row.header || row.group || row.incomplete) return false;
  if (goalOfGroupRow(row, ownerIndex) !== null) return false;
  const filled = row.cells.filter((c) => c.text.trim() !== '');
  return filled.length >= 2;
}

/** The task column of an assignment table, by its header ("Nội dung nhiệm vụ", "Nhiệm vụ", "Hoạt động"); -1 if none. */
export function taskColumn(table: Table): number {
  const head = table.rows.find((r) => r.header) ?? table.rows[0];
  if (!head) return -1;
  return head.cells.findIndex((c) => /nội dung|nhiệm vụ|hoạt động|công việc/iu.test(c.text));
}

/** The task cell of a row: the longest text cell other than the owner/partner columns. */
export function taskCell(row: TableRow, skip: number[]) {
  let best = null as TableRow['cells'][number] | null;
  row.cells.forEach((cell, i) => {
    if (skip.includes(i)) return;
    if (!best || cell.text.length > best.text.length) best = cell;
  });
  return best;
}

function splitAgencies(text: string): string[] {
  return text
    .split(/\s*[;\n]\s*/u)
    .map((s) => s.trim().replace(/[.,]$/, ''))
    .filter((s) => s.length > 0);
}

function refKey(ref: IndicatorRef): string {
  return `${ref.position.start.line}:${ref.position.start.column}:${ref.goal}:${ref.indicator}:${ref.raw}`;
}

/** The catalogue a reference points to, or SELF; null when unknown. */
export function catalogueOfRef(
  ref: IndicatorRef,
  plan: Plan,
  catalogues: readonly Catalogue[],
  self: Catalogue | null,
): Catalogue | null {
  if (ref.plan) return catalogueForPlanRef(ref.plan, plan, catalogues)?.catalogue ?? null;
  if (self) return self;
  return catalogueOfPlan(plan, catalogues);
}

/** Where a reference is written: its task (the reference's text located in it) or its own position. */
export function refTarget(
  ref: IndicatorRef,
  task: Task | Assignment | null,
): { node: TextNode; range?: [number, number] } {
  if (task && 'text' in task) {
    const at = task.text.indexOf(ref.raw);
    if (at >= 0) return { node: task, range: [at, at + ref.raw.length] };
  }
  return { node: { text: ref.raw, position: ref.position } };
}

export interface MatrixOptions {
  references?: readonly Catalogue[];
  builtin?: boolean;
}

/** `data`: the store whose `strategy` gives the built-in catalogues and conventions, and whose abbreviations name agencies (ownerKeyOf). */
export function buildMatrix(
  plan: Plan,
  data: Pick<DataStore, 'strategy' | 'derived'>,
  options: MatrixOptions = {},
): Matrix {
  const strategy = data.strategy;
  const ownerKey = ownerKeyOf(data);
  const catalogues = allCatalogues(
    options.references ?? [],
    (options.builtin ?? true) ? strategy.catalogues : [],
  );
  const self = plan.goals.length > 0 ? { ...planToCatalogue(plan, SELF), id: SELF } : null;
  const leads = leadRoles(strategy.conventions);
  const entries: Responsibility[] = [];
  const agencies = new Map<string, string>();
  const addAgency = (key: string, name: string) => {
    if (!agencies.has(key)) agencies.set(key, name);
  };
  const refCatalogues: Catalogue[] = [];

  for (const assignment of plan.assignments) {
    if (assignment.source !== 'organization') continue;
    addAgency(assignment.ownerKey, assignment.owner);
    const seen = new Set<string>();
    const push = (ref: IndicatorRef, role: Role, where: Task | Assignment) => {
      const key = refKey(ref);
      if (seen.has(key)) return;
      seen.add(key);
      const catalogue = catalogueOfRef(ref, plan, catalogues, self);
      if (catalogue && !refCatalogues.includes(catalogue)) refCatalogues.push(catalogue);
      entries.push({
        owner: assignment.owner,
        ownerKey: assignment.ownerKey,
        duty: dutyOf(role, leads),
        goal: ref.goal,
        indicator: ref.indicator,
        catalogueId: catalogue?.id ?? '?',
        ...refTarget(ref, where),
        ref,
      });
    };
    for (const task of assignment.tasks) for (const ref of task.indicatorRefs) push(ref, task.role, task);
    for (const ref of assignment.indicatorRefs) push(ref, assignment.role, assignment);
  }

  // Assignment tables: rows under "Mục tiêu N".
  const tableCatalogueId = () => (self ? SELF : (catalogueOfPlan(plan, catalogues)?.id ?? '?'));
  for (const entry of tableResponsibilities(plan, strategy.conventions, tableCatalogueId, ownerKey)) {
    addAgency(entry.ownerKey, entry.owner);
    entries.push(entry);
  }

  const catalogue = self ?? refCatalogues[0] ?? null;
  return { catalogue, entries, indicators: catalogue ? matrixRows(catalogue, entries) : [], agencies };
}

/** The rows of assignment tables under a "Mục tiêu N" group row: each lead and partner agency named in them. */
function tableResponsibilities(
  plan: Plan,
  conventions: Parameters<typeof ownerColumn>[1],
  catalogueIdOf: () => string,
  ownerKey: (name: string) => string,
): Responsibility[] {
  const entries: Responsibility[] = [];
  for (const table of plan.tables) {
    if (table.role !== 'assignment') continue;
    const owner = ownerColumn(table, conventions);
    if (!owner) continue;
    const partner = partnerColumn(table);
    let goal: number | null = null;
    for (const row of table.rows) {
      const g = goalOfGroupRow(row, owner.index);
      if (g !== null) {
        goal = g;
        continue;
      }
      if (goal === null || !isTaskRow(row, owner.index)) continue;
      const catalogueId = catalogueIdOf();
      const ownerCell = row.cells[owner.index];
      for (const name of splitAgencies(ownerCell?.text ?? '')) {
        entries.push({
          owner: name,
          ownerKey: ownerKey(name),
          duty: 'lead',
          goal,
          indicator: null,
          catalogueId,
          node: ownerCell!,
          row,
        });
      }
      const partnerCell = partner >= 0 ? row.cells[partner] : undefined;
      for (const name of splitAgencies(partnerCell?.text ?? '')) {
        entries.push({
          owner: name,
          ownerKey: ownerKey(name),
          duty: 'support',
          goal,
          indicator: null,
          catalogueId,
          node: partnerCell!,
          row,
        });
      }
    }
  }
  return entries;
}

/** One row per indicator of the catalogue: the agencies that lead it and those that support it. */
function matrixRows(catalogue: Catalogue, entries: readonly Responsibility[]): MatrixIndicator[] {
  const indicators: MatrixIndicator[] = [];
  for (const goal of catalogue.goals) {
    for (const indicator of goal.indicators) {
      const mine = entries.filter(
        (e) =>
          e.catalogueId === catalogue.id &&
          e.goal === goal.index &&
          (e.indicator === null || e.indicator === indicator.index),
      );
      indicators.push({
        goal: goal.index,
        indicator: indicator.index,
        text: indicator.text,
        leads: mine.filter((e) => e.duty === 'lead'),
        supports: mine.filter((e) => e.duty === 'support'),
      });
    }
  }
  return indicators;
}

/** Distinct lead agencies of an indicator row. */
export function leadKeys(row: MatrixIndicator): string[] {
  return [...new Set(row.leads.map((e) => e.ownerKey))];
}

/**
 * The agencies that lead this indicator by name ("chủ trì … chỉ tiêu 2 của Mục tiêu 3"): two of
 * them is a double lead. Table rows under "Mục tiêu N" lead their own task within the goal, so
 * two agencies there are a division of work, not a double lead.
 */
export function namedLeadKeys(row: MatrixIndicator): string[] {
  return [...new Set(row.leads.filter((e) => e.ref !== undefined).map((e) => e.ownerKey))];
}

export function isDoubleLed(row: MatrixIndicator): boolean {
  return namedLeadKeys(row).length > 1;
}
