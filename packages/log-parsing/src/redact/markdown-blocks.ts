/**
 * Helpers for neutralisers that wrap text in a code span. A code span only protects what it
 * wraps if our backticks pair with each other, so the wrapper uses a backtick run length that
 * does not occur in the surrounding block (CommonMark pairs runs of equal length only, and
 * never across a blank line) and is not glued to a neighbouring backtick. Where that cannot be
 * guaranteed — next to a backtick, or inside a block with raw HTML, where markdown is not
 * parsed at all — the caller falls back to a plain-text neutralisation.
 */

/** Blank-line-delimited blocks, each with the separator that follows it. */
export function mapBlocks(text: string, fn: (block: string) => string): string {
  const parts = text.split(/(\n[ \t]*\n)/);
  for (let i = 0; i < parts.length; i += 2) parts[i] = fn(parts[i]!);
  return parts.join('');
}

/** Raw HTML (a tag, comment or declaration) turns off markdown in its block. */
export function hasRawHtml(block: string): boolean {
  return /<[A-Za-z/!?]/.test(block);
}

/** The shortest backtick run length not present in `block`. */
export function freeBacktickRun(block: string): string {
  const used = new Set((block.match(/`+/g) ?? []).map((r) => r.length));
  let n = 1;
  while (used.has(n)) n++;
  return '`'.repeat(n);
}

/**
 * Whether `block.slice(start, end)` may be wrapped in a code span made of the run from
 * `freeBacktickRun`: no raw HTML in the block and no backtick glued to either side.
 */
export function canWrapInCode(block: string, start: number, end: number): boolean {
  if (hasRawHtml(block)) return false;
  return block[start - 1] !== '`' && block[end] !== '`';
}
