import { describe, expect, it } from 'vitest';
import { failure, group, run } from '../render/__fixtures__/groups';
import { OCCURRENCE_CAP } from './failure-state';
import { mergeObservations, type Observation } from './merge-observations';

const analysis = {
  schemaVersion: 1 as const,
  status: 'failed' as const,
  inputs: [],
  failures: [],
  flaky: [],
  redactions: [],
  excerpt: { path: null, text: '', tokens: 0, ranges: [] },
};
const seen = (id: string, overrides: Parameters<typeof run>[0] = {}, tests?: string[]): Observation => ({
  run: run({ id, completedAt: `2024-05-${id.padStart(2, '0')}T00:00:00Z`, ...overrides }),
  group: group(tests ? { tests } : {}),
  analysis,
});

describe('mergeObservations', () => {
  it('starts a state from the first observation', () => {
    const { state, added, newAffected } = mergeObservations(null, [seen('2'), seen('1')]);
    expect(state).toMatchObject({
      total: 2,
      firstSeen: '2024-05-01T00:00:00Z',
      lastSeen: '2024-05-02T00:00:00Z',
      affected: ['5.0'],
      sources: ['nightly 5.0'],
    });
    expect(added.map((o) => o.runId)).toEqual(['1', '2']);
    expect(newAffected).toEqual([]);
  });

  it('is idempotent: the same runs again add nothing', () => {
    const first = mergeObservations(null, [seen('1'), seen('2')]).state;
    const again = mergeObservations(first, [seen('2'), seen('1')]);
    expect(again.added).toEqual([]);
    expect(again.state).toEqual(first);
  });

  it('reports versions and sources seen for the first time', () => {
    const first = mergeObservations(null, [seen('1')]).state;
    const next = mergeObservations(first, [
      seen('2', { version: '4.18', branch: '4.18' }),
      seen('3', { source: 'nightly 4.18' }),
    ]);
    expect(next.newAffected).toEqual(['4.18']);
    expect(next.newSources).toEqual(['nightly 4.18']);
  });

  it('keeps the newest rows and the full count; a run older than every kept row counts as known', () => {
    let state = mergeObservations(null, [seen('1')]).state;
    for (let day = 2; day <= 28; day++) {
      for (let hour = 0; hour < 2; hour++) {
        state = mergeObservations(state, [
          {
            ...seen(String(day)),
            run: run({
              id: `${day}-${hour}`,
              completedAt: `2024-05-${String(day).padStart(2, '0')}T0${hour}:00:00Z`,
            }),
          },
        ]).state;
      }
    }
    expect(state.total).toBe(55);
    expect(state.occurrences).toHaveLength(OCCURRENCE_CAP);
    expect(mergeObservations(state, [seen('1')]).added).toEqual([]);
  });

  it('merges spread tests and cleans what it keeps', () => {
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const state = mergeObservations(null, [
      seen('1', {}, ['a', 'b']),
      seen('2', {}, ['b', `c ${token}`]),
    ]).state;
    expect(state.tests).toHaveLength(3);
    expect(state.testCount).toBe(3);
    expect(JSON.stringify(state)).not.toContain(token);
    expect(state.category).toBe(failure().category);
  });
});
