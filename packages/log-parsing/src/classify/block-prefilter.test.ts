import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../ansi';
import { buildBlockPrefilter } from './block-prefilter';
import { MAX_MATCH_CHARS } from './classifier';
import { LONG_ESCAPED_LINE } from './escaped-lines';
import { buildPrefilter } from './prefilter';
import type { CompiledRule } from './rule';

function rule(literals: string[], ignoreCase: boolean): CompiledRule {
  return {
    rule: { id: 'r', category: 'unknown', pattern: 'x' },
    priority: 0,
    regex: /x/,
    literals,
    literalsIgnoreCase: ignoreCase,
  };
}

/** Index of the line each hit falls in, unique and ascending. */
function hitLines(lines: string[], hits: number[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const found = new Set(hits.map((h) => starts.findLastIndex((s) => s <= h)));
  return [...found].sort((a, b) => a - b);
}

describe('buildBlockPrefilter', () => {
  it('flags every line the per-line prefilter passes, for any literals and text', () => {
    const literal = fc.string({ minLength: 3, maxLength: 14, unit: fc.constantFrom(...'abcKSsk_:- [é') });
    const text = fc.string({
      maxLength: 60,
      unit: fc.constantFrom(...'abcKSsk_:- [é\x1b\x9b\ufffd\u017f\u212a\t'),
    });
    // A literal written with other cases or with the two non-ASCII letters that fold to s and k.
    const variant = (l: string) =>
      fc.nat().map((seed) =>
        [...l]
          .map((c, i) => {
            const pick = (seed >> (2 * i)) & 3;
            if (pick === 1) return c === 's' ? '\u017f' : c === 'k' ? '\u212a' : c.toUpperCase();
            return pick === 2 ? c.toUpperCase() : c;
          })
          .join(''),
      );
    const scenario = fc
      .array(fc.tuple(literal, fc.boolean()), { minLength: 1, maxLength: 6 })
      .chain((lits) => {
        const own = fc
          .constantFrom(...lits.map(([l]) => l))
          .chain((l) => fc.oneof(fc.constant(l), variant(l)));
        // The literal with an escape sequence inside it: only stripping reveals it.
        const split = fc
          .tuple(own, fc.nat(), fc.constantFrom('\x1b[1m', '\x9b0m', '\ufffd[36m', '\x1b]8;;x\x07', '\x1bM'))
          .map(([l, at, esc]) => l.slice(0, at % (l.length + 1)) + esc + l.slice(at % (l.length + 1)));
        const line = fc.oneof(
          text,
          own,
          split,
          fc.tuple(text, fc.oneof(own, split), text).map((p) => p.join('')),
        );
        return fc.tuple(fc.constant(lits), fc.array(line, { minLength: 1, maxLength: 12 }));
      });
    fc.assert(
      fc.property(scenario, ([lits, lines]) => {
        const perLine = buildPrefilter(lits.map(([l, ic]) => rule([l], ic)));
        const block = buildBlockPrefilter(lits.map(([text, ignoreCase]) => ({ text, ignoreCase })));
        const flagged = new Set(hitLines(lines, block.hits(lines.join('\n'))));
        lines.forEach((line, i) => {
          if (perLine.mayMatch(stripAnsi(line))) expect(flagged.has(i), JSON.stringify(line)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('confirms gram hits, so lines without any literal are not flagged', () => {
    const block = buildBlockPrefilter([
      { text: 'context deadline exceeded', ignoreCase: false },
      { text: 'OOMKilled', ignoreCase: false },
      { text: 'daemonset', ignoreCase: true },
    ]);
    const lines = [
      'ptp4l[1.2]: master offset -1 s2 freq -3972 path delay 89',
      'context deadline',
      'oomkilled',
      'rollout of DaemonSet linuxptp-daemon',
      'x: context deadline exceeded',
      'dead line: OOMKille',
    ];
    expect(hitLines(lines, block.hits(lines.join('\n')))).toEqual([3, 4]);
  });

  it('flags an escaped line only when its stripped text holds a literal', () => {
    const lines = [
      'plain',
      'colour \x1b[31m',
      'c1 \x9b1m',
      'junit \ufffd[0m',
      'pani\x1b[1mcked!',
      'pa\x9b0mnicked!',
      'pan\ufffd[36micked!',
      'panic\x1b]8;;https://x\x07ked!',
      'long \u017f',
      'kelvin \u212a',
      'ok \x1b[1mpanicked!\x1b[0m',
      'lone \ufffd and \u009b',
    ];
    const sensitive = buildBlockPrefilter([{ text: 'panicked!', ignoreCase: false }]);
    expect(hitLines(lines, sensitive.hits(lines.join('\n')))).toEqual([4, 5, 6, 7, 10]);
    // The two letters fold to s and k only for a case-insensitive literal holding an s or a k.
    const folding = buildBlockPrefilter([{ text: 'disk full', ignoreCase: true }]);
    expect(hitLines(lines, folding.hits(lines.join('\n')))).toEqual([8, 9]);
  });

  it('scans an escaped line again only where stripping joins two neighbours of a literal', () => {
    const lines = [
      // Runs of sequences: the characters around the whole run are joined.
      'pan\x1b[1m\x1b[31micked!',
      'PAN\x1b[1m\x1b[0;31;1mICKED!',
      '\x1b[1mpan\x1b[0m icked!',
      // The codes of a passed Ginkgo spec: nothing they join is a pair of the literal.
      '\x1b[38;5;10m\u2022\x1b[0m [1.0 seconds] panic ked',
      // A sequence with no final byte before the line ends, and one at the very end.
      'panic\x1b[1',
      'panicke\x1b[0md!',
    ];
    const block = buildBlockPrefilter([{ text: 'panicked!', ignoreCase: true }]);
    expect(hitLines(lines, block.hits(lines.join('\n')))).toEqual([0, 1, 5]);
  });

  it('flags escaped lines longer than LONG_ESCAPED_LINE without a second look', () => {
    expect(LONG_ESCAPED_LINE).toBeLessThanOrEqual(MAX_MATCH_CHARS);
    const block = buildBlockPrefilter([{ text: 'panicked!', ignoreCase: false }]);
    const lines = [
      'a',
      `\x1b[1m${'x'.repeat(LONG_ESCAPED_LINE)}`,
      `\x1b[1m${'x'.repeat(LONG_ESCAPED_LINE - 5)}`,
    ];
    expect(hitLines(lines, block.hits(lines.join('\n')))).toEqual([1]);
  });

  it('finds 4- to 7-character literals in every alignment and case, and not their near misses', () => {
    for (const text of ['go: ', 'ENOSPC', 'Error:', 'panic', 'SIGSEGV']) {
      for (const ignoreCase of [false, true]) {
        const block = buildBlockPrefilter([{ text, ignoreCase }]);
        const variants = ignoreCase ? [text, text.toLowerCase(), text.toUpperCase()] : [text];
        const lines = [text.slice(1), text.slice(0, -1), `${text.slice(0, 2)} ${text.slice(2)}`];
        const expected: number[] = [];
        for (let pad = 0; pad < 8; pad++) {
          for (const v of variants) {
            expected.push(lines.length);
            lines.push(`${'.'.repeat(pad)}${v}${'.'.repeat(pad % 3)}`);
          }
        }
        // At the very end of the text too, where the word after it is padding.
        expected.push(lines.length);
        lines.push(variants.at(-1)!);
        expect(hitLines(lines, block.hits(lines.join('\n'))), `${text} ${ignoreCase}`).toEqual(expected);
      }
    }
  });

  it('finds short non-ASCII literals by their own scan', () => {
    const block = buildBlockPrefilter([{ text: 'ünï', ignoreCase: true }]);
    expect(hitLines(['x', 'ab ÜNÏ', 'uni'], block.hits('x\nab ÜNÏ\nuni'))).toEqual([1]);
  });

  it('re-chooses its grams from the text and still finds every line, in blocks large enough to sample', () => {
    const literal = 'Timed out waiting for clock class ';
    const block = buildBlockPrefilter([
      { text: literal, ignoreCase: false },
      { text: 'lock contention', ignoreCase: true },
    ]);
    for (let round = 0; round < 3; round++) {
      // "clock class" everywhere makes the first gram choice the worst one for this text.
      const lines = Array.from({ length: 2000 }, (_, i) =>
        i % 97 === round ? `${'.'.repeat(i % 5)}${literal}6` : `ptp4l clock class ${i} lock ${i % 7}`,
      );
      const expected = lines.flatMap((l, i) => (l.includes(literal) ? [i] : []));
      expect(expected.length).toBeGreaterThan(15);
      expect(hitLines(lines, block.hits(lines.join('\n')))).toEqual(expected);
    }
  });

  it('keeps no bytes of a longer earlier text in its buffer', () => {
    const block = buildBlockPrefilter([{ text: 'abcdefgh', ignoreCase: false }]);
    expect(block.hits(`abcdefgh\n${'x'.repeat(1000)}abcdefgh`)).toEqual([0, 1009]);
    expect(block.hits('abcdefg')).toEqual([]);
    expect(block.hits('')).toEqual([]);
  });
});
