/**
 * Paths inside an OPC package (.docx): relationship targets are relative to their source part's
 * folder, and a part's relationships live in `<folder>/_rels/<name>.rels`. Shared by the parser
 * and `kh annotate`.
 */

/** The part a relationship target names, from the source part's folder ("" for the package). */
export function joinPartPath(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = folder ? folder.split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships part of a part: "word/document.xml" → "word/_rels/document.xml.rels". */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}
