import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { epochSeconds } from './clock';
import { DEFAULT_LIMITS, type EmulatorLimits, type EmulatorResponse, type RequestContext } from './context';
import { faultResponse } from './fault-response';
import { FaultInjector, type FaultRule } from './faults';
import { bearerToken, errorResponse, headerValue, runGithubRoute } from './github-pipeline';
import { HttpError } from './http-error';
import { readRequestBody, send } from './http-io';
import { RateLimiter } from './rate-limit';
import { RequestLog, type RequestLogEntry } from './request-log';
import { buildRouter } from './routes';
import { loadScenario } from './scenario/load';
import type { Scenario } from './scenario/schema';
import { seedWorld } from './scenario/seed';
import { EmulatorState } from './state/emulator-state';
import type { TokenRecord } from './state/world';

export interface StartEmulatorOptions {
  /** A scenario object, or a directory holding `scenario.yaml`/`scenario.json`. */
  scenario?: Scenario | string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Overrides for rate limits, tree truncation and link lifetimes (scenario values apply first). */
  limits?: Partial<EmulatorLimits>;
  /** Clock for timestamps, rate-limit windows and link expiry (default: real time). */
  now?: () => Date;
  /** Host used in `html_url` fields (default https://github.com). */
  htmlUrl?: string;
}

export interface Emulator {
  url: string;
  /** GitHub REST routes live at the root, like api.github.com. */
  githubApiUrl: string;
  /** Base that stands in for https://storage.googleapis.com (JSON API and plain downloads). */
  gcsUrl: string;
  state: EmulatorState;
  faults: { add(rule: FaultRule): void; clear(): void; list(): FaultRule[] };
  requests(): RequestLogEntry[];
  requestCounts(): Record<string, number>;
  /** Back to the scenario's initial state; clears the request log, faults and rate limits. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  const scenario =
    typeof options.scenario === 'string' ? await loadScenario(options.scenario) : options.scenario;
  const now = options.now ?? (() => new Date());
  const limits: EmulatorLimits = { ...DEFAULT_LIMITS, ...scenario?.limits, ...options.limits };
  const state = new EmulatorState(await seedWorld(scenario, now));
  const faults = new FaultInjector();
  const seedFaults = () => {
    for (const rule of scenario?.faults ?? []) faults.add(rule);
  };
  seedFaults();
  const log = new RequestLog();
  const limiter = new RateLimiter(() => limits, now);
  const router = buildRouter();
  let baseUrl = '';

  const reset = async () => {
    state.replaceWorld(await seedWorld(scenario, now));
    log.clear();
    faults.clear();
    seedFaults();
    limiter.reset();
  };

  const control = {
    state,
    faults,
    requests: () => log.entries(),
    requestCounts: () => log.counts(),
    reset,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? new URL(baseUrl).host}`);
    const body = await readRequestBody(req);
    const match = router.match(method === 'HEAD' ? 'GET' : method, url.pathname);
    const kind = match?.handler.kind ?? 'github';
    const tokenValue = bearerToken(headerValue(req.headers.authorization));
    const world = state.world;
    const token: TokenRecord | undefined = tokenValue
      ? (world.tokens.get(tokenValue) ?? { token: tokenValue, login: world.defaultLogin, readOnly: false })
      : undefined;
    const entry =
      kind === 'control'
        ? undefined
        : log.push({
            at: now().toISOString(),
            method,
            path: url.pathname + url.search,
            route: match?.route ?? `${method} (unmatched)`,
            status: 0,
            ...(token ? { login: token.login } : {}),
          });
    const fault = entry ? faults.take(entry.route, method, url.pathname) : undefined;
    if (fault?.latencyMs && entry) {
      entry.fault = 'latency';
      await delay(fault.latencyMs);
    }
    if (fault?.reset && entry) {
      entry.fault = 'reset';
      req.socket.destroy();
      return;
    }
    let response: EmulatorResponse;
    if (body === undefined) {
      response = errorResponse(new HttpError(413, 'Request body too large'), {});
    } else if (fault && (fault.status !== undefined || fault.secondaryRateLimit) && entry) {
      entry.fault = 'status';
      response = faultResponse(fault, kind, epochSeconds(now()));
    } else if (!match) {
      response = errorResponse(new HttpError(404, 'Not Found'), {});
    } else {
      const ctx: RequestContext = {
        method,
        path: url.pathname,
        route: match.route,
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        rawBody: body,
        url,
        world,
        urls: { api: baseUrl, html: options.htmlUrl ?? 'https://github.com' },
        baseUrl,
        limits,
        login: token?.login,
        rate: (resource) => limiter.status(token?.token ?? 'anonymous', resource),
        control,
      };
      try {
        response = await runRoute(match.handler, ctx, token, limiter);
      } catch (error) {
        response = internalError(error);
      }
    }
    if (entry) {
      entry.status = response.status;
      if (fault?.truncateBody) entry.fault = 'truncate';
    }
    send(res, response, method === 'HEAD', fault?.truncateBody === true && entry !== undefined);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, internalError(error), false, false);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    githubApiUrl: baseUrl,
    gcsUrl: `${baseUrl}/gcs`,
    ...control,
    faults: { add: (rule) => faults.add(rule), clear: () => faults.clear(), list: () => faults.list() },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function runRoute(
  spec: import('./context').RouteSpec,
  ctx: RequestContext,
  token: TokenRecord | undefined,
  limiter: RateLimiter,
): Promise<EmulatorResponse> {
  if (spec.kind === 'github') return runGithubRoute(spec, ctx, token, limiter);
  try {
    return await spec.handler(ctx);
  } catch (error) {
    if (!HttpError.isInstance(error)) throw error;
    if (spec.kind === 'gcs') {
      return { status: error.status, json: { error: { code: error.status, message: error.message } } };
    }
    return errorResponse(error, {});
  }
}

function internalError(error: unknown): EmulatorResponse {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, json: { message: `Emulator error: ${message}`, status: '500' } };
}
