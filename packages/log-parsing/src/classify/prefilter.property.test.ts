import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECRET_RULES } from '../redact/secret-rules';
import { buildPrefilter as referencePrefilter } from './__fixtures__/reference-prefilter';
import { builtinRules } from './builtin-rules';
import { buildPrefilter, type LiteralSource, SIMPLE_LINES } from './prefilter';
import { requiredLiterals } from './required-literals';

// Literals over a small alphabet so generated lines hit, nearly hit and overlap them often; upper
// case, ſ/K (which fold to ASCII under /iu) and a non-ASCII letter exercise folding and fallback.
const CHARS = ['a', 'b', 'c', 'A', 'B', ':', ' ', '-', 'é', '\u017f', '\u212a', 's', 'k'];
const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const source = fc.record({
  literals: fc.option(fc.array(text(1, 6), { minLength: 1, maxLength: 4 }), { nil: null }),
  literalsIgnoreCase: fc.boolean(),
});

/**
 * Both ways a prefilter answers: a fresh one looks its first `SIMPLE_LINES` lines up literal by
 * literal, one that has looked at that many uses its automaton.
 */
function sameAnswers(rules: LiteralSource[], lines: string[]): void {
  const simple = buildPrefilter(rules);
  const automaton = buildPrefilter(rules);
  for (let i = 0; i < SIMPLE_LINES; i++) automaton.mayMatch('');
  const reference = referencePrefilter(rules);
  for (const line of lines) {
    for (const fast of [simple, automaton]) {
      expect(fast.rulesFor(line), line).toEqual(reference.rulesFor(line));
      expect(fast.mayMatch(line), line).toBe(reference.mayMatch(line));
    }
  }
}

describe('buildPrefilter against the previous implementation', () => {
  it('flags the same rules on random literal sets and lines', () => {
    fc.assert(
      fc.property(
        fc.array(source, { minLength: 1, maxLength: 8 }),
        fc.array(text(0, 30), { maxLength: 20 }),
        sameAnswers,
      ),
      { numRuns: 300 },
    );
  });

  it('flags the same rules for the built-in classifier rules and the secret rule gate', () => {
    const classifier = builtinRules.map((r) => ({
      literals: r.keywords ? [...r.keywords] : requiredLiterals(r.pattern, r.flags ?? ''),
      literalsIgnoreCase: r.keywords !== undefined || (r.flags ?? '').includes('i'),
    }));
    const gate = SECRET_RULES.map((r) => ({ literals: [...r.keywords], literalsIgnoreCase: true }));
    const words = [...classifier, ...gate].flatMap((r) => r.literals ?? []);
    const lines = fc.sample(
      fc
        .array(fc.oneof(fc.constantFrom(...words), text(1, 4)), { maxLength: 6 })
        .map((parts) => parts.join(' ')),
      { numRuns: 400, seed: 7 },
    );
    const upper = lines.map((l) => l.toUpperCase());
    sameAnswers(classifier, [...lines, ...upper]);
    sameAnswers(gate, [...lines, ...upper]);
  });
});
