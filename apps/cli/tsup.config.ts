import { defineConfig } from 'tsup';

// One self-contained ESM file: workspace packages come from their sources (the
// `@nightshift/source` condition), so the binary needs no build of each package first.
export default defineConfig({
  entry: ['src/bin.ts'],
  format: ['esm'],
  target: 'node24',
  platform: 'node',
  clean: true,
  sourcemap: true,
  splitting: false,
  noExternal: [/.*/],
  loader: { '.yaml': 'text' },
  esbuildOptions(options) {
    options.conditions = ['@nightshift/source', 'module', 'import'];
  },
  // The shebang, and a require() for the CommonJS dependencies bundled into ESM. A small young
  // generation keeps peak RSS flat on multi-GB logs (1 GB log: 257 MB → 131 MB) at no cost in
  // speed; it must be a launch flag, V8 ignores it once the heap exists.
  banner: {
    js: "#!/usr/bin/env -S node --max-semi-space-size=4\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
