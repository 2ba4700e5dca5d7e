import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SkippingLineParser } from '../types';
import { logLines } from './__fixtures__/skipping-lines';
import { createParser, isSkippingLineParser } from './create-parser';

/**
 * `ignoresIn(chunk, start, end)` must answer exactly as `ignores(chunk.slice(start, end))`, in
 * every parser state, whatever lines surround the line in the chunk: nothing at or past `end` may
 * count. The neighbours include lines that would flip the answer if read (a `--- FAIL` result, a
 * tab, a panic, a runner timestamp placed so that the 29-character shape test would see it).
 */
const FORMATS = ['github-actions-log', 'plain'] as const;

const TS_FAIL = '2026-07-08T00:00:00.0240001Z --- FAIL: TestX (0.00s)';
const TS_MARKER = '2026-07-08T00:00:00.0240001Z ##[error]boom';

const traps = fc.oneof(
  fc.constantFrom(
    '--- FAIL: TestX (0.00s)',
    '    --- FAIL: TestX/sub (0.50s)',
    '- x',
    '--- ',
    '\tptp_test.go:40 +0x1d',
    'ok  \tgithub.com/x/z\t0.1s',
    'panic: boom',
    'anic: boom',
    '{"Time":"2026-07-08T00:00:00Z","Action":"fail","Test":"TestX"}',
    '##[error]boom',
    '2026-07-08T00:00:00.0240001Z ',
    '',
  ),
  // Placed after the line, an entry cut so that '.', 'Z', ' ' fall at the line's offsets 19, 27
  // and 28 and a `--- FAIL` or a runner marker at 29 (see `placed`).
  fc.constantFrom({ entry: TS_FAIL }, { entry: TS_MARKER }),
);

type Neighbour = string | { entry: string };

/** `neighbours` as they stand from `offset` on, counted from the line's start. */
function placed(neighbours: readonly Neighbour[], offset: number): string[] {
  return neighbours.map((n) => {
    const text = typeof n === 'string' ? n : n.entry.slice(Math.min(offset, 29));
    offset += text.length + 1;
    return text;
  });
}

/** Each line with the lines put before and after it in its own chunk (none: first, last, alone). */
const cases = logLines.chain((texts) => {
  const neighbour: fc.Arbitrary<Neighbour> = fc.oneof(fc.constantFrom('', ...texts), traps);
  const around = fc.oneof(fc.constant([]), fc.array(neighbour, { minLength: 1, maxLength: 3 }));
  return fc.tuple(
    fc.constant(texts),
    fc.array(fc.tuple(around, around), { minLength: texts.length, maxLength: texts.length }),
  );
});

function skipping(format: (typeof FORMATS)[number]): SkippingLineParser {
  const parser = createParser(format, { path: 'x.log' });
  if (!isSkippingLineParser(parser)) throw new Error(`${format} does not skip lines`);
  return parser;
}

describe.each(FORMATS)('%s: ignoresIn reads only its line', (format) => {
  it('answers as ignores of the sliced line, in every state', () => {
    fc.assert(
      fc.property(cases, ([texts, contexts]) => {
        const byLine = skipping(format);
        const byChunk = skipping(format);
        // The whole log as one chunk, walked in order as the byte-scan path walks it.
        const walked = skipping(format);
        const all = texts.join('\n');
        let offset = 0;
        texts.forEach((text, i) => {
          const before = placed(contexts[i]![0], 0);
          const after = placed(contexts[i]![1], text.length + 1);
          const chunk = [...before, text, ...after].join('\n');
          const start = before.length === 0 ? 0 : before.join('\n').length + 1;
          const expected = byLine.ignores(text);
          expect(
            byChunk.ignoresIn(chunk, start, start + text.length),
            `line ${i + 1} in ${JSON.stringify(chunk)}`,
          ).toBe(expected);
          expect(walked.ignoresIn(all, offset, offset + text.length), `line ${i + 1} of the log`).toBe(
            expected,
          );
          offset += text.length + 1;
          const line = { no: i + 1, text };
          const skip = expected && !/[\x1b\x9b\ufffd]/.test(text);
          for (const parser of [byLine, byChunk, walked]) {
            if (skip) parser.skip(line.no);
            else parser.push(line);
          }
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('does not see a go test result, a tab or a timestamp in the next line', () => {
    const ts = format === 'github-actions-log' ? '2026-07-08T00:00:00.0240001Z ' : '';
    const lines = [
      `${ts}  a`,
      `${ts}  b`,
      `${ts}--- FAIL: TestX (0.00s)`,
      `${ts}ok  x`,
      `${ts}ok  \tpkg\t0.1s`,
    ];
    const chunk = lines.join('\n');
    const parser = skipping(format);
    const answers: boolean[] = [];
    for (let i = 0, start = 0; i < lines.length; start += lines[i]!.length + 1, i++) {
      answers.push(parser.ignoresIn(chunk, start, start + lines[i]!.length));
    }
    expect(answers).toEqual([true, true, false, true, false]);
    // Asked again out of order, the remembered search is not taken for this line's.
    expect(parser.ignoresIn(chunk, 0, lines[0]!.length)).toBe(true);
    expect(parser.ignoresIn(chunk, lines[0]!.length + 1, lines[0]!.length + 1 + lines[1]!.length)).toBe(true);
    // Asked before the remembered search's start, with a result in this line.
    const back = ['  x --- y', '  b', '--- FAIL: TestX (0.00s)'].join('\n');
    expect(parser.ignoresIn(back, 10, 13)).toBe(true);
    expect(parser.ignoresIn(back, 0, 9)).toBe(false);
    // A short line followed by a timestamped entry at the offsets the shape test reads.
    expect(parser.ignoresIn(`  a\n${TS_FAIL.slice(4)}`, 0, 3)).toBe(true);
    expect(parser.ignoresIn(`  a\n${TS_MARKER.slice(4)}`, 0, 3)).toBe(true);
  });
});
