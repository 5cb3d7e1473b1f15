/**
 * Child scripts of the fault tests (tests/fault/*.ts), bundled once per test into one small
 * JavaScript file: a child then starts in milliseconds, without compiling TypeScript.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles `tests/fault/<name>.ts` into `outDir/<name>.mjs` and returns that file. */
export async function bundleFaultScript(name: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(`../../fault/${name}.ts`, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // ES module builds first: a UMD build (jsonc-parser's) requires its parts by relative path.
    mainFields: ['module', 'main'],
    // CommonJS dependencies (yaml) require Node's modules: give the ES module bundle a require.
    banner: {
      js: "import { createRequire as folioCreateRequire } from 'node:module'; const require = folioCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}

/**
 * What a child costs is mostly Node starting: measured here, 35 ms of CPU for `node -e 0`,
 * but 110 ms when NODE_EXTRA_CA_CERTS is set (Node parses the whole CA bundle at start),
 * as it is in this environment. The fault children make no connection, so they start without it.
 */
export const faultChildEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'),
);
