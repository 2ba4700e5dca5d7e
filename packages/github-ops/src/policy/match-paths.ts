import { posix } from 'node:path';
import { canonicalForMatching } from './check-path';

/**
 * Case-insensitive glob match (`**`, `*`, `?`, `{a,b}`) using Node's built-in
 * `path.posix.matchesGlob` (minimatch semantics, dotfiles matched by explicit dots).
 */
export function matchesAnyGlob(path: string, globs: readonly string[]): string | null {
  const candidate = canonicalForMatching(path);
  for (const glob of globs) {
    if (posix.matchesGlob(candidate, glob.toLowerCase())) return glob;
  }
  return null;
}
