import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** The same specs run in two hosts; see tests/e2e/fixtures.ts. */
export default defineConfig({
  testDir: './specs',
  outputDir: `${repo}/test-results/e2e`,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list'], ['json', { outputFile: `${repo}/test-results/e2e.json` }]],
  projects: [
    { name: 'chromium-host', metadata: { host: 'chromium' } },
    { name: 'electron-host', metadata: { host: 'electron' } },
  ],
});
