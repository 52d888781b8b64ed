import { describe, expect, it } from 'vitest';
import { createServerBackend } from '../../../src/backend/server-backend.ts';

describe('createServerBackend', () => {
  it('posts the code to /api/grade and /api/run and returns their JSON', async () => {
    const calls: { url: string; body: unknown }[] = [];
    const fetchFn: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return Response.json({ passed: true });
    };
    const backend = createServerBackend('orders-producer', { fetch: fetchFn, base: 'http://h' });
    expect(await backend.check('code')).toEqual({ passed: true });
    await backend.run('code 2');
    expect(calls).toEqual([
      { url: 'http://h/api/grade', body: { exercise: 'orders-producer', source: 'code', file: 'main.ts' } },
      { url: 'http://h/api/run', body: { exercise: 'orders-producer', source: 'code 2', file: 'main.ts' } },
    ]);
  });

  it("turns a refusal into an error carrying the server's message, and keeps the solution on the server", async () => {
    const fetchFn: typeof fetch = async () => Response.json({ error: 'Too many gradings' }, { status: 429 });
    const backend = createServerBackend('x', { fetch: fetchFn });
    await expect(backend.check('code')).rejects.toThrow('The grading server refused the code: Too many gradings');
    await expect(backend.solution()).rejects.toThrow(/stays on the server/);
  });
});
