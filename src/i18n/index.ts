/**
 * The message catalogue: every text kh shows a user, by id, in Vietnamese and English.
 * `t(lang, id, data)` fills its `{name}` placeholders; a value may itself be a message (`msg(id,
 * data)`), rendered in the same language, so errors carry a code and data and are worded only here.
 *
 * Adding a text: put `'area.name': { vi: '…{x}…', en: '…{x}…' }` in src/i18n/messages/<area>.ts
 * (a new area file is added to CATALOGUE_PARTS in catalogue.ts); test/i18n.test.ts checks both
 * languages and their placeholders. Rule messages stay in each rule's `meta.messages`.
 * Kept free of heavy imports: `kh --help` loads this module.
 */
import { catalogue, type MessageId } from './catalogue.js';
import type { Lang, Text } from './types.js';

export type { Entry, Entries, Lang, Text } from './types.js';
export type { MessageId } from './catalogue.js';

export const LANGS: readonly Lang[] = ['vi', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** A message not yet worded: what errors carry and what `describe(lang)` renders. */
export interface Message {
  readonly id: MessageId;
  readonly data?: MessageData | undefined;
}

export type MessageValue = string | number | Message;
export type MessageData = Readonly<Record<string, MessageValue>>;

export function msg(id: MessageId, data?: MessageData): Message {
  return data ? { id, data } : { id };
}

/** `{name}` is a placeholder; a literal brace is written twice (`{{`, `}}`). */
const PLACEHOLDER = /\{\{|\}\}|\{(\w+)\}/g;

function choose(text: Text, data: MessageData): string {
  if (typeof text === 'string') return text;
  return data.count === 1 ? text.one : text.other;
}

/** The text of message `id` in `lang`; a placeholder without data is a bug (it throws). */
export function t(lang: Lang, id: MessageId, data: MessageData = {}): string {
  const entry = catalogue[id];
  if (!entry) throw new Error(`no message "${id}" in the catalogue`);
  return choose(entry[lang], data).replace(PLACEHOLDER, (token: string, name: string | undefined) => {
    if (name === undefined) return token[0]!;
    const value = data[name];
    if (value === undefined) throw new Error(`message "${id}": placeholder {${name}} has no data`);
    return renderValue(lang, value);
  });
}

export function render(lang: Lang, message: Message): string {
  return t(lang, message.id, message.data);
}

export function renderValue(lang: Lang, value: MessageValue): string {
  return typeof value === 'object' ? t(lang, value.id, value.data) : String(value);
}

/** True when `id` names a catalogue entry (for ids built from a code, e.g. `system.${code}`). */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(catalogue, id);
}

/** The ids under `prefix` ("limit." → fileSize, partSize, …), without the prefix. */
export function messageIds(prefix: string): string[] {
  return Object.keys(catalogue)
    .filter((id) => id.startsWith(prefix))
    .map((id) => id.slice(prefix.length));
}

/** The placeholder names of one text (both plural forms for a pair), sorted: for the catalogue test. */
export function placeholdersOf(text: Text): string[] {
  const forms = typeof text === 'string' ? [text] : [text.one, text.other];
  const names = new Set<string>();
  for (const form of forms) for (const m of form.matchAll(PLACEHOLDER)) if (m[1]) names.add(m[1]);
  return [...names].sort();
}

/**
 * An error a user can meet (not a bug): a code, its data, and the message that words it
 * (`toMessage()`); the CLI prints `describe(lang)` on one line and exits 2. Each subclass keeps
 * its own English `message` for logs and --debug.
 */
export abstract class LocalizedError extends Error {
  abstract readonly code: string;
  abstract toMessage(): Message;

  describe(lang: Lang): string {
    return render(lang, this.toMessage());
  }
}
