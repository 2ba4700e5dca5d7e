import { describe, expect, it } from 'vitest';
import { fixedClock, octokitFor, readJson, unzip, useEmulator } from '../test-helpers';

const start = useEmulator();
const repo = { owner: 'octo', repo: 'demo' };

async function seeded() {
  const clock = fixedClock('2024-05-01T12:00:00Z');
  const emulator = await start({ now: clock.now });
  const { state } = emulator;
  state.addRepo({ owner: 'octo', name: 'demo', files: { 'a.txt': 'a\n' } });
  const ok = state.addWorkflowRun('octo/demo', {
    workflow: 'ci.yml',
    createdAt: '2024-04-01T00:00:00Z',
    conclusion: 'success',
  });
  const failed = state.addWorkflowRun('octo/demo', {
    workflow: 'ci.yml',
    createdAt: '2024-04-20T00:00:00Z',
    conclusion: 'failure',
    headBranch: 'main',
    event: 'schedule',
    previousAttempts: [{ conclusion: 'failure', createdAt: '2024-04-19T00:00:00Z' }],
  });
  state.addWorkflowRun('octo/demo', {
    workflow: 'nightly.yml',
    createdAt: '2024-04-21T00:00:00Z',
    status: 'in_progress',
    headBranch: 'dev',
  });
  const firstTry = state.addJob(failed.id, {
    name: 'e2e / ptp: bc',
    runAttempt: 1,
    log: 'attempt 1 failed\n',
  });
  const job = state.addJob(failed.id, {
    name: 'e2e / ptp: bc',
    steps: [
      { name: 'Set up job', conclusion: 'success', log: '2024-04-20T00:00:01.0000000Z setup\n' },
      {
        name: 'Run make functests',
        conclusion: 'failure',
        log: '2024-04-20T00:00:02.0000000Z ##[error]boom\n',
      },
    ],
  });
  const lint = state.addJob(failed.id, { name: 'lint', conclusion: 'success', log: 'ok\n' });
  const artifact = await state.addArtifact(failed.id, {
    name: 'junit',
    files: { 'junit.xml': '<testsuites/>' },
  });
  return { emulator, clock, octokit: octokitFor(emulator), ok, failed, firstTry, job, lint, artifact };
}

describe('actions runs', () => {
  it('lists runs newest first with status, created, branch and event filters', async () => {
    const { octokit, ok, failed } = await seeded();
    const all = await octokit.rest.actions.listWorkflowRunsForRepo(repo);
    expect(all.data.total_count).toBe(3);
    const byWorkflow = await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'ci.yml' });
    expect(byWorkflow.data.workflow_runs.map((run) => run.id)).toEqual([failed.id, ok.id]);
    const failures = await octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, status: 'failure' });
    expect(failures.data.workflow_runs.map((run) => run.id)).toEqual([failed.id]);
    const completed = await octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, status: 'completed' });
    expect(completed.data.total_count).toBe(2);
    const recent = await octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, created: '>=2024-04-10' });
    expect(recent.data.workflow_runs.map((run) => run.conclusion)).toEqual([null, 'failure']);
    const scheduled = await octokit.rest.actions.listWorkflowRunsForRepo({
      ...repo,
      event: 'schedule',
      branch: 'main',
    });
    expect(scheduled.data.workflow_runs.map((run) => run.id)).toEqual([failed.id]);
    await expect(
      octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'missing.yml' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('serves attempts and their jobs (filter=latest|all)', async () => {
    const { octokit, failed, firstTry, job, lint } = await seeded();
    const run = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: failed.id });
    expect(run.data.run_attempt).toBe(2);
    expect(run.data.previous_attempt_url).toContain('/attempts/1');
    const attempt = await octokit.rest.actions.getWorkflowRunAttempt({
      ...repo,
      run_id: failed.id,
      attempt_number: 1,
    });
    expect(attempt.data.run_attempt).toBe(1);
    expect(attempt.data.created_at).toBe('2024-04-19T00:00:00Z');
    const latest = await octokit.rest.actions.listJobsForWorkflowRun({ ...repo, run_id: failed.id });
    expect(latest.data.jobs.map((j) => j.id)).toEqual([job.id, lint.id]);
    const all = await octokit.rest.actions.listJobsForWorkflowRun({
      ...repo,
      run_id: failed.id,
      filter: 'all',
    });
    expect(all.data.total_count).toBe(3);
    const first = await octokit.rest.actions.listJobsForWorkflowRunAttempt({
      ...repo,
      run_id: failed.id,
      attempt_number: 1,
    });
    expect(first.data.jobs.map((j) => j.id)).toEqual([firstTry.id]);
    const one = await octokit.rest.actions.getJobForWorkflowRun({ ...repo, job_id: job.id });
    expect(one.data.steps?.map((step) => step.conclusion)).toEqual(['success', 'failure']);
  });

  it('redirects job logs to a short-lived text URL and answers 410 once expired', async () => {
    const { emulator, clock, octokit, job } = await seeded();
    const headers = { authorization: 'token t' };
    const redirect = await fetch(`${emulator.url}/repos/octo/demo/actions/jobs/${job.id}/logs`, {
      headers,
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location')!;
    const blob = await fetch(location);
    expect(blob.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await blob.text()).toBe(
      '2024-04-20T00:00:01.0000000Z setup\n2024-04-20T00:00:02.0000000Z ##[error]boom\n',
    );
    // Octokit follows the redirect itself.
    const followed = await octokit.rest.actions.downloadJobLogsForWorkflowRun({ ...repo, job_id: job.id });
    expect(String(followed.data)).toContain('##[error]boom');
    clock.advance(61);
    expect((await fetch(location)).status).toBe(403);
    emulator.state.setJobLog(job.id, 'gone', { expired: true });
    await expect(
      octokit.rest.actions.downloadJobLogsForWorkflowRun({ ...repo, job_id: job.id }),
    ).rejects.toMatchObject({ status: 410 });
  });

  it('zips run logs GitHub-style per attempt', async () => {
    const { emulator, failed } = await seeded();
    const headers = { authorization: 'token t' };
    const latest = await fetch(`${emulator.url}/repos/octo/demo/actions/runs/${failed.id}/logs`, { headers });
    expect(latest.headers.get('content-type')).toBe('application/zip');
    const files = await unzip(Buffer.from(await latest.arrayBuffer()));
    expect(Object.keys(files)).toEqual([
      '0_e2e  ptp bc.txt',
      'e2e  ptp bc/1_Set up job.txt',
      'e2e  ptp bc/2_Run make functests.txt',
      '1_lint.txt',
    ]);
    expect(files['e2e  ptp bc/2_Run make functests.txt']).toContain('##[error]boom');
    const first = await fetch(`${emulator.url}/repos/octo/demo/actions/runs/${failed.id}/attempts/1/logs`, {
      headers,
    });
    expect(await unzip(Buffer.from(await first.arrayBuffer()))).toEqual({
      '0_e2e  ptp bc.txt': 'attempt 1 failed\n',
    });
  });

  it('lists artifacts and serves their zips until they expire', async () => {
    const { emulator, octokit, failed, artifact } = await seeded();
    const list = await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: failed.id });
    expect(list.data.artifacts.map((a) => a.name)).toEqual(['junit']);
    expect(list.data.artifacts[0]?.size_in_bytes).toBe(artifact.zip.length);
    const download = await octokit.rest.actions.downloadArtifact({
      ...repo,
      artifact_id: artifact.id,
      archive_format: 'zip',
    });
    expect(await unzip(Buffer.from(download.data as ArrayBuffer))).toEqual({ 'junit.xml': '<testsuites/>' });
    artifact.expired = true;
    const meta = await octokit.rest.actions.getArtifact({ ...repo, artifact_id: artifact.id });
    expect(meta.data.expired).toBe(true);
    await expect(
      octokit.rest.actions.downloadArtifact({ ...repo, artifact_id: artifact.id, archive_format: 'zip' }),
    ).rejects.toMatchObject({
      status: 410,
    });
    void emulator;
  });

  it('keeps a runs listing ETag stable while unrelated state changes, so polling costs no quota', async () => {
    const { emulator, failed } = await seeded();
    const url = `${emulator.url}/repos/octo/demo/actions/workflows/ci.yml/runs?per_page=5`;
    const headers = { authorization: 'token poll' };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag')!;
    emulator.state.addIssue('octo/demo', { title: 'opened by the detector' });
    const quiet = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
    expect(quiet.status).toBe(304);
    expect(quiet.headers.get('x-ratelimit-used')).toBe('1');
    emulator.state.addWorkflowRun('octo/demo', { workflow: 'ci.yml', createdAt: '2024-04-30T00:00:00Z' });
    const changed = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect((await readJson<{ workflow_runs: Array<{ id: number }> }>(changed)).workflow_runs[1]?.id).toBe(
      failed.id,
    );
  });
});
