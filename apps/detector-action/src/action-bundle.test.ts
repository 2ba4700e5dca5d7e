import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '@nightshift/ci-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { startPtpScenario, writes } from './__fixtures__/harness';

// The committed bundle, run the way the runner runs it: `node dist/index.js` with INPUT_* and the
// GITHUB_* files. `pnpm check:dist` keeps it equal to the sources.
const BUNDLE = fileURLToPath(new URL('../dist/index.js', import.meta.url));

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

function config(workflow: string): string {
  return [
    'version: 1',
    'sources:',
    `  - { type: github-actions, name: linuxptp-daemon unit, repo: k8snetworkplumbingwg/linuxptp-daemon, workflow: ${workflow}, branch: main }`,
    'issues: { repository: k8snetworkplumbingwg/ptp-operator, botLogin: nightshift-bot }',
  ].join('\n');
}

async function runBundle(emulator: Emulator, configText: string) {
  const dir = mkdtempSync(join(tmpdir(), 'nightshift-action-'));
  writeFileSync(join(dir, 'nightshift.yml'), configText);
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'k8snetworkplumbingwg/ptp-operator',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    INPUT_CONFIG: 'nightshift.yml',
    INPUT_TOKEN: 'demo-token',
    'INPUT_API-URL': emulator.githubApiUrl,
    // The scenario's runs are from August 2026: look back far enough whatever today is.
    INPUT_LOOKBACK: '2026-06-01',
  };
  const child = spawn(process.execPath, [BUNDLE], { env, cwd: dir });
  let stdout = '';
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    output: readFileSync(join(dir, 'output'), 'utf8'),
    summary: readFileSync(join(dir, 'summary'), 'utf8'),
  };
}

/** `name<<delimiter\nvalue\ndelimiter` entries of a GITHUB_OUTPUT file. */
function outputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of file.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

describe('the action bundle (dist/index.js)', () => {
  it('opens the issue, sets outputs and writes the job summary', async () => {
    emulator = await startPtpScenario();
    const run = await runBundle(emulator, config('test.yml'));
    expect(run.code, run.stdout).toBe(0);
    const out = outputs(run.output);
    expect(out.created).toBe('1');
    expect(out['runs-processed']).toBe('2');
    const [issue] = JSON.parse(out.issues ?? '[]') as { number: number; title: string; action: string }[];
    expect(issue).toMatchObject({ action: 'created' });
    expect(issue?.title).toContain('TestApplyNodePtpProfiles');
    expect(run.summary).toContain('## Nightshift detector');
    expect(run.summary).toContain(`[#${issue?.number}]`);
    expect(writes(emulator)).toContain('POST /repos/{owner}/{repo}/issues');
    // The token is registered as a secret (the runner masks it) and appears nowhere else.
    const lines = run.stdout.split('\n');
    expect(lines).toContain('::add-mask::demo-token');
    expect(lines.filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain('demo-token');
  }, 60_000);

  it('fails the step when every source failed, naming the error', async () => {
    emulator = await startPtpScenario();
    const run = await runBundle(emulator, config('missing.yml'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::warning::linuxptp-daemon unit:');
    expect(run.stdout).toContain('::error::every source failed');
    expect(outputs(run.output)['source-errors']).toBe('1');
  }, 60_000);
});
