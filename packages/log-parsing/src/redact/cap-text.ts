/**
 * Cut text to at most `maxChars` UTF-16 units, marker included, never splitting a surrogate
 * pair. The marker says how much was dropped, so a reader (or model) knows it is partial.
 */
export function capText(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (!Number.isInteger(maxChars) || maxChars < 0)
    throw new RangeError(`maxChars must be a non-negative integer, got ${maxChars}`);
  if (text.length <= maxChars) return { text, truncated: false };
  const marker = (n: number) => `\n… [truncated: ${n} characters omitted]`;
  // The marker's length depends on the count it reports; two rounds settle it.
  let keep = Math.max(0, maxChars - marker(text.length).length);
  keep = Math.max(0, maxChars - marker(text.length - keep).length);
  const code = text.charCodeAt(keep - 1);
  if (keep > 0 && code >= 0xd800 && code <= 0xdbff) keep--;
  const out = text.slice(0, keep) + marker(text.length - keep);
  // A cap smaller than the marker itself: return what fits of the marker.
  return { text: out.length <= maxChars ? out : out.slice(0, maxChars), truncated: true };
}
