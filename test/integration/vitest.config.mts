import { defineConfig } from 'vitest/config';

// Integration tests against real systems: one PostgreSQL for the run, real
// `next build`s. Files run one at a time so the load numbers are not skewed
// by a build on the other core.
export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
