/**
 * Streaming, token-budgeted excerpt of a log. Memory is bounded whatever the log's length: the
 * first `headLines` rows, a ring of the last max(`tailLines`, `contextBefore` + 1) rows, and at
 * most `maxAnchors` marked rows each with its window of context — about 900 rows with the
 * defaults. `retained()` reports the count (tests assert the bound on 10^6 lines).
 *
 * `mark(lineNo, priority)` may name the line just pushed, any line still retained, or a line
 * not pushed yet; a line already dropped from every buffer cannot be marked (too old) and the
 * mark is ignored. Priority follows the classifier's convention: 0 is the highest, smaller
 * numbers win when the budget is short. Marking a line twice keeps the better priority.
 *
 * Lines are grouped into rows lazily: while no head row, mark or window needs the newest rows,
 * pushed lines wait ungrouped (up to `LAZY_LINES` of them) and are grouped from the end backwards,
 * only as far as the last rows reach (excerpt-tail.ts); a line handed over as a range of a
 * chunk (`pushSlices`) waits as the chunk and two offsets, sliced only if a row needs it.
 * Comparing every line with the one before cost ~300 ns a line on the PTP benchmark log, the
 * biggest cost of the excerpt. Any call
 * that looks at rows (`mark`, `finish`, `retained`) first brings them up to date, so the result
 * is the same as grouping each line as it comes (checked against that builder in the tests).
 */
import type { LogLine } from '../types';
import { type ExcerptOptions, resolveExcerptOptions } from './excerpt-options';
import { coveredRanges, renderLines } from './excerpt-render';
import { makeRow, type Row, sameCollapseKey } from './excerpt-row';
import { selectRows } from './excerpt-select';
import {
  addTailLine,
  addTailRun,
  clearTailLines,
  createTailLines,
  decodeLatin1Utf8,
  groupTail,
} from './excerpt-tail';
import { estimateTokens } from './token-estimate';

export interface Excerpt {
  text: string;
  /** `estimateTokens(text)`; never above the budget. */
  tokens: number;
  /** Original line ranges included (1-based, inclusive), ascending. */
  ranges: [number, number][];
}

export interface ExcerptBuilder {
  push(line: LogLine): void;
  /** `push({ no, text })` without the object (analyze pushes ~9 million lines per GB). */
  pushText(no: number, text: string): void;
  /**
   * `pushText(firstNo + i, texts[i])` for each `i` from `from` to `to` (exclusive): analyze hands
   * over the runs of lines no parser needs this way, one call per run instead of one per line.
   */
  pushTexts(firstNo: number, texts: readonly string[], from: number, to: number): void;
  /**
   * `pushTexts` for lines given as ranges of one text, sliced only if the excerpt ever needs them:
   * line `firstNo + k`, for k from `from` to `to` (exclusive), is `text.slice(starts[k], starts[k + 1] - 1)`
   * (`starts` holds line starts; the entry after a line is one past its '\n'). `starts` is read
   * during the call only (the caller may reuse it); `text` may be kept until the lines are grouped.
   * `latin1Utf8`: `text` is the latin1 reading of UTF-8 bytes (a byte region's text,
   * input/scan-blocks.ts), and a line holding a character >= 0x80 is decoded (UTF-8) if the excerpt
   * ever reads it; the line is then that decoded text.
   */
  pushSlices(
    firstNo: number,
    text: string,
    starts: Int32Array,
    from: number,
    to: number,
    latin1Utf8?: boolean,
  ): void;
  mark(lineNo: number, priority: number): void;
  /** Build the excerpt from what is retained; may be called more than once. */
  finish(): Excerpt;
  /** Rows currently held in memory (each row is one stored line). */
  retained(): number;
}

interface Anchor {
  row: Row;
  priority: number;
  window: Row[];
  /** Rows still to append to the window as lines arrive. */
  afterRemaining: number;
}

/**
 * Ungrouped lines held at most before they are grouped (bounds the memory of lazy mode). Each
 * grouping compares ~`recentCap` rows whatever this is, so a bigger batch means fewer
 * comparisons: with 512, grouping took ~250 ms of a 1 GB PTP log's ~6 s, with 2048 a quarter of
 * that. Every waiting line keeps its chunk alive: 2048 lines are ~4 chunks (~0.5 MB).
 */
const LAZY_LINES = 2048;

export function createExcerptBuilder(options: ExcerptOptions = {}): ExcerptBuilder {
  const opt = resolveExcerptOptions(options);
  const { dropPrefix } = options;
  /** The text shown of a pushed line: without the prefix `dropPrefix` measures. */
  const view = dropPrefix
    ? (text: string) => {
        const n = dropPrefix(text);
        return n > 0 ? text.slice(n) : text;
      }
    : undefined;
  const recentCap = Math.max(opt.tailLines, opt.contextBefore + 1);
  const head: Row[] = [];
  const recent: Row[] = [];
  const anchors: Anchor[] = [];
  const future = new Map<number, number>();
  let lastRow: Row | null = null;
  /** Full text of the latest line: a new line joins `lastRow` when their collapse keys agree. */
  let lastText = '';
  let firstNo = 0;
  let lastNo = 0;
  /** Group each line as it comes: the newest rows feed the head, a mark or a window. */
  let eager = true;
  /** Pushed lines not grouped yet (lazy mode only). */
  // Filled and emptied in place: arrays re-grown to thousands of entries for every batch cost
  // ~40 MB of allocation per 100 MB of log.
  const ungrouped = createTailLines(view);

  function evictWeakest(): void {
    let worst = 0;
    for (let i = 1; i < anchors.length; i++) {
      const a = anchors[i]!;
      const w = anchors[worst]!;
      // Weakest priority goes first; among equals the earliest line, as the classifier also
      // lets the last match of a rule decide.
      if (a.priority > w.priority || (a.priority === w.priority && a.row.first < w.row.first)) worst = i;
    }
    anchors.splice(worst, 1);
  }

  function findRow(lineNo: number): { row: Row; window: Row[]; open: boolean } | null {
    const inList = (list: Row[], open: boolean) => {
      for (let i = list.length - 1; i >= 0; i--) {
        const r = list[i]!;
        if (r.first <= lineNo && lineNo <= r.last) {
          const before = list.slice(Math.max(0, i - opt.contextBefore), i);
          const after = list.slice(i + 1, i + 1 + opt.contextAfter);
          return { row: r, window: [...before, r, ...after], open };
        }
        if (r.last < lineNo) return null;
      }
      return null;
    };
    // `recent` ends with the latest row, so a window found there can keep growing.
    return (
      inList(recent, true) ??
      inList(head, head[head.length - 1] === lastRow) ??
      anchors.map((a) => inList(a.window, false)).find((x) => x !== null) ??
      null
    );
  }

  function mark(lineNo: number, priority: number): void {
    if (!Number.isFinite(lineNo) || !Number.isFinite(priority))
      throw new TypeError(
        `excerpt mark: line and priority must be finite numbers, got ${lineNo}, ${priority}`,
      );
    if (opt.maxAnchors === 0) return;
    if (lineNo > lastNo) {
      const p = future.get(lineNo);
      future.set(lineNo, p === undefined ? priority : Math.min(p, priority));
      if (future.size > opt.maxAnchors) {
        // Drop the weakest pending mark (largest priority, then latest line).
        let worst: [number, number] | null = null;
        for (const [l, p2] of future) {
          if (!worst || p2 > worst[1] || (p2 === worst[1] && l > worst[0])) worst = [l, p2];
        }
        future.delete(worst![0]);
      }
      return;
    }
    flush();
    const existing = anchors.find((a) => a.row.first <= lineNo && lineNo <= a.row.last);
    if (existing) {
      existing.priority = Math.min(existing.priority, priority);
      return;
    }
    const found = findRow(lineNo);
    if (!found) return;
    const grown = found.window.length - found.window.indexOf(found.row) - 1;
    anchors.push({
      row: found.row,
      priority,
      window: found.window,
      afterRemaining: found.open ? opt.contextAfter - grown : 0,
    });
    if (anchors.length > opt.maxAnchors) evictWeakest();
    eager = needsEager();
  }

  /** Whether the newest rows must be formed as lines come (see the module comment). */
  function needsEager(): boolean {
    if (head.length < opt.headLines || head[head.length - 1] === lastRow) return true;
    // An anchor still collecting rows after it, or whose window ends with the row still growing.
    return anchors.some(
      (a) => a.afterRemaining > 0 || a.row === lastRow || a.window[a.window.length - 1] === lastRow,
    );
  }

  /** Groups one line, as it comes. */
  function group(no: number, text: string): void {
    if (lastRow && no === lastRow.last + 1 && sameCollapseKey(text, lastText)) {
      lastRow.last = no;
      lastRow.count++;
    } else {
      const row = makeRow(no, text, opt.maxLineChars);
      if (head.length < opt.headLines) head.push(row);
      recent.push(row);
      if (recent.length > recentCap) recent.shift();
      for (const a of anchors) {
        if (a.afterRemaining > 0) {
          a.window.push(row);
          a.afterRemaining--;
        }
      }
      lastRow = row;
    }
    lastText = text;
  }

  /** Groups the waiting lines, from the end back as far as `recent` reaches. */
  function flush(): void {
    if (ungrouped.count === 0) return;
    const { rows, newest } = groupTail(
      ungrouped,
      recentCap,
      opt.maxLineChars,
      lastRow && { row: lastRow, text: lastText },
    );
    for (const row of rows) recent.push(row);
    if (recent.length > recentCap) recent.splice(0, recent.length - recentCap);
    lastRow = rows[rows.length - 1] ?? lastRow;
    lastText = newest;
    // The rows copied what they keep; the old texts are dropped so they pin no chunk.
    clearTailLines(ungrouped);
  }

  function push(line: LogLine): void {
    pushText(line?.no, line?.text);
  }

  /**
   * Keeps line `no`, `source.slice(start, end)`, ungrouped (lazy mode); once `LAZY_LINES` wait,
   * they are grouped.
   */
  function wait(no: number, source: string, start: number, end: number): void {
    addTailLine(ungrouped, no, source, start, end);
    if (ungrouped.count >= LAZY_LINES) flush();
  }

  function pushText(no: number, text: string): void {
    if (!Number.isSafeInteger(no) || no < 1 || typeof text !== 'string')
      throw new TypeError(
        `excerpt push: expected a LogLine with a positive integer no and text, got no=${no}`,
      );
    if (no <= lastNo)
      throw new RangeError(`excerpt push: line ${no} after line ${lastNo}; lines must increase`);
    if (firstNo === 0) firstNo = no;
    lastNo = no;
    if (eager) {
      group(no, view ? view(text) : text);
      eager = needsEager();
    } else wait(no, text, 0, text.length);
    const pending = future.size === 0 ? undefined : future.get(no);
    if (pending !== undefined) {
      future.delete(no);
      mark(no, pending);
    }
  }

  function pushTexts(first: number, texts: readonly string[], from: number, to: number): void {
    if (from >= to) return;
    const start = first + from;
    if (!Number.isSafeInteger(start) || start < 1 || !Number.isSafeInteger(to - from))
      throw new TypeError(`excerpt pushTexts: expected positive integer line numbers, got ${start}`);
    if (start <= lastNo)
      throw new RangeError(`excerpt push: line ${start} after line ${lastNo}; lines must increase`);
    for (let i = from; i < to; i++) {
      const text = texts[i];
      // Eager grouping or a pending mark: the line-at-a-time path does what they need.
      if (eager || future.size > 0 || typeof text !== 'string') {
        pushText(first + i, text as string);
        continue;
      }
      if (firstNo === 0) firstNo = first + i;
      lastNo = first + i;
      wait(lastNo, text, 0, text.length);
    }
  }

  function pushSlices(
    first: number,
    text: string,
    starts: Int32Array,
    from: number,
    to: number,
    latin1Utf8 = false,
  ): void {
    if (from >= to) return;
    if (typeof text !== 'string' || !(starts instanceof Int32Array))
      throw new TypeError('excerpt pushSlices: expected a string and an Int32Array of line starts');
    if (!Number.isSafeInteger(from) || from < 0 || !Number.isSafeInteger(to) || to >= starts.length)
      throw new RangeError(
        `excerpt pushSlices: lines ${from} to ${to} need ${to + 1} line starts, got ${starts.length}`,
      );
    const start = first + from;
    if (!Number.isSafeInteger(start) || start < 1)
      throw new TypeError(`excerpt pushSlices: expected positive integer line numbers, got ${start}`);
    if (start <= lastNo)
      throw new RangeError(`excerpt push: line ${start} after line ${lastNo}; lines must increase`);
    // Checked before any line is taken, so a bad call pushes nothing (and a wrapped Int32 or a
    // negative offset, which `slice` reads from the end, never reaches the buffer).
    for (let k = from, n = text.length; k < to; k++) {
      const a = starts[k]!;
      const b = starts[k + 1]! - 1;
      if (a < 0 || b < a || b > n)
        throw new RangeError(
          `excerpt pushSlices: line ${first + k} spans ${a} to ${b}, outside 0..${n} or backwards`,
        );
    }
    let k = from;
    while (k < to) {
      if (eager || future.size > 0) {
        // Eager grouping or a pending mark: the line-at-a-time path does what they need.
        const line = text.slice(starts[k]!, starts[k + 1]! - 1);
        pushText(first + k, latin1Utf8 ? decodeLatin1Utf8(line) : line);
        k++;
        continue;
      }
      // The usual case: the lines wait as ranges, as many as the buffer takes. Grouping them
      // (`flush`) changes neither `eager` nor `future`.
      if (firstNo === 0) firstNo = first + k;
      const room = Math.min(to - k, LAZY_LINES - ungrouped.count);
      addTailRun(ungrouped, first, text, starts, k, k + room, latin1Utf8);
      k += room;
      lastNo = first + k - 1;
      if (ungrouped.count >= LAZY_LINES) flush();
    }
  }

  function finish(): Excerpt {
    flush();
    if (lastNo === 0) return { text: '', tokens: 0, ranges: [] };
    const span = { firstNo, lastNo };
    const rows = selectRows({
      head,
      tail: recent.slice(recent.length - Math.min(opt.tailLines, recent.length)),
      anchors,
      span,
      budgetTokens: opt.budgetTokens,
    });
    let text = renderLines(rows, span).join('\n');
    // Only when not even "all lines omitted" fits (a budget of a few tokens).
    if (estimateTokens(text) > opt.budgetTokens) text = '';
    return { text, tokens: estimateTokens(text), ranges: text ? coveredRanges(rows) : [] };
  }

  function retained(): number {
    flush();
    const all = new Set<Row>([...head, ...recent]);
    for (const a of anchors) for (const r of a.window) all.add(r);
    return all.size;
  }

  return { push, pushText, pushTexts, pushSlices, mark, finish, retained };
}

export type { ExcerptOptions };
