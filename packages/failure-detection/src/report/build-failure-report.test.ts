import { builtinRules, createClassifier } from '@nightshift/log-parsing';
import { describe, expect, it } from 'vitest';
import { githubActionsSourceSchema, prowSourceSchema } from '../config/index';
import {
  addFailedRun,
  addPlainRun,
  addRepo,
  FAILED_TEST,
  LOG_OC,
  WORKFLOW,
} from '../sources/__fixtures__/github-scenario';
import { FAST_RETRY, REPO, testClient, useEmulator } from '../sources/__fixtures__/harness';
import { FIXTURE_BUILDS, FIXTURE_JOB, loadProwFixture } from '../sources/__fixtures__/load-prow-fixture';
import { createGithubActionsSource } from '../sources/github-actions-source';
import { createProwSource } from '../sources/prow-source';
import { buildFailureReport } from './build-failure-report';

const start = useEmulator();
type Emu = Awaited<ReturnType<typeof start>>;
const classifier = createClassifier(builtinRules);

function github(emulator: Emu) {
  const config = githubActionsSourceSchema.parse({
    type: 'github-actions',
    name: 'netdevsim',
    repo: REPO,
    workflow: WORKFLOW,
    artifacts: ['ptp-artifacts-*'],
  });
  return createGithubActionsSource(config, { octokit: testClient(emulator), retry: FAST_RETRY });
}

function prow(emulator: Emu) {
  const config = prowSourceSchema.parse({
    type: 'prow',
    name: 'nightly 5.0',
    job: FIXTURE_JOB,
    gcsBaseUrl: emulator.gcsUrl,
  });
  return createProwSource(config, { retry: { baseDelayMs: 1 } });
}

async function githubReport(emulator: Emu, runId: number) {
  const source = github(emulator);
  return buildFailureReport(await source.getRun(String(runId)), source, { classifier });
}

describe('buildFailureReport', () => {
  it('reports the failed JUnit test of a GitHub run (the structured report names it)', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T10:00:00Z');
    const report = await githubReport(emulator, run.id);
    expect(report.run.id).toBe(String(run.id));
    expect(report.analysis.status).toBe('failed');
    const group = report.groups.find((g) => g.tests.includes(FAILED_TEST));
    expect(group).toBeDefined();
    expect(group!.key).toBe(`fp:${group!.primary.fingerprint}`);
    expect(group!.primary.message).toContain('Timeout to detect metrics for ptpconfig test-slave1');
    expect(report.analysis.inputs.map((i) => i.path)).toContain(
      'ptp-artifacts-oc.zip!/unit_report_oc_serial.xml',
    );
  });

  it('turns a Prow [SynchronizedBeforeSuite] cascade into one sig: group led by the real failure', async () => {
    const emulator = await start();
    await loadProwFixture(emulator.state);
    const source = prow(emulator);
    const report = await buildFailureReport(await source.getRun(FIXTURE_BUILDS[0]), source, { classifier });
    const setup = report.groups.filter((g) => g.tests.includes('[SynchronizedBeforeSuite]'));
    expect(setup).toHaveLength(1);
    expect(setup[0]!.key).toBe(`sig:${setup[0]!.signature}`);
    expect(setup[0]!.primary.message).toContain('linuxptp-daemon');
    expect(setup[0]!.primary.message).not.toContain('failed on Ginkgo parallel process');
  });

  it('gives a failed Prow build with no test results exactly one job-level group', async () => {
    const emulator = await start();
    await loadProwFixture(emulator.state);
    const source = prow(emulator);
    const report = await buildFailureReport(await source.getRun(FIXTURE_BUILDS[1]), source, { classifier });
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.tests).toEqual([]);
    expect(report.groups[0]!.primary.test).toBeNull();
  });

  it('synthesises a stable run-level failure when every log is gone, naming what could not be read', async () => {
    const emulator = await start();
    addRepo(emulator);
    const reports = [];
    for (const createdAt of ['2026-08-10T10:00:00Z', '2026-08-11T10:00:00Z']) {
      const run = addPlainRun(emulator, createdAt, { conclusion: 'failure' });
      const job = [...emulator.state.world.jobs.values()].find((j) => j.runId === run.id)!;
      emulator.state.setJobLog(job.id, LOG_OC, { expired: true });
      reports.push(await githubReport(emulator, run.id));
    }
    const [first, second] = reports;
    expect(first!.analysis.status).toBe('failed');
    expect(first!.groups).toHaveLength(1);
    expect(first!.groups[0]!.primary).toMatchObject({
      test: null,
      kind: 'job',
      category: 'unknown',
      message: 'run failed; none of its logs or artifacts could be read',
      evidence: [{ path: 'ptp-test (oc) (attempt 1)', line: 0, text: expect.stringContaining('410') }],
    });
    expect(second!.groups[0]!.key).toBe(first!.groups[0]!.key);
  });

  it('says a timed-out run had no recognisable failure when its logs hold none', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = addPlainRun(emulator, '2026-08-10T10:00:00Z', { conclusion: 'timed_out' });
    const report = await githubReport(emulator, run.id);
    expect(report.groups.map((g) => g.primary.message)).toEqual([
      'run timed out with no recognisable failure in its logs',
    ]);
  });

  it('reports nothing for a successful run', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = addPlainRun(emulator, '2026-08-10T10:00:00Z');
    const report = await githubReport(emulator, run.id);
    expect(report.groups).toEqual([]);
    expect(report.analysis.failures).toEqual([]);
  });

  it('propagates a failure to list the run inputs, so the run can be retried', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T10:00:00Z');
    const source = github(emulator);
    const ciRun = await source.getRun(String(run.id));
    emulator.faults.add({ route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', status: 500 });
    await expect(buildFailureReport(ciRun, source, { classifier })).rejects.toThrow();
  });
});
