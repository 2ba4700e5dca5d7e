import type { LogLine } from '../types';
import { type LineSplitOptions, LineSplitter, toLogLines } from './line-splitter';

export type LineReaderOptions = LineSplitOptions;

/**
 * A batch of consecutive lines: `texts[i]` is line `firstNo + i`. `text` is the texts joined by
 * `'\n'` and `lines` the same lines as `LogLine` objects, each computed only when first read.
 */
export interface LineBlock {
  readonly firstNo: number;
  readonly texts: string[];
  readonly text: string;
  readonly lines: LogLine[];
  /** Numbers of lines cut to the cap, ascending (`LogLine.truncated`); may name a sibling block's. */
  readonly cut: readonly number[];
}

/**
 * Reads lines from a stream of chunks, yielding one batch of complete lines per chunk (chunks that
 * complete no line yield nothing). Batching keeps `await` off the per-line hot path.
 *
 * Bytes are decoded as UTF-8 with one streaming `TextDecoder`: invalid sequences become U+FFFD and
 * characters split across chunks decode correctly. String chunks are taken as already decoded.
 * Memory is bounded by the chunk size plus `maxLineBytes`, whatever the input's length.
 *
 * Note: each line's `text` is a slice of its chunk's string and may keep that chunk alive; a
 * consumer that retains many lines long-term should retain few or copy them.
 */
export async function* readLineBatches(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options?: LineReaderOptions,
): AsyncGenerator<LogLine[]> {
  for await (const block of readLineBlocks(source, options)) yield block.lines;
}

/**
 * `readLineBatches` with each batch's joined text, for consumers that scan a whole batch at once
 * (analyze redacts and classifies that way). The text is usually a slice of the decoded chunk the
 * lines were cut from, so it costs no copy; otherwise it is joined when first read. A chunk may
 * give two batches: the line completed from the previous chunk's tail comes alone, first.
 */
export async function* readLineBlocks(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options?: LineReaderOptions,
): AsyncGenerator<LineBlock> {
  const reader = new TextBlockReader(options);
  for await (const chunk of source) yield* reader.push(chunk);
  yield* reader.end();
}

/**
 * `readLineBlocks` one chunk at a time: `push` returns the blocks a chunk completes, `end` the
 * last one. The byte-scan reader (scan-blocks.ts) hands its input over to one of these when it
 * meets what it does not read itself (a `\r`, a string chunk, a line over the cap).
 */
export class TextBlockReader {
  private readonly splitter: LineSplitter;
  // ignoreBOM: the splitter strips a BOM itself, so string and byte inputs behave the same.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private decoderHoldsBytes = false;

  /** `resume`: go on from a reader that has read `lineCount` lines and the input's start. */
  constructor(options?: LineReaderOptions, resume?: { lineCount: number }) {
    this.splitter = new LineSplitter(options);
    if (resume) this.splitter.resumeAfter(resume.lineCount);
  }

  push(chunk: Uint8Array | string): LineBlock[] {
    if (chunk instanceof Uint8Array && chunk.length > TEXT_PIECE_BYTES) {
      // Decoded 64 KiB at a time: a 128 KiB chunk's 256 KiB of UTF-16 ran ~20% slower (the
      // decoded text and the tables no longer share the L2 cache; docs/performance.md).
      const blocks: LineBlock[] = [];
      for (let at = 0; at < chunk.length; at += TEXT_PIECE_BYTES) {
        for (const block of this.pushPiece(chunk.subarray(at, at + TEXT_PIECE_BYTES))) blocks.push(block);
      }
      return blocks;
    }
    return this.pushPiece(chunk);
  }

  private pushPiece(chunk: Uint8Array | string): LineBlock[] {
    const { splitter, decoder } = this;
    const firstNo = splitter.lineCount + 1;
    const out: string[] = [];
    let split: ReturnType<LineSplitter['pushRun']>;
    if (typeof chunk === 'string') {
      // A string after bytes: an incomplete sequence left in the decoder is invalid, flush it.
      splitter.cutLines.length = 0;
      if (this.decoderHoldsBytes) splitter.pushTexts(decoder.decode(), out);
      this.decoderHoldsBytes = false;
      if (out.length === 0) split = splitter.pushRun(chunk, out);
      else {
        // The flushed bytes made a line of their own: the block is no longer one slice.
        splitter.pushTexts(chunk, out);
        split = null;
      }
    } else if (chunk instanceof Uint8Array) {
      split = splitter.pushRun(decoder.decode(chunk, { stream: true }), out);
      this.decoderHoldsBytes = true;
    } else {
      throw new TypeError(`readLineBatches: chunks must be Uint8Array or string, got ${describe(chunk)}`);
    }
    if (out.length === 0) return [];
    const cut = splitter.cutLines.length > 0 ? [...splitter.cutLines] : NO_CUT;
    if (split === null) return [new Block(firstNo, out, null, cut)];
    if (split.carried === 0) return [new Block(firstNo, out, split.run, cut)];
    const blocks: LineBlock[] = [new Block(firstNo, [out[0]!], out[0]!, cut)];
    if (out.length > 1) blocks.push(new Block(firstNo + 1, out.slice(1), split.run, cut));
    return blocks;
  }

  end(): LineBlock[] {
    const { splitter } = this;
    const out: string[] = [];
    const firstNo = splitter.lineCount + 1;
    splitter.cutLines.length = 0;
    if (this.decoderHoldsBytes) splitter.pushTexts(this.decoder.decode(), out);
    splitter.endTexts(out);
    return out.length > 0 ? [new Block(firstNo, out, null, [...splitter.cutLines])] : [];
  }
}

const NO_CUT: readonly number[] = [];

/** Bytes decoded at once by `TextBlockReader`. */
const TEXT_PIECE_BYTES = 64 * 1024;

/**
 * A class, not an object literal with a getter: the literal's per-object accessor made V8 keep
 * ~60% of everything the reader allocated alive through each scavenge (measured with
 * --trace-gc-nvp), tripling the peak heap.
 */
class Block implements LineBlock {
  private objects: LogLine[] | null = null;

  constructor(
    readonly firstNo: number,
    readonly texts: string[],
    private joined: string | null,
    /** Numbers of the lines cut to the cap (may name lines of a sibling block: checked by range). */
    readonly cut: readonly number[],
  ) {}

  get text(): string {
    this.joined ??= this.texts.join('\n');
    return this.joined;
  }

  get lines(): LogLine[] {
    this.objects ??= toLogLines(this.firstNo, this.texts, this.cut);
    return this.objects;
  }
}

/** Line-at-a-time view of `readLineBatches`, for code where convenience beats throughput. */
export async function* readLines(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options?: LineReaderOptions,
): AsyncGenerator<LogLine> {
  for await (const batch of readLineBatches(source, options)) yield* batch;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return value.constructor?.name ?? 'object';
  return typeof value;
}
