import { redactSecrets, sanitizeForComment, sanitizeText } from '@nightshift/log-parsing';

/** Text going back to the MCP client (a model): invisible/escape characters stripped, secrets redacted, capped. */
export function sanitizeToolOutput(text: string, maxChars: number): string {
  const clean = redactSecrets(sanitizeText(text)).text;
  if (clean.length <= maxChars) return clean;
  return `${clean.slice(0, maxChars)}\n…[nightshift: output cut at ${maxChars} characters of ${clean.length}]`;
}

/**
 * Text Nightshift posts to GitHub on a model's behalf: secrets redacted, HTML comments, raw HTML,
 * images and links to other hosts, @mentions, /commands and closing keywords neutralised.
 */
export function sanitizeOutbound(text: string, allowedHosts: readonly string[]): string {
  return sanitizeForComment(text, { allowedHosts });
}
