import { redactSecrets } from '@nightshift/log-parsing';

/** Byte size of new content as it will be committed. */
export function contentBytes(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Content as text, or null when it is binary: a NUL byte, or bytes that are not valid UTF-8.
 * (The same test git uses for NUL; invalid UTF-8 is added because every file we write is text.)
 */
export function contentAsText(content: string | Uint8Array): string | null {
  if (typeof content === 'string') return content.includes('\u0000') ? null : content;
  if (content.includes(0)) return null;
  try {
    return utf8.decode(content);
  } catch {
    return null;
  }
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

// Bidi controls (CVE-2021-42574 "Trojan Source"), Arabic letter mark, LRM/RLM and Unicode tag
// characters: invisible in review, meaningful to compilers and models.
const HIDDEN = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u{e0000}-\u{e007f}]/u;

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

/** Kinds of secrets found (e.g. `github-token`); empty when clean. */
export function secretKinds(text: string): string[] {
  return redactSecrets(text).findings.map((f) => f.kind);
}

// "fixes #1", "Closes: org/repo#2", "resolved https://github.com/o/r/issues/3"
const CLOSING_KEYWORD =
  /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b\s*:?\s*(?:[\w.-]+\/[\w.-]+#\d+|#\d+|https?:\/\/\S+\/(?:issues|pull)\/\d+)/i;

export function hasClosingKeyword(text: string): boolean {
  return CLOSING_KEYWORD.test(text);
}
