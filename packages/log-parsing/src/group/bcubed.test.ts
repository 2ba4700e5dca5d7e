import { describe, expect, it } from 'vitest';
import { bcubed } from './bcubed';

describe('bcubed', () => {
  it('scores a small hand-made clustering', () => {
    // Truth: {1,2,3} {4,5}. Prediction: {1,2} {3,4,5}.
    // Precision: 1,1 | 1/3, 2/3, 2/3 → (2 + 5/3)/5 = 11/15.
    // Recall:    2/3, 2/3, 1/3 | 1, 1 → (5/3 + 2)/5 = 11/15.
    const s = bcubed(['a', 'a', 'b', 'b', 'b'], ['x', 'x', 'x', 'y', 'y']);
    expect(s.precision).toBeCloseTo(11 / 15, 12);
    expect(s.recall).toBeCloseTo(11 / 15, 12);
    expect(s.f1).toBeCloseTo(11 / 15, 12);
  });

  it('separates over-merging (precision) from over-splitting (recall)', () => {
    const merged = bcubed(['a', 'a', 'a', 'a'], ['x', 'x', 'y', 'y']);
    expect(merged).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3 });
    const split = bcubed(['a', 'b', 'c', 'd'], ['x', 'x', 'y', 'y']);
    expect(split).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
    expect(bcubed(['p', 'p', 'q'], ['x', 'x', 'y'])).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('rejects misaligned inputs and accepts empty ones', () => {
    expect(() => bcubed(['a'], [])).toThrow(/1 predictions for 0 true labels/);
    expect(bcubed([], [])).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});
