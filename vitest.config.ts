import { defineConfig } from 'vitest/config';

// Unit and medium tests; vite.config.ts (root: web) is for the browser bundle only.
export default defineConfig({
  root: '.',
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
