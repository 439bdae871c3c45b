/**
 * citation-issuer: the issuer a citation names ("… của Chính phủ") against the issuer its ký hiệu
 * implies ("2282/QĐ-TTg": TTg = Thủ tướng Chính phủ). The codes and the accepted names of each
 * issuer are data (src/data/issuer-codes.json), extended with the option `issuers`.
 *
 * Conservative: a citation is reported only when the name it gives is recognisably *another*
 * issuer of the data (a name the data does not know, "Ủy ban nhân dân tỉnh", is left alone), and
 * at error level only when the code's entry is verified ([V]); otherwise a warning.
 */
import { z } from 'zod';
import { defineRule, type LintMessage, type TextNode } from './types.js';
import type { Citation, Plan } from '../plan/schema.js';
import { allTextNodes } from './util.js';
import { ConfidenceSchema } from '../domain/registries.js';
import { issuersOfSymbol, normalizeName, type IssuerCode } from '../domain/issuers.js';
import { t } from '../i18n/index.js';

function accepts(entry: IssuerCode, name: string): boolean {
  return entry.names.some((n) => {
    const key = normalizeName(n);
    return name === key || name.startsWith(`${key} `);
  });
}

/** A name listing several bodies ("Bộ Y tế và Bộ Tài chính") that includes the implied one. */
function mentions(entry: IssuerCode, name: string): boolean {
  return entry.names.some((n) => {
    const key = normalizeName(n);
    const at = name.indexOf(key);
    return (
      at > 0 &&
      /(?:[,;]|\svà|\s&)\s*$/u.test(name.slice(0, at)) &&
      (at + key.length === name.length || /^[\s,;]/u.test(name.slice(at + key.length)))
    );
  });
}

/**
 * Where "của <issuer>" of a citation is written: the text node holding the citation and the range
 * of the issuer's name in it (null when it cannot be found: the citation itself is reported).
 */
function issuerPlace(
  nodes: readonly TextNode[],
  citation: Citation,
): { node: TextNode; range: [number, number] } | null {
  const issuer = citation.issuer!;
  for (const node of nodes) {
    let at = node.text.indexOf(citation.text);
    while (at >= 0) {
      const from = at + citation.text.length;
      const i = node.text.indexOf(issuer, from);
      if (i >= 0 && i - from <= 40) return { node, range: [i, i + issuer.length] };
      at = node.text.indexOf(citation.text, at + 1);
    }
  }
  return null;
}

export const rule = defineRule({
  meta: {
    id: 'citation-issuer',
    defaultSeverity: 'error',
    description: {
      vi: 'Cơ quan ban hành ghi trong trích dẫn khác với cơ quan mà ký hiệu văn bản cho biết ("2282/QĐ-TTg … của Chính phủ")',
      en: 'The issuer named in a citation differs from the one its symbol implies ("2282/QĐ-TTg … của Chính phủ")',
    },
    docs: {
      vi:
        'Ký hiệu văn bản cho biết cơ quan ban hành (Nghị định 30/2020/NĐ-CP, Phụ lục I): NĐ-CP, NQ-CP là của Chính phủ, ' +
        'QĐ-TTg, CT-TTg là của Thủ tướng Chính phủ, TT-BTC của Bộ Tài chính, -CT/TW của Ban Bí thư … Khi trích dẫn ghi ' +
        '"của <cơ quan>" mà cơ quan đó là một cơ quan khác đã biết, quy tắc báo lỗi và nêu tên đúng. Danh sách mã ở ' +
        'src/data/issuer-codes.json (có nguồn); thêm mã của địa phương bằng tùy chọn issuers ' +
        '([{ "code": "SLĐTBXH", "types": null, "names": ["Sở Lao động - Thương binh và Xã hội"] }]). ' +
        'Danh sách có mọi bộ, cơ quan ngang bộ trước và sau 01/3/2025, Văn phòng Chính phủ, Quốc hội và Ủy ban Thường vụ Quốc hội, ' +
        'UBND, HĐND các cấp, các sở, các cơ quan Đảng (TW, TU, HU, ĐU) và Mặt trận, với tên đầy đủ và tên viết tắt thường gặp ' +
        '(Bộ TP, Bộ LĐ-TBXH, UBND tỉnh). Văn bản của bộ đã giải thể ghi "của" cơ quan kế nhiệm (TT-BTNMT của Bộ Nông nghiệp và ' +
        'Môi trường) và văn bản liên tịch ghi đủ các cơ quan thì không báo. ' +
        'Tên cơ quan không có trong danh sách thì không báo; mã chưa được kiểm chứng [S]/[M] chỉ báo cảnh báo.',
      en:
        "A document symbol names its issuer (Decree 30/2020/NĐ-CP, Appendix I): NĐ-CP and NQ-CP are the Government's, " +
        "QĐ-TTg and CT-TTg the Prime Minister's, TT-BTC the Ministry of Finance's, -CT/TW the Party Secretariat's … When " +
        'a citation says "của <body>" and that body is a different known issuer, the rule reports it with the right name. ' +
        'Codes live in src/data/issuer-codes.json (sourced): every ministry and ministry-level agency before and after 01/3/2025, ' +
        "the Government Office, the National Assembly and its Standing Committee, people's committees and councils, provincial " +
        'departments, party bodies (TW, TU, HU, ĐU) and the Front, by full name and usual short forms (Bộ TP, Bộ LĐ-TBXH, UBND tỉnh). ' +
        "A dissolved ministry's document named by its successor (TT-BTNMT of the Ministry of Agriculture and Environment) and a " +
        'joint document naming all its issuers are not reported. Add local codes with the option issuers. Names the data does ' +
        'not know are not reported; codes not verified ([S]/[M]) give warnings only.',
      wrong: [
        'Căn cứ Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Chính phủ phê duyệt Chương trình tăng cường sự tham gia bình đẳng của phụ nữ.',
        'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Thủ tướng Chính phủ quy định xử phạt vi phạm hành chính.',
      ],
      right: [
        'Căn cứ Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ phê duyệt Chương trình tăng cường sự tham gia bình đẳng của phụ nữ.',
        'Căn cứ Thông tư số 10/2019/TT-BKHĐT ngày 30/7/2019 của Bộ trưởng Bộ Kế hoạch và Đầu tư quy định bộ chỉ tiêu thống kê phát triển giới.',
        'Căn cứ Kế hoạch số 122/KH-UBND ngày 13/4/2021 của Ủy ban nhân dân tỉnh.',
      ],
    },
    options: z.object({
      /** Issuer codes added to src/data/issuer-codes.json (a user's own agencies). */
      issuers: z
        .array(
          z.object({
            code: z.string().min(1),
            types: z.array(z.string().min(1)).nullable().default(null),
            names: z.array(z.string().min(1)).min(1),
            source: z.string().min(1).default('kh.config.json'),
            confidence: ConfidenceSchema.default('S'),
          }),
        )
        .default([]),
    }),
    messages: {
      mismatch: {
        vi: 'Ký hiệu "{raw}" là văn bản của {expected}, nhưng trích dẫn ghi "của {issuer}": sửa thành "của {expected}" (hoặc kiểm tra lại số, ký hiệu)',
        en: 'The symbol "{raw}" is a document of {expected}, but the citation says "của {issuer}": write "của {expected}" (or check the number and symbol)',
      },
      mismatchUnverified: {
        vi: 'Ký hiệu "{raw}" thường là văn bản của {expected}, nhưng trích dẫn ghi "của {issuer}": kiểm tra lại cơ quan ban hành',
        en: 'The symbol "{raw}" is usually a document of {expected}, but the citation says "của {issuer}": check the issuer',
        severity: 'warning',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    const entries = [...context.options.issuers, ...context.data.issuerCodes.entries];
    let nodes: TextNode[] | undefined;
    const types = new Set(
      context.data.documentTypes.entries.map((e) => e.abbreviation).filter((a): a is string => a !== null),
    );
    // The tree may hold one citation twice (read from the text and from a footnote or an attached
    // plan's copy of it): one message per place.
    const reported = new Set<string>();
    for (const citation of plan.citations) {
      if (!citation.symbol || !citation.issuer) continue;
      const implied = issuersOfSymbol(citation.symbol, types, entries);
      if (implied.length === 0) continue;
      const name = normalizeName(citation.issuer);
      if (implied.some((entry) => accepts(entry, name) || mentions(entry, name))) continue;
      // "03/2024/TT-BTNMT của Bộ Nông nghiệp và Môi trường": named by the body that took it over.
      const successors = new Set(implied.flatMap((entry) => entry.successors ?? []));
      if (entries.some((entry) => successors.has(entry.code) && accepts(entry, name))) continue;
      // Report only a name that is recognisably another issuer.
      if (!entries.some((entry) => !implied.includes(entry) && accepts(entry, name))) continue;
      const verified = implied.every((entry) => entry.confidence === 'V');
      const expected = [...new Set(implied.map((entry) => entry.names[0]!))].join(t(context.lang, 'rule.or'));
      nodes ??= context.derived('text-nodes', allTextNodes).map((entry) => entry.node);
      const place = issuerPlace(nodes, citation);
      const at = place ? place.node.position : citation.position;
      const key = `${at.start.line}:${at.start.column}:${place?.range?.join('-') ?? ''}:${citation.raw}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const data = { raw: citation.raw, expected, issuer: citation.issuer };
      const messageId = verified ? 'mismatch' : 'mismatchUnverified';
      // The fix is certain only for a verified code with a single issuer.
      const single = verified && implied.length === 1 ? implied[0]!.names[0]! : null;
      yield place
        ? context.report({ ...place, messageId, data, ...(single ? { suggestion: single } : {}) })
        : context.report({ node: citation, messageId, data });
    }
  },
});

export default rule;
