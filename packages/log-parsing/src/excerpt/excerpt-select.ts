/**
 * Choosing which retained rows go into the excerpt under the token budget. Greedy, in order
 * of value; a row is taken only if the whole rendering (markers included) still fits:
 *  1. for each priority level, best first: the marked rows, then (after the best level only)
 *     the last 3 rows of the log, then context around that level's marks, growing one row at a
 *     time on each side, round-robin across its marks;
 *  2. the rest of the tail, from the end backwards;
 *  3. the head, from the start.
 * A side of a window stops growing at the first row that does not fit, so windows stay
 * contiguous instead of turning into scattered single lines.
 */

import { renderedTokens, type Span } from './excerpt-render';
import { type Row, renderRow } from './excerpt-row';

export interface AnchorView {
  row: Row;
  priority: number;
  /** The anchor's window, in line order; contains `row`. */
  window: readonly Row[];
}

export interface SelectionInput {
  head: readonly Row[];
  tail: readonly Row[];
  anchors: readonly AnchorView[];
  span: Span;
  budgetTokens: number;
}

const TAIL_CORE = 3;

export function selectRows(input: SelectionInput): Row[] {
  const { span, budgetTokens } = input;
  const lengths = new Map<Row, number>();
  const rowLength = (r: Row) => {
    let n = lengths.get(r);
    if (n === undefined) {
      n = renderRow(r).length;
      lengths.set(r, n);
    }
    return n;
  };
  const chosen = new Set<Row>();
  let sorted: Row[] = [];
  if (renderedTokens(sorted, rowLength, span) > budgetTokens) return sorted;

  /** Take `row` if the excerpt still fits; true when it is (now) in. */
  const tryAdd = (row: Row): boolean => {
    if (chosen.has(row)) return true;
    let i = sorted.length;
    while (i > 0 && sorted[i - 1]!.first > row.first) i--;
    const candidate = [...sorted.slice(0, i), row, ...sorted.slice(i)];
    if (renderedTokens(candidate, rowLength, span) > budgetTokens) return false;
    sorted = candidate;
    chosen.add(row);
    return true;
  };

  const levels = [...new Set(input.anchors.map((a) => a.priority))].sort((a, b) => a - b);
  levels.forEach((level, k) => {
    const group = input.anchors.filter((a) => a.priority === level).sort((a, b) => a.row.first - b.row.first);
    for (const a of group) tryAdd(a.row);
    if (k === 0) for (const r of input.tail.slice(-TAIL_CORE).reverse()) tryAdd(r);
    growContext(group, tryAdd);
  });
  if (levels.length === 0) for (const r of input.tail.slice(-TAIL_CORE).reverse()) tryAdd(r);
  for (const r of [...input.tail].reverse()) if (!tryAdd(r)) break;
  for (const r of input.head) if (!tryAdd(r)) break;
  return sorted;
}

function growContext(group: readonly AnchorView[], tryAdd: (r: Row) => boolean): void {
  const state = group.map((a) => ({
    window: a.window,
    at: a.window.indexOf(a.row),
    before: true,
    after: true,
  }));
  const maxDepth = Math.max(0, ...group.map((a) => a.window.length));
  for (let d = 1; d <= maxDepth; d++) {
    for (const s of state) {
      if (s.after) {
        const r = s.window[s.at + d];
        s.after = r !== undefined && tryAdd(r);
      }
      if (s.before) {
        const r = s.window[s.at - d];
        s.before = r !== undefined && tryAdd(r);
      }
    }
  }
}
