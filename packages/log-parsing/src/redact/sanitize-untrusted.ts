/**
 * Inbound: text from issues, comments and logs on its way to a model. The model sees what a
 * human reader sees, minus secrets: HTML comments, escape sequences and invisible characters
 * go; workflow commands are defused (the text may be echoed into a job log); secrets are
 * redacted; the result is capped with a marker. Wrapping the result in a per-run delimiter is
 * the prompt builder's job.
 */
import { capText } from './cap-text';
import { stripHtmlCommentsDetailed } from './html-comments';
import { neutralizeWorkflowCommands } from './neutralize-commands';
import { redactSecrets } from './redact-secrets';
import type { RedactionFinding } from './redaction-types';
import { sanitizeTextDetailed } from './sanitize-text';

export interface SanitizeUntrustedOptions {
  /** Cap on the result, marker included. Default 20,000 characters. */
  maxChars?: number;
}

export interface SanitizeUntrustedResult {
  text: string;
  truncated: boolean;
  /** What was removed, for the audit record (counts only). */
  removed: { escapes: number; controls: number; invisible: number; htmlComments: number };
  findings: RedactionFinding[];
}

export function sanitizeUntrustedDetailed(
  text: string,
  options: SanitizeUntrustedOptions = {},
): SanitizeUntrustedResult {
  const clean = sanitizeTextDetailed(text);
  const comments = stripHtmlCommentsDetailed(clean.text);
  const defused = neutralizeWorkflowCommands(comments.text);
  const redacted = redactSecrets(defused);
  const capped = capText(redacted.text, options.maxChars ?? 20_000);
  return {
    text: capped.text,
    truncated: capped.truncated,
    removed: { ...clean.removed, htmlComments: comments.removed },
    findings: redacted.findings,
  };
}

export function sanitizeUntrusted(text: string, options: SanitizeUntrustedOptions = {}): string {
  return sanitizeUntrustedDetailed(text, options).text;
}
