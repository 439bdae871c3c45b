import { expect } from 'vitest';
import { rule } from '../../src/rules/legacy-encoding.js';
import { encodeLegacy } from '../../src/util/legacy-convert.js';
import { emptyPlan, testRule } from './_harness.js';

const UNICODE = 'KẾ HOẠCH\nTriển khai thực hiện công tác phòng, chống thiên tai trên địa bàn tỉnh năm 2025.';
// The same text as its legacy bytes would read if pasted into a Unicode file, one byte a character.
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

function docxPlan(runs: number, from: 'tcvn3' | 'vni') {
  const plan = emptyPlan('cu.docx');
  plan.source.converted = { from, runs };
  return plan;
}

testRule(rule, {
  valid: [
    { text: UNICODE, fromText: true, name: 'a Unicode text file: nothing to say' },
    { plan: emptyPlan('moi.docx'), name: 'a plan with no conversion recorded' },
  ],
  invalid: [
    {
      text: latin1(encodeLegacy(UNICODE, 'tcvn3')),
      fromText: true,
      name: 'TCVN3 text read as Unicode: one info message naming the encoding',
      errors: [{ messageId: 'file', severity: 'info', message: expect.stringContaining('TCVN3') }],
    },
    {
      plan: docxPlan(12, 'vni'),
      name: 'a .docx with VNI-font runs: the number of runs converted',
      errors: [{ messageId: 'runs', severity: 'info', message: expect.stringContaining('12') }],
    },
  ],
});
