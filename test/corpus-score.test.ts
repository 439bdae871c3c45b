/** The corpus benchmark's scorer (bench/corpus/labels.mjs) on small made-up cases. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// A plain ESM module (shared with `npm run corpus`, which runs without a build step of its own).
import * as L from '../bench/corpus/labels.mjs';

const { normalizeText, score, thresholdFailures, loadLabels, LabelSchema, labelFileName } = L as any;

const header = (over: Record<string, unknown> = {}) => ({
  docType: 'Quyết định',
  number: '2820',
  symbol: 'QĐ-UBND',
  issueDate: '2025-11-19',
  issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh',
  place: 'Bắc Ninh',
  title: 'Ban hành Kế hoạch thực hiện công tác bình đẳng giới năm 2025',
  planYear: 2025,
  level: 'tỉnh',
  ...over,
});
const label = (over: Record<string, unknown> = {}) => ({
  file: 'corpus/tvpl/a.md',
  header: header(),
  findings: [],
  ...over,
});
const result = (over: Record<string, unknown> = {}) => ({
  file: 'corpus/tvpl/a.md',
  header: { ...header(), attachedPlan: null },
  messages: [],
  ...over,
});
const msg = (ruleId: string, line: number, excerpt: string, severity = 'warning') => ({
  ruleId,
  line,
  excerpt,
  severity,
  message: '',
});
const finding = (rule: string, line: number, excerpt: string, verdict: boolean) => ({
  rule,
  line,
  excerpt,
  verdict,
  why: 'test',
});

describe('normalizeText', () => {
  it('folds case, white space, markdown marks and surrounding punctuation', () => {
    expect(normalizeText('  **KẾ HOẠCH**\n  Thực   hiện. ')).toBe('kế hoạch thực hiện');
    expect(normalizeText('"Bắc Ninh",')).toBe('bắc ninh');
  });
  it('folds the old and new tone placement alike', () => {
    expect(normalizeText('Ủy ban nhân dân; hòa giải; khỏe')).toBe(
      normalizeText('Uỷ ban nhân dân; hoà giải; khoẻ'),
    );
    expect(normalizeText('Thủy lợi')).toBe(normalizeText('Thuỷ lợi'));
  });
  it('compares NFD input with NFC input', () => {
    expect(normalizeText('Quyết định'.normalize('NFD'))).toBe(normalizeText('Quyết định'));
  });
  it('keeps different words different', () => {
    expect(normalizeText('Sở Y tế')).not.toBe(normalizeText('Sở Tư pháp'));
    expect(normalizeText('hoà')).not.toBe(normalizeText('hoá'));
  });
});

describe('LabelSchema', () => {
  it('accepts the documented shape and rejects unknown fields or bad dates', () => {
    expect(LabelSchema.safeParse(label()).success).toBe(true);
    expect(LabelSchema.safeParse(label({ header: header({ issueDate: '19/11/2025' }) })).success).toBe(false);
    expect(LabelSchema.safeParse(label({ header: header({ level: 'province' }) })).success).toBe(false);
    expect(LabelSchema.safeParse(label({ extra: 1 })).success).toBe(false);
  });
  it('names the label file after the document', () => {
    expect(labelFileName('corpus/tvpl/001c.md')).toBe('tvpl__001c.md.json');
    expect(labelFileName('fixtures/corpus-docx/x.docx')).toBe('corpus-docx__x.docx.json');
  });
});

describe('loadLabels', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
  it('loads valid files and names a bad one', () => {
    dir = mkdtempSync(join(tmpdir(), 'kh-labels-'));
    writeFileSync(join(dir, 'tvpl__a.md.json'), JSON.stringify(label()));
    expect(loadLabels(dir)).toHaveLength(1);
    writeFileSync(
      join(dir, 'tvpl__b.md.json'),
      JSON.stringify(label({ file: 'corpus/tvpl/b.md', header: { docType: 'x' } })),
    );
    expect(() => loadLabels(dir)).toThrow(/tvpl__b\.md\.json: header\.number/);
  });
  it("refuses a label stored under another document's name", () => {
    dir = mkdtempSync(join(tmpdir(), 'kh-labels-'));
    writeFileSync(join(dir, 'tvpl__c.md.json'), JSON.stringify(label()));
    expect(() => loadLabels(dir)).toThrow(/tvpl__a\.md\.json/);
  });
});

describe('score: header', () => {
  it('counts right values after normalisation and wrong ones', () => {
    const s = score(
      [
        result({
          header: {
            ...header({ issuer: 'UỶ BAN NHÂN DÂN TỈNH BẮC NINH', place: 'Hà Nội' }),
            attachedPlan: null,
          },
        }),
      ],
      [label()],
    );
    expect(s.header.issuer).toMatchObject({ labelled: 1, right: 1, accuracy: 1 });
    expect(s.header.place).toMatchObject({ labelled: 1, right: 0, accuracy: 0 });
    expect(s.header.place.wrong[0]).toMatchObject({ kh: 'Hà Nội', label: 'Bắc Ninh' });
  });
  it('leaves null labels out of accuracy and counts a value kh invents as spurious', () => {
    const s = score([result()], [label({ header: header({ planYear: null, issuer: null }) })]);
    expect(s.header.planYear).toMatchObject({ labelled: 0, accuracy: null, spurious: 1 });
    expect(s.header.issuer.spurious).toBe(1);
  });
  it('tells a blank number ("") from no number line (null)', () => {
    const s = score(
      [result({ header: { ...header({ number: null }), attachedPlan: null } })],
      [label({ header: header({ number: '' }) })],
    );
    expect(s.header.number).toMatchObject({ labelled: 1, right: 0 });
  });
  it('accepts the listed other spellings', () => {
    const s = score(
      [result({ header: { ...header({ issuer: 'UBND tỉnh Bắc Ninh' }), attachedPlan: null } })],
      [label({ accept: { issuer: ['UBND tỉnh Bắc Ninh'] } })],
    );
    expect(s.header.issuer.right).toBe(1);
  });
  it('scores the attached plan only where the label has one', () => {
    const s = score([result()], [label({ attachedPlan: { title: 'Kế hoạch X', planYear: 2025 } })]);
    expect(s.header['attachedPlan.title']).toMatchObject({ labelled: 1, right: 0 });
    const t = score([result()], [label()]);
    expect(t.header['attachedPlan.title'].labelled).toBe(0);
  });
  it('reports labelled documents kh did not read', () => {
    expect(score([], [label()]).missing).toEqual(['corpus/tvpl/a.md']);
  });
});

describe('score: findings', () => {
  it('matches findings by rule and excerpt, the nearest line breaking a tie', () => {
    const s = score(
      [
        result({
          messages: [
            msg('numbering', 12, 'b)'),
            msg('numbering', 40, 'b)'),
            msg('numbering', 50, 'x', 'info'),
          ],
        }),
      ],
      [
        label({
          findings: [finding('numbering', 41, '**b)**', false), finding('numbering', 11, 'b)', true)],
        }),
      ],
    );
    expect(s.rules.numbering).toMatchObject({
      reported: 2,
      truePositives: 1,
      falseAlarms: 1,
      unlabelled: 0,
      precision: 0.5,
    });
  });
  it('counts a finding without a label as a false alarm and a label without a finding as stale', () => {
    const s = score(
      [
        result({
          messages: [msg('citation-format', 5, '125/2021/NĐCP'), msg('numbering', 7, 'c)', 'error')],
        }),
      ],
      [
        label({
          findings: [
            finding('citation-format', 5, '125/2021/NĐCP', true),
            finding('numbering', 9, 'd)', true),
          ],
        }),
      ],
    );
    expect(s.rules.numbering).toMatchObject({ reported: 1, unlabelled: 1, precision: 0 });
    expect(s.overall).toMatchObject({ reported: 2, truePositives: 1, precision: 0.5 });
    expect(s.unlabelledFindings).toHaveLength(1);
    expect(s.staleLabels).toEqual([expect.objectContaining({ rule: 'numbering', line: 9 })]);
  });
  it('does not match a label of another rule', () => {
    const s = score(
      [result({ messages: [msg('numbering', 5, 'b)')] })],
      [label({ findings: [finding('repeated-phrase', 5, 'b)', true)] })],
    );
    expect(s.rules.numbering.truePositives).toBe(0);
  });
  it('matches document-level findings (empty excerpt) by line', () => {
    const s = score(
      [result({ messages: [msg('document-header', 1, '')] })],
      [label({ findings: [finding('document-header', 1, '', true)] })],
    );
    expect(s.rules['document-header'].truePositives).toBe(1);
  });
  it('lists documents with more than two false alarms and the thresholds they break', () => {
    const messages = [1, 2, 3].map((n) => msg('numbering', n, `x${n}`));
    const s = score([result({ messages })], [label()]);
    expect(s.noisyDocuments).toEqual([{ file: 'corpus/tvpl/a.md', unreadable: null, falseAlarms: 3 }]);
    const failures = thresholdFailures(s);
    expect(failures.some((f: string) => f.startsWith('rule numbering'))).toBe(true);
    expect(failures.some((f: string) => f.startsWith('overall'))).toBe(true);
    expect(failures.some((f: string) => f.includes('3 false alarms'))).toBe(true);
  });
  it('passes when everything is right', () => {
    const s = score(
      [result({ messages: [msg('numbering', 3, 'b)')] })],
      [label({ findings: [finding('numbering', 3, 'b)', true)] })],
    );
    expect(thresholdFailures(s)).toEqual([]);
  });
});

describe('normalizeText: marks inside words', () => {
  it('drops bold marks set inside a word without splitting it', () => {
    expect(normalizeText('V/v ch**ính sách thu**ế')).toBe('v/v chính sách thuế');
  });
});

describe('score: an excerpt that grew or shrank', () => {
  it('matches on the same line when one excerpt contains the other, never on another line', () => {
    const s = score(
      [
        result({
          messages: [
            msg('signature-block', 86, 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'),
            msg('numbering', 9, 'b) Tổ chức'),
          ],
        }),
      ],
      [
        label({
          findings: [
            finding('signature-block', 86, 'KT. CHỦ TỊCH', false),
            finding('numbering', 10, 'b)', true),
          ],
        }),
      ],
    );
    expect(s.rules['signature-block']).toMatchObject({ reported: 1, falseAlarms: 1, unlabelled: 0 });
    expect(s.rules.numbering).toMatchObject({ reported: 1, truePositives: 0, unlabelled: 1 });
  });
});
