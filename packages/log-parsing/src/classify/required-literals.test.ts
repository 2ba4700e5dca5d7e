import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from './required-literals';

describe('requiredLiterals', () => {
  it.each([
    ['OS Clock was never LOCKED', '', ['OS Clock was never LOCKED']],
    ['Timed out after \\d+(?:\\.\\d+)?s\\.', '', ['Timed out after ']],
    ['index out of range \\[-?\\d+\\]', '', ['index out of range [']],
    ['CrashLoopBackOff|ImagePullBackOff', '', ['CrashLoopBackOff', 'ImagePullBackOff']],
    ['Error:\\s+(?:Not equal|Should be)', '', ['Not equal', 'Should be']],
    ['(?:^|\\s)(?:Expected|Unexpected error:)\\s*$', '', ['Expected', 'Unexpected error:']],
    ['Out of memory: Killed? process', '', ['Out of memory: Kille']],
    ['unauthorized', 'i', ['unauthorized']],
  ])('%s → %j', (pattern, flags, expected) => {
    expect(requiredLiterals(pattern, flags)).toEqual(expected);
  });

  it.each([
    ['\\d+ seconds?|ab', 'a branch without a literal makes the union unknown'],
    ['(?:foo)?ba', 'too short once the optional part is dropped'],
    ['(?=needle)x', 'lookarounds claim nothing'],
    ['[abc]+\\w*', 'classes only'],
    ['(a)\\1', 'backreferences'],
    ['\\x41BC', 'escapes with meaning are not literals'],
  ])('gives up on %s (%s)', (pattern) => {
    expect(requiredLiterals(pattern)).toBeNull();
  });

  it('never claims a literal that a match could lack (property)', () => {
    // Random patterns over a tiny alphabet, random strings over the same alphabet: matches are
    // frequent, so the soundness claim is exercised on thousands of real matches.
    const atom: fc.Arbitrary<string> = fc.oneof(
      fc.constantFrom(
        'a',
        'b',
        'c',
        'A',
        'ab',
        'abc',
        'ba',
        '.',
        '\\.',
        '\\d',
        '\\w',
        '\\b',
        '[ab]',
        '[^a]',
        '\\-',
        '-',
        ' ',
      ),
    );
    const pattern: fc.Arbitrary<string> = fc
      .letrec<{ node: string; seq: string }>((tie) => ({
        node: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          atom,
          fc
            .tuple(tie('seq'), fc.constantFrom('', '?', '*', '+', '{2}', '{0,2}', '{1,}', '??', '+?'))
            .map(([s, q]) => `(?:${s})${q}`),
          fc.tuple(atom, fc.constantFrom('?', '*', '+', '{2}', '{0,1}')).map(([a, q]) => `${a}${q}`),
          tie('seq').map((s) => `(${s})`),
          fc.tuple(tie('seq'), tie('seq')).map(([x, y]) => `(?:${x}|${y})`),
          tie('seq').map((s) => `(?=${s})`),
          tie('seq').map((s) => `(?<!${s})`),
        ),
        seq: fc.array(tie('node'), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')),
      }))
      .seq.chain((p) => fc.constantFrom(p, `${p}|${p}c`, `abc${p}`));
    const text = fc.stringMatching(/^[abcAB.\- 0-9x]{0,14}$/);
    fc.assert(
      fc.property(
        pattern,
        fc.constantFrom('', 'i'),
        fc.array(text, { minLength: 20, maxLength: 20 }),
        (p, flags, texts) => {
          let re: RegExp;
          try {
            re = new RegExp(p, flags);
          } catch {
            return; // generated an invalid pattern (e.g. quantified lookbehind): nothing to check
          }
          const literals = requiredLiterals(p, flags);
          if (literals === null) return;
          for (const t of texts) {
            if (!re.test(t)) continue;
            const hay = flags ? t.toLowerCase() : t;
            const found = literals.some((l) => hay.includes(flags ? l.toLowerCase() : l));
            expect(
              found,
              `pattern /${p}/${flags} matched ${JSON.stringify(t)} without any of ${JSON.stringify(literals)}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
