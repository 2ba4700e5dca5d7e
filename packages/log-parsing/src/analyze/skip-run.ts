/**
 * The first line from `k` (of a byte region's `count`) that the skip table does not pass over:
 * a line `flags` marks, or one whose verdict (`stops`, the region's `ScanKernel.skipStops`) has
 * the shape's `stopBit`: a line of another shape, or one whose message's first bytes the table
 * asks about (formats/skip-shape.ts). Lines before it are ignored by the parser in its current
 * state. No call per line: on the benchmark log ~92% of lines end here, where a call into the
 * parsers cost ~60 ns each (docs/performance.md, "Session 8"), and no look at their bytes: the
 * kernel judged them all for every shape at once ("Session 11").
 */
export function skipRun(
  stops: Uint8Array,
  flags: Uint8Array,
  k: number,
  count: number,
  stopBit: number,
): number {
  for (; k < count; k++) if ((flags[k]! | (stops[k]! & stopBit)) !== 0) return k;
  return count;
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
