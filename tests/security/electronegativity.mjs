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
// SARIF, not CSV: the tool writes its CSV header and its rows with two unordered async
// writes, so the header sometimes lands on top of the rows (a row with no file column, or
// none at all). Its SARIF report is one write.
const report = path.join(out, 'findings.sarif');
const bin = path.join(root, 'node_modules/.bin/electronegativity');
const run = spawnSync(
  bin,
  ['-i', path.join(root, 'electron'), '-o', report, '-r', '-v', 'false', '-e', electronVersion],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(run.status ?? 1);
}
const text = readFileSync(report, 'utf8');
rmSync(out, { recursive: true, force: true });
const findings = parseFindings(text);

/** Each SARIF result as {check, level, file, line}; anything else stops the audit, printed. */
function parseFindings(sarif) {
  let results;
  try {
    results = JSON.parse(sarif).runs[0].results;
  } catch (error) {
    fail(`Electronegativity wrote a report that is not SARIF (${error.message}):\n${sarif}`);
  }
  if (!Array.isArray(results)) fail(`Electronegativity's report has no results list:\n${sarif}`);
  return results.map((result) => {
    const location = result?.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri;
    const line = location?.region?.startLine;
    if (typeof result?.ruleId !== 'string' || typeof uri !== 'string' || !Number.isInteger(line))
      fail(
        `Electronegativity reported a finding without a check, file or line:\n${JSON.stringify(result, null, 2)}`,
      );
    // The tool gives checks without a location (the CSP one) the uri file:///.
    return {
      check: result.ruleId,
      level: result.level,
      file: uri === 'file:///' ? null : uri,
      line,
    };
  });
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const unjustified = [];
for (const { check, level, file, line } of findings) {
  const where = file ?? 'protocol.ts';
  const lines = readFileSync(path.join(root, 'electron', where), 'utf8').split('\n');
  const nearby = file ? lines.slice(Math.max(0, line - 6), line) : lines;
  if (!nearby.join('\n').includes(`electronegativity: ${check}`))
    unjustified.push(`${check} (${level}) at electron/${where}${file ? `:${line}` : ''}`);
}
console.log(
  `Electronegativity ${electronVersion}: ${findings.length} findings, ${findings.length - unjustified.length} justified next to the code.`,
);
if (unjustified.length) {
  console.error(
    `Unjustified findings (fix them, or explain with a comment "electronegativity: <CHECK> — why" next to the code):\n  ${unjustified.join('\n  ')}`,
  );
  process.exit(1);
}
