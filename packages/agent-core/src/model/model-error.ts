/**
 * Errors thrown by model adapters. Recognised by a marker property rather than `instanceof`,
 * because each bundled action carries its own copy of this class.
 */
const marker = 'nightshift.model-error';
const symbol = Symbol.for(marker);

export interface ModelErrorOptions {
  message: string;
  provider: string;
  statusCode?: number;
  isRetryable?: boolean;
  /** Milliseconds the provider asked us to wait (from `retry-after`), if any. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class ModelError extends Error {
  readonly [symbol] = true;
  readonly provider: string;
  readonly statusCode: number | undefined;
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(options: ModelErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = 'ModelError';
    this.provider = options.provider;
    this.statusCode = options.statusCode;
    this.isRetryable = options.isRetryable ?? isRetryableStatus(options.statusCode);
    this.retryAfterMs = options.retryAfterMs;
  }

  static isInstance(error: unknown): error is ModelError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[symbol] === true;
  }
}

/** 408, 409, 429, 5xx and Anthropic's 529 (overloaded) are worth retrying. */
export function isRetryableStatus(status: number | undefined): boolean {
  if (status === undefined) return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
