/** kh convert (src/cli/commands/convert.ts, convert-commands.ts). */
import type { Entries } from '../types.js';

export default {
  'help.convert.description': {
    vi: 'chuyển tệp văn bản viết bằng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258) sang Unicode (UTF-8), hoặc ngược lại với --to; tệp gốc không bị sửa',
    en: 'convert a text file in a legacy Vietnamese encoding (TCVN3/ABC, VNI, Windows-1258) to Unicode (UTF-8), or back with --to; the original is never changed',
  },
  'help.convert.file-syntax': { vi: '<tệp>', en: '<file>' },
  'help.convert.file': { vi: 'tệp văn bản (.txt, .md)', en: 'a text file (.txt, .md)' },
  'help.convert.output': { vi: 'tệp ra (không được là tệp vào)', en: 'output file (never the input)' },
  'help.convert.from': {
    vi: 'bảng mã của tệp vào (mặc định: tự nhận ra)',
    en: 'encoding of the input (default: recognised)',
  },
  'help.convert.to': { vi: 'bảng mã của tệp ra', en: 'encoding of the output' },
  'convert.converted': {
    vi: 'kh: {file}: đã chuyển từ {from} sang {to} → {out}',
    en: 'kh: {file}: converted from {from} to {to} → {out}',
  },
  'convert.unrepresentable': {
    vi: 'ký tự "{ch}" ({code}) ở dòng {line} không có trong bảng mã {to}; không ghi tệp',
    en: 'the character "{ch}" ({code}) on line {line} has no code in {to}; nothing written',
  },
  'convert.not-text': {
    vi: 'kh convert chỉ chuyển tệp văn bản (.txt, .md); với .docx hãy dùng Unikey (Công cụ chuyển mã)',
    en: "kh convert converts text files (.txt, .md); for a .docx use Unikey's converter",
  },
  'convert.unicode': { vi: 'Unicode (UTF-8)', en: 'Unicode (UTF-8)' },
} satisfies Entries;
