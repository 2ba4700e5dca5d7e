import { ApiError } from '@google/genai';
import { isRetryableStatus, ModelError, modelErrorFactory } from '@nightshift/agent-core';

const provider = 'gemini';

export interface MapErrorContext {
  /** Strings that must never appear in an error message (the API key). */
  secrets?: string[];
  /** The call's abort signal: an aborted call is reported as such, never as retryable. */
  abortSignal?: AbortSignal;
}

/** The `error` object of a Google API error body (google.rpc.Status). */
interface GoogleStatus {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<{ '@type'?: string; retryDelay?: string }>;
}

/**
 * Turns anything the SDK throws into a ModelError. The SDK's `ApiError` keeps only the status and
 * the JSON body as its message, so the body is parsed back for the status name and for
 * `google.rpc.RetryInfo.retryDelay`, which is how Gemini says how long to wait (it sends no
 * `retry-after` header; the SDK does not expose response headers on errors).
 */
export function mapGeminiError(error: unknown, context: MapErrorContext = {}): ModelError {
  if (ModelError.isInstance(error)) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const make = modelErrorFactory(error, { provider, secrets: context.secrets ?? [] }, () => raw);

  if (context.abortSignal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
    return make('request aborted', { isRetryable: false });
  }
  if (error instanceof ApiError) {
    const status = parseStatus(error.message);
    const name = status?.status ?? 'error';
    const detail = status?.message ?? error.message;
    return make(`HTTP ${error.status} ${name}: ${detail}`, {
      statusCode: error.status,
      isRetryable: isRetryableStatus(error.status),
      retryAfterMs: retryDelayMs(status),
    });
  }
  // Node's fetch reports network failures as `TypeError: fetch failed` with the reason as cause.
  if (error instanceof TypeError && error.message === 'fetch failed') {
    const reason = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return make(`connection failed${reason}`, { isRetryable: true });
  }
  return make(raw, { isRetryable: false });
}

function parseStatus(message: string): GoogleStatus | undefined {
  try {
    const body = JSON.parse(message) as { error?: GoogleStatus } | null;
    return typeof body?.error === 'object' && body.error !== null ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/** `retryDelay` is a protobuf Duration in JSON form, e.g. `"17s"` or `"0.250s"`. */
export function retryDelayMs(status: GoogleStatus | undefined): number | undefined {
  const info = status?.details?.find((d) => d?.['@type'] === 'type.googleapis.com/google.rpc.RetryInfo');
  const match = /^(\d+(?:\.\d+)?)s$/.exec(info?.retryDelay ?? '');
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * 1000);
}
