/**
 * Rendering of a selection of rows, and its exact length without building the string (the
 * selector evaluates many candidate selections).
 */
import { type Row, renderOmitted, renderRow } from './excerpt-row';

export interface Span {
  /** First and last line number of the whole input. */
  firstNo: number;
  lastNo: number;
}

function digits(n: number): number {
  return String(n).length;
}

const SINGLE_BASE = renderOmitted(1, 1).length - 1;
const RANGE_BASE = renderOmitted(1, 2).length - 2;

/** Length of `renderOmitted(a, b)`. */
function omittedLength(a: number, b: number): number {
  return a === b ? SINGLE_BASE + digits(a) : RANGE_BASE + digits(a) + digits(b);
}

/** The output lines for `rows` (sorted, non-overlapping), with omission markers in the gaps. */
export function renderLines(rows: readonly Row[], span: Span): string[] {
  const out: string[] = [];
  let prev = span.firstNo - 1;
  for (const row of rows) {
    if (row.first > prev + 1) out.push(renderOmitted(prev + 1, row.first - 1));
    out.push(renderRow(row));
    prev = row.last;
  }
  if (prev < span.lastNo) out.push(renderOmitted(prev + 1, span.lastNo));
  return out;
}

/** `renderLines(rows, span).join('\n').length`, computed from cached row lengths. */
export function renderedLength(rows: readonly Row[], rowLength: (r: Row) => number, span: Span): number {
  let len = 0;
  let lines = 0;
  let prev = span.firstNo - 1;
  for (const row of rows) {
    if (row.first > prev + 1) {
      len += omittedLength(prev + 1, row.first - 1);
      lines++;
    }
    len += rowLength(row);
    lines++;
    prev = row.last;
  }
  if (prev < span.lastNo) {
    len += omittedLength(prev + 1, span.lastNo);
    lines++;
  }
  return lines === 0 ? 0 : len + lines - 1;
}

export function renderedTokens(rows: readonly Row[], rowLength: (r: Row) => number, span: Span): number {
  return Math.ceil(renderedLength(rows, rowLength, span) / 4);
}

/** Original line ranges covered by `rows`, merged where contiguous. */
export function coveredRanges(rows: readonly Row[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const row of rows) {
    const last = ranges[ranges.length - 1];
    if (last && row.first === last[1] + 1) last[1] = row.last;
    else ranges.push([row.first, row.last]);
  }
  return ranges;
}
