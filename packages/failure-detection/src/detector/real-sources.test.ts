import type { Emulator } from '@nightshift/ci-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/index';
import {
  addFailedRun,
  addPlainRun,
  addRepo,
  FAILED_TEST,
  WORKFLOW,
} from '../sources/__fixtures__/github-scenario';
import { REPO as PTP_REPO } from '../sources/__fixtures__/harness';
import { FIXTURE_JOB, loadProwFixture } from '../sources/__fixtures__/load-prow-fixture';
import { createSources } from '../sources/create-sources';
import { BOT, classifier, failureIssues, REPO, startTestEmulator, testClient } from './__fixtures__/harness';
import { runDetector } from './run-detector';

// I4-1's real sources (GitHub Actions through Octokit, Prow through fetch against the emulator's
// GCS API) with their fixtures: a failed netdevsim run and two real Prow nightly builds.
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
  addRepo(emulator);
  await addFailedRun(emulator, '2026-08-10T01:00:00Z');
  addPlainRun(emulator, '2026-08-10T06:00:00Z', { status: 'in_progress', conclusion: null });
  await loadProwFixture(emulator.state);
});
afterAll(() => emulator.close());

const config = () =>
  parseConfig(
    `version: 1
sources:
  - { type: github-actions, name: netdevsim, repo: ${PTP_REPO}, workflow: ${WORKFLOW}, artifacts: ["ptp-artifacts-*"] }
  - { type: prow, name: "nightly 5.0", job: ${FIXTURE_JOB}, gcsBaseUrl: "${emulator.gcsUrl}" }
issues:
  botLogin: ${BOT}
lookback: 400d
`,
    'nightshift.yml',
  );

function cycle() {
  const octokit = testClient(emulator);
  const sources = createSources(config(), {
    octokit,
    fetch: globalThis.fetch,
    retry: { github: { retries: 1, baseDelayMs: 1 }, prow: { retries: 1, baseDelayMs: 1 } },
  });
  return runDetector(
    { octokit, sources, classifier, now: () => new Date('2026-08-12T00:00:00Z') },
    { config: config(), issueRepo: REPO },
  );
}

describe('runDetector with the real sources', () => {
  it('opens issues for GitHub Actions and Prow failures, then a second cycle writes nothing', async () => {
    const first = await cycle();

    expect(first.sourceErrors).toEqual([]);
    expect(first.runsSkippedInProgress).toBe(1);
    expect(first.runsProcessed).toBe(3);
    const titles = failureIssues(emulator).map((i) => i.title);
    expect(
      titles.some(
        (t) => t.startsWith('[netdevsim] ') && t.includes('PTP ClockSync Slave can sync to master'),
      ),
    ).toBe(true);
    expect(titles.some((t) => t.startsWith('[nightly 5.0] '))).toBe(true);
    const netdevsim = failureIssues(emulator).find((i) => i.body.includes(FAILED_TEST));
    expect(netdevsim?.body).toContain('/actions/runs/');
    for (const title of titles) expect(title.length).toBeLessThanOrEqual(120);

    const before = emulator.requests().length;
    const second = await cycle();
    expect(second).toMatchObject({ created: [], updated: [], runsProcessed: 0, runsSkippedInProgress: 1 });
    // Nothing new: the state issue, then one request per source (the run still in progress is
    // listed again but holds nothing to do).
    expect(
      emulator
        .requests()
        .slice(before)
        .map((r) => r.route),
    ).toEqual([
      'GET /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      expect.stringMatching(/^GET \/gcs\/storage\/v1\/b\/\{bucket\}\/o\/\{object\+\}$/),
    ]);
  });
});
