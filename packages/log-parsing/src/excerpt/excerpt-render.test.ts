import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coveredRanges, renderedLength, renderLines } from './excerpt-render';
import { makeRow, type Row, renderRow } from './excerpt-row';
import { estimateTokens } from './token-estimate';

describe('excerpt rendering', () => {
  it('computes the exact rendered length without building the text (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 5 }),
        fc.string({ maxLength: 30 }),
        (starts, extra, text) => {
          const sorted = [...starts].sort((a, b) => a - b);
          const rows: Row[] = [];
          for (const s of sorted) {
            const prev = rows[rows.length - 1];
            if (prev && s <= prev.last) continue;
            const row = makeRow(s, text, 500);
            row.last = s + (extra % 2 === 0 ? 0 : 1);
            row.count = row.last - row.first + 1;
            rows.push(row);
          }
          const lastNo = (rows[rows.length - 1]?.last ?? 1) + extra;
          const span = { firstNo: 1, lastNo };
          const text2 = renderLines(rows, span).join('\n');
          expect(renderedLength(rows, (r) => renderRow(r).length, span)).toBe(text2.length);
        },
      ),
    );
  });

  it('formats rows, runs and omissions', () => {
    const run = { first: 7, last: 9, text: 'tick 1', cut: 0, count: 3 };
    expect(renderRow(run)).toBe('7–9│ tick 1 (repeated 3 times)');
    expect(renderLines([run], { firstNo: 1, lastNo: 10 })).toEqual([
      '… [lines 1–6 omitted] …',
      '7–9│ tick 1 (repeated 3 times)',
      '… [line 10 omitted] …',
    ]);
    expect(coveredRanges([makeRow(1, 'a', 9), makeRow(2, 'b', 9), makeRow(5, 'c', 9)])).toEqual([
      [1, 2],
      [5, 5],
    ]);
  });

  it('estimates one token per four characters, rounded up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
  });
});
