/**
 * `text` cut to at most `max` characters, `…` included, never splitting a surrogate pair. For the
 * one-line pieces of a report that come from logs (test names, paths, message lines): a
 * 70,000-character JUnit test name must not be a 70,000-character heading.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let keep = Math.max(0, max - 1);
  const code = text.charCodeAt(keep - 1);
  if (keep > 0 && code >= 0xd800 && code <= 0xdbff) keep--;
  return `${text.slice(0, keep)}…`;
}
