/**
 * The CLI's own words (help, outline labels, commander's errors), Vietnamese first. Error
 * messages about input files live with InputError in src/util/errors.ts.
 * Kept free of heavy imports: `kh --help` loads this module.
 */
import type { Lang } from '../util/errors.js';
import { extensionList, formatLabelList } from '../parse/formats.js';

export type { Lang } from '../util/errors.js';

/** A text in both languages (command tables use it for their own descriptions). */
export interface Localized {
  vi: string;
  en: string;
}

export const LANGS: readonly Lang[] = ['vi', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/**
 * The language, read before commander parses anything (commander's help texts are fixed when
 * the program is built): `--lang X` / `--lang=X` on the command line, else KH_LANG, else vi.
 */
export function preScanLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang' && isLang(argv[i + 1])) return argv[i + 1] as Lang;
    if (arg.startsWith('--lang=') && isLang(arg.slice(7))) return arg.slice(7) as Lang;
  }
  const fromEnv = env.KH_LANG?.trim().toLowerCase();
  return isLang(fromEnv) ? fromEnv : 'vi';
}

const vi = {
  programDescription:
    `Đọc và kiểm tra văn bản Kế hoạch (KH-UBND) từ tệp ${formatLabelList(' hoặc ')}`,
  optLang: 'ngôn ngữ thông báo; mặc định lấy từ biến môi trường KH_LANG, nếu không có thì vi',
  optDebug: 'in chi tiết lỗi (stack trace) để báo lỗi',
  optNoColor: 'không tô màu khi in ra',
  optVersion: 'in số phiên bản',
  optHelp: 'hiện hướng dẫn sử dụng',
  helpCommand: 'hiện hướng dẫn cho một lệnh',
  titles: {
    'Usage:': 'Cách dùng:',
    'Arguments:': 'Tham số:',
    'Options:': 'Tùy chọn:',
    'Commands:': 'Lệnh:',
    'Global Options:': 'Tùy chọn chung:',
  } as Record<string, string>,
  choices: 'giá trị',
  default: 'mặc định',
  usageWords: { options: 'tùy-chọn', command: 'lệnh' },
  // commands
  parseDescription: 'đọc văn bản thành cây Plan (JSON) hoặc in dàn ý dễ đọc',
  parseFiles: `các tệp ${extensionList(' hoặc ')}`,
  parseFormat: 'định dạng in ra: json (cây Plan) hoặc outline (dàn ý)',
  schemaDescription: 'in JSON Schema của cây Plan (sinh từ lược đồ zod)',
  // outline
  outline: {
    file: 'Tệp',
    format: 'định dạng',
    pages: 'trang',
    issuer: 'Cơ quan ban hành',
    number: 'Số, ký hiệu',
    date: 'Ngày ban hành',
    docType: 'Loại văn bản',
    title: 'Trích yếu',
    planYear: 'Năm kế hoạch',
    level: 'Cấp',
    draft: 'dự thảo',
    notPlan: 'không phải Kế hoạch',
    sections: 'Các phần',
    goals: 'Mục tiêu',
    indicator: 'Chỉ tiêu',
    assignments: 'Phân công',
    partners: 'phối hợp',
    refs: 'chỉ tiêu',
    citations: 'Văn bản dẫn chiếu',
    signature: 'Chữ ký',
    recipients: 'Nơi nhận',
    tables: 'Bảng',
    rows: 'dòng',
    none: '(không có)',
    missing: '—',
    preamble: 'Mở đầu',
    closing: 'Kết thúc',
    paragraphs: 'đoạn',
    articles: 'Các điều',
    attachment: 'Văn bản kèm theo',
    appendices: 'Phụ lục, biểu mẫu',
    structure: 'Độ tin cậy của cấu trúc',
    uncertain: 'chưa chắc',
  },
  commanderErrors: {
    unknownOption: (flag: string) => `tùy chọn không hợp lệ '${flag}'`,
    unknownCommand: (name: string) => `lệnh không hợp lệ '${name}' (xem kh --help)`,
    missingArgument: (name: string) => `thiếu tham số '${name}'`,
    optionMissingArgument: (flag: string) => `tùy chọn '${flag}' cần một giá trị`,
    invalidChoice: (flag: string, value: string, allowed: string) =>
      `giá trị '${value}' không hợp lệ cho '${flag}'; chọn một trong: ${allowed}`,
    excessArguments: 'thừa tham số',
    didYouMean: (what: string) => `(có phải ý bạn là ${what}?)`,
  },
};

type Messages = typeof vi;

const en: Messages = {
  programDescription: `Reads and checks Vietnamese plan documents (Kế hoạch, KH-UBND) from ${formatLabelList(' or ')}`,
  optLang: 'language of messages; default from the KH_LANG environment variable, else vi',
  optDebug: 'print error details (stack traces) for bug reports',
  optNoColor: 'do not colour the output',
  optVersion: 'print the version number',
  optHelp: 'display help',
  helpCommand: 'display help for a command',
  titles: {
    'Usage:': 'Usage:',
    'Arguments:': 'Arguments:',
    'Options:': 'Options:',
    'Commands:': 'Commands:',
    'Global Options:': 'Global Options:',
  },
  choices: 'choices',
  default: 'default',
  usageWords: { options: 'options', command: 'command' },
  parseDescription: 'read documents into the Plan tree (JSON) or print a readable outline',
  parseFiles: `${extensionList(' or ')} files`,
  parseFormat: 'output format: json (the Plan tree) or outline',
  schemaDescription: 'print the JSON Schema of the Plan tree (generated from the zod schema)',
  outline: {
    file: 'File',
    format: 'format',
    pages: 'pages',
    issuer: 'Issuer',
    number: 'Number/symbol',
    date: 'Issue date',
    docType: 'Document type',
    title: 'Title',
    planYear: 'Plan year',
    level: 'Level',
    draft: 'draft',
    notPlan: 'not a Kế hoạch',
    sections: 'Sections',
    goals: 'Goals',
    indicator: 'Indicator',
    assignments: 'Assignments',
    partners: 'with',
    refs: 'indicators',
    citations: 'Citations',
    signature: 'Signature',
    recipients: 'Recipients',
    tables: 'Tables',
    rows: 'rows',
    none: '(none)',
    missing: '—',
    preamble: 'Preamble',
    closing: 'Closing',
    paragraphs: 'paragraphs',
    articles: 'Articles',
    attachment: 'Attached document',
    appendices: 'Appendices and forms',
    structure: 'Structure confidence',
    uncertain: 'uncertain',
  },
  commanderErrors: {
    unknownOption: (flag) => `unknown option '${flag}'`,
    unknownCommand: (name) => `unknown command '${name}' (see kh --help)`,
    missingArgument: (name) => `missing argument '${name}'`,
    optionMissingArgument: (flag) => `option '${flag}' needs a value`,
    invalidChoice: (flag, value, allowed) => `invalid value '${value}' for '${flag}'; choose one of: ${allowed}`,
    excessArguments: 'too many arguments',
    didYouMean: (what) => `(did you mean ${what}?)`,
  },
};

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : vi;
}

export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

/**
 * commander's error lines are English; translate the ones a user meets, keep others as they are.
 * Input: "error: unknown option '--x'\n(Did you mean --y?)\n".
 */
export function translateCommanderError(raw: string, lang: Lang): string {
  const m = messages(lang).commanderErrors;
  const text = raw.replace(/^error:\s*/, '').trim();
  const [first = '', ...rest] = text.split('\n');
  const suggestion = rest.join(' ').match(/Did you mean (.+)\?/);
  const hint = suggestion ? ` ${m.didYouMean(suggestion[1]!)}` : '';
  let match: RegExpMatchArray | null;
  if ((match = first.match(/^unknown option '(.+)'$/))) return m.unknownOption(match[1]!) + hint;
  if ((match = first.match(/^unknown command '(.+)'$/))) return m.unknownCommand(match[1]!) + hint;
  if ((match = first.match(/^missing required argument '(.+)'$/))) return m.missingArgument(match[1]!);
  if ((match = first.match(/^option '(.+)' argument missing$/))) return m.optionMissingArgument(match[1]!);
  if ((match = first.match(/^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/))) {
    return m.invalidChoice(match[1]!, match[2]!, match[3]!);
  }
  if (/^too many arguments/.test(first)) return m.excessArguments;
  return lang === 'en' ? text : first;
}
