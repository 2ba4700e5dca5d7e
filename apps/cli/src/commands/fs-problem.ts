/**
 * A file-system error in a few words for a one-line message ("is a folder (EISDIR)"), or
 * undefined when the error is not one (a bug keeps its stack trace). Node's own messages name the
 * system call ("EISDIR: illegal operation on a directory, read") rather than the problem.
 */
export function fsProblem(error: unknown, doing: 'read' | 'write'): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return undefined;
  const known = PROBLEMS[code] ?? (code === 'ENOENT' ? NOT_FOUND[doing] : undefined);
  if (known) return `${known} (${code})`;
  // Anything else: Node's text without the code and the system call ("EIO: i/o error, write").
  const message = error instanceof Error ? error.message : String(error);
  return `${message.replace(/^E[A-Z0-9]+: /, '').replace(/, \w+(?: '.*')?$/, '')} (${code})`;
}

// Reading, the words analyze uses for a missing input (log-parsing's InputError).
const NOT_FOUND = { read: 'no such file or directory', write: 'its folder does not exist' } as const;

const PROBLEMS: Record<string, string> = {
  EISDIR: 'is a folder',
  // Only making a folder meets it: a file is there.
  EEXIST: 'is a file, not a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many levels of symbolic links',
};
