import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { useTempFolders } from './support/temp.ts';

const tempFolder = useTempFolders();
const launcher = fileURLToPath(new URL('../../electron/launch.mjs', import.meta.url));

it('npm start without a runnable Electron says so in one line, not a stack trace', async () => {
  // An empty Electron folder: on Node 22.12+ the launch fails there; older Node is refused first.
  const empty = await tempFolder();
  const run = spawnSync(process.execPath, [launcher], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(empty, 'electron') },
    timeout: 30_000,
  });
  expect(run.status).toBe(1);
  const lines = run.stderr.split('\n').filter((line) => line.trim());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Folio cannot start: .*(Node\.js 22\.12 or newer|could not be run)/);
});
