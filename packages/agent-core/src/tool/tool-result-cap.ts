/**
 * Size cap for text the model sees. Keeps the head and the tail (a log's cause is often near the
 * end, a file's context near the start) and says how much was cut, so the model knows to narrow
 * its query instead of assuming it saw everything.
 */
export interface CapResult {
  text: string;
  truncated: boolean;
  originalChars: number;
}

export function capToolResult(text: string, maxChars: number): CapResult {
  if (!Number.isInteger(maxChars) || maxChars < 64) {
    throw new RangeError(`capToolResult: maxChars must be an integer >= 64 (got ${maxChars}).`);
  }
  if (text.length <= maxChars) return { text, truncated: false, originalChars: text.length };
  const marker = (omitted: number) =>
    `\n[... ${omitted} characters omitted (output was ${text.length} characters; limit ${maxChars}). ` +
    'Narrow the request to see the rest. ...]\n';
  // Reserve room for the marker using the worst-case omitted count (the full length).
  const budget = Math.max(0, maxChars - marker(text.length).length);
  const headLen = Math.ceil(budget * 0.6);
  const tailLen = budget - headLen;
  const head = safeSlice(text, 0, headLen);
  const tail = tailLen > 0 ? safeSlice(text, text.length - tailLen, text.length) : '';
  const omitted = text.length - head.length - tail.length;
  return { text: head + marker(omitted) + tail, truncated: true, originalChars: text.length };
}

/** Slice without splitting a UTF-16 surrogate pair (a lone surrogate breaks JSON encoders). */
export function safeSlice(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  if (s > 0 && isLowSurrogate(text.charCodeAt(s))) s += 1;
  if (e < text.length && isLowSurrogate(text.charCodeAt(e))) e -= 1;
  return text.slice(s, Math.max(s, e));
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
