import { defineConfig } from 'tsup';

// The committed action bundle: one ESM file with every dependency inlined (the runner does no
// install). `pnpm check:dist` rebuilds it and fails on any difference, so the output must be a
// pure function of the sources: no sourcemaps (they embed paths), no timestamps, no hashes.
export default defineConfig({
  entry: { index: 'src/action.ts' },
  format: ['esm'],
  target: 'node24',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: false,
  splitting: false,
  dts: false,
  bundle: true,
  noExternal: [/.*/],
  loader: { '.yaml': 'text' },
  // Workspace packages resolve to their TypeScript sources: no package build needed first.
  esbuildOptions(options) {
    options.conditions = ['@nightshift/source', 'module', 'import'];
    options.legalComments = 'none';
    options.charset = 'utf8';
  },
  // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
