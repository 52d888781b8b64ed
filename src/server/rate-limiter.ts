/**
 * Per-client rate limits. The token bucket here lives in the isolate's memory: each isolate counts on
 * its own and forgets on restart, so it shapes one client's burst on one instance and is all there is
 * where the Worker has no rate-limiting binding (a local run without one). Deployed, Cloudflare's
 * rate-limiting binding (`ratelimits` in src/deploy/wrangler.jsonc) also counts each address across
 * every isolate; `withRateLimitBinding` puts the two together. The clock is passed in for tests.
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
  take(client: string): RateDecision | Promise<RateDecision>;
}

/** The in-memory limiter answers at once. */
export interface MemoryRateLimiter extends RateLimiter {
  take(client: string): RateDecision;
}

/** Cloudflare's rate-limiting binding, as the Worker's `env` holds it. */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Creates a limiter; buckets refill continuously at `perMinute / 60_000` tokens per ms. */
export function createRateLimiter(options: RateLimiterOptions): MemoryRateLimiter {
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

/**
 * `local` first (free, and it keeps the burst shape), then the binding, which counts the address across
 * isolates over its `periodSeconds`; a request passes only when both let it. Without a binding, `local` alone.
 */
export function withRateLimitBinding(local: RateLimiter, binding: RateLimitBinding | undefined, periodSeconds: number): RateLimiter {
  if (binding === undefined) return local;
  return {
    async take(client) {
      const decision = await local.take(client);
      if (!decision.allowed) return decision;
      const { success } = await binding.limit({ key: client });
      return success ? decision : { allowed: false, retryAfterSeconds: periodSeconds };
    },
  };
}
