/**
 * The registry of `kh lint` rules: one import and one line per rule, in alphabetical order of id.
 * Ids are fixed (configurations, reports and tests use them).
 */
import type { Rule } from './types.js';
import { rule as indicatorRef } from './indicator-ref.js';
import { rule as missingOwner } from './missing-owner.js';
import { rule as targetSanity } from './target-sanity.js';
import { rule as citationStatus } from './citation-status.js';
import { rule as defunctAgency } from './defunct-agency.js';
import { rule as documentHeader } from './document-header.js';
import { rule as missingAppendix } from './missing-appendix.js';
import { rule as numbering } from './numbering.js';
import { rule as repeatedPhrase } from './repeated-phrase.js';
import { rule as requiredSections } from './required-sections.js';
import { rule as signatureBlock } from './signature-block.js';
import { rule as unbalancedPunctuation } from './unbalanced-punctuation.js';
import { rule as vietnameseSyllable } from './vietnamese-syllable.js';
import { rule as citationIssuer } from './citation-issuer.js';
import { rule as citationFormat } from './citation-format.js';
import { rule as citationConsistency } from './citation-consistency.js';
import { rule as staleDate } from './stale-date.js';
import { rule as periodConsistency } from './period-consistency.js';
import { rule as legacyEncoding } from './legacy-encoding.js';

export const rules: readonly Rule[] = [
  // The document's form (Nghị định 30/2020/NĐ-CP) and its text.
  documentHeader,
  requiredSections,
  numbering,
  signatureBlock,
  missingAppendix,
  unbalancedPunctuation,
  repeatedPhrase,
  vietnameseSyllable,
  legacyEncoding,
  // Cross-checks: owners, indicators, dates, cited documents.
  missingOwner,
  indicatorRef,
  targetSanity,
  staleDate,
  citationFormat,
  citationIssuer,
  citationConsistency,
  periodConsistency,
  // Knowledge that goes stale: the 2025 reorganisation, legal-document status.
  defunctAgency,
  citationStatus,
];

const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

export function ruleIds(): string[] {
  return rules.map((rule) => rule.meta.id);
}
