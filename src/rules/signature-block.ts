/**
 * signature-block: the authority lines, title and name of the signer per Nghị định 30/2020/NĐ-CP
 * (Điều 13; Phụ lục I, khoản 7) — src/data/nd30-form.json:
 *  - a document issued by a body that works collectively (its ký hiệu ends in UBND) is signed
 *    "TM. ỦY BAN NHÂN DÂN" then "CHỦ TỊCH", or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" under that TM. line;
 *    "KT. CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN" is missing its collective line;
 *  - the signer's title (position) and name are present.
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import { textNodes } from './util.js';
import type { Plan, TextLine } from '../plan/schema.js';
import { squash } from '../util/whitespace.js';

/** Markdown marks dropped, white space collapsed. */
const plain = (text: string) => squash(text.replace(/[*_#]/g, ' '));

/** The issuer group of the ký hiệu ("KH-UBND" → "UBND"), else the builder's issuer code. */
function issuerCode(plan: Plan): string | null {
  const symbol = plan.meta.symbol;
  if (symbol) {
    const dash = symbol.indexOf('-');
    if (dash > 0)
      return symbol
        .slice(dash + 1)
        .split('-')[0]!
        .toUpperCase();
  }
  return plan.meta.issuerCode?.toUpperCase() ?? null;
}

/**
 * An authority line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") somewhere in the text: the block is
 * there but the tree did not find it (a two-column Nơi nhận/signature flattened into one text
 * column: "Nơi nhận: TM. ỦY BAN NHÂN DÂN"). Not reported as missing.
 */
function authorityInText(plan: Plan, prefixes: readonly string[]): boolean {
  const re = new RegExp(`(?:^|[\\s;:])(?:${prefixes.join('|')})\\.\\s*\\p{Lu}{2,}`, 'u');
  for (const { node } of textNodes(plan)) if (re.test(node.text)) return true;
  return false;
}

/**
 * Whose name the document is issued in, from its authority line — the line in capitals between
 * the title and "Căn cứ …" of a Quyết định: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" (the Chairman's own
 * name) or "ỦY BAN NHÂN DÂN TỈNH …" (the collective); a Chỉ thị is the Chairman's. null: the
 * document does not say (a Kế hoạch, a Công văn).
 */
function issuedBy(
  plan: Plan,
  collective: string,
  head: string,
  headOwnName: readonly string[],
): 'head' | 'collective' | null {
  if (plan.meta.docType && headOwnName.includes(plan.meta.docType)) return 'head';
  for (const paragraph of plan.preamble) {
    const text = plain(paragraph.text);
    if (/^Căn cứ/iu.test(text)) break;
    if (text !== text.toUpperCase() || text.length > 120) continue;
    const folded = text.replace(/UỶ/gu, 'ỦY');
    if (folded.startsWith(`${head} ${collective}`)) return 'head';
    if (folded.startsWith(collective)) return 'collective';
  }
  return null;
}

export const rule = defineRule({
  meta: {
    id: 'signature-block',
    defaultSeverity: 'warning',
    description: {
      vi: 'Khối chữ ký: thẩm quyền ký (TM., KT.) đúng Nghị định 30/2020/NĐ-CP, có chức vụ và họ tên người ký',
      en: "Signature block: the signing authority (TM., KT.) per Decree 30/2020/NĐ-CP, the signer's title and name",
    },
    docs: {
      vi:
        'Theo Nghị định 30/2020/NĐ-CP (Điều 13; Phụ lục I, khoản 7), cơ quan làm việc theo chế độ tập thể như Ủy ban nhân dân ký ' +
        '"TM. ỦY BAN NHÂN DÂN" rồi "CHỦ TỊCH", hoặc cấp phó ký "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" dưới dòng TM. đó. ' +
        'Văn bản có ký hiệu …-UBND mà ký "KT. CHỦ TỊCH" không có dòng "TM. ỦY BAN NHÂN DÂN": là cảnh báo khi văn bản tự nói do tập thể ban hành (dòng thẩm quyền "ỦY BAN NHÂN DÂN TỈNH …" trước "Căn cứ"); ' +
        'không báo khi văn bản ban hành dưới tên Chủ tịch (dòng "CHỦ TỊCH ỦY BAN NHÂN DÂN …", hoặc Chỉ thị: src/data/rule-words.json); ' +
        'chỉ là lưu ý (info) khi văn bản không nói (kế hoạch, công văn). Vì sao: trong kho văn bản thật (shared/corpus/tvpl), 78 quyết định ký "KT. CHỦ TỊCH" không có TM. đều là quyết định của Chủ tịch, đúng thể thức; ' +
        'kế hoạch, công văn của UBND được ký cả hai cách (kế hoạch Huế 275, 188 có TM.; nhiều kế hoạch cấp tỉnh đã ban hành thì không), nên đó không chắc là lỗi. ' +
        'Khối chữ ký cũng phải có chức vụ và họ tên người ký (chỉ kiểm tra khi đọc được trọn khối chữ ký). Nguồn: src/data/nd30-form.json.',
      en:
        "Per Decree 30/2020/NĐ-CP (Art. 13; Annex I, 7), a body that works collectively such as a People's Committee signs " +
        '"TM. ỦY BAN NHÂN DÂN" then "CHỦ TỊCH", or a deputy signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" under that TM. line. ' +
        'A document with a …-UBND symbol signed "KT. CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN": a warning when the document says the collective issues it (the authority line "ỦY BAN NHÂN DÂN TỈNH …" before "Căn cứ"); ' +
        'nothing when it is issued in the Chairman\'s name (the line "CHỦ TỊCH ỦY BAN NHÂN DÂN …", or a Chỉ thị: src/data/rule-words.json); ' +
        'a note (info) when the document does not say (a plan, a letter). Why: in the real documents (shared/corpus/tvpl) the 78 decisions signed "KT. CHỦ TỊCH" without TM. are all the Chairman\'s, rightly signed; ' +
        "plans and letters of a People's Committee are signed both ways (the Huế plans 275 and 188 with TM., many issued provincial plans without), so it is not surely a slip. " +
        "The block also needs the signer's title and name (checked only when the whole block was read). Source: src/data/nd30-form.json.",
      wrong: [
        'Số: 12/QĐ-UBND\n\nLai Châu, ngày 24 tháng 4 năm 2024\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thực hiện công tác bình đẳng giới năm 2024\n\nỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An',
      ],
      right: [
        {
          text: 'Số: 12/QĐ-UBND\n\nLai Châu, ngày 24 tháng 4 năm 2024\n\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Thành lập Tổ công tác.\n\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An',
          note: {
            vi: 'Quyết định của Chủ tịch: ký "KT. CHỦ TỊCH" không cần dòng TM.',
            en: 'A decision of the Chairman: "KT. CHỦ TỊCH" needs no TM. line.',
          },
        },
        'Số: 12/KH-UBND\n\nLai Châu, ngày 24 tháng 4 năm 2024\n\nKẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Các sở triển khai.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An',
      ],
    },
    options: z.object({}),
    messages: {
      missingCollective: {
        vi: 'Văn bản {symbol} do tập thể {collective} ban hành nhưng ký "{authority}" mà thiếu dòng "TM. {collective}" phía trên (Nghị định 30/2020/NĐ-CP, Điều 13)',
        en: 'The {symbol} document is issued by the collective body {collective} but signed "{authority}" without a "TM. {collective}" line above it (Decree 30/2020, Art. 13)',
      },
      collectiveUsual: {
        vi: 'Văn bản {symbol} ký "{authority}" mà không có dòng "TM. {collective}" phía trên: Nghị định 30/2020/NĐ-CP (Điều 13) quy định ký thay mặt tập thể, dù nhiều kế hoạch đã ban hành vẫn ký như vậy; thêm dòng TM. nếu văn bản do tập thể {collective} ban hành',
        en: 'The {symbol} document is signed "{authority}" without a "TM. {collective}" line above it: Decree 30/2020 (Art. 13) asks for the collective line, though many issued plans are signed this way; add the TM. line if the collective {collective} issues it',
        severity: 'info',
      },
      missingSignature: {
        vi: 'Không tìm thấy khối chữ ký (thẩm quyền, chức vụ, họ tên người ký) ở cuối văn bản',
        en: "No signature block (authority, title, signer's name) at the end of the document",
      },
      missingPosition: {
        vi: 'Khối chữ ký "{block}" thiếu chức vụ của người ký (ví dụ "PHÓ CHỦ TỊCH")',
        en: 'The signature block "{block}" has no title for the signer (e.g. "PHÓ CHỦ TỊCH")',
      },
      missingSigner: {
        vi: 'Khối chữ ký "{block}" thiếu họ tên người ký',
        en: 'The signature block "{block}" has no signer\'s name',
      },
    },
  },

  *check(plan, context): Generator<LintMessage> {
    const signature = plan.signature;
    if (!signature) {
      if (
        plan.meta.isPlan &&
        plan.sections.length > 0 &&
        !authorityInText(plan, context.data.documentParts.authorityPrefixes.words)
      ) {
        yield context.report({ messageId: 'missingSignature' });
      }
      return;
    }
    const form = context.data.nd30Form;
    const prefixes = context.data.documentParts.authorityPrefixes.words;
    const prefixOf = (line: string): { prefix: string; rest: string } | null => {
      const m = /^(\p{Lu}{1,4})\s*\.\s*(.+)$/u.exec(plain(line));
      return m && prefixes.includes(m[1]!) ? { prefix: m[1]!, rest: m[2]!.toUpperCase() } : null;
    };
    const block = signature.lines.map((line) => plain(line.text)).join(' / ');
    const authorities = signature.authority.map(prefixOf).filter((a) => a !== null);

    const code = issuerCode(plan);
    const body = code ? form.collectiveBodies.find((b) => b.issuerCode.toUpperCase() === code) : undefined;
    if (body) {
      const hasCollective = authorities.some((a) => a.prefix === form.authority.onBehalfOfCollective);
      const forHead = authorities.find((a) => a.prefix === form.authority.forTheHead && a.rest === body.head);
      const issuer =
        !hasCollective && forHead
          ? issuedBy(plan, body.collective, body.head, context.data.ruleWords.headOwnName.types)
          : 'head';
      if (issuer !== 'head') {
        const authority = signature.authority.find((line) =>
          prefixOf(line) === null ? false : prefixOf(line)!.prefix === form.authority.forTheHead,
        )!;
        const line: TextLine | undefined = signature.lines.find((l) => plain(l.text) === plain(authority));
        const symbol = plan.meta.symbol ?? code!;
        const data = {
          symbol,
          collective: body.collective,
          authority: [plain(authority), signature.position].filter(Boolean).join(' / '),
        };
        // Issued by the collective in so many words: a slip. Not said (a Kế hoạch, a Công văn): the
        // way most signed provincial plans are signed in practice — a note.
        const messageId = issuer === 'collective' ? 'missingCollective' : 'collectiveUsual';
        yield line
          ? context.report({ node: line, messageId, data })
          : context.report({
              position: signature.sourcePosition,
              excerpt: plain(authority),
              messageId,
              data,
            });
      }
    }
    // Title and name only when the builder is sure it read the whole block.
    if (plan.structure && plan.structure.signature !== 'found') return;
    if (!signature.position) {
      yield context.report({
        position: signature.sourcePosition,
        excerpt: block,
        messageId: 'missingPosition',
        data: { block },
      });
    }
    if (!signature.signer) {
      yield context.report({
        position: signature.sourcePosition,
        excerpt: block,
        messageId: 'missingSigner',
        data: { block },
      });
    }
  },
});

export default rule;
