/**
 * legacy-encoding: the document was read from a legacy Vietnamese encoding (TCVN3/ABC, VNI,
 * Windows-1258) and converted to Unicode (src/util/legacy-convert.ts); the one place that says so.
 * The parser records the conversion in `plan.source.converted`; this rule only words it.
 */
import { z } from 'zod';
import { defineRule, type LintMessage } from './types.js';
import { encodingNameIn } from '../domain/legacy-encodings.js';

export const rule = defineRule({
  meta: {
    id: 'legacy-encoding',
    defaultSeverity: 'info',
    description: {
      vi: 'Văn bản viết bằng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258) đã được chuyển sang Unicode để đọc',
      en: 'The document is in a legacy Vietnamese encoding (TCVN3/ABC, VNI, Windows-1258) and was converted to Unicode to be read',
    },
    docs: {
      vi:
        'Tệp .txt/.md viết bằng bảng mã TCVN3 (ABC, phông .VnTime), VNI (phông VNI-Times) hoặc Windows-1258, và tệp .docx có đoạn chữ dùng phông .VnTime/.VnTimeH hay VNI-Times, được kh chuyển sang Unicode trước khi kiểm tra (bảng mã: src/data/legacy-encodings.json). ' +
        'Quy tắc này báo một lần cho mỗi tệp đã chuyển, nói chuyển từ bảng mã nào: vị trí và trích dẫn của các phát hiện khác là theo bản Unicode. ' +
        'Để sửa hẳn tệp văn bản: kh convert <tệp> -o <tệp mới>; với .docx: đổi phông bằng Unikey (Công cụ chuyển mã) hoặc gõ lại bằng phông Unicode.',
      en:
        'A .txt/.md file in TCVN3 (ABC, the .VnTime fonts), VNI (the VNI-Times fonts) or Windows-1258, and a .docx whose runs use the .VnTime/.VnTimeH or VNI-Times fonts, are converted to Unicode before they are checked (code charts: src/data/legacy-encodings.json). ' +
        'This rule says so once per converted file, naming the encoding: the places and quotes of the other findings are those of the Unicode text. ' +
        "To fix a text file for good: kh convert <file> -o <new file>; a .docx: change its fonts with Unikey's converter or retype in a Unicode font.",
      wrong: [
        {
          text: 'KÕ ho¹ch phßng, chèng thiªn tai n¨m 2025\nTriÓn khai thùc hiÖn c«ng t¸c phßng, chèng thiªn tai trªn ®Þa bµn tØnh.\n',
          note: {
            vi: 'chữ TCVN3 dán vào tệp Unicode (đọc như "KÕ ho¹ch")',
            en: 'TCVN3 text pasted into a Unicode file (it reads "KÕ ho¹ch")',
          },
        },
      ],
      right: [
        'Kế hoạch phòng, chống thiên tai năm 2025\nTriển khai thực hiện công tác phòng, chống thiên tai trên địa bàn tỉnh.\n',
      ],
    },
    options: z.object({}),
    messages: {
      file: {
        vi: 'Tệp viết bằng bảng mã {encoding}, đã được chuyển sang Unicode để đọc; vị trí và trích dẫn theo bản Unicode. Để sửa hẳn tệp: kh convert {file} -o <tệp mới>',
        en: 'The file is in the {encoding} encoding and was converted to Unicode to be read; places and quotes are those of the Unicode text. To fix the file for good: kh convert {file} -o <new file>',
      },
      runs: {
        vi: '{runs} đoạn chữ viết bằng phông bảng mã cũ ({encoding}: .VnTime, VNI-Times …) đã được chuyển sang Unicode để đọc; để sửa hẳn văn bản, đổi phông bằng Unikey (Công cụ chuyển mã)',
        en: "{runs} runs in legacy fonts ({encoding}: .VnTime, VNI-Times …) were converted to Unicode to be read; to fix the document for good, convert its fonts with Unikey's converter",
      },
    },
  },
  *check(plan, context): Generator<LintMessage> {
    const converted = plan.source.converted;
    if (!converted) return;
    const encoding = encodingNameIn(context.data.legacyEncodings, converted.from);
    if (converted.runs === null)
      yield context.report({ messageId: 'file', data: { encoding, file: plan.source.path } });
    else yield context.report({ messageId: 'runs', data: { encoding, runs: converted.runs } });
  },
});
