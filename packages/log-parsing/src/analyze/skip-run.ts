import { IGNORED, IGNORED_UNLESS_A, IGNORED_UNLESS_DASHES, type SkipShape } from '../formats/skip-shape';

/**
 * The first line from `k` (of a byte region's `count`) that the skip table does not pass over:
 * a line `flags` marks, a line of another shape, or one whose message's first bytes the table
 * asks about (formats/skip-shape.ts). Lines before it are ignored by the parser in its current
 * state. One loop over the region's raw bytes, no call per line: on the benchmark log ~92% of
 * lines end here, where a call into the parsers cost ~60 ns each (docs/performance.md,
 * "Session 8"). `bytes` must be the region's own bytes (the scan image is case-folded by then).
 */
export function skipRun(
  bytes: Uint8Array,
  starts: Int32Array,
  flags: Uint8Array,
  k: number,
  count: number,
  shape: SkipShape,
): number {
  const classes = shape.classes;
  const at = shape.timestamped ? 29 : 0;
  for (; k < count; k++) {
    if (flags[k] !== 0) return k;
    const start = starts[k]!;
    const end = starts[k + 1]! - 1;
    if (at !== 0) {
      if (end - start < 29) return k;
      const c0 = bytes[start]!;
      if (c0 < 0x30 || c0 > 0x39) return k;
      if (bytes[start + 19] !== 0x2e || bytes[start + 27] !== 0x5a || bytes[start + 28] !== 0x20) return k;
    }
    const m = start + at;
    if (m >= end) continue;
    const c = classes[bytes[m]!]!;
    if (c === IGNORED) continue;
    // `bytes[end]` is the line's '\n', so `m + 1` is always inside the region.
    if (c === IGNORED_UNLESS_A && bytes[m + 1] !== 0x61) continue;
    if (c === IGNORED_UNLESS_DASHES && !hasDashes(bytes, m, end)) continue;
    return k;
  }
  return count;
}

/** Whether bytes [from, end) hold `--- ` (a go test result, skip-shape.ts `IGNORED_UNLESS_DASHES`). */
function hasDashes(bytes: Uint8Array, from: number, end: number): boolean {
  for (let i = from; i + 4 <= end; i++) {
    if (bytes[i] === 0x2d && bytes[i + 1] === 0x2d && bytes[i + 2] === 0x2d && bytes[i + 3] === 0x20)
      return true;
  }
  return false;
}

/**
 * Per-line flags of a byte region (reused array, grown when short): 1 on every line holding one
 * of `offsets` (ascending offsets into the region's text), for each list given.
 */
export function lineFlags(
  into: Uint8Array,
  starts: Int32Array,
  count: number,
  lists: readonly (readonly number[])[],
  lines: readonly number[],
): Uint8Array {
  const flags = into.length >= count ? into : new Uint8Array(Math.max(count, 2 * into.length));
  flags.fill(0, 0, count);
  for (const offsets of lists) {
    let k = 0;
    for (const offset of offsets) {
      if (offset >= starts[count]!) break;
      // Few offsets per region: a binary search from the last line found.
      let hi = count - 1;
      while (k < hi) {
        const mid = (k + hi + 1) >>> 1;
        if (starts[mid]! <= offset) k = mid;
        else hi = mid - 1;
      }
      flags[k] = 1;
    }
  }
  for (const k of lines) flags[k] = 1;
  return flags;
}
