/** The limits of the grading endpoint, in one place so the handler, its tests and the README agree. */

/** Largest request body accepted, in bytes; larger bodies answer 413. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Per-client rate limit as a token bucket: a class that grades in a burst gets `burst` requests at
 * once, then `perMinute` a minute. Never stricter than 30 a minute, as the course promises.
 */
export const RATE_LIMIT = { burst: 30, perMinute: 60 } as const;

/**
 * The rate-limiting binding's name and period (seconds) in src/deploy/wrangler.jsonc, which allows
 * `RATE_LIMIT.perMinute` per address per period across all isolates.
 */
export const RATE_LIMIT_BINDING = { name: 'GRADE_RATE_LIMITER', periodSeconds: 60 } as const;

/** Wall-clock limit for running one submission's checks inside the function. */
export const GRADE_TIME_LIMIT_MS = 2000;

/** QuickJS heap limit per submission: a memory bomb hits this, not the isolate's 128 MB. */
export const GRADE_MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;
