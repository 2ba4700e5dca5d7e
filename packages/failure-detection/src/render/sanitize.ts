import { redactSecrets, sanitizeForComment, sanitizeText } from '@nightshift/log-parsing';
import { clip } from './markdown';

/**
 * Every piece of text that came from CI (test names, messages, log lines, excerpts, branches)
 * goes through one of these before it is placed in an issue. Secrets are redacted and invisible,
 * bidi and escape characters removed everywhere. Text shown as Markdown prose additionally gets
 * log-parsing's outbound treatment (raw HTML escaped, @mentions, /commands, closing keywords and
 * links neutralised); inside code spans and blocks those are inert, and escaping there would show
 * `&lt;` literally. HTML comment delimiters are always broken up: Nightshift's own state lives in
 * HTML-comment markers, and no log line may look like one.
 */
export function cleanCode(text: string): string {
  return breakComments(redactSecrets(sanitizeText(text)).text);
}

/** For Markdown prose positions (list items, table cells). */
export function cleanProse(text: string): string {
  return breakComments(sanitizeForComment(text, { allowedHosts: [] }));
}

/** Code-cleaned, on one line, at most `max` characters (code spans, titles). */
export function cleanLine(text: string, max: number): string {
  return clip(cleanCode(text).replace(/\s+/g, ' ').trim(), max);
}

/** Prose-cleaned, on one line, at most `max` characters. */
export function proseLine(text: string, max: number): string {
  return clip(cleanProse(text.replace(/\s+/g, ' ')).trim(), max);
}

function breakComments(text: string): string {
  return text.replace(/<!--/g, '<! --').replace(/-->/g, '-- >');
}
