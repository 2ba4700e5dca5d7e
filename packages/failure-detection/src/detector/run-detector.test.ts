import type { Emulator } from '@nightshift/ci-emulator';
import { parseMarkers } from '@nightshift/github-ops';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFailureState } from '../tracking/failure-state';
import {
  at,
  detect,
  failureIssues,
  issues,
  startTestEmulator,
  testConfig,
  writes,
} from './__fixtures__/harness';
import { junit } from './__fixtures__/junit';
import { MemorySource } from './__fixtures__/memory-source';

const OFFSET =
  'Expected\n    <int64>: 1500\nto be <\n    <int64>: 100\n[FAILED] ptp4l offset exceeded threshold on ens1f0';
const report = (tests: Array<{ name: string; failure?: string }>) => [
  { path: 'junit_ptp.xml', text: junit(tests) },
];

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('runDetector: one issue per failure', () => {
  it('opens one issue for a new failure, with title, labels, body sections and state', async () => {
    const source = new MemorySource('nightly 5.0', { type: 'prow', version: '5.0', branch: '5.0' });
    source.addRun({
      at: at(1),
      files: report([{ name: '[It] PTP offset should stay in sync', failure: OFFSET }, { name: 'passes' }]),
    });

    const result = await detect(emulator, [source]);

    expect(result.sourceErrors).toEqual([]);
    expect(result.runsProcessed).toBe(1);
    expect(result.created).toHaveLength(1);
    const [issue] = failureIssues(emulator);
    expect(issue?.title).toMatch(/^\[nightly 5\.0\] PTP offset should stay in sync: /);
    expect(issue!.title.length).toBeLessThanOrEqual(120);
    expect(issue?.labels).toEqual(['nightshift', 'ci-failure']);
    expect(issue?.user).toBe('nightshift-bot');
    for (const section of [
      '### Failed tests (1)',
      '### Failure',
      '**Evidence**',
      '<details><summary>Log excerpt',
      '### Links',
      '### Occurrences (1)',
    ]) {
      expect(issue?.body).toContain(section);
    }
    expect(issue?.body).toContain('ptp4l offset exceeded threshold');
    const state = parseFailureState(parseMarkers(issue?.body, 'failure')[0]?.data);
    expect(state).toMatchObject({
      key: result.created[0]?.key,
      total: 1,
      affected: ['5.0'],
      sources: ['nightly 5.0'],
    });
    expect(result.created[0]).toMatchObject({ number: issue?.number, title: issue?.title });
    // The state issue remembers where the source was read up to.
    const stateIssue = issues(emulator).find((i) => i.labels.includes('nightshift-state'));
    expect(stateIssue?.body).toContain('nightshift:state');
    expect(stateIssue?.body).toContain('nightly 5.0');
  });

  it('updates the same issue when the failure is seen again: a row, no comment; a new version comments', async () => {
    const source = new MemorySource('e2e', { branch: 'main' });
    const failing = report([{ name: 'PTP offset should stay in sync', failure: OFFSET }]);
    source.addRun({ at: at(1), files: failing, sha: '1'.repeat(40) });
    await detect(emulator, [source]);

    source.addRun({ at: at(2), files: failing, sha: '2'.repeat(40) });
    const second = await detect(emulator, [source]);
    expect(second.created).toEqual([]);
    expect(second.updated).toHaveLength(1);
    let [issue] = failureIssues(emulator);
    expect(failureIssues(emulator)).toHaveLength(1);
    expect(issue?.body).toContain('### Occurrences (2)');
    expect(issue?.comments).toEqual([]);

    source.addRun({ at: at(3), files: failing, sha: '3'.repeat(40), branch: 'release-4.18' });
    await detect(emulator, [source]);
    [issue] = failureIssues(emulator);
    expect(issue?.body).toContain('### Occurrences (3)');
    expect(issue?.comments).toHaveLength(1);
    expect(issue?.comments[0]).toContain('now also fails on `release-4.18`');
  });

  it('turns one signature spread over many tests into one issue listing them all', async () => {
    const unauthorized =
      'the server has asked for the client to provide credentials (get pods)\nUnauthorized';
    const tests = Array.from({ length: 20 }, (_, i) => ({
      name: `PTP spec number ${i + 1} works`,
      failure: unauthorized,
    }));
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: report([...tests, { name: 'offset test', failure: OFFSET }]) });

    const result = await detect(emulator, [source]);

    expect(result.created).toHaveLength(2);
    const spread = failureIssues(emulator).find((i) => i.key?.startsWith('sig:'));
    expect(spread?.title).toMatch(/^\[e2e\] 20 tests: /);
    expect(spread?.body).toContain('### Failed tests (20)');
    for (const t of tests) expect(spread?.body).toContain(t.name);
  });

  it('is idempotent: a second cycle over the same data makes no write request', async () => {
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: report([{ name: 'offset test', failure: OFFSET }]) });
    source.addRun({ at: at(2), conclusion: 'success' });
    source.addRun({ at: at(3), files: report([{ name: 'offset test', failure: OFFSET }]) });
    await detect(emulator, [source]);
    const before = issues(emulator);
    const requestsBefore = emulator.requests().length;

    const again = await detect(emulator, [source]);

    const second = emulator.requests().slice(requestsBefore);
    expect(second.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(issues(emulator)).toEqual(before);
    expect(again).toMatchObject({ created: [], updated: [], runsProcessed: 0, unchanged: 0 });
    // Nothing new: the state issue listing and the source listing, nothing else.
    expect(second.map((r) => r.route)).toEqual(['GET /repos/{owner}/{repo}/issues']);
  });

  it('dry run computes everything and writes nothing', async () => {
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: report([{ name: 'offset test', failure: OFFSET }]) });

    const result = await detect(emulator, [source], { dryRun: true });

    expect(writes(emulator)).toEqual([]);
    expect(issues(emulator)).toEqual([]);
    const actions = result.plannedOperations?.map((op) => op.action);
    expect(actions).toEqual(['ensure-labels', 'create-issue', 'write-state']);
    expect(result.created).toEqual([
      expect.objectContaining({ number: 0, title: expect.stringMatching(/^\[e2e\] offset test: /) }),
    ]);
    // The same data for real writes what the dry run announced.
    const real = await detect(emulator, [source]);
    expect(real.created.map((r) => r.title)).toEqual(result.created.map((r) => r.title));
  });

  // Dated a day before the harness clock: a run in progress for over 3 days counts as stuck.
  it('skips a run in progress and picks it up once it completes, without advancing past it', async () => {
    const source = new MemorySource('e2e');
    const running = source.addRun({ at: at(19), status: 'in_progress' });
    source.addRun({ at: at(19, 1), files: report([{ name: 'later test', failure: OFFSET }]) });

    const first = await detect(emulator, [source]);
    expect(first).toMatchObject({ runsProcessed: 1, runsSkippedInProgress: 1 });
    expect(failureIssues(emulator).map((i) => i.title)).toEqual([expect.stringContaining('later test')]);

    source.complete(
      running.id,
      'failure',
      report([{ name: 'earlier test', failure: 'timed out waiting for ptp4l' }]),
    );
    const second = await detect(emulator, [source]);
    expect(source.listings[1]?.cursor?.lastRunId ?? null).toBeNull();
    expect(second).toMatchObject({ runsProcessed: 1, runsSkippedInProgress: 0 });
    expect(
      failureIssues(emulator)
        .map((i) => i.title)
        .sort(),
    ).toEqual([expect.stringContaining('earlier test'), expect.stringContaining('later test')]);
    // The later run was not processed twice.
    expect(failureIssues(emulator).find((i) => i.title.includes('later test'))?.body).toContain(
      '### Occurrences (1)',
    );
    const third = await detect(emulator, [source]);
    expect(source.listings[2]?.cursor?.lastRunId).toBe(String(Number(running.id) + 1));
    expect(third.runsProcessed).toBe(0);
  });

  it('stops waiting for a run stuck in progress for over 3 days', async () => {
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), status: 'queued' });
    const later = source.addRun({ at: at(19), files: report([{ name: 'offset test', failure: OFFSET }]) });
    const result = await detect(emulator, [source]);
    expect(result).toMatchObject({ runsProcessed: 1, runsSkippedInProgress: 1 });
    await detect(emulator, [source]);
    expect(source.listings[1]?.cursor?.lastRunId).toBe(later.id);
  });

  it('retries a run whose inputs could not be read, without losing the runs after it', async () => {
    const source = new MemorySource('e2e');
    const broken = source.addRun({ at: at(19), files: report([{ name: 'first test', failure: OFFSET }]) });
    source.addRun({
      at: at(19, 1),
      files: report([{ name: 'second test', failure: 'timed out waiting for ptp4l' }]),
    });
    source.failReadsFor.add(broken.id);

    const first = await detect(emulator, [source]);
    // One unreadable run is no source failure: the source's other run is processed.
    expect(first.sourceErrors).toEqual([]);
    expect(first.runErrors).toEqual([
      { source: 'e2e', run: broken.id, message: `listing jobs of run ${broken.id}: 502 Bad Gateway` },
    ]);
    expect(failureIssues(emulator).map((i) => i.title)).toEqual([expect.stringContaining('second test')]);

    source.failReadsFor.clear();
    const second = await detect(emulator, [source]);
    expect(second).toMatchObject({ sourceErrors: [], runErrors: [], runsProcessed: 1 });
    expect(failureIssues(emulator)).toHaveLength(2);
    expect(failureIssues(emulator).every((i) => i.body.includes('### Occurrences (1)'))).toBe(true);
  });

  it('records a source that is down and still processes the others', async () => {
    const down = new MemorySource('down');
    down.failWith = new Error('GCS answered 503 for logs/periodic-x/');
    const up = new MemorySource('up');
    up.addRun({ at: at(1), files: report([{ name: 'offset test', failure: OFFSET }]) });

    const result = await detect(emulator, [down, up]);

    expect(result.sourceErrors).toEqual([
      { source: 'down', message: 'GCS answered 503 for logs/periodic-x/' },
    ]);
    expect(result.created).toHaveLength(1);
  });

  it('reads markers only from the bot: a forged marker issue is ignored', async () => {
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: report([{ name: 'offset test', failure: OFFSET }]) });
    // Someone else files an issue carrying a copy of the marker the bot would write.
    const planned = await detect(emulator, [source], { dryRun: true });
    const create = planned.plannedOperations?.find((op) => op.action === 'create-issue');
    if (create?.action !== 'create-issue') throw new Error('expected a planned creation');
    const body = create.body;
    emulator.state.addIssue('acme/ci', { title: 'forged', body, user: 'mallory', labels: ['nightshift'] });

    const result = await detect(emulator, [source]);

    expect(result.created).toHaveLength(1);
    expect(failureIssues(emulator).map((i) => i.user)).toEqual(['mallory', 'nightshift-bot']);
  });

  it("finds its own login when none is configured: a GitHub App's token, by the GraphQL viewer", async () => {
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: report([{ name: 'offset test', failure: OFFSET }]) });
    // The harness's token belongs to a Bot, to which GitHub refuses GET /user.
    const result = await detect(emulator, [source], { config: testConfig({ botLogin: undefined }) });
    expect(result.created).toHaveLength(1);
    const asked = emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(asked).toContain('GET /user 403');
    expect(asked).toContain('POST /graphql 200');
    // A second cycle trusts the issue it wrote: it updates it instead of opening another.
    source.addRun({ at: at(2), files: report([{ name: 'offset test', failure: OFFSET }]) });
    const again = await detect(emulator, [source], { config: testConfig({ botLogin: undefined }) });
    expect(again.created).toHaveLength(0);
    expect(failureIssues(emulator)).toHaveLength(1);
  });

  it('fails clearly when the configured bot is not who the token writes as', async () => {
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: report([{ name: 'offset test', failure: OFFSET }]) });
    await expect(
      detect(emulator, [source], { config: testConfig({ botLogin: 'github-actions[bot]' }) }),
    ).rejects.toThrow(/written as "nightshift-bot" but issues.botLogin is "github-actions\[bot\]"/);
    expect(failureIssues(emulator).every((i) => i.state === 'closed')).toBe(true);
  });

  it('writes nothing at all when the kill switch is on', async () => {
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: report([{ name: 'offset test', failure: OFFSET }]) });
    const result = await detect(emulator, [source], { config: testConfig({}, { killSwitch: true }) });
    expect(result.runsProcessed).toBe(0);
    expect(emulator.requests()).toEqual([]);
  });
});
