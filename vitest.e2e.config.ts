// Browser tests: real Chromium on the built site (tests/e2e/setup.ts builds and serves it).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/setup.ts'],
    // One browser at a time: the machine has two cores, and the timings tested are real ones.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
