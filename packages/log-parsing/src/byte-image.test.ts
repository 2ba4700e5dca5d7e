import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedImage } from './byte-image';
import { LINE_ESCAPE, LINE_WIDE, scanKernel } from './scan-kernel/scan-kernel';

/** Line starts the slow way: 0, then just past every `'\n'`. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The marked lines the slow way: `k << 2 | flags` for each line k holding a flagged byte. */
function referenceMarks(text: string, starts: number[]): number[] {
  const marks: number[] = [];
  starts.forEach((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]! - 1 : text.length;
    let f = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) f |= LINE_WIDE;
      if (c === 0x1b || c === 0x9b || c === 0xfd) f |= LINE_ESCAPE;
    }
    if (f !== 0) marks.push((k << 2) | f);
  });
  return marks;
}

/** A latin1 character other than `'\n'` (the image keeps one byte per character). */
const latin1Char = fc.integer({ min: 0, max: 254 }).map((c) => String.fromCharCode(c >= 10 ? c + 1 : c));

const line = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: latin1Char, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc
      .record({ c: latin1Char, n: fc.nat(30_000), tail: fc.string({ unit: latin1Char, maxLength: 20 }) })
      .map(({ c, n, tail }) => c.repeat(n) + tail),
  },
);

/** Texts of `'\n'`-ended lines, up to ~70,000 characters (longer lines are dropped). */
const linesText = fc.array(line, { maxLength: 200 }).map((lines) => {
  let text = '';
  for (const l of lines) if (text.length + l.length < 70_000) text += `${l}\n`;
  return text;
});

/** Checks the image holds `text`, and that `hold(text)` then keeps it rather than writing it again. */
function expectHeld(text: string): void {
  expect(sharedImage.bytes.length).toBe(text.length);
  expect(sharedImage.bytes.equals(Buffer.from(text, 'latin1'))).toBe(true);
  if (text.length === 0) return;
  const image = sharedImage.bytes;
  image.writeUInt8(image.readUInt8(0) ^ 1, 0);
  sharedImage.hold(text);
  const kept = sharedImage.bytes.readUInt8(0) !== text.charCodeAt(0);
  image.writeUInt8(image.readUInt8(0) ^ 1, 0);
  sharedImage.spoil();
  expect(kept).toBe(true);
}

describe('sharedImage.lineStarts', () => {
  it('finds the same line starts as indexOf and the same marked lines as a byte loop, in the arrays given or bigger ones, and holds the text', () => {
    const seen = { grown: 0, reused: 0, long: 0, wide: 0, escape: 0 };
    fc.assert(
      fc.property(linesText, fc.nat(400), (text, room) => {
        const into = new Int32Array(room);
        const marksInto = new Int32Array(room >>> 3);
        const want = referenceStarts(text);
        const { starts, count, marks, markCount } = sharedImage.lineStarts(text, into, marksInto);
        expect(count).toBe(want.length - 1);
        expect([...starts.subarray(0, count + 1)]).toEqual(want);
        const wantMarks = referenceMarks(text, want);
        expect([...marks.subarray(0, markCount)]).toEqual(wantMarks);
        for (const mark of wantMarks) {
          if (mark & LINE_WIDE) seen.wide++;
          if (mark & LINE_ESCAPE) seen.escape++;
        }
        expect(marks === marksInto).toBe(marksInto.length >= markCount);
        if (room >= count + 1) {
          expect(starts).toBe(into);
          seen.reused++;
        } else {
          expect(starts).not.toBe(into);
          expect(starts.length).toBeGreaterThanOrEqual(count + 1);
          seen.grown++;
        }
        if (text.length > 30_000) seen.long++;
        expectHeld(text);
      }),
      { numRuns: 250 },
    );
    // Guards that the generator reaches each case (random: loose bounds, seen at 20+ per 250 runs).
    expect(seen.grown).toBeGreaterThan(5);
    expect(seen.reused).toBeGreaterThan(5);
    expect(seen.long).toBeGreaterThan(0);
    expect(seen.wide).toBeGreaterThan(20);
    expect(seen.escape).toBeGreaterThan(20);
  });

  it('reports a 0x0a only as a line end, whatever bytes lie around it', () => {
    const text = '\u00ff\u0080\n\n\u0000\u000b\u0009\n\n';
    expect([...sharedImage.lineStarts(text, new Int32Array(1), new Int32Array(0)).starts]).toEqual([
      0, 3, 4, 8, 9,
    ]);
    expect(sharedImage.lineStarts('', new Int32Array(0), new Int32Array(0))).toEqual({
      starts: new Int32Array([0]),
      count: 0,
      marks: new Int32Array(0),
      markCount: 0,
      stops: null,
    });
    // A text after a longer one: the zeros after it keep the longer one's line ends out.
    sharedImage.lineStarts('a\n'.repeat(5000), new Int32Array(0), new Int32Array(0));
    expect(sharedImage.lineStarts('abc\nd', new Int32Array(4), new Int32Array(4)).count).toBe(1);
    // Marks: the first line holds 0xff and 0x80 (wide); 0x1b, 0x9b and 0xfd mark theirs, the last
    // two wide as well.
    const marked = sharedImage.lineStarts(
      '\u00ff\u0080\na\u001bb\n\u009b\nc\u00fd\nplain\n',
      new Int32Array(0),
      new Int32Array(0),
    );
    expect([...marked.marks.subarray(0, marked.markCount)]).toEqual([
      1,
      (1 << 2) | 2,
      (2 << 2) | 3,
      (3 << 2) | 3,
    ]);
  });

  // Found in session 8: when the image already holds `text` (`hold` does not reload), the room
  // `lineStarts` asks for can grow the kernel's memory, which detaches the views `hold` would
  // otherwise have refreshed (`this.words.subarray` threw).
  it('finds the line starts of a text the image already holds, when its room must grow', () => {
    const room = scanKernel().imageViews(0).bytes.length;
    // Fits the image as it is, but not with a word per byte after it.
    const text = 'ab\n'.repeat(Math.floor(room / 6));
    sharedImage.hold(text);
    const { count } = sharedImage.lineStarts(text, new Int32Array(0), new Int32Array(0));
    expect(count).toBe(text.length / 3);
    expectHeld(text);
  });
});
