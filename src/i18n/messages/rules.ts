/**
 * Words the rules put into their messages' placeholders. The messages themselves stay in each
 * rule's `meta.messages` (per messageId, vi and en), next to the check that reports them and the
 * docs examples that exercise them (test/rules/docs.test.ts).
 */
import type { Entries } from '../types.js';

export default {
  'rule.where-here': { vi: 'chỗ khác trong văn bản', en: 'another place in this document' },
  'rule.where-file': { vi: 'tệp {path}', en: 'file {path}' },
  'rule.or': { vi: ' hoặc ', en: ' or ' },
  'rule.none': { vi: 'không có', en: 'none' },
  'rule.this-plan': { vi: 'chính kế hoạch này', en: 'this plan' },
  'rule.indicator-of-goal': {
    vi: 'chỉ tiêu {indicator} Mục tiêu {goal}',
    en: 'indicator {indicator} of goal {goal}',
  },
  'rule.indicator-ref.sizes': {
    vi: ' (Mục tiêu {goal} ở đây có {here} chỉ tiêu, bộ chỉ tiêu có {catalogue})',
    en: ' (goal {goal} has {here} indicators here, {catalogue} in the catalogue)',
  },
  'rule.indicator-ref.closer': {
    vi: '; nội dung gần với chỉ tiêu {indicator} hơn',
    en: '; it is closer to indicator {indicator}',
  },
  'rule.indicator-ref.no-like': {
    vi: '; bộ chỉ tiêu không có chỉ tiêu nào tương tự',
    en: '; the catalogue has no indicator like it',
  },
  'rule.defunct-agency.successor-unknown': { vi: '(không rõ cơ quan kế nhiệm)', en: '(successor unknown)' },
  'rule.defunct-agency.mapping-unsure': {
    vi: ' (cơ quan kế nhiệm theo nguồn thứ cấp: đối chiếu quyết định của địa phương)',
    en: ' (successors from secondary sources: check the local decision)',
  },
  'rule.target-sanity.higher': { vi: 'lớn hơn', en: 'higher than' },
  'rule.target-sanity.lower': { vi: 'nhỏ hơn', en: 'lower than' },
  // the notice of a PDF read by OCR (src/rules/ocr-confidence.ts)
  'rule.ocr-confidence.notice': {
    vi: 'chữ của tệp PDF này được đọc bằng nhận dạng chữ (OCR: {engine}, mô hình tiếng Việt, độ tin cậy trung bình {mean}%); {low}/{words} từ có độ tin cậy dưới {high}%, các phát hiện chính tả/dấu câu trên các từ đó chỉ ở mức info — hãy đối chiếu với bản quét',
    en: 'the text of this PDF was read by OCR ({engine}, Vietnamese model, mean word confidence {mean}%); {low} of {words} words were read with confidence below {high}%, and spelling/punctuation findings on them are only info — check them against the scan',
  },
} satisfies Entries;
