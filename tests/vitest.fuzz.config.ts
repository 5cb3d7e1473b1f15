import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: the property tests at full size (CI runs them at 1,000 cases each). */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.property.test.ts'],
    environment: 'node',
    env: { FOLIO_FUZZ_RUNS: '10000' },
    testTimeout: 600_000,
  },
});
