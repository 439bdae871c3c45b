/**
 * missing-owner: work with nobody responsible for it.
 *  - a row of an assignment table whose "Cơ quan chủ trì" cell is empty;
 *  - an item of "Tổ chức thực hiện" whose agency cannot be identified (no assignment read from it);
 *  - an agency given "chủ trì" for nothing (no task, no indicator);
 *  - when the plan defines goals and indicators, an indicator no agency is given anywhere (an
 *    indicator reference in "Tổ chức thực hiện", or a row of an assignment table under
 *    "Mục tiêu N"). When nothing at all is assigned and the plan sends the reader to an appendix
 *    that is not in the document, one note says so instead of one message per goal.
 */
import { z } from 'zod';
import { defineRule, type LintMessage, type RuleContext } from './types.js';
import { CatalogueSchema } from '../domain/catalogue.js';
import { isTaskRow, leadRoles, ownerColumn, partnerColumn, taskCell, taskColumn } from '../domain/matrix.js';
import type { DataStore } from '../domain/data-store.js';
import type { RuleWords } from '../domain/rule-words.js';
import type { Item, Plan } from '../plan/schema.js';
import { squash } from '../util/whitespace.js';
import { matrixOf } from './util.js';

const short = (text: string, max = 80) => {
  const t = squash(text);
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
};

type Located = {
  position: { start: { line: number; column: number }; end: { line: number; column: number } };
};
/** The assignment was read from this item: it starts on one of the item's lines. */
const readFrom = (a: Located, item: Located) =>
  a.position.start.line >= item.position.start.line && a.position.start.line <= item.position.end.line;

export const rule = defineRule({
  meta: {
    id: 'missing-owner',
    defaultSeverity: 'warning',
    description: {
      vi: 'Nhiệm vụ, chỉ tiêu hoặc dòng bảng phân công không có cơ quan chủ trì',
      en: 'A task, an indicator or an assignment-table row with no responsible agency',
    },
    docs: {
      vi:
        'Mỗi nhiệm vụ phải có cơ quan chủ trì. Quy tắc báo: dòng bảng phân công có ô "Cơ quan chủ trì" để trống; mục của phần ' +
        '"Tổ chức thực hiện" không xác định được cơ quan; cơ quan được giao "chủ trì" nhưng không có việc gì; và khi kế hoạch ' +
        'tự nêu mục tiêu, chỉ tiêu: chỉ tiêu không được giao cho cơ quan nào (trong văn bản hay trong bảng, theo dòng "Mục tiêu N"). ' +
        'Nếu không chỉ tiêu nào được giao mà văn bản dẫn tới phụ lục không kèm theo, chỉ báo một lưu ý. ' +
        'Một mục nêu cơ quan bằng cách khác là có chủ: "Các sở, ban, ngành …", "Các cơ quan, đơn vị, địa phương …", "Đề nghị Công ty Điện lực …"; ' +
        'tiêu đề phụ ("1. Thời gian thực hiện", "2. Kinh phí") và yêu cầu chung ("Việc triển khai Kế hoạch này phải …") không phải nhiệm vụ (src/data/rule-words.json).',
      en:
        'Every task needs a lead agency. The rule reports an assignment-table row with an empty "Cơ quan chủ trì" cell; an item of ' +
        '"Tổ chức thực hiện" whose agency cannot be identified; an agency given "chủ trì" for nothing; and, when the plan defines ' +
        'goals and indicators, an indicator given to no agency (in the text or in a table, by its "Mục tiêu N" group row). When ' +
        'nothing is assigned and the text points to an appendix that is not in the document, a single note says so. ' +
        'An item naming its bodies in other words has an owner ("Các sở, ban, ngành …", "Các cơ quan, đơn vị, địa phương …", "Đề nghị Công ty Điện lực …"); ' +
        'a sub-heading ("1. Thời gian thực hiện", "2. Kinh phí") and a requirement on the whole plan ("Việc triển khai Kế hoạch này phải …") are not tasks (src/data/rule-words.json).',
      wrong: [
        {
          text:
            'II. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu 1: Trong lĩnh vực chính trị\n\nChỉ tiêu: Đến cuối năm 2023, đạt 56% các cơ quan quản lý nhà nước có lãnh đạo chủ chốt là nữ.\n\n' +
            'III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Tư pháp: Phối hợp tập huấn về bình đẳng giới.\n',
          note: {
            vi: 'Chỉ tiêu của Mục tiêu 1 không được giao cho ai.',
            en: 'The indicator of goal 1 is given to nobody.',
          },
        },
      ],
      right: [
        {
          text:
            'II. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu 1: Trong lĩnh vực chính trị\n\nChỉ tiêu: Đến cuối năm 2023, đạt 56% các cơ quan quản lý nhà nước có lãnh đạo chủ chốt là nữ.\n\n' +
            'III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Nội vụ: Chịu trách nhiệm theo dõi, báo cáo kết quả thực hiện chỉ tiêu của Mục tiêu 1.\n',
        },
      ],
    },
    options: z.object({
      /** Reference catalogues (filled by the CLI from kh.config.json "references" and --ref). */
      references: z.array(CatalogueSchema).default([]),
      builtin: z.boolean().default(true),
    }),
    messages: {
      emptyOwnerCell: {
        vi: 'Dòng "{task}" của bảng phân công để trống ô "{column}"; ghi cơ quan chủ trì nhiệm vụ này',
        en: 'The row "{task}" of the assignment table leaves "{column}" empty; name the lead agency of this task',
      },
      unknownOwner: {
        vi: 'Mục "{text}" của phần Tổ chức thực hiện không nêu rõ cơ quan thực hiện; mở đầu mục bằng tên cơ quan (ví dụ "Sở Y tế: …")',
        en: 'The item "{text}" of Tổ chức thực hiện names no agency; start it with the agency (e.g. "Sở Y tế: …")',
      },
      leadForNothing: {
        vi: '{owner} được giao chủ trì nhưng không có nhiệm vụ hay chỉ tiêu nào; ghi rõ việc được giao',
        en: '{owner} is made lead but given no task or indicator; say what it leads',
        severity: 'info',
      },
      unownedGoal: {
        vi: 'Mục tiêu {goal} ({count} chỉ tiêu, "{text}") chưa được giao cho cơ quan chủ trì nào; giao trong phần Tổ chức thực hiện hoặc bảng phân công',
        en: 'Goal {goal} ({count} indicator(s), "{text}") is given to no lead agency; assign it in Tổ chức thực hiện or the assignment table',
      },
      unownedIndicator: {
        vi: 'Chỉ tiêu {indicator} của Mục tiêu {goal} ("{text}") chưa được giao cho cơ quan chủ trì nào',
        en: 'Indicator {indicator} of goal {goal} ("{text}") is given to no lead agency',
      },
      ownersInAppendix: {
        vi: 'Không chỉ tiêu nào trong {count} chỉ tiêu được giao cho cơ quan chủ trì trong văn bản; việc phân công dẫn tới "{appendix}" nhưng phụ lục không có trong tệp — hãy kèm phụ lục hoặc ghi cơ quan chủ trì từng mục tiêu',
        en: 'None of the {count} indicators is given to a lead agency in the text; the assignment points to "{appendix}", which is not in the file — attach the appendix or name the lead of each goal',
        severity: 'info',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    yield* emptyOwnerCells(plan, context);
    yield* ownerlessItems(plan, context);
    yield* unownedIndicators(plan, context);
  },
});

type MessageId = keyof typeof rule.meta.messages;
type Context = RuleContext<z.infer<typeof rule.meta.options>, MessageId>;

/** 1. Assignment-table rows without an owner (and a lead named for an empty task). */
function* emptyOwnerCells(plan: Plan, context: Context): Generator<LintMessage> {
  const conventions = context.data.strategy.conventions;
  for (const table of plan.tables) {
    if (table.role !== 'assignment') continue;
    const owner = ownerColumn(table, conventions);
    if (!owner) continue;
    const partner = partnerColumn(table);
    const taskIndex = taskColumn(table);
    for (const row of table.rows) {
      if (!isTaskRow(row, owner.index)) continue;
      const cell = row.cells[owner.index];
      const task = taskIndex >= 0 ? row.cells[taskIndex] : taskCell(row, [owner.index, partner, 0]);
      if (cell && cell.text.trim() !== '') {
        // A lead named for an empty task.
        if (task && task.text.trim() === '')
          yield context.report({
            node: cell,
            messageId: 'leadForNothing',
            data: { owner: short(cell.text, 60) },
          });
        continue;
      }
      if (!task || task.text.trim() === '') continue;
      yield context.report({
        node: task,
        messageId: 'emptyOwnerCell',
        data: { task: short(task.text), column: owner.header },
      });
    }
  }
}

/** 2. Items of "Tổ chức thực hiện" without an agency; 3. agencies given "chủ trì" for nothing. */
function* ownerlessItems(plan: Plan, context: Context): Generator<LintMessage> {
  const words = context.data.ruleWords;
  const leads = leadRoles(context.data.strategy.conventions);
  const headingWords = context.data.sectionKinds.entries.flatMap((e) =>
    e.keywords.map((k) => k.toLowerCase()),
  );
  const organization = plan.assignments.filter((a) => a.source === 'organization');
  const namesOwner = context.data.derived('missing-owner/owner-pattern', ownerPattern);
  for (const section of plan.sections) {
    if (section.kind !== 'organization') continue;
    for (const item of section.items) {
      if (organization.some((a) => readFrom(a, item))) continue;
      if (isHeading(item, headingWords) || isSubHeading(item)) continue;
      // An agency or a person named anywhere in the item's first sentence: the builder just did not read it.
      const sentence = firstSentence(item.text);
      if (
        namesOwner.test(sentence) ||
        namesBodies(sentence, words) ||
        proposesTo(sentence) ||
        statesRequirement(sentence, words)
      )
        continue;
      // Sub-items that name their owners: the item is their heading.
      if (
        item.children.some(
          (child) =>
            namesOwner.test(firstSentence(child.text)) || namesBodies(firstSentence(child.text), words),
        )
      )
        continue;
      if (!/\p{L}/u.test(item.text)) continue;
      yield context.report({
        node: item,
        range: [0, Math.min(item.text.length, Math.max(1, firstClause(item.text)))],
        messageId: 'unknownOwner',
        data: { text: short(item.text, 60) },
      });
    }
  }
  for (const a of organization) {
    if (!leads.has(a.role)) continue;
    const hasWork =
      a.tasks.some(
        (t) => t.text.replace(/^\s*(chủ trì|chịu trách nhiệm)[\s,.:;]*/iu, '').trim().length > 0,
      ) || a.indicatorRefs.length > 0;
    if (!hasWork)
      yield context.report({ position: a.position, messageId: 'leadForNothing', data: { owner: a.owner } });
  }
}

/** 4. The plan's own indicators that no agency is given (one note when the owners are in a missing appendix). */
function* unownedIndicators(plan: Plan, context: Context): Generator<LintMessage> {
  const { references, builtin } = context.options;
  if (plan.goals.length === 0) return;
  const matrix = matrixOf(context, { references, builtin });
  if (matrix.catalogue?.id !== 'self') return;
  const owned = (goal: number, indicator: number) =>
    matrix.indicators.some((row) => row.goal === goal && row.indicator === indicator && row.leads.length > 0);
  const total = plan.goals.reduce((n, g) => n + g.indicators.length, 0);
  const anyOwned = matrix.indicators.some((row) => row.leads.length > 0);
  const hasAssignmentTable = plan.tables.some((t) => t.role === 'assignment');
  if (!anyOwned && !hasAssignmentTable && plan.appendixRefs.length > 0 && plan.appendices.length === 0) {
    const ref = plan.appendixRefs[0]!;
    yield context.report({
      position: ref.position,
      messageId: 'ownersInAppendix',
      data: { count: total, appendix: ref.raw },
    });
    return;
  }
  for (const goal of plan.goals) {
    if (goal.indicators.length === 0) continue;
    const missing = goal.indicators.filter((i) => !owned(goal.index, i.index));
    if (missing.length === 0) continue;
    if (missing.length === goal.indicators.length) {
      yield context.report({
        node: goal,
        messageId: 'unownedGoal',
        data: { goal: goal.index, count: goal.indicators.length, text: short(goal.field || goal.text, 60) },
      });
      continue;
    }
    for (const indicator of missing) {
      yield context.report({
        node: indicator,
        messageId: 'unownedIndicator',
        data: { goal: goal.index, indicator: indicator.index, text: short(indicator.text, 60) },
      });
    }
  }
}

/** A sub-heading inside "Tổ chức thực hiện" ("3. Chế độ báo cáo", "Kinh phí thực hiện: …"). */
function isHeading(item: Item, words: string[]): boolean {
  const head = item.text.split(':')[0]!.trim().replace(/[.]$/, '').toLowerCase();
  if (head.length > 60) return false;
  return words.some((w) => head.includes(w));
}

/**
 * A sub-heading of the section, not a task: a short title with no sentence in it ("1. Thời gian
 * thực hiện", "2. Kinh phí", "7. Cơ chế phối hợp và trách nhiệm giải trình").
 */
function isSubHeading(item: Item): boolean {
  const text = item.text.replace(/[*_]/g, '').trim();
  return text.length <= 80 && !/[.;:,]$/u.test(text) && !/[.;:]\s/u.test(text);
}

/** "Các sở, ban, ngành …", "Các cơ quan, đơn vị, địa phương …": bodies named in the plural, in lower case. */
function namesBodies(sentence: string, ruleWords: RuleWords): boolean {
  const words = ruleWords.collectiveOwners.words
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return new RegExp(`(?:^|[\\s,;:(])(?:các|những|mọi)\\s+(?:${words})(?![\\p{L}\\p{M}])`, 'iu').test(
    sentence,
  );
}

/** "Đề nghị Công ty Điện lực …", "Đề nghị Ủy ban Mặt trận Tổ quốc …": a body asked to act, named by its capitalised name. */
function proposesTo(sentence: string): boolean {
  return /^\s*(?:Đề nghị|Kính đề nghị|Mời)\s+\p{Lu}/u.test(sentence);
}

/** "Việc triển khai Kế hoạch này phải được …", "Trong quá trình thực hiện …": a requirement on the whole plan. */
function statesRequirement(sentence: string, words: RuleWords): boolean {
  const lower = sentence.trim().toLowerCase();
  return words.requirementOpeners.words.some((w) => lower.startsWith(`${w} `));
}

/** Capitalized agency heads (src/data/agency-heads.json) and people's titles, as whole words (built once per data store). */
function ownerPattern(data: DataStore): RegExp {
  const words = [
    ...data.agencyHeads.entries.flatMap((e) => e.words),
    ...data.strategy.conventions.ownerWords.words,
  ]
    .filter((w) => w !== 'Các')
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${words.join('|')})(?![\\p{L}\\p{M}])`, 'u');
}

function firstSentence(text: string): string {
  const m = /[.;]\s/.exec(text);
  return m ? text.slice(0, m.index) : text;
}

function firstClause(text: string): number {
  const m = /[:;.]/.exec(text);
  return m ? m.index : Math.min(text.length, 60);
}
