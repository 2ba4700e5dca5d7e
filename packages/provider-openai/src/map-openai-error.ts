import { isRetryableStatus, ModelError } from '@nightshift/agent-core';
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
  const secrets = context.secrets ?? [];
  const make = (
    message: string,
    extra: { statusCode?: number; isRetryable: boolean; retryAfterMs?: number },
  ) =>
    new ModelError({
      message: scrubSecrets(`${provider}: ${message}`, secrets),
      provider,
      ...extra,
      cause: mentionsSecret(error, secrets) ? undefined : error,
    });

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
    const detail = typeof body?.message === 'string' ? body.message : fallback;
    // vLLM and others put a numeric `code` in the body; only a string code names the error.
    const code: unknown = error.code;
    const kind = typeof code === 'string' ? code : typeof error.type === 'string' ? error.type : 'error';
    const request = error.requestID ? ` (request ${error.requestID})` : '';
    const billing = status === 429 && error.code === 'insufficient_quota';
    return make(`HTTP ${status} ${kind}: ${detail}${request}`, {
      statusCode: status,
      isRetryable: shouldRetry(error.headers) ?? (!billing && isRetryableStatus(status)),
      retryAfterMs: parseRetryAfterMs(error.headers, context.now),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return make(message, { isRetryable: false });
}

/** The API's own verdict, when it gives one. */
function shouldRetry(headers: Headers | undefined): boolean | undefined {
  const value = headers?.get('x-should-retry');
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/**
 * Reads `retry-after-ms` (milliseconds) or `retry-after` (seconds or an HTTP date).
 * Returns undefined when absent or unparsable.
 */
export function parseRetryAfterMs(
  headers: Headers | undefined,
  now: () => number = Date.now,
): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms) {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  const after = headers?.get('retry-after')?.trim();
  if (!after) return undefined;
  if (/^\d+(\.\d+)?$/.test(after)) return Math.round(Number(after) * 1000);
  const date = Date.parse(after);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now());
}

export function scrubSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[REDACTED]');
  return out;
}

/** True when the raw error (message or response body) contains a secret, so it must not be kept. */
function mentionsSecret(error: unknown, secrets: string[]): boolean {
  if (secrets.every((s) => !s)) return false;
  let text: string;
  try {
    text = error instanceof APIError ? `${error.message} ${JSON.stringify(error.error)}` : String(error);
  } catch {
    return true;
  }
  return secrets.some((secret) => secret && text.includes(secret));
}
