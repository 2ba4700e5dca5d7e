import { defineConfig } from 'vitest/config';

// One vitest run covers every project; each package/app has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
