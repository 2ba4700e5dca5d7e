import type { EmulatorResponse, RequestContext, RouteSpec } from './context';
import { etagFor, matchesIfNoneMatch } from './etag';
import { DOCS_URL, HttpError } from './http-error';
import { type RateLimiter, rateHeaders } from './rate-limit';
import { ensureUser } from './state/users';
import type { TokenRecord } from './state/world';

/**
 * What every GitHub route shares: write permission for read-only tokens, primary rate limits
 * with `x-ratelimit-*` headers, and ETags where `If-None-Match` hits answer 304 without
 * spending quota (as GitHub documents for conditional requests).
 */
export async function runGithubRoute(
  spec: RouteSpec,
  ctx: RequestContext,
  token: TokenRecord | undefined,
  limiter: RateLimiter,
): Promise<EmulatorResponse> {
  const resource = spec.resource ?? 'core';
  const identity = token?.token ?? 'anonymous';
  const common = {
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
  };
  const isWrite = ctx.method !== 'GET' && ctx.method !== 'HEAD' && !spec.readsOnly;
  if (isWrite && !token) return errorResponse(new HttpError(401, 'Requires authentication'), common);
  if (isWrite && token?.readOnly) {
    return errorResponse(new HttpError(403, 'Resource not accessible by integration'), {
      ...common,
      ...rateHeaders(limiter.consume(identity, resource)),
    });
  }

  const before = limiter.status(identity, resource);
  if (before.remaining <= 0 && !spec.free) {
    const who = token ? `user ID ${ensureUser(ctx.world, token.login).id}` : 'anonymous requests';
    const message = `API rate limit exceeded for ${who}.`;
    if (resource === 'graphql') {
      // GitHub's GraphQL API answers 200 with a RATE_LIMITED error and x-ratelimit-remaining 0.
      return {
        status: 200,
        json: { errors: [{ type: 'RATE_LIMITED', message }] },
        headers: { ...common, ...rateHeaders(before) },
      };
    }
    const status = resource === 'core' ? 403 : ctx.limits.searchExceededStatus;
    return errorResponse(new HttpError(status, message), {
      ...common,
      ...rateHeaders(before),
      'retry-after': String(Math.max(1, before.reset - Math.floor(ctx.world.now().getTime() / 1000))),
    });
  }

  const spend = () => (spec.free ? limiter.status(identity, resource) : limiter.consume(identity, resource));
  let response: EmulatorResponse;
  try {
    response = await spec.handler(ctx);
  } catch (error) {
    if (!HttpError.isInstance(error)) throw error;
    response = errorResponse(error, {});
  }

  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && response.status === 200) {
    const body = response.json !== undefined ? JSON.stringify(response.json) : response.body;
    if (body !== undefined) {
      const etag = etagFor(body);
      const headers = { ...common, ...response.headers, etag };
      if (matchesIfNoneMatch(headerValue(ctx.headers['if-none-match']), etag)) {
        return { status: 304, headers: { ...headers, ...rateHeaders(limiter.status(identity, resource)) } };
      }
      return { ...response, headers: { ...headers, ...rateHeaders(spend()) } };
    }
  }
  return {
    ...response,
    headers: { ...common, ...response.headers, ...rateHeaders(spend()) },
  };
}

export function errorResponse(error: HttpError, headers: Record<string, string>): EmulatorResponse {
  return { status: error.status, json: error.toJSON(), headers: { ...headers, ...error.headers } };
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** `Authorization: token X` or `Bearer X`; anything else is anonymous. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export { DOCS_URL };
