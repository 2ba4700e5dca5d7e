import { sharedImage } from '../byte-image';
import { SKIP_TABLES } from '../formats/skip-shape';
import { type LineBlock, type LineReaderOptions, TextBlockReader } from './line-reader';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from './line-splitter';

/**
 * Complete lines of a byte chunk, kept as bytes and as one latin1 string (one character per
 * byte, so a character's offset is its byte's offset), never split into a string per line.
 * Line `firstNo + k` is `[starts[k], starts[k + 1] - 1)`: every line ends with a `'\n'`, and no
 * line holds a `'\r'`. A line with no byte >= 0x80 reads the same in `text` as decoded; any
 * other line must be decoded from `bytes` (UTF-8) before it is shown or parsed.
 */
export interface ByteRegion {
  readonly firstNo: number;
  readonly bytes: Buffer;
  readonly text: string;
  /** Line starts, `count + 1` entries (the last is `text.length`). Reused for the next region. */
  readonly starts: Int32Array;
  /**
   * The lines holding a byte >= 0x80 (`LINE_WIDE`) or 0x1B, 0x9B, 0xFD (`LINE_ESCAPE`): `markCount`
   * entries `k << 2 | flags`, ascending. Reused for the next region.
   */
  readonly marks: Int32Array;
  readonly markCount: number;
  readonly count: number;
  /**
   * Per line, the skip shapes that must stop at it (`ScanKernel.skipStops`: bit `SkipShape.stopBit`
   * of each shape that does), `count` entries. Reused for the next region.
   */
  readonly stops: Uint8Array;
}

export type ScanBlock = { region: ByteRegion; lines?: undefined } | { region?: undefined; lines: LineBlock };

const LF = 10;
const CR = 13;
const NO_CUT: readonly number[] = [];
/** Decodes whole lines (not a stream: no state is kept between calls). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Why a reader of its own: analyze spends most of its time on lines nothing looks at. Decoding
 * every chunk to UTF-16 (`TextDecoder`) and slicing a string per line cost ~0.15 s per 100 MB,
 * and those strings ~half the garbage collection; a latin1 copy of the chunk is one memcpy, and
 * the consumer finds the few lines that matter with scans over it (docs/performance.md,
 * "Session 8").
 *
 * Yields the same lines, numbered the same, as `readLineBlocks` (the differential test in
 * analyze/ checks it): line breaks are `'\n'`, a BOM at the start is dropped, a line
 * completed from the previous chunk's tail comes alone as a `LineBlock`, decoded. What this reader
 * does not read itself, it hands over, with the rest of the input, to `readLineBlocks`'s own
 * `TextBlockReader`: a `'\r'` (a lone one is a line break too), a string chunk, a chunk or a
 * line longer than the line cap (cutting counts UTF-16 units), a BOM split across chunks.
 * Bytes are decoded line by line, which gives what decoding the whole stream gives: `'\n'` is
 * never part of a multi-byte sequence, so an invalid one ends before it either way.
 */
export async function* readScanBlocks(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options?: LineReaderOptions,
): AsyncGenerator<ScanBlock> {
  // The text reader's own check of the options, at once rather than at the first hand-over.
  new LineSplitter(options);
  const max = options?.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let text = null as TextBlockReader | null;
  let no = 0;
  let atStart = true;
  /**
   * Bytes after the last line break, the start of a line not complete yet, as the pieces they
   * came in: joined once the line ends (joining at every chunk was quadratic for a long line
   * arriving in small chunks).
   */
  let carry: Buffer[] = [];
  let carried = 0;
  let starts: Int32Array = new Int32Array(1024);
  let marks: Int32Array = new Int32Array(256);
  let stops: Uint8Array = new Uint8Array(1024);

  /** Hands the input over to a `TextBlockReader`, carried bytes first. */
  const toText = (): TextBlockReader => {
    const reader = new TextBlockReader(options, atStart ? undefined : { lineCount: no });
    text = reader;
    return reader;
  };

  for await (const chunk of source) {
    if (text !== null) {
      yield* lines(text.push(chunk));
      continue;
    }
    if (
      !(chunk instanceof Uint8Array) ||
      chunk.length > max ||
      (atStart && chunk.length < 3 && chunk[0] === 0xef)
    ) {
      const reader = toText();
      for (const piece of carry) yield* lines(reader.push(piece));
      yield* lines(reader.push(chunk));
      continue;
    }
    let bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (bytes.length === 0) continue;
    if (bytes.indexOf(CR) !== -1) {
      const reader = toText();
      for (const piece of carry) yield* lines(reader.push(piece));
      yield* lines(reader.push(bytes));
      continue;
    }
    if (atStart) {
      atStart = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const first = bytes.indexOf(LF);
    if (first === -1 || carried + first > max) {
      // A copy: the caller may reuse the chunk's buffer.
      carry.push(Buffer.from(bytes));
      carried += bytes.length;
      if (carried > max) {
        // Longer than the cap: the text reader cuts it, and memory stays bounded.
        const reader = toText();
        const held = carry;
        carry = [];
        carried = 0;
        for (const piece of held) yield* lines(reader.push(piece));
      }
      continue;
    }
    let from = 0;
    if (carried > 0) {
      const line = utf8.decode(Buffer.concat([...carry, bytes.subarray(0, first)]));
      yield { lines: oneLine(++no, line) };
      from = first + 1;
    }
    const last = bytes.lastIndexOf(LF);
    carry = last + 1 < bytes.length ? [Buffer.from(bytes.subarray(last + 1))] : [];
    carried = bytes.length - (last + 1);
    if (last + 1 <= from) continue;
    const regionBytes = bytes.subarray(from, last + 1);
    const regionText = latin1Text(regionBytes);
    const found = sharedImage.lineStarts(regionText, starts, marks, { tables: SKIP_TABLES, into: stops });
    starts = found.starts;
    marks = found.marks;
    stops = found.stops!;
    const count = found.count;
    const markCount = found.markCount;
    yield {
      region: {
        firstNo: no + 1,
        bytes: regionBytes,
        text: regionText,
        starts,
        count,
        marks,
        markCount,
        stops,
      },
    };
    no += count;
  }
  if (text !== null) {
    yield* lines(text.end());
    return;
  }
  if (carried > 0) yield { lines: oneLine(no + 1, utf8.decode(Buffer.concat(carry))) };
}

/** A region's lines decoded, and their joined text (each of its lines ends with `\n`). */
export function decodeRegion(region: ByteRegion): { texts: string[]; text: string } {
  const text = utf8.decode(region.bytes).slice(0, -1);
  return { texts: text.split('\n'), text };
}

function* lines(blocks: readonly LineBlock[]): Generator<ScanBlock> {
  for (const block of blocks) yield { lines: block };
}

function oneLine(no: number, text: string): LineBlock {
  return { firstNo: no, texts: [text], text, lines: [{ no, text }], cut: NO_CUT };
}

type Slice = (this: Buffer, start: number, end: number) => string;
/**
 * Node's own latin1 and UTF-8 decoders without `toString`'s argument handling: ~4 µs a 64 KiB
 * region against ~10; for one line of a region (the ~26,000 lines per 100 MB with a byte >= 0x80,
 * analyze/take-region.ts) the handling was ~40% of `toString`'s time (CPU profile). Not in Node's
 * typings, though every Node since 0.x has them: `toString` is the fallback.
 */
const { latin1Slice, utf8Slice } = Buffer.prototype as unknown as { latin1Slice?: Slice; utf8Slice?: Slice };

function latin1Text(bytes: Buffer): string {
  return typeof latin1Slice === 'function'
    ? latin1Slice.call(bytes, 0, bytes.length)
    : bytes.toString('latin1');
}

/** `bytes.toString('utf8', start, end)` for `0 <= start <= end <= bytes.length`. */
export function utf8Text(bytes: Buffer, start: number, end: number): string {
  return typeof utf8Slice === 'function'
    ? utf8Slice.call(bytes, start, end)
    : bytes.toString('utf8', start, end);
}
