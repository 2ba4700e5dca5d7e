import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The bytes of the regular files among `paths` (folders, stdin and what cannot be read count 0):
 * what decides whether a command's run is long enough for TurboFan (v8-tiers.ts). What cannot be
 * read is reported by the command itself when it gets there.
 */
export function namedBytes(paths: readonly string[], cwd: string): number {
  let total = 0;
  for (const path of paths) {
    if (path === '-') continue;
    try {
      const stats = statSync(resolve(cwd, path));
      if (stats.isFile()) total += stats.size;
    } catch {
      // Reported as unreadable by the command itself.
    }
  }
  return total;
}
