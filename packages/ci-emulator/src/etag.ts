import { createHash } from 'node:crypto';

/** Weak validator over the exact response bytes, like GitHub's `W/"…"` ETags. */
export function etagFor(body: Buffer | string): string {
  return `W/"${createHash('sha256').update(body).digest('hex').slice(0, 40)}"`;
}

/** RFC 9110 weak comparison: `W/` prefixes are ignored; `*` matches anything. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header
    .split(',')
    .some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(etag));
}
