import { stripAnsi } from '../ansi';
import { scanKernel } from '../scan-kernel/scan-kernel';
import { nextLine } from './word-scan';

/**
 * Lines holding escape sequences, for the block scan. `matchLine` strips escapes before it looks
 * for literals, so a literal the escapes split (`pani\x1b[1mcked!`) is found there and not in the
 * raw text. Such lines used to be flagged wholesale; on the PTP log (one line in 34 is a coloured
 * Ginkgo line) running `matchLine` on them cost ~0.5 ns per character of the whole log. Now their
 * stripped text is scanned once more, which costs ~0.2.
 *
 * Stripping only removes text, so a literal it reveals spans a removed sequence; literals wholly
 * between sequences are in the raw text too, and the main scan has found them there.
 */

/**
 * Escaped lines longer than this are flagged without a second look (rare; `matchLine` cuts lines
 * to `MAX_MATCH_CHARS` before stripping, which a longer line would have to copy to agree with).
 * Must not exceed `MAX_MATCH_CHARS` (classifier.ts; a test checks).
 */
export const LONG_ESCAPED_LINE = 1024;

/**
 * Starts of the lines holding ESC, U+009B or U+FFFD, ascending and unique. All three are found in
 * the byte image, which must hold `text` (0x1B, 0x9B, 0xFD; the scan kernel's `escapeByte`, 16
 * bytes a step, one call per such line): cheaper than a string search, which on a two-byte string
 * cannot use memchr, and than three `Buffer.indexOf` calls per coloured line. Other characters
 * with those low bytes (U+011B ě, ý ...) make harmless extra candidates: stripping changes nothing
 * in their lines. analyze's line consumer reuses the list (through `matchLines`) to know which
 * lines it must not skip.
 */
export function escapedLineStarts(text: string): number[] {
  const starts: number[] = [];
  const kernel = scanKernel();
  const length = text.length;
  for (let i = kernel.escapeByte(0, length); i < length; i = kernel.escapeByte(nextLine(text, i), length)) {
    // A backward loop: String#lastIndexOf cost ~4 µs a call on a two-byte text, this ~0.1 µs.
    let start = i;
    while (start > 0 && text.charCodeAt(start - 1) !== 10) start--;
    starts.push(start);
  }
  return starts;
}

/**
 * Pushes onto `hits` the start of every line in `starts` (ascending, unique) whose stripped text holds a literal, as
 * `scan` (the block scan without the escape step) finds it in those texts joined by '\n'.
 */
export function rescanEscaped(
  text: string,
  starts: number[],
  hits: number[],
  scan: (prepared: string, found: number[]) => void,
): void {
  const lines: string[] = [];
  const origins: number[] = [];
  for (const start of starts) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    if (line.length > LONG_ESCAPED_LINE) {
      hits.push(start);
      continue;
    }
    const prepared = stripAnsi(line);
    // Nothing stripped (a lone U+FFFD, or another unit with a low byte 0x9B/0xFD): the main scan
    // has seen this very text.
    if (prepared === line) continue;
    lines.push(prepared);
    origins.push(start);
  }
  if (lines.length === 0) return;
  const found: number[] = [];
  scan(lines.join('\n'), found);
  found.sort((a, b) => a - b);
  let index = 0;
  let end = lines[0]!.length;
  for (const at of found) {
    while (at > end) end += 1 + lines[++index]!.length;
    hits.push(origins[index]!);
  }
}
