#!/usr/bin/env node
// Runs the Playwright suite with a Chromium it finds on its own: a system chromium or
// google-chrome on PATH, else Playwright's own browser (installed where downloads work).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

function findChromium() {
  if (process.env.FOLIO_CHROMIUM && existsSync(process.env.FOLIO_CHROMIUM))
    return process.env.FOLIO_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = onPath(name);
    if (found) return found;
  }
  return null;
}

const run = (cmd, args, env = process.env) =>
  spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
const playwright = [
  'playwright',
  'test',
  '-c',
  'tests/e2e/playwright.config.ts',
  ...process.argv.slice(2),
];

let chromium = findChromium();
if (!chromium) {
  console.log(
    'No system Chromium found; trying Playwright’s own browser (npx playwright install chromium)…',
  );
  if (run('npx', ['playwright', 'install', 'chromium']) !== 0) {
    console.error(
      'No Chromium is available for the end-to-end tests. Install one, then run npm test again:\n' +
        '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  macOS:         brew install --cask chromium   (or install Google Chrome)\n' +
        '  anywhere with internet: npx playwright install chromium\n' +
        'or point FOLIO_CHROMIUM at a Chromium or Chrome executable.',
    );
    process.exit(1);
  }
}
console.log(
  chromium ? `End-to-end tests use ${chromium}` : 'End-to-end tests use Playwright’s Chromium',
);
process.exit(
  run('npx', playwright, { ...process.env, ...(chromium ? { FOLIO_CHROMIUM: chromium } : {}) }),
);
