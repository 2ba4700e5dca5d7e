import { isRetryableStatus, ModelError } from './model-error';
import { type HeaderSource, readHeader, retryAfterFromHeaders } from './retry-after';

/*
 * The provider-neutral half of every adapter's error mapping: the `provider: ` prefix, secret
 * scrubbing, dropping a raw cause that echoes a secret, and the HTTP status → retry verdict with the
 * server's `retry-after` wait. Adapters keep the SDK-specific half (which classes mean abort,
 * timeout or connection failure, and where an error's kind and detail live).
 */

export interface ProviderErrorContext {
  /** Provider name for messages, e.g. `anthropic` or `ollama`. */
  provider: string;
  /** Strings that must never appear in an error message or a kept cause (the API key). */
  secrets?: readonly string[];
}

export interface ModelErrorFields {
  statusCode?: number;
  isRetryable: boolean;
  retryAfterMs?: number;
}

export type ModelErrorFactory = (message: string, fields: ModelErrorFields) => ModelError;

/**
 * Makes the ModelErrors for one caught `error`. `causeText` returns what the raw error carries
 * (message, response body); SDK errors often echo the request back, so when that text mentions a
 * secret, or cannot be read, the raw error is not kept as `cause`.
 */
export function modelErrorFactory(
  error: unknown,
  context: ProviderErrorContext,
  causeText: () => string = () => (error instanceof Error ? error.message : String(error)),
): ModelErrorFactory {
  const secrets = (context.secrets ?? []).filter((secret) => secret !== '');
  let keepCause = true;
  if (secrets.length > 0) {
    try {
      const text = causeText();
      keepCause = !secrets.some((secret) => text.includes(secret));
    } catch {
      keepCause = false;
    }
  }
  return (message, fields) =>
    new ModelError({
      message: scrubSecrets(`${context.provider}: ${message}`, secrets),
      provider: context.provider,
      ...fields,
      cause: keepCause ? error : undefined,
    });
}

/** Replaces every occurrence of each non-empty secret with `[REDACTED]`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[REDACTED]');
  return out;
}

export interface HttpErrorDetails {
  status: number;
  /** The error type or code the API named, e.g. `rate_limit_error`. */
  kind: string;
  /** The API's own message. */
  detail: string;
  requestId?: string | null;
  headers?: HeaderSource;
  /** Replaces the status rule (429, 5xx…), e.g. false for a billing 429; `x-should-retry` still wins. */
  isRetryable?: boolean;
  /** Clock for HTTP-date `retry-after` values. */
  now?: number;
}

/** `HTTP 429 rate_limit_error: … (request req_1)`, with the retry verdict and the asked-for wait. */
export function httpErrorToModelError(make: ModelErrorFactory, details: HttpErrorDetails): ModelError {
  const { status, kind, detail, headers } = details;
  const request = details.requestId ? ` (request ${details.requestId})` : '';
  const retryAfterMs = retryAfterFromHeaders(headers, details.now);
  return make(`HTTP ${status} ${kind}: ${detail}${request}`, {
    statusCode: status,
    isRetryable: shouldRetryHeader(headers) ?? details.isRetryable ?? isRetryableStatus(status),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** The API's own verdict (`x-should-retry`, sent by Anthropic and OpenAI), when it gives one. */
export function shouldRetryHeader(headers: HeaderSource): boolean | undefined {
  const value = readHeader(headers, 'x-should-retry');
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}
