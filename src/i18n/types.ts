/**
 * The shape of catalogue entries (kept apart from index.ts so that the per-area message files
 * import nothing but types).
 */
export type Lang = 'vi' | 'en';

/**
 * One language's text: a template with `{name}` placeholders, or a plural pair chosen by the
 * number `data.count` (1 → one, anything else → other; Vietnamese needs no plural).
 */
export type Text = string | { readonly one: string; readonly other: string };

/** One message: the same placeholders in both languages (test/i18n.test.ts checks it). */
export interface Entry {
  readonly vi: Text;
  readonly en: Text;
  /** Placeholders the Vietnamese text leaves out on purpose (a library's English-only detail). */
  readonly viOmits?: readonly string[];
}

export type Entries = Readonly<Record<string, Entry>>;
