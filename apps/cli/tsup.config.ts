import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { bundledProfilesModule } from './src/bundled-profiles-build';

// esbuild's types through tsup's (esbuild is tsup's dependency, not this package's).
type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];
type ResolveArgs = Parameters<Parameters<Parameters<EsbuildPlugin['setup']>[0]['onResolve']>[1]>[0];

// `zod/mini` (what @nightshift/log-parsing validates rules with) gets a copy of its own in the bundle.
// esbuild's code splitting puts whole files in chunks, and classic `zod` (MCP SDK, agent-core)
// re-exports zod's core as a namespace, all 40+ locales included: shared with classic, mini's
// files landed in one 668 KB chunk that every `nightshift analyze` loaded and evaluated. Loading
// mini's files in a namespace of their own makes them separate modules, which tree-shake to
// ~30 KB on the analyze path; the classic copy stays in the chunks of the commands that use it.
// The two copies do not share zod's global config: log-parsing sets the locale on its own one.
const ZOD_MINI = 'zod-mini-copy';
const zodMiniCopy: EsbuildPlugin = {
  name: 'zod-mini-copy',
  setup(build) {
    const resolveCopy = async ({ path, resolveDir, kind }: ResolveArgs) => {
      const found = await build.resolve(path, { kind, resolveDir, pluginData: ZOD_MINI });
      if (found.errors.length > 0) return { errors: found.errors };
      // zod's package.json declares its files free of side effects except compile.js (see there).
      return { path: found.path, namespace: ZOD_MINI, sideEffects: /[/\\]compile\.c?js$/.test(found.path) };
    };
    // The first import of zod/mini or zod/locales enters the copy; every import inside it stays there.
    build.onResolve({ filter: /^zod\/(mini|locales)$/ }, (args) =>
      args.pluginData === ZOD_MINI ? undefined : resolveCopy(args),
    );
    build.onResolve({ filter: /.*/, namespace: ZOD_MINI }, resolveCopy);
    build.onLoad({ filter: /.*/, namespace: ZOD_MINI }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      resolveDir: dirname(args.path),
      loader: 'js' as const,
    }));
  },
};

// src/bundled-profiles.ts gets each prompts/<profile>/rules.yaml with its parsed document (see
// there: the bundle skips the YAML parse when the file on disk is unchanged).
const bundledProfiles: EsbuildPlugin = {
  name: 'bundled-profiles',
  setup(build) {
    build.onLoad({ filter: /[/\\]src[/\\]bundled-profiles\.ts$/ }, () => ({
      contents: bundledProfilesModule(join(import.meta.dirname, '../../prompts')),
      loader: 'js' as const,
    }));
  },
};

// commander imports node:child_process (to run executable subcommands, which nightshift has none
// of), node:util (one function, to measure help text) and node:process at its top. Loading them
// is ~60 of Node's own modules (util alone pulls in worker_threads and parseArgs; the ESM face of
// node:process reads process.report) and ~7 ms of every run's start-up. In commander's files the
// three imports become stand-ins that load the real module on first use
// (`process.getBuiltinModule`). The imports are rewritten in the source (tsup settles `node:`
// imports before a plugin could resolve them); a commander release that changes them fails the
// build here instead of silently keeping the cost.
const LAZY_IMPORTS: [string, string][] = [
  [
    "import childProcess from 'node:child_process';",
    "const childProcess = new Proxy({}, { get: (_, key) => process.getBuiltinModule('node:child_process')[key] });",
  ],
  [
    "import { stripVTControlCharacters } from 'node:util';",
    "const stripVTControlCharacters = (text) => process.getBuiltinModule('node:util').stripVTControlCharacters(text);",
  ],
  ["import process from 'node:process';", 'const process = globalThis.process;'],
];
const lazyBuiltinsForCommander: EsbuildPlugin = {
  name: 'lazy-builtins-for-commander',
  setup(build) {
    build.onLoad({ filter: /[/\\]commander[/\\]lib[/\\][^/\\]+\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const [from, to] of LAZY_IMPORTS) contents = contents.replace(from, to);
      // Any import of them left (another form, another line) would silently keep the cost.
      const left =
        /\bfrom\s*['"]node:(child_process|util|process)['"]|import\(\s*['"]node:(child_process|util|process)['"]/.exec(
          contents,
        );
      if (left) throw new Error(`lazy-builtins-for-commander: ${args.path} still has "${left[0]}"`);
      return { contents, loader: 'js' as const };
    });
  },
};

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
  esbuildPlugins: [zodMiniCopy, bundledProfiles, lazyBuiltinsForCommander],
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
