/**
 * A tiny method + path-template router. `{name}` matches one segment, `{name+}` the rest of the
 * path (one or more segments, e.g. a file path or `heads/feature/x`). When several templates
 * match, the most specific wins: a literal segment beats a parameter, which beats a rest match,
 * compared left to right — so `/issues/comments` is never read as issue number "comments".
 */

type Segment =
  | { kind: 'static'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'rest'; name: string };

interface Route<H> {
  method: string;
  template: string;
  segments: Segment[];
  handler: H;
}

export interface RouteMatch<H> {
  /** `METHOD /template`, the key used for request counts and fault rules. */
  route: string;
  params: Record<string, string>;
  handler: H;
}

const rank = { static: 0, param: 1, rest: 2 } as const;

function parseTemplate(template: string): Segment[] {
  return template
    .split('/')
    .filter((part) => part !== '')
    .map((part): Segment => {
      const param = /^\{([a-z_]+)(\+?)\}$/i.exec(part);
      if (!param) return { kind: 'static', value: part };
      return param[2] ? { kind: 'rest', name: param[1]! } : { kind: 'param', name: param[1]! };
    });
}

function compareRoutes<H>(a: Route<H>, b: Route<H>): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const ra = a.segments[i] ? rank[a.segments[i]!.kind] : -1;
    const rb = b.segments[i] ? rank[b.segments[i]!.kind] : -1;
    if (ra !== rb) return ra - rb;
  }
  return 0;
}

export class Router<H> {
  readonly #routes: Route<H>[] = [];

  add(method: string, template: string, handler: H): this {
    this.#routes.push({ method: method.toUpperCase(), template, segments: parseTemplate(template), handler });
    this.#routes.sort(compareRoutes);
    return this;
  }

  /** Routes registered, as `METHOD /template` keys with their handlers. */
  routes(): Array<{ route: string; handler: H }> {
    return this.#routes.map((route) => ({
      route: `${route.method} ${route.template}`,
      handler: route.handler,
    }));
  }

  /** Returns undefined when no template matches or the path is not valid percent-encoding. */
  match(method: string, pathname: string): RouteMatch<H> | undefined {
    let parts: string[];
    try {
      parts = pathname
        .split('/')
        .filter((part) => part !== '')
        .map((part) => decodeURIComponent(part));
    } catch {
      return undefined;
    }
    for (const route of this.#routes) {
      if (route.method !== method.toUpperCase()) continue;
      const params = matchSegments(route.segments, parts);
      if (params) return { route: `${route.method} ${route.template}`, params, handler: route.handler };
    }
    return undefined;
  }
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === 'rest') {
      if (i >= parts.length) return undefined;
      params[segment.name] = parts.slice(i).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.kind === 'static' && segment.value !== part) return undefined;
    if (segment.kind === 'param') params[segment.name] = part;
  }
  return segments.length === parts.length ? params : undefined;
}
