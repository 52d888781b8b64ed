import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../../src/schemas/grade-report.ts';
import { createSubmissionHandler } from '../../../src/server/submission-handler.ts';
import { createRateLimiter } from '../../../src/server/rate-limiter.ts';

const URL_ = 'http://127.0.0.1/api/grade';

function fakeReport(exercise: string, file: string): GradeReport {
  return { exercise, file, passed: true, error: null, steps: [], guarantees: [] };
}

function handler(overrides: { burst?: number; grade?: () => Promise<GradeReport> } = {}) {
  const graded: string[] = [];
  const handle = createSubmissionHandler({
    exercises: ['orders-producer'],
    respond: overrides.grade ?? (async ({ exercise, source, file }) => (graded.push(source), fakeReport(exercise, file))),
    limiter: createRateLimiter({ burst: overrides.burst ?? 30, perMinute: 60, now: () => 0 }),
    maxBodyBytes: 1024,
    logError: () => undefined,
  });
  return { handle, graded };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(URL_, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('createSubmissionHandler', () => {
  it('answers 200 with the report and security headers for a valid request', async () => {
    const { handle, graded } = handler();
    const response = await handle(post(JSON.stringify({ exercise: 'orders-producer', source: 'x', file: 'a.ts' })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(fakeReport('orders-producer', 'a.ts'));
    expect(graded).toEqual(['x']);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it.each([
    ['malformed JSON', '{"exercise":', /not valid JSON/],
    ['an array', '[]', /JSON object/],
    ['no source', '{"exercise":"orders-producer"}', /Missing "source"/],
    ['no exercise', '{"source":"x"}', /Missing "exercise"/],
    ['an unknown exercise', '{"exercise":"nope","source":"x"}', /Unknown exercise "nope"; known exercises: orders-producer/],
  ])('answers 400 for %s', async (_name, body, message) => {
    const { handle, graded } = handler();
    const response = await handle(post(body));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(graded).toEqual([]);
  });

  it('answers 413 from Content-Length, and from the bytes read when the length is not declared', async () => {
    const { handle } = handler();
    const big = JSON.stringify({ exercise: 'orders-producer', source: 'x'.repeat(2000) });
    expect((await handle(post(big))).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = new Request(URL_, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.headers.get('content-length')).toBeNull();
    expect((await handle(streamed)).status).toBe(413);
  });

  it('answers 405 with Allow for other methods', async () => {
    const { handle } = handler();
    const response = await handle(new Request(URL_, { method: 'GET' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers 429 with Retry-After per client once its burst is spent', async () => {
    const { handle } = handler({ burst: 2 });
    const body = JSON.stringify({ exercise: 'orders-producer', source: 'x' });
    const from = (ip: string) => handle(post(body, { 'cf-connecting-ip': ip }));
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(200);
    const refused = await from('10.0.0.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('10.0.0.2')).status).toBe(200);
  });

  it('answers 500 without details when the grader itself fails', async () => {
    const { handle } = handler({ grade: async () => Promise.reject(new Error('secret internals')) });
    const response = await handle(post(JSON.stringify({ exercise: 'orders-producer', source: 'x' })));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('secret internals');
  });
});
