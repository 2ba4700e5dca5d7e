import { epochSeconds } from './clock';
import type { EmulatorLimits } from './context';

export type RateResource = 'core' | 'search' | 'code_search' | 'graphql';

export interface RateStatus {
  resource: RateResource;
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

interface Bucket {
  windowStart: number;
  used: number;
}

const WINDOW_SECONDS: Record<RateResource, number> = {
  core: 3600,
  search: 60,
  code_search: 60,
  graphql: 3600,
};

/** Fixed-window counters per identity (token, or "anonymous") and resource, on the emulator clock. */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #limits: () => EmulatorLimits;
  readonly #now: () => Date;

  constructor(limits: () => EmulatorLimits, now: () => Date) {
    this.#limits = limits;
    this.#now = now;
  }

  limitOf(resource: RateResource, anonymous: boolean): number {
    const limits = this.#limits();
    if (resource === 'core') return anonymous ? Math.min(60, limits.core) : limits.core;
    if (resource === 'search') return anonymous ? Math.min(10, limits.search) : limits.search;
    // GraphQL refuses anonymous requests outright (401), so only tokens ever spend from it.
    if (resource === 'graphql') return limits.graphql;
    return limits.codeSearch;
  }

  #bucket(identity: string, resource: RateResource): Bucket {
    const key = `${identity}\0${resource}`;
    const now = epochSeconds(this.#now());
    let bucket = this.#buckets.get(key);
    if (!bucket || now >= bucket.windowStart + WINDOW_SECONDS[resource]) {
      bucket = { windowStart: now, used: 0 };
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  status(identity: string, resource: RateResource): RateStatus {
    const bucket = this.#bucket(identity, resource);
    const limit = this.limitOf(resource, identity === 'anonymous');
    return {
      resource,
      limit,
      used: bucket.used,
      remaining: Math.max(0, limit - bucket.used),
      reset: bucket.windowStart + WINDOW_SECONDS[resource],
    };
  }

  /** Counts one request; returns the status after counting. */
  consume(identity: string, resource: RateResource): RateStatus {
    this.#bucket(identity, resource).used += 1;
    return this.status(identity, resource);
  }

  reset(): void {
    this.#buckets.clear();
  }
}

export function rateHeaders(status: RateStatus): Record<string, string> {
  return {
    'x-ratelimit-limit': String(status.limit),
    'x-ratelimit-remaining': String(status.remaining),
    'x-ratelimit-reset': String(status.reset),
    'x-ratelimit-used': String(status.used),
    'x-ratelimit-resource': status.resource,
  };
}
