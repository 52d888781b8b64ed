/**
 * orders-transactions on the simulated cluster: a zombie instance is fenced and replaced, crashes leave
 * no partial output for read_committed readers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../src/runner/engine.ts';
import { createNodeEngine } from '../../src/runner/node-engine.ts';
import { observeRun, traceEvents } from './cluster-run.ts';

const exercise = await loadExercise('orders-transactions');
if (exercise === undefined) throw new Error('orders-transactions is missing');
let engine: SandboxEngine;
beforeAll(async () => {
  engine = await createNodeEngine({ timeLimitMs: 10_000 });
});
afterAll(() => engine.close());

describe('orders-transactions on the simulated cluster', () => {
  it('fences the zombie, aborts its open transaction, and lets the instance that replaced it finish the work', async () => {
    const observation = await observeRun(engine, exercise, exercise.solution, 'exactly-once', 'zombie producer');
    const events = traceEvents(observation);
    expect(events.some((e) => e.kind === 'fence')).toBe(true);
    expect(events.some((e) => e.kind === 'abort')).toBe(true);
    expect(events.some((e) => e.kind === 'txn-commit' && events.some((s) => s.kind === 'send' && s.clientId === 'order-processor-2'))).toBe(true);
    expect(observation.processed_orders).toEqual(observation.orders);
  });

  it('a zombie that awaits consumer.disconnect() inside eachMessage deadlocks, as in KafkaJS 2.2.4, and the run says so; the fire-and-forget disconnect does not', async () => {
    const wrong = exercise.wrong.find((w) => w.file.endsWith('await-disconnect-in-each-message.ts'));
    if (wrong === undefined) throw new Error('the await-disconnect known-wrong file is missing');
    const stuck = await observeRun(engine, exercise, wrong.source, 'exactly-once', 'zombie producer');
    expect(stuck.error?.kind).toBe('timeout');
    expect(stuck.error?.message).toMatch(/deadlock: order-processor-1's consumer .*void consumer\.disconnect\(\)/);
    const kinds = traceEvents(stuck).map((e) => e.kind);
    expect(kinds).toContain('stop-wait');
    expect(kinds).not.toContain('stop-resume');
    const fine = await observeRun(engine, exercise, exercise.solution, 'exactly-once', 'zombie producer');
    expect(fine.error).toBeUndefined();
    expect(traceEvents(fine).filter((e) => e.kind === 'stop-wait' || e.kind === 'stop-resume').map((e) => e.kind)).toEqual(['stop-wait', 'stop-resume']);
  });

  it('hides the aborted write of a crashed instance from read_committed readers', async () => {
    const observation = await observeRun(engine, exercise, exercise.solution, 'exactly-once', 'producer restart');
    const second = observation.orders[1];
    const sendsOfSecond = traceEvents(observation).filter((e) => e.kind === 'send' && (e as { topic?: string }).topic === 'processed_orders' && (e as { values?: unknown[] }).values?.includes(second));
    // Written twice (once by the crashed instance, once by its replacement), read once.
    expect(sendsOfSecond).toHaveLength(2);
    expect(observation.processed_orders).toEqual(observation.orders);
  });
});
