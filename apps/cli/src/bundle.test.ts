import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../tsup.config';
import { runCli } from './program';
import { testIo } from './test-io';
import { MAGLEV_INVOCATIONS } from './v8-tiers';

// The built binary, as `pnpm --filter @nightshift/cli build` makes it, but in a folder of its own
// (a concurrent benchmark may be rebuilding dist/). It must sit inside the repository: the binary
// finds prompts/ and scenarios/ by walking up from itself.
const appDir = join(import.meta.dirname, '..');
const fixture = join(appDir, 'src/__fixtures__/ptp-oc-job.log');
let outDir: string;

beforeAll(async () => {
  const cache = join(appDir, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'bundle-test-'));
  await build({
    ...config,
    config: false,
    entry: [join(appDir, 'src/bin.ts')],
    tsconfig: join(appDir, 'tsconfig.json'),
    outDir,
    sourcemap: false,
    silent: true,
  });
}, 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Runs the built binary with Node (and `nodeFlags`) from a folder outside the repository. */
function runBuilt(...args: string[]) {
  return runBuiltWith([], ...args);
}

function runBuiltWith(nodeFlags: string[], ...args: string[]) {
  const r = spawnSync(process.execPath, [...nodeFlags, join(outDir, 'bin.js'), ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function runInProcess(...args: string[]) {
  const t = testIo({ cwd: tmpdir() });
  const code = await runCli(args, t.io);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

/** The files Node loads before a command's action runs: `from` and its static imports, transitively. */
function staticClosure(from: string, seen = new Set<string>()): Set<string> {
  if (seen.has(from)) return seen;
  seen.add(from);
  const code = readFileSync(join(outDir, from), 'utf8');
  // `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")` (loaded on use).
  for (const m of code.matchAll(/^import\s+(?:[^"'();]*?\s+from\s+)?"\.\/([^"]+)";/gm)) {
    staticClosure(m[1] as string, seen);
  }
  return seen;
}

/** The Node flags bin.ts gives itself (its shebang): the built binary runs with them. */
const SHEBANG_FLAGS = ['--max-semi-space-size=4'];

describe('the bundled binary (code splitting)', () => {
  it('is an entry with the launch flags in its shebang plus chunks that have none', () => {
    const files = readdirSync(outDir).filter((f) => f.endsWith('.js'));
    expect(readFileSync(join(outDir, 'bin.js'), 'utf8').split('\n')[0]).toBe(
      `#!/usr/bin/env -S node ${SHEBANG_FLAGS.join(' ')}`,
    );
    const chunks = files.filter((f) => f !== 'bin.js');
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks)
      expect(readFileSync(join(outDir, chunk), 'utf8').startsWith('#!')).toBe(false);
  });

  it('runs analyze from any folder with the same output as the sources', async () => {
    const built = runBuilt('analyze', fixture, '--format', 'json');
    const source = await runInProcess('analyze', fixture, '--format', 'json');
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout).failures.length).toBeGreaterThan(0);
    expect(built.stdout).toBe(source.stdout);
  });

  it('writes the whole of a large output through a pipe and keeps the exit code (it exits as soon as runCli settles)', async () => {
    // ~400 KB of JSON written at once, many times a pipe's buffer: without waiting for stdout to
    // drain before process.exit, the reader got the first 64 KiB or so (seen on the Prow tree).
    const dir = mkdtempSync(join(outDir, 'many-'));
    for (let i = 0; i < 2500; i++) writeFileSync(join(dir, `step-${i}.log`), `ok ${i}\n`);
    const built = runBuilt('analyze', dir, '--format', 'json');
    const source = await runInProcess('analyze', dir, '--format', 'json');
    expect({ code: built.code, stderr: built.stderr }).toEqual({ code: source.code, stderr: '' });
    expect(built.stdout.length).toBeGreaterThan(300_000);
    expect(built.stdout).toBe(source.stdout);
    expect(runBuilt('analyze', join(outDir, 'no-such-file.log')).code).toBe(3);
  });

  it('turns TurboFan off for an analyze of less than 512 MiB of named files, and only then', async () => {
    // A sparse file: 600 MiB of NUL bytes on no disk, which analyze skips as binary at once.
    const big = join(outDir, 'big.log');
    writeFileSync(big, 'x\n');
    truncateSync(big, 600 * 1048576);
    const small = join(outDir, 'small.log');
    writeFileSync(small, 'ok\n');
    // Loaded before the binary: reports each V8 flag it sets at run time (v8-tiers.ts).
    const report = join(outDir, 'report-v8-flags.mjs');
    writeFileSync(
      report,
      "import v8 from 'node:v8';\nconst set = v8.setFlagsFromString;\nv8.setFlagsFromString = (flags) => { process.stderr.write('V8FLAGS ' + flags + '\\n'); set(flags); };\n",
    );
    const run = (file: string) =>
      runBuiltWith([...SHEBANG_FLAGS, '--import', report], 'analyze', file, '--format', 'json');
    const all = run(big);
    expect(all.stderr.match(/V8FLAGS .*/g)).toBeNull();
    const source = await runInProcess('analyze', big, '--format', 'json');
    expect(all.code).toBe(source.code);
    expect(all.stdout).toBe(source.stdout);
    const maglevOnly = `V8FLAGS --no-turbofan --invocation-count-for-maglev=${MAGLEV_INVOCATIONS}`;
    expect(run(small).stderr.match(/V8FLAGS .*/g)).toEqual([maglevOnly]);
    // group too; commands that are not one pass over an input (servers, the demo) never do.
    const records = join(outDir, 'records.jsonl');
    writeFileSync(records, '{"test":"t","message":"m"}\n');
    const group = runBuiltWith([...SHEBANG_FLAGS, '--import', report], 'group', records);
    expect(group.stderr.match(/V8FLAGS .*/g)).toEqual([maglevOnly]);
    expect(runBuiltWith(['--import', report], '--version').stderr).toBe('');
  });

  it("keeps Node's own code cache: no launch flag makes V8 refuse it", () => {
    // A code-generation flag in the shebang (as `--max-opt=2` was) made every one of Node's
    // modules loaded after start-up compile from source, ~0.02 s per run (v8-tiers.ts).
    const r = spawnSync(process.execPath, [...SHEBANG_FLAGS, join(outDir, 'bin.js'), 'analyze', fixture], {
      encoding: 'utf8',
      env: { ...process.env, NODE_DEBUG_NATIVE: 'CODE_CACHE' },
    });
    expect(r.status).toBe(0);
    const verdicts = r.stderr.match(/^Code cache of \S+ .*is (accepted|rejected)$/gm) ?? [];
    expect(verdicts.length).toBeGreaterThan(10);
    expect(verdicts.filter((line) => line.endsWith('rejected'))).toEqual([]);
  });

  it('analyzes alike without WebAssembly (node --jitless): the scan kernel falls back to JavaScript', () => {
    const built = runBuilt('analyze', fixture, '--format', 'json');
    const jitless = runBuiltWith(['--jitless'], 'analyze', fixture, '--format', 'json');
    expect(jitless.stderr).toBe('');
    expect(jitless.code).toBe(0);
    expect(jitless.stdout).toBe(built.stdout);
  });

  it('prints the same help and the same usage errors as the sources', async () => {
    for (const args of [
      ['--help'],
      ['analyze', '--help'],
      ['mcp', '--help'],
      ['analyze', '-f', 'xml', fixture],
    ]) {
      const built = runBuilt(...args);
      const source = await runInProcess(...args);
      expect({ args, ...built }).toEqual({ args, ...source });
    }
  });

  it('embeds each profile rules file with its parsed document (the YAML parse is skipped at start)', () => {
    const chunks = readdirSync(outDir).filter((f) => f.endsWith('.js'));
    const holder = chunks.find((f) => readFileSync(join(outDir, f), 'utf8').includes('BUNDLED_PROFILES = {'));
    expect(holder).toBeDefined();
    const code = readFileSync(join(outDir, holder!), 'utf8');
    expect(code).toMatch(/BUNDLED_PROFILES = \{\s*"?ptp"?: \{\s*"?source"?:/);
    expect(code).toContain('"document"');
  });

  it('stops quietly when its reader closes the pipe early (nightshift --help | head -1)', () => {
    // The reader closes its end at once and lingers, so the binary's first write fails with EPIPE
    // every time (a real `head -1` only sometimes exits before the last write).
    const script = `"${process.execPath}" "${join(outDir, 'bin.js')}" analyze --help | { exec 0<&-; sleep 1; }; exit \${PIPESTATUS[0]}`;
    const r = spawnSync('bash', ['-c', script], { cwd: tmpdir(), encoding: 'utf8' });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('runs the demo: the emulator and the detector, whose CommonJS dependencies get their require() builds', () => {
    const out = mkdtempSync(join(tmpdir(), 'nightshift-bundle-demo-'));
    try {
      const built = runBuilt('demo', '--json', '--out', out);
      expect(built.code, built.stderr).toBe(0);
      const report = JSON.parse(built.stdout) as {
        cycles: { writes: number; result: { created: unknown[] } }[];
      };
      expect(report.cycles[0]?.result.created.length).toBeGreaterThan(0);
      expect(report.cycles[1]).toMatchObject({ writes: 0, result: { created: [] } });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("leaves Node's child_process, crypto, worker_threads and parseArgs unloaded on an analyze", () => {
    // commander's imports of the first two are stand-ins (tsup.config.ts), and log-parsing hashes
    // in JavaScript until a run has hashed many texts (sha256-hex16.ts): together ~60 of Node's
    // own modules that start-up no longer loads.
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-modules-'));
    try {
      const log = join(dir, 'passing.log');
      const report = join(dir, 'report.mjs');
      writeFileSync(log, '2026-07-08T00:00:00.0000000Z all good\n');
      writeFileSync(
        report,
        "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));\n",
      );
      const loaded = (...args: string[]) => {
        const r = spawnSync(process.execPath, ['--import', report, join(outDir, 'bin.js'), ...args], {
          cwd: tmpdir(),
          encoding: 'utf8',
        });
        return JSON.parse(r.stderr.slice(r.stderr.indexOf('["'))) as string[];
      };
      // Node loads `util` itself; importing it as ESM also builds its namespace, whose getters load
      // parseArgs and worker_threads: those are what must be missing.
      const analyze = loaded('analyze', log, '--format', 'json');
      for (const name of [
        'child_process',
        'crypto',
        'worker_threads',
        'internal/util/parse_args/parse_args',
      ]) {
        expect(analyze).not.toContain(`NativeModule ${name}`);
      }
      // A failure's fingerprint is a SHA-256: the fixture's few failures are hashed without it.
      expect(loaded('analyze', fixture, '--format', 'json')).not.toContain('NativeModule crypto');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads no GitHub client, MCP SDK, emulator or detector code before analyze and group run', () => {
    const entry = readFileSync(join(outDir, 'bin.js'), 'utf8');
    const programChunk = /import\("\.\/(program-[^"]+)"\)/.exec(entry)?.[1];
    expect(programChunk).toBeDefined();
    for (const command of ['run-analyze-', 'run-group-']) {
      const run = readdirSync(outDir).find((f) => f.startsWith(command));
      expect(run).toBeDefined();
      const loaded = new Set([
        ...staticClosure('bin.js'),
        ...staticClosure(programChunk!),
        ...staticClosure(run!),
      ]);
      // esbuild heads each bundled module with a comment naming its source path.
      const sources = [...loaded].flatMap((f) =>
        [...readFileSync(join(outDir, f), 'utf8').matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1] as string),
      );
      expect(sources.some((s) => s.includes('packages/log-parsing/src/'))).toBe(true);
      const unwanted = sources.filter((s) =>
        /@octokit|@modelcontextprotocol|bottleneck|packages\/(github-ops|failure-detection|ci-emulator)\/|apps\/detector-action\//.test(
          s,
        ),
      );
      expect({ command, unwanted }).toEqual({ command, unwanted: [] });
    }
  });
});
