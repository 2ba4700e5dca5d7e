import { describe, expect, it } from 'vitest';
import { prowSourceSchema } from '../config/index';
import { collectInputs, seen, useEmulator } from './__fixtures__/harness';
import { FIXTURE_BUILDS, FIXTURE_JOB, loadProwFixture } from './__fixtures__/load-prow-fixture';
import { GcsError } from './gcs-error';
import { createProwSource } from './prow-source';

const start = useEmulator();
type Emu = Awaited<ReturnType<typeof start>>;
const BUCKET = 'test-platform-results';
const WINDOW = '2026-07-01T00:00:00Z';
const [B1, B2] = FIXTURE_BUILDS;
/** Newer than B2, and equal to it in a double: only exact big-number comparison tells them apart. */
const B3 = '2084791866867322881';
const B4 = '2086603874264682496';

function source(emulator: Emu, overrides: Record<string, unknown> = {}) {
  const config = prowSourceSchema.parse({
    type: 'prow',
    name: 'nightly 5.0',
    job: FIXTURE_JOB,
    gcsBaseUrl: emulator.gcsUrl,
    ...overrides,
  });
  return createProwSource(config, { retry: { retries: 3, baseDelayMs: 1 } });
}

function putBuild(emulator: Emu, build: string, files: Record<string, string>, latest = true) {
  emulator.state.addProwBuild({ job: FIXTURE_JOB, buildId: build, files, latest });
}

async function fixture() {
  const emulator = await start();
  await loadProwFixture(emulator.state);
  return emulator;
}

describe('prow source: listing builds', () => {
  it('describes the fixture builds, oldest first, with version, URL and outcome', async () => {
    const emulator = await fixture();
    const runs = await source(emulator).listRuns({ cursor: null, createdAfter: WINDOW });
    expect(runs.map((r) => r.id)).toEqual([B1, B2]);
    expect(runs[0]).toEqual({
      source: 'nightly 5.0',
      sourceType: 'prow',
      id: B1,
      url: `https://prow.ci.openshift.org/view/gs/test-platform-results/logs/${FIXTURE_JOB}/${B1}`,
      status: 'completed',
      conclusion: 'failure',
      branch: '5.0',
      version: '5.0',
      headSha: null,
      event: 'periodic',
      attempt: 1,
      createdAt: '2026-07-10T00:00:52.000Z',
      completedAt: '2026-07-10T06:21:39.000Z',
    });
  });

  it('walks newest first and stops at the first build older than the window', async () => {
    const emulator = await fixture();
    const B0 = '2063599381201817600';
    putBuild(emulator, B0, { 'started.json': JSON.stringify({ timestamp: 1780835402 }) }, false);
    const runs = await source(emulator).listRuns({ cursor: null, createdAfter: '2026-08-01T00:00:00Z' });
    expect(runs.map((r) => r.id)).toEqual([B2]);
    expect(seen(emulator, `${B1}%2Fstarted.json`)).toHaveLength(1);
    expect(seen(emulator, B0)).toEqual([]);
  });

  it('costs one request when latest-build.txt shows nothing new', async () => {
    const emulator = await fixture();
    const runs = await source(emulator).listRuns({
      cursor: { lastRunId: B2, lastCompletedAt: null },
      createdAfter: WINDOW,
    });
    expect(runs).toEqual([]);
    expect(seen(emulator)).toEqual([expect.stringContaining('latest-build.txt')]);
  });

  it('compares 19-digit build ids exactly and returns only newer builds', async () => {
    const emulator = await fixture();
    putBuild(emulator, B3, {
      'started.json': JSON.stringify({ timestamp: 1785974400 }),
      'finished.json': JSON.stringify({ timestamp: 1785978000, passed: true, result: 'SUCCESS' }),
    });
    const runs = await source(emulator).listRuns({
      cursor: { lastRunId: B2, lastCompletedAt: null },
      createdAfter: WINDOW,
    });
    expect(runs.map((r) => [r.id, r.status, r.conclusion])).toEqual([[B3, 'completed', 'success']]);
  });

  it('reports running builds as in_progress (no finished.json, or one without a timestamp)', async () => {
    const emulator = await fixture();
    putBuild(
      emulator,
      B3,
      {
        'started.json': JSON.stringify({ timestamp: 1785974400 }),
        'finished.json': JSON.stringify({ passed: false }),
      },
      false,
    );
    putBuild(emulator, B4, { 'started.json': JSON.stringify({ timestamp: 1786320050 }) });
    const runs = await source(emulator).listRuns({
      cursor: { lastRunId: B2, lastCompletedAt: null },
      createdAfter: WINDOW,
    });
    expect(runs.map((r) => [r.id, r.status, r.conclusion, r.completedAt])).toEqual([
      [B3, 'in_progress', null, null],
      [B4, 'in_progress', null, null],
    ]);
  });

  it('maps ABORTED to cancelled and falls back to prowjob.json without started.json', async () => {
    const emulator = await fixture();
    putBuild(emulator, B4, {
      'prowjob.json': JSON.stringify({ status: { state: 'aborted', startTime: '2026-08-10T00:00:50Z' } }),
      'finished.json': JSON.stringify({ timestamp: 1786320100, passed: false, result: 'ABORTED' }),
    });
    const run = await source(emulator).getRun(B4);
    expect(run).toMatchObject({
      status: 'completed',
      conclusion: 'cancelled',
      createdAt: '2026-08-10T00:00:50.000Z',
    });
  });

  it('gives a clear error for malformed metadata and bad ids', async () => {
    const emulator = await fixture();
    putBuild(emulator, B4, { 'started.json': '{"timestamp": 1786320050}', 'finished.json': '{not json' });
    await expect(source(emulator).getRun(B4)).rejects.toThrow(
      `gs://${BUCKET}/logs/${FIXTURE_JOB}/${B4}/finished.json: not valid JSON`,
    );
    putBuild(emulator, B3, { 'started.json': '{"timestamp": "soon"}' });
    await expect(source(emulator).getRun(B3)).rejects.toThrow(
      /started\.json: unexpected content \(timestamp: /,
    );
    await expect(source(emulator).getRun('../etc')).rejects.toThrow(/is not a build id/);
    await expect(
      source(emulator).listRuns({
        cursor: { lastRunId: 'latest', lastCompletedAt: null },
        createdAfter: WINDOW,
      }),
    ).rejects.toThrow(/lastRunId "latest" is not a build id/);
  });
});

describe('prow source: faults', () => {
  it('retries a 502 burst from GCS', async () => {
    const emulator = await fixture();
    emulator.faults.add({ route: 'GET /gcs/storage/v1/b/{bucket}/o', status: 502, times: 2 });
    const runs = await source(emulator).listRuns({ cursor: null, createdAfter: WINDOW });
    expect(runs).toHaveLength(2);
    expect(seen(emulator, ' 502')).toHaveLength(2);
  });

  it('names the object when GCS keeps failing', async () => {
    const emulator = await fixture();
    emulator.faults.add({ route: 'GET /gcs/storage/v1/b/{bucket}/o/{object+}', status: 503 });
    const error = await source(emulator)
      .getRun(B1)
      .catch((e: unknown) => e);
    expect(GcsError.isInstance(error)).toBe(true);
    const gcs = error as GcsError;
    expect(gcs.status).toBe(503);
    expect(gcs.isRetryable).toBe(true);
    expect(gcs.message).toMatch(
      new RegExp(
        `gs://${BUCKET}/logs/${FIXTURE_JOB}/${B1}/(started|finished)\\.json: HTTP 503 .* after 4 attempts`,
      ),
    );
  });
});

describe('prow source: reading a build', () => {
  it('yields build-log.txt and the artifacts matching the globs, with paths relative to the build', async () => {
    const emulator = await fixture();
    const src = source(emulator);
    const inputs = await collectInputs(src.readInputs(await src.getRun(B1)));
    expect(inputs.map((i) => i.path)).toEqual([
      'build-log.txt',
      'artifacts/e2e-telco5g-ptp/telco5g-ptp-tests/artifacts/test_results_bc.xml',
      'artifacts/e2e-telco5g-ptp/telco5g-ptp-tests/artifacts/test_results_tgm.xml',
    ]);
    expect(inputs[0]!.text).toContain("Reporting job state 'failed'");
    expect(inputs[1]!.text).toContain('[SynchronizedBeforeSuite]');
  });

  it('turns a missing build-log.txt into an error item naming it', async () => {
    const emulator = await fixture();
    putBuild(emulator, B4, {
      'started.json': JSON.stringify({ timestamp: 1786320050 }),
      'finished.json': JSON.stringify({ timestamp: 1786320100, passed: false }),
      'artifacts/e2e/step/artifacts/junit_e2e.xml': '<testsuites/>',
    });
    const src = source(emulator, { artifacts: ['artifacts/**/junit*.xml'] });
    const inputs = await collectInputs(src.readInputs(await src.getRun(B4)));
    expect(inputs).toEqual([
      {
        path: 'build-log.txt',
        error: `GCS object gs://${BUCKET}/logs/${FIXTURE_JOB}/${B4}/build-log.txt: HTTP 404 (not found)`,
      },
      { path: 'artifacts/e2e/step/artifacts/junit_e2e.xml', text: '<testsuites/>' },
    ]);
  });
});
