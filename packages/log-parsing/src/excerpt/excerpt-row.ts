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
