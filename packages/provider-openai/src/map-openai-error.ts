import {
  httpErrorToModelError,
  ModelError,
  modelErrorFactory,
  retryAfterFromHeaders,
} from '@nightshift/agent-core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

export interface MapErrorContext {
  /** Provider name used in messages, e.g. `openai` or `ollama`. */
  provider?: string;
  /** Strings that must never appear in an error message (the API key). */
  secrets?: string[];
  /** The call's abort signal: an aborted call is reported as such, never as retryable. */
  abortSignal?: AbortSignal;
  /** Clock for HTTP-date `retry-after` values. */
  now?: () => number;
}

/**
 * Turns anything the SDK throws into a ModelError carrying the HTTP status, whether a retry is
 * worthwhile and how long the server asked us to wait. 429 and 5xx are retryable, except a 429
 * `insufficient_quota` (billing: waiting does not help); the server's `x-should-retry` header wins
 * when present. Messages never contain the API key.
 */
export function mapOpenAIError(error: unknown, context: MapErrorContext = {}): ModelError {
  if (ModelError.isInstance(error)) return error;
  const provider = context.provider ?? 'openai';
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
    const status = error.status;
    const body = error.error as { message?: unknown } | undefined;
    const prefix = `${status} `;
    const fallback = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    // vLLM and others put a numeric `code` in the body; only a string code names the error.
    const code: unknown = error.code;
    const billing = status === 429 && code === 'insufficient_quota';
    return httpErrorToModelError(make, {
      status,
      kind: typeof code === 'string' ? code : typeof error.type === 'string' ? error.type : 'error',
      detail: typeof body?.message === 'string' ? body.message : fallback,
      requestId: error.requestID,
      headers: error.headers,
      ...(billing ? { isRetryable: false } : {}),
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
