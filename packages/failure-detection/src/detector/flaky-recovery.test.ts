import type { Emulator } from '@nightshift/ci-emulator';
import { parseMarkers } from '@nightshift/github-ops';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFailureState } from '../tracking/failure-state';
import { at, detect, failureIssues, startTestEmulator, testConfig, writes } from './__fixtures__/harness';
import { junit } from './__fixtures__/junit';
import { MemorySource } from './__fixtures__/memory-source';

const FAILURE = 'timed out waiting for ptp4l to report clock class 6\n[FAILED] clock class never reached 6';
const failing = (name = 'holdover keeps clock class') => [
  { path: 'junit.xml', text: junit([{ name, failure: FAILURE }]) },
];
const state = (body: string | undefined) => parseFailureState(parseMarkers(body, 'failure')[0]?.data);

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('flaky failures', () => {
  it('labels a failure flaky when it passed on a re-run attempt of the same run', async () => {
    const source = new MemorySource('e2e');
    const run = source.addRun({ at: at(1), files: failing() });
    await detect(emulator, [source]);
    expect(failureIssues(emulator)[0]?.labels).not.toContain('flaky');

    source.rerun(run.id, 'success', at(1, 5));
    const result = await detect(emulator, [source]);

    const [issue] = failureIssues(emulator);
    expect(result.flaky).toEqual([expect.objectContaining({ number: issue?.number })]);
    expect(issue?.labels).toContain('flaky');
    expect(state(issue?.body)?.flaky).toEqual({ passes: 1, fails: 1 });
    expect(issue?.body).toContain('**Flaky**: 1 passed / 1 failed on the same commit');
  });

  it('finds the failed attempt of a run first seen after its re-run passed', async () => {
    const source = new MemorySource('e2e');
    const run = source.addRun({ at: at(1), status: 'in_progress' });
    source.complete(run.id, 'failure', failing());
    source.rerun(run.id, 'success', at(1, 3));

    const result = await detect(emulator, [source]);

    expect(result.created).toHaveLength(1);
    expect(result.flaky).toHaveLength(1);
    const [issue] = failureIssues(emulator);
    expect(issue?.labels).toContain('flaky');
    expect(issue?.body).toMatch(/\| 1 \|\n/); // the occurrence row is attempt 1
  });

  it('labels a failure flaky when the same commit both failed and passed within the window', async () => {
    const source = new MemorySource('e2e');
    const sha = 'c'.repeat(40);
    source.addRun({ at: at(1), files: failing(), sha });
    source.addRun({ at: at(2), conclusion: 'success', sha });
    source.addRun({ at: at(3), files: failing(), sha });
    source.addRun({ at: at(4), files: failing(), sha: 'd'.repeat(40) });

    await detect(emulator, [source]);

    const [issue] = failureIssues(emulator);
    expect(issue?.labels).toContain('flaky');
    expect(state(issue?.body)?.flaky).toEqual({ passes: 1, fails: 2 });
  });
});

describe('recovery and regressions', () => {
  it('marks a failure recovered after 3 clean completed runs, with one comment', async () => {
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: failing(), sha: '1'.repeat(40) });
    await detect(emulator, [source]);
    source.addRun({ at: at(2), conclusion: 'success', sha: '2'.repeat(40) });
    source.addRun({ at: at(3), conclusion: 'cancelled', sha: '3'.repeat(40) });
    source.addRun({ at: at(4), conclusion: 'success', sha: '4'.repeat(40) });
    const notYet = await detect(emulator, [source]);
    expect(notYet.recovered).toEqual([]);

    source.addRun({ at: at(5), conclusion: 'success', sha: '5'.repeat(40) });
    const result = await detect(emulator, [source]);

    const [issue] = failureIssues(emulator);
    expect(result.recovered).toEqual([expect.objectContaining({ number: issue?.number })]);
    expect(issue?.labels).toContain('recovered');
    expect(issue?.state).toBe('open');
    expect(issue?.comments).toEqual([expect.stringContaining('not occurred in the last 3 completed runs')]);
    expect(state(issue?.body)?.recovered).toEqual({ at: at(5), runs: 3 });

    // More clean runs change nothing.
    source.addRun({ at: at(6), conclusion: 'success', sha: '6'.repeat(40) });
    const before = writes(emulator).length;
    await detect(emulator, [source]);
    expect(writes(emulator).slice(before)).toEqual([
      expect.stringMatching(/^PATCH \/repos\/acme\/ci\/issues\/\d+$/),
    ]);
    expect(writes(emulator).slice(before)[0]).not.toBe(`PATCH /repos/acme/ci/issues/${issue?.number}`);

    // Back after recovery: one comment, the label goes.
    source.addRun({ at: at(7), files: failing(), sha: '7'.repeat(40) });
    await detect(emulator, [source]);
    const [back] = failureIssues(emulator);
    expect(back?.labels).not.toContain('recovered');
    expect(back?.comments.at(-1)).toContain('back after it had recovered');
    expect(state(back?.body)?.recovered).toBeNull();
  });

  it('closes on recovery when configured, and reopens as a regression when the failure returns', async () => {
    const config = testConfig({ closeOnRecovery: true, recoveryRuns: 2 });
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: failing() });
    await detect(emulator, [source], { config });
    source.addRun({ at: at(2), conclusion: 'success' });
    source.addRun({ at: at(3), conclusion: 'success' });
    await detect(emulator, [source], { config });
    let [issue] = failureIssues(emulator);
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });

    source.addRun({ at: at(4), files: failing() });
    const result = await detect(emulator, [source], { config });

    [issue] = failureIssues(emulator);
    expect(failureIssues(emulator)).toHaveLength(1);
    expect(result.reopened).toEqual([expect.objectContaining({ number: issue?.number })]);
    expect(issue?.state).toBe('open');
    expect(issue?.labels).toEqual(expect.arrayContaining(['regression']));
    expect(issue?.labels).not.toContain('recovered');
    expect(issue?.comments.at(-1)).toContain('regression');
    expect(state(issue?.body)?.regressions).toBe(1);
  });

  it('reopens an issue people closed when the failure returns, but not one closed as not planned', async () => {
    const source = new MemorySource('e2e');
    source.addRun({ at: at(1), files: failing('first') });
    source.addRun({ at: at(1, 1), files: failing('second') });
    await detect(emulator, [source]);
    const [first, second] = failureIssues(emulator);
    const repo = emulator.state.repo('acme/ci');
    Object.assign(repo.issues.get(first!.number)!, { state: 'closed', stateReason: 'completed' });
    Object.assign(repo.issues.get(second!.number)!, { state: 'closed', stateReason: 'not_planned' });

    source.addRun({ at: at(2), files: [...failing('first'), ...failing('second')] });
    await detect(emulator, [source]);

    const [a, b] = failureIssues(emulator);
    expect(a?.state).toBe('open');
    expect(b?.state).toBe('closed');
    expect(b?.body).toContain('### Occurrences (2)');
    expect(b?.comments).toEqual([]);
    expect(writes(emulator).length).toBeGreaterThan(0);
  });
});
