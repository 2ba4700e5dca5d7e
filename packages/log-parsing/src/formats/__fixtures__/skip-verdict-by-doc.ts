/**
 * Whether a skip shape (skip-shape.ts) ignores `line`, written from the `SkipShape` doc alone: the
 * oracle of the skip tests (analyze/skip-run.test.ts, scan-kernel/scan-kernel.test.ts). A
 * timestamped shape judges only lines with a digit first and '.', 'Z', ' ' at 19, 27 and 28
 * (message from 29); an empty message is ignored; otherwise the class of the message's first byte
 * decides (0 ignored, 2 ignored unless the next character is 'a', 3 ignored unless the message
 * holds '--- ', anything else asked about).
 */
export function ignoredByDoc(line: string, timestamped: boolean, classes: Uint8Array): boolean {
  let message = line;
  if (timestamped) {
    const first = line.charAt(0);
    if (
      !(first >= '0' && first <= '9') ||
      line.charAt(19) !== '.' ||
      line.charAt(27) !== 'Z' ||
      line.charAt(28) !== ' '
    )
      return false;
    message = line.slice(29);
  }
  if (message === '') return true;
  const c = classes[message.charCodeAt(0)];
  if (c === 0) return true;
  if (c === 3) return !message.includes('--- ');
  return c === 2 && message.charAt(1) !== 'a';
}
