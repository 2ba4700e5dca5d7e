import { type AnalyzedFailure, fingerprint, signature } from '@nightshift/log-parsing';
import { describe, expect, it } from 'vitest';
import { groupFailures } from './group-failures';

function failure(
  test: string | null,
  message: string,
  kind: AnalyzedFailure['kind'] = test ? 'test' : 'job',
): AnalyzedFailure {
  const sig = signature({ message });
  return {
    test,
    suite: test ? 'PTP e2e tests : Parallel' : null,
    kind,
    message,
    location: null,
    category: 'unknown',
    rule: null,
    mode: null,
    signature: sig,
    fingerprint: fingerprint({ test, suite: test ? 'PTP e2e tests : Parallel' : null, signature: sig }),
    evidence: [],
  };
}

const UNAUTHORIZED = '"Failed to watch" err="failed to list *unstructured.Unstructured: Unauthorized"';
const CLOCK_CLASS = 'Timed out after 300.528s.\nExpected ptp4l clock class to eventually be 6 for GM';
const PHC2SYS = 'Expected phc2sys to be  1 for GM';
const spec = (n: number) => `[It] [oc-parallel] Event based tests spec ${n}`;

describe('groupFailures', () => {
  it('makes one group per fingerprint (test + failure mode)', () => {
    const a = failure(spec(1), CLOCK_CLASS);
    const b = failure(spec(2), PHC2SYS);
    const again = failure(spec(1), CLOCK_CLASS.replace('300.528s', '301.002s'));
    const groups = groupFailures([a, b, again]);
    expect(groups).toHaveLength(2);
    for (const group of groups) {
      expect(group.key).toBe(`fp:${group.primary.fingerprint}`);
      expect(group.fingerprints).toEqual([group.primary.fingerprint]);
      expect(group.signature).toBe(group.primary.signature);
    }
    expect(groups.map((g) => g.tests)).toEqual(expect.arrayContaining([[spec(1)], [spec(2)]]));
  });

  it('folds one signature spread over many tests into ONE sig: group listing them all', () => {
    const tests = Array.from({ length: 20 }, (_, i) => spec(i + 1));
    const wiped = tests.map((t) => failure(t, UNAUTHORIZED));
    const other = failure(spec(99), PHC2SYS);
    const groups = groupFailures([other, ...wiped]);
    expect(groups.map((g) => g.key)).toEqual([`sig:${wiped[0]!.signature}`, `fp:${other.fingerprint}`]);
    expect(groups[0]!.tests).toEqual([...tests].sort());
    expect(groups[0]!.fingerprints).toHaveLength(20);
    expect(groups[0]!.signature).toBe(wiped[0]!.signature);
  });

  it('keeps per-test groups below the spread threshold, and honours the option', () => {
    const two = [failure(spec(1), UNAUTHORIZED), failure(spec(2), UNAUTHORIZED)];
    expect(groupFailures(two).map((g) => g.key.slice(0, 3))).toEqual(['fp:', 'fp:']);
    expect(groupFailures(two, { spreadThreshold: 2 }).map((g) => g.key.slice(0, 4))).toEqual(['sig:']);
    const three = [...two, failure(spec(3), UNAUTHORIZED)];
    expect(groupFailures(three)).toHaveLength(1);
    // The same test failing three times is not a spread.
    expect(
      groupFailures([
        failure(spec(1), UNAUTHORIZED),
        failure(spec(1), UNAUTHORIZED),
        failure(spec(1), UNAUTHORIZED),
      ])[0]!.key,
    ).toMatch(/^fp:/);
  });

  it('puts a job-level failure with a spread signature in the same group', () => {
    const wiped = [1, 2, 3].map((n) => failure(spec(n), UNAUTHORIZED));
    const job = failure(null, UNAUTHORIZED);
    const groups = groupFailures([job, ...wiped]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.tests).toHaveLength(3);
    expect(groups[0]!.fingerprints).toContain(job.fingerprint);
  });

  it('groups a setup failure by signature, with the tests it took down and the Ginkgo echoes', () => {
    const root = failure(
      '[SynchronizedBeforeSuite]',
      'Could not create a ptp config, err=no T-BC solution found for TBC',
      'setup',
    );
    const echo = failure(
      '[SynchronizedBeforeSuite]',
      '\u001b[1mSynchronizedBeforeSuite failed on Ginkgo parallel process #1\u001b[0m\n  The first SynchronizedBeforeSuite function running on Ginkgo parallel process\n  #1 failed.  This suite will now abort.',
      'setup',
    );
    const victim = failure(spec(7), 'Could not create a ptp config, err=no T-BC solution found for TBC');
    const unrelated = failure(spec(8), PHC2SYS);
    const groups = groupFailures([echo, victim, echo, unrelated, root]);
    expect(groups.map((g) => g.key)).toEqual([`sig:${root.signature}`, `fp:${unrelated.fingerprint}`]);
    expect(groups[0]!.primary).toBe(root);
    expect(groups[0]!.tests).toEqual([spec(7), '[SynchronizedBeforeSuite]']);
    expect(groups[0]!.fingerprints).toEqual([root.fingerprint, echo.fingerprint, victim.fingerprint].sort());
  });

  it('keeps Ginkgo echoes as their own setup group when the real failure is missing', () => {
    const echo = failure(
      '[SynchronizedBeforeSuite]',
      'SynchronizedBeforeSuite failed on Ginkgo parallel process #1',
      'setup',
    );
    const groups = groupFailures([echo]);
    expect(groups.map((g) => g.key)).toEqual([`sig:${echo.signature}`]);
  });

  it('is independent of input order', () => {
    const input = [
      ...[1, 2, 3, 4].map((n) => failure(spec(n), UNAUTHORIZED)),
      failure(spec(5), CLOCK_CLASS),
      failure(spec(6), PHC2SYS),
      failure(null, 'Process did not finish before 3h45m0s timeout'),
      failure('[SynchronizedBeforeSuite]', 'daemonsets.apps "linuxptp-daemon" not found', 'setup'),
    ];
    const expected = groupFailures(input);
    for (const order of [
      [...input].reverse(),
      [input[5], input[0], input[7], input[2], input[6], input[1], input[4], input[3]],
    ]) {
      expect(groupFailures(order as AnalyzedFailure[])).toEqual(expected);
    }
    expect(expected.map((g) => g.key.slice(0, 3))).toEqual(['sig', 'sig', 'fp:', 'fp:', 'fp:']);
  });

  it('returns no groups for no failures', () => {
    expect(groupFailures([])).toEqual([]);
  });
});
