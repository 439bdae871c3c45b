/**
 * An empty Plan, and a stand-in for the Plan builder for tests of the engine and the CLI that must
 * not depend on it (use with vi.mock('…/src/plan/build.js', …)).
 *
 * This module imports types only, and must stay so: the vi.mock factories that replace
 * src/plan/build.js import it. They used to import _harness.ts, which imports
 * src/examples/run.ts, which imports src/plan/build.js: the first read of a document
 * (loadPlan's `await import('../plan/build.js')`) ran the factory, the factory's import chain
 * reached the mocked module again, vitest ran the factory again (it caches only a finished
 * result), and that second run waited for _harness.ts, still being evaluated by the first: a
 * circular wait across dynamic imports that nothing breaks, so the test hung to its timeout.
 */
import type { Root, RootContent } from 'mdast';
import type { Plan, Position } from '../../src/plan/schema.js';
import type { ParsedDocument } from '../../src/parse/types.js';

export function emptyPlan(path = 'test.txt'): Plan {
  return {
    type: 'plan',
    source: { path, format: 'text', pages: null },
    meta: {
      issuer: null,
      issuerCode: null,
      number: null,
      symbol: null,
      place: null,
      issueDate: null,
      docType: null,
      isPlan: true,
      title: null,
      planYear: null,
      level: null,
      draft: false,
      lines: { issuer: null, number: null, date: null, docType: null, title: null, motto: null },
    },
    preamble: [],
    sections: [],
    closing: [],
    goals: [],
    assignments: [],
    citations: [],
    dates: [],
    appendixRefs: [],
    appendices: [],
    tables: [],
    recipients: null,
    signature: null,
  };
}

/**
 * A stand-in for the Plan builder, for tests of the engine and the CLI that must not depend on
 * it: every mdast text node becomes a preamble paragraph (text as written, line breaks kept).
 * Use with vi.mock('…/src/plan/build.js', …).
 */
export function minimalBuildPlan(doc: ParsedDocument): Plan {
  const plan = emptyPlan(doc.filePath);
  plan.source = { path: doc.filePath, format: doc.format, pages: doc.pages };
  const visit = (node: Root | RootContent) => {
    if (node.type === 'text' && node.position) {
      const { start, end } = node.position;
      const position: Position = {
        start: { line: start.line, column: start.column },
        end: { line: end.line, column: end.column },
      };
      const data = (node.data ?? {}) as { page?: number; paragraph?: number };
      if (data.page !== undefined) position.page = data.page;
      if (data.paragraph !== undefined) position.paragraph = data.paragraph;
      plan.preamble.push({ type: 'paragraph', text: node.value, position });
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(doc.tree);
  return plan;
}
