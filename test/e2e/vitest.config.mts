import { defineConfig } from 'vitest/config';

// End-to-end tests: the packaged VSIX in a real VS Code workbench (code-server) driven by
// headless Chromium. One code-server and one browser serve every scenario, one at a time.
export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['test/e2e/scenarios/**/*.test.ts'],
    globalSetup: ['test/e2e/setup/global-setup.ts'],
    fileParallelism: false,
    // The first run installs the host (2-3 minutes) and may build the VSIX.
    hookTimeout: 600_000,
    testTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
