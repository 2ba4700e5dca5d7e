import type { LogLine } from '../types';

/** Default cap on one line: 1 MiB (measured in UTF-16 code units, see `LineSplitOptions`). */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

export interface LineSplitOptions {
  /**
   * Longest line kept, default 1 MiB. Counted in UTF-16 code units of the decoded text, not in
   * UTF-8 bytes: equal for ASCII logs, and counting bytes would cost a second pass over each line.
   * A longer line keeps its first `maxLineBytes` units plus a marker naming how much was dropped.
   */
  maxLineBytes?: number;
}

/** Text appended to a cut line. `dropped` is in UTF-16 code units (bytes for ASCII). */
export function lineCutMarker(dropped: number): string {
  return ` …[nightshift: line cut, ${dropped} more chars]`;
}

const LF = 10;

/** Largest `take <= room` that does not end between the halves of a surrogate pair. */
function safeCut(text: string, start: number, room: number): number {
  if (room <= 0) return 0;
  const last = text.charCodeAt(start + room - 1);
  return last >= 0xd800 && last <= 0xdbff ? room - 1 : room;
}

/**
 * Incremental line splitter over decoded text: the one place line semantics live, shared by the
 * streaming reader and `splitLines`, so both agree by construction.
 *
 * `\n`, `\r\n` and a lone `\r` each end a line; a `\r` ending one push followed by `\n` at the start
 * of the next is one break. A BOM is stripped at the very start only. Lines over the cap are cut
 * and the rest of the line is counted, never buffered, so memory is bounded by the cap.
 *
 * Hand-written rather than `readline` because `readline` treats only `\n`/`\r\n` as breaks, has
 * no line cap (a 2 GiB line is buffered whole) and costs ~20% more (research/log-formats.md).
 */
export class LineSplitter {
  private readonly max: number;
  private no = 0;
  private atStart = true;
  /** The previous push ended with `\r`: a `\n` opening the next push belongs to that break. */
  private pendingCR = false;
  /** Kept text of the unfinished line (at most `max` units). */
  private partial = '';
  /** The unfinished line has been cut; `dropped` units were discarded. */
  private cut = false;
  private dropped = 0;
  /**
   * Numbers of the lines cut to the cap, ascending: `pushTexts` and `endTexts` append to it (the
   * caller empties it when it has read it), `push`, `pushRun` and `end` empty it first.
   */
  readonly cutLines: number[] = [];
  /**
   * What `pushRun` needs: the lines of the current push cut straight out of its text lie in
   * `[runFrom, runTo)` of it, `runLines` of them, separated by single `\n`s (`runClean`).
   */
  private runFrom = -1;
  private runTo = -1;
  private runLines = 0;
  private runClean = true;

  constructor(options: LineSplitOptions = {}) {
    const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    if (!Number.isSafeInteger(max) || max < 1) {
      throw new RangeError(`maxLineBytes must be a positive integer, got ${String(options.maxLineBytes)}`);
    }
    this.max = max;
  }

  /** Splits `text`, appending every line it completes to `out`. */
  push(text: string, out: LogLine[]): void {
    this.asLines(out, (texts) => this.pushTexts(text, texts));
  }

  /**
   * `push` without a `LogLine` object per line: the lines' texts are appended to `out`, numbered
   * on from `lineCount` before the call; those cut to the cap are added to `cutLines`. Analyze
   * reads ~9 million lines per GB and needs an object for few of them.
   */
  pushTexts(text: string, out: string[]): void {
    if (text.length === 0) return;
    let start = 0;
    if (this.atStart) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) start = 1;
    }
    if (this.pendingCR) {
      this.pendingCR = false;
      if (text.charCodeAt(start) === LF) start += 1;
    }
    // Most CI logs have no `\r` at all; one indexOf keeps them on the `\n`-only loop.
    if (text.indexOf('\r', start) === -1) this.splitLF(text, start, out);
    else {
      this.runClean = false;
      this.splitAny(text, start, out);
    }
  }

  /**
   * `push`, also telling how to have the appended lines' text joined by `'\n'` without copying:
   * in the usual case (`\n` breaks, no cut line) all of them but a first one completed from text
   * carried over from the previous push (`carried`: 0 or 1) are `run`, a slice of `text`. Null
   * when that does not hold. Log scans that look at a whole batch at once (redaction,
   * classification) use the slice instead of re-joining, and a carried line goes in a batch of
   * its own: prepending it would make a cons string that the first scan flattens, a copy of the
   * whole chunk (~2 bytes allocated per input byte, measured with the sampling heap profiler).
   */
  pushRun(text: string, out: string[]): { carried: 0 | 1; run: string } | null {
    const first = out.length;
    this.runFrom = -1;
    this.runTo = -1;
    this.runLines = 0;
    this.runClean = true;
    this.cutLines.length = 0;
    this.pushTexts(text, out);
    const added = out.length - first;
    if (!this.runClean || added > this.runLines + 1) return null;
    const run = this.runLines > 0 ? text.slice(this.runFrom, this.runTo) : '';
    return { carried: added === this.runLines ? 0 : 1, run };
  }

  /** Emits the final line when the input did not end with a line break. */
  end(out: LogLine[]): void {
    this.asLines(out, (texts) => this.endTexts(texts));
  }

  /** `end` in the manner of `pushTexts`. */
  endTexts(out: string[]): void {
    if (this.partial.length > 0 || this.cut) this.flushPartial(out);
  }

  /**
   * Goes on from another reader that has read the input's first `lineCount` lines, up to a line
   * start (so past any BOM and with no `\r` pending): numbering continues after them.
   */
  resumeAfter(lineCount: number): void {
    if (this.no !== 0 || !this.atStart)
      throw new Error('LineSplitter.resumeAfter: the splitter has read text already');
    this.no = lineCount;
    this.atStart = false;
  }

  /** Lines completed so far (the number of the last one). */
  get lineCount(): number {
    return this.no;
  }

  /** Runs `split` (a texts-only step) and appends what it produced to `out` as `LogLine`s. */
  private asLines(out: LogLine[], split: (texts: string[]) => void): void {
    const texts: string[] = [];
    const first = this.no + 1;
    this.cutLines.length = 0;
    split(texts);
    for (const line of toLogLines(first, texts, this.cutLines)) out.push(line);
  }

  private splitLF(text: string, from: number, out: string[]): void {
    let start = from;
    let lf = text.indexOf('\n', start);
    while (lf !== -1) {
      this.emit(text, start, lf, out);
      start = lf + 1;
      lf = text.indexOf('\n', start);
    }
    if (start < text.length) this.append(text, start, text.length);
  }

  private splitAny(text: string, from: number, out: string[]): void {
    let start = from;
    let lf = text.indexOf('\n', start);
    let cr = text.indexOf('\r', start);
    while (lf !== -1 || cr !== -1) {
      if (cr === -1 || (lf !== -1 && lf < cr)) {
        this.emit(text, start, lf, out);
        start = lf + 1;
        lf = text.indexOf('\n', start);
        continue;
      }
      this.emit(text, start, cr, out);
      if (cr + 1 === text.length) {
        this.pendingCR = true;
        start = cr + 1;
      } else if (text.charCodeAt(cr + 1) === LF) {
        start = cr + 2;
        lf = text.indexOf('\n', start);
      } else {
        start = cr + 1;
      }
      cr = text.indexOf('\r', start);
    }
    if (start < text.length) this.append(text, start, text.length);
  }

  /** Completes the line ending at `end` (exclusive) whose last piece starts at `start`. */
  private emit(text: string, start: number, end: number, out: string[]): void {
    if (this.partial.length === 0 && !this.cut) {
      const length = end - start;
      if (length <= this.max) {
        this.no++;
        out.push(text.slice(start, end));
        if (this.runFrom === -1) this.runFrom = start;
        else if (start !== this.runTo + 1) this.runClean = false;
        this.runTo = end;
        this.runLines++;
      } else {
        this.runClean = false;
        const take = safeCut(text, start, this.max);
        const kept = text.slice(start, start + take);
        this.cutLines.push(++this.no);
        out.push(kept + lineCutMarker(length - take));
      }
      return;
    }
    this.append(text, start, end);
    this.flushPartial(out);
  }

  /** Adds a piece of the unfinished line, keeping at most `max` units and counting the rest. */
  private append(text: string, start: number, end: number): void {
    const length = end - start;
    if (this.cut) {
      this.dropped += length;
      return;
    }
    const room = this.max - this.partial.length;
    if (length <= room) {
      this.partial += text.slice(start, end);
      return;
    }
    const take = safeCut(text, start, room);
    this.partial += text.slice(start, start + take);
    this.cut = true;
    this.dropped += length - take;
  }

  private flushPartial(out: string[]): void {
    if (this.cut) {
      this.cutLines.push(++this.no);
      out.push(this.partial + lineCutMarker(this.dropped));
    } else {
      this.no++;
      out.push(this.partial);
    }
    this.partial = '';
    this.cut = false;
    this.dropped = 0;
  }
}

/**
 * `LogLine`s for `texts`, numbered from `firstNo`; those whose numbers `cutNos` lists (ascending;
 * it may name lines outside this range) are marked `truncated`.
 */
export function toLogLines(firstNo: number, texts: readonly string[], cutNos: readonly number[]): LogLine[] {
  let cut = 0;
  return texts.map((text, i) => {
    const no = firstNo + i;
    while (cut < cutNos.length && cutNos[cut]! < no) cut++;
    return cut < cutNos.length && cutNos[cut] === no ? { no, text, truncated: true } : { no, text };
  });
}

/** Splits a whole text into lines with exactly the streaming reader's semantics. For small inputs. */
export function splitLines(text: string, options?: LineSplitOptions): LogLine[] {
  const splitter = new LineSplitter(options);
  const out: LogLine[] = [];
  splitter.push(text, out);
  splitter.end(out);
  return out;
}
