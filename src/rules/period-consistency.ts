/**
 * period-consistency: one programme, strategy or plan given different periods in one document
 * ("Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030" and "… giai đoạn 2021-2025").
 *
 * Each "giai đoạn YYYY-YYYY" is attached to the nearest programme word before it in its clause
 * (Chiến lược, Chương trình, Đề án, Dự án, Kế hoạch, Quy hoạch: `heads`); the name runs from that
 * word to the period. Names of the catalogue (src/data/programmes.json, each with its period and
 * source) are recognised by their first words, so "Chiến lược quốc gia về bình đẳng giới trên
 * địa bàn tỉnh" is the national strategy; other names must be written the same to be compared.
 * A name given two or more periods is reported: for a catalogue programme, every mention whose
 * period is not the catalogue's (the message says which period the catalogue knows and where it
 * comes from); otherwise every mention that differs from the first. An explicit phase
 * ("giai đoạn I (2021-2025)") is never reported. Warnings only: a local plan may implement a
 * phase of a national strategy.
 */
import { z } from 'zod';
import { defineRule, type LintMessage, type RelatedInput, type RuleContext } from './types.js';
import type { TextNode } from '../util/location.js';
import type { Plan } from '../plan/schema.js';
import { normalizeName, type Programmes } from '../domain/issuers.js';
import { textNodes } from './util.js';
import { execAll } from '../util/regex.js';

const PERIOD =
  /giai\s+đoạn\s*(I{1,3}|IV|[1-4])?\s*[:(]?\s*(?:từ\s+năm\s+)?((?:19|20)\d\d)\s*(?:[-–—]|đến(?:\s+năm)?)\s*((?:19|20)\d\d)\)?/giu;

interface Mention {
  node: TextNode;
  range: [number, number];
  raw: string;
  name: string;
  key: string;
  period: string;
  programme: Pick<Programmes['programmes'][number], 'id' | 'period' | 'document'> | null;
}

/** "2021–2025" and "2026–2030": one ends the year before the other starts. */
function successive(a: string, b: string): boolean {
  const [a0, a1] = a.split('–').map(Number);
  const [b0, b1] = b.split('–').map(Number);
  return a1! + 1 === b0 || b1! + 1 === a0;
}

export const rule = defineRule({
  meta: {
    id: 'period-consistency',
    defaultSeverity: 'warning',
    description: {
      vi: 'Cùng một chương trình, chiến lược, kế hoạch được ghi hai giai đoạn khác nhau trong một văn bản',
      en: 'One programme, strategy or plan given two different periods in one document',
    },
    docs: {
      vi:
        'Mỗi "giai đoạn YYYY-YYYY" được gắn với tên chương trình, chiến lược, đề án, kế hoạch đứng ngay trước nó. Hai giai đoạn nối tiếp nhau ("Kế hoạch sử dụng đất giai đoạn 2021-2025" rồi "… 2026-2030") là hai kế hoạch kế tiếp, không báo. Khi cùng một tên ' +
        'được ghi hai giai đoạn khác nhau ("Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030" và "… giai đoạn 2021-2025"), ' +
        'quy tắc cảnh báo và nói giai đoạn mà danh mục biết (src/data/programmes.json, có nguồn: Chiến lược quốc gia về bình đẳng ' +
        'giới 2021–2030 theo Nghị quyết 28/NQ-CP …; thêm chương trình của mình bằng tùy chọn programmes). Giai đoạn ghi rõ là giai đoạn con ("giai đoạn I (2021 - 2025)") không bị báo.',
      en:
        'Two periods that follow each other ("Kế hoạch sử dụng đất giai đoạn 2021-2025" then "… 2026-2030") are two successive plans and are not reported. Each "giai đoạn YYYY-YYYY" is attached to the programme, strategy, scheme or plan named just before it. When one name ' +
        'is given two different periods ("Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030" and "… giai đoạn 2021-2025"), ' +
        'the rule warns and says which period the catalogue knows (src/data/programmes.json, sourced: the National Strategy on ' +
        'Gender Equality 2021–2030 of Resolution 28/NQ-CP …; add your own with the option programmes). An explicit phase ("giai đoạn I (2021 - 2025)") is not reported.',
      wrong: [
        'Triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.\n\nTổng kết Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025.',
        'Thực hiện Đề án hỗ trợ phụ nữ khởi nghiệp giai đoạn 2017-2025.\n\nLồng ghép vào Đề án hỗ trợ phụ nữ khởi nghiệp giai đoạn 2018-2025.',
      ],
      right: [
        'Triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 và Chương trình phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2021-2025.',
        'Thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2030, giai đoạn I (2021 - 2025).',
      ],
    },
    options: z.object({
      /** Words that open a programme name. */
      heads: z
        .array(z.string().min(1))
        .default(['chiến lược', 'chương trình', 'đề án', 'dự án', 'kế hoạch', 'quy hoạch']),
      /** Programmes added to src/data/programmes.json (kh.config.json): name, period, the document that sets it. */
      programmes: z
        .array(
          z.object({
            name: z.string().min(1),
            period: z.tuple([z.number().int(), z.number().int()]),
            document: z.string().min(1).default('kh.config.json'),
          }),
        )
        .default([]),
    }),
    messages: {
      catalogue: {
        vi: '"{name}" được ghi "{raw}" ở đây nhưng giai đoạn {other} ở chỗ khác trong văn bản; danh mục biết giai đoạn {period} ({document}): thống nhất giai đoạn',
        en: '"{name}" is given "{raw}" here but {other} elsewhere in the document; the catalogue knows {period} ({document}): make the periods agree',
      },
      different: {
        vi: '"{name}" được ghi "{raw}" ở đây nhưng giai đoạn {other} ở chỗ khác trong văn bản: thống nhất giai đoạn',
        en: '"{name}" is given "{raw}" here but {other} elsewhere in the document: make the periods agree',
      },
      other: { vi: 'Giai đoạn ghi ở đây: "{raw}"', en: 'Period given here: "{raw}"' },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    yield* reportDisagreements(context, programmeMentions(plan, context));
  },
});

type Context = RuleContext<z.infer<typeof rule.meta.options>, keyof typeof rule.meta.messages>;

/** The programmes kh knows: the config's, then the shipped registry's. */
function knownProgrammes(context: Context) {
  return [
    ...context.options.programmes.map((p, i) => ({
      id: `config-${i}`,
      name: p.name,
      keys: [normalizeName(p.name)],
      period: p.period,
      phases: [] as [number, number][],
      document: p.document,
      source: 'kh.config.json',
      confidence: 'S' as const,
    })),
    ...context.data.programmes.programmes,
  ];
}

/** Each "<programme name> giai đoạn YYYY-YYYY" of the body, keyed by the programme it names. */
function programmeMentions(plan: Plan, context: Context): Mention[] {
  const programmes = knownProgrammes(context);
  const heads = context.options.heads.map((h) => h.normalize('NFC').toLowerCase());
  const headRe = new RegExp(
    `(?<![\\p{L}])(${heads.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`,
    'giu',
  );
  const mentions: Mention[] = [];

  for (const { node, kind } of textNodes(plan)) {
    if (kind === 'header' || !/giai\s+đoạn/iu.test(node.text)) continue;
    const text = node.text;
    for (const match of execAll(PERIOD, text)) {
      if (match[1]) continue; // an explicit phase
      const start = match.index;
      const before = text.slice(0, start);
      const cut = Math.max(
        before.lastIndexOf(';'),
        before.lastIndexOf('.'),
        before.lastIndexOf(':'),
        before.lastIndexOf('\n'),
      );
      const clause = before.slice(cut + 1);
      let head: RegExpExecArray | null = null;
      for (const h of execAll(headRe, clause)) head = h as RegExpExecArray;
      if (!head) continue;
      const name = clause
        .slice(head.index)
        .replace(/[\s,"“”]+$/u, '')
        .trim();
      const norm = normalizeName(name);
      const programme = programmes.find((p) => p.keys.some((k) => norm.startsWith(normalizeName(k)))) ?? null;
      // A bare head word ("các chương trình giai đoạn 2021-2025") names nothing in particular.
      if (!programme && norm.split(' ').length < 4) continue;
      mentions.push({
        node,
        range: [start, start + match[0].length],
        raw: match[0].trim(),
        name,
        key: programme ? `#${programme.id}` : norm,
        period: `${match[2]}–${match[3]}`,
        programme,
      });
    }
  }
  return mentions;
}

/** One programme named with two periods: each mention that differs from the registry's (or the first) period. */
function* reportDisagreements(context: Context, mentions: Mention[]): Generator<LintMessage> {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) groups.set(m.key, [...(groups.get(m.key) ?? []), m]);
  for (const list of groups.values()) {
    const periods = new Set(list.map((m) => m.period));
    if (periods.size < 2) continue;
    const programme = list[0]!.programme;
    const known = programme ? `${programme.period[0]}–${programme.period[1]}` : null;
    const reference = known && periods.has(known) ? list.find((m) => m.period === known)! : list[0]!;
    const expected = known ?? reference.period;
    for (const m of list) {
      if (m.period === expected) continue;
      const related: RelatedInput<'catalogue' | 'different' | 'other'>[] = [
        { node: reference.node, range: reference.range, messageId: 'other', data: { raw: reference.raw } },
      ];
      // Periods that follow each other ("… giai đoạn 2021-2025" then "… giai đoạn 2026-2030") are
      // two successive plans or phases under one name, not one period written two ways.
      if (!programme && successive(m.period, reference.period)) continue;
      if (programme) {
        yield context.report({
          node: m.node,
          range: m.range,
          messageId: 'catalogue',
          data: {
            name: m.name,
            raw: m.raw,
            other: reference.period,
            period: known!,
            document: programme.document,
          },
          related,
        });
      } else {
        yield context.report({
          node: m.node,
          range: m.range,
          messageId: 'different',
          data: { name: m.name, raw: m.raw, other: reference.period },
          related,
        });
      }
    }
  }
}

export default rule;
