import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The folders import one way only: bench/ and scripts/ -> e2e/ -> training/ -> src/. So the app
// never pulls in Node or test code, and each layer can be read without the ones above it.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Each folder's layer: a file may import its own layer and the ones below. */
const LAYERS: Record<string, number> = { src: 0, training: 1, e2e: 2, bench: 3, scripts: 3 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports, side-effect and dynamic imports. */
function importSpecifiers(code: string): string[] {
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[\s;])import\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]!));
}

/** The file a relative specifier names, or null for a package or a file outside the tree. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
}

const folderOf = (path: string) => relative(ROOT, path).split(/[/\\]/)[0]!;

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of Object.keys(LAYERS)) {
    for (const file of sourceFiles(join(ROOT, folder))) {
      const targets = importSpecifiers(readFileSync(file, 'utf8'))
        .map((s) => resolveImport(file, s))
        .filter((t): t is string => t !== null);
      graph.set(file, targets);
    }
  }
  return graph;
}

/** Imports that run back up the layers (or across to the other top folder). */
function layerViolations(graph: Map<string, string[]>): string[] {
  const violations: string[] = [];
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    for (const target of targets) {
      const to = folderOf(target);
      const layer = LAYERS[to];
      if (layer === undefined) continue; // a root config or data file
      const upward = layer > LAYERS[from]! || (layer === 3 && to !== from);
      if (upward) violations.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)}`);
    }
  }
  return violations;
}

/** Each cycle of imports, as the files around it (one report per cycle found). */
function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push(path.slice(path.indexOf(next)));
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles.map((c) => c.map((f) => relative(ROOT, f)));
}

describe('import layers', () => {
  const graph = importGraph();

  it('finds the imports of every kind', () => {
    const code = `import a from './a';\nimport { b,\n  c } from "../b";\nimport './c.css';\nexport { d } from './d';\nconst e = await import('./e');\nimport type { F } from './f';`;
    expect(importSpecifiers(code).sort()).toEqual(['../b', './a', './c.css', './d', './e', './f']);
    expect(graph.size).toBeGreaterThan(100);
  });

  it('run one way: bench/ and scripts/ -> e2e/ -> training/ -> src/', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('catches an import back up the layers', () => {
    const file = (p: string) => join(ROOT, p);
    const upward = new Map([[file('src/a.ts'), [file('training/b.ts')]]]);
    expect(layerViolations(upward)).toEqual(['src/a.ts imports training/b.ts']);
    const across = new Map([[file('bench/a.ts'), [file('scripts/b.ts')]]]);
    expect(layerViolations(across)).toEqual(['bench/a.ts imports scripts/b.ts']);
  });

  it('have no cycles between files', () => {
    expect(importCycles(graph)).toEqual([]);
    const [a, b] = [join(ROOT, 'src/a.ts'), join(ROOT, 'src/b.ts')];
    expect(
      importCycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['src/a.ts', 'src/b.ts']]);
  });
});
