import { z } from 'zod';

/**
 * Fault rules: make matching requests fail the ways GitHub and networks fail, so retry,
 * throttling and partial-download handling can be tested for real.
 */
export const faultRuleSchema = z
  .object({
    /** `GET /repos/{owner}/{repo}/issues` (a route key) or a glob over `METHOD /path` (`*`, `**`). */
    route: z.string().min(1).optional(),
    status: z
      .union([z.literal(500), z.literal(502), z.literal(503), z.literal(403), z.literal(429)])
      .optional(),
    /** Seconds, sent as `retry-after`. */
    retryAfter: z.number().int().nonnegative().optional(),
    /** 403 with the message GitHub sends for secondary rate limits. */
    secondaryRateLimit: z.boolean().optional(),
    latencyMs: z.number().int().nonnegative().max(60_000).optional(),
    /** Send the headers (with the full Content-Length) and half the body, then cut the connection. */
    truncateBody: z.boolean().optional(),
    /** Destroy the socket without answering. */
    reset: z.boolean().optional(),
    /** How many matching requests this rule affects (default: all). */
    times: z.number().int().positive().optional(),
    /** Let the first N matching requests through untouched. */
    after: z.number().int().nonnegative().optional(),
    /** Overrides the error message in the JSON body. */
    message: z.string().optional(),
  })
  .strict();

export type FaultRule = z.infer<typeof faultRuleSchema>;

interface ActiveRule {
  rule: FaultRule;
  seen: number;
  applied: number;
  matcher: (route: string, method: string, path: string) => boolean;
}

export function compileMatcher(pattern: string | undefined): ActiveRule['matcher'] {
  if (!pattern) return () => true;
  const [first, ...rest] = pattern.trim().split(/\s+/);
  const hasMethod = rest.length > 0;
  const methodPattern = hasMethod ? first!.toUpperCase() : '*';
  const pathPattern = hasMethod ? rest.join(' ') : first!;
  const regex = new RegExp(
    `^${pathPattern
      .split(/(\*\*|\*)/)
      .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : escapeRegex(part)))
      .join('')}$`,
  );
  return (route, method, path) => {
    if (route === pattern.trim()) return true;
    if (methodPattern !== '*' && methodPattern !== method) return false;
    const template = route.slice(route.indexOf(' ') + 1);
    return template === pathPattern || regex.test(path);
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class FaultInjector {
  #rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    const parsed = faultRuleSchema.parse(rule);
    this.#rules.push({ rule: parsed, seen: 0, applied: 0, matcher: compileMatcher(parsed.route) });
  }

  clear(): void {
    this.#rules = [];
  }

  list(): FaultRule[] {
    return this.#rules.map((active) => active.rule);
  }

  /** The first live rule matching this request, counting it as used. */
  take(route: string, method: string, path: string): FaultRule | undefined {
    for (const active of this.#rules) {
      if (!active.matcher(route, method, path)) continue;
      const { after = 0, times } = active.rule;
      if (times !== undefined && active.applied >= times) continue;
      active.seen += 1;
      if (active.seen <= after) continue;
      active.applied += 1;
      return active.rule;
    }
    return undefined;
  }
}
