/**
 * log2 of a gram table's slots: classify/gram-table.ts hashes a word into them with
 * `>>> (32 - GRAM_SLOT_BITS)`, as scan-kernel.wat does with its shift by 15.
 */
export const GRAM_SLOT_BITS = 17;
export const GRAM_SLOTS = 1 << GRAM_SLOT_BITS;
/** Slots of the anchor pair table (redact/prefilter-keywords.ts): one per 16-bit pair of characters. */
export const ANCHOR_SLOTS = 65_536;

/**
 * Bytes every kernel keeps past what an image asks for: `flaggedGroup` reads 16 bytes from a word
 * that can lie just before the end of the image (`ByteImage` zeros 16 spare bytes after its padded
 * text).
 */
export const READ_SLACK = 64;

/** Throws unless `table` has `slots` entries: a wrong-sized table would silently find nothing. */
export function checkTableSize(kind: string, table: Uint8Array, slots: number): void {
  if (table.length !== slots) {
    throw new RangeError(`scan kernel: ${kind} has ${slots} slots, got ${table.length}`);
  }
}

/** A line's flag (`ScanKernel.lineEnds`): it holds a byte >= 0x80. */
export const LINE_WIDE = 1;
/** A line's flag (`ScanKernel.lineEnds`): it holds 0x1B, 0x9B or 0xFD (classify/escaped-lines.ts). */
export const LINE_ESCAPE = 2;
