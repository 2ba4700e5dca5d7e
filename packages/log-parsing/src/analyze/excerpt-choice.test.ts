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
