import { describe, expect, it } from 'vitest';
import { createRateLimiter, withRateLimitBinding, type RateLimitBinding } from '../../../src/server/rate-limiter.ts';

describe('createRateLimiter', () => {
  it('lets a burst through, refuses the next, and refills over time', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 30, perMinute: 60, now: () => now });
    for (let i = 0; i < 30; i++) expect(limiter.take('a').allowed).toBe(true);
    const refused = limiter.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('is never stricter than 30 requests a minute, spread or in a burst', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 30, perMinute: 60, now: () => now });
    let allowed = 0;
    for (let second = 0; second < 60; second++) {
      now = second * 1000;
      if (limiter.take('class').allowed) allowed++;
    }
    expect(allowed).toBe(60);
  });

  it('counts each client separately and forgets the least recent beyond maxClients', () => {
    const limiter = createRateLimiter({ burst: 1, perMinute: 1, now: () => 0, maxClients: 2 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('c').allowed).toBe(true); // evicts b, the least recently seen
    expect(limiter.take('b').allowed).toBe(true);
  });
});

describe('withRateLimitBinding', () => {
  /** A binding that allows `limit` requests per key and records the keys it was asked about. */
  function fakeBinding(limit: number): RateLimitBinding & { keys: string[] } {
    const counts = new Map<string, number>();
    const keys: string[] = [];
    return {
      keys,
      limit: ({ key }) => {
        keys.push(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return Promise.resolve({ success: (counts.get(key) ?? 0) <= limit });
      },
    };
  }

  it('refuses what the binding refuses, with its period as Retry-After', async () => {
    const binding = fakeBinding(2);
    const limiter = withRateLimitBinding(createRateLimiter({ burst: 30, perMinute: 60, now: () => 0 }), binding, 60);
    const decisions = [await limiter.take('a'), await limiter.take('a'), await limiter.take('a'), await limiter.take('b')];
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false, true]);
    expect(decisions[2]).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(binding.keys).toEqual(['a', 'a', 'a', 'b']);
  });

  it('keeps the in-memory burst, and does not spend the binding on what memory already refused', async () => {
    const binding = fakeBinding(100);
    const limiter = withRateLimitBinding(createRateLimiter({ burst: 1, perMinute: 1, now: () => 0 }), binding, 60);
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(false);
    expect(binding.keys).toEqual(['a']);
  });

  it('is the in-memory limiter alone without a binding', () => {
    const local = createRateLimiter({ burst: 1, perMinute: 1, now: () => 0 });
    expect(withRateLimitBinding(local, undefined, 60)).toBe(local);
  });
});
