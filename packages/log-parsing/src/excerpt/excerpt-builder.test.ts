import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../types';
import { buildExcerpt } from './build-excerpt';
import { createExcerptBuilder, type Excerpt } from './excerpt-builder';
import { estimateTokens } from './token-estimate';

const WORDS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'kilo',
];
/** Lines that never collapse into each other (they differ in more than digits). */
function distinctLines(n: number, start = 1): LogLine[] {
  return Array.from({ length: n }, (_, i) => ({
    no: start + i,
    text: `${WORDS[i % 11]} ${WORDS[(i * 7 + 3) % 11]} ${WORDS[(i * 5 + 1) % 11]}`,
  }));
}

/** Line numbers shown in the text, from the `N│` / `A–B│` prefixes. */
function shownRanges(ex: Excerpt): [number, number][] {
  const out: [number, number][] = [];
  for (const l of ex.text.split('\n')) {
    const m = /^(\d+)(?:–(\d+))?│ /.exec(l);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2] ?? m[1]);
    const last = out[out.length - 1];
    if (last && a === last[1] + 1) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

describe('createExcerptBuilder', () => {
  it('returns an empty excerpt for empty input', () => {
    expect(createExcerptBuilder().finish()).toEqual({ text: '', tokens: 0, ranges: [] });
    expect(buildExcerpt([], [])).toEqual({ text: '', tokens: 0, ranges: [] });
  });

  it('keeps a small log whole, each line prefixed with its number', () => {
    const ex = buildExcerpt(distinctLines(3), []);
    expect(ex.text).toBe('1│ alpha delta bravo\n2│ bravo kilo golf\n3│ charlie golf alpha');
    expect(ex.ranges).toEqual([[1, 3]]);
    expect(ex.tokens).toBe(estimateTokens(ex.text));
  });

  it('keeps head, tail and the window around a mark, with omission markers between', () => {
    const ex = buildExcerpt(distinctLines(500), [{ line: 250, priority: 0 }]);
    expect(ex.ranges).toEqual([
      [1, 5],
      [242, 262],
      [471, 500],
    ]);
    expect(ex.text).toContain('… [lines 6–241 omitted] …');
    expect(ex.text).toContain('… [lines 263–470 omitted] …');
    expect(ex.text).toContain('250│ ');
    expect(shownRanges(ex)).toEqual(ex.ranges);
  });

  it('merges overlapping windows into one range', () => {
    const ex = buildExcerpt(distinctLines(500), [
      { line: 200, priority: 1 },
      { line: 210, priority: 1 },
    ]);
    expect(ex.ranges).toContainEqual([192, 222]);
  });

  it('lets the higher priority (smaller number) win when the budget is short', () => {
    const lines = distinctLines(1000);
    const marks = [
      { line: 300, priority: 5 },
      { line: 700, priority: 0 },
    ];
    const ex = buildExcerpt(lines, marks, { budgetTokens: 120 });
    expect(ex.tokens).toBeLessThanOrEqual(120);
    expect(ex.text).toContain('700│ ');
    expect(ex.text).not.toContain('300│ ');
    // With room for both, both are in.
    const roomy = buildExcerpt(lines, marks, { budgetTokens: 2000 });
    expect(roomy.text).toContain('300│ ');
    expect(roomy.text).toContain('700│ ');
  });

  it('keeps at most maxAnchors marks: the strongest, then the latest among equals', () => {
    const lines = distinctLines(2000);
    const marks = [
      ...Array.from({ length: 10 }, (_, i) => ({ line: 100 + i * 100, priority: 3 })),
      { line: 50, priority: 1 },
    ];
    const ex = buildExcerpt(lines, marks, {
      maxAnchors: 3,
      contextBefore: 0,
      contextAfter: 0,
      tailLines: 0,
      headLines: 0,
    });
    expect(ex.ranges).toEqual([
      [50, 50],
      [900, 900],
      [1000, 1000],
    ]);
  });

  it('collapses consecutive lines that differ only in digits', () => {
    const lines: LogLine[] = [
      { no: 1, text: 'start' },
      ...Array.from({ length: 100 }, (_, i) => ({
        no: i + 2,
        text: `2024-01-01T00:00:${i % 60}Z waiting for pod (${i}s)`,
      })),
      { no: 102, text: 'end' },
    ];
    const ex = buildExcerpt(lines, []);
    expect(ex.text).toBe(
      ['1│ start', '2–101│ 2024-01-01T00:00:0Z waiting for pod (0s) (repeated 100 times)', '102│ end'].join(
        '\n',
      ),
    );
    expect(ex.ranges).toEqual([[1, 102]]);
  });

  it('cuts very long lines', () => {
    const ex = buildExcerpt([{ no: 1, text: 'x'.repeat(2000) }], [], { maxLineChars: 100 });
    expect(ex.text).toBe(`1│ ${'x'.repeat(100)} … [+1900 chars]`);
  });

  it('accepts a mark for the line just pushed, a future line, and ignores a line long gone', () => {
    const b = createExcerptBuilder({ budgetTokens: 4000 });
    b.mark(40_000, 0); // future
    for (const l of distinctLines(50_000)) {
      b.push(l);
      if (l.no === 20_000) b.mark(20_000, 1); // just pushed
    }
    b.mark(10_000, 0); // dropped long ago: ignored
    const ex = b.finish();
    expect(ex.text).toContain('20000│ ');
    expect(ex.text).toContain('40000│ ');
    expect(ex.text).not.toContain('10000│ ');
  });

  it('rejects bad input with a clear error', () => {
    const b = createExcerptBuilder();
    b.push({ no: 5, text: 'a' });
    expect(() => b.push({ no: 5, text: 'b' })).toThrow(/must increase/);
    expect(() => b.push({ no: 0, text: 'b' })).toThrow(/positive integer/);
    expect(() => b.mark(Number.NaN, 1)).toThrow(/finite/);
    expect(() => createExcerptBuilder({ budgetTokens: -1 })).toThrow(/budgetTokens/);
    expect(() => createExcerptBuilder({ contextAfter: 1.5 })).toThrow(/contextAfter/);
  });

  it('returns nothing at all rather than exceed a tiny budget', () => {
    expect(buildExcerpt(distinctLines(10), [], { budgetTokens: 0 })).toEqual({
      text: '',
      tokens: 0,
      ranges: [],
    });
    const small = buildExcerpt(distinctLines(1000), [{ line: 500, priority: 0 }], { budgetTokens: 12 });
    expect(small.tokens).toBeLessThanOrEqual(12);
  });

  it('keeps memory bounded: 10^6 lines with a mark every 997 lines', () => {
    const opts = { headLines: 5, tailLines: 30, contextBefore: 8, contextAfter: 12, maxAnchors: 40 };
    const bound =
      opts.headLines + opts.tailLines + opts.maxAnchors * (opts.contextBefore + 1 + opts.contextAfter);
    const b = createExcerptBuilder(opts);
    let maxRetained = 0;
    for (let no = 1; no <= 1_000_000; no++) {
      b.push({ no, text: `${WORDS[no % 11]} ${WORDS[(no * 3) % 11]} ${no}` });
      if (no % 997 === 0) b.mark(no, no % 7);
      if (no % 10_000 === 0) maxRetained = Math.max(maxRetained, b.retained());
    }
    expect(maxRetained).toBeGreaterThan(opts.tailLines);
    expect(maxRetained).toBeLessThanOrEqual(bound);
    const ex = b.finish();
    expect(ex.tokens).toBeLessThanOrEqual(2000);
    expect(ex.text).toContain('1000000│ ');
  });

  it('respects the budget, reports true ranges and keeps marks it has room for (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.array(
          fc.record({ line: fc.integer({ min: 1, max: 400 }), priority: fc.integer({ min: 0, max: 5 }) }),
          {
            maxLength: 12,
          },
        ),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.integer({ min: 0, max: 399 }), { maxLength: 20 }),
        (n, marks, budgetTokens, repeats) => {
          const lines = distinctLines(n);
          // Make some lines repeat their predecessor (digits aside) so collapsing is exercised.
          for (const r of repeats) if (r > 0 && r < n) lines[r] = { no: r + 1, text: lines[r - 1]!.text };
          const ex = buildExcerpt(lines, marks, { budgetTokens });
          expect(ex.tokens).toBe(estimateTokens(ex.text));
          expect(ex.tokens).toBeLessThanOrEqual(budgetTokens);
          expect(shownRanges(ex)).toEqual(ex.ranges);
          for (const [a, b] of ex.ranges) expect(1 <= a && a <= b && b <= n).toBe(true);
          if (budgetTokens >= 1500 && marks.length <= 5) {
            for (const m of marks) {
              if (m.line <= n) expect(ex.ranges.some(([a, b]) => a <= m.line && m.line <= b)).toBe(true);
            }
          }
          const streamed = createExcerptBuilder({ budgetTokens });
          for (const l of lines) streamed.push(l);
          expect(streamed.retained()).toBeLessThanOrEqual(5 + 30 + 40 * 21);
        },
      ),
      { numRuns: 150 },
    );
  });
});
