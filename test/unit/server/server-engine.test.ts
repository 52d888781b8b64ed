import { describe, expect, it } from 'vitest';
import { createServerGradingEngine } from '../../../src/cli/server-engine.ts';
import type { LoadedExercise } from '../../../src/grading/exercise-types.ts';

const exercise = { id: 'orders-producer' } as LoadedExercise;

describe('createServerGradingEngine', () => {
  it('posts each file to /api/grade and returns the report', async () => {
    const seen: unknown[] = [];
    const engine = createServerGradingEngine('http://127.0.0.1:8788/ignored/path', async (url, init) => {
      seen.push([String(url), JSON.parse(String(init?.body))]);
      return Response.json({ exercise: 'orders-producer', file: 'a.ts', passed: true });
    });
    expect(await engine.grade(exercise, 'src', 'a.ts')).toMatchObject({ passed: true });
    expect(seen).toEqual([['http://127.0.0.1:8788/api/grade', { exercise: 'orders-producer', source: 'src', file: 'a.ts' }]]);
  });

  it('waits out a 429 and fails with the server message on a 400', async () => {
    const statuses = [429, 400];
    const engine = createServerGradingEngine('http://h', async () =>
      Response.json({ error: 'Unknown exercise' }, { status: statuses.shift() ?? 500, headers: { 'Retry-After': '1' } }),
    );
    await expect(engine.grade(exercise, 'src', 'a.ts')).rejects.toThrow('http://h/api/grade answered 400: Unknown exercise');
    expect(statuses).toEqual([]);
  });

  it('refuses a value that is not a URL', () => {
    expect(() => createServerGradingEngine('not a url')).toThrow(/needs the site's URL/);
  });
});
