/**
 * `--format sarif`: SARIF 2.1.0 (validated against the official schema in the tests), usable by
 * GitHub code scanning. One run; tool.driver.rules lists the rules of the run with their help
 * (in the chosen language); artifact URIs are relative to the working directory
 * (uriBaseId %SRCROOT%); columns are UTF-16 code units. Files that could not be read are tool
 * execution notifications, and make executionSuccessful false.
 */
import { pathToFileURL } from 'node:url';
import type { LintMessage, RelatedLocation, Severity } from '../rules/types.js';
import { renderRuleDocs, renderRuleDocsMarkdown } from '../rules/docs.js';
import { workspacePath } from './github.js';
import type { Formatter } from './types.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** A relative path as a URI reference: each segment percent-encoded (spaces, Vietnamese letters). */
export function artifactUri(filePath: string, cwd: string): string {
  return workspacePath(filePath, cwd)
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function region(place: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>, excerpt: string) {
  const out: Record<string, unknown> = {
    startLine: place.line,
    startColumn: place.column,
    endLine: place.endLine,
    endColumn: place.endColumn,
  };
  if (excerpt) out.snippet = { text: excerpt };
  return out;
}

/** One finding as a SARIF result: rule, level, message, location, related locations, kh's properties. */
function sarifResult(
  m: LintMessage,
  filePath: string,
  ruleIndex: number | undefined,
  artifactLocation: (filePath: string) => unknown,
) {
  const entry: Record<string, unknown> = {
    ruleId: m.ruleId,
    level: LEVEL[m.severity],
    message: { text: m.message },
    locations: [
      { physicalLocation: { artifactLocation: artifactLocation(filePath), region: region(m, m.excerpt) } },
    ],
  };
  if (ruleIndex !== undefined) entry.ruleIndex = ruleIndex;
  if (m.related?.length) {
    entry.relatedLocations = m.related.map((r: RelatedLocation, i) => ({
      id: i + 1,
      physicalLocation: {
        artifactLocation: artifactLocation(r.filePath ?? filePath),
        region: region(r, r.excerpt),
      },
      message: { text: r.message },
    }));
  }
  const properties: Record<string, unknown> = { messageId: m.messageId, severity: m.severity };
  if (m.page !== undefined) properties.page = m.page;
  if (m.paragraph !== undefined) properties.paragraph = m.paragraph;
  if (m.suggestion !== undefined) properties.suggestion = m.suggestion;
  entry.properties = properties;
  return entry;
}

export const format: Formatter = (results, context) => {
  const { lang, cwd } = context;
  const rules = context.rules.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id,
    shortDescription: { text: rule.meta.description[lang] },
    fullDescription: { text: rule.meta.docs[lang] },
    help: { text: renderRuleDocs(rule, lang), markdown: renderRuleDocsMarkdown(rule, lang) },
    defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const artifactIndex = new Map<string, number>();
  const artifacts: { location: { uri: string; uriBaseId: string } }[] = [];
  const artifactLocation = (filePath: string) => {
    const uri = artifactUri(filePath, cwd);
    let index = artifactIndex.get(uri);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(uri, index);
      artifacts.push({ location: { uri, uriBaseId: '%SRCROOT%' } });
    }
    return { uri, uriBaseId: '%SRCROOT%', index };
  };

  const sarifResults: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  for (const result of results) {
    if (result.fatal) {
      notifications.push({
        level: 'error',
        message: { text: `${result.filePath}: ${result.fatal.message}` },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(result.filePath) } }],
      });
      continue;
    }
    for (const m of result.messages)
      sarifResults.push(sarifResult(m, result.filePath, ruleIndex.get(m.ruleId), artifactLocation));
  }

  const root = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kh', version: context.version, semanticVersion: context.version, rules } },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        language: lang,
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        artifacts,
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
