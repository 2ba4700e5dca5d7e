import type { BlockPrefilter } from './block-prefilter';
import type { RuleMatch } from './classifier';

/** One line's match in `matchLines`: `index` is the line's position in the array given. */
export interface LineMatch {
  index: number;
  match: RuleMatch;
}

/**
 * What `matchLines` learned about the lines on the way, handed back for a caller that needs it
 * too (analyze's line consumer), so it need not scan the text again.
 */
export interface MatchLinesNotes {
  /**
   * Set when the block scan ran: offsets in the joined text of the starts of the lines that may
   * hold an escape sequence (ESC, U+009B or U+FFFD, and a few lines with another character with
   * one of those low bytes, such as 'ý'), ascending and unique. Every line holding one is there.
   */
  escapedLines?: number[];
}

/**
 * `Classifier.matchLines`: `matchLine` on the lines the block prefilter flags, every line when
 * there is no block prefilter (some rule has no literal, or prefiltering is off).
 */
export function matchLines(
  lines: readonly string[],
  joined: string | undefined,
  block: BlockPrefilter | null,
  matchLine: (line: string) => RuleMatch | null,
  notes?: MatchLinesNotes,
): LineMatch[] {
  const found: LineMatch[] = [];
  const visit = (index: number) => {
    const match = matchLine(lines[index]!);
    if (match) found.push({ index, match });
  };
  if (block === null) {
    for (let i = 0; i < lines.length; i++) visit(i);
    return found;
  }
  const text = joined ?? lines.join('\n');
  let hits: number[];
  if (notes) {
    const escaped: number[] = [];
    hits = block.hits(text, escaped);
    notes.escapedLines = escaped;
  } else hits = block.hits(text);
  if (hits.length > 0) {
    hits.sort((a, b) => a - b);
    forEachHitLine(lines, text, hits, visit);
  }
  return found;
}

/** Calls `visit` once per line holding a hit (`hits`: ascending offsets into `text`). */
function forEachHitLine(
  lines: readonly string[],
  text: string,
  hits: readonly number[],
  visit: (index: number) => void,
): void {
  let total = lines.length - 1;
  for (const line of lines) total += line.length;
  if (total !== text.length || lines.length === 0) {
    throw new RangeError(
      `matchLines: joined text (${text.length} chars) is not the ${lines.length} lines joined by '\\n'`,
    );
  }
  let index = 0;
  let end = lines[0]!.length;
  let last = -1;
  for (const hit of hits) {
    while (hit > end) end += 1 + lines[++index]!.length;
    if (index !== last) visit(index);
    last = index;
  }
}
