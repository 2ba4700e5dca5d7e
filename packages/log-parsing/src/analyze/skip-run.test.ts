import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ignoredByDoc } from '../formats/__fixtures__/skip-verdict-by-doc';
import { PLAIN_SHAPE, type SkipShape, TIMESTAMPED_SHAPE } from '../formats/skip-shape';
import { skipRunWith } from './__fixtures__/skip-run-with';
import { lineFlags } from './skip-run';

/** A byte region as input/scan-blocks.ts makes it; `starts` is longer, as a reused array is. */
function region(lines: readonly string[], junk = 3) {
  const text = lines.map((l) => `${l}\n`).join('');
  const starts = new Int32Array(lines.length + 1 + junk).fill(-7);
  starts[0] = 0;
  for (let k = 0; k < lines.length; k++) starts[k + 1] = starts[k]! + lines[k]!.length + 1;
  return { text, starts, count: lines.length };
}

/** Any byte but '\n', with the ones the shapes care about more often. */
const char = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('p', 'a', '#', '[', ' ', '\t', '0', '9', '/', ':', '.', 'Z', '-', 'o', '{'),
  },
  {
    weight: 3,
    arbitrary: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c === 10 ? 11 : c)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)) },
);
const chars = (maxLength: number) => fc.string({ unit: char, maxLength });
const message = fc.oneof(
  fc.constant(''),
  fc.constantFrom('p', 'pa', 'pb', 'panic: x', 'a', ' --- FAIL', ' -- -', '\t--- ', ' ---'),
  chars(20),
);
const STAMP = '2026-07-08T00:00:00.0240001Z ';
/** 29 characters with '.', 'Z', ' ' at 19, 27, 28 and any first byte (a digit or not). */
const lookalike = fc
  .tuple(char, chars(18), chars(7))
  .map(([first, a, b]) => `${first}${a.padEnd(18, '1')}.${b.padEnd(7, '2')}Z `);
/** The runner's stamp with one of the checked places broken. */
const broken = fc
  .tuple(fc.constantFrom(0, 19, 27, 28), char)
  .map(([at, c]) => STAMP.slice(0, at) + c + STAMP.slice(at + 1));
const line = fc.oneof(
  fc.tuple(fc.constantFrom(STAMP, ''), message).map(([t, m]) => t + m),
  fc.tuple(lookalike, message).map(([t, m]) => t + m),
  fc.tuple(broken, message).map(([t, m]) => t + m),
  chars(31),
  fc.constantFrom(STAMP.slice(0, 28), STAMP, STAMP.slice(0, 27), '7'),
);
const shape: fc.Arbitrary<SkipShape> = fc.oneof(
  fc.constantFrom(TIMESTAMPED_SHAPE, PLAIN_SHAPE),
  fc.record({
    timestamped: fc.boolean(),
    classes: fc.uint8Array({ minLength: 256, maxLength: 256, min: 0, max: 4 }),
    stopBit: fc.constant(0),
  }),
);

describe('skipRun', () => {
  it('stops at the first flagged line or line the table does not ignore', () => {
    const cases = fc.array(line, { minLength: 1, maxLength: 40 }).chain((lines) =>
      fc.tuple(
        fc.constant(lines),
        fc.array(
          fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) }),
          {
            minLength: lines.length,
            maxLength: lines.length,
          },
        ),
        fc.nat(lines.length),
        shape,
      ),
    );
    fc.assert(
      fc.property(cases, ([lines, flagList, from, s]) => {
        const { text, count } = region(lines);
        const flags = Uint8Array.from(flagList);
        let expected = from;
        while (
          expected < count &&
          flags[expected] === 0 &&
          ignoredByDoc(lines[expected]!, s.timestamped, s.classes)
        )
          expected++;
        expect(skipRunWith(text, flags, from, count, s)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('judges the timestamp shape by its four places and the message from 29', () => {
    const s = TIMESTAMPED_SHAPE;
    const at = (lines: string[]) => {
      const { text, count } = region(lines);
      return skipRunWith(text, new Uint8Array(count), 0, count, s);
    };
    expect(
      at([`${STAMP}ptp4l[1]: offset 3`, `${STAMP}`, `${STAMP}p`, `${STAMP}I0708`, `${STAMP}panic: x`]),
    ).toBe(4);
    expect(at([`${STAMP}[FAILED]`])).toBe(0);
    // Shorter than 29: not judged, even when it reads like a stamp so far.
    expect(at([STAMP.slice(0, 28)])).toBe(0);
    expect(at(['ptp4l[1]: offset 3, no stamp but long enough'])).toBe(0);
    // '.', 'Z', ' ' in place but a non-digit first byte: not judged; a digit: judged.
    expect(at([`X${STAMP.slice(1)}ptp4l`])).toBe(0);
    expect(at([`9abcdefghijklmnopqr.stuvwxyZ ptp4l`, 'x'])).toBe(1);
    // 'p' as the last byte of the region: the next byte read is the line's '\n'.
    expect(at([`${STAMP}p`])).toBe(1);
    expect(at([`${STAMP}pa`])).toBe(0);
  });

  it('stops at a flagged line even when the table ignores it, and returns count at the end', () => {
    const { text, count } = region(['ptp4l 1', 'ptp4l 2', 'ptp4l 3']);
    expect(skipRunWith(text, Uint8Array.of(0, 1, 0), 0, count, PLAIN_SHAPE)).toBe(1);
    expect(skipRunWith(text, Uint8Array.of(0, 1, 0), 2, count, PLAIN_SHAPE)).toBe(3);
    expect(skipRunWith(text, Uint8Array.of(0, 0, 0), 3, count, PLAIN_SHAPE)).toBe(3);
  });
});

/** The line holding each offset, found by walking the lines. */
function flagsByWalk(starts: Int32Array, count: number, lists: number[][], lines: number[]): number[] {
  const flags = new Array<number>(count).fill(0);
  for (const list of lists)
    for (const offset of list)
      for (let k = 0; k < count; k++) if (offset >= starts[k]! && offset < starts[k + 1]!) flags[k] = 1;
  for (const k of lines) flags[k] = 1;
  return flags;
}

describe('lineFlags', () => {
  const cases = fc
    .array(
      fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, ' ')),
      { minLength: 1, maxLength: 30 },
    )
    .chain((lines) => {
      const { text, starts, count } = region(lines);
      // Offsets anywhere, at line starts and at '\n' positions, ascending (repeats allowed).
      const offset = fc.oneof(
        fc.nat(text.length - 1),
        fc.nat(count - 1).map((k) => starts[k]!),
        fc.nat(count - 1).map((k) => starts[k + 1]! - 1),
      );
      const list = fc.array(offset, { maxLength: 8 }).map((l) => l.sort((a, b) => a - b));
      return fc.tuple(
        fc.constant({ lines, starts, count }),
        fc.array(list, { maxLength: 3 }),
        fc.array(fc.nat(count - 1), { maxLength: 4 }),
        // The reused array: shorter or longer than needed, full of stale flags.
        fc.nat(2 * count),
      );
    });

  it('flags the line holding each offset and each listed line, clearing stale flags', () => {
    fc.assert(
      fc.property(cases, ([{ starts, count }, lists, lines, size]) => {
        const into = new Uint8Array(size).fill(1);
        const flags = lineFlags(into, starts, count, lists, lines);
        expect([...flags.subarray(0, count)]).toEqual(flagsByWalk(starts, count, lists, lines));
        if (size >= count) expect(flags).toBe(into);
        else expect(flags.length).toBeGreaterThanOrEqual(count);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts an offset at a line start or on its line break in the right line', () => {
    const { starts, count } = region(['ab', '', 'cde']);
    // Text 'ab\n\ncde\n': 0 'a', 2 '\n' of line 0, 3 '\n' of line 1 (empty), 4 'c', 7 '\n'.
    const flags = (offsets: number[]) => [
      ...lineFlags(new Uint8Array(8).fill(9), starts, count, [offsets], []).subarray(0, 3),
    ];
    expect(flags([2])).toEqual([1, 0, 0]);
    expect(flags([3])).toEqual([0, 1, 0]);
    expect(flags([4, 7])).toEqual([0, 0, 1]);
    expect(flags([0, 3, 7])).toEqual([1, 1, 1]);
    expect(flags([])).toEqual([0, 0, 0]);
  });
});
