#!/usr/bin/env node
// Runs Electronegativity over electron/ and fails unless every finding is justified where it
// occurs: a comment `electronegativity: <CHECK_ID> — why` on the finding's line or within the
// five lines above it (the CSP check, which has no location, is justified in electron/protocol.ts).
// The tool is offline-safe: it only warns when it cannot fetch Electron's release list.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const out = mkdtempSync(path.join(os.tmpdir(), 'folio-electronegativity-'));
const csv = path.join(out, 'findings.csv');
const bin = path.join(root, 'node_modules/.bin/electronegativity');
const run = spawnSync(
  bin,
  ['-i', path.join(root, 'electron'), '-o', csv, '-r', '-v', 'false', '-e', electronVersion],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(run.status ?? 1);
}

/** RFC 4180-ish: quoted fields may hold commas and line breaks (multi-line code samples). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell.trim());
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

const rows = parseCsv(readFileSync(csv, 'utf8')).slice(1);
rmSync(out, { recursive: true, force: true });
const unjustified = [];
for (const [check, severity, , file, location] of rows) {
  const where = file === 'N/A' ? 'protocol.ts' : file;
  const lines = readFileSync(path.join(root, 'electron', where), 'utf8').split('\n');
  const line = file === 'N/A' ? lines.length : Number(location.split(':')[0]);
  const nearby = lines.slice(Math.max(0, line - 6), line).join('\n');
  const anywhere = file === 'N/A' ? lines.join('\n') : nearby;
  if (!anywhere.includes(`electronegativity: ${check}`))
    unjustified.push(`${check} (${severity}) at electron/${where}:${location}`);
}
console.log(
  `Electronegativity ${electronVersion}: ${rows.length} findings, ${rows.length - unjustified.length} justified next to the code.`,
);
if (unjustified.length) {
  console.error(
    `Unjustified findings (fix them, or explain with a comment "electronegativity: <CHECK> — why" next to the code):\n  ${unjustified.join('\n  ')}`,
  );
  process.exit(1);
}
