import type { Emulator } from '@nightshift/ci-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { at, detect, failureIssues, issues, startTestEmulator, testClient } from './__fixtures__/harness';
import { junit } from './__fixtures__/junit';
import { MemorySource } from './__fixtures__/memory-source';

// Distinct failure modes (numbers and interface names alone would normalise to one signature).
const MODES = [
  'clock class never reached 6',
  'ptp4l process restarted unexpectedly',
  'phc2sys is not running',
  'no follower port locked',
];
const failure = (i: number) => `[FAILED] ${MODES[i % MODES.length]}`;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

function sourceWithFailures(count: number): MemorySource {
  const source = new MemorySource('e2e');
  const tests = Array.from({ length: count }, (_, i) => ({ name: `test ${i}`, failure: failure(i) }));
  source.addRun({ at: at(1), files: [{ path: 'junit.xml', text: junit(tests) }] });
  return source;
}

/** Every key has exactly one open issue; any other issue of that key is closed, pointing at it. */
function expectNoOpenDuplicates(): void {
  const byKey = new Map<string, ReturnType<typeof failureIssues>>();
  for (const issue of failureIssues(emulator))
    byKey.set(issue.key!, [...(byKey.get(issue.key!) ?? []), issue]);
  for (const list of byKey.values()) {
    const open = list.filter((i) => i.state === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]?.number).toBe(Math.min(...list.map((i) => i.number)));
    for (const dup of list.filter((i) => i.state === 'closed')) {
      expect(dup.comments).toEqual([expect.stringContaining(`Duplicate of #${open[0]?.number}`)]);
    }
  }
  expect(
    issues(emulator).filter((i) => i.labels.includes('nightshift-state') && i.state === 'open'),
  ).toHaveLength(1);
}

describe('two detectors at once', () => {
  it('never leave two open issues for one failure', async () => {
    for (let round = 0; round < 3; round++) {
      await emulator.reset();
      const source = sourceWithFailures(3);
      const results = await Promise.all([
        detect(emulator, [source], { client: testClient(emulator) }),
        detect(emulator, [source], { client: testClient(emulator) }),
      ]);
      expectNoOpenDuplicates();
      expect(new Set(failureIssues(emulator).map((i) => i.key)).size).toBe(3);
      // Between them they report each failure as created exactly once.
      expect(results.flatMap((r) => r.created.map((c) => c.key)).sort()).toEqual(
        [...new Set(failureIssues(emulator).map((i) => i.key!))].sort(),
      );
      // And a later cycle is quiet.
      const before = emulator.requests().length;
      await detect(emulator, [source]);
      expect(
        emulator
          .requests()
          .slice(before)
          .filter((r) => r.method !== 'GET'),
      ).toEqual([]);
    }
  });

  it('closes its own issue when another detector created one for the same failure first', async () => {
    const source = sourceWithFailures(1);
    const planned = await detect(emulator, [source], { dryRun: true });
    const create = planned.plannedOperations?.find((op) => op.action === 'create-issue');
    if (create?.action !== 'create-issue') throw new Error('expected a planned creation');
    // The other detector's issue lands right before ours does.
    let raced = false;
    const racingFetch: typeof fetch = async (url, init) => {
      if (!raced && init?.method === 'POST' && String(url).endsWith('/repos/acme/ci/issues')) {
        raced = true;
        emulator.state.addIssue('acme/ci', {
          title: create.title,
          body: create.body,
          labels: create.labels,
          user: 'nightshift-bot',
        });
      }
      return fetch(url, init);
    };

    const result = await detect(emulator, [source], { client: testClient(emulator, { fetch: racingFetch }) });

    expect(raced).toBe(true);
    const [kept, mine] = failureIssues(emulator);
    expect(kept).toMatchObject({ number: 1, state: 'open' });
    expect(mine).toMatchObject({ number: 2, state: 'closed', stateReason: 'not_planned' });
    expect(mine?.comments).toEqual([expect.stringContaining('Duplicate of #1')]);
    expect(result.created).toEqual([]);
    expect(kept?.body).toContain('### Occurrences (1)');
  });
});
