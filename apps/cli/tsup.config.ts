import { defineConfig } from 'tsup';

// ESM with code splitting: workspace packages come from their sources (the `@nightshift/source`
// condition), so the binary needs no build of each package first. Each command's implementation
// is a dynamic import() (src/program.ts), which esbuild turns into chunks loaded on demand: dist/
// is bin.js plus the chunk files (chunk-*, program-*, run-<command>-*) that must stay beside it.
export default defineConfig({
  entry: ['src/bin.ts'],
  format: ['esm'],
  target: 'node24',
  platform: 'node',
  clean: true,
  sourcemap: true,
  splitting: true,
  noExternal: [/.*/],
  loader: { '.yaml': 'text' },
  esbuildOptions(options) {
    // No 'import' here: esbuild adds 'import' or 'require' by how each module is loaded. Forcing
    // 'import' gave require() calls ESM builds (yazl's require('buffer-crc32') got a namespace
    // without `unsigned`, so `demo` failed from the bundle).
    options.conditions = ['@nightshift/source', 'module'];
  },
  // A require() for the CommonJS dependencies bundled into ESM, in every chunk (esbuild's require
  // shim lives in whichever chunk needs it). The shebang is in src/bin.ts (entry only).
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
