/**
 * Offsets of the characters that start an escape sequence `stripAnsi` would remove (ESC, the
 * 8-bit CSI U+009B, and U+FFFD of Go's `\uFFFD[36m` remnants), ascending: three native scans of a
 * whole batch, ~0.1 ns a character each, where checking every line cost three `indexOf` calls a
 * line. Lines holding one are pushed to the parser in full; the rest may be skipped. Only used
 * when the classifier did not hand over the escaped lines its block scan found (`MatchLinesNotes`:
 * no block scan, or a classifier of the caller's own).
 */
export function escapeOffsets(text: string): number[] {
  const out: number[] = [];
  for (const c of ['\x1b', '\x9b', '\ufffd']) {
    for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, i + 1)) out.push(i);
  }
  if (out.length > 1) out.sort((a, b) => a - b);
  return out;
}

/** Whether `text` holds one of the characters `escapeOffsets` finds (for a single line). */
export function hasEscape(text: string): boolean {
  return ESCAPE.test(text);
}

const ESCAPE = /[\x1b\x9b\ufffd]/;
