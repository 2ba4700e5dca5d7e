import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRAM_SLOTS } from '../scan-kernel/kernel-limits';
import { buildGramTable as referenceTable } from './__fixtures__/reference-gram-table';
import { buildGramTable, FOLD, type GramLiteral, type GramTable, slotOf } from './gram-table';

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

/** The folded word of `text`'s 4 characters from `at` (little-endian, as the scan reads it). */
function word(text: string, at: number): number {
  return Buffer.from(text.slice(at, at + 4), 'latin1').readInt32LE(0) | FOLD;
}

/** Slots hit by the entries of `literal` in `table`, per offset (a wildcard's 128 words share one). */
function slotsByOffset(table: GramTable, literal: GramLiteral): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [slot, list] of table.entries)
    for (const e of list) if (e.literal === literal) out.set(e.offset, [...(out.get(e.offset) ?? []), slot]);
  return out;
}

describe('buildGramTable', () => {
  it('picks what the previous implementation picked when nothing was sampled', () => {
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 6 }), (literals: GramLiteral[]) => {
        const fast = buildGramTable(literals);
        const reference = referenceTable(literals);
        expect(dump(fast)).toEqual(dump(reference));
        expect(Buffer.compare(fast.used, reference.used)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('takes, for each alignment, a gram whose slot the sample hit least', () => {
    fc.assert(
      fc.property(
        fc.array(literal, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(GRAM_SLOTS - 1), fc.nat(50)), { maxLength: 400 }),
        (literals: GramLiteral[], hot) => {
          const counts = new Uint32Array(GRAM_SLOTS);
          // Hot slots: random ones, and some of the literals' own grams' slots.
          for (const [slot, n] of hot) counts[slot] = n;
          for (const [i, l] of literals.entries())
            for (let k = 0; k + 4 <= l.text.length; k += 3)
              counts[slotOf(word(l.text, k))] = (i * 13 + k) % 7;
          const table = buildGramTable(literals, counts);
          for (const l of literals) {
            const chosen = slotsByOffset(table, l);
            for (let residue = 0; residue < 4; residue++) {
              const options: number[] = [];
              for (let k = residue; k + 4 <= l.text.length; k += 4) options.push(k);
              if (options.length === 0) continue; // a wildcard alignment, checked below
              const picked = options.filter((k) => chosen.has(k));
              expect(picked.length).toBeGreaterThan(0);
              const cost = (k: number) => counts[slotOf(word(l.text, k))]!;
              const least = Math.min(...options.map(cost));
              expect(picked.some((k) => cost(k) === least)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("takes a wildcard's side whose 128 slots the sample hit less", () => {
    // A 6-character literal has no whole word in alignment 3: there the table takes its first 3
    // characters with any byte before them (offset -1), or its last 3 with any byte after (offset 3).
    const l: GramLiteral = { text: 'q:x_~|', ignoreCase: false };
    const plain = slotsByOffset(buildGramTable([l]), l);
    const wildcardOffset = plain.has(-1) ? -1 : 3;
    const other = wildcardOffset === -1 ? 3 : -1;
    // Make every slot of the side taken without a sample hot: the other side wins.
    const counts = new Uint32Array(GRAM_SLOTS);
    for (const slot of plain.get(wildcardOffset)!) counts[slot] = 5;
    const sampled = slotsByOffset(buildGramTable([l], counts), l);
    expect(sampled.has(other)).toBe(true);
    expect(sampled.has(wildcardOffset)).toBe(false);
  });
});
