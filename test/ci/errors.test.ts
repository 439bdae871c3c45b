/** CiError: a code and data, worded by the catalogue (ci.error.<code>) in both languages. */
import { describe, expect, it } from 'vitest';
import { CI_ERROR_CODES, CiError } from '../../src/ci/errors.js';
import { isMessageId, msg } from '../../src/i18n/index.js';
import { LocalizedError } from '../../src/i18n/index.js';

describe('CiError', () => {
  it('every code has its catalogue entry', () => {
    expect(CI_ERROR_CODES.filter((code) => !isMessageId(`ci.error.${code}`))).toEqual([]);
  });

  it('carries a code and data; describe(lang) words it, message is the English line', () => {
    const error = new CiError('shard-syntax', { value: '0/3' });
    expect(error).toBeInstanceOf(LocalizedError);
    expect(error.code).toBe('shard-syntax');
    expect(error.data).toEqual({ value: '0/3' });
    expect(error.describe('vi')).toBe('--shard "0/3": cần dạng i/n với 1 ≤ i ≤ n, ví dụ --shard 2/4');
    expect(error.describe('en')).toBe('--shard "0/3": expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4');
    expect(error.message).toBe(error.describe('en'));
  });

  it('a nested message is worded in the same language (the suppressions file malformed at its root)', () => {
    const error = new CiError('suppressions-malformed', {
      file: 'kh-suppressions.json',
      where: msg('ci.error.suppressions-root'),
    });
    expect(error.describe('vi')).toBe(
      'kh-suppressions.json: tệp bỏ qua sai dạng ở gốc: cần { "tệp": { "quy-tắc": { "count": số nguyên dương } } }',
    );
    expect(error.describe('en')).toBe(
      'kh-suppressions.json: the suppressions file is malformed at the root: expected { "file": { "rule": { "count": positive integer } } }',
    );
  });
});
