import { gzipSync } from 'node:zlib';
import { RateLimitedError } from '@nightshift/github-ops';
import { describe, expect, it } from 'vitest';
import { githubActionsSourceSchema } from '../config/index';
import {
  addFailedRun,
  addPlainRun,
  addRepo,
  JUNIT_OC,
  LOG_OC,
  WORKFLOW,
} from './__fixtures__/github-scenario';
import { collectInputs, FAST_RETRY, REPO, testClient, useEmulator } from './__fixtures__/harness';
import { createGithubActionsSource } from './github-actions-source';

const start = useEmulator();
type Emu = Awaited<ReturnType<typeof start>>;
const WINDOW = '2026-08-09T00:00:00Z';
const RUNS_ROUTE = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs';
const DOWNLOAD_ROUTE = 'GET /_downloads/{token}';

function source(emulator: Emu) {
  const config = githubActionsSourceSchema.parse({
    type: 'github-actions',
    name: 'netdevsim',
    repo: REPO,
    workflow: WORKFLOW,
    artifacts: ['ptp-artifacts-*'],
  });
  return createGithubActionsSource(config, { octokit: testClient(emulator), retry: FAST_RETRY });
}

async function inputsOf(emulator: Emu, runId: number) {
  const src = source(emulator);
  return collectInputs(src.readInputs(await src.getRun(String(runId))));
}

describe('github-actions source under faults', () => {
  it('rides out a 502 burst on the run listing', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = addPlainRun(emulator, '2026-08-10T01:00:00Z');
    emulator.faults.add({ route: RUNS_ROUTE, status: 502, times: 2 });
    const runs = await source(emulator).listRuns({ cursor: null, createdAfter: WINDOW });
    expect(runs.map((r) => r.id)).toEqual([String(run.id)]);
    expect(emulator.requests().map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('waits out a secondary rate limit on the jobs listing', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T01:00:00Z');
    emulator.faults.add({
      route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      secondaryRateLimit: true,
      retryAfter: 1,
      times: 1,
    });
    const inputs = await inputsOf(emulator, run.id);
    expect(inputs.map((i) => i.path)).toContain('ptp-test (oc) (attempt 1)');
    expect(emulator.requests().some((r) => r.status === 403)).toBe(true);
  });

  it('turns an expired job log (410) into an error item and still reads the artifacts', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T01:00:00Z');
    const job = [...emulator.state.world.jobs.values()].find(
      (j) => j.runId === run.id && j.name === 'ptp-test (oc)',
    )!;
    emulator.state.setJobLog(job.id, LOG_OC, { expired: true });
    const inputs = await inputsOf(emulator, run.id);
    expect(inputs[0]).toEqual({
      path: 'ptp-test (oc) (attempt 1)',
      error: expect.stringMatching(/^job log of "ptp-test \(oc\) \(attempt 1\)": .*410/),
    });
    expect(inputs.filter((i) => i.text !== undefined).map((i) => i.path)).toContain(
      'ptp-artifacts-oc.zip!/unit_report_oc_serial.xml',
    );
  });

  it('reports an artifact whose download is cut off, after retrying, and keeps the rest', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T01:00:00Z');
    await emulator.state.addArtifact(run.id, {
      name: 'ptp-artifacts-tgm',
      files: { 'unit_report_tgm_serial.xml': JUNIT_OC },
    });
    // Download 1 is the job log, 2-4 the first artifact (3 attempts): all cut; the next one is whole.
    emulator.faults.add({ route: DOWNLOAD_ROUTE, truncateBody: true, after: 1, times: 3 });
    const inputs = await inputsOf(emulator, run.id);
    expect(inputs.map((i) => i.path)).toEqual([
      'ptp-test (oc) (attempt 1)',
      'ptp-artifacts-oc.zip',
      'ptp-artifacts-tgm.zip!/unit_report_tgm_serial.xml',
    ]);
    expect(inputs[1]!.error).toMatch(
      /^artifact ptp-artifacts-oc\.zip: download failed or was cut off .*; not analysed$/,
    );
    expect(inputs[2]!.text).toBe(JUNIT_OC);
  });

  it('recovers when a cut-off download succeeds on retry', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T01:00:00Z');
    emulator.faults.add({ route: DOWNLOAD_ROUTE, truncateBody: true, after: 1, times: 1 });
    const inputs = await inputsOf(emulator, run.id);
    expect(inputs.every((i) => i.error === undefined)).toBe(true);
    expect(inputs.map((i) => i.path)).toContain('ptp-artifacts-oc.zip!/unit_report_oc_serial.xml');
  });

  it('names a truncated artifact zip and analyses the other artifacts', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T01:00:00Z');
    const whole = [...emulator.state.world.artifacts.values()].find(
      (a) => a.name === 'ptp-artifacts-oc',
    )!.zip;
    await emulator.state.addArtifact(run.id, {
      name: 'ptp-artifacts-bc',
      zip: whole.subarray(0, Math.floor(whole.length / 2)),
    });
    const inputs = await inputsOf(emulator, run.id);
    const broken = inputs.filter((i) => i.path.startsWith('ptp-artifacts-bc'));
    expect(broken).toEqual([
      {
        path: 'ptp-artifacts-bc.zip',
        error: expect.stringMatching(/ptp-artifacts-bc\.zip.*not a valid zip archive, or truncated/),
      },
    ]);
    expect(
      inputs.some((i) => i.path === 'ptp-artifacts-oc.zip!/unit_report_oc_serial.xml' && i.text === JUNIT_OC),
    ).toBe(true);
  });

  it('inflates gzip entries and reports binary ones', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = addPlainRun(emulator, '2026-08-10T01:00:00Z', { conclusion: 'failure' });
    await emulator.state.addArtifact(run.id, {
      name: 'ptp-artifacts-oc',
      files: {
        'junit.xml.gz': gzipSync(JUNIT_OC),
        'screenshot.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      },
    });
    const inputs = await inputsOf(emulator, run.id);
    expect(inputs.find((i) => i.path.endsWith('junit.xml.gz'))?.text).toBe(JUNIT_OC);
    expect(inputs.find((i) => i.path.endsWith('screenshot.png'))?.error).toMatch(/looks binary.*skipped/);
  });

  it('propagates a rate limit that does not lift (the run is retried next cycle)', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T01:00:00Z');
    const src = source(emulator);
    const ciRun = await src.getRun(String(run.id));
    emulator.faults.add({
      route: 'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
      status: 403,
      retryAfter: 600,
    });
    const error = await collectInputs(src.readInputs(ciRun)).catch((e: unknown) => e);
    expect(RateLimitedError.isInstance(error)).toBe(true);
  });

  it('reads the same run twice with identical results (the second time through 304s)', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T01:00:00Z');
    const src = source(emulator);
    const ciRun = await src.getRun(String(run.id));
    const first = await collectInputs(src.readInputs(ciRun));
    const second = await collectInputs(src.readInputs(ciRun));
    expect(second).toEqual(first);
    expect(emulator.requests().filter((r) => r.status === 304).length).toBeGreaterThan(0);
  });
});
