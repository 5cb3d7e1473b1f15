import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Four builds from one config, chosen by `--mode`: the main process, the preload, the
 * library's index worker and the health check's worker (worker_threads entries, started by
 * the main process from `index-worker.cjs` and `health-worker.cjs` beside `main.cjs`). They are separate because a sandboxed preload
 * must be one self-contained file (no chunks), and a worker is its own entry. All bundle
 * their dependencies, so the packaged app needs no node_modules.
 */
const ENTRIES: Record<string, string> = {
  main: 'electron/main.ts',
  preload: 'electron/preload.ts',
  'index-worker': 'electron/services/library/index-worker.ts',
  'health-worker': 'electron/services/health/facts-worker.ts',
};

export default defineConfig(({ mode }) => {
  const entry = ENTRIES[mode];
  if (!entry) throw new Error(`Build with --mode ${Object.keys(ENTRIES).join(' | ')}`);
  return {
    root: fileURLToPath(new URL('..', import.meta.url)),
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist/electron',
      emptyOutDir: mode === 'main',
      target: 'node20',
      minify: false,
      ssr: entry,
      rollupOptions: {
        external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: `${mode}.cjs`, codeSplitting: false },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
});
