/**
 * Length of the runner's timestamp prefix (`2023-09-21T17:21:43.7023841Z `, BOM allowed on the
 * first record), or 0 when the line has none (a continuation of the previous entry).
 *
 * A sticky regex rather than hand-written character checks: this runs on every line of every job
 * log, and on lines sliced out of a decoded chunk the compiled regex takes ~45 ns where ~25
 * `charCodeAt` calls took ~105 ns (measured on the PTP benchmark log). The `(?=\n)` alternative
 * lets a line inside a chunk end at its '\n' as a line string ends at `$`; it is tried only after
 * ' ' and `$` failed, so the line case runs as before. No character the regex consumes is '\n',
 * so a match cannot run on into the next line of a chunk.
 */
const TIMESTAMP = /\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z(?: |$|(?=\n))/y;

export function githubTimestampLength(text: string): number {
  return githubTimestampLengthIn(text, 0, text.length);
}

/**
 * `githubTimestampLength(text.slice(start, end))` without the slice: the line is [start, end) of a
 * chunk of lines, `text[end]` being '\n' or `end` being `text.length`.
 */
export function githubTimestampLengthIn(text: string, start: number, end: number): number {
  TIMESTAMP.lastIndex = start;
  if (!TIMESTAMP.test(text)) return 0;
  const stop = TIMESTAMP.lastIndex;
  // The match must end with a space inside the line, or at the line's end. A stop before `end`
  // without a space is a '\n' inside [start, end), where the sliced line has neither ' ' nor `$`.
  if (stop > end || (stop < end && text.charCodeAt(stop - 1) !== 0x20)) return 0;
  // "…Z" alone at the end of a line is a timestamped empty message, but only past 20 characters
  // (a BOM not counted): a bare `YYYY-MM-DDTHH:MM:SSZ` is not taken for a runner timestamp.
  const bom = text.charCodeAt(start) === 0xfeff ? 1 : 0;
  return end - start < bom + 21 ? 0 : stop - start;
}
