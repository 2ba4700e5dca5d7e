import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logLines } from './__fixtures__/skipping-lines';
import { githubTimestampLength, githubTimestampLengthIn } from './github-timestamp';

describe('githubTimestampLength', () => {
  it('accepts the runner format with 7 fractional digits, other widths, none, and a BOM', () => {
    expect(githubTimestampLength('2023-09-21T17:21:43.7023841Z Current runner version')).toBe(29);
    expect(githubTimestampLength('2023-09-21T17:21:43.702Z x')).toBe(25);
    expect(githubTimestampLength('2023-09-21T17:21:43Z x')).toBe(21);
    expect(githubTimestampLength('\ufeff2023-09-21T17:21:43.7023841Z x')).toBe(30);
    expect(githubTimestampLength('2023-09-21T17:21:43.7023841Z')).toBe(28);
  });

  it('rejects lines that only look similar', () => {
    expect(githubTimestampLength(' go.mod | 2 +-')).toBe(0);
    expect(githubTimestampLength('2023-09-21 17:21:43.7023841Z x')).toBe(0);
    expect(githubTimestampLength('2023-09-21T17:21:43.Z x')).toBe(0);
    expect(githubTimestampLength('2023-09-21T17:21:43.123+00:00 x')).toBe(0);
    expect(githubTimestampLength('')).toBe(0);
  });

  it('takes a timestamp ending the line only when there is room for a fraction or a BOM', () => {
    expect(githubTimestampLength('2024-01-02T03:04:05.1Z')).toBe(22);
    expect(githubTimestampLength('\uFEFF2024-01-02T03:04:05.1Z')).toBe(23);
    expect(githubTimestampLength('2024-01-02T03:04:05Z')).toBe(0);
    expect(githubTimestampLength('2024-01-02T03:04:05Z ')).toBe(21);
    expect(githubTimestampLength('2024-01-02T03:04:05.Z x')).toBe(0);
    expect(githubTimestampLength('2024-01-02T03:04:05.12Zx')).toBe(0);
    expect(githubTimestampLength('x2024-01-02T03:04:05.12Z x')).toBe(0);
  });
});

/** [start, end) of each line of `lines` joined with '\n'. */
function ranges(lines: string[]): [number, number][] {
  let start = 0;
  return lines.map((line) => {
    const range: [number, number] = [start, start + line.length];
    start += line.length + 1;
    return range;
  });
}

describe('githubTimestampLengthIn', () => {
  it('ends a timestamp with nothing after it at the line end, not past the next line', () => {
    const lines = ['2024-01-02T03:04:05.1Z', '2024-01-02T03:04:05.1234567Z next entry', 'x'];
    const text = lines.join('\n');
    expect(ranges(lines).map(([start, end]) => githubTimestampLengthIn(text, start, end))).toEqual([
      22, 29, 0,
    ]);
    // The same text read as one line has '\n' after the first 'Z': neither ' ' nor the end.
    expect(githubTimestampLength(text)).toBe(0);
  });

  it('applies the 21-character rule to the line, not to the text after it', () => {
    const lines = ['2024-01-02T03:04:05Z', 'a longer line that follows it in the chunk'];
    const text = lines.join('\n');
    expect(ranges(lines).map(([start, end]) => githubTimestampLengthIn(text, start, end))).toEqual([0, 0]);
    const inner = ['x', '2024-01-02T03:04:05Z', '2024-01-02T03:04:05Z ', ''];
    const innerText = inner.join('\n');
    expect(ranges(inner).map(([start, end]) => githubTimestampLengthIn(innerText, start, end))).toEqual([
      0, 0, 21, 0,
    ]);
  });

  it('counts a BOM on the line it starts', () => {
    const lines = [
      '\uFEFF2024-01-02T03:04:05.1Z',
      '\uFEFF2024-01-02T03:04:05Z',
      '\uFEFF2024-01-02T03:04:05Z x',
      'more',
    ];
    const text = lines.join('\n');
    expect(ranges(lines).map(([start, end]) => githubTimestampLengthIn(text, start, end))).toEqual([
      23, 0, 22, 0,
    ]);
  });

  it('gives githubTimestampLength of the sliced line, and the same as before ranges existed', () => {
    // The regex before `githubTimestampLengthIn`, as the reference for line strings.
    const before = /\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z(?: |$)/y;
    const original = (text: string) => {
      before.lastIndex = 0;
      if (!before.test(text)) return 0;
      return text.length < (text.charCodeAt(0) === 0xfeff ? 22 : 21) ? 0 : before.lastIndex;
    };
    const cut = fc.constantFrom('', 'Z', ' ', '.1Z', 'Z x');
    fc.assert(
      fc.property(logLines, fc.array(cut, { maxLength: 150 }), (texts, cuts) => {
        // Lines cut short of their message, so that timestamps end lines too.
        const lines = texts.map((t, i) => (cuts[i] === undefined ? t : t.slice(0, 20) + cuts[i]));
        const text = lines.join('\n');
        ranges(lines).forEach(([start, end], i) => {
          const line = lines[i]!;
          expect(githubTimestampLength(line)).toBe(original(line));
          expect(githubTimestampLengthIn(text, start, end)).toBe(githubTimestampLength(line));
        });
      }),
      { numRuns: 500 },
    );
  });
});
