import { JsScanKernel } from './js-scan-kernel';
import { type WasmApi, WasmScanKernel } from './wasm-scan-kernel';

/** The gram table the classifier's scan uses: its slot flags, and what tells one table state from another. */
export interface KernelGramTable {
  used: Uint8Array;
  /** Different for every table made. */
  id: number;
  /** Changes whenever the table is rebuilt in place. */
  version: number;
}

/** The anchor tables the secret prefilter's scan uses (redact/prefilter-keywords.ts `AnchorTable`). */
export interface KernelAnchorTable {
  /** By pair key: the classes of the anchors that are this pair (kernel-limits.ts bits), or 0. */
  masks: Uint8Array;
  /** By pair key: the classes whose follower (the pair after or before the anchor) this pair is. */
  followers: Uint8Array;
}

/**
 * The class tables of the skip shapes (formats/skip-shape.ts `SKIP_TABLES`): two tables of 256
 * classes, back to back, by the first byte of a line's message.
 */
export interface KernelSkipTables {
  readonly classes: Uint8Array;
}

/**
 * The hot loops of analyze's batch scans and the byte image they read (../byte-image.ts).
 * Normally the WebAssembly module scan-kernel.wat (`WasmScanKernel`); where WebAssembly is off
 * (`node --jitless`), cannot compile, or the platform is big-endian (the module reads words
 * little-endian, the tables are built in the platform's order), the same loops in JavaScript
 * (`JsScanKernel`), ~1.5–2x slower.
 */
export interface ScanKernel {
  /**
   * The image as bytes and as 32-bit words, with room for at least `length` bytes. Asking for
   * more room can move the image, which empties every earlier view: take fresh ones each time.
   */
  imageViews(length: number): { bytes: Buffer; words: Uint32Array };
  /**
   * `classify/word-scan.ts`'s group scan with `table`: the first index from `i`, stepping by four
   * words, of a group with a used slot, or `count`. Writes every group it reads back case-folded
   * (each byte OR 0x20).
   */
  flaggedGroup(table: KernelGramTable, i: number, count: number): number;
  /**
   * `redact/keyword-prefilter.ts`'s pair scan with `table`: the first index from `i`, stepping by
   * two words, whose two words hold an anchor pair beside its follower, or `count`. A pair is
   * beside its follower when its mask has `ANCHOR_ALONE`, or a `FOLLOWED_AFTER` class that
   * `followers` gives the pair after it, or a `FOLLOWED_BEFORE` class that `followers` gives the
   * pair before it; or when that neighbour lies outside the `count` words from word 0.
   */
  anchorPair(table: KernelAnchorTable, i: number, count: number): number;
  /**
   * The offsets just past every `'\n'` among the image's first `length` bytes, ascending, written
   * as 32-bit words from byte `out` of the image (a multiple of 4, past the image and its padding,
   * with room for one word per byte); returns how many (../byte-image.ts `lineStarts`). On the
   * same pass, the lines holding a byte >= 0x80 (`LINE_WIDE`) or 0x1B, 0x9B, 0xFD (`LINE_ESCAPE`):
   * their number as a word at byte `marks` (a multiple of 4), then a word `line << 2 | flags` for
   * each, ascending (room for one word per byte, plus one).
   */
  lineEnds(length: number, out: number, marks: number): number;
  /**
   * The first offset from `i` of a byte 0x1B, 0x9B or 0xFD among the image's first `length`
   * bytes, or `length` (classify/escaped-lines.ts: the lines that may hold an escape).
   */
  escapeByte(i: number, length: number): number;
  /**
   * Whether line [i, end) of the image, whose '\n' is the byte at `end`, is quiet
   * (analyze/quiet-line.ts): each of its bytes >= 0x80 is in an `E2 80 xx` with xx 0x90–0xA7 but
   * 0x9B, and each 0x1B opens a CSI sequence (`ESC [`, bytes 0x30–0x3F, bytes 0x20–0x2F, a final
   * 0x40–0x7E) and follows no byte `[A-Za-z0-9_-]` of the line. Returns the offset of its first
   * 0x1B or byte >= 0x80 (`end` when it has none), or -1 when it is not quiet.
   */
  quietLine(i: number, end: number): number;
  /**
   * The slot sample of classify/block-prefilter.ts: zeroes `into` (one count per gram slot), then
   * counts into it the slot (`slotOf`, classify/gram-table.ts) of each of the image's first `count`
   * words, case-folded as the group scan folds them; returns `into`.
   */
  sampleSlots(count: number, into: SlotCounts): SlotCounts;
  /**
   * The skip verdicts of `count` lines (analyze/skip-run.ts), whose ends are the words from byte
   * `ends` of the image as `lineEnds` wrote them (the first line starts at 0): one byte per line,
   * written from byte `out`, with bit `2t + v` set when a skip shape must stop at the line, one
   * whose lines are timestamped (t = 1) or not (t = 0), with class table v of `tables`
   * (formats/skip-shape.ts `SkipShape`). Reads the image as written: before a group scan folds it.
   */
  skipStops(tables: KernelSkipTables, count: number, ends: number, out: number): void;
}

/**
 * How often each slot of the gram table was hit by the words of a sample of the text being
 * scanned, by `slotOf` of the folded word: a gram's own occurrences plus every other word of the
 * log that hashes to the same slot. Both cost the scan a confirmation.
 */
export type SlotCounts = Uint32Array;

export { LINE_ESCAPE, LINE_WIDE } from './kernel-limits';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export interface ScanKernelOptions {
  /** The WebAssembly API to use; `null` for the JavaScript kernel. Default: the runtime's own. */
  webAssembly?: WasmApi | null;
}

/** A scan kernel: the WebAssembly one where it can run, else the JavaScript one. */
export function createScanKernel(options: ScanKernelOptions = {}): ScanKernel {
  const wasm =
    'webAssembly' in options ? options.webAssembly : (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm && LITTLE_ENDIAN) {
    try {
      return new WasmScanKernel(wasm);
    } catch {
      // A runtime that refuses to compile the module (no SIMD, compiling from bytes forbidden):
      // the JavaScript loops give the same results.
    }
  }
  return new JsScanKernel();
}

let kernel: ScanKernel | undefined;

/** The process's scan kernel, made on first use (~0.1 ms: the module is ~1.2 KB). */
export function scanKernel(): ScanKernel {
  kernel ??= createScanKernel();
  return kernel;
}
