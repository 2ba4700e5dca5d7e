import { describe, expect, it } from 'vitest';
import { githubActionsSourceSchema } from '../config/index';
import type { CiRun } from '../types';
import { addFailedRun, addPlainRun, addRepo, FAILED_TEST, WORKFLOW } from './__fixtures__/github-scenario';
import { collectInputs, FAST_RETRY, REPO, seen, testClient, useEmulator } from './__fixtures__/harness';
import { createGithubActionsSource } from './github-actions-source';

const start = useEmulator();
const WINDOW = '2026-08-09T00:00:00Z';

function source(emulator: Awaited<ReturnType<typeof start>>, overrides: Record<string, unknown> = {}) {
  const config = githubActionsSourceSchema.parse({
    type: 'github-actions',
    name: 'ptp-operator netdevsim',
    repo: REPO,
    workflow: WORKFLOW,
    artifacts: ['ptp-artifacts-*'],
    ...overrides,
  });
  return createGithubActionsSource(config, { octokit: testClient(emulator), retry: FAST_RETRY });
}

describe('github-actions source: listing runs', () => {
  it('returns runs in the window, oldest first, in_progress ones included and mapped', async () => {
    const emulator = await start();
    addRepo(emulator);
    addPlainRun(emulator, '2026-08-08T10:00:00Z'); // before the window
    const failed = await addFailedRun(emulator, '2026-08-10T10:00:00Z');
    const running = addPlainRun(emulator, '2026-08-11T09:00:00Z', {
      status: 'in_progress',
      conclusion: null,
    });
    const runs = await source(emulator).listRuns({ cursor: null, createdAfter: WINDOW });
    expect(runs.map((r) => r.id)).toEqual([String(failed.id), String(running.id)]);
    expect(runs[0]).toMatchObject({
      source: 'ptp-operator netdevsim',
      sourceType: 'github-actions',
      status: 'completed',
      conclusion: 'failure',
      branch: 'main',
      event: 'workflow_dispatch',
      attempt: 1,
      createdAt: '2026-08-10T10:00:00Z',
      url: `https://github.com/${REPO}/actions/runs/${failed.id}`,
    });
    expect(runs[0]!.completedAt).not.toBeNull();
    expect(runs[1]).toMatchObject({ status: 'in_progress', conclusion: null, completedAt: null });
  });

  it('filters by branch server-side and by several events client-side', async () => {
    const emulator = await start();
    addRepo(emulator);
    const push = addPlainRun(emulator, '2026-08-10T01:00:00Z', { event: 'push' });
    addPlainRun(emulator, '2026-08-10T02:00:00Z', { event: 'pull_request' });
    const schedule = addPlainRun(emulator, '2026-08-10T03:00:00Z', { event: 'schedule' });
    addPlainRun(emulator, '2026-08-10T04:00:00Z', { event: 'push', headBranch: 'release-4.18' });
    const runs = await source(emulator, { branch: 'main', events: ['push', 'schedule'] }).listRuns({
      cursor: null,
      createdAfter: WINDOW,
    });
    expect(runs.map((r) => r.id)).toEqual([String(push.id), String(schedule.id)]);
    expect(seen(emulator, '/runs?').every((r) => r.includes('branch=main') && !r.includes('event='))).toBe(
      true,
    );
  });

  it('costs one request, answered 304, when nothing is new; then finds the next run', async () => {
    const emulator = await start();
    addRepo(emulator);
    const first = addPlainRun(emulator, '2026-08-10T01:00:00Z');
    const latest = addPlainRun(emulator, '2026-08-10T02:00:00Z');
    const src = source(emulator);
    const initial = await src.listRuns({ cursor: null, createdAfter: '2026-08-09T05:00:00Z' });
    expect(initial.map((r) => r.id)).toEqual([String(first.id), String(latest.id)]);
    const cursor = { lastRunId: String(latest.id), lastCompletedAt: initial[1]!.completedAt };

    const before = emulator.requests().length;
    // A later cycle: the lookback start moved by hours, the query (day-rounded) did not.
    expect(await src.listRuns({ cursor, createdAfter: '2026-08-09T11:00:00Z' })).toEqual([]);
    const cycle = emulator.requests().slice(before);
    expect(cycle.map((r) => r.status)).toEqual([304]);

    const next = addPlainRun(emulator, '2026-08-11T08:00:00Z', { conclusion: 'failure' });
    const after = await src.listRuns({ cursor, createdAfter: '2026-08-09T11:00:00Z' });
    expect(after.map((r) => [r.id, r.conclusion])).toEqual([[String(next.id), 'failure']]);
  });

  it('pages until it reaches the cursor, and no further', async () => {
    const emulator = await start();
    addRepo(emulator);
    const ids: number[] = [];
    for (let i = 0; i < 150; i++) {
      const minute = String(i % 60).padStart(2, '0');
      const hour = String(Math.floor(i / 60)).padStart(2, '0');
      ids.push(addPlainRun(emulator, `2026-08-10T${hour}:${minute}:00Z`).id);
    }
    const src = source(emulator);
    const all = await src.listRuns({ cursor: null, createdAfter: WINDOW });
    expect(all.map((r) => Number(r.id))).toEqual(ids);
    expect(seen(emulator, `/workflows/${WORKFLOW}/runs`)).toHaveLength(2);

    const before = emulator.requests().length;
    const recent = await src.listRuns({
      cursor: { lastRunId: String(ids[139]), lastCompletedAt: null },
      createdAfter: WINDOW,
    });
    expect(recent.map((r) => Number(r.id))).toEqual(ids.slice(140));
    expect(emulator.requests().slice(before)).toHaveLength(1);

    const older = await src.listRuns({
      cursor: { lastRunId: String(ids[9]), lastCompletedAt: null },
      createdAfter: WINDOW,
    });
    expect(older.map((r) => Number(r.id))).toEqual(ids.slice(10));
  });

  it('returns a run again when it was re-run after the cursor', async () => {
    const emulator = await start();
    addRepo(emulator);
    const rerun = emulator.state.addWorkflowRun(REPO, {
      workflow: WORKFLOW,
      conclusion: 'success',
      createdAt: '2026-08-10T09:00:00Z',
      previousAttempts: [{ conclusion: 'failure', createdAt: '2026-08-10T06:00:00Z' }],
    });
    const newer = addPlainRun(emulator, '2026-08-10T07:00:00Z');
    const runs = await source(emulator).listRuns({
      cursor: { lastRunId: String(newer.id), lastCompletedAt: '2026-08-10T08:00:00Z' },
      createdAfter: WINDOW,
    });
    expect(runs.map((r) => [r.id, r.attempt, r.conclusion])).toEqual([[String(rerun.id), 2, 'success']]);
    const none = await source(emulator).listRuns({
      cursor: { lastRunId: String(newer.id), lastCompletedAt: '2026-08-10T10:00:00Z' },
      createdAfter: WINDOW,
    });
    expect(none).toEqual([]);
  });

  it('rejects a bad window start or cursor with a clear error', async () => {
    const emulator = await start();
    addRepo(emulator);
    await expect(source(emulator).listRuns({ cursor: null, createdAfter: 'yesterday' })).rejects.toThrow(
      /createdAfter "yesterday" is not a date/,
    );
    await expect(
      source(emulator).listRuns({
        cursor: { lastRunId: 'abc', lastCompletedAt: null },
        createdAfter: WINDOW,
      }),
    ).rejects.toThrow(/lastRunId "abc" is not a run id/);
    await expect(source(emulator).getRun('12; DROP')).rejects.toThrow(/is not a run id/);
  });
});

describe('github-actions source: reading a failed run', () => {
  it('yields failed job logs (job + attempt in the path) and matching artifact entries only', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = await addFailedRun(emulator, '2026-08-10T10:00:00Z');
    const src = source(emulator);
    const ciRun = await src.getRun(String(run.id));
    const inputs = await collectInputs(src.readInputs(ciRun));
    expect(inputs.map((i) => i.path)).toEqual([
      'ptp-test (oc) (attempt 1)',
      'ptp-artifacts-oc.zip!/unit_report_oc_serial.xml',
      'ptp-artifacts-oc.zip!/pod-logs/run_20260810_serial_oc/ptp-operator.log',
    ]);
    expect(inputs[0]!.text).toContain('Timeout to detect metrics for ptpconfig test-slave1');
    expect(inputs[1]!.text).toContain(FAILED_TEST.replace(/"/g, '&#34;').slice(0, 20));
    // The passing job's log and the unmatched artifact were never downloaded.
    const artifactIds = emulator.state.snapshot();
    expect(artifactIds).toBeDefined();
    expect(seen(emulator, '/artifacts/').filter((r) => r.includes('/zip'))).toHaveLength(1);
    expect(seen(emulator, '/logs').filter((r) => r.includes('/jobs/'))).toHaveLength(1);
  });

  it('reads failed jobs of every attempt; cancelled siblings only when the run was cancelled', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = emulator.state.addWorkflowRun(REPO, {
      workflow: WORKFLOW,
      conclusion: 'failure',
      createdAt: '2026-08-10T10:00:00Z',
      previousAttempts: [{ conclusion: 'failure' }],
    });
    emulator.state.addJob(run.id, {
      name: 'ptp-test (oc)',
      runAttempt: 1,
      conclusion: 'failure',
      log: 'attempt one\n',
    });
    emulator.state.addJob(run.id, {
      name: 'ptp-test (oc)',
      runAttempt: 2,
      conclusion: 'failure',
      log: 'attempt two\n',
    });
    emulator.state.addJob(run.id, {
      name: 'ptp-test (bc)',
      runAttempt: 2,
      conclusion: 'cancelled',
      log: 'cancelled\n',
    });
    emulator.state.addJob(run.id, {
      name: 'ptp-test (tgm)',
      runAttempt: 2,
      conclusion: 'timed_out',
      log: 'timed out\n',
    });
    const src = source(emulator);
    const ciRun = await src.getRun(String(run.id));
    const inputs = await collectInputs(src.readInputs(ciRun));
    expect(inputs.map((i) => [i.path, i.text])).toEqual([
      ['ptp-test (oc) (attempt 1)', 'attempt one\n'],
      ['ptp-test (oc) (attempt 2)', 'attempt two\n'],
      ['ptp-test (tgm) (attempt 2)', 'timed out\n'],
    ]);
    const cancelled = await collectInputs(
      src.readInputs({ ...ciRun, conclusion: 'cancelled' } satisfies CiRun),
    );
    expect(cancelled.map((i) => i.path)).toContain('ptp-test (bc) (attempt 2)');
  });

  it('lists attempts with their conclusions', async () => {
    const emulator = await start();
    addRepo(emulator);
    const run = emulator.state.addWorkflowRun(REPO, {
      workflow: WORKFLOW,
      conclusion: 'success',
      createdAt: '2026-08-10T10:00:00Z',
      previousAttempts: [{ conclusion: 'failure' }, { conclusion: 'cancelled' }],
    });
    const src = source(emulator);
    const ciRun = await src.getRun(String(run.id));
    expect(ciRun.attempt).toBe(3);
    expect(await src.listAttempts!(ciRun)).toEqual([
      { attempt: 1, conclusion: 'failure' },
      { attempt: 2, conclusion: 'cancelled' },
      { attempt: 3, conclusion: 'success' },
    ]);
  });
});
