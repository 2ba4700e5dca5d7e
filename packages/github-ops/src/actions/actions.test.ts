import { buildZip } from '@nightshift/ci-emulator';
import { readLines } from '@nightshift/log-parsing';
import { describe, expect, it } from 'vitest';
import { seen, testClient, useTestEmulator } from '../__fixtures__/harness';
import { patchEntryName } from '../__fixtures__/zips';
import { ExpiredError, TooLargeError } from '../errors/github-error';
import { downloadArtifact, listRunArtifacts, readArtifactFiles } from './artifacts';
import { getJob, listJobsForRun } from './jobs';
import { viewLog } from './log-view';
import { downloadRunLogs, openJobLog, readRunLogEntries } from './logs';
import { getWorkflowRun, listWorkflowRuns, listWorkflows } from './runs';

const REPO = { owner: 'acme', repo: 'widgets' };
const emulator = await useTestEmulator(({ state }) => {
  state.addRepo({ owner: 'acme', name: 'widgets', files: { 'README.md': 'hi\n' } });
});

async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

describe('workflow runs and jobs', () => {
  it('lists runs with status, created>=, branch and event filters', async () => {
    const s = emulator.state;
    s.addWorkflowRun('acme/widgets', {
      workflow: 'ci.yml',
      conclusion: 'failure',
      createdAt: '2025-01-01T00:00:00Z',
    });
    s.addWorkflowRun('acme/widgets', {
      workflow: 'ci.yml',
      conclusion: 'success',
      createdAt: '2025-01-02T00:00:00Z',
    });
    s.addWorkflowRun('acme/widgets', {
      workflow: 'ci.yml',
      conclusion: 'failure',
      createdAt: '2025-01-03T00:00:00Z',
      event: 'schedule',
    });
    s.addWorkflowRun('acme/widgets', {
      workflow: 'nightly.yml',
      conclusion: 'failure',
      createdAt: '2025-01-04T00:00:00Z',
    });
    const client = testClient(emulator);
    expect(await listWorkflowRuns(client, REPO)).toHaveLength(4);
    const failures = await listWorkflowRuns(client, REPO, { workflow: 'ci.yml', status: 'failure' });
    expect(failures.map((r) => r.created_at).sort()).toEqual([
      '2025-01-01T00:00:00Z',
      '2025-01-03T00:00:00Z',
    ]);
    const recent = await listWorkflowRuns(client, REPO, { createdSince: '2025-01-02T12:00:00Z' });
    expect(recent.map((r) => r.created_at).sort()).toEqual(['2025-01-03T00:00:00Z', '2025-01-04T00:00:00Z']);
    expect(await listWorkflowRuns(client, REPO, { event: 'schedule' })).toHaveLength(1);
    expect(await listWorkflowRuns(client, REPO, { branch: 'no-such-branch' })).toHaveLength(0);
    expect(seen(emulator, 'created=%3E%3D2025-01-02T12').length).toBe(1);
    expect((await listWorkflows(client, REPO)).map((w) => w.path).sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/nightly.yml',
    ]);
  });

  it('paginates runs past 100 and stops at the limit', async () => {
    for (let i = 0; i < 130; i++) emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml' });
    const client = testClient(emulator);
    expect(await listWorkflowRuns(client, REPO, { limit: 500 })).toHaveLength(130);
    expect(await listWorkflowRuns(client, REPO, { limit: 20 })).toHaveLength(20);
  });

  it('lists jobs of the latest attempt, of all attempts, and of one attempt', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', {
      workflow: 'ci.yml',
      conclusion: 'success',
      previousAttempts: [{ conclusion: 'failure' }],
    });
    emulator.state.addJob(run.id, { name: 'e2e', runAttempt: 1, conclusion: 'failure' });
    const retried = emulator.state.addJob(run.id, { name: 'e2e', runAttempt: 2, conclusion: 'success' });
    const client = testClient(emulator);
    const latest = await listJobsForRun(client, REPO, run.id);
    expect(latest.map((j) => [j.run_attempt, j.conclusion])).toEqual([[2, 'success']]);
    const all = await listJobsForRun(client, REPO, run.id, { filter: 'all' });
    expect(all.map((j) => j.run_attempt).sort()).toEqual([1, 2]);
    const first = await listJobsForRun(client, REPO, run.id, { attempt: 1 });
    expect(first.map((j) => j.conclusion)).toEqual(['failure']);
    expect((await getWorkflowRun(client, REPO, run.id)).run_attempt).toBe(2);
    expect((await getWorkflowRun(client, REPO, run.id, 1)).conclusion).toBe('failure');
    expect((await getJob(client, REPO, retried.id)).name).toBe('e2e');
  });

  it('returns the same jobs when a wrapped list is answered from the ETag cache (304)', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml', conclusion: 'failure' });
    emulator.state.addJob(run.id, { name: 'e2e', runAttempt: 1, conclusion: 'failure' });
    const client = testClient(emulator);
    const first = await listJobsForRun(client, REPO, run.id);
    const hitsBefore = client.etagCache.hits;
    const second = await listJobsForRun(client, REPO, run.id);
    expect(client.etagCache.hits).toBe(hitsBefore + 1);
    expect(second.map((j) => j.name)).toEqual(first.map((j) => j.name));
    expect(second[0]?.name).toBe('e2e');
  });
});

describe('job logs', () => {
  it('follows the 302 to the log without sending the token there', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml', conclusion: 'failure' });
    const job = emulator.state.addJob(run.id, {
      name: 'unit',
      log: 'line 1\nline 2\n--- FAIL: TestOffset\n',
    });
    const log = await openJobLog(testClient(emulator), REPO, job.id);
    expect(await text(log.body)).toBe('line 1\nline 2\n--- FAIL: TestOffset\n');
    const [api, blob] = emulator.requests();
    expect(api?.status).toBe(302);
    expect(blob?.path).toContain('/_downloads/');
    expect(blob?.login).toBeUndefined();
  });

  it('turns an expired log (410) into ExpiredError', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml', conclusion: 'failure' });
    const job = emulator.state.addJob(run.id, { name: 'unit', log: 'old', logExpired: true });
    const error = await openJobLog(testClient(emulator), REPO, job.id).catch((e: unknown) => e);
    expect(ExpiredError.isInstance(error)).toBe(true);
    expect((error as ExpiredError).isRetryable).toBe(false);
    expect((error as Error).message).toMatch(/job log acme\/widgets job \d+: gone \(HTTP 410\)/);
  });

  it('tails and greps a streamed log in bounded memory', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i === 2500 ? 'panic: offset out of range' : `ok ${i + 1}`,
    );
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml', conclusion: 'failure' });
    const job = emulator.state.addJob(run.id, { name: 'unit', log: `${lines.join('\n')}\n` });
    const client = testClient(emulator);
    const tail = await viewLog(readLines((await openJobLog(client, REPO, job.id)).body), { tailLines: 3 });
    expect(tail).toEqual({
      lines: ['4998: ok 4998', '4999: ok 4999', '5000: ok 5000'],
      totalLines: 5000,
      matches: 0,
      truncated: true,
    });
    const grep = await viewLog(readLines((await openJobLog(client, REPO, job.id)).body), {
      grep: 'PANIC:|nothing',
      context: 1,
    });
    expect(grep.lines).toEqual(['2500: ok 2500', '2501: panic: offset out of range', '2502: ok 2502']);
    expect(grep.matches).toBe(1);
  });
});

describe('run log archives', () => {
  it('downloads the run-log zip and reads it through the capped zip reader', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml', conclusion: 'failure' });
    emulator.state.addJob(run.id, {
      name: 'build',
      steps: [
        { name: 'Set up job', log: 'setup\n' },
        { name: 'Test', log: 'FAIL\n' },
      ],
    });
    const client = testClient(emulator);
    const entries = await readRunLogEntries(client, REPO, run.id);
    const names: string[] = [];
    for await (const entry of entries) names.push(entry.name);
    expect(names.sort()).toEqual(['0_build.txt', 'build/1_Set up job.txt', 'build/2_Test.txt']);
    expect(entries.errors).toEqual([]);
  });

  it('refuses a run-log zip larger than the cap', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml' });
    emulator.state.addJob(run.id, { name: 'build', log: 'x'.repeat(10_000) });
    const error = await downloadRunLogs(testClient(emulator), REPO, run.id, { maxBytes: 10 }).catch(
      (e: unknown) => e,
    );
    expect(TooLargeError.isInstance(error)).toBe(true);
  });

  it('turns expired run logs into ExpiredError', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml', logsExpired: true });
    emulator.state.addJob(run.id, { name: 'build', log: 'x' });
    await expect(downloadRunLogs(testClient(emulator), REPO, run.id)).rejects.toSatisfy(
      ExpiredError.isInstance,
    );
  });
});

describe('artifacts', () => {
  it('lists and reads artifact files', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml', conclusion: 'failure' });
    await emulator.state.addArtifact(run.id, {
      name: 'junit',
      files: { 'reports/junit.xml': '<testsuite/>', 'notes.txt': 'n' },
    });
    const client = testClient(emulator);
    const [artifact] = await listRunArtifacts(client, REPO, run.id);
    expect(artifact?.name).toBe('junit');
    const { files, errors } = await readArtifactFiles(client, REPO, artifact!.id, {
      include: (n) => n.endsWith('.xml'),
    });
    expect(files.map((f) => [f.name, f.content.toString()])).toEqual([['reports/junit.xml', '<testsuite/>']]);
    expect(errors).toEqual([]);
  });

  it('refuses traversal entry names, keeping the rest of the archive', async () => {
    const zip = patchEntryName(
      await buildZip({ 'aa/evil.xml': '<x/>', 'ok.xml': '<ok/>' }),
      'aa/evil.xml',
      '../evil.xml',
    );
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml' });
    const artifact = await emulator.state.addArtifact(run.id, { name: 'hostile', zip });
    const { files, errors } = await readArtifactFiles(testClient(emulator), REPO, artifact.id);
    expect(files.map((f) => f.name)).toEqual(['ok.xml']);
    expect(errors.map((e) => e.code)).toEqual(['zip-entry-refused']);
    expect(errors[0]?.message).toContain('../evil.xml');
  });

  it('stops a zip bomb with the zip reader caps', async () => {
    const zip = await buildZip({ 'bomb.txt': Buffer.alloc(4 * 1024 * 1024) });
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml' });
    const artifact = await emulator.state.addArtifact(run.id, { name: 'bomb', zip });
    expect(zip.length).toBeLessThan(20_000);
    const error = await readArtifactFiles(testClient(emulator), REPO, artifact.id, {
      caps: { maxEntryUncompressedBytes: 1024 * 1024 },
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('zip-bomb');
  });

  it('caps the zip download itself and reports expired artifacts', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml' });
    const big = await emulator.state.addArtifact(run.id, {
      name: 'big',
      files: { 'a.bin': Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251)) },
    });
    const old = await emulator.state.addArtifact(run.id, {
      name: 'old',
      files: { 'a.txt': 'a' },
      expired: true,
    });
    const client = testClient(emulator);
    await expect(downloadArtifact(client, REPO, big.id, { maxBytes: 100 })).rejects.toSatisfy(
      TooLargeError.isInstance,
    );
    await expect(downloadArtifact(client, REPO, old.id)).rejects.toSatisfy(ExpiredError.isInstance);
  });
});
