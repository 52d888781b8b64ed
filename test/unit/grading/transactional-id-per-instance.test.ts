/**
 * A transactional.id that changes with every instance (a random suffix, as a pod name would) gives up zombie
 * fencing: a restarted instance no longer fences the old one, and an old instance that wakes up after
 * a pause commits a transaction for an order the new instance also processed. The 'paused instance'
 * scenario of orders-transactions (fault 'pause-instance') shows it; the fake 'zombie producer'
 * scenario, which fences with its own producer, cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../../src/grading/grade.ts';
import { loadExercise } from '../../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../../src/runner/engine.ts';
import { createNodeEngine } from '../../../src/runner/node-engine.ts';

const exercise = await loadExercise('orders-transactions');
if (exercise === undefined) throw new Error('orders-transactions is missing');
// Each instance is a process of its own (a module-level counter would start at 0 in each): a random
// suffix is what differs between them, as a host name would.
const ID_PER_INSTANCE = exercise.solution.replace("transactionalId: 'order-processor'", 'transactionalId: `order-processor-${Math.random().toString(36).slice(2, 8)}`');

let engine: SandboxEngine;
beforeAll(async () => {
  engine = await createNodeEngine({ timeLimitMs: 10_000 });
});
afterAll(() => engine.close());

describe('a transactional.id per instance', () => {
  it('is what the test submits (the solution with only the id changed)', () => {
    expect(ID_PER_INSTANCE).toContain('order-processor-${Math.random()');
  });

  it('fails orders-transactions on the paused instance: nothing fences the zombie', async () => {
    const report = await gradeSubmission(exercise, ID_PER_INSTANCE, engine);
    expect(report.passed).toBe(false);
    const paused = report.guarantees.flatMap((g) => g.runs).find((run) => run.scenario === 'paused instance');
    expect(paused?.passed).toBe(false);
    expect(paused?.message).toMatch(/duplicated/);
    expect(paused?.message).toMatch(/zombie/);
  });
});
