import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODULE_PATH, renderKernelModule } from '../../scripts/scan-kernel-source';
import { buildGramTable, FOLD, slotOf } from '../classify/gram-table';
import { JsScanKernel } from './js-scan-kernel';
import { createScanKernel, type ScanKernel } from './scan-kernel';
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

function referenceAnchorPair(words: Uint32Array, i: number, count: number, slots: Uint8Array): number {
  for (; i < count; i += 2) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if ((slots[a & 0xffff]! | slots[a >>> 16]! | slots[b & 0xffff]! | slots[b >>> 16]!) !== 0) return i;
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
    fc.assert(
      fc.property(textBytes, fc.array(fc.nat(65_535), { maxLength: 60 }), fc.nat(), (bytes, keys, start) => {
        const slots = new Uint8Array(65_536);
        for (const k of keys) slots[k] = 1 + (k % 200);
        const { copy, count } = images(kernel, bytes);
        // Pairs of the text itself (every 7th half-word), so that hits happen.
        for (let h = 0; h < 2 * count; h += 7) slots[(copy[h >>> 1]! >>> (16 * (h & 1))) & 0xffff] = 1;
        for (let i = count === 0 ? 0 : start % count; i < count; i += 2) {
          const want = referenceAnchorPair(copy, i, count, slots);
          expect(kernel.anchorPair(slots, i, count)).toBe(want);
          i = want;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives room for a long image; fresh views read and scan it', () => {
    const kernel = make();
    kernel.imageViews(1024);
    const long = Buffer.alloc(3_000_000, 'x');
    long.write('secret', long.length - 100);
    const { words, count } = images(kernel, long);
    expect(words.length).toBeGreaterThanOrEqual(count);
    const slots = new Uint8Array(65_536);
    slots[Buffer.from('cr').readUInt16LE(0)] = 1;
    const at = kernel.anchorPair(slots, 0, count);
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

  it('refuses an anchor table of the wrong size', () => {
    expect(() => createScanKernel().anchorPair(new Uint8Array(10), 0, 2)).toThrow(
      /an anchor table has 65536 slots/,
    );
  });
});
