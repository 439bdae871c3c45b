/**
 * Every match of a global regex in `text`, like `[...text.matchAll(re)]`.
 *
 * matchAll copies the regex for each call (RegExp[Symbol.species]), and V8 gives the copy none of
 * the original's compiled code: on the builder's long alternations (document types, law names,
 * agencies) a call cost about ten times an exec loop on the regex itself. Here the regex is run in
 * place: lastIndex is reset before and after, so callers may share one module-level regex.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`execAll needs a global regex: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: step over one character (code point).
    if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}
