import { type Dirent, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fsInputError, InputError } from './input-error';

export type WalkItem = { kind: 'file'; path: string; size: number } | { kind: 'error'; error: InputError };

/**
 * Regular files under `dir`, depth first, each directory's entries in code-unit order (stable
 * across machines and locales). Symbolic links are reported, never followed (a link can point
 * anywhere, including back up the tree). Hidden directories (`.git`, `.cache`) are skipped.
 * Listing and `lstat` are synchronous, as the reads are (file-chunks.ts): a thread-pool round trip
 * per file was most of the time a folder of hundreds of small artifacts took.
 */
export async function* walkDirectory(dir: string): AsyncGenerator<WalkItem> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'error', error: fsInputError(dir, error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      yield {
        kind: 'error',
        error: new InputError({ code: 'symlink', path, problem: 'symbolic link not followed' }),
      };
    } else if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) yield* walkDirectory(path);
    } else if (entry.isFile()) {
      try {
        yield { kind: 'file', path, size: lstatSync(path).size };
      } catch (error) {
        yield { kind: 'error', error: fsInputError(path, error) };
      }
    } else {
      const problem = 'not a regular file (a FIFO, socket or device): not read inside a folder';
      yield { kind: 'error', error: new InputError({ code: 'special-file', path, problem }) };
    }
  }
}

export function notAFile(path: string): InputError {
  return new InputError({ code: 'not-a-file', path, problem: 'not a regular file or directory' });
}
