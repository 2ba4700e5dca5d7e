/**
 * Length of the runner's timestamp prefix (`2023-09-21T17:21:43.7023841Z `, BOM allowed on the
 * first record), or 0 when the line has none (a continuation of the previous entry).
 * Hand-written char checks instead of a regex: this runs on every line of every job log.
 */
export function githubTimestampLength(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // YYYY-MM-DDTHH:MM:SS = 19 chars, then optional .fraction, then 'Z '.
  if (text.length < i + 21) return 0;
  if (
    !digits(text, i, 4) ||
    text.charCodeAt(i + 4) !== 0x2d ||
    !digits(text, i + 5, 2) ||
    text.charCodeAt(i + 7) !== 0x2d ||
    !digits(text, i + 8, 2) ||
    text.charCodeAt(i + 10) !== 0x54 ||
    !digits(text, i + 11, 2) ||
    text.charCodeAt(i + 13) !== 0x3a ||
    !digits(text, i + 14, 2) ||
    text.charCodeAt(i + 16) !== 0x3a ||
    !digits(text, i + 17, 2)
  ) {
    return 0;
  }
  i += 19;
  if (text.charCodeAt(i) === 0x2e) {
    const start = ++i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    if (i === start) return 0;
  }
  if (text.charCodeAt(i) !== 0x5a || text.charCodeAt(i + 1) !== 0x20) {
    // "…Z" at the very end of the line: a timestamped empty message.
    return text.charCodeAt(i) === 0x5a && i + 1 === text.length ? i + 1 : 0;
  }
  return i + 2;
}

function digits(text: string, at: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (!isDigit(text.charCodeAt(at + k))) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
