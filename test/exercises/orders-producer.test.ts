/**
 * orders-producer against the real simulated cluster: the grading rules for the producer that the
 * generic self-test (solution passes, starter and wrong files fail) does not pin down by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/grading/grade.ts';
import { loadExercise } from '../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../src/runner/engine.ts';
import { createNodeEngine } from '../../src/runner/node-engine.ts';

const exercise = await loadExercise('orders-producer');
if (exercise === undefined) throw new Error('orders-producer is missing');
let engine: SandboxEngine;
beforeAll(async () => {
  engine = await createNodeEngine({ timeLimitMs: 10_000 });
});
afterAll(() => engine.close());

const IDEMPOTENT_FOR_EVERY_GUARANTEE = `
import type { Kafka } from 'kafkajs';
export async function sendOrders(kafka: Kafka, orders: string[]): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (const order of orders) await producer.send({ topic: 'orders', acks: -1, messages: [{ value: order }] });
  await producer.disconnect();
}`;

const THROWS_ON_FAILURE = `
import type { Kafka } from 'kafkajs';
export async function sendOrders(kafka: Kafka, orders: string[]): Promise<void> {
  const producer = kafka.producer({ retry: { retries: 0 } });
  await producer.connect();
  for (const order of orders) await producer.send({ topic: 'orders', acks: -1, messages: [{ value: order }] });
}`;

describe('orders-producer on the simulated cluster', () => {
  it('lets a stronger guarantee satisfy a weaker one: the idempotent producer passes all three', async () => {
    const report = await gradeSubmission(exercise, IDEMPOTENT_FOR_EVERY_GUARANTEE, engine);
    expect(report.guarantees.map((g) => [g.guarantee, g.passed])).toEqual([
      ['at-most-once', true],
      ['at-least-once', true],
      ['exactly-once', true],
    ]);
  });

  it('records a rejected sendOrders as a runtime error with its name and message, and still grades what reached the topic', async () => {
    const report = await gradeSubmission(exercise, THROWS_ON_FAILURE, engine);
    const run = report.guarantees.find((g) => g.guarantee === 'at-least-once')?.runs.find((r) => r.scenario === 'lost request');
    expect(run?.error).toMatchObject({ kind: 'runtime', message: expect.stringMatching(/^KafkaJS\w+: \S/) as unknown });
    // The first order was written before the lost request; the run is judged on it, not discarded.
    expect(run?.processed_orders?.length).toBe(1);
    expect(run?.passed).toBe(false);
    expect(run?.message).toMatch(/lost when its produce request was lost at t=\d+ ms/);
  });

  it('varies the order ids per run, so hard-coded output cannot pass', () => {
    const runs = exercise.checks.runs();
    const idSets = new Set(runs.map((run) => run.orders.join(',')));
    expect(idSets.size).toBe(runs.length);
  });

  it('names the fault and its virtual time when acks=1 loses an acknowledged record on leader failover', async () => {
    const acksOne = exercise.wrong.find((w) => w.file.endsWith('acks-one.ts'));
    const report = await gradeSubmission(exercise, acksOne?.source ?? '', engine);
    const run = report.guarantees.find((g) => g.guarantee === 'at-least-once')?.runs.find((r) => r.scenario === 'leader crash before replication');
    expect(run?.message).toMatch(/^at-least-once: order-[0-9a-f]{3} lost when the leader crashed before the followers copied it at t=\d+ ms$/);
  });

  it('tells an application resend from a retry after a lost ack', async () => {
    const twice = exercise.wrong.find((w) => w.file.endsWith('send-twice-idempotent.ts'));
    const retried = exercise.wrong.find((w) => w.file.endsWith('retries-without-idempotence.ts'));
    const resendRun = (await gradeSubmission(exercise, twice?.source ?? '', engine)).guarantees[2]?.runs[0];
    const retryRun = (await gradeSubmission(exercise, retried?.source ?? '', engine)).guarantees[2]?.runs.find((r) => r.scenario === 'lost ack');
    expect(resendRun?.message).toMatch(/produced it in 2 separate requests/);
    expect(retryRun?.message).toMatch(/duplicated \(2 copies\) after the producer retried it when the ack was lost at t=\d+ ms/);
  });
});
