// Two projects: "server" (unit and HTTP integration tests against a real PostgreSQL — PGlite
// in memory, or a server when TEST_DATABASE_URL is set) and "browser" (journeys in Chromium).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // No automatic retries: a flaky test must be seen and fixed.
    retry: 0,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts'],
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          pool: 'forks',
          maxWorkers: 1,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
