import { sanitizeText } from '@nightshift/log-parsing';
import { redact } from '../util/redact';
import { capToolResult, safeSlice } from './tool-result-cap';

export interface ProtectedOutput {
  /** What the model sees: sanitized, redacted, capped. */
  text: string;
  /** Number of secrets replaced. */
  redactions: number;
  truncated: boolean;
  originalChars: number;
}

/**
 * Every tool result goes through here before the model sees it. Order matters:
 * 1. a coarse pre-cut of huge outputs (head + tail, far larger than the final cap) so the
 *    sanitizer and redactor never scan hundreds of megabytes;
 * 2. sanitize (ANSI/OSC escapes, control, invisible and bidi characters) BEFORE redacting,
 *    because an escape sequence inside a token would otherwise hide it from the patterns.
 *    HTML comments are kept: tools return code, where they are content. Tools that return
 *    untrusted prose (issue bodies, comments) strip them with `sanitizeUntrusted` themselves;
 * 3. redact secrets;
 * 4. the final cap, after redaction, so a cut never leaves half a secret unredacted. The pre-cut
 *    boundary sits in the middle (at a line break when there is one nearby), which the final cap
 *    removes whenever the text is still over the cap.
 */
export function protectToolOutput(raw: string, maxChars: number): ProtectedOutput {
  const preCap = maxChars * 8;
  const pre = raw.length > preCap ? preCut(raw, preCap / 2) : raw;
  const sanitized = sanitizeText(pre);
  const { text: redacted, redactions } = redact(sanitized);
  const capped = capToolResult(redacted, maxChars);
  return {
    text: capped.text,
    redactions,
    truncated: capped.truncated || raw.length > preCap,
    originalChars: raw.length,
  };
}

/** Tool results become text: strings as they are, everything else as JSON. */
export function toOutputText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '(no output)';
  try {
    const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    return json ?? String(value);
  } catch (error) {
    return `(output could not be encoded as JSON: ${(error as Error).message})`;
  }
}

/** Keep `keep` characters from each end, cutting at a line break within 4 KiB when possible. */
function preCut(raw: string, keep: number): string {
  const headBreak = raw.lastIndexOf('\n', keep);
  const headEnd = headBreak > keep - 4096 ? headBreak : keep;
  const tailBreak = raw.indexOf('\n', raw.length - keep);
  const tailStart =
    tailBreak !== -1 && tailBreak < raw.length - keep + 4096 ? tailBreak + 1 : raw.length - keep;
  return safeSlice(raw, 0, headEnd) + '\n[... cut ...]\n' + safeSlice(raw, tailStart, raw.length);
}
