/** White space, the way every layer of kh collapses it. */

/** White space other than a single space (\s is Unicode-aware without the u flag too). */
const ODD_SPACE = /[^\S ]| {2}/;

/** Whether the only white space in `text` is single spaces (the common case, nothing to collapse). */
export function hasOnlySingleSpaces(text: string): boolean {
  return !ODD_SPACE.test(text);
}

/** Runs of white space → one space; a text with single spaces only is returned as is. */
export function collapseSpaces(text: string): string {
  return hasOnlySingleSpaces(text) ? text : text.replace(/\s+/g, ' ');
}

/** Collapse white space to single spaces and trim. */
export function squash(text: string): string {
  return collapseSpaces(text).trim();
}
