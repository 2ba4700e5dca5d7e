/** Slots of a gram table (classify/gram-table.ts) and of the anchor pair table (redact/). */
export const GRAM_SLOTS = 131_072;
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
