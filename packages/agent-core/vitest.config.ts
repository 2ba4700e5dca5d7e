import { defineProject, mergeConfig } from 'vitest/config';
import { project } from '../../vitest.shared';

// TEMPORARY alias until log-parsing lands.
export default mergeConfig(
  project('agent-core'),
  defineProject({
    resolve: {
      alias: {
        '@nightshift/log-parsing': new URL('./src/__fixtures__/TEMP-log-parsing-shim.ts', import.meta.url)
          .pathname,
      },
    },
  }),
);
