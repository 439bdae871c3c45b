import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/repeated-phrase.js';
import { builtinData, createDataStore } from '../../src/data/store.js';
import { emptyPlan, item, paragraph, runRule, testRule } from './_harness.js';

const DATE_SLIP =
  'Triển khai Công văn số 9973/UBND-XH ngày 19/9/2023 ngày 19/9/2023 của Ủy ban nhân dân tỉnh.';

testRule(rule, {
  valid: [
    // Reduplicatives and compounds meeting at a syllable (the last four seen in the corpus).
    'Cán bộ ngày ngày đến từng hộ.',
    'Từ từ tháo gỡ khó khăn.',
    'Phụ nữ ở khắp đâu đâu cũng được hỗ trợ.',
    'Nhìn xa xa là khu dân cư.',
    'Chim bay là là mặt nước.',
    'Xử lý các hành vi vi phạm pháp luật.',
    'Phối hợp với các sở liên quan quan tâm, chỉ đạo.',
    'Trở thành trung tâm ẩm thực thực sự của Việt Nam.',
    'Quy hoạch phân khu khu du lịch.',
    // A comma, a line break or other punctuation between the copies: a list, not a slip.
    'Quản lý cư trú, tạm trú, tạm vắng.',
    'Tập huấn, tập huấn lại cho cán bộ.',
    'Danh sách các\ncác đơn vị',
    '"Kế hoạch" "Kế hoạch"',
    // Numbers repeat in flattened table rows; one word repeated four times is reduplication twice.
    '100 100 100 100',
    '2021 2022 2021 2022',
    'ngày ngày ngày ngày',
    // Options.
    {
      text: 'Ban hành Kế hoạch Kế hoạch số 01.',
      options: { allow: ['kế hoạch'] },
      name: 'allow (case-insensitive)',
    },
    { text: DATE_SLIP, options: { maxWords: 1 }, name: 'maxWords: 1 leaves two-word phrases alone' },
    // The function-word list comes from the data store.
    {
      text: 'Lồng ghép trong các các hoạt động.',
      data: createDataStore({
        replace: {
          functionWords: {
            $comment: '',
            version: 'test',
            entries: [{ word: 'của', class: 'quan hệ từ', source: 'test', confidence: 'M' }],
          },
        },
      }),
      name: 'a word missing from the function-word registry is not flagged',
    },
  ],
  invalid: [
    {
      text: DATE_SLIP,
      errors: [
        {
          messageId: 'repeatedPhrase',
          severity: 'warning',
          message: 'Cụm từ "ngày 19/9/2023" bị gõ lặp liền nhau',
          line: 1,
          column: 37,
          endLine: 1,
          endColumn: 66,
          excerpt: 'ngày 19/9/2023 ngày 19/9/2023',
          suggestion: 'ngày 19/9/2023',
        },
      ],
    },
    {
      text: 'Lồng ghép trong các các hoạt động.',
      errors: [
        {
          messageId: 'repeatedWord',
          message: 'Từ "các" bị gõ lặp liền nhau',
          column: 17,
          endColumn: 24,
          excerpt: 'các các',
          suggestion: 'các',
        },
      ],
    },
    {
      name: 'English',
      text: 'Lồng ghép trong các các hoạt động.',
      lang: 'en',
      errors: [{ message: 'The word "các" is typed twice in a row' }],
    },
    {
      text: 'Của của Ủy ban nhân dân tỉnh',
      errors: [{ messageId: 'repeatedWord', column: 1, endColumn: 8, excerpt: 'Của của', suggestion: 'Của' }],
    },
    {
      name: 'two slips in one paragraph, a run of three copies reported once',
      text: 'Ban hành Kế hoạch Kế hoạch số 01 và và và tổ chức',
      errors: [
        { messageId: 'repeatedPhrase', column: 10, endColumn: 27, suggestion: 'Kế hoạch' },
        { messageId: 'repeatedWord', column: 34, endColumn: 42, excerpt: 'và và và', suggestion: 'và' },
      ],
    },
    {
      name: 'severity from the configuration',
      text: 'các các',
      severity: 'error',
      errors: [{ severity: 'error' }],
    },
  ],
});

describe('repeated-phrase: where the message lands', () => {
  it('maps through the parts of a paragraph rejoined from two PDF lines', () => {
    const plan = emptyPlan('plan.pdf');
    const text = 'Phối hợp với với các sở';
    plan.closing.push({
      ...paragraph(text, { line: 10, page: 2 }),
      position: { start: { line: 10, column: 1 }, end: { line: 11, column: 11 }, page: 2 },
      parts: [
        { at: 0, position: { start: { line: 10, column: 1 }, end: { line: 10, column: 14 }, page: 2 } },
        { at: 13, position: { start: { line: 11, column: 1 }, end: { line: 11, column: 11 }, page: 2 } },
      ],
    });
    const [message, ...rest] = runRule(rule, plan);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({
      line: 10,
      column: 10,
      endLine: 11,
      endColumn: 4,
      page: 2,
      excerpt: 'với với',
    });
  });

  it('reads nested items, closing paragraphs, table cells, Nơi nhận and signature lines', () => {
    const plan = emptyPlan();
    plan.sections.push({
      type: 'section',
      numeral: 'I',
      heading: 'MỤC ĐÍCH',
      kind: 'purpose',
      position: { start: { line: 3, column: 1 }, end: { line: 6, column: 20 } },
      items: [
        item('Mục đích chung', {
          line: 4,
          label: '1.',
          children: [item('Nâng cao nhận thức của của người dân', { line: 5, column: 4 })],
        }),
      ],
    });
    plan.closing.push(paragraph('Trên đây là Kế hoạch Kế hoạch của tỉnh.', { line: 8 }));
    plan.tables.push({
      type: 'table',
      role: 'data',
      position: { start: { line: 10, column: 1 }, end: { line: 10, column: 30 } },
      rows: [
        {
          type: 'row',
          header: false,
          position: { start: { line: 10, column: 1 }, end: { line: 10, column: 30 } },
          cells: [{ ...paragraph('Sở Y tế Sở Y tế', { line: 10, column: 3 }), type: 'cell' }],
        },
      ],
    });
    plan.recipients = {
      type: 'recipients',
      position: { start: { line: 12, column: 1 }, end: { line: 12, column: 12 } },
      items: [{ ...paragraph('- Như trên trên;', { line: 12 }), type: 'line' }],
    };
    const messages = runRule(rule, plan);
    expect(messages.map((m) => [m.line, m.column, m.excerpt])).toEqual([
      [5, 23, 'của của'],
      [8, 13, 'Kế hoạch Kế hoạch'],
      [10, 3, 'Sở Y tế Sở Y tế'],
    ]);
  });

  it('reports a header line once even when a header table repeats it', () => {
    const plan = emptyPlan();
    const line = { ...paragraph('Số: 01/KH-UBND của của', { line: 2 }), type: 'line' as const };
    plan.meta.lines.number = line;
    plan.tables.push({
      type: 'table',
      role: 'header',
      position: line.position,
      rows: [
        {
          type: 'row',
          header: false,
          position: line.position,
          cells: [{ type: 'cell', text: line.text, position: line.position }],
        },
      ],
    });
    expect(runRule(rule, plan)).toHaveLength(1);
  });

  it('every function word of the data file is flagged when doubled, and only with spaces between', () => {
    for (const { word } of builtinData.functionWords.entries) {
      expect(
        runRule(rule, { ...emptyPlan(), preamble: [paragraph(`x ${word} ${word} y`)] }),
        word,
      ).toHaveLength(1);
      expect(
        runRule(rule, { ...emptyPlan(), preamble: [paragraph(`x ${word}, ${word} y`)] }),
        word,
      ).toHaveLength(0);
    }
  });
});
