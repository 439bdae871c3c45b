/** mdast → Plan. (Being written: for now an empty plan of the right shape.) */
import type { ParsedDocument } from '../parse/types.js';
import type { Plan } from './schema.js';

export function buildPlan(doc: ParsedDocument): Plan {
  return {
    type: 'plan',
    source: { path: doc.filePath, format: doc.format, pages: doc.pages },
    meta: {
      issuer: null, issuerCode: null, number: null, symbol: null, place: null, issueDate: null,
      docType: null, isPlan: false, title: null, planYear: null, level: null, draft: false,
      lines: { issuer: null, number: null, date: null, docType: null, title: null, motto: null },
    },
    preamble: [], sections: [], closing: [], goals: [], assignments: [], citations: [], dates: [],
    appendixRefs: [], appendices: [], tables: [], recipients: null, signature: null,
  };
}
