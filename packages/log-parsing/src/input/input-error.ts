/**
 * The one error type of the input layer. Recognised by a marker rather than `instanceof`, because
 * each GitHub Action bundles its own copy of this package and classes do not match across copies.
 */

const marker = 'nightshift.input-error';
const symbol = Symbol.for(marker);

export type InputErrorCode =
  /** The path does not exist. */
  | 'not-found'
  /** The path exists but could not be read (permissions, I/O error, stdin missing). */
  | 'unreadable'
  /** Named on its own, neither a regular file, a FIFO nor a directory (a socket, a device). */
  | 'not-a-file'
  /** A FIFO, socket or device met while walking a directory: not read (a FIFO may never end). */
  | 'special-file'
  /** A symbolic link met while walking a directory; links are never followed there. */
  | 'symlink'
  /** NUL byte in the first 8 KiB of a file that is not an archive. */
  | 'binary'
  /** A zip cap was exceeded (entries, total size, entry size, compression ratio). */
  | 'zip-bomb'
  /** A zip entry name that could escape a directory (`..`, absolute, drive letter, `\`, NUL). */
  | 'zip-entry-refused'
  /** The zip is corrupt or truncated, or an entry cannot be decoded. */
  | 'zip-invalid'
  /** A gzip stream decompressed past its cap. */
  | 'gzip-bomb'
  /** A gzip stream is corrupt or truncated. */
  | 'gzip-invalid'
  /** A well-formed input this reader does not handle (zip inside zip, zip on stdin, encryption). */
  | 'unsupported';

/** errno codes that say "try again later" rather than "this input is bad". */
const transientErrno = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'EINTR']);

export interface InputErrorOptions {
  code: InputErrorCode;
  /** Display path of the input, e.g. `logs/run.zip!/0_build.txt`. */
  path: string;
  /** What went wrong, without the path (the path is prepended to `message`). */
  problem: string;
  cause?: unknown;
}

export class InputError extends Error {
  readonly [symbol] = true;
  override readonly name = 'InputError';
  readonly code: InputErrorCode;
  readonly path: string;
  readonly problem: string;
  /** True only for transient OS conditions (too many open files, busy); bad input never retries. */
  readonly isRetryable: boolean;

  constructor({ code, path, problem, cause }: InputErrorOptions) {
    super(`${path}: ${problem}`, cause === undefined ? undefined : { cause });
    this.code = code;
    this.path = path;
    this.problem = problem;
    this.isRetryable = transientErrno.has(errnoOf(cause) ?? '');
  }

  static isInstance(error: unknown): error is InputError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[symbol] === true;
  }
}

/** The `code` of a Node system error (`ENOENT`, ...), if there is one. */
export function errnoOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps a filesystem error to an InputError naming the path. */
export function fsInputError(path: string, cause: unknown): InputError {
  const errno = errnoOf(cause);
  if (errno === 'ENOENT' || errno === 'ENOTDIR') {
    return new InputError({ code: 'not-found', path, problem: 'no such file or directory', cause });
  }
  const detail = errno ?? (cause instanceof Error ? cause.message : String(cause));
  return new InputError({ code: 'unreadable', path, problem: `cannot be read (${detail})`, cause });
}

/** Any error met while reading `path` as an InputError (InputErrors pass through unchanged). */
export function asInputError(path: string, error: unknown): InputError {
  if (InputError.isInstance(error)) return error;
  if (errnoOf(error)) return fsInputError(path, error);
  const detail = error instanceof Error ? error.message : String(error);
  return new InputError({ code: 'unreadable', path, problem: `cannot be read (${detail})`, cause: error });
}
