import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: the server's unit and medium tests (node, PGlite) and the web kit's component tests
// (happy-dom, Testing Library). vite.config.ts (root: web) is for the browser bundle only.
export default defineConfig({
  root: '.',
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['web/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
