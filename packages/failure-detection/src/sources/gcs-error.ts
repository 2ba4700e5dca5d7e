const MARKER = Symbol.for('nightshift.gcs-error');

export interface GcsErrorOptions {
  /** HTTP status, or null for network errors and unusable content. */
  status: number | null;
  isRetryable: boolean;
  cause?: unknown;
}

/**
 * A GCS object or listing that could not be read (HTTP error after retries, network failure,
 * malformed JSON). The message names the bucket and object. Recognised by marker, not
 * `instanceof`, because each action bundles its own copy of this package.
 */
export class GcsError extends Error {
  readonly [MARKER] = true;
  /** `bucket/object` (or `bucket/prefix*` for a listing). */
  readonly object: string;
  readonly status: number | null;
  readonly isRetryable: boolean;

  constructor(object: string, message: string, options: GcsErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GcsError';
    this.object = object;
    this.status = options.status;
    this.isRetryable = options.isRetryable;
  }

  static isInstance(error: unknown): error is GcsError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}
