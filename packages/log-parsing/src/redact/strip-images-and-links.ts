/**
 * Outbound: no image or link in posted text may point outside `allowedHosts`. Images are the
 * exfiltration channel (GitHub's Camo proxy fetches them server-side, query string and all);
 * links are a phishing channel. Applied to the whole text, code included — a transform that
 * trusted our own code detection could be bypassed by text GitHub parses differently.
 *
 *  - tags that load or link (`<img>`, `<picture>`, `<source>`, `<a>`, `<iframe>`, `<svg>`, …)
 *    have their `<` escaped, so they show as text;
 *  - `[text](url)` / `![alt](url)` with a disallowed destination lose the link: `](` becomes
 *    `] (` and the URL is defanged (`hxxps://…`), so the reader still sees where it pointed;
 *  - reference definitions `[id]: url` with a disallowed destination are escaped (`\[id]:`);
 *  - bare URLs and `www.` autolinks to disallowed hosts are defanged.
 * Allowed: https to an allowed host or its subdomains, and relative links.
 */
import { decodeDestination, defang, isAllowedDestination } from './url-policy';

const RISKY_TAG =
  /<(?=\/?(?:a|img|image|picture|source|video|audio|track|iframe|frame|frameset|embed|object|applet|svg|math|link|meta|base|form|input|button|area|map|style|script|body|use)(?:[\s/>]|$))/gi;
// Entities GitHub would decode before autolinking, in the characters that make a URL.
const URL_ENTITY = /&(?:#0*58|#x0*3a|colon|#0*47|#x0*2f|sol|#0*46|#x0*2e|period);/gi;
const ENTITY_CHAR: Record<string, string> = {
  '58': ':',
  '3a': ':',
  colon: ':',
  '47': '/',
  '2f': '/',
  sol: '/',
};
const INLINE_DEST = /\]\([ \t]*\n?[ \t]*(<[^>\n]*>|[^\s)]*)/g;
const REFERENCE_DEF = /^( {0,3})\[((?:[^\]\\\n]|\\.){1,999})\]:([ \t]*\n?[ \t]*)(<[^>\n]*>|\S+)/gm;
const BARE_URL = /\b(?:https?|ftp):\/\/[^\s<>"'`]+|(?<![A-Za-z0-9_./@-])www\.[^\s<>"'`]+/gi;

function decodeUrlEntity(m: string): string {
  const key = m.slice(1, -1).toLowerCase().replace(/^#x0*/, '').replace(/^#0*/, '');
  return ENTITY_CHAR[key] ?? '.';
}

export function stripImagesAndLinks(text: string, allowedHosts: readonly string[]): string {
  let t = text.replace(URL_ENTITY, decodeUrlEntity);
  t = t.replace(RISKY_TAG, '&lt;');
  t = t.replace(INLINE_DEST, (m, dest: string) =>
    isAllowedDestination(decodeDestination(dest), allowedHosts) ? m : `] (${defang(dest)}`,
  );
  t = t.replace(REFERENCE_DEF, (m, indent: string, label: string, sep: string, dest: string) =>
    isAllowedDestination(decodeDestination(dest), allowedHosts)
      ? m
      : `${indent}\\[${label}]:${sep}${defang(dest)}`,
  );
  return t.replace(BARE_URL, (url) => {
    // Trailing punctuation is not part of an autolink; judge the host without it.
    const trimmed = url.replace(/[)\].,;:!?'"*_~]+$/, '');
    const full = /^www\./i.test(trimmed) ? `https://${trimmed}` : trimmed;
    return isAllowedDestination(full, allowedHosts) ? url : defang(url);
  });
}
