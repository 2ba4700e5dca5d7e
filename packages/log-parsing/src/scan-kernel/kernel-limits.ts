/**
 * log2 of a gram table's slots: classify/gram-table.ts hashes a word into them with
 * `>>> (32 - GRAM_SLOT_BITS)`, as scan-kernel.wat does with its shift by 15.
 */
export const GRAM_SLOT_BITS = 17;
export const GRAM_SLOTS = 1 << GRAM_SLOT_BITS;
/** Slots of the anchor pair table (redact/prefilter-keywords.ts): one per 16-bit pair of characters. */
export const ANCHOR_SLOTS = 65_536;

/**
 * The bits of an anchor pair's mask (`AnchorTable.masks`, redact/prefilter-keywords.ts): classes
 * of anchors whose keyword has a pair right after the anchor (`FOLLOWED_AFTER`), right before it
 * (`FOLLOWED_BEFORE`), or none (`ANCHOR_ALONE`). A pair of the text is a hit when its mask has a
 * class that the follower table gives the pair after it (or before it) too.
 */
export const FOLLOWED_AFTER = 0x0f;
export const FOLLOWED_BEFORE = 0x70;
export const ANCHOR_ALONE = 0x80;

/**
 * Bytes every kernel keeps past what an image asks for: `flaggedGroup` reads 16 bytes from a word
 * that can lie just before the end of the image (`ByteImage` zeros 16 spare bytes after its padded
 * text).
 */
export const READ_SLACK = 64;

/** Throws unless `table` has `slots` entries: a wrong-sized table would silently find nothing. */
export function checkTableSize(kind: string, table: Uint8Array | Uint32Array, slots: number): void {
  if (table.length !== slots) {
    throw new RangeError(`scan kernel: ${kind} has ${slots} slots, got ${table.length}`);
  }
}

/** A line's flag (`ScanKernel.lineEnds`): it holds a byte >= 0x80. */
export const LINE_WIDE = 1;
/** A line's flag (`ScanKernel.lineEnds`): it holds 0x1B, 0x9B or 0xFD (classify/escaped-lines.ts). */
export const LINE_ESCAPE = 2;

/** Classes in one skip class table (`KernelSkipTables`): one per byte value. */
export const SKIP_CLASSES = 256;
/** The skip classes (formats/skip-shape.ts) that `skipStops` reads: the others ask (stop). */
export const SKIP_IGNORED = 0;
export const SKIP_IGNORED_UNLESS_A = 2;
export const SKIP_IGNORED_UNLESS_DASHES = 3;
