import { describe, expect, it } from 'vitest';
import type { RunRecord } from './detector-state';
import { isRecovered } from './recovery';

let n = 0;
const run = (r: RunRecord['r'], k: string[] | null = []): RunRecord => {
  n++;
  return { i: String(n), a: 1, s: null, t: `2024-05-01T00:${String(n).padStart(2, '0')}:00Z`, r, k };
};

describe('isRecovered', () => {
  it('needs N completed runs without the failure after its last occurrence', () => {
    const history = [run('fail', ['fp:a']), run('pass'), run('pass')];
    expect(isRecovered('fp:a', [history], 3)).toBeNull();
    history.push(run('fail', ['fp:b']));
    expect(isRecovered('fp:a', [history], 3)).toEqual({ runs: 3 });
  });

  it('passes over cancelled and skipped runs, unless the failure shows up in them', () => {
    const history = [run('fail', ['fp:a']), run('pass'), run('other'), run('pass')];
    expect(isRecovered('fp:a', [history], 3)).toBeNull();
    history.push(run('pass'));
    expect(isRecovered('fp:a', [history], 3)).toEqual({ runs: 3 });
    history.push(run('other', ['fp:a']));
    expect(isRecovered('fp:a', [history], 3)).toBeNull();
  });

  it('waits when a failed run forgot its failures (unknown)', () => {
    const history = [run('fail', ['fp:a']), run('pass'), run('fail', null), run('pass')];
    expect(isRecovered('fp:a', [history], 3)).toBeNull();
  });

  it('requires every source the failure was seen in to be clean', () => {
    const clean = [run('pass'), run('pass'), run('pass')];
    const failing = [run('pass'), run('pass'), run('fail', ['fp:a'])];
    expect(isRecovered('fp:a', [clean, failing], 3)).toBeNull();
    expect(isRecovered('fp:a', [clean], 3)).toEqual({ runs: 3 });
    expect(isRecovered('fp:a', [], 3)).toBeNull();
  });
});
