/** Every message about input, output and limits that can reach a user exists in both languages. */
import { describe, expect, it } from 'vitest';
import {
  describeError,
  INPUT_ERROR_CODES,
  InputError,
  LIMIT_WORD_NAMES,
  SYSTEM_REASON_CODES,
  systemReason,
} from '../src/util/errors.js';
import { DEFAULT_LIMITS } from '../src/util/limits.js';
import { OutputError } from '../src/util/output.js';
import { t } from '../src/i18n/index.js';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
const SAMPLE = {
  reason: 'EACCES',
  ext: '.rtf',
  encoding: 'TCVN3',
  line: '3',
  part: 'word/document.xml',
  problem: 'xml',
  detail: 'unclosed tag',
  limit: 'partSize',
  value: '32 MiB',
  page: '2',
  seconds: '60',
  mb: '384',
  pages: '3',
};

describe('the error catalogue', () => {
  it.each(INPUT_ERROR_CODES)('%s: a Vietnamese and an English line, different, one line each', (code) => {
    const vi = describeError(new InputError(code, SAMPLE), 'vi');
    const en = describeError(new InputError(code, SAMPLE), 'en');
    expect(vi).toMatch(VIETNAMESE);
    expect(vi).not.toBe(en);
    expect(vi).not.toMatch(/\n/);
    expect(en).not.toMatch(/\n/);
  });

  it('every limit and every docx problem has words in both languages (no English leaks into vi)', () => {
    expect(LIMIT_WORD_NAMES.sort()).toEqual(Object.keys(DEFAULT_LIMITS).sort());
    for (const limit of LIMIT_WORD_NAMES) {
      expect(describeError(new InputError('limit', { limit, value: '1' }), 'vi')).toMatch(VIETNAMESE);
    }
    for (const problem of ['xml', 'not-body', 'zip', 'markers']) {
      const vi = describeError(
        new InputError('docx-corrupt', { part: 'p.xml', problem, detail: 'entity not found:&nbsp;' }),
        'vi',
      );
      expect(vi).not.toContain('entity not found');
      expect(vi).toMatch(VIETNAMESE);
    }
  });

  it.each(SYSTEM_REASON_CODES)('system error %s is worded in both languages', (code) => {
    expect(systemReason(code, 'vi')).toMatch(VIETNAMESE);
    expect(systemReason(code, 'en')).toMatch(new RegExp(`^[a-z/ -]+ \\(${code}\\)$`));
  });

  it('output errors and the reading options speak both languages', () => {
    for (const error of [
      new OutputError('output-is-input', 'a.txt', { input: 'a.txt' }),
      new OutputError('write-failed', 'r.html', { code: 'ENOSPC' }),
    ]) {
      expect(error.describe('vi')).toMatch(VIETNAMESE);
      expect(error.describe('en')).not.toBe(error.describe('vi'));
    }
    expect(new OutputError('write-failed', 'r.html', { code: 'ENOSPC' }).describe('vi')).toBe(
      'không ghi được tệp r.html (ổ đĩa đã đầy (ENOSPC))',
    );
    for (const id of ['read.max-file-size', 'read.timeout', 'read.bad-size', 'read.bad-timeout'] as const) {
      const data = { default: '60', value: 'x' };
      expect(t('vi', id, data)).toMatch(VIETNAMESE);
      expect(t('en', id, data)).not.toBe(t('vi', id, data));
    }
  });
});
