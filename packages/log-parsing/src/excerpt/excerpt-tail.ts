/**
 * Grouping lines into rows from the end backwards, for the excerpt builder's lazy mode.
 *
 * Deciding whether a line collapses into the one before costs a comparison (`sameCollapseKey`,
 * a few hundred ns on lines that share a long prefix, as consecutive log lines do). Most lines
 * of a long log end up in no row of the excerpt at all, so the builder keeps recent lines
 * ungrouped and, when it must, groups only as far back as the last `cap` rows reach: about
 * `cap` comparisons per flush instead of one per line.
 */
import { makeRow, type Row, sameCollapseKey } from './excerpt-row';

/**
 * Waiting lines as runs of consecutive lines of one source text (no object per line, and no work
 * per line to add a run: analyze hands over ~900,000 lines per 100 MB in runs of a few hundred,
 * and storing each line's number, source and offsets was ~40 ms of that). Line `k` of run `r` is
 * line number `firsts[r] + k`, the text `sources[r].slice(offs[ats[r] + k], offs[ats[r] + k + 1] - 1)`:
 * `offs` holds each line's start and, after a run's last line, one past its end (where the next
 * line of the source would start). A line pushed as a string is a run of one, 0 to its length.
 * The arrays are reused and grown, never shrunk.
 */
export interface TailLines {
  /** Lines waiting, over all runs. */
  count: number;
  runs: number;
  sources: string[];
  firsts: Float64Array;
  ats: Int32Array;
  lengths: Int32Array;
  offs: Int32Array;
  /** Entries of `offs` in use. */
  used: number;
  /** Per run, 1 when its source is the latin1 reading of UTF-8 bytes (`decodeLatin1Utf8`). */
  latin1Utf8: Uint8Array;
  /** The text to show of a stored text (the builder's `dropPrefix`), or the text itself. */
  view?: (text: string) => string;
}

/**
 * An empty buffer. Small at first and grown on demand: analyze makes an excerpt per input, and a
 * folder of 789 small logs spent ~18 ms allocating and zeroing buffers that most never filled.
 */
export function createTailLines(view?: (text: string) => string): TailLines {
  return {
    count: 0,
    runs: 0,
    sources: [],
    firsts: new Float64Array(16),
    ats: new Int32Array(16),
    lengths: new Int32Array(16),
    offs: new Int32Array(64),
    used: 0,
    latin1Utf8: new Uint8Array(16),
    view,
  };
}

/** Room for one more run of `lines` lines. */
function reserve(t: TailLines, lines: number): void {
  if (t.runs === t.firsts.length) {
    const size = 2 * t.runs;
    t.firsts = grown(t.firsts, new Float64Array(size));
    t.ats = grown(t.ats, new Int32Array(size));
    t.lengths = grown(t.lengths, new Int32Array(size));
    t.latin1Utf8 = grown(t.latin1Utf8, new Uint8Array(size));
  }
  const need = t.used + lines + 1;
  if (need > t.offs.length) t.offs = grown(t.offs, new Int32Array(Math.max(need, 2 * t.offs.length)));
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function addRun(t: TailLines, first: number, source: string, lines: number, latin1Utf8: boolean): number {
  const r = t.runs++;
  t.sources[r] = source;
  t.latin1Utf8[r] = latin1Utf8 ? 1 : 0;
  t.firsts[r] = first;
  t.ats[r] = t.used;
  t.lengths[r] = lines;
  t.count += lines;
  const at = t.used;
  t.used += lines + 1;
  return at;
}

/** Appends line `no`, `source.slice(start, end)`. */
export function addTailLine(t: TailLines, no: number, source: string, start: number, end: number): void {
  reserve(t, 1);
  const at = addRun(t, no, source, 1, false);
  t.offs[at] = start;
  t.offs[at + 1] = end + 1;
}

/**
 * Appends lines `first + k` for k from `from` to `to` (exclusive), line `first + k` being
 * `source.slice(starts[k], starts[k + 1] - 1)`, decoded by `decodeLatin1Utf8` when `latin1Utf8`:
 * one copy of `starts[from..to]`, nothing per line.
 */
export function addTailRun(
  t: TailLines,
  first: number,
  source: string,
  starts: Int32Array,
  from: number,
  to: number,
  latin1Utf8 = false,
): void {
  if (from >= to) return;
  reserve(t, to - from);
  const at = addRun(t, first + from, source, to - from, latin1Utf8);
  t.offs.set(starts.subarray(from, to + 1), at);
}

/** Forgets the waiting lines, and the sources they kept so those pin no chunk. */
export function clearTailLines(t: TailLines): void {
  t.sources.fill('', 0, t.runs);
  t.count = 0;
  t.runs = 0;
  t.used = 0;
}

export interface TailGrouping {
  /** Rows ending with the newest line, oldest first, at most `cap` of them. */
  rows: Row[];
  /**
   * The oldest row reached the oldest waiting line without finding where it starts: it continues
   * `previous` (which has been extended in place), and `rows` does not repeat it.
   */
  extendedPrevious: boolean;
  /** The shown (viewed) text of the newest line, which the caller keeps to group the next line. */
  newest: string;
}

/**
 * Groups the waiting lines (consecutive pushes, at least one) into the rows they end with.
 * `previous` is the row of the line pushed just before them, with that line's full (viewed) text,
 * when there was one.
 */
export function groupTail(
  t: TailLines,
  cap: number,
  maxLineChars: number,
  previous: { row: Row; text: string } | null,
): TailGrouping {
  const view = t.view ?? ((s: string) => s);
  const { sources, firsts, ats, lengths, offs, latin1Utf8 } = t;
  const textOf = (r: number, k: number) => {
    const line = sources[r]!.slice(offs[ats[r]! + k], offs[ats[r]! + k + 1]! - 1);
    return view(latin1Utf8[r] === 1 ? decodeLatin1Utf8(line) : line);
  };
  const rows: Row[] = [];
  // The line being looked at: run r, its line k, and its index g among all waiting lines.
  let r = t.runs - 1;
  let k = lengths[r]! - 1;
  let g = t.count - 1;
  // Each line's shown text is made once (a view may measure and slice a timestamp): `shown` is
  // that of the oldest line of the row being formed.
  let shown = textOf(r, k);
  const newest = shown;
  while (g >= 0 && rows.length < cap) {
    const endNo = firsts[r]! + k;
    const endIndex = g;
    // Back over the lines that collapse into the row; (r, k, g) ends on its first line.
    while (g > 0) {
      const pr = k > 0 ? r : r - 1;
      const pk = k > 0 ? k - 1 : lengths[pr]! - 1;
      if (firsts[pr]! + pk !== firsts[r]! + k - 1) break;
      const before = textOf(pr, pk);
      if (!sameCollapseKey(shown, before)) break;
      r = pr;
      k = pk;
      g--;
      shown = before;
    }
    const startNo = firsts[r]! + k;
    if (g === 0 && previous && startNo === previous.row.last + 1 && sameCollapseKey(shown, previous.text)) {
      previous.row.last = endNo;
      previous.row.count += endIndex + 1;
      return { rows: rows.reverse(), extendedPrevious: true, newest };
    }
    const row = makeRow(startNo, shown, maxLineChars);
    row.last = endNo;
    row.count = endIndex - g + 1;
    rows.push(row);
    if (g === 0) break;
    if (k > 0) k--;
    else {
      r--;
      k = lengths[r]! - 1;
    }
    g--;
    shown = textOf(r, k);
  }
  return { rows: rows.reverse(), extendedPrevious: false, newest };
}

/**
 * A line of the latin1 reading of UTF-8 bytes, decoded: the line itself when all its characters
 * are ASCII. Only the lines an excerpt reads are decoded (analyze passes over the rest). Told
 * apart by their UTF-8 length, a native count: ~110 ns a line against ~190 for a regex test.
 */
export function decodeLatin1Utf8(line: string): string {
  return Buffer.byteLength(line, 'utf8') === line.length
    ? line
    : Buffer.from(line, 'latin1').toString('utf8');
}
