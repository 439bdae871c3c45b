/**
 * mdast → Plan: blocks (mapped text) → header (meta) → body structure → what is read from the
 * text (goals, assignments, citations, dates, appendix references).
 */
import type { ParsedDocument } from '../parse/types.js';
import { assignmentsFromSections, assignmentsFromTables } from './assignments.js';
import { toBlocks } from './blocks.js';
import { findCitations } from './citations.js';
import { findDates } from './dates.js';
import { findGoals } from './goals.js';
import { parseHeader } from './header.js';
import type { AppendixRef, Citation, DateMention, Plan } from './schema.js';
import { locate } from './span.js';
import { buildStructure } from './structure.js';
import { squash } from './vi.js';
import { execAll } from '../util/regex.js';

const APPENDIX_REF =
  /(?<![\p{L}])[Pp]hụ lục(?:\s+(?:số\s+)?(?<label>[IVXLC]+|\d+)(?![\p{L}\d]))?(?<attached>\s+kèm theo)?/gu;

export function buildPlan(doc: ParsedDocument): Plan {
  const blocks = toBlocks(doc);
  const header = parseHeader(blocks);
  const structure = buildStructure(blocks, header.bodyStart, new Set(header.headerTables));
  const goals = findGoals(structure.sections, structure.itemSpans);
  const assignments = [
    ...assignmentsFromSections(structure.sections, structure.itemSpans),
    ...assignmentsFromTables(structure.tables, structure.cellSpans),
  ];
  const body = bodyMentions(structure.units);

  return {
    type: 'plan',
    source: {
      path: doc.filePath,
      format: doc.format,
      pages: doc.pages,
      ...(doc.converted ? { converted: doc.converted } : {}),
      ...(doc.ocr ? { ocr: doc.ocr } : {}),
    },
    meta: header.meta,
    preamble: structure.preamble,
    sections: structure.sections,
    closing: structure.closing,
    goals,
    assignments,
    citations: body.citations,
    dates: [...headerDates(header.meta), ...body.dates],
    appendixRefs: body.appendixRefs,
    appendices: structure.appendices,
    tables: structure.tables,
    recipients: structure.recipients,
    signature: structure.signature,
    articles: structure.articles,
    attachment: structure.attachment,
    structure: structure.confidence,
  };
}

/** The dates the header gives: the issue date, then the years in the trích yếu (the plan's own). */
function headerDates(meta: Plan['meta']): DateMention[] {
  const dates: DateMention[] = [];
  const line = meta.lines.date;
  if (line) {
    dates.push({
      type: 'date',
      kind: 'issue',
      raw: line.text,
      value: meta.issueDate,
      end: null,
      inCitation: false,
      invalid: false,
      position: line.position,
      ...(line.parts ? { parts: line.parts } : {}),
    });
  }
  const titleLine = meta.lines.title;
  if (titleLine) {
    const start = titleLine.position.start;
    const span = {
      text: titleLine.text,
      parts: [
        {
          at: 0,
          line: start.line,
          column: start.column,
          offset: start.offset,
          page: titleLine.position.page,
          paragraph: titleLine.position.paragraph,
        },
      ],
    };
    dates.push(...findDates(span, []));
  }
  return dates;
}

/** What the body's text units cite and date, and the appendices they refer to (footers skipped). */
function bodyMentions(units: ReturnType<typeof buildStructure>['units']) {
  const citations: Citation[] = [];
  const dates: DateMention[] = [];
  const appendixRefs: AppendixRef[] = [];
  for (const unit of units) {
    if (unit.where === 'footer') continue;
    const found = findCitations(unit.span);
    citations.push(...found.map((f) => f.citation));
    dates.push(
      ...findDates(
        unit.span,
        found.map((f) => ({ start: f.start, end: f.end })),
      ),
    );
    if (unit.where === 'appendix' || !unit.span.text.includes('hụ lục')) continue;
    for (const m of execAll(APPENDIX_REF, unit.span.text)) {
      appendixRefs.push({
        type: 'appendixRef',
        raw: squash(m[0]),
        label: m.groups!.label ?? null,
        ...locate(unit.span, m.index, m.index + m[0].length),
      });
    }
  }
  return { citations, dates, appendixRefs };
}
