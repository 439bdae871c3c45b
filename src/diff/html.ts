/**
 * `kh diff --format html`: one self-contained offline file (inline CSS and script, no external
 * resource): a header with both documents and the one-line summary, a navigable list of changes
 * grouped top-down (left), and the two documents side by side in their own scroll panes with every
 * changed node highlighted (green added, red removed, blue moved, amber reworded, word diff inline).
 * A click on a change scrolls both panes to the nodes it concerns and marks them.
 */
import type { Item, Plan, Position } from '../plan/schema.js';
import type { Lang } from '../util/errors.js';
import { grouped, shortText, summaryLine, where } from './format.js';
import { diffMessages } from './messages.js';
import { CHANGE_KINDS, type Change, type DiffReport, type DocInfo } from './model.js';
import type { WordPart } from './text.js';
import { escapeHtml as esc } from '../util/html.js';

interface DocNode {
  id: string;
  kind: 'section' | 'item' | 'para';
  label: string;
  text: string;
  depth: number;
  position: Position;
}

function docNodes(plan: Plan, prefix: string): DocNode[] {
  const out: DocNode[] = [];
  const push = (kind: DocNode['kind'], label: string, text: string, depth: number, position: Position) =>
    out.push({ id: `${prefix}${out.length + 1}`, kind, label, text, depth, position });
  for (const p of plan.preamble) push('para', '', p.text, 0, p.position);
  for (const s of plan.sections) {
    push('section', s.numeral, s.heading, 0, s.position);
    const walk = (items: Item[], depth: number) => {
      for (const item of items) {
        push('item', item.label ?? '', item.text, depth, item.position);
        walk(item.children, depth + 1);
      }
    };
    walk(s.items, 1);
  }
  for (const p of plan.closing) push('para', '', p.text, 0, p.position);
  // Assignment and data tables: one node per row (responsibilities read from a table land there).
  for (const table of plan.tables) {
    if (table.role !== 'assignment' && table.role !== 'data') continue;
    for (const row of table.rows) push('para', '', row.cells.map((c) => c.text).join(' | '), 0, row.position);
  }
  return out;
}

const pointKey = (p: Position) => (p.page ?? 0) * 1e9 + p.start.line * 1e4 + p.start.column;

/** The node a position falls in: the last node starting at or before it (nodes are in document order). */
function nodeAt(
  nodes: DocNode[],
  sortedKeys: { key: number; node: DocNode }[],
  position: Position | null,
): DocNode | null {
  if (!position || nodes.length === 0) return null;
  const k = pointKey(position);
  let lo = 0;
  let hi = sortedKeys.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sortedKeys[mid]!.key <= k) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at >= 0 ? sortedKeys[at]!.node : null;
}

const STRONG: Record<string, number> = {
  removed: 9,
  added: 9,
  reworded: 8,
  moved: 7,
  stale: 6,
  target: 5,
  indicator: 5,
  owner: 4,
  citation: 3,
  date: 3,
};

type Marks = Map<string, { kind: string; ids: string[]; words?: WordPart[] }>;
type SortedKeys = { key: number; node: DocNode }[];

/** node id → kinds of change and the change ids (reworded nodes get their word diff); change id → its nodes. */
function markChanges(
  report: DiffReport,
  sides: { old: DocNode[]; new: DocNode[] },
  keys: { old: SortedKeys; new: SortedKeys },
) {
  const marks: Marks = new Map();
  const targets = new Map<string, { old: string | null; new: string | null }>();
  for (const c of report.changes) {
    const o = nodeAt(sides.old, keys.old, c.old?.position ?? null);
    const n = nodeAt(sides.new, keys.new, c.new?.position ?? null);
    targets.set(c.id, { old: o?.id ?? null, new: n?.id ?? null });
    for (const [node, which] of [
      [o, 'old'],
      [n, 'new'],
    ] as const) {
      if (!node) continue;
      const mark = marks.get(node.id) ?? { kind: c.kind, ids: [] };
      if ((STRONG[c.kind] ?? 0) > (STRONG[mark.kind] ?? 0)) mark.kind = c.kind;
      mark.ids.push(c.id);
      if (c.kind === 'reworded' && c.words && c.group === 'structure')
        mark.words = c.words.filter((p) => p.op !== (which === 'old' ? 'added' : 'removed'));
      marks.set(node.id, mark);
    }
  }
  return { marks, targets };
}

/** One document's column: its heading, then every node in reading order with its change marks. */
function renderSide(
  info: DocInfo,
  nodes: DocNode[],
  which: 'old' | 'new',
  marks: Marks,
  m: ReturnType<typeof diffMessages>,
): string {
  const ordered = [...nodes].sort((a, b) => pointKey(a.position) - pointKey(b.position));
  const rows = ordered.map((node) => {
    const mark = marks.get(node.id);
    const text = mark?.words
      ? mark.words
          .map((p) =>
            p.op === 'equal'
              ? esc(p.text)
              : p.op === 'added'
                ? `<ins>${esc(p.text)}</ins>`
                : `<del>${esc(p.text)}</del>`,
          )
          .join(' ')
      : esc(node.text);
    const cls = ['node', node.kind, mark ? `k-${mark.kind}` : ''].filter(Boolean).join(' ');
    const data = mark ? ` data-changes="${mark.ids.join(' ')}"` : '';
    const label = node.label ? `<span class="label">${esc(node.label)}</span> ` : '';
    return `<div id="${node.id}" class="${cls}" style="--depth:${node.depth}"${data}>${label}${text}<span class="where">${esc(where(node.position))}</span></div>`;
  });
  const head = `<h2>${which === 'old' ? m.old : m.new}: ${esc(info.path)}</h2><p class="meta">${esc([info.issuer, info.number, info.title].filter(Boolean).join(' — ') || m.none)}</p>`;
  return `<section class="doc ${which}" id="doc-${which}">${head}${rows.join('\n') || `<p class="meta">${m.none}</p>`}</section>`;
}

const DIFF_CSS = `*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1f24;background:#f6f7f9;height:100vh;display:flex;flex-direction:column}
header{padding:10px 16px;background:#fff;border-bottom:1px solid #d0d7de}
header h1{font-size:18px;margin:0 0 4px}
header p{margin:2px 0}
#summary-line{font-weight:600}
.counts{margin-top:6px}
.count{display:inline-block;padding:1px 8px;border-radius:10px;margin:2px 4px 2px 0;font-size:12px;background:#eef1f4}
.count.zero{opacity:.45}
.notes{margin:4px 0 0 18px;color:#8a5a00}
.wrap{flex:1;display:grid;grid-template-columns:minmax(260px,26%) 1fr 1fr;min-height:0}
nav{overflow:auto;border-right:1px solid #d0d7de;background:#fff;padding:6px 8px}
nav summary{font-weight:600;cursor:pointer;margin:6px 0}
nav ol{margin:0;padding-left:18px}
nav li{margin:3px 0}
a.change{color:inherit;text-decoration:none;display:block;padding:2px 4px;border-left:3px solid transparent;border-radius:3px}
a.change:hover,a.change.current{background:#eef4ff}
.kind{font-size:11px;text-transform:uppercase;letter-spacing:.02em;color:#57606a}
.owner{font-weight:600}
.doc{overflow:auto;padding:8px 14px 40vh;border-right:1px solid #d0d7de;background:#fff}
.doc h2{font-size:15px;margin:4px 0}
.meta{color:#57606a;margin:0 0 8px}
.node{padding:2px 6px 2px calc(6px + var(--depth) * 18px);border-left:3px solid transparent;margin:1px 0}
.node.section{font-weight:700;margin-top:10px}
.label{color:#0969da;font-weight:600}
.where{color:#8c959f;font-size:11px;margin-left:6px}
.k-added{background:#e6ffec;border-left-color:#1a7f37}
.k-removed{background:#ffebe9;border-left-color:#cf222e}
.k-moved{background:#ddf4ff;border-left-color:#0969da}
.k-reworded{background:#fff8c5;border-left-color:#bf8700}
.k-owner,.k-indicator,.k-target{background:#fbefff;border-left-color:#8250df}
.k-citation,.k-date{background:#f6f8fa;border-left-color:#57606a}
.k-stale{background:#fff1e5;border-left-color:#bc4c00}
ins{background:#aceebb;text-decoration:none}
del{background:#ffcecb}
.focus{outline:3px solid #0969da;outline-offset:1px}`;

const DIFF_SCRIPT = `(function(){
  function show(link){
    document.querySelectorAll('.focus').forEach(function(e){e.classList.remove('focus')});
    document.querySelectorAll('a.change.current').forEach(function(e){e.classList.remove('current')});
    link.classList.add('current');
    ['old','new'].forEach(function(side){
      var id=link.getAttribute('data-'+side);
      var el=id&&document.getElementById(id);
      if(el){el.classList.add('focus');el.scrollIntoView({block:'center'});}
    });
  }
  document.getElementById('changes').addEventListener('click',function(ev){
    var link=ev.target.closest('a.change');
    if(!link)return;
    ev.preventDefault();
    show(link);
    history.replaceState(null,'','#'+link.id);
  });
  document.querySelectorAll('.node[data-changes]').forEach(function(node){
    node.addEventListener('click',function(){
      var first=node.getAttribute('data-changes').split(' ')[0];
      var link=document.getElementById(first);
      if(link){link.scrollIntoView({block:'center'});show(link);}
    });
  });
  var hash=location.hash.slice(1);
  var start=hash&&document.getElementById(hash);
  if(start&&start.classList.contains('change'))show(start);
})();`;

export function formatHtml(report: DiffReport, oldPlan: Plan, newPlan: Plan, lang: Lang): string {
  const m = diffMessages(lang);
  const sides = {
    old: docNodes(oldPlan, 'o'),
    new: docNodes(newPlan, 'n'),
  };
  const keys = {
    old: sides.old.map((node) => ({ key: pointKey(node.position), node })).sort((a, b) => a.key - b.key),
    new: sides.new.map((node) => ({ key: pointKey(node.position), node })).sort((a, b) => a.key - b.key),
  };
  const { marks, targets } = markChanges(report, sides, keys);
  const renderDoc = (info: DocInfo, nodes: DocNode[], which: 'old' | 'new') =>
    renderSide(info, nodes, which, marks, m);

  const changeItem = (c: Change) => {
    const t = targets.get(c.id)!;
    const label = m.aspects[c.aspect] ?? c.aspect;
    const textOf = (s: Change['old']) => (s ? esc(shortText(s.text, 120)) : '');
    const body = c.old && c.new ? `${textOf(c.old)} <b>→</b> ${textOf(c.new)}` : textOf(c.new ?? c.old);
    const owner = c.owner ? `<span class="owner">${esc(c.owner)}</span> ` : '';
    return `<li><a href="#${t.new ?? t.old ?? c.id}" id="${c.id}" class="change k-${c.kind}" data-kind="${c.kind}" data-old="${t.old ?? ''}" data-new="${t.new ?? ''}"><span class="kind">${esc(label)}</span> ${owner}${body}</a></li>`;
  };
  const nav = grouped(report)
    .map(
      ({ group, changes }) =>
        `<details open><summary>${esc(m.groups[group])} (${changes.length})</summary><ol>${changes.map(changeItem).join('')}</ol></details>`,
    )
    .join('\n');
  const counts = CHANGE_KINDS.map(
    (k) =>
      `<span class="count k-${k}${report.summary[k] ? '' : ' zero'}" data-kind="${k}">${report.summary[k]} ${esc(m.kinds[k])}</span>`,
  ).join(' ');
  const notes = report.notes.map((n) => `<li>${esc(m.note(n))}</li>`).join('');

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.title)}: ${esc(report.old.path)} → ${esc(report.new.path)}</title>
<style>
${DIFF_CSS}
</style>
</head>
<body>
<header>
<h1>${esc(m.title)}</h1>
<p><b>${esc(m.old)}:</b> ${esc(report.old.path)} — ${esc([report.old.issuer, report.old.number, report.old.planYear].filter((x) => x !== null && x !== '').join(', ') || m.none)}</p>
<p><b>${esc(m.new)}:</b> ${esc(report.new.path)} — ${esc([report.new.issuer, report.new.number, report.new.planYear].filter((x) => x !== null && x !== '').join(', ') || m.none)}</p>
${notes ? `<ul class="notes">${notes}</ul>` : ''}
<p id="summary-line">${esc(m.summary)}: ${esc(summaryLine(report, lang))}</p>
<div class="counts" id="summary">${counts}</div>
</header>
<div class="wrap">
<nav id="changes" aria-label="${esc(m.summary)}">${nav || `<p>${esc(m.noChange)}</p>`}</nav>
${renderDoc(report.old, sides.old, 'old')}
${renderDoc(report.new, sides.new, 'new')}
</div>
<script>
${DIFF_SCRIPT}
</script>
</body>
</html>
`;
}
