const MARKER = Symbol.for('nightshift.tracking-error');

/**
 * A problem with where or as whom issues are tracked (bot identity, issue repository), as opposed
 * to a problem with one source. Recognised by marker, not `instanceof`: each action bundles its
 * own copy of this package.
 */
export class TrackingError extends Error {
  readonly [MARKER] = true;
  readonly isRetryable: boolean;

  constructor(message: string, options: { cause?: unknown; isRetryable?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TrackingError';
    this.isRetryable = options.isRetryable ?? false;
  }

  static isInstance(error: unknown): error is TrackingError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}
