/**
 * A per-client token bucket kept in the isolate's memory. Each isolate counts on its own and forgets on
 * restart, so this only blunts a single client hammering one instance; a real deploy should put
 * Cloudflare's rate-limiting binding in front (see README, Deploy). The clock is passed in for tests.
 */

export interface RateLimiterOptions {
  /** Requests a client may make at once. */
  burst: number;
  /** Sustained requests per minute once the burst is spent. */
  perMinute: number;
  /** Milliseconds since some origin. */
  now: () => number;
  /** Clients remembered at most; the oldest are forgotten first, so memory stays bounded. @default 10_000 */
  maxClients?: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the next request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Takes one token for `client` if there is one. */
  take(client: string): RateDecision;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Creates a limiter; buckets refill continuously at `perMinute / 60_000` tokens per ms. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = options.perMinute / 60_000;
  const maxClients = options.maxClients ?? 10_000;
  return {
    take(client) {
      const now = options.now();
      const previous = buckets.get(client);
      const elapsed = previous === undefined ? 0 : Math.max(0, now - previous.updatedAt);
      const tokens = Math.min(options.burst, (previous?.tokens ?? options.burst) + elapsed * refillPerMs);
      // Re-inserting keeps the Map in least-recently-seen order for eviction.
      buckets.delete(client);
      if (buckets.size >= maxClients) {
        const oldest = buckets.keys().next();
        if (oldest.done !== true) buckets.delete(oldest.value);
      }
      if (tokens >= 1) {
        buckets.set(client, { tokens: tokens - 1, updatedAt: now });
        return { allowed: true, retryAfterSeconds: 0 };
      }
      buckets.set(client, { tokens, updatedAt: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
    },
  };
}
