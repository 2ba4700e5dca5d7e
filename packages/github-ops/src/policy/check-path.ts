import { posix } from 'node:path';
import type { PolicyViolation } from './types';

const MAX_SEGMENT_BYTES = 255;
const MAX_PATH_BYTES = 4096;

/** A rule broken by the shape of a path alone (before any allow/deny list is consulted). */
function violation(path: string, rule: PolicyViolation['rule'], message: string): PolicyViolation {
  return { path, rule, message };
}

/** Printable ASCII only; shows invisible characters in messages without echoing them raw. */
export function displayPath(path: string): string {
  return JSON.stringify(path);
}

/**
 * Structural checks on a repository path (security.md §4, "Paths"): empty, absolute, `..`,
 * backslashes, control characters, non-ASCII (blocks confusables such as `.ɡithub`), trailing
 * `/` or `.`, `.git` segments, length limits, and non-canonical forms (`./a`, `a//b`).
 * Returns every problem found, not just the first, so reports are complete.
 */
export function checkPathShape(path: string): PolicyViolation[] {
  const shown = displayPath(path);
  if (path.length === 0) return [violation(path, 'path-empty', 'path is empty')];
  const out: PolicyViolation[] = [];
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    out.push(violation(path, 'path-control-character', `path ${shown} contains a control character`));
  }
  if (/[^\u0000-\u007f]/.test(path)) {
    out.push(violation(path, 'path-non-ascii', `path ${shown} contains non-ASCII characters`));
  }
  if (path.includes('\\')) {
    out.push(violation(path, 'path-backslash', `path ${shown} contains a backslash`));
  }
  if (path.startsWith('/') || path.startsWith('~') || /^[a-zA-Z]:/.test(path)) {
    out.push(violation(path, 'path-absolute', `path ${shown} is absolute`));
  }
  const segments = path.split(/[/\\]/);
  if (segments.includes('..')) {
    out.push(violation(path, 'path-traversal', `path ${shown} contains a ".." segment`));
  }
  if (segments.some((s) => s.toLowerCase() === '.git')) {
    out.push(violation(path, 'path-git-directory', `path ${shown} is inside a .git directory`));
  }
  const normalized = posix.normalize(path);
  if (
    path.endsWith('/') ||
    path.endsWith('.') ||
    segments.some((s) => s === '' || s === '.') ||
    (normalized !== path && !segments.includes('..'))
  ) {
    out.push(
      violation(
        path,
        'path-not-canonical',
        `path ${shown} is not canonical (empty, "." or trailing segment)`,
      ),
    );
  }
  if (
    Buffer.byteLength(path) > MAX_PATH_BYTES ||
    segments.some((s) => Buffer.byteLength(s) > MAX_SEGMENT_BYTES)
  ) {
    out.push(
      violation(
        path,
        'path-too-long',
        `path ${shown} exceeds ${MAX_PATH_BYTES} bytes or a segment exceeds ${MAX_SEGMENT_BYTES}`,
      ),
    );
  }
  return out;
}

/**
 * The path as the deny list sees it: backslashes as slashes, normalised, leading `./` and `/`
 * dropped, lower case. Used only for matching, so a hostile spelling (`docs/../.github/x`,
 * `.GitHub\\x`) still hits the deny list even though the shape check already refused it.
 */
export function canonicalForMatching(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const normalized = posix.normalize(slashed).replace(/^(\.\/|\/)+/, '');
  return normalized.toLowerCase();
}
