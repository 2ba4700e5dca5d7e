import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { FaultInjector } from './faults';
import { HttpError, type ValidationErrorItem } from './http-error';
import type { RateResource, RateStatus } from './rate-limit';
import type { RequestLogEntry } from './request-log';
import type { Urls } from './shapes/urls';
import type { EmulatorState } from './state/emulator-state';
import type { World } from './state/world';

/** Tunables a scenario or `startEmulator` can change; defaults match github.com. */
export interface EmulatorLimits {
  /** Core requests per hour per token (GitHub: 5000; 60 unauthenticated). */
  core: number;
  /** `/search/issues` requests per minute (GitHub: 30). */
  search: number;
  /** `/search/code` requests per minute (GitHub: 10). */
  codeSearch: number;
  /**
   * GraphQL points per hour per token (GitHub: 5000 for users). The emulator answers only the
   * viewer query, which costs 1 point, so this counts requests.
   */
  graphql: number;
  /** Status when a search limit is exceeded: GitHub sends 403, sometimes 429. */
  searchExceededStatus: 403 | 429;
  /** Entries a recursive tree listing returns before setting `truncated` (GitHub: 100,000). */
  treeEntries: number;
  /** Lifetime of log/artifact download links (GitHub: about 60 s). */
  downloadTtlSeconds: number;
}

export const DEFAULT_LIMITS: EmulatorLimits = {
  core: 5000,
  search: 30,
  codeSearch: 10,
  graphql: 5000,
  searchExceededStatus: 403,
  treeEntries: 100_000,
  downloadTtlSeconds: 60,
};

export interface RequestContext {
  method: string;
  /** Decoded-on-demand path, without query. */
  path: string;
  /** `METHOD /template` of the matched route. */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The request URL as the client addressed it (used for Link headers). */
  url: URL;
  world: World;
  urls: Urls;
  /** Emulator base URL, e.g. http://127.0.0.1:4010. */
  baseUrl: string;
  limits: EmulatorLimits;
  /** Login the request authenticated as; undefined when anonymous. */
  login: string | undefined;
  /** The caller's current quota for a resource (for GET /rate_limit). */
  rate: (resource: RateResource) => RateStatus;
  /** The emulator's own controls, for the `/_emulator/*` routes. */
  control: ControlApi;
}

export interface ControlApi {
  state: EmulatorState;
  faults: FaultInjector;
  requests(): RequestLogEntry[];
  requestCounts(): Record<string, number>;
  reset(): Promise<void>;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON when present. */
  json?: unknown;
  /** Raw body (text logs, zips, GCS media). */
  body?: Buffer | string;
}

export type RouteHandler = (ctx: RequestContext) => EmulatorResponse | Promise<EmulatorResponse>;

/** Which pipeline a route goes through: GitHub routes get auth, rate limits and ETags. */
export type RouteKind = 'github' | 'gcs' | 'download' | 'control';

export interface RouteSpec {
  kind: RouteKind;
  /** Rate-limit bucket for GitHub routes. */
  resource?: RateResource;
  /** Not counted against the rate limit (GET /rate_limit). */
  free?: boolean;
  /** A POST that only reads (GraphQL queries): no write permission needed. */
  readsOnly?: boolean;
  handler: RouteHandler;
}

export const ok = (json: unknown, headers?: Record<string, string>): EmulatorResponse => ({
  status: 200,
  json,
  ...(headers ? { headers } : {}),
});
export const created = (json: unknown): EmulatorResponse => ({ status: 201, json });
export const noContent = (): EmulatorResponse => ({ status: 204 });

/** Parses the JSON body against a zod schema: 400 for broken JSON, 422 listing each bad field. */
export function readBody<T>(ctx: RequestContext, schema: z.ZodType<T>, resource: string): T {
  let value: unknown = {};
  if (ctx.rawBody.length > 0) {
    try {
      value = JSON.parse(ctx.rawBody.toString('utf8'));
    } catch {
      throw new HttpError(400, 'Problems parsing JSON');
    }
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors: ValidationErrorItem[] = parsed.error.issues.map((issue) => ({
    resource,
    field: issue.path.join('.'),
    code: valueAt(value, issue.path) === undefined ? 'missing_field' : 'invalid',
    message: issue.message,
  }));
  throw new HttpError(422, 'Invalid request.', { errors });
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function intParam(ctx: RequestContext, name: string): number {
  const raw = ctx.params[name] ?? '';
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(404, 'Not Found');
  return Number(raw);
}
