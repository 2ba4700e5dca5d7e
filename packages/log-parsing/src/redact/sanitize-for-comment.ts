/**
 * Outbound: everything Nightshift posts to GitHub (comments, issue and PR bodies) goes through
 * here, model-written text above all. Order matters: invisible text first (so nothing hides
 * from the later steps), then HTML comments, secrets, raw HTML, images/links, closing keywords,
 * mentions, slash and workflow commands, and finally the size cap (GitHub rejects bodies over
 * 65,536 characters). HTML comments inside code stay (they are shown as text there); since later
 * steps and the cap can change what is code (a redacted value or a cut can take a backtick), any
 * comment opener left outside code is escaped once more on the final text.
 */
import { capText } from './cap-text';
import { escapeHtmlCommentOpeners, stripHtmlComments } from './html-comments';
import { mapProse } from './markdown-code';
import { neutralizeClosingKeywords } from './neutralize-closing-keywords';
import { neutralizeCommands, neutralizeWorkflowCommands } from './neutralize-commands';
import { neutralizeMentions } from './neutralize-mentions';
import { redactSecrets } from './redact-secrets';
import type { RedactionFinding } from './redaction-types';
import { sanitizeText } from './sanitize-text';
import { stripImagesAndLinks } from './strip-images-and-links';

export interface SanitizeForCommentOptions {
  /** Hosts whose https links and images may stay live (subdomains included). */
  allowedHosts: readonly string[];
  /** Cap, marker included. Default 60,000 (GitHub's limit is 65,536). */
  maxChars?: number;
  /**
   * Keep raw HTML such as `<details>` (for Nightshift's own templates). Default false: every
   * tag outside code is escaped and shows as text, so nothing is hidden from reviewers.
   * Tags that load or link are escaped either way.
   */
  allowHtml?: boolean;
}

export interface SanitizeForCommentResult {
  text: string;
  truncated: boolean;
  findings: RedactionFinding[];
}

/** `<` that would open a tag, comment or declaration → `&lt;`, outside code. */
export function escapeRawHtml(text: string): string {
  return mapProse(text, (prose) => prose.replace(/<(?=[A-Za-z/!?])/g, '&lt;'));
}

export function sanitizeForCommentDetailed(
  text: string,
  options: SanitizeForCommentOptions,
): SanitizeForCommentResult {
  if (!options || !Array.isArray(options.allowedHosts))
    throw new TypeError('sanitizeForComment: options.allowedHosts must be an array of host names');
  let t = stripHtmlComments(sanitizeText(text));
  const redacted = redactSecrets(t);
  t = redacted.text;
  if (!options.allowHtml) t = escapeRawHtml(t);
  t = stripImagesAndLinks(t, options.allowedHosts);
  t = neutralizeClosingKeywords(t);
  t = neutralizeMentions(t);
  t = neutralizeWorkflowCommands(neutralizeCommands(t));
  const capped = capEscaped(t, options.maxChars ?? 60_000);
  return { text: capped.text, truncated: capped.truncated, findings: redacted.findings };
}

/** The cap, then comment openers escaped; a cap lowered until the escaped text fits. */
function capEscaped(text: string, maxChars: number): { text: string; truncated: boolean } {
  let budget = maxChars;
  for (;;) {
    const capped = capText(text, budget);
    const escaped = escapeHtmlCommentOpeners(capped.text).text;
    if (escaped.length <= maxChars) return { text: escaped, truncated: capped.truncated };
    budget = Math.max(0, budget - (escaped.length - maxChars));
  }
}

export function sanitizeForComment(text: string, options: SanitizeForCommentOptions): string {
  return sanitizeForCommentDetailed(text, options).text;
}
