/**
 * Word's automatic numbering, re-enacted: mammoth turns numbered paragraphs into bare <ol><li>
 * and the labels Word shows ("1.", "a)", "2.1.", "-") are lost. We read word/numbering.xml and
 * word/styles.xml and replay Word's counters over the paragraphs in document order.
 *
 * Model (ECMA-376 Part 1, §17.9):
 *  - a paragraph is numbered by its own w:numPr, else by its paragraph style's (basedOn chain);
 *    numId 0 switches numbering off;
 *  - w:num → w:abstractNum (following w:numStyleLink through numbering styles); w:lvlOverride
 *    may replace a level or its start (w:startOverride);
 *  - counters live per list: nums that share an abstractNum without a start override continue
 *    one list (Word's behaviour), a num with a start override is a list of its own;
 *  - a level advancing restarts the deeper levels (w:lvlRestart may delay or forbid that);
 *  - the label is w:lvlText with %1…%9 replaced by each level's counter in that level's format
 *    (all decimal under w:isLgl), followed by the w:suff separator (tab/space → " ").
 * Bullets are written "- " (any bullet glyph: dash, en dash, Symbol/Wingdings bullet, •…) or "+ ".
 */
import { child, childVal, isOn, type ParagraphInfo, type XmlElement } from './docx-xml.js';

interface Level {
  start: number;
  format: string;
  text: string | null;
  /** w:lvlRestart: undefined = default (restart after any shallower level), 0 = never. */
  restart: number | undefined;
  legal: boolean;
  suffix: string;
  pStyle: string | undefined;
}

interface AbstractNum {
  levels: (Level | undefined)[];
  numStyleLink: string | undefined;
}

interface Num {
  abstractId: string;
  /** Per level: replaced level definition and/or start override. */
  overrides: { level: Level | undefined; start: number | undefined }[];
  hasStartOverride: boolean;
}

interface StyleNum {
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  type: string | undefined;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, Num>;
  styles: Map<string, StyleNum>;
  defaultParagraphStyle: string | undefined;
}

function int(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

function readLevel(el: XmlElement): Level {
  const lvlText = child(el, 'lvlText');
  return {
    // ECMA-376: an omitted w:start means 0.
    start: int(childVal(el, 'start')) ?? 0,
    format: childVal(el, 'numFmt') ?? 'decimal',
    text: lvlText ? (lvlText.attrs['val'] ?? '') : null,
    restart: int(childVal(el, 'lvlRestart')),
    legal: child(el, 'isLgl') !== undefined && isOn(childVal(el, 'isLgl')),
    suffix: childVal(el, 'suff') ?? 'tab',
    pStyle: childVal(el, 'pStyle'),
  };
}

/** `numbering` and `styles` are the parsed word/numbering.xml and word/styles.xml (parseXmlTree). */
export function readNumberingDefinitions(
  numbering: XmlElement | null,
  styles: XmlElement | null,
): NumberingDefinitions {
  const abstracts = new Map<string, AbstractNum>();
  const nums = new Map<string, Num>();
  const styleNums = new Map<string, StyleNum>();
  let defaultParagraphStyle: string | undefined;

  if (numbering) {
    const root = child(numbering, 'numbering');
    for (const el of root?.children ?? []) {
      if (el.name === 'abstractNum') {
        const id = el.attrs['abstractNumId'];
        if (id === undefined) continue;
        const levels: (Level | undefined)[] = [];
        for (const lvl of el.children) {
          if (lvl.name !== 'lvl') continue;
          const ilvl = int(lvl.attrs['ilvl']) ?? 0;
          if (ilvl >= 0 && ilvl < 9) levels[ilvl] = readLevel(lvl);
        }
        abstracts.set(id, { levels, numStyleLink: childVal(el, 'numStyleLink') });
      } else if (el.name === 'num') {
        const id = el.attrs['numId'];
        const abstractId = childVal(el, 'abstractNumId');
        if (id === undefined || abstractId === undefined) continue;
        const overrides: Num['overrides'] = [];
        let hasStartOverride = false;
        for (const o of el.children) {
          if (o.name !== 'lvlOverride') continue;
          const ilvl = int(o.attrs['ilvl']) ?? 0;
          if (ilvl < 0 || ilvl >= 9) continue;
          const lvl = child(o, 'lvl');
          const start = int(childVal(o, 'startOverride'));
          if (start !== undefined) hasStartOverride = true;
          overrides[ilvl] = { level: lvl ? readLevel(lvl) : undefined, start };
        }
        nums.set(id, { abstractId, overrides, hasStartOverride });
      }
    }
  }

  if (styles) {
    const root = child(styles, 'styles');
    for (const el of root?.children ?? []) {
      if (el.name !== 'style') continue;
      const id = el.attrs['styleId'];
      if (id === undefined) continue;
      const type = el.attrs['type'];
      const numPr = child(child(el, 'pPr'), 'numPr');
      styleNums.set(id, {
        basedOn: childVal(el, 'basedOn'),
        numId: childVal(numPr, 'numId'),
        ilvl: int(childVal(numPr, 'ilvl')),
        type,
      });
      if (type === 'paragraph' && el.attrs['default'] !== undefined && isOn(el.attrs['default'])) {
        defaultParagraphStyle = id;
      }
    }
  }
  return { abstracts, nums, styles: styleNums, defaultParagraphStyle };
}

// ---------------------------------------------------------------------------------------------
// Formatting numbers

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  if (n <= 0) return String(n);
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** Word's letters: a…z, then aa…zz, aaa… (no Vietnamese đ: Word has none). */
function letters(n: number): string {
  if (n <= 0) return '';
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      // decimal and every format we do not spell out (ordinal, cardinalText, …).
      return String(n);
  }
}

/** The label of a bullet level: "-" for any bullet glyph, "+" for a plus, null when empty. */
export function bulletLabel(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (t === '+' || t === '\uF02B' || t === '\uFF0B') return '+';
  return '-';
}

// ---------------------------------------------------------------------------------------------
// Replaying the counters

interface ListState {
  counters: (number | undefined)[];
}

export interface LabelResult {
  /** Per paragraph index (0 unused): the label with its separator ("1. ", "a) ", "- "), or null. */
  labels: (string | null)[];
  /** How many paragraphs got a label. */
  numbered: number;
}

// long: Word's numbering state machine: counters per list and level, restarts and style links read in one pass
export function computeLabels(paragraphs: ParagraphInfo[], defs: NumberingDefinitions): LabelResult {
  const labels: (string | null)[] = new Array(paragraphs.length).fill(null);
  if (defs.nums.size === 0) return { labels, numbered: 0 };

  const lists = new Map<string, ListState>();
  const styleCache = new Map<string, { numId: string | undefined; ilvl: number | undefined }>();
  let numbered = 0;

  const styleNumbering = (styleId: string): { numId: string | undefined; ilvl: number | undefined } => {
    const cached = styleCache.get(styleId);
    if (cached) return cached;
    let numId: string | undefined;
    let ilvl: number | undefined;
    let id: string | undefined = styleId;
    for (let guard = 0; id !== undefined && guard < 32; guard++) {
      const style = defs.styles.get(id);
      if (!style) break;
      numId ??= style.numId;
      ilvl ??= style.ilvl;
      if (numId !== undefined && ilvl !== undefined) break;
      id = style.basedOn;
    }
    const result = { numId, ilvl };
    styleCache.set(styleId, result);
    return result;
  };

  const abstractOf = (numId: string): { id: string; abstract: AbstractNum } | undefined => {
    let id: string | undefined = numId;
    for (let guard = 0; id !== undefined && guard < 8; guard++) {
      const num = defs.nums.get(id);
      if (!num) return undefined;
      const abstract = defs.abstracts.get(num.abstractId);
      if (!abstract) return undefined;
      if (abstract.numStyleLink === undefined || abstract.levels.some((l) => l !== undefined)) {
        return { id: num.abstractId, abstract };
      }
      // A list style: its definition is the abstractNum of the numbering style's num.
      id = styleNumbering(abstract.numStyleLink).numId;
    }
    return undefined;
  };

  for (let index = 1; index < paragraphs.length; index++) {
    const p = paragraphs[index]!;
    if (p.deleted) continue;
    const styleId = p.style ?? defs.defaultParagraphStyle;
    const fromStyle = styleId !== undefined ? styleNumbering(styleId) : undefined;
    const numId = p.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') continue;
    const num = defs.nums.get(numId);
    if (!num) continue;
    const resolved = abstractOf(numId);
    if (!resolved) continue;
    const { abstract } = resolved;

    let ilvl = p.ilvl ?? fromStyle?.ilvl;
    if (ilvl === undefined && styleId !== undefined) {
      const byStyle = abstract.levels.findIndex((l) => l?.pStyle === styleId);
      if (byStyle >= 0) ilvl = byStyle;
    }
    ilvl ??= 0;
    if (ilvl < 0 || ilvl > 8) continue;

    const levelOf = (i: number): Level | undefined => num.overrides[i]?.level ?? abstract.levels[i];
    const startOf = (i: number): number => num.overrides[i]?.start ?? levelOf(i)?.start ?? 0;
    const level = levelOf(ilvl);
    if (!level) continue;

    const key = num.hasStartOverride ? `n${numId}` : `a${resolved.id}`;
    let list = lists.get(key);
    if (!list) {
      list = { counters: [] };
      lists.set(key, list);
    }
    const { counters } = list;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = levelOf(deeper)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl <= restart - 1)) counters[deeper] = undefined;
    }

    let label: string | null;
    if (level.format === 'bullet') {
      label = level.text === null ? null : bulletLabel(level.text);
    } else if (level.text === null) {
      label = null;
    } else {
      label = level.text.replace(/%([1-9])/g, (_, d: string) => {
        const i = Number(d) - 1;
        const value = counters[i] ?? startOf(i);
        const format = level.legal ? 'decimal' : (levelOf(i)?.format ?? 'decimal');
        return format === 'bullet' ? '' : formatNumber(value, format);
      });
      if (label.trim() === '') label = null;
    }
    if (label === null) continue;
    labels[index] = level.suffix === 'nothing' ? label : `${label} `;
    numbered++;
  }
  return { labels, numbered };
}
