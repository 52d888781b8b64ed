/**
 * orders-consumer on the simulated cluster: the harness restarts the learner's consumer after a crash,
 * the billing service is the graded side effect, and idempotency keys make charges exactly-once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/grading/grade.ts';
import { loadExercise } from '../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../src/runner/engine.ts';
import { createNodeEngine } from '../../src/runner/node-engine.ts';
import { observeRun, traceEvents } from './cluster-run.ts';

const exercise = await loadExercise('orders-consumer');
if (exercise === undefined) throw new Error('orders-consumer is missing');
let engine: SandboxEngine;
beforeAll(async () => {
  engine = await createNodeEngine({ timeLimitMs: 10_000 });
});
afterAll(() => engine.close());

describe('orders-consumer on the simulated cluster', () => {
  it('restarts the consumer program after a crash before commit; it resumes at the committed offset and bills the order again', async () => {
    const observation = await observeRun(engine, exercise, exercise.solution, 'at-least-once', 'consumer crash before commit');
    const crashes = traceEvents(observation).filter((e) => e.kind === 'crash' && e.clientId === 'billing-app-1');
    expect(crashes).toHaveLength(1);
    expect(traceEvents(observation).some((e) => e.clientId === 'billing-app-2' && e.kind === 'deliver')).toBe(true);
    const [first, second, third] = observation.orders;
    // The first order was committed before the crash, the second was charged but not committed.
    expect(observation.processed_orders).toEqual([first, second, second, third]);
  });

  it('counts a charge turned away by its idempotency key as a call, not as a charge', async () => {
    const observation = await observeRun(engine, exercise, exercise.solution, 'exactly-once', 'consumer crash before commit');
    const second = observation.orders[1] ?? '';
    expect(observation.side_effects?.filter((order) => order === second)).toHaveLength(2);
    expect(observation.processed_orders?.filter((order) => order === second)).toHaveLength(1);
  });

  it('diagnoses an order lost by committing before charging, citing the crash and its virtual time', async () => {
    const wrong = exercise.wrong.find((w) => w.file.endsWith('commit-before-processing.ts'));
    const report = await gradeSubmission(exercise, wrong?.source ?? '', engine);
    const run = report.guarantees.find((g) => g.guarantee === 'at-least-once')?.runs.find((r) => r.scenario === 'consumer crash after commit');
    expect(run?.message).toMatch(/^at-least-once: order-[0-9a-f]{3} lost when the consumer crashed right after committing its offset at t=\d+ ms$/);
    // The same code is a correct at-most-once consumer: the loss is one the fault explains.
    expect(report.guarantees.find((g) => g.guarantee === 'at-most-once')?.passed).toBe(true);
  });

  it('records a consumeOrders that throws as a runtime error with its name and message', async () => {
    const source = `export async function consumeOrders(): Promise<void> { throw new RangeError('no consumer today'); }`;
    const report = await gradeSubmission(exercise, source, engine);
    const run = report.guarantees[0]?.runs[0];
    expect(run?.error).toMatchObject({ kind: 'runtime', message: 'RangeError: no consumer today', line: 1 });
    expect(run?.passed).toBe(false);
  });

  it('says which function to export when consumeOrders is missing', async () => {
    const report = await gradeSubmission(exercise, 'export const nothing = 1;', engine);
    expect(report.guarantees[0]?.runs[0]?.error?.message).toMatch(/export an async function consumeOrders\(kafka, billing, guarantee\)/);
  });
});

describe('exactly-once by storing the offset with the output', () => {
  it('passes every check when the billing database keeps the offset and the consumer skips what it already billed', async () => {
    const source = `
import type { Kafka } from 'kafkajs';
interface Billing {
  charge(orderId: string, options?: { storeOffset?: { topic: string; partition: number; offset: string } }): Promise<void>;
  storedOffset(topic: string, partition: number): Promise<string | null>;
}
export async function consumeOrders(kafka: Kafka, billing: Billing): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const stored = await billing.storedOffset(topic, partition);
      if (stored !== null && Number(message.offset) < Number(stored)) return;
      const next = String(Number(message.offset) + 1);
      await billing.charge(message.value?.toString() ?? '', { storeOffset: { topic, partition, offset: next } });
      await consumer.commitOffsets([{ topic, partition, offset: next }]);
    },
  });
}`;
    const report = await gradeSubmission(exercise, source, engine);
    expect(report.guarantees.map((g) => [g.guarantee, g.passed])).toEqual([
      ['at-most-once', true],
      ['at-least-once', true],
      ['exactly-once', true],
    ]);
  });
});
