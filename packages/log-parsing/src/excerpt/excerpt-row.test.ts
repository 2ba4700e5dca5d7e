import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseKey, sameCollapseKey } from './excerpt-row';

describe('sameCollapseKey', () => {
  it('agrees with comparing collapse keys, for any two lines', () => {
    const text = fc.string({ maxLength: 24, unit: fc.constantFrom(...'0123456789a-. \u0660x') });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sameCollapseKey(a, b)).toBe(collapseKey(a) === collapseKey(b));
      }),
      { numRuns: 2000 },
    );
    // Lines that differ only in digits: the common, collapsing case.
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 5 }), (a, ns) => {
        let i = 0;
        const b = a.replace(/\d+/g, () => String(ns[i++ % Math.max(ns.length, 1)] ?? 7));
        expect(sameCollapseKey(a, b)).toBe(true);
      }),
    );
  });

  it('treats a run of digits as one unit, of any length, and only ASCII digits', () => {
    expect(sameCollapseKey('offset 5 s2', 'offset 12345 s7')).toBe(true);
    expect(sameCollapseKey('offset 5', 'offset -5')).toBe(false);
    expect(sameCollapseKey('a1b', 'ab')).toBe(false);
    expect(sameCollapseKey('x\u0661', 'x1')).toBe(false);
    expect(sameCollapseKey('', '')).toBe(true);
  });
});
