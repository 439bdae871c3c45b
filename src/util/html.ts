/** HTML helpers shared by kh's HTML reports (kh diff, kh lint --format html). */

/** Text or attribute value → HTML-safe text. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
