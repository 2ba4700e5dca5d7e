import { type KernelSkipTables, scanKernel } from './scan-kernel/scan-kernel';

/**
 * A reusable byte image of a text, one byte per UTF-16 unit (`latin1` keeps the low byte), so a
 * byte's offset is a string offset and a 32-bit word's offset times four is one too: the
 * classifier's block scan and the redaction keyword prefilter read it four characters per load.
 * Units above U+00FF lose their high byte: that can only create a false hit, which the scans
 * confirm against the string. An ASCII character is always the same byte in the image.
 *
 * Writing it costs ~0.07 ns per character for a one-byte string (a copy) and ~0.14 for a two-byte
 * one (a narrowing loop), measured on the PTP benchmark log.
 *
 * The image lives in the scan kernel's memory (scan-kernel/: WebAssembly memory, or a buffer for
 * the JavaScript fallback), where the kernel's loops read it; there is one, `sharedImage`.
 */
class ByteImage {
  /** The text the image holds exactly as `load` wrote it, or null once a scan has written into it. */
  private held: string | null = null;
  /** The image as 32-bit words; valid up to `wordCount(text)` of the last text loaded. */
  words: Uint32Array = new Uint32Array(0);
  /** The image as bytes, exactly as long as the last text loaded. */
  bytes: Buffer = Buffer.alloc(0);

  /**
   * Writes `text`, then zeros up to the next multiple of 16 bytes and four words more: a scan
   * reading four words from any word of the text (or a word pair one past it) never sees bytes
   * of an earlier, longer text, which could otherwise form a gram or an anchor pair.
   */
  load(text: string): void {
    const need = paddedLength(text.length) + SPARE_BYTES;
    // Fresh views each time: the kernel's memory may have grown, which detaches the old ones.
    const { bytes, words } = scanKernel().imageViews(need);
    bytes.write(text, 0, 'latin1');
    bytes.fill(0, text.length, need);
    this.words = words;
    this.bytes = bytes.subarray(0, text.length);
    this.held = text;
  }

  /**
   * `load(text)` unless the image already holds `text` untouched: the second scan of a batch's
   * text reuses the first one's image. Usually the very same string (a pointer compare); an equal
   * copy is compared in full, which is still cheaper than writing it.
   */
  hold(text: string): void {
    if (this.held !== text) this.load(text);
  }

  /**
   * The line starts of `text` (lines each ended by `'\n'`): `starts[0]` is 0 and `starts[k + 1]`
   * is just past the k-th `'\n'`; returns them in `into`, or in a bigger array when it is too
   * small, and how many `'\n'` there are. With them `marks`, one entry `k << 2 | flags` per line k
   * holding a byte >= 0x80 (`LINE_WIDE`) or 0x1B, 0x9B, 0xFD (`LINE_ESCAPE`), ascending, in
   * `marksInto` or a bigger array (`markCount` of them). The image holds `text` afterwards. The
   * scan kernel finds both 16 bytes at a time (`lineEnds`); `indexOf` once per line cost ~40 ns a
   * line. Given `skip`, also each line's skip verdicts (`ScanKernel.skipStops`, one byte per line)
   * in `skip.into` or a bigger array, as `stops`: on the PTP benchmark log a JavaScript loop over
   * the lines' bytes took ~10% of a run's instructions, the kernel's loop a tenth of that.
   */
  lineStarts(
    text: string,
    into: Int32Array,
    marksInto: Int32Array,
    skip?: { tables: KernelSkipTables; into: Uint8Array },
  ): { starts: Int32Array; count: number; marks: Int32Array; markCount: number; stops: Uint8Array | null } {
    const out = paddedLength(text.length) + SPARE_BYTES;
    const marksAt = out + 4 * (text.length + 1);
    const stopsAt = marksAt + 4 * (text.length + 2);
    // Room past the image for two words and a byte per byte; `hold` asks for less, so the views
    // stay. Growing the memory detaches the views held (and the JavaScript kernel's new buffer
    // is empty): reload.
    const views = scanKernel().imageViews(stopsAt + text.length + 16);
    if (views.words !== this.words) this.held = null;
    this.hold(text);
    const count = scanKernel().lineEnds(text.length, out, marksAt);
    let stops: Uint8Array | null = null;
    if (skip) {
      scanKernel().skipStops(skip.tables, count, out, stopsAt);
      stops = skip.into.length >= count ? skip.into : new Uint8Array(Math.max(count, 2 * skip.into.length));
      stops.set(views.bytes.subarray(stopsAt, stopsAt + count));
    }
    let starts = into;
    if (starts.length < count + 1) starts = new Int32Array(Math.max(count + 1, 2 * starts.length));
    starts[0] = 0;
    starts.set(this.words.subarray(out >>> 2, (out >>> 2) + count), 1);
    const markCount = this.words[marksAt >>> 2]!;
    let marks = marksInto;
    if (marks.length < markCount) marks = new Int32Array(Math.max(markCount, 2 * marks.length));
    marks.set(this.words.subarray((marksAt >>> 2) + 1, (marksAt >>> 2) + 1 + markCount));
    return { starts, count, marks, markCount, stops };
  }

  /** Call before writing into the image (the block scan folds it): it no longer holds its text. */
  spoil(): void {
    this.held = null;
  }
}

/**
 * The image the batch scans share, in the order analyze runs them on each batch: the redaction
 * keyword prefilter (reads it), then the classifier's block scan (reads it, then folds it). Both
 * `hold` the text, so a batch that redaction left unchanged is written once, not twice, and one
 * buffer stays in the cache instead of two. Sharing is safe because the scans are synchronous
 * (JavaScript runs one at a time) and each one `hold`s its own text first.
 */
export const sharedImage = new ByteImage();

/**
 * Zeros kept past the padded text, for scans that read past it: a word pair one past it, or the
 * group scan's four words from the last word of the text (after a hit it resumes at any word).
 */
const SPARE_BYTES = 16;

/** Words the scan reads for a text of `length` characters: a multiple of four. */
export function wordCount(length: number): number {
  return paddedLength(length) >>> 2;
}

function paddedLength(length: number): number {
  return (length + 15) & ~15;
}
