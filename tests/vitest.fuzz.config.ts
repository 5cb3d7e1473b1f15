import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** `npm run fuzz`: the property tests at full size (CI runs them at 1,000 cases each). */
export default mergeConfig(
  base,
  defineConfig({
    test: { include: ['tests/unit/**/*.property.test.ts'], env: { FOLIO_FUZZ_RUNS: '10000' }, testTimeout: 600_000 },
  }),
);
