import { defineProject } from 'vitest/config';

// Workspace packages export a `@nightshift/source` condition pointing at src/, so tests run
// against source with no build step.
// Vite's default server conditions, with ours first.
const conditions = ['@nightshift/source', 'module', 'node', 'development|production'];

export function project(name: string, overrides: { testTimeout?: number } = {}) {
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@nightshift/source'] } },
    test: {
      name,
      // bench/: the benchmarks' own logic (tables, verdicts); their measurements run in `pnpm bench`.
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
      testTimeout: overrides.testTimeout ?? 20_000,
    },
  });
}
