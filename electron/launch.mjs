#!/usr/bin/env node
// `npm start`: runs Folio in Electron. Electron's npm package fetches its binary on first
// launch; when that cannot happen (offline, a proxy, an old Node), the writer gets one line
// saying what to do instead of the downloader's stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));

const fail = (line) => {
  console.error(`Folio cannot start: ${line}`);
  process.exit(1);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12))
  fail(
    `Electron ${version} needs Node.js 22.12 or newer to start, and this is ${process.versions.node}. Install a current Node.js (nodejs.org), then run npm start again.`,
  );

if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  // install.js returns at once when the binary is there; otherwise it downloads it.
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (install.status !== 0) {
    const reason =
      /(?:Error|error):\s*([^\n]+)/.exec(install.stderr ?? '')?.[1] ?? 'no reason given';
    fail(
      `Electron ${version} is not downloaded yet, and downloading it failed (${reason.trim()}). Connect to the internet (or set HTTPS_PROXY) and run npm start again, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding Electron ${version}.`,
    );
  }
}

const electron = require('electron');
const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('error', (error) =>
  fail(`Electron could not be run from ${electron} (${error.message}).`),
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
