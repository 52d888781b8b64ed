import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/server/rate-limiter.ts';

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
