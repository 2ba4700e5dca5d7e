import { describe, expect, it } from 'vitest';
import { parseDetectorState, type RunRecord, type SourceState } from '../tracking/detector-state';
import { renderStateBody } from './state-body';

function run(n: number): RunRecord {
  return {
    i: String(1000 + n),
    a: 1,
    s: null,
    t: `2026-08-01T00:${String(n).padStart(2, '0')}:00Z`,
    r: 'pass',
    k: [],
  };
}

describe('renderStateBody', () => {
  it('renders a state loaded back from its own body identically, even when history was trimmed', () => {
    const state: SourceState = {
      source: 'nightly 5.0',
      cursor: { lastRunId: '1049', lastCompletedAt: '2026-08-01T00:49:00Z' },
      runs: Array.from({ length: 50 }, (_, n) => run(n)),
    };
    const first = renderStateBody([state]);
    const loaded = [...parseDetectorState(first).values()];
    expect(loaded[0]!.runs.length).toBeLessThan(50);
    // What the table says must match what the markers keep, or every cycle would rewrite it.
    expect(renderStateBody(loaded)).toBe(first);
  });
});
