/**
 * No function in src/ passes 80 lines without saying why: a longer one is split into named steps,
 * or carries a `// long: <reason>` comment on one of the three lines above it (or its first line).
 * Read with the TypeScript compiler API, so nested functions count on their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './_build.js';

const MAX_LINES = 80;
const REASON = /\/\/ long: \S/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function nameOf(node: ts.FunctionLikeDeclaration, file: ts.SourceFile): string {
  if (node.name) return node.name.getText(file);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText(file);
  return '(anonymous)';
}

/** Functions over MAX_LINES lines with no `// long:` reason, as "file:line name (n lines)". */
export function longFunctions(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const start = file.getLineAndCharacterOfPosition(fn.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(fn.end).line;
      const length = end - start + 1;
      const reasoned = lines.slice(Math.max(0, start - 3), start + 1).some((line) => REASON.test(line));
      if (length > MAX_LINES && !reasoned)
        out.push(`${path}:${start + 1} ${nameOf(fn, file)} (${length} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

describe('function length', () => {
  it('the check finds a long function and accepts a reason', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const x${i} = ${i};`).join('\n');
    expect(longFunctions('a.ts', `function big() {\n${body}\n}\n`)).toEqual([
      `a.ts:1 big (${MAX_LINES + 2} lines)`,
    ]);
    expect(longFunctions('a.ts', `// long: one table\nfunction big() {\n${body}\n}\n`)).toEqual([]);
    expect(longFunctions('a.ts', `const f = () => {\n  const x = 1;\n};\n`)).toEqual([]);
  });

  it(`no function in src/ passes ${MAX_LINES} lines without a "// long: reason" comment`, () => {
    const offenders = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
      longFunctions(relative(ROOT, file), readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
