/** Exit codes shared by every command; documented in `nightshift --help`. */
export const ExitCode = {
  ok: 0,
  /** Something failed at run time (a source down, an API error). */
  failure: 1,
  usage: 2,
  unreadableInput: 3,
} as const;

/** A usage mistake: printed with the command's usage hint, exit 2. */
export class UsageError extends Error {
  readonly exitCode = ExitCode.usage;
  override name = 'UsageError';
}

/** An input that could not be read at all: exit 3. */
export class UnreadableInputError extends Error {
  readonly exitCode = ExitCode.unreadableInput;
  override name = 'UnreadableInputError';
}
