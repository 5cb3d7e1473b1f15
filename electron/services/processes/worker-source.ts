/**
 * How to start a worker_threads entry: from the bundle (dist/electron/main.cjs), the
 * Electron build's `<name>.cjs` beside it; from source (tests, bench), the TypeScript file,
 * through tsx's loader registered in the worker first (Node 20 workers do not take
 * `--import` from execArgv).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** `caller`: the starting module's import.meta.url; `source`: the entry beside it, as TypeScript. */
export function workerSource(
  caller: string,
  bundled: string,
  source: string,
): { source: string | URL; eval: boolean } {
  if (!caller.endsWith('.ts')) return { source: new URL(bundled, caller), eval: false };
  // Set by the benchmarks (tests/bench/built-workers.ts) to the build's folder: workers then
  // run the bundle, the code that ships, though the bench runs from source (tsx keeps
  // function names, which cost the index's workers a few percent).
  const built = process.env.FOLIO_BUILT_WORKERS;
  if (built) return { source: new URL(bundled, pathToFileURL(`${built}/`)), eval: false };
  // tsx's CommonJS entry fails to register from a worker; its ES module entry works.
  const api = createRequire(caller)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(api).href;
  const entry = new URL(source, caller).href;
  const code = `(async () => {
    const { register } = await import(${JSON.stringify(tsx)});
    register();
    await import(${JSON.stringify(entry)});
  })();`;
  return { source: code, eval: true };
}
