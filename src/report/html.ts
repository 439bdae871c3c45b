/**
 * `kh lint --format html`: one self-contained file for reviewers (inline CSS and a small inline
 * script, no network, no external font or script). Every file of the run, its findings grouped by
 * severity then rule, each with its place, message, excerpt and suggestion, and a link to the
 * rule's docs: a section of the same page built from `meta.docs`, with the wrong/right examples.
 * Checkboxes filter by severity and a list by rule; printed on A4 the filters disappear and
 * findings are not cut across pages.
 */
import { t, type Lang } from '../i18n/index.js';
import { escapeHtml as esc } from '../util/html.js';
import { normalizeExample } from '../rules/docs.js';
import { SEVERITIES, type LintMessage, type Rule, type Severity } from '../rules/types.js';
import { countsData, totals, type FileResult, type Formatter, type Totals } from './types.js';

/** The report's words in `lang` (src/i18n/messages/report.ts). */
function wordsOf(lang: Lang) {
  return {
    title: t(lang, 'html.title'),
    severity: {
      error: t(lang, 'html.severity.error'),
      warning: t(lang, 'html.severity.warning'),
      info: t(lang, 'html.severity.info'),
    } as Record<Severity, string>,
    counts: (totals: Totals) => t(lang, 'report.counts', countsData(totals)),
    files: (n: number) => t(lang, 'report.files', { count: n }),
    fatal: t(lang, 'html.fatal'),
    clean: t(lang, 'html.clean'),
    page: t(lang, 'report.page'),
    paragraph: t(lang, 'report.paragraph'),
    line: t(lang, 'html.line'),
    column: t(lang, 'html.column'),
    excerpt: t(lang, 'html.excerpt'),
    suggestion: t(lang, 'html.suggestion'),
    related: t(lang, 'html.related'),
    docsLink: t(lang, 'html.docs-link'),
    filters: t(lang, 'html.filters'),
    allRules: t(lang, 'html.all-rules'),
    rulesHeading: t(lang, 'html.rules-heading'),
    wrong: t(lang, 'html.wrong'),
    right: t(lang, 'html.right'),
    defaultSeverity: t(lang, 'html.default-severity'),
    generated: (version: string) => t(lang, 'html.generated', { version }),
    hidden: t(lang, 'html.hidden'),
  };
}

type Words = ReturnType<typeof wordsOf>;

const CSS = `
:root { --error: #b3261e; --warning: #8a5a00; --info: #1f5fa8; --muted: #5f6368; --line: #dadce0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 "Times New Roman", Times, serif; color: #202124; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; word-break: break-all; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
h4 { font-size: 1rem; margin: .8rem 0 .2rem; font-family: ui-monospace, monospace; }
.summary { color: var(--muted); margin: 0 0 1rem; }
.filters { position: sticky; top: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; z-index: 1; }
.filters label { white-space: nowrap; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
ol.findings { margin: 0; padding-left: 1.5rem; }
li.finding { margin: .4rem 0 .8rem; break-inside: avoid; page-break-inside: avoid; }
.where { font-family: ui-monospace, monospace; font-size: .85rem; color: var(--muted); }
blockquote { margin: .25rem 0; padding: .1rem .6rem; border-left: 3px solid var(--line); background: #f8f9fa; white-space: pre-wrap; }
.suggestion { margin: .2rem 0; } .suggestion code { background: #e6f4ea; padding: 0 .25rem; }
.related { margin: .2rem 0 0 1rem; padding: 0; font-size: .9rem; color: var(--muted); }
.fatal { color: var(--error); font-weight: bold; }
.rule-doc { border-top: 1px solid var(--line); padding-top: .5rem; margin-top: 1rem; break-inside: avoid-page; }
pre.example { white-space: pre-wrap; margin: .2rem 0 .6rem; padding: .4rem .6rem; border-radius: 4px; font-size: .85rem; }
pre.wrong { background: #fce8e6; } pre.right { background: #e6f4ea; }
.note { color: var(--muted); font-size: .9rem; margin: .4rem 0 0; }
[hidden] { display: none !important; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .filters, #no-match { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  #rules { break-before: page; page-break-before: always; }
}
`;

// Filters: a finding shows when its severity is ticked and its rule is chosen (or all rules);
// groups and files left without a visible finding are hidden with it.
const SCRIPT = `
(function () {
  var boxes = document.querySelectorAll('.filters input[type=checkbox]');
  var select = document.getElementById('filter-rule');
  function apply() {
    var sev = {};
    boxes.forEach(function (b) { sev[b.value] = b.checked; });
    var rule = select.value;
    var shown = 0;
    document.querySelectorAll('li.finding').forEach(function (li) {
      var on = sev[li.dataset.severity] && (rule === '' || li.dataset.rule === rule);
      li.hidden = !on;
      if (on) shown++;
    });
    document.querySelectorAll('[data-group]').forEach(function (g) {
      g.hidden = g.querySelector('li.finding:not([hidden])') === null;
    });
    document.getElementById('no-match').hidden = shown > 0 || document.querySelectorAll('li.finding').length === 0;
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  select.addEventListener('change', apply);
  apply();
})();
`;

function place(message: LintMessage, w: Words): string {
  const parts: string[] = [];
  if (message.page !== undefined) parts.push(`${w.page} ${message.page}`);
  if (message.paragraph !== undefined) parts.push(`${w.paragraph} ${message.paragraph}`);
  else parts.push(`${w.line} ${message.line}, ${w.column} ${message.column}`);
  return parts.join(', ');
}

function findingHtml(message: LintMessage, w: Words): string {
  const out = [`<li class="finding" data-severity="${message.severity}" data-rule="${esc(message.ruleId)}">`];
  out.push(`<div class="where">${esc(place(message, w))}</div>`);
  out.push(`<div class="message">${esc(message.message)}</div>`);
  if (message.excerpt) out.push(`<blockquote title="${esc(w.excerpt)}">${esc(message.excerpt)}</blockquote>`);
  if (message.suggestion !== undefined)
    out.push(`<div class="suggestion">${esc(w.suggestion)}: <code>${esc(message.suggestion)}</code></div>`);
  if (message.related?.length) {
    out.push(`<ul class="related" aria-label="${esc(w.related)}">`);
    for (const r of message.related) {
      const where = `${r.filePath ? `${r.filePath}, ` : ''}${r.paragraph !== undefined ? `${w.paragraph} ${r.paragraph}` : `${w.line} ${r.line}`}`;
      out.push(`<li>${esc(where)}: ${esc(r.message)}${r.excerpt ? ` — <q>${esc(r.excerpt)}</q>` : ''}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</li>');
  return out.join('');
}

function fileHtml(result: FileResult, index: number, rules: Map<string, Rule>, lang: Lang, w: Words): string {
  const out = [`<section class="file" id="file-${index + 1}">`];
  const t = totals([result]);
  out.push(`<h2>${esc(result.filePath)}</h2>`);
  if (result.fatal) {
    out.push(`<p class="fatal">${esc(w.fatal)}: ${esc(result.fatal.message)}</p></section>`);
    return out.join('');
  }
  out.push(`<p class="summary">${esc(w.counts(t))}</p>`);
  if (result.messages.length === 0) out.push(`<p>${esc(w.clean)}</p>`);
  for (const severity of SEVERITIES) {
    const ofSeverity = result.messages.filter((m) => m.severity === severity);
    if (ofSeverity.length === 0) continue;
    out.push(
      `<section data-group="severity"><h3 class="sev-${severity}">${esc(w.severity[severity])} (${ofSeverity.length})</h3>`,
    );
    const byRule = new Map<string, LintMessage[]>();
    for (const m of ofSeverity) byRule.set(m.ruleId, [...(byRule.get(m.ruleId) ?? []), m]);
    for (const [ruleId, list] of [...byRule].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const rule = rules.get(ruleId);
      const about = rule
        ? `<p class="note">${esc(rule.meta.description[lang])} <a href="#rule-${esc(ruleId)}">(${esc(w.docsLink)})</a></p>`
        : '';
      out.push(`<section data-group="rule"><h4>${esc(ruleId)} (${list.length})</h4>${about}`);
      out.push(`<ol class="findings">${list.map((m) => findingHtml(m, w)).join('')}</ol></section>`);
    }
    out.push('</section>');
  }
  out.push('</section>');
  return out.join('');
}

function ruleDocHtml(rule: Rule, lang: Lang, w: Words): string {
  const { meta } = rule;
  const out = [`<section class="rule-doc" id="rule-${esc(meta.id)}">`];
  out.push(`<h3>${esc(meta.id)}</h3><p><strong>${esc(meta.description[lang])}</strong></p>`);
  out.push(`<p>${esc(meta.docs[lang])}</p>`);
  out.push(`<p class="note">${esc(w.defaultSeverity)}: ${esc(w.severity[meta.defaultSeverity])}</p>`);
  for (const kind of ['wrong', 'right'] as const) {
    if (meta.docs[kind].length === 0) continue;
    out.push(`<h4>${esc(w[kind])}</h4>`);
    for (const raw of meta.docs[kind]) {
      const example = normalizeExample(raw, lang);
      if (example.note) out.push(`<p class="note">${esc(example.note)}</p>`);
      out.push(`<pre class="example ${kind}">${esc(example.text)}</pre>`);
    }
  }
  out.push('</section>');
  return out.join('');
}

export const format: Formatter = (results, context) => {
  const lang = context.lang;
  const w = wordsOf(lang);
  const rules = new Map(context.rules.map((r) => [r.meta.id, r]));
  const used = [...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort();
  const sum = totals(results);
  const out = [
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(w.title)}</title><style>${CSS}</style></head><body>`,
    `<header><h1>${esc(w.title)}</h1><p class="summary" id="summary">${esc(w.files(results.length))} — ${esc(w.counts(sum))}</p></header>`,
  ];
  out.push(`<form class="filters" aria-label="${esc(w.filters)}"><strong>${esc(w.filters)}:</strong>`);
  for (const severity of SEVERITIES) {
    out.push(
      `<label class="sev-${severity}"><input type="checkbox" value="${severity}" checked> ${esc(w.severity[severity])}</label>`,
    );
  }
  out.push(`<select id="filter-rule"><option value="">${esc(w.allRules)}</option>`);
  for (const id of used) out.push(`<option value="${esc(id)}">${esc(id)}</option>`);
  out.push(`</select></form><p id="no-match" hidden>${esc(w.hidden)}</p><main>`);
  results.forEach((result, i) => out.push(fileHtml(result, i, rules, lang, w)));
  out.push('</main>');
  const documented = used.map((id) => rules.get(id)).filter((r): r is Rule => r !== undefined);
  if (documented.length > 0) {
    out.push(
      `<section id="rules"><h2>${esc(w.rulesHeading)}</h2>${documented.map((r) => ruleDocHtml(r, lang, w)).join('')}</section>`,
    );
  }
  out.push(`<footer>${esc(w.generated(context.version))}</footer><script>${SCRIPT}</script></body></html>\n`);
  return out.join('');
};
