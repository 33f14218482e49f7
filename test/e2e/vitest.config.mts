import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Scenarios in the order of their numbers: the first opens the run's first window, whose cold start it prints. */
class ByFileName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

// End-to-end tests: the packaged VSIX in a real VS Code workbench (code-server) driven by
// headless Chromium. The global setup installs the host on first use, builds the VSIX when
// it is stale, and starts one code-server and one browser that every scenario reuses.
export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['test/e2e/scenarios/**/*.test.ts'],
    globalSetup: ['test/e2e/setup/global-setup.ts'],
    // One workbench at a time: two windows would compete for the same 2 cores.
    fileParallelism: false,
    sequence: { sequencer: ByFileName },
    testTimeout: 120_000,
    // Closing a window and taking a failure screenshot happen in test hooks.
    hookTimeout: 30_000,
    teardownTimeout: 60_000,
  },
});
