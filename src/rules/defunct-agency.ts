/**
 * defunct-agency: an agency, province or district-level unit that no longer existed on the plan's
 * own date (meta.issueDate, else 1 January of meta.planYear) — the 2025 reorganisation: ministries
 * and departments merged or dissolved (01/3/2025), 63 → 34 provinces and the end of the district
 * level (01/7/2025), Thừa Thiên Huế → thành phố Huế (01/01/2025).
 *
 * Facts come from src/data/agencies.json and admin-units.json (with users' entries from
 * kh.config.json); matching is src/domain/knowledge-base.ts. Citations are history: a name inside a citation
 * (the cited document's issuer or subject) is not checked. An entry marked S or M is reported at
 * most as a warning.
 */
import { z } from 'zod';
import { textNodes } from './util.js';
import { defineRule, type LintMessage, type ReportInput } from './types.js';
import type { Lang } from './types.js';
import {
  citationIndex,
  citationSpans,
  existsOn,
  insideAny,
  knowledgeBaseOf,
  planDate,
  viDate,
  type ResolvedSuccessor,
} from '../domain/knowledge-base.js';
import type { Agency, Province } from '../domain/knowledge.js';
import type { TextNode } from '../util/location.js';
import { findOldCommunes, NAMES_A_COMMUNE, oldCommunesOf, planProvinces } from '../domain/communes.js';
import type { RuleWords } from '../domain/rule-words.js';
import { t } from '../i18n/index.js';

type MessageId = 'agency' | 'agencyUnverified' | 'province' | 'district' | 'districtNamed' | 'commune';

function successorText(successors: readonly ResolvedSuccessor[], lang: Lang): string {
  if (successors.length === 0) return t(lang, 'rule.defunct-agency.successor-unknown');
  if (successors.length === 1 && !successors[0]!.functions) return successors[0]!.agency.name;
  return successors
    .map((s) => (s.functions ? `${s.agency.name} (${s.functions[lang]})` : s.agency.name))
    .join('; ');
}

/**
 * "tỉnh Bình Phước (cũ)", "huyện Ngọc Hồi cũ", "trước đây là Sở …": the text itself says it is the
 * former unit — or the name is history: a cited document's issuer, an amendment's replaced phrase,
 * an institution's registered name (src/data/rule-words.json), a programme of a past period.
 */
function markedAsFormer(text: string, start: number, end: number, words: RuleWords): boolean {
  if (
    /^\s*(?:\(\s*cũ\s*\)|cũ(?![\p{L}\p{M}]))/u.test(text.slice(end)) ||
    /(?:trước đây(?:\s+là)?|nguyên là|tên cũ là)\s*$/iu.test(text.slice(0, start))
  )
    return true;
  // "(trước đây)", "(nay là …)" later in the clause: "Chủ tịch UBND tỉnh Hậu Giang, … (trước đây)", "Cục Thuế tỉnh Vĩnh Phúc (nay là …)".
  const clauseEnd = text.slice(end).search(/[.;](?:\s|$)/u);
  const rest = text.slice(end, clauseEnd < 0 ? undefined : end + clauseEnd);
  if (/\(\s*(?:trước đây|cũ|nay (?:là|thuộc))/iu.test(rest) || /^\s*,?\s*nay (?:là|thuộc)/iu.test(rest))
    return true;
  // The issuer or subject of a cited document, in the clause of its number: "Quyết định số
  // 810/QĐ-UBND ngày 06/6/2025 của Chủ tịch UBND tỉnh Bắc Giang", "… của Ủy ban nhân dân tỉnh Bình
  // Phước thành lập …" (the citation's own span stops at its date); a programme of a past period
  // ("… tỉnh Thừa Thiên Huế giai đoạn 2021 - 2025").
  const clauseStart = Math.max(text.slice(0, start).search(/[^.:()]*$/u), start - 300, 0);
  if (/\d+\/(?:\d{4}\/)?\p{Lu}/u.test(text.slice(clauseStart, start))) return true;
  // A sentence about the time before the reorganisation ("… trước khi thực hiện sắp xếp bộ máy").
  const sentenceEnd = text.slice(end).search(/[.;](?:\s|$)/u);
  const sentence = text
    .slice(
      Math.max(text.slice(0, start).search(/[^.;]*$/u), 0),
      sentenceEnd < 0 ? undefined : end + sentenceEnd,
    )
    .toLowerCase();
  if (words.beforeReorganisation.words.some((w) => sentence.includes(w))) return true;
  if (/^\s*giai đoạn\s+\d{4}\s*[-–]\s*\d{4}/iu.test(text.slice(end))) return true;
  // The old name an amending text replaces: "Thay thế cụm từ “tỉnh Thừa Thiên Huế” bằng …".
  if (/(?:cụm từ|thay thế|thay)\s*[“"][^”"]*$/iu.test(text.slice(Math.max(0, start - 200), start)))
    return true;
  // A unit inside an institution's registered name ("Trung tâm y tế huyện Đồng Phú"): the name outlives the unit.
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
  return words.lastingInstitutions.words.some((w) =>
    new RegExp(`${w.toLowerCase()}(?:\\s+[\\p{L}]+){0,3}\\s*$`, 'u').test(before),
  );
}

/** "sáp nhập xã A và xã B thành xã C": the sentence tells the merger itself, history. */
function aboutTheMerger(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf('.', start), text.lastIndexOf(';', start)) + 1;
  const stops = [text.indexOf('.', end), text.indexOf(';', end)].filter((i) => i >= 0);
  const sentence = text.slice(from, stops.length ? Math.min(...stops) : text.length);
  return /sáp nhập|sắp xếp|hợp nhất|thành lập|trước đây|trước khi|\(cũ\)/iu.test(sentence);
}

function provinceName(p: Province): string {
  return `${p.kind} ${p.name}`;
}

export const rule = defineRule({
  meta: {
    id: 'defunct-agency',
    defaultSeverity: 'error',
    description: {
      vi: 'Cơ quan, tỉnh, đơn vị cấp huyện hoặc xã, phường, thị trấn không còn tồn tại vào ngày của kế hoạch (sắp xếp bộ máy năm 2025)',
      en: "An agency, province, district-level unit or commune that no longer existed on the plan's date (the 2025 reorganisation)",
    },
    docs: {
      vi:
        'Báo tên cơ quan, tỉnh hoặc đơn vị cấp huyện mà kế hoạch giao việc hoặc nhắc tới nhưng đã không còn tồn tại vào ngày ban hành ' +
        'kế hoạch (nếu chưa có ngày: ngày 01/01 của năm kế hoạch) — thường do sao chép kế hoạch cũ. Từ 01/3/2025 các bộ và sở được ' +
        'sắp xếp lại (Nghị quyết 176/2025/QH15, Nghị định 45/2025/NĐ-CP: Sở Lao động - Thương binh và Xã hội chuyển chức năng sang ' +
        'Sở Nội vụ, Sở Y tế, Sở Giáo dục và Đào tạo; Sở Kế hoạch và Đầu tư vào Sở Tài chính …); từ 01/01/2025 tỉnh Thừa Thiên Huế là ' +
        'thành phố Huế (Nghị quyết 175/2024/QH15); từ 01/7/2025 còn 34 tỉnh, thành phố (Nghị quyết 202/2025/QH15) và không còn cấp ' +
        'huyện (Luật Tổ chức chính quyền địa phương số 72/2025/QH15). Thông báo nêu cơ quan kế nhiệm, căn cứ pháp lý và, khi cơ quan ' +
        'bị tách, cơ quan nào nhận chức năng nào. Tên nằm trong trích dẫn văn bản ("Kế hoạch số 122/KH-UBND ngày 13/4/2021 của UBND ' +
        'tỉnh Bình Phước") là lịch sử, không bị báo; tên được ghi rõ là cũ ("tỉnh Bình Phước (cũ)", "trước đây là Sở …", "… (trước đây)", "(nay là …)") cũng vậy, ' +
        'cũng như cơ quan ban hành văn bản được trích dẫn ("Quyết định số 810/QĐ-UBND ngày 06/6/2025 của Chủ tịch UBND tỉnh Bắc Giang"), cụm từ bị thay trong văn bản sửa đổi ("thay thế cụm từ “tỉnh Thừa Thiên Huế”"), ' +
        'tên đăng ký của cơ sở ("Trung tâm y tế huyện Đồng Phú"; src/data/rule-words.json), câu nói về thời gian trước khi sắp xếp ("… trước khi thực hiện sắp xếp bộ máy"), dòng bảng liệt kê văn bản theo số, và chương trình của giai đoạn đã qua ("… giai đoạn 2021 - 2025"). ' +
        'Xã, phường, thị trấn cũ không còn từ 01/7/2025 được báo (mức cảnh báo) kèm đơn vị mới: chỉ trong kế hoạch ' +
        'của đúng tỉnh (tỉnh ghi ở cơ quan ban hành, trích yếu, địa danh, hoặc tỉnh duy nhất được nhắc) và chỉ với tên không còn đơn vị nào ' +
        'mang trong tỉnh mới và không trùng giữa các đơn vị cũ (src/data/communes-2025.json, dựng từ bảng dvhcvn/20250701 theo các Nghị quyết ' +
        '1654-1687/NQ-UBTVQH15, giấy phép MIT); câu kể việc sáp nhập là lịch sử; người dùng thêm mục trong kh.config.json, "knowledge.communes". Dữ liệu: src/data/agencies.json, admin-units.json (thêm/ghi đè trong ' +
        'kh.config.json, mục "knowledge"); mục có độ tin cậy S/M chỉ báo mức cảnh báo. Tùy chọn: allow (khóa cơ quan/tỉnh bỏ qua).',
      en:
        'Reports an agency, province or district-level unit that the plan assigns work to or names, but which no longer existed on ' +
        "the plan's date (its issue date, else 1 January of the plan year) — usually text copied from an old plan. From 01/3/2025 " +
        'ministries and provincial departments were reorganised (Resolution 176/2025/QH15, Decree 45/2025/NĐ-CP: the Department of ' +
        'Labour, Invalids and Social Affairs split between Home Affairs, Health, and Education and Training; Planning and Investment ' +
        'merged into Finance …); from 01/01/2025 Thừa Thiên Huế is thành phố Huế (Resolution 175/2024/QH15); from 01/7/2025 there ' +
        'are 34 provinces (Resolution 202/2025/QH15) and no district level (Law 72/2025/QH15). The message names the successor(s), ' +
        'the legal basis and, for a split agency, which successor took which function. Names inside a citation are history and are ' +
        'not reported, nor are names the text marks as former ("tỉnh Bình Phước (cũ)", "trước đây là Sở …", "… (trước đây)", "(nay là …)"), ' +
        'a cited document\'s issuer ("Quyết định số 810/QĐ-UBND ngày 06/6/2025 của Chủ tịch UBND tỉnh Bắc Giang"), the phrase an amendment replaces ("thay thế cụm từ “tỉnh Thừa Thiên Huế”"), ' +
        'an institution\'s registered name ("Trung tâm y tế huyện Đồng Phú"; src/data/rule-words.json), a sentence about the time before the reorganisation ("… trước khi thực hiện sắp xếp bộ máy"), a table row listing documents by number, and a programme of a past period ("… giai đoạn 2021 - 2025"). ' +
        'An old commune, ward or town gone on 01/7/2025 is reported (warning) with its new unit(s): only in a plan of ' +
        'its province (the one the issuer, title or place names, or the only one the text names) and only for names no current unit of ' +
        'the province bears and no two old units shared (src/data/communes-2025.json, built from the dvhcvn/20250701 mapping of ' +
        'Resolutions 1654-1687/NQ-UBTVQH15, MIT licence); a sentence telling the merger is history; users add entries in kh.config.json, ' +
        '"knowledge.communes". Data: src/data/agencies.json, admin-units.json (add or override in kh.config.json, "knowledge"); entries ' +
        'marked S/M give at most a warning. Option: allow (agency/province keys to skip).',
      wrong: [
        {
          text:
            'ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\n\nSố: 12/KH-UBND\n\nBình Phước, ngày 15 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nCông tác bình đẳng giới năm 2026\n\n' +
            'Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Kế hoạch và Đầu tư triển khai Kế hoạch này.',
          note: {
            vi: 'Kế hoạch năm 2026 giao việc cho hai sở đã giải thể từ 01/3/2025, và tỉnh Bình Phước đã nhập vào tỉnh Đồng Nai.',
            en: 'A 2026 plan assigns work to two departments dissolved on 01/3/2025, in a province merged into Đồng Nai.',
          },
        },
      ],
      right: [
        {
          text:
            'ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\n\nSố: 12/KH-UBND\n\nBình Phước, ngày 15 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nCông tác bình đẳng giới năm 2024\n\n' +
            'Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Kế hoạch và Đầu tư triển khai Kế hoạch này.',
          note: {
            vi: 'Cùng nội dung trong kế hoạch năm 2024: các cơ quan khi đó còn tồn tại.',
            en: 'The same text in a 2024 plan: the agencies existed then.',
          },
        },
        {
          text:
            'ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\n\nSố: 12/KH-UBND\n\nĐồng Nai, ngày 15 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nCông tác bình đẳng giới năm 2026\n\n' +
            'Tiếp tục thực hiện Kế hoạch số 122/KH-UBND ngày 13/4/2021 của UBND tỉnh Bình Phước. Giao Sở Nội vụ chủ trì triển khai Kế hoạch này.',
          note: {
            vi: 'Tên tỉnh cũ nằm trong trích dẫn văn bản là lịch sử.',
            en: 'The old province inside a citation is history.',
          },
        },
      ],
    },
    options: z.object({
      /** Agency or province keys (src/data/agencies.json, admin-units.json) never reported. */
      allow: z.array(z.string().min(1)).default([]),
    }),
    messages: {
      agency: {
        vi: '"{name}" không còn tồn tại vào ngày {date} của kế hoạch (từ {until}): nay là {successors}. Căn cứ: {basis}{note}',
        en: '"{name}" no longer existed on the plan\'s date {date} (since {until}): now {successors}. Basis: {basis}{note}',
      },
      agencyUnverified: {
        vi: '"{name}" không còn tồn tại vào ngày {date} của kế hoạch (từ {until}): nay là {successors}. Căn cứ: {basis}{note} (dữ liệu chưa kiểm chứng đầy đủ)',
        en: '"{name}" no longer existed on the plan\'s date {date} (since {until}): now {successors}. Basis: {basis}{note} (data not fully verified)',
        severity: 'warning',
      },
      province: {
        vi: '"{name}" không còn là đơn vị hành chính vào ngày {date} của kế hoạch (từ {until}): nay thuộc {successors}. Căn cứ: {basis}',
        en: '"{name}" was no longer an administrative unit on the plan\'s date {date} (since {until}): now part of {successors}. Basis: {basis}',
      },
      district: {
        vi: '"{name}": từ {until} không còn đơn vị hành chính cấp huyện (kế hoạch ngày {date}); nhiệm vụ chuyển về UBND tỉnh và UBND cấp xã. Căn cứ: {basis}',
        en: '"{name}": there is no district level since {until} (plan dated {date}); its duties passed to the province and the communes. Basis: {basis}',
      },
      commune: {
        vi: '"{name}" không còn là đơn vị hành chính vào ngày {date} của kế hoạch (từ {until}): nay là {successor}',
        en: '"{name}" was no longer an administrative unit on the plan\'s date {date} (since {until}): now {successor}',
        severity: 'warning',
      },
      districtNamed: {
        vi: '"{name}": từ {until} không còn đơn vị hành chính cấp huyện (kế hoạch ngày {date}); địa bàn nay là các xã, phường thuộc {province}. Căn cứ: {basis}',
        en: '"{name}": there is no district level since {until} (plan dated {date}); the area is now communes of {province}. Basis: {basis}',
      },
    },
  },

  // long: its steps are the named closures inside (agencyReport, communeProvinces, the scan generators) sharing the plan date, the knowledge base and what was reported
  *check(plan, context): Generator<LintMessage> {
    const date = planDate(plan);
    if (!date) return;
    const kb = knowledgeBaseOf(context.data);
    const words = context.data.ruleWords;
    const allow = new Set(context.options.allow);
    const lang = context.lang;
    const dateText = viDate(date);
    const reportedAgencies = new Set<string>(); // `${line}:${key}`

    const agencyReport = (
      agency: Agency,
      name: string,
      target:
        | { node: TextNode; range?: [number, number] }
        | { position: TextNode['position'] }
        | Record<string, never>,
    ): ReportInput<MessageId> => {
      const successors = kb.currentSuccessors(agency.key, date);
      const mappingUnsure = agency.successors.some((x) => x.confidence !== undefined && x.confidence !== 'V');
      const note = mappingUnsure ? t(lang, 'rule.defunct-agency.mapping-unsure') : '';
      const single =
        successors.length === 1 && !successors[0]!.functions && agency.confidence === 'V' && !mappingUnsure
          ? successors[0]!.agency.name.replace(/\s*\([^)]*\)\s*$/, '')
          : undefined;
      return {
        ...target,
        messageId: agency.confidence === 'V' ? 'agency' : 'agencyUnverified',
        data: {
          name,
          date: dateText,
          until: viDate(agency.until!),
          successors: successorText(successors, lang),
          basis: agency.basis ?? '—',
          note,
        },
        ...(single ? { suggestion: single } : {}),
      } as ReportInput<MessageId>;
    };

    const districtLevel = kb.knowledge.adminUnits.districtLevel;
    const districtGone = date >= districtLevel.until;
    // Old communes: the plan's province(s), worked out once and only if a commune is named.
    const communesGone = date >= districtLevel.until;
    let provinces: string[] | undefined;
    const communeProvinces = () =>
      (provinces ??= planProvinces(plan, date, kb, function* () {
        for (const { node, kind } of textNodes(plan)) if (kind !== 'header') yield node.text.normalize('NFC');
      }));

    type Target = { node: TextNode; range?: [number, number] } | Record<string, never>;
    // A commune that no longer existed on the plan's date, and what it is now.
    const communeReport = (
      target: Target,
      excerpt: { excerpt?: string },
      name: string,
      until: string,
      successor: string,
    ) =>
      <ReportInput<MessageId>>{
        ...(target as object),
        ...excerpt,
        messageId: 'commune',
        data: { name, date: dateText, until: viDate(until), successor },
      };
    // Communes and districts abolished by the 2025 reorganisation (the district level as a whole).
    const scanOldUnits = function* (
      text: string,
      spans: [number, number][],
      taken: [number, number][],
      range: (start: number, end: number) => Target,
      excerpt: { excerpt?: string },
    ): Generator<LintMessage> {
      if (communesGone && NAMES_A_COMMUNE.test(text)) {
        const oldCommunes = oldCommunesOf(context.data);
        for (const m of findOldCommunes(oldCommunes, text, communeProvinces())) {
          if (
            insideAny(spans, m.start, m.end) ||
            markedAsFormer(text, m.start, m.end, words) ||
            aboutTheMerger(text, m.start, m.end)
          )
            continue;
          yield context.report(
            communeReport(
              range(m.start, m.end),
              excerpt,
              m.text,
              oldCommunes.until,
              `${m.successors.join(', ')} (${oldCommunes.basis})`,
            ),
          );
        }
      }
      if (districtGone) {
        for (const m of kb.findDistricts(text)) {
          if (
            insideAny(spans, m.start, m.end) ||
            taken.some(([s, e]) => m.start < e && s < m.end) ||
            markedAsFormer(text, m.start, m.end, words)
          )
            continue;
          const province = m.province
            ? (kb.currentProvinceSuccessors(m.province.key, date)[0] ??
              (existsOn(m.province, date) ? m.province : null))
            : null;
          yield context.report(<ReportInput<MessageId>>{
            ...(range(m.start, m.end) as object),
            ...excerpt,
            messageId: m.name && province ? 'districtNamed' : 'district',
            data: {
              name: m.text,
              date: dateText,
              until: viDate(districtLevel.until),
              basis: districtLevel.basis,
              province: province ? provinceName(province) : '',
            },
          });
        }
      }
    };

    const scan = function* (
      node: TextNode | null,
      text: string,
      spans: [number, number][],
      ranged: boolean,
    ): Generator<LintMessage> {
      const target: Target = node ? { node } : {};
      const excerpt = node ? {} : { excerpt: text };
      const range = (start: number, end: number): Target =>
        ranged && node ? { node, range: [start, end] } : target;
      const taken: [number, number][] = [];
      for (const m of kb.findAgencies(text)) {
        if (existsOn(m.entry, date) || allow.has(m.entry.key) || insideAny(spans, m.start, m.end)) continue;
        taken.push([m.start, m.end]);
        if (markedAsFormer(text, m.start, m.end, words)) continue;
        if (node) reportedAgencies.add(`${node.position.start.line}:${m.entry.key}`);
        yield context.report({ ...agencyReport(m.entry, m.text, range(m.start, m.end)), ...excerpt });
      }
      for (const m of kb.findProvinces(text)) {
        if (existsOn(m.entry, date) || allow.has(m.entry.key) || insideAny(spans, m.start, m.end)) continue;
        if (node) reportedAgencies.add(`${node.position.start.line}:province:${m.entry.key}`);
        if (markedAsFormer(text, m.start, m.end, words)) continue;
        const successors = kb.currentProvinceSuccessors(m.entry.key, date);
        const certain =
          successors.length === 1 && m.entry.confidence === 'V' && /^(tỉnh|thành phố)\s/u.test(m.text);
        yield context.report(<ReportInput<MessageId>>{
          ...(range(m.start, m.end) as object),
          ...excerpt,
          messageId: 'province',
          data: {
            name: m.text,
            date: dateText,
            until: viDate(m.entry.until!),
            successors: successors.map(provinceName).join(', ') || '—',
            basis: m.entry.basis ?? '—',
          },
          ...(certain ? { suggestion: provinceName(successors[0]!) } : {}),
        });
      }
      for (const m of kb.findCommunes(text)) {
        if (
          !m.entry.until ||
          existsOn({ until: m.entry.until }, date) ||
          insideAny(spans, m.start, m.end) ||
          markedAsFormer(text, m.start, m.end, words)
        )
          continue;
        yield context.report(
          communeReport(range(m.start, m.end), excerpt, m.text, m.entry.until, m.entry.successor ?? '—'),
        );
      }
      yield* scanOldUnits(text, spans, taken, range, excerpt);
    };

    // The issuer line is often in capitals: read it from meta.issuer (normal case), report on the line.
    // Without a located issuer line, the issuer is reported at the top of the document.
    const issuerLine = plan.meta.lines.issuer;
    if (plan.meta.issuer) yield* scan(issuerLine, plan.meta.issuer.normalize('NFC'), [], false);

    // A table row that cites a document by its number: its other cells are that document's title and issuer (history).
    const citingRow = new Set<TextNode>();
    for (const table of plan.tables) {
      for (const row of table.rows) {
        if (row.cells.some((cell) => /\d+\/(?:\d{4}\/)?\p{Lu}/u.test(cell.text)))
          for (const cell of row.cells) citingRow.add(cell);
      }
    }
    for (const { node, kind } of textNodes(plan)) {
      if (kind === 'header' && node === issuerLine) continue;
      if (kind === 'cell' && citingRow.has(node)) continue;
      const text = node.text.normalize('NFC');
      yield* scan(
        node,
        text,
        citationSpans(context.derived('citation-index', citationIndex), text),
        text.length === node.text.length,
      );
    }

    // Owners the text scan did not recognise (a variant only ownerKey() normalises).
    for (const assignment of plan.assignments) {
      const agency = kb.resolveAgency(assignment.owner);
      if (!agency || existsOn(agency, date) || allow.has(agency.key)) continue;
      if (reportedAgencies.has(`${assignment.position.start.line}:${agency.key}`)) continue;
      reportedAgencies.add(`${assignment.position.start.line}:${agency.key}`);
      yield context.report(agencyReport(agency, assignment.owner, { position: assignment.position }));
    }

    // A defunct province named alone in an owner ("Báo Thừa Thiên Huế", "Báo Bình Phước").
    for (const assignment of plan.assignments) {
      for (const m of kb.findProvinces(assignment.owner, true)) {
        const key = `${assignment.position.start.line}:province:${m.entry.key}`;
        if (existsOn(m.entry, date) || allow.has(m.entry.key) || reportedAgencies.has(key)) continue;
        reportedAgencies.add(key);
        const successors = kb.currentProvinceSuccessors(m.entry.key, date);
        yield context.report({
          position: assignment.position,
          excerpt: assignment.owner,
          messageId: 'province',
          data: {
            name: m.text,
            date: dateText,
            until: viDate(m.entry.until!),
            successors: successors.map(provinceName).join(', ') || '—',
            basis: m.entry.basis ?? '—',
          },
        });
      }
    }
  },
});
