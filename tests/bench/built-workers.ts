/**
 * The benchmarks run their workers (the index's, the site check's) from the build, the code
 * that ships, rather than from source through tsx (see electron/services/processes/worker-source.ts).
 * A build older than the sources would measure old code: then the bench stops and says so.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const built = path.join(repo, 'dist/electron');
const WORKERS = ['index-worker.cjs', 'health-worker.cjs'];

/** The newest modification time of the TypeScript (and WebAssembly text) under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (/\.(ts|wat)$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** Points the worker pools at the build; throws when it is missing or older than the sources. */
export function useBuiltWorkers(): void {
  const sources = Math.max(
    newestSource(path.join(repo, 'electron')),
    newestSource(path.join(repo, 'shared')),
  );
  for (const worker of WORKERS) {
    const file = path.join(built, worker);
    if (!existsSync(file) || statSync(file).mtimeMs < sources) {
      throw new Error(
        `dist/electron/${worker} is missing or older than the sources: npm run build first (the benchmarks run the workers that ship)`,
      );
    }
  }
  process.env.FOLIO_BUILT_WORKERS = built;
}
