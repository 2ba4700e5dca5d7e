import { csiRunEnd, stripAnsi } from '../ansi';
import { type ScanKernel, scanKernel } from '../scan-kernel/scan-kernel';
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
 * Pushes onto `hits` the start of every line in `starts` (ascending, unique) whose stripped text
 * holds a literal, as `scan` (the block scan without the escape step) finds it in those texts
 * joined by '\n'.
 */
export function rescanEscaped(
  text: string,
  starts: readonly number[],
  hits: number[],
  scan: (prepared: string, found: number[]) => void,
): void {
  const lines: string[] = [];
  const origins: number[] = [];
  for (const start of starts) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > LONG_ESCAPED_LINE) {
      hits.push(start);
      continue;
    }
    const line = text.slice(start, end);
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

/**
 * `table[a << 8 | b]` is 1 when characters a and b (ASCII letters folded to lower case) stand side
 * by side in some literal; null when a literal holds a character above 0x7F (its case folding is
 * not ASCII's: every line is then scanned again).
 */
export type LiteralPairs = Uint8Array;

export function literalPairs(literals: readonly { text: string }[]): LiteralPairs | null {
  const table = new Uint8Array(65_536);
  for (const { text } of literals) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return null;
    for (let i = 0; i + 1 < text.length; i++)
      table[(fold(text.charCodeAt(i)) << 8) | fold(text.charCodeAt(i + 1))] = 1;
  }
  return table;
}

function fold(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/**
 * The lines of `starts` (escaped lines of `text`, ascending) whose stripping can join two
 * characters `pairs` knows: only their stripped text can hold a literal the raw text lacks, so
 * only they need `rescanEscaped`. Escape sequences are read as stripAnsi reads CSI sequences
 * (ansi.ts `csiEnd`); a run of them joins the character before the run with the one
 * after it. Anything else (an OSC, a 0x9B or U+FFFD introducer, an unfinished sequence, a
 * character above 0xFF, a line over `LONG_ESCAPED_LINE`) keeps the line. The byte image must hold
 * `text` unfolded: the scan kernel's `escapeByte` finds each sequence, so the characters between
 * them are not read one by one. On the PTP benchmark log (a coloured Ginkgo line every 34 lines,
 * its codes around a bullet and at the start) no line is left.
 */
export function joiningLines(text: string, starts: readonly number[], pairs: LiteralPairs): number[] {
  const kernel = scanKernel();
  const kept: number[] = [];
  for (const start of starts) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > LONG_ESCAPED_LINE || joins(text, start, end, pairs, kernel)) kept.push(start);
  }
  return kept;
}

function joins(text: string, start: number, end: number, pairs: LiteralPairs, kernel: ScanKernel): boolean {
  for (let i = kernel.escapeByte(start, end); i < end; ) {
    // 0x9B, U+FFFD, or another character with one of the three low bytes.
    if (text.charCodeAt(i) !== 0x1b) return true;
    // The run of sequences from i; one that is no CSI, or runs into the line break, keeps the line.
    const j = csiRunEnd(text, i);
    if (j === -1) return true;
    if (i > start && j < end) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(j);
      if (before > 0xff || after > 0xff || pairs[(fold(before) << 8) | fold(after)] !== 0) return true;
    }
    i = j < end ? kernel.escapeByte(j, end) : end;
  }
  return false;
}
