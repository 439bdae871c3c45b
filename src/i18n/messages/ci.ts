/** kh lint's CI options and kh merge-reports (src/ci/). */
import type { Entries } from '../types.js';

export default {
  'ci.suppressed': {
    vi: 'kh: {file}: bỏ qua {total} phát hiện trong {files} tệp',
    en: 'kh: {file}: {total} suppressed findings in {files} files',
  },
  'ci.unpruned': {
    vi: '{file}: {unused} phát hiện được bỏ qua nay không còn ({files}); chạy kh lint --prune-suppressions để xóa chúng khỏi tệp, hoặc thêm --pass-on-unpruned-suppressions',
    en: '{file}: {unused} suppressed findings no longer occur ({files}); run kh lint --prune-suppressions to drop them, or pass --pass-on-unpruned-suppressions',
  },
  // the progress line (src/ci/progress.ts)
  'ci.progress.minutes': { vi: '{m} ph {s} s', en: '{m}m {s} s' },
  'ci.progress.hours': { vi: '{h} h {m} ph', en: '{h} h {m}m' },
  'ci.progress.files': { vi: 'tệp', en: 'files' },
  'ci.progress.left': { vi: ' · còn khoảng {left}', en: ' · ~{left} left' },
  // CiError (src/ci/errors.ts): one line, exit code 2
  'ci.error.shard-syntax': {
    vi: '--shard "{value}": cần dạng i/n với 1 ≤ i ≤ n, ví dụ --shard 2/4',
    en: '--shard "{value}": expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4',
  },
  'ci.error.suppress-with-shard': {
    vi: '--suppress-all và --prune-suppressions cần cả lần chạy, không dùng với --shard (chạy chúng không có --shard)',
    en: '--suppress-all and --prune-suppressions need the whole run: not with --shard (run them without it)',
  },
  'ci.error.suppress-and-prune': {
    vi: '--suppress-all và --prune-suppressions không dùng cùng nhau',
    en: '--suppress-all and --prune-suppressions cannot be used together',
  },
  'ci.error.cache-strategy': {
    vi: '--cache-strategy "{value}": cần metadata hoặc content',
    en: '--cache-strategy "{value}": expected metadata or content',
  },
  'ci.error.changed-bad-ref': {
    vi: '--changed-since "{ref}": tên tham chiếu git không hợp lệ',
    en: '--changed-since "{ref}": not a valid git ref',
  },
  'ci.error.changed-no-git': {
    vi: '--changed-since cần git, nhưng không chạy được git ({reason})',
    en: '--changed-since needs git, which could not be run ({reason})',
  },
  'ci.error.changed-not-repository': {
    vi: '--changed-since: thư mục {dir} không nằm trong một kho git ({detail})',
    en: '--changed-since: {dir} is not inside a git repository ({detail})',
  },
  'ci.error.changed-unknown-ref': {
    vi: '--changed-since: không tìm thấy "{ref}" trong kho git (nhánh, thẻ hay mã commit?; trong CI cần lấy đủ lịch sử, ví dụ fetch-depth: 0)',
    en: '--changed-since: "{ref}" is not a known git ref (a branch, tag or commit?; in CI fetch enough history, e.g. fetch-depth: 0)',
  },
  'ci.error.changed-diff-failed': {
    vi: '--changed-since: git diff thất bại ({detail})',
    en: '--changed-since: git diff failed ({detail})',
  },
  'ci.error.changed-ls-files-failed': {
    vi: '--changed-since: git ls-files thất bại ({detail})',
    en: '--changed-since: git ls-files failed ({detail})',
  },
  'ci.error.suppressions-unreadable': {
    vi: 'không đọc được tệp bỏ qua {file} ({code})',
    en: 'cannot read the suppressions file {file} ({code})',
  },
  'ci.error.suppressions-not-json': {
    vi: '{file}: tệp bỏ qua không phải JSON hợp lệ',
    en: '{file}: the suppressions file is not valid JSON',
  },
  'ci.error.suppressions-malformed': {
    vi: '{file}: tệp bỏ qua sai dạng ở {where}: cần {{ "tệp": {{ "quy-tắc": {{ "count": số nguyên dương }} }} }}',
    en: '{file}: the suppressions file is malformed at {where}: expected {{ "file": {{ "rule": {{ "count": positive integer }} }} }}',
  },
  'ci.error.suppressions-root': { vi: 'gốc', en: 'the root' },
  'ci.error.report-unreadable': {
    vi: '{file}: không đọc được báo cáo ({code})',
    en: '{file}: cannot read the report ({code})',
  },
  'ci.error.report-not-json': { vi: '{file}: không phải JSON hợp lệ', en: '{file}: not valid JSON' },
  'ci.error.report-other-format': {
    vi: '{file}: báo cáo phần của một phiên bản kh khác',
    en: '{file}: a shard report of another kh version',
  },
  'ci.error.report-not-kh': {
    vi: '{file}: không phải báo cáo JSON của kh lint (kh lint --format json, hoặc --shard i/n --format json)',
    en: '{file}: not a kh lint JSON report (kh lint --format json, or --shard i/n --format json)',
  },
  'ci.error.reports-none': { vi: 'cần ít nhất một báo cáo', en: 'give at least one report' },
  'ci.error.reports-plain-not-alone': {
    vi: '{file}: báo cáo thường (không có --shard) chỉ được chuyển định dạng một mình; ghép các báo cáo của --shard i/n --format json',
    en: '{file}: a plain report (without --shard) can only be converted alone; merge the reports of --shard i/n --format json',
  },
  'ci.error.reports-other-version': {
    vi: '{file}: báo cáo của kh {theirs}, đang chạy kh {ours}: các phần phải cùng phiên bản',
    en: '{file}: made by kh {theirs}, this is kh {ours}: every part must come from the same version',
  },
  'ci.error.reports-other-run': {
    vi: '{file}: không cùng lần chạy với {first} (khác {field}): các phần phải chạy cùng tệp, cấu hình, --lang, KH_TODAY và số phần',
    en: '{file}: not of the same run as {first} ({field} differs): every part must run on the same files with the same configuration, --lang, KH_TODAY and shard count',
  },
  'ci.error.reports-shard-repeated': {
    vi: '{file}: phần {shard} đã có trong {other}',
    en: '{file}: shard {shard} is also in {other}',
  },
  'ci.error.reports-shard-missing': {
    vi: 'thiếu báo cáo của phần {list}',
    en: 'the report of shard {list} is missing',
  },
  'ci.error.reports-bad-position': {
    vi: '{file}: {document}: vị trí {index} không hợp lệ hoặc trùng',
    en: '{file}: {document}: position {index} is out of range or repeated',
  },
  'ci.error.reports-other-settings': {
    vi: 'các báo cáo phần được tạo với cấu hình quy tắc khác (kh.config.json, --rule, --ref, --strict-citations): chạy kh merge-reports với đúng cấu hình của các phần',
    en: 'the shard reports were made with other rule settings (kh.config.json, --rule, --ref, --strict-citations): run kh merge-reports with the settings the shards used',
  },
  'ci.error.reports-summary-unusable': {
    vi: '{document}: tóm tắt trong báo cáo phần không dùng được ({problem})',
    en: '{document}: its summary in the shard report cannot be used ({problem})',
  },
} satisfies Entries;
