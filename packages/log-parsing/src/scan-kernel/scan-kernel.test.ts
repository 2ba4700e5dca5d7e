import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODULE_PATH, renderKernelModule } from '../../scripts/scan-kernel-source';
import { buildGramTable, FOLD, slotOf } from '../classify/gram-table';
import { ignoredByDoc } from '../formats/__fixtures__/skip-verdict-by-doc';
import { JsScanKernel } from './js-scan-kernel';
import { ANCHOR_ALONE, FOLLOWED_AFTER, FOLLOWED_BEFORE, GRAM_SLOTS } from './kernel-limits';
import {
  createScanKernel,
  type KernelAnchorTable,
  LINE_ESCAPE,
  LINE_WIDE,
  type ScanKernel,
} from './scan-kernel';
import { WasmScanKernel } from './wasm-scan-kernel';

// The JavaScript loops scan-kernel.wat replaced (classify/word-scan.ts `nextFlaggedGroup` and
// redact/keyword-prefilter.ts `nextAnchorWords` before session 5), written out again as the oracle
// for both kernels (JsScanKernel is the same loops, kept for runtimes without WebAssembly).
function referenceFlaggedGroup(u32: Uint32Array, i: number, count: number, used: Uint8Array): number {
  for (; i < count; i += 4) {
    const w = [0, 1, 2, 3].map((k) => u32[i + k]! | FOLD);
    for (let k = 0; k < 4; k++) u32[i + k] = w[k]!;
    if (w.some((word) => used[slotOf(word)] !== 0)) return i;
  }
  return count;
}

/**
 * The pair scan as ScanKernel.anchorPair states it: a pair's mask shares a class with the follower
 * table's entry for its neighbour on the class's side, or the pair stands alone, or a neighbour
 * lies outside the window.
 */
function referenceAnchorPair(words: Uint32Array, i: number, count: number, table: KernelAnchorTable): number {
  const bytes = new Uint8Array(words.buffer);
  const pairAt = (p: number) => bytes[p]! + 256 * bytes[p + 1]!;
  for (; i < count; i += 2) {
    for (let p = 4 * i; p < 4 * i + 8; p += 2) {
      const mask = table.masks[pairAt(p)]!;
      if (mask === 0) continue;
      const outside = p < 2 || p + 4 > 4 * count;
      const after = outside ? 0 : table.followers[pairAt(p + 2)]! & FOLLOWED_AFTER;
      const before = outside ? 0 : table.followers[pairAt(p - 2)]! & FOLLOWED_BEFORE;
      if (outside || (mask & (ANCHOR_ALONE | after | before)) !== 0) return i;
    }
  }
  return count;
}

/**
 * A byte image of `bytes` as the kernel and the oracle each see it, laid out as `ByteImage` does
 * it: zeros up to a multiple of 16 bytes, then 16 more.
 */
function images(kernel: ScanKernel, bytes: Uint8Array) {
  const padded = ((bytes.length + 15) & ~15) + 16;
  const { bytes: image, words } = kernel.imageViews(padded);
  image.fill(0, 0, padded);
  image.set(bytes);
  const copy = new Uint32Array(padded >>> 2);
  new Uint8Array(copy.buffer).set(bytes);
  return { image, words, copy, count: ((bytes.length + 15) & ~15) >>> 2 };
}

/** Any bytes: the image holds the low bytes of UTF-16 units, so every value occurs. */
const textBytes = fc.uint8Array({ minLength: 0, maxLength: 600 });

describe('scan-kernel-wasm.ts', () => {
  it('is what scan-kernel.wat compiles to (pnpm build:kernel after editing the .wat)', async () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(await renderKernelModule());
  });
});

let tableIds = 1_000_000;

const KINDS = [
  { name: 'WebAssembly', make: () => createScanKernel() },
  { name: 'JavaScript (no WebAssembly)', make: () => createScanKernel({ webAssembly: null }) },
];

describe('createScanKernel', () => {
  it('makes the WebAssembly kernel where WebAssembly is, the JavaScript one when told not to use it', () => {
    expect(createScanKernel()).toBeInstanceOf(WasmScanKernel);
    expect(createScanKernel({ webAssembly: null })).toBeInstanceOf(JsScanKernel);
  });
});

describe.each(KINDS)('$name kernel', ({ make }) => {
  it('flaggedGroup stops at the same groups and folds the same words as the reference loop', () => {
    const kernel = make();
    fc.assert(
      fc.property(
        textBytes,
        fc.array(fc.nat(131_071), { maxLength: 40 }),
        fc.nat(),
        (bytes, slots, start) => {
          const used = new Uint8Array(131_072);
          for (const s of slots) used[s] = 1;
          // Slots of some words of the text itself, so that hits happen.
          const { words, copy, count } = images(kernel, bytes);
          for (let k = 0; k < count; k += 7) used[slotOf(copy[k]! | FOLD)] = 1;
          // A new table each time: a new id, so the kernel copies it in.
          const table = { used, id: ++tableIds, version: 0 };
          for (let i = count === 0 ? 0 : start % count; i < count; i += 1) {
            const want = referenceFlaggedGroup(copy, i, count, used);
            expect(kernel.flaggedGroup(table, i, count)).toBe(want);
            i = want;
          }
          expect([...words.subarray(0, count)]).toEqual([...copy.subarray(0, count)]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('anchorPair stops at the same pairs as the reference loop', () => {
    const kernel = make();
    const classBits = fc.constantFrom(1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80, 0x11, 0x83);
    fc.assert(
      fc.property(
        textBytes,
        fc.array(fc.tuple(fc.nat(65_535), classBits), { maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(65_535), classBits), { maxLength: 60 }),
        fc.nat(),
        (bytes, anchors, follows, start) => {
          const table = { masks: new Uint8Array(65_536), followers: new Uint8Array(65_536) };
          for (const [k, bits] of anchors) table.masks[k] = bits;
          for (const [k, bits] of follows) table.followers[k] = bits;
          const { copy, count } = images(kernel, bytes);
          // Pairs of the text itself, so that stops happen: every 7th half-word an anchor of some
          // class, and each 3rd of those with its neighbours as followers of every class.
          const half = (h: number) => (copy[h >>> 1]! >>> (16 * (h & 1))) & 0xffff;
          for (let h = 0, n = 0; h < 2 * count; h += 7, n++) {
            table.masks[half(h)] = 1 << (n % 8);
            if (n % 3 === 0) {
              if (h > 0) table.followers[half(h - 1)] = 0xff;
              if (h + 1 < 2 * count) table.followers[half(h + 1)] = 0xff;
            }
          }
          for (let i = count === 0 ? 0 : start % count; i < count; i += 2) {
            const want = referenceAnchorPair(copy, i, count, table);
            expect(kernel.anchorPair(table, i, count)).toBe(want);
            i = want;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('anchorPair stops at an anchor beside its follower, on its side only, and never at one alone', () => {
    const kernel = make();
    const key = (pair: string) => pair.charCodeAt(0) | (pair.charCodeAt(1) << 8);
    const table = { masks: new Uint8Array(65_536), followers: new Uint8Array(65_536) };
    table.masks[key('ke')] = 0x01 | 0x10; // after class 1, before class 0x10
    table.followers[key('ns')] = 0x01; // "ke" then "ns"
    table.followers[key('to')] = 0x10; // "to" then "ke"
    table.followers[key('xx')] = 0x02; // a follower of another class
    const stop = (text: string) => {
      const { count } = images(kernel, Buffer.from(text));
      return kernel.anchorPair(table, 0, count);
    };
    const none = stop('........................');
    expect(stop('........kens............')).toBeLessThan(none);
    expect(stop('......token.............')).toBeLessThan(none);
    expect(stop('........kexx............')).toBe(none);
    expect(stop('........keto............')).toBe(none);
    expect(stop('......nske..............')).toBe(none);
    // At the window's first pair nothing is before it, so it stops.
    expect(stop('ke......................')).toBe(0);
  });

  it('sampleSlots counts each folded word of the image into its slot, after clearing the counts', () => {
    const kernel = make();
    const { count } = images(
      kernel,
      Buffer.from(new Uint32Array([0x41424344, 0x61626364, 0x41424344, 0xffffffff, 7]).buffer),
    );
    const counts = new Uint32Array(GRAM_SLOTS).fill(9);
    expect(kernel.sampleSlots(4, counts)).toBe(counts);
    expect(counts[slotOf(0x41424344 | FOLD)]).toBe(3); // both cases fold together
    expect(counts[slotOf(0xffffffff | FOLD)]).toBe(1);
    expect(counts[slotOf(7 | FOLD)]).toBe(0); // past `count`
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(count).toBeGreaterThan(4);
  });

  it('sampleSlots gives the reference counts for any image (property)', () => {
    const kernel = make();
    fc.assert(
      fc.property(textBytes, fc.nat(), (bytes, cut) => {
        const { copy, count } = images(kernel, bytes);
        const n = count === 0 ? 0 : cut % (count + 1);
        const want = new Map<number, number>();
        for (let i = 0; i < n; i++) {
          const slot = slotOf(copy[i]! | FOLD);
          want.set(slot, (want.get(slot) ?? 0) + 1);
        }
        const counts = kernel.sampleSlots(n, new Uint32Array(GRAM_SLOTS));
        const got = new Map<number, number>();
        counts.forEach((c, slot) => {
          if (c !== 0) got.set(slot, c);
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });

  it('gives room for a long image; fresh views read and scan it', () => {
    const kernel = make();
    kernel.imageViews(1024);
    const long = Buffer.alloc(3_000_000, 'x');
    long.write('secret', long.length - 100);
    const { words, count } = images(kernel, long);
    expect(words.length).toBeGreaterThanOrEqual(count);
    const table = { masks: new Uint8Array(65_536), followers: new Uint8Array(65_536) };
    table.masks[Buffer.from('cr').readUInt16LE(0)] = 1;
    table.followers[Buffer.from('et').readUInt16LE(0)] = 1;
    const at = kernel.anchorPair(table, 0, count);
    expect(at).toBeLessThan(count);
    expect(4 * at).toBeGreaterThan(long.length - 110);
  });
});

describe.each(KINDS)('$name kernel and gram table rebuilds', ({ make }) => {
  it('scans with the rebuilt table after buildGramTable refills one in place', () => {
    const kernel = make();
    const { count } = images(kernel, Buffer.from('the ptp4l daemon reported a holdover timeout here'));
    const literal = (text: string) => ({ text, ignoreCase: false });
    const table = buildGramTable([literal('nothing-of-this')]);
    expect(kernel.flaggedGroup(table, 0, count)).toBe(count);
    const version = table.version;
    buildGramTable([literal('holdover')], undefined, table);
    expect(table.version).not.toBe(version);
    expect(kernel.flaggedGroup(table, 0, count)).toBeLessThan(count);
  });
});

describe('WasmScanKernel', () => {
  it('copies a table in again when its version changes, and only then', () => {
    const kernel = createScanKernel();
    const { count } = images(kernel, Buffer.from('panic: runtime error, and more text after it'));
    const table = { used: new Uint8Array(131_072), id: ++tableIds, version: 0 };
    expect(kernel.flaggedGroup(table, 0, count)).toBe(count);
    table.used[slotOf(Buffer.from('pani').readUInt32LE(0) | FOLD)] = 1;
    // Same version: the kernel still holds the empty table.
    expect(kernel.flaggedGroup(table, 0, count)).toBe(count);
    table.version++;
    expect(kernel.flaggedGroup(table, 0, count)).toBe(0);
  });

  it('falls back to the JavaScript kernel when the module cannot be compiled', () => {
    const refusing = {
      Module: class {
        constructor() {
          throw new Error('CompileError: SIMD unsupported');
        }
      },
      Instance: class {
        exports = {};
      },
    };
    expect(createScanKernel({ webAssembly: refusing })).toBeInstanceOf(JsScanKernel);
  });

  it('grows its memory for a long image (at least doubling), which detaches the views taken before', () => {
    const kernel = createScanKernel();
    const small = kernel.imageViews(1024);
    const before = small.bytes.length;
    kernel.imageViews(before + 1);
    expect(small.bytes.length).toBe(0);
    const grown = kernel.imageViews(1024).bytes.length;
    expect(grown).toBeGreaterThan(2 * before);
    kernel.imageViews(3_000_000);
    expect(kernel.imageViews(1024).bytes.length).toBeGreaterThan(3_000_000);
  });

  it('refuses a slot count table of the wrong size', () => {
    for (const kernel of [createScanKernel(), createScanKernel({ webAssembly: null })]) {
      expect(() => kernel.sampleSlots(0, new Uint32Array(10))).toThrow(/a slot count table has 131072 slots/);
    }
  });

  it('refuses anchor tables of the wrong size', () => {
    const table = (masks: number, followers: number) => ({
      masks: new Uint8Array(masks),
      followers: new Uint8Array(followers),
    });
    for (const kernel of [createScanKernel(), createScanKernel({ webAssembly: null })]) {
      expect(() => kernel.anchorPair(table(10, 65_536), 0, 2)).toThrow(
        /an anchor mask table has 65536 slots/,
      );
      expect(() => kernel.anchorPair(table(65_536, 10), 0, 2)).toThrow(/a follower table has 65536 slots/);
    }
  });
});

function referenceLineEnds(bytes: Uint8Array, length: number): number[] {
  const ends: number[] = [];
  for (let at = 0; at < length; at++) if (bytes[at] === 0x0a) ends.push(at + 1);
  return ends;
}

/** Mostly ASCII, as logs are, so that high bytes are rare enough for the scans to skip groups. */
const mostlyAscii = fc
  .array(
    fc.oneof(
      { weight: 40, arbitrary: fc.integer({ min: 0, max: 0x7f }) },
      { weight: 4, arbitrary: fc.constant(0x0a) },
      { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
      // The escape bytes the line flags name.
      { weight: 1, arbitrary: fc.constantFrom(0x1b, 0x9b, 0xfd) },
    ),
    { maxLength: 1500, size: 'large' },
  )
  .map((b) => Uint8Array.from(b));

/**
 * `bytes` in the image as `ByteImage.lineStarts` lays it out: the text, zeros to a multiple of 16
 * bytes and 16 more, then `out`, with room for a word per byte, then `marks`, a word per byte and
 * one more, both filled with junk the scan must overwrite. Views taken after asking for all the
 * room: asking can move the image.
 */
function lineEndsImage(kernel: ScanKernel, bytes: Uint8Array) {
  const out = ((bytes.length + 15) & ~15) + 16;
  const marks = out + 4 * (bytes.length + 1);
  const { bytes: image, words } = kernel.imageViews(marks + 4 * (bytes.length + 2));
  image.fill(0, 0, out);
  image.set(bytes);
  words.fill(0x0a0a0a0a, out >>> 2, (marks >>> 2) + bytes.length + 2);
  return { words, out, marks };
}

/** `k << 2 | flags` for each line k (before `length`) holding a flagged byte, the slow way. */
function referenceMarks(bytes: Uint8Array, length: number): number[] {
  const flags = [0];
  for (let at = 0; at < length; at++) {
    const b = bytes[at]!;
    if (b === 0x0a) flags.push(0);
    else {
      if (b >= 0x80) flags[flags.length - 1]! |= LINE_WIDE;
      if (b === 0x1b || b === 0x9b || b === 0xfd) flags[flags.length - 1]! |= LINE_ESCAPE;
    }
  }
  return flags.flatMap((f, k) => (f === 0 ? [] : [(k << 2) | f]));
}

describe.each(KINDS)('$name kernel line scans', ({ make }) => {
  it('lineEnds writes the offsets past each 0x0a among the first `length` bytes at `out`, and the marked lines at `marks`', () => {
    const kernel = make();
    let beyond = 0;
    let flagged = 0;
    fc.assert(
      fc.property(mostlyAscii, fc.nat(), (bytes, cut) => {
        const length = cut % (bytes.length + 1);
        const want = referenceLineEnds(bytes, length);
        if (bytes.subarray(length).includes(0x0a)) beyond++;
        const { words, out, marks } = lineEndsImage(kernel, bytes);
        const n = kernel.lineEnds(length, out, marks);
        expect(n).toBe(want.length);
        expect([...words.subarray(out >>> 2, (out >>> 2) + n)]).toEqual(want);
        const wantMarks = referenceMarks(bytes, length);
        const m = words[marks >>> 2]!;
        expect([...words.subarray((marks >>> 2) + 1, (marks >>> 2) + 1 + m)]).toEqual(wantMarks);
        flagged += m;
      }),
      { numRuns: 300 },
    );
    expect(beyond).toBeGreaterThan(100);
    expect(flagged).toBeGreaterThan(1000);
  });

  it('lineEnds reports no 0x0a at or past `length`, even in the same 16 bytes', () => {
    const kernel = make();
    const bytes = Buffer.from(`a\nb${'\n'.repeat(13)}xyz\n`);
    const { words, out, marks } = lineEndsImage(kernel, bytes);
    expect(kernel.lineEnds(3, out, marks)).toBe(1);
    expect(words[out >>> 2]).toBe(2);
    expect(kernel.lineEnds(4, out, marks)).toBe(2);
    expect(kernel.lineEnds(0, out, marks)).toBe(0);
    expect(kernel.lineEnds(16, out, marks)).toBe(14);
    expect(kernel.lineEnds(19, out, marks)).toBe(14);
    expect(kernel.lineEnds(20, out, marks)).toBe(15);
    expect([...words.subarray(out >>> 2, (out >>> 2) + 15)]).toEqual([
      2,
      ...Array.from({ length: 13 }, (_, k) => 4 + k),
      20,
    ]);
  });

  it('lineEnds finds every line end of a long image', () => {
    const kernel = make();
    const bytes = Buffer.from('x'.repeat(99).concat('\n').repeat(3000));
    const { words, out, marks } = lineEndsImage(kernel, bytes);
    expect(kernel.lineEnds(bytes.length, out, marks)).toBe(3000);
    expect(words[(out >>> 2) + 2999]).toBe(300_000);
    expect(words[(out >>> 2) + 1234]).toBe(123_500);
  });
});

/** Bytes where escapes are common. */
const escapeBytes = fc
  .uint8Array({ minLength: 0, maxLength: 300, size: 'large' })
  .map((raw) => raw.map((b) => [0x1b, 0x9b, 0xfd, 0x61, 0x0a, b][b % 6]!));

function referenceEscapeByte(bytes: Uint8Array, i: number, length: number): number {
  for (; i < length; i++) if (bytes[i] === 0x1b || bytes[i] === 0x9b || bytes[i] === 0xfd) return i;
  return length;
}

describe.each(KINDS)('$name kernel byte scans', ({ make }) => {
  it('escapeByte stops at each 0x1b, 0x9b and 0xfd before `length`, from any start', () => {
    const kernel = make();
    let found = 0;
    fc.assert(
      fc.property(escapeBytes, fc.nat(), fc.nat(), (bytes, cut, from) => {
        images(kernel, bytes);
        const length = cut % (bytes.length + 1);
        for (let i = length === 0 ? 0 : from % length; i < length; i++) {
          const want = referenceEscapeByte(bytes, i, length);
          expect(kernel.escapeByte(i, length)).toBe(want);
          if (want < length) found++;
          i = want;
        }
        // Nothing at or past `length`, though the image holds more.
        expect(kernel.escapeByte(length, length)).toBe(length);
      }),
      { numRuns: 300 },
    );
    expect(found).toBeGreaterThan(1000);
  });
});

/** Whether a skip shape must stop at `line`: one that does not ignore it. */
const stopsByDoc = (line: string, timestamped: boolean, classes: Uint8Array) =>
  !ignoredByDoc(line, timestamped, classes);

const STAMP = '2026-07-08T00:00:00.0240001Z ';
const skipLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(STAMP, '', '9abcdefghijklmnopqr.stuvwxyZ ', `X${STAMP.slice(1)}`, STAMP.slice(0, 28)),
      fc.oneof(
        fc.constantFrom('', 'p', 'pa', 'pb', ' --- FAIL: x', '\t--- ', ' -- -x', 'ptp4l[1]: offset', '--- '),
        // `--- ` (or a run of dashes) at every place of the kernel's 16-byte steps.
        fc
          .tuple(fc.nat(40), fc.nat(6), fc.constantFrom(' ', 'x'))
          .map(([n, d, end]) => `${' '.repeat(n)}${'-'.repeat(d)}${end}`),
        fc.string({
          unit: fc.constantFrom('a', 'p', '-', ' ', '\t', '\u00e9', '\u009b', '0', 'Z', '.'),
          maxLength: 12,
        }),
      ),
    )
    .map(([stamp, message]) => stamp + message),
  fc.string({
    unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c === 10 ? 9 : c)),
    maxLength: 40,
  }),
);

describe.each(KINDS)('$name kernel skip verdicts', ({ make }) => {
  it('skipStops sets bit 2t + v for each line where the shape (timestamped t, class table v) must stop', () => {
    const kernel = make();
    const seen = new Set<number>();
    fc.assert(
      fc.property(
        fc.array(skipLine, { minLength: 0, maxLength: 30 }),
        fc.uint8Array({ minLength: 512, maxLength: 512, min: 0, max: 4 }),
        (lines, classes) => {
          const text = lines.map((l) => `${l}\n`).join('');
          const bytes = Buffer.from(text, 'latin1');
          const { out, marks } = lineEndsImage(kernel, bytes);
          const count = kernel.lineEnds(bytes.length, out, marks);
          const at = marks + 4 * (bytes.length + 2);
          const { bytes: image } = kernel.imageViews(at + count + 16);
          image.fill(0xff, at, at + count);
          kernel.skipStops({ classes }, count, out, at);
          const tables = [classes.subarray(0, 256), classes.subarray(256)];
          const want = lines.map(
            (line) =>
              Number(stopsByDoc(line, false, tables[0]!)) |
              (Number(stopsByDoc(line, false, tables[1]!)) << 1) |
              (Number(stopsByDoc(line, true, tables[0]!)) << 2) |
              (Number(stopsByDoc(line, true, tables[1]!)) << 3),
          );
          expect([...image.subarray(at, at + count)]).toEqual(want);
          for (const w of want) seen.add(w);
        },
      ),
      { numRuns: 400 },
    );
    // Lines of every kind: stopping no shape, all four, and mixes.
    expect(seen.size).toBeGreaterThan(8);
  });

  it('refuses skip class tables of the wrong size', () => {
    expect(() => make().skipStops({ classes: new Uint8Array(256) }, 0, 0, 0)).toThrow(/512 slots, got 256/);
  });
});

/** analyze/quiet-line.ts's byte test, as one regex over a line's latin1 text (no '\n'). */
const QUIET_BY_DOC = /^(?:[^\x1b\x80-\xff]|\xe2\x80[\x90-\x9a\x9c-\xa7]|(?<![\w-])\x1b\[[0-?]*[ -/]*[@-~])*$/;

function referenceQuietLine(line: string, start: number): number {
  if (!QUIET_BY_DOC.test(line)) return -1;
  const first = line.search(/[\x1b\x80-\xff]/);
  return start + (first === -1 ? line.length : first);
}

/** Lines made of the bytes and pieces a quiet line's test turns on, each ended by '\n'. */
const quietish = fc.array(
  fc.array(
    fc.constantFrom(
      'a',
      ' ',
      '-',
      '_',
      '9',
      '[',
      ']',
      'm',
      ';',
      '!',
      '/',
      '@',
      '~',
      '\x7f',
      '\x1b',
      '\x1b[',
      '\x1b[0m',
      '\x1b[38;5;10m',
      '\x1b[1;2 q',
      '\x1b[1\x7f',
      '\x1b[ /@',
      '\xe2',
      '\x80',
      '\xe2\x80',
      '\xe2\x80\xa2',
      '\xe2\x80\x90',
      '\xe2\x80\xa7',
      '\xe2\x80\x9b',
      '\xe2\x80\xa8',
      '\xe2\x80\x8f',
      '\xe2\x81\xa2',
      '\xc3\xa9',
      '\x9b',
      '\xfd',
    ),
    { maxLength: 12 },
  ),
  { minLength: 1, maxLength: 8 },
);

describe.each(KINDS)('$name kernel quiet lines', ({ make }) => {
  it('quietLine says which lines are quiet, and where the first escape or wide byte is', () => {
    const kernel = make();
    let quiet = 0;
    let loud = 0;
    fc.assert(
      fc.property(quietish, fc.nat(40), (pieces, pad) => {
        // A prefix of plain bytes puts the lines at every alignment of the 16-byte steps.
        const lines = ['x'.repeat(pad), ...pieces.map((p) => p.join(''))];
        const text = lines.map((l) => `${l}\n`).join('');
        images(kernel, Buffer.from(text, 'latin1'));
        let start = 0;
        for (const line of lines) {
          const end = start + line.length;
          const want = referenceQuietLine(line, start);
          expect(kernel.quietLine(start, end), JSON.stringify(line)).toBe(want);
          if (want === -1) loud++;
          else if (want < end) quiet++;
          start = end + 1;
        }
      }),
      { numRuns: 400 },
    );
    expect(quiet).toBeGreaterThan(50);
    expect(loud).toBeGreaterThan(200);
  });
});
