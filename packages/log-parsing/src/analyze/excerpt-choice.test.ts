import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatId, TestCaseResult } from '../types';
import type { InputAnalysis } from './analyze-input';
import { ExcerptChoice } from './excerpt-choice';

function input(
  path: string,
  { format = 'plain', bestMark = Number.POSITIVE_INFINITY, failed = false, lines = 10 } = {} as {
    format?: FormatId;
    bestMark?: number;
    failed?: boolean;
    lines?: number;
  },
): InputAnalysis {
  const tests = failed ? [{ name: 't', state: 'failed' } as TestCaseResult] : [];
  return {
    path,
    format,
    bytes: 100,
    lines,
    report: { format, tests, flaky: [], jobFailures: [], partial: false, errors: [] },
    logMatches: [],
    excerpt: { text: `excerpt of ${path}`, tokens: 4, ranges: [[1, lines]] },
    bestMark,
    redactions: new Map(),
  };
}

describe('ExcerptChoice', () => {
  it('prefers marked logs, then logs over reports, then the strongest mark; the first among equals', () => {
    const choice = new ExcerptChoice();
    const inputs = [
      input('quiet.log'),
      input('junit.xml', { format: 'junit-xml', bestMark: 1, failed: true }),
      input('weak.log', { bestMark: 9 }),
      input('strong.log', { bestMark: 2 }),
      input('strong-too.log', { bestMark: 2 }),
    ];
    for (const a of inputs) choice.offer(a);
    expect(choice.pick(false)?.path).toBe('strong.log');
    // When something failed, an input that explains no failure comes after one that does.
    expect(choice.pick(true)?.path).toBe('junit.xml');
  });

  it('releases the excerpt of every input that is no longer a candidate, and keeps the two that are', () => {
    const choice = new ExcerptChoice();
    const inputs = [
      input('a.log', { bestMark: 5 }),
      input('b.log', { bestMark: 3 }),
      input('report.xml', { format: 'junit-xml', bestMark: 4, failed: true }),
      input('c.log'),
    ];
    for (const a of inputs) choice.offer(a);
    expect(inputs.map((a) => a.excerpt.text)).toEqual(['', 'excerpt of b.log', 'excerpt of report.xml', '']);
  });

  it('never picks an empty input', () => {
    const choice = new ExcerptChoice();
    choice.offer(input('empty.log', { lines: 0, bestMark: 1 }));
    expect(choice.pick(false)).toBeUndefined();
    expect(choice.pick(true)).toBeUndefined();
  });
});

describe('ExcerptChoice against the sort it replaced (property)', () => {
  // The choice as analyzeSources made it before inputs were released one by one: every input kept,
  // a stable sort by the same rank at the end.
  function sortedPick(inputs: InputAnalysis[], failed: boolean): InputAnalysis | undefined {
    const rank = (a: InputAnalysis) => [
      Number.isFinite(a.bestMark) ? 0 : 1,
      failed && !a.report.tests.some((t) => t.state === 'failed') && a.report.jobFailures.length === 0
        ? 1
        : 0,
      a.format === 'junit-xml' ? 1 : 0,
      Number.isFinite(a.bestMark) ? a.bestMark : 0,
    ];
    return [...inputs.filter((a) => a.lines > 0)].sort((x, y) => {
      const rx = rank(x);
      const ry = rank(y);
      for (let i = 0; i < rx.length; i++) if (rx[i]! !== ry[i]!) return rx[i]! - ry[i]!;
      return 0;
    })[0];
  }

  it('picks the same input, with its excerpt intact, for any inputs', () => {
    const arbitraryInput = fc.record({
      format: fc.constantFrom<FormatId>('plain', 'junit-xml'),
      bestMark: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 0, max: 4 })),
      failed: fc.boolean(),
      lines: fc.constantFrom(0, 5),
    });
    fc.assert(
      fc.property(fc.array(arbitraryInput, { maxLength: 12 }), fc.boolean(), (specs, failed) => {
        const inputs = specs.map((spec, i) => input(`${i}.log`, spec));
        const expected = sortedPick(inputs, failed)?.path;
        const choice = new ExcerptChoice();
        for (const a of inputs) choice.offer(a);
        const picked = choice.pick(failed);
        expect(picked?.path).toBe(expected);
        if (picked) expect(picked.excerpt.text).toBe(`excerpt of ${picked.path}`);
      }),
      { numRuns: 500 },
    );
  });
});
