/**
 * Which URLs posted text may keep as live links or images: https to an allowed host (or one
 * of its subdomains), or a relative link within GitHub. Everything else is defanged.
 */

/** `github.com` allows `github.com` and `gist.github.com`; entries are case-insensitive. */
export function isAllowedHost(hostname: string, allowedHosts: readonly string[]): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return allowedHosts.some((entry) => {
    const a = entry.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
    return a.length > 0 && (h === a || h.endsWith(`.${a}`));
  });
}

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  sol: '/',
  period: '.',
  commat: '@',
  num: '#',
  bsol: '\\',
  amp: '&',
  quest: '?',
  lpar: '(',
  rpar: ')',
};

/** What CommonMark makes of a link destination: `<…>` unwrapped, escapes and entities decoded. */
export function decodeDestination(raw: string): string {
  let d = raw.trim();
  if (d.startsWith('<') && d.endsWith('>')) d = d.slice(1, -1);
  d = d.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return d.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g, (m, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Math.min(Number(dec), 0x10ffff));
    if (hex) return String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff));
    return NAMED_ENTITIES[String(name).toLowerCase()] ?? m;
  });
}

/** Whether a (decoded) link destination may stay live. */
export function isAllowedDestination(dest: string, allowedHosts: readonly string[]): boolean {
  // Browsers drop tabs/newlines inside URLs and treat `\` like `/`; normalise before judging.
  const d = dest.replace(/[\t\n\r]/g, '').trim();
  if (d === '') return true;
  const hasScheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(d);
  if (!hasScheme) return !/^[\\/]{2}|^\/\\/.test(d) && !/[\x00-\x1f]/.test(d);
  let url: URL;
  try {
    url = new URL(d);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && isAllowedHost(url.hostname, allowedHosts);
}

/** Make a URL unclickable but readable: `https://x` → `hxxps://x`, `www.x` → `www[.]x`. */
export function defang(url: string): string {
  return url
    .replace(/^(<?[ \t]*h)tt(ps?:)/i, '$1xx$2')
    .replace(/^(<?[ \t]*f)t(p:)/i, '$1x$2')
    .replace(/^(<?[ \t]*www)\./i, '$1[.]');
}
