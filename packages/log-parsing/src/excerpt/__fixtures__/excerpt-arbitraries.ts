import fc from 'fast-check';
import type { ExcerptOptions } from '../excerpt-options';

/** Small excerpt settings, so that budgets, windows and anchors all run out in short logs. */
export function excerptOptions(maxBudget: number): fc.Arbitrary<ExcerptOptions> {
  return fc.record({
    budgetTokens: fc.integer({ min: 20, max: maxBudget }),
    headLines: fc.nat({ max: 3 }),
    tailLines: fc.nat({ max: 6 }),
    contextBefore: fc.nat({ max: 3 }),
    contextAfter: fc.nat({ max: 3 }),
    maxAnchors: fc.nat({ max: 3 }),
    maxLineChars: fc.constantFrom(16, 500),
  });
}

/**
 * A mark step: `back` < 0 names a line not pushed yet (a pending mark), >= 0 the last line or
 * one before it; and the step that looks at the rows (`retained`, `finish`) mid-run.
 */
export function markStep(minBack: number) {
  return fc.record({
    kind: fc.constant('mark' as const),
    back: fc.integer({ min: minBack, max: 60 }),
    priority: fc.nat({ max: 4 }),
  });
}
