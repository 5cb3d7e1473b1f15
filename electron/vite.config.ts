import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Two builds from one config, chosen by `--mode`: the main process and the preload. They
 * are separate because a sandboxed preload must be one self-contained file (no chunks).
 * Both bundle their dependencies, so the packaged app needs no node_modules.
 */
export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload')
    throw new Error('Build with --mode main or --mode preload');
  return {
    root: fileURLToPath(new URL('..', import.meta.url)),
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist/electron',
      emptyOutDir: mode === 'main',
      target: 'node20',
      minify: false,
      ssr: `electron/${mode}.ts`,
      rollupOptions: {
        external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: `${mode}.cjs`, codeSplitting: false },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
});
