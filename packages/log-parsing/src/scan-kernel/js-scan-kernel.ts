import { isWordChar } from '../ansi';
import { FOLD, slotOf } from '../classify/gram-table';
import {
  ANCHOR_ALONE,
  ANCHOR_SLOTS,
  checkTableSize,
  FOLLOWED_AFTER,
  FOLLOWED_BEFORE,
  GRAM_SLOTS,
  LINE_ESCAPE,
  LINE_WIDE,
  READ_SLACK,
  SKIP_CLASSES,
} from './kernel-limits';
import type {
  KernelAnchorTable,
  KernelGramTable,
  KernelSkipTables,
  ScanKernel,
  SlotCounts,
} from './scan-kernel';
import { skipActions } from './skip-actions';

/**
 * The scan kernel in JavaScript, for runtimes without WebAssembly (`node --jitless`): the loops
 * analyze ran before scan-kernel.wat, over an image in an ordinary buffer.
 */
export class JsScanKernel implements ScanKernel {
  private bytes = Buffer.alloc(0);
  private words = new Uint32Array(0);
  private skipTables: KernelSkipTables | null = null;
  private actions: Uint16Array = new Uint16Array(0);

  imageViews(length: number): { bytes: Buffer; words: Uint32Array } {
    const need = length + READ_SLACK;
    if (this.bytes.length < need) {
      const size = Math.max(need, 2 * this.bytes.length, 65_536) & ~3;
      this.bytes = Buffer.alloc(size + 4);
      this.words = new Uint32Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length >>> 2);
    }
    return { bytes: this.bytes, words: this.words };
  }

  flaggedGroup(table: KernelGramTable, i: number, count: number): number {
    checkTableSize('a gram table', table.used, GRAM_SLOTS);
    const u32 = this.words;
    const used = table.used;
    for (; i < count; i += 4) {
      const w0 = u32[i]! | FOLD;
      const w1 = u32[i + 1]! | FOLD;
      const w2 = u32[i + 2]! | FOLD;
      const w3 = u32[i + 3]! | FOLD;
      u32[i] = w0;
      u32[i + 1] = w1;
      u32[i + 2] = w2;
      u32[i + 3] = w3;
      if ((used[slotOf(w0)]! | used[slotOf(w1)]! | used[slotOf(w2)]! | used[slotOf(w3)]!) !== 0) return i;
    }
    return count;
  }

  anchorPair(table: KernelAnchorTable, i: number, count: number): number {
    const { masks, followers } = table;
    checkTableSize('an anchor mask table', masks, ANCHOR_SLOTS);
    checkTableSize('a follower table', followers, ANCHOR_SLOTS);
    const words = this.words;
    const bytes = this.bytes;
    const end = 4 * count;
    for (; i < count; i += 2) {
      const a = words[i]!;
      const b = words[i + 1]!;
      if ((masks[a & 0xffff]! | masks[a >>> 16]! | masks[b & 0xffff]! | masks[b >>> 16]!) === 0) continue;
      for (let p = 4 * i; p < 4 * i + 8; p += 2) {
        const m = masks[bytes[p]! | (bytes[p + 1]! << 8)]!;
        if (m === 0) continue;
        if ((m & ANCHOR_ALONE) !== 0 || p === 0 || p + 4 > end) return i;
        if ((m & FOLLOWED_AFTER & followers[bytes[p + 2]! | (bytes[p + 3]! << 8)]!) !== 0) return i;
        if ((m & FOLLOWED_BEFORE & followers[bytes[p - 2]! | (bytes[p - 1]! << 8)]!) !== 0) return i;
      }
    }
    return count;
  }

  lineEnds(length: number, out: number, marks: number): number {
    const bytes = this.bytes;
    const words = this.words;
    const at = marks >>> 2;
    let n = 0;
    let m = 0;
    let last = -1;
    for (let i = 0; i < length; i++) {
      const b = bytes[i]!;
      if (b === 10) {
        words[(out >>> 2) + n++] = i + 1;
        continue;
      }
      const bits = (b >= 0x80 ? LINE_WIDE : 0) | (b === 0x1b || b === 0x9b || b === 0xfd ? LINE_ESCAPE : 0);
      if (bits === 0) continue;
      if (n === last) words[at + m] = words[at + m]! | bits;
      else {
        words[at + ++m] = (n << 2) | bits;
        last = n;
      }
    }
    words[at] = m;
    return n;
  }

  sampleSlots(count: number, into: SlotCounts): SlotCounts {
    checkTableSize('a slot count table', into, GRAM_SLOTS);
    into.fill(0);
    // Read as signed words (what `| FOLD` makes of them anyway): a Uint32Array element above 2^31
    // made TurboFan drop its optimised loop ("lost precision") and compile it twice more per run.
    const words = new Int32Array(
      this.words.buffer,
      this.words.byteOffset,
      Math.min(count, this.words.length),
    );
    for (let i = 0; i < words.length; i++) into[slotOf(words[i]! | FOLD)]!++;
    return into;
  }

  escapeByte(i: number, length: number): number {
    const bytes = this.bytes;
    for (; i < length; i++) {
      const b = bytes[i];
      if (b === 0x1b || b === 0x9b || b === 0xfd) return i;
    }
    return length;
  }

  quietLine(i: number, end: number): number {
    const bytes = this.bytes;
    const start = i;
    let first = end;
    while (i < end) {
      const c = bytes[i]!;
      if (c < 0x80 && c !== 0x1b) {
        i++;
        continue;
      }
      if (first === end) first = i;
      if (c === 0x1b) {
        if (i > start && isWordChar(bytes[i - 1]!)) return -1;
        if (bytes[i + 1] !== 0x5b) return -1;
        // The '\n' at `end` is in none of the three ranges: a sequence never runs past it.
        i += 2;
        while (bytes[i]! >= 0x30 && bytes[i]! <= 0x3f) i++;
        while (bytes[i]! >= 0x20 && bytes[i]! <= 0x2f) i++;
        if (bytes[i]! < 0x40 || bytes[i]! > 0x7e) return -1;
        i++;
        continue;
      }
      const x = bytes[i + 2]!;
      if (c !== 0xe2 || bytes[i + 1] !== 0x80 || x < 0x90 || x > 0xa7 || x === 0x9b) return -1;
      i += 3;
    }
    return first;
  }

  skipStops(tables: KernelSkipTables, count: number, ends: number, out: number): void {
    checkTableSize('a pair of skip class tables', tables.classes, 2 * SKIP_CLASSES);
    if (tables !== this.skipTables) {
      this.actions = skipActions(tables.classes);
      this.skipTables = tables;
    }
    const { bytes, words, actions } = this;
    let start = 0;
    for (let k = 0; k < count; k++) {
      const end = words[(ends >>> 2) + k]! - 1;
      let stamped = 3;
      if (
        end - start >= 29 &&
        bytes[start]! >= 0x30 &&
        bytes[start]! <= 0x39 &&
        bytes[start + 19] === 0x2e &&
        bytes[start + 27] === 0x5a &&
        bytes[start + 28] === 0x20
      )
        stamped = stops(bytes, actions, start + 29, end);
      bytes[out + k] = stops(bytes, actions, start, end) | (stamped << 2);
      start = end + 1;
    }
  }
}

/** Bit v: class table v stops at the message [m, end) (`skipStops`, skip-actions.ts). */
function stops(bytes: Buffer, actions: Uint16Array, m: number, end: number): number {
  if (m >= end) return 0;
  const a = actions[bytes[m]!]!;
  let r = a & 3;
  if ((a & 0x0c) !== 0 && bytes[m + 1] === 0x61) r |= (a >>> 2) & 3;
  if ((a & 0x30) !== 0 && hasDashes(bytes, m, end)) r |= (a >>> 4) & 3;
  return r;
}

/** Whether bytes [from, end) hold `--- ` (a go test result). */
function hasDashes(bytes: Buffer, from: number, end: number): boolean {
  for (let i = from; i + 4 <= end; i++) {
    if (bytes[i] === 0x2d && bytes[i + 1] === 0x2d && bytes[i + 2] === 0x2d && bytes[i + 3] === 0x20)
      return true;
  }
  return false;
}
