import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../program';
import { testIo } from '../test-io';

const BIN = fileURLToPath(new URL('../bin.ts', import.meta.url));
const SCENARIO = fileURLToPath(new URL('../../../../scenarios/ptp-nightly/', import.meta.url));
// tsx's ESM loader (a root devDependency), so the child runs the CLI from source.
const tsxLoader = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'loader.mjs'),
).href;

describe('nightshift emulator', () => {
  it('serves the scenario in the foreground and stops on Ctrl-C (SIGINT)', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@nightshift/source', '--import', tsxLoader, BIN, 'emulator', '--scenario', SCENARIO],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /GitHub API {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m && out.includes('Press Ctrl-C to stop.')) resolve(m[1]!);
      });
      child.on('close', () => reject(new Error(`exited early: ${out}${err}`)));
    });
    expect(out).toContain('clock       2026-08-11T18:00:00.000Z (fixed)');
    const repo = (await (await fetch(`${url}/repos/k8snetworkplumbingwg/ptp-operator`)).json()) as {
      full_name: string;
    };
    expect(repo.full_name).toBe('k8snetworkplumbingwg/ptp-operator');
    const gcs = await fetch(
      `${url}/gcs/test-platform-results/logs/periodic-ci-openshift-release-main-nightly-5.0-e2e-telco5g-ptp/latest-build.txt`,
    );
    expect(await gcs.text()).toMatch(/^\d{19}$/);
    child.kill('SIGINT');
    expect(await closed).toBe(0);
    expect(out).toContain('Emulator stopped.');
  }, 30_000);

  it('exits 2 for a bad port and 3 for a folder that is not a scenario', async () => {
    const t = testIo({ cwd: dirname(BIN) });
    expect(await runCli(['emulator', '--scenario', SCENARIO, '--port', '70000'], t.io)).toBe(2);
    expect(t.stderr()).toContain('--port must be a whole number from 0 to 65535');
    const u = testIo({ cwd: dirname(BIN) });
    expect(await runCli(['emulator', '--scenario', '/nonexistent-scenario'], u.io)).toBe(3);
    expect(u.stderr()).toContain('/nonexistent-scenario');
  });
});
