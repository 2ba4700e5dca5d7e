import { isWordChar, stripAnsi } from '../ansi';
import { candidateLineStarts } from './keyword-prefilter';

/**
 * Whether `line` holds a secret keyword once its escapes are removed, though the raw line may not.
 * Only a line with an escape right after a word character can (`pass\x1b[0mword=…`): colour codes
 * mostly follow a space, a bracket or a colon, so few lines get the second look. Such a line
 * is a redaction candidate too (redact-secrets.ts `redactLines`, and analyze's byte
 * scan, analyze/take-region.ts, which must agree with it line for line).
 */
export function hidesKeyword(line: string): boolean {
  return splitEscapeLines(line) !== null && keywordWithoutEscapes(line);
}

/**
 * `starts` (the ascending line starts `candidateLineStarts(text)` found) with the starts of the
 * lines of `text` that `hidesKeyword` flags, ascending and unique; `starts` itself when none.
 */
export function withHiddenKeywords(text: string, starts: readonly number[]): readonly number[] {
  const lines = splitEscapeLines(text);
  if (lines === null) return starts;
  const known = new Set(starts);
  const found: number[] = [];
  for (const lineStart of lines) {
    if (known.has(lineStart)) continue;
    const nl = text.indexOf('\n', lineStart);
    if (keywordWithoutEscapes(text.slice(lineStart, nl === -1 ? text.length : nl))) found.push(lineStart);
  }
  return found.length === 0 ? starts : [...starts, ...found].sort((a, b) => a - b);
}

function keywordWithoutEscapes(line: string): boolean {
  return candidateLineStarts(stripAnsi(line)).length > 0;
}

/**
 * The starts of the lines of `text` with an escape introducer right after a word character, or
 * null for none: native scans for the introducers (a coloured log has one on every few lines)
 * where a regex over every character cost ~8 ms per 100 MB of the benchmark log's coloured lines.
 */
function splitEscapeLines(text: string): Set<number> | null {
  let lines: Set<number> | null = null;
  for (const introducer of ESCAPES) {
    for (let i = text.indexOf(introducer, 1); i !== -1; i = text.indexOf(introducer, i + 1)) {
      if (!isWordChar(text.charCodeAt(i - 1))) continue;
      lines ??= new Set();
      lines.add(text.lastIndexOf('\n', i) + 1);
    }
  }
  return lines;
}

const ESCAPES = ['\x1b', '\x9b', '\ufffd['];
