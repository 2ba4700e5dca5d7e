import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '@nightshift/ci-emulator';
import type { DetectorResult } from '@nightshift/failure-detection';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../program';
import { testIo } from '../test-io';

const SCENARIO = fileURLToPath(new URL('../../../../scenarios/ptp-nightly/', import.meta.url));
let dir: string;
let emulator: Emulator | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nightshift-detect-'));
  const config = (workflow: string) =>
    [
      'version: 1',
      'sources:',
      `  - { type: github-actions, name: linuxptp-daemon unit, repo: k8snetworkplumbingwg/linuxptp-daemon, workflow: ${workflow}, branch: main }`,
      'issues: { repository: k8snetworkplumbingwg/ptp-operator, botLogin: nightshift-bot }',
    ].join('\n');
  writeFileSync(join(dir, 'nightshift.yml'), config('test.yml'));
  writeFileSync(join(dir, 'missing-workflow.yml'), config('missing.yml'));
  writeFileSync(join(dir, 'invalid.yml'), 'version: 1\nsources: []\n');
});
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function detect(args: string[], env: Record<string, string> = { GITHUB_TOKEN: 'demo-token' }) {
  emulator ??= await startEmulator({ scenario: SCENARIO });
  const t = testIo({ cwd: dir, env });
  // The scenario's runs are from August 2026: look back far enough whatever today is.
  const code = await runCli(
    ['detect', '--api-url', emulator.githubApiUrl, '--since', '2026-06-01', ...args],
    t.io,
  );
  return { code, stdout: t.stdout(), stderr: t.stderr(), emulator };
}

describe('nightshift detect', () => {
  it('cleans and redacts the progress lines it prints, which quote what sources and config say', async () => {
    const token = `gh${'p_'}${'A1b2C3d4E5f6G7h8I9j0'.repeat(2).slice(0, 36)}`;
    const config = [
      'version: 1',
      'sources:',
      `  - { type: github-actions, name: "unit ${token}", repo: k8snetworkplumbingwg/linuxptp-daemon, workflow: test.yml, branch: main }`,
      'issues: { repository: k8snetworkplumbingwg/ptp-operator, botLogin: nightshift-bot }',
    ].join('\n');
    writeFileSync(join(dir, 'secret-name.yml'), config);
    const { stderr } = await detect(['--config', 'secret-name.yml', '--dry-run']);
    expect(stderr).toContain('unit [REDACTED:github-token]: ');
    expect(stderr).not.toContain(token);
  });

  it('dry run: prints the planned issues as JSON and writes nothing, even without a token', async () => {
    const { code, stdout, emulator } = await detect(
      ['--config', 'nightshift.yml', '--dry-run', '--json'],
      {},
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as DetectorResult;
    const creates = (result.plannedOperations ?? []).flatMap((op) =>
      op.action === 'create-issue' ? [op.title] : [],
    );
    expect(creates).toHaveLength(1);
    expect(creates[0]).toContain('TestApplyNodePtpProfiles');
    expect(emulator.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('opens the issue, prints it per source, and a second cycle creates nothing', async () => {
    const first = await detect(['--config', 'nightshift.yml']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /Issues created in k8snetworkplumbingwg\/ptp-operator: 1\n {2}linuxptp-daemon unit\n {4}#\d+ {2}\[linuxptp-daemon unit\] TestApplyNodePtpProfiles/,
    );
    expect(first.stderr).toContain('nightshift: linuxptp-daemon unit: 2 new run(s)');
    const titles = first.emulator.state.snapshot().repos.flatMap((r) => r.issues.map((i) => i.title));
    expect(titles.some((t) => t.includes('TestApplyNodePtpProfiles'))).toBe(true);

    const second = await detect(['--config', 'nightshift.yml', '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: [], updated: [], runsProcessed: 0 });
  }, 60_000);

  it('exits 1 when every source failed, naming the source', async () => {
    const { code, stdout, stderr } = await detect(['--config', 'missing-workflow.yml']);
    expect(code).toBe(1);
    expect(stdout).toContain('Source errors: 1');
    expect(stdout).toContain('linuxptp-daemon unit:');
    expect(stderr).toContain('every source failed');
  });

  it('exits 2 on usage and configuration errors, 3 on an unreadable config', async () => {
    const noToken = await detect(['--config', 'nightshift.yml'], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('set GITHUB_TOKEN');
    const since = await detect(['--config', 'nightshift.yml', '--since', 'last week']);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since must be an ISO date or a duration');
    const invalid = await detect(['--config', 'invalid.yml']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('sources: watch at least one source');
    const missing = await detect(['--config', 'nope.yml']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('nope.yml');
    expect((await detect(['--config', 'nightshift.yml', '--issue-repo', 'not-a-repo'])).code).toBe(2);
  });
});
