const MARKER = Symbol.for('nightshift.rules-error');

/**
 * A rule set that cannot be used: bad YAML/JSON, a rule that fails the schema, a pattern that does
 * not compile, a duplicate id. The message names the origin (file or module) and every bad rule by
 * index and id, so a profile author can fix all problems in one pass.
 *
 * Recognised by a marker rather than `instanceof`: each action bundles its own copy of this class.
 */
export class RulesError extends Error {
  readonly [MARKER] = true;
  override readonly name = 'RulesError';
  /** Never retryable: the same rules fail the same way. */
  readonly isRetryable = false;

  constructor(
    /** Where the rules came from: a file path, or a name such as `builtin`. */
    readonly origin: string,
    /** One entry per problem, each already naming the rule. */
    readonly problems: readonly string[],
  ) {
    super(`${origin}: invalid rules:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  static isInstance(value: unknown): value is RulesError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
