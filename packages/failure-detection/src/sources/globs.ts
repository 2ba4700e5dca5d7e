import { posix } from 'node:path';

/**
 * Glob matching for artifact names and object paths. Node's own `path.matchesGlob` (stable in
 * Node 24, minimatch semantics: `*`, `**`, `{a,b}`) — no extra dependency for a one-line need.
 */
export function matchesAnyGlob(name: string, globs: readonly string[]): boolean {
  return globs.some((glob) => posix.matchesGlob(name, glob));
}
