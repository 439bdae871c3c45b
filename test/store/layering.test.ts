/**
 * Rules reach data, the knowledge base and the responsibility matrix only through their context
 * (context.data, context.derived) and pure code in src/domain, src/plan and src/util: no file
 * under src/rules/ imports (statically, for types, or dynamically) from the layers that read
 * files or talk to the user, and nothing a rule loads, however indirectly, reads the data store
 * (the Plan builder's helpers that do, such as ownerKey, take the store as an argument).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const FORBIDDEN = ['data', 'owners', 'knowledge', 'parse', 'cli'];

/** Every module specifier of a source text: import/export … from, import '…', import(…). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

/** The forbidden imports of one file of src/rules (its path relative to src). */
function violations(file: string, source: string): string[] {
  const out: string[] = [];
  for (const spec of specifiers(source)) {
    if (!spec.startsWith('.')) continue;
    const target = relative(SRC, resolve(SRC, dirname(file), spec));
    const layer = target.split(/[\\/]/)[0]!;
    if (FORBIDDEN.includes(layer)) out.push(`${file} imports ${spec}`);
  }
  return out;
}

/** The relative modules a source text loads when it is evaluated: static imports and re-exports, not types nor import(…). */
function loadedSpecifiers(source: string): string[] {
  const re = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"](\.[^'"]+)['"]/gm;
  return [...source.matchAll(re)].map((m) => m[1]!);
}

/** Every file of src evaluated with `file` (itself included), each with the file that first imported it. */
function loadedWith(file: string, read: (file: string) => string): Map<string, string | null> {
  const seen = new Map<string, string | null>([[file, null]]);
  const queue = [file];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const spec of loadedSpecifiers(read(from))) {
      const target = relative(SRC, resolve(SRC, dirname(from), spec)).replace(/\.js$/, '.ts');
      if (!seen.has(target)) (seen.set(target, from), queue.push(target));
    }
  }
  return seen;
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('layering', () => {
  it('no file under src/rules/ imports from data/, owners/, knowledge/, parse/ or cli/', () => {
    const files = filesUnder('rules');
    expect(files.length).toBeGreaterThan(15);
    expect(files.flatMap((file) => violations(file, readFileSync(join(SRC, file), 'utf8')))).toEqual([]);
  });

  it('nothing a rule loads reaches the data store: the shipped data come only as context.data', () => {
    const read = (file: string) => readFileSync(join(SRC, file), 'utf8');
    const reached: string[] = [];
    for (const file of filesUnder('rules')) {
      const loaded = loadedWith(file, read);
      for (const [module, by] of loaded)
        if (module.startsWith(`data${sep}`)) reached.push(`${file}: ${module} (imported by ${by})`);
    }
    expect(reached).toEqual([]);
  });

  it('the reach check follows static imports, not types nor lazy import(…)', () => {
    const files: Record<string, string> = {
      'rules/x.ts':
        "import type { DataStore } from '../domain/data-store.js';\nimport { y } from '../util/y.js';\nconst z = () => import('../parse/z.js');",
      'util/y.ts': "export { w } from '../plan/w.js';",
      'plan/w.ts': "import { builtinData } from '../data/store.js';",
      'data/store.ts': '',
    };
    const loaded = loadedWith(join('rules', 'x.ts'), (file) => files[file.split(sep).join('/')]!);
    expect([...loaded.keys()].map((f) => f.split(sep).join('/'))).toEqual([
      'rules/x.ts',
      'util/y.ts',
      'plan/w.ts',
      'data/store.ts',
    ]);
    expect(loaded.get(join('data', 'store.ts'))).toBe(join('plan', 'w.ts'));
  });

  it('the check sees every form of import', () => {
    const source = [
      "import { builtinData } from '../data/store.js';",
      "import type { Matrix } from '../owners/render.js';",
      "export { x } from '../knowledge/x.js';",
      "const { loadPlan } = await import('../parse/index.js');",
      "import '../cli/index.js';",
      "import { squash } from '../util/whitespace.js';",
      "import { buildMatrix } from '../domain/matrix.js';",
      "import { rule } from './types.js';",
    ].join('\n');
    expect(violations('rules/x.ts', source)).toEqual([
      'rules/x.ts imports ../data/store.js',
      'rules/x.ts imports ../owners/render.js',
      'rules/x.ts imports ../knowledge/x.js',
      'rules/x.ts imports ../cli/index.js',
      'rules/x.ts imports ../parse/index.js',
    ]);
  });
});
