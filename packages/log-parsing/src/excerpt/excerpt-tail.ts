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
 * Lines as parallel arrays (no object per waiting line); the first `count` entries are the lines
 * (the builder reuses the arrays). Line `i` is `sources[i].slice(starts[i], ends[i])`: a line
 * pushed as a range of a chunk keeps the chunk and two offsets, and is sliced only if a row needs
 * it (most waiting lines never are); a line pushed as a string is its own source, 0 to length.
 */
export interface TailLines {
  nos: Float64Array;
  sources: string[];
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** The text to show of a stored text (the builder's `dropPrefix`), or the text itself. */
  view?: (text: string) => string;
}

/**
 * A buffer for `capacity` waiting lines. Grown by `reserveTailLines`, not allocated at its
 * largest: analyze makes an excerpt per input, and a folder of 789 small logs spent ~18 ms
 * allocating and zeroing buffers for 2048 lines that most of them never held.
 */
export function createTailLines(capacity: number, view?: (text: string) => string): TailLines {
  return {
    nos: new Float64Array(capacity),
    sources: new Array<string>(capacity).fill(''),
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    count: 0,
    view,
  };
}

/** Room for at least `capacity` lines in `lines` (its arrays grown to twice that when short). */
export function reserveTailLines(lines: TailLines, capacity: number): void {
  if (lines.nos.length >= capacity) return;
  const size = Math.max(capacity, 2 * lines.nos.length);
  const nos = new Float64Array(size);
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  nos.set(lines.nos);
  starts.set(lines.starts);
  ends.set(lines.ends);
  for (let i = lines.sources.length; i < size; i++) lines.sources.push('');
  lines.nos = nos;
  lines.starts = starts;
  lines.ends = ends;
}

/** The full text of waiting line `i` (before any view). */
export function tailText(lines: TailLines, i: number): string {
  // slice(0, length) of a string pushed whole returns that string itself (no copy).
  return lines.sources[i]!.slice(lines.starts[i], lines.ends[i]);
}

/** Appends one line; the caller makes room first (`count` < capacity). */
export function addTailLine(lines: TailLines, no: number, source: string, start: number, end: number): void {
  const at = lines.count++;
  lines.nos[at] = no;
  lines.sources[at] = source;
  lines.starts[at] = start;
  lines.ends[at] = end;
}

/** Forgets the waiting lines, and the sources they kept so those pin no chunk. */
export function clearTailLines(lines: TailLines): void {
  lines.sources.fill('', 0, lines.count);
  lines.count = 0;
}

export interface TailGrouping {
  /** Rows ending with the newest line, oldest first, at most `cap` of them. */
  rows: Row[];
  /**
   * The oldest row reached `lines[0]` without finding where it starts: it continues `previous`
   * (which has been extended in place), and `rows` does not repeat it.
   */
  extendedPrevious: boolean;
  /** The shown (viewed) text of the newest line, which the caller keeps to group the next line. */
  newest: string;
}

/**
 * Groups `lines` (consecutive pushes, non-empty) into the rows they end with. `previous` is the
 * row of the line pushed just before them, with that line's full (viewed) text, when there was one.
 */
export function groupTail(
  lines: TailLines,
  cap: number,
  maxLineChars: number,
  previous: { row: Row; text: string } | null,
): TailGrouping {
  const { nos } = lines;
  const view = lines.view ?? ((t: string) => t);
  const rows: Row[] = [];
  let end = lines.count - 1;
  // Each line's shown text is made once (a view may measure and slice a timestamp): `shown` is
  // that of line `start`, the oldest line of the row being formed.
  let shown = end >= 0 ? view(tailText(lines, end)) : '';
  const newest = shown;
  while (end >= 0 && rows.length < cap) {
    let start = end;
    while (start > 0 && nos[start] === nos[start - 1]! + 1) {
      const before = view(tailText(lines, start - 1));
      if (!sameCollapseKey(shown, before)) break;
      start--;
      shown = before;
    }
    if (
      start === 0 &&
      previous &&
      nos[0] === previous.row.last + 1 &&
      sameCollapseKey(shown, previous.text)
    ) {
      previous.row.last = nos[end]!;
      previous.row.count += end + 1;
      return { rows: rows.reverse(), extendedPrevious: true, newest };
    }
    const row = makeRow(nos[start]!, shown, maxLineChars);
    row.last = nos[end]!;
    row.count = end - start + 1;
    rows.push(row);
    end = start - 1;
    if (end >= 0) shown = view(tailText(lines, end));
  }
  return { rows: rows.reverse(), extendedPrevious: false, newest };
}
