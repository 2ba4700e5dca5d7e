import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../exit-codes';
import { fsProblem } from './fs-problem';

/**
 * `--out` is a value the caller chose: an empty one, or one that cannot be written (a folder, a
 * missing folder, a full disk, no permission), is a bad option value, exit 2, in one line that
 * names the path as given and the problem. `-` is stdout (as it is stdin for inputs): a file
 * `--out` writes there (see isStdout); a folder `--out` (demo's) cannot be stdout, so it is a usage
 * error rather than a folder named `-`.
 */
export function checkOutOption(out: string | undefined, kind: 'file' | 'folder' = 'file'): void {
  if (out !== undefined && out.trim() === '') throw new UsageError('--out needs a path (got an empty one)');
  if (kind === 'folder' && isStdout(out)) {
    throw new UsageError('--out - means stdout, but demo writes a folder (<out>/state.json): give a folder');
  }
}

/** Whether `--out` names stdout: no `--out`, or `-`. */
export function isStdout(out: string | undefined): out is undefined | '-' {
  return out === undefined || out === '-';
}

/** Writes `text` to the `--out` file `out` (relative to `cwd`). */
export async function writeOutFile(cwd: string, out: string, text: string): Promise<void> {
  try {
    await writeFile(resolve(cwd, out), text);
  } catch (error) {
    throw outError(error, out);
  }
}

/** Creates the `--out` folder `out` (and its parents) when missing; returns its absolute path. */
export async function makeOutFolder(cwd: string, out: string): Promise<string> {
  const dir = resolve(cwd, out);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw outError(error, out);
  }
  return dir;
}

/** The error to throw for a failed `--out` write: a UsageError, or the error itself if not fs. */
export function outError(error: unknown, shown: string): unknown {
  const problem = fsProblem(error, 'write');
  return problem ? new UsageError(`cannot write --out ${shown}: ${problem}`) : error;
}
