import type { EmulatorResponse, RouteKind } from './context';
import type { FaultRule } from './faults';
import { DOCS_URL } from './http-error';

export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID.';

const STATUS_TEXT: Record<number, string> = {
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  403: 'Forbidden',
  429: 'Too Many Requests',
};

/**
 * The response an injected status fault produces, in the shape the real service sends:
 * a bare 403 is a primary rate-limit hit (`x-ratelimit-remaining: 0`), `secondaryRateLimit`
 * (or 429) carries GitHub's secondary-limit message and `retry-after`.
 */
export function faultResponse(fault: FaultRule, kind: RouteKind, nowSeconds: number): EmulatorResponse {
  const secondary = fault.secondaryRateLimit === true || fault.status === 429;
  const status = fault.status ?? (secondary ? 403 : 500);
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  let message = fault.message ?? STATUS_TEXT[status] ?? 'Error';
  if (secondary) {
    message = fault.message ?? SECONDARY_RATE_LIMIT_MESSAGE;
  } else if (status === 403) {
    message = fault.message ?? 'API rate limit exceeded for user ID 1.';
    Object.assign(headers, {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(nowSeconds + (fault.retryAfter ?? 60)),
      'x-ratelimit-resource': 'core',
    });
  }
  if (kind === 'gcs') {
    return {
      status,
      headers,
      json: {
        error: { code: status, message, errors: [{ message, domain: 'global', reason: 'backendError' }] },
      },
    };
  }
  const documentation = secondary
    ? 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
    : DOCS_URL;
  return { status, headers, json: { message, documentation_url: documentation, status: String(status) } };
}
