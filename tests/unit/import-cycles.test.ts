/**
 * No module imports itself back through others: a cycle makes load order decide what a
 * module sees (an import still undefined), and it is where rooms that should be apart have
 * grown together. Type-only imports leave no trace at run time and are not counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function sources(): string[] {
  return ['electron', 'renderer', 'shared'].flatMap((folder) =>
    readdirSync(path.join(repo, folder), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts'))
      .map((e) => path.join(e.parentPath, e.name)),
  );
}

/** The project modules a file imports at run time (relative specifiers, not `import type`). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) {
    if (match[1]) continue;
    // `import { type A, type B } from` is type-only too.
    if (/^\s*import\s+\{\s*(?:type\s+\w+(?:\s+as\s+\w+)?\s*,?\s*)+\}/.test(match[0])) continue;
    found.push(path.resolve(path.dirname(file), match[2]!.replace(/\?.*$/, '')));
  }
  return found;
}

function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((file) => [file, imports(file).filter((f) => f !== file)]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).concat(next));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found.map((cycle) => cycle.map((f) => path.relative(repo, f)));
}

describe('imports', () => {
  it('form no cycle', () => {
    expect(cycles(sources())).toEqual([]);
  });
});
