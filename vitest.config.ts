import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the app pages for the browser tests when they are missing or older than their sources.
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests create their own temporary data directories; nothing is shared between files.
    fileParallelism: true,
  },
});
