/**
 * An agency name normalised for matching across spellings and abbreviations ("UBND tỉnh" and
 * "Ủy ban nhân dân tỉnh" give one key): the Plan builder's `assignment.ownerKey`, and the
 * knowledge base's and the responsibility matrix's lookups. Pure: the abbreviations
 * (src/data/agency-abbreviations.json) come from the data store it is given, and the compiled
 * function is kept with that store (`derived('owner-key')`), so rules reach it through context.data.
 */
import type { DataStore } from './data-store.js';
import { escapeRegExp, lower, normalizeTones, squash } from '../plan/vi.js';

export type OwnerKey = (owner: string) => string;

/** The normalising function of one abbreviation table (its pattern compiled once). */
export function ownerKeyFunction(data: Pick<DataStore, 'agencyAbbreviations'>): OwnerKey {
  const entries = [...data.agencyAbbreviations.entries].sort(
    (a, b) => b.abbreviation.length - a.abbreviation.length,
  );
  const re = new RegExp(
    `(?<![\\p{L}])(?:${entries.map((e) => escapeRegExp(e.abbreviation)).join('|')})(?![\\p{L}])`,
    'gu',
  );
  const expansions = new Map(entries.map((e) => [e.abbreviation, e.expansion]));
  return (owner) => {
    let text = owner.normalize('NFC').replace(/\([^)]*\)/g, ' ');
    text = text.replace(re, (m) => ` ${expansions.get(m) ?? m} `);
    text = normalizeTones(lower(text))
      .replace(/&/g, ' và ')
      .replace(/\s*[-–—]\s*/g, ' - ')
      .replace(/thương binh\s+xã hội/g, 'thương binh và xã hội')
      .replace(/^đề nghị\s+/u, '')
      .replace(/[.,;:]+$/u, '');
    return squash(text);
  };
}

/** The store's ownerKey, compiled once per store. */
export function ownerKeyOf(data: Pick<DataStore, 'derived'>): OwnerKey {
  return data.derived('owner-key', ownerKeyFunction);
}
