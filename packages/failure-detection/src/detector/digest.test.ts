import type { Emulator } from '@nightshift/ci-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { at, detect, failureIssues, issues, startTestEmulator, testConfig } from './__fixtures__/harness';
import { junit } from './__fixtures__/junit';
import { MemorySource } from './__fixtures__/memory-source';

const failing = (name: string) => [
  { path: 'junit.xml', text: junit([{ name, failure: `[FAILED] ${name} broke` }]) },
];
const digests = (emulator: Emulator) =>
  issues(emulator).filter((i) => i.labels.includes('nightshift-digest'));

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('nightly digest', () => {
  it('keeps one issue per day and source: new, still failing, recovered', async () => {
    const config = testConfig({ digest: true, recoveryRuns: 2 });
    const nightly = new MemorySource('nightly');
    const other = new MemorySource('other');
    nightly.addRun({ at: at(1), files: [...failing('alpha'), ...failing('beta')] });
    other.addRun({ at: at(1), files: failing('gamma') });
    const day1 = () => new Date(at(1, 12));
    await detect(emulator, [nightly, other], { config, now: day1 });

    expect(
      digests(emulator)
        .map((d) => d.title)
        .sort(),
    ).toEqual(['[nightly] Nightshift digest 2024-05-01', '[other] Nightshift digest 2024-05-01']);
    const first = digests(emulator).find((d) => d.title.startsWith('[nightly]'));
    expect(first?.body).toContain('### New failures (2)');
    expect(first?.body).toContain('1 completed run checked');

    // Same day, a second cycle: no duplicate digest; counts merge.
    nightly.addRun({ at: at(1, 6), files: failing('alpha') });
    await detect(emulator, [nightly, other], { config, now: day1 });
    expect(digests(emulator)).toHaveLength(2);
    expect(digests(emulator).find((d) => d.title.startsWith('[nightly]'))?.body).toContain(
      '2 completed runs checked',
    );

    // Next day: alpha still fails, beta recovered; yesterday's digest of that source is closed.
    nightly.addRun({ at: at(2), files: failing('alpha') });
    await detect(emulator, [nightly, other], { config, now: () => new Date(at(2, 12)) });
    const today = digests(emulator).find((d) => d.title === '[nightly] Nightshift digest 2024-05-02');
    const alpha = failureIssues(emulator).find((i) => i.title.includes('alpha'));
    const beta = failureIssues(emulator).find((i) => i.title.includes('beta'));
    expect(today?.body).toContain('### New failures\n\nNone.');
    expect(today?.body).toContain(`### Still failing (1)\n\n- #${alpha?.number} `);
    expect(today?.body).toContain(`### Recovered (1)\n\n- #${beta?.number} `);
    expect(digests(emulator).find((d) => d.title === '[nightly] Nightshift digest 2024-05-01')?.state).toBe(
      'closed',
    );
    expect(digests(emulator).find((d) => d.title.startsWith('[other]'))?.state).toBe('open');
  });

  it('is off by default', async () => {
    const source = new MemorySource('nightly');
    source.addRun({ at: at(1), files: failing('alpha') });
    await detect(emulator, [source]);
    expect(digests(emulator)).toEqual([]);
  });
});
