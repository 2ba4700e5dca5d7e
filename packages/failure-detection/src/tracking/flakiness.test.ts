import { describe, expect, it } from 'vitest';
import type { RunRecord } from './detector-state';
import { flakyCounts } from './flakiness';

const run = (
  i: string,
  r: RunRecord['r'],
  k: string[] | null,
  s: string | null = 'sha1',
  a = 1,
): RunRecord => ({
  i,
  a,
  s,
  t: `2024-05-0${i}T00:00:00Z`,
  r,
  k,
});

describe('flakyCounts', () => {
  it('counts passes and fails on a commit where the failure both failed and passed', () => {
    const history = [
      run('1', 'fail', ['fp:a']),
      run('2', 'pass', []),
      run('3', 'fail', ['fp:a']),
      run('4', 'fail', ['fp:a'], 'sha2'),
    ];
    expect(flakyCounts('fp:a', [history])).toEqual({ passes: 1, fails: 2 });
  });

  it('catches a re-run attempt that passed (same run id, no commit)', () => {
    const history = [run('7', 'fail', ['fp:a'], null, 1), run('7', 'pass', [], null, 2)];
    expect(flakyCounts('fp:a', [history])).toEqual({ passes: 1, fails: 1 });
  });

  it('is null when the failure never passed on the same commit', () => {
    const history = [run('1', 'fail', ['fp:a'], 'sha1'), run('2', 'pass', [], 'sha2')];
    expect(flakyCounts('fp:a', [history])).toBeNull();
    expect(flakyCounts('fp:other', [[run('1', 'fail', ['fp:a']), run('2', 'pass', [])]])).toBeNull();
  });

  it('does not count a failed run without the key as a pass (the test may not have run)', () => {
    const history = [run('1', 'fail', ['fp:a']), run('2', 'fail', ['fp:b'])];
    expect(flakyCounts('fp:a', [history])).toBeNull();
  });

  it('adds up over sources', () => {
    const a = [run('1', 'fail', ['fp:a']), run('2', 'pass', [])];
    const b = [run('5', 'fail', ['fp:a'], 'x'), run('6', 'pass', [], 'x'), run('8', 'pass', [], 'x')];
    expect(flakyCounts('fp:a', [a, b])).toEqual({ passes: 3, fails: 2 });
  });
});
