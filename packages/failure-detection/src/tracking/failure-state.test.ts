import { MAX_MARKER_JSON_CHARS } from '@nightshift/github-ops';
import { describe, expect, it } from 'vitest';
import { failureState } from '../render/__fixtures__/groups';
import { fitFailureState, parseFailureState } from './failure-state';

describe('failure state', () => {
  it('parses what it wrote', () => {
    const state = failureState({
      flaky: { passes: 1, fails: 2 },
      recovered: { at: '2024-05-03T00:00:00Z', runs: 3 },
    });
    expect(parseFailureState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('is lenient with edited or older markers: only the key is required', () => {
    expect(
      parseFailureState({ key: 'fp:v1:abc', total: 'many', occurrences: 'nope', flaky: { passes: -1 } }),
    ).toMatchObject({
      key: 'fp:v1:abc',
      total: 0,
      occurrences: [],
      flaky: null,
      category: 'unknown',
    });
    expect(parseFailureState({ total: 3 })).toBeNull();
    expect(parseFailureState('key')).toBeNull();
    expect(parseFailureState(null)).toBeNull();
  });

  it('fits the marker cap by dropping old rows, then tests, keeping the counts', () => {
    const occurrences = Array.from({ length: 50 }, (_, i) => ({
      source: 's'.repeat(60),
      runId: String(i),
      url: `https://ci.example.test/${'x'.repeat(800)}/${i}`,
      at: new Date(Date.UTC(2024, 4, 1, i)).toISOString(),
      branch: 'main',
      version: null,
      attempt: 1,
    }));
    const tests = Array.from({ length: 50 }, (_, i) => `${'t'.repeat(600)} ${i}`);
    const fitted = fitFailureState(failureState({ occurrences, tests, testCount: 50, total: 80 }));
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(MAX_MARKER_JSON_CHARS - 512);
    expect(fitted.total).toBe(80);
    expect(fitted.testCount).toBe(50);
    expect(fitted.occurrences.at(-1)?.runId).toBe('49');
  });
});
