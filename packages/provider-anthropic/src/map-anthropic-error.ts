import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import {
  httpErrorToModelError,
  ModelError,
  modelErrorFactory,
  retryAfterFromHeaders,
} from '@nightshift/agent-core';

const provider = 'anthropic';

export interface MapErrorContext {
  /** Strings that must never appear in an error message (the API key). */
  secrets?: string[];
  /** The call's abort signal: an aborted call is reported as such, never as retryable. */
  abortSignal?: AbortSignal;
  /** Clock for HTTP-date `retry-after` values. */
  now?: () => number;
}

/**
 * Turns anything the SDK throws into a ModelError carrying the HTTP status, whether a retry is
 * worthwhile (429, 5xx and 529 overloaded are; the server's `x-should-retry` header wins when
 * present) and how long the server asked us to wait. Messages never contain the API key. The
 * provider-neutral part (scrubbing, status rule, retry-after) is agent-core's `httpErrorToModelError`.
 */
export function mapAnthropicError(error: unknown, context: MapErrorContext = {}): ModelError {
  if (ModelError.isInstance(error)) return error;
  const make = modelErrorFactory(error, { provider, secrets: context.secrets ?? [] }, () =>
    stainlessErrorText(error),
  );

  if (context.abortSignal?.aborted || error instanceof APIUserAbortError) {
    return make('request aborted', { isRetryable: false });
  }
  if (error instanceof APIConnectionTimeoutError) return make('request timed out', { isRetryable: true });
  if (error instanceof APIConnectionError) {
    const reason = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return make(`connection failed${reason}`, { isRetryable: true });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    return httpErrorToModelError(make, {
      status: error.status,
      kind: error.type ?? 'error',
      detail: error.apiMessage ?? error.message,
      requestId: error.requestID,
      headers: error.headers,
      ...(context.now ? { now: context.now() } : {}),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return make(message, { isRetryable: false });
}

/**
 * Reads `retry-after-ms` (milliseconds) or `retry-after` (seconds or an HTTP date).
 * Returns undefined when absent or unparsable.
 */
export function parseRetryAfterMs(
  headers: Headers | undefined,
  now: () => number = Date.now,
): number | undefined {
  return retryAfterFromHeaders(headers, now());
}

/** What the raw error carries: its message and the response body, which may echo the request. */
function stainlessErrorText(error: unknown): string {
  return error instanceof APIError ? `${error.message} ${JSON.stringify(error.error)}` : String(error);
}
