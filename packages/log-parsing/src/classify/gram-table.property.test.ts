import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildGramTable as referenceTable,
  candidateWords as referenceWords,
} from './__fixtures__/reference-gram-table';
import {
  buildGramTable,
  candidateWords,
  type GramCounts,
  type GramLiteral,
  type GramTable,
} from './gram-table';

// Printable ASCII with the frequent and rare characters both present, so gram costs tie and differ.
const literalText = fc
  .array(fc.constantFrom(...'aeEtZq:{}[]-_ 0x/~|'), { minLength: 5, maxLength: 14 })
  .map((cs) => cs.join(''));
const literal = fc.record({ text: literalText, ignoreCase: fc.boolean() });

/** The table as comparable data: each slot's grams in order, with the literal by its text. */
function dump(table: Pick<GramTable, 'entries'>) {
  return [...table.entries].map(([slot, list]) => [
    slot,
    list.map((e) => ({ ...e, literal: e.literal.text })),
  ]);
}

describe('buildGramTable against the previous implementation', () => {
  it('picks the same grams, with and without sampled counts', () => {
    fc.assert(
      fc.property(
        fc.array(literal, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (literals: GramLiteral[], seed) => {
          const words = [...candidateWords(literals)];
          expect(words).toEqual([...referenceWords(literals)]);
          // Counts for a pseudo-random half of the candidate grams.
          const counts: GramCounts = new Map(
            words.filter((_, i) => (seed >> (i % 16)) & 1).map((w, i) => [w, (i * 7 + seed) % 5]),
          );
          for (const c of [undefined, counts]) {
            const fast = buildGramTable(literals, c);
            const reference = referenceTable(literals, c);
            expect(dump(fast)).toEqual(dump(reference));
            expect(Buffer.compare(fast.used, reference.used)).toBe(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
