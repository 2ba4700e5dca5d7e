/**
 * A row is one kept line, or a run of consecutive lines that are identical once digits are
 * normalised (timestamps, counters, durations) and were collapsed into one.
 *
 * Rendered as `<no>│ <text>` for one line and `<first>–<last>│ <text> (repeated N times)` for a
 * run (the text shown is the first line's); `│` is U+2502. An omitted stretch renders as
 * `… [lines a–b omitted] …` (or `… [line a omitted] …`).
 */

export interface Row {
  first: number;
  last: number;
  /** Text of the first line, cut to `maxLineChars`. */
  text: string;
  /** Characters cut from the first line's text. */
  cut: number;
  count: number;
}

/** Key under which consecutive lines collapse. */
export function collapseKey(text: string): string {
  return text.replace(/\d+/g, '0');
}

/**
 * `collapseKey(a) === collapseKey(b)`, without building either key: every line of a log is
 * compared with the one before it, and the regex replace cost ~1 µs a line (the biggest cost of
 * the excerpt). This walk stops at the first difference, usually within a few characters.
 */
export function sameCollapseKey(a: string, b: string): boolean {
  if (a === b) return true;
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    const xd = x >= 48 && x <= 57;
    const yd = y >= 48 && y <= 57;
    if (xd && yd) {
      // A run of digits on both sides is one '0' in both keys, whatever its length.
      do i++;
      while (i < n && isDigit(a.charCodeAt(i)));
      do j++;
      while (j < m && isDigit(b.charCodeAt(j)));
    } else if (x !== y || xd || yd) {
      return false;
    } else {
      i++;
      j++;
    }
  }
  return i === n && j === m;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function makeRow(no: number, text: string, maxLineChars: number): Row {
  if (text.length <= maxLineChars) return { first: no, last: no, text, cut: 0, count: 1 };
  let keep = maxLineChars;
  const c = text.charCodeAt(keep - 1);
  if (c >= 0xd800 && c <= 0xdbff) keep--;
  return { first: no, last: no, text: text.slice(0, keep), cut: text.length - keep, count: 1 };
}

export function renderRow(row: Row): string {
  const no = row.first === row.last ? `${row.first}` : `${row.first}–${row.last}`;
  const cut = row.cut > 0 ? ` … [+${row.cut} chars]` : '';
  const repeated = row.count > 1 ? ` (repeated ${row.count} times)` : '';
  return `${no}│ ${row.text}${cut}${repeated}`;
}

export function renderOmitted(a: number, b: number): string {
  return a === b ? `… [line ${a} omitted] …` : `… [lines ${a}–${b} omitted] …`;
}
