/**
 * Learner code must not reach the simulated cluster's engine: with it, a submission can switch the
 * planned faults off (or write the log directly) and pass checks its producer configuration fails.

 * `new Kafka(config)` keeps its context (engine included) in a `#private` field, so even a Kafka the
 * learner constructs themselves gives them no handle on the engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassed } from '../../../src/grading/check-ids.ts';
import { gradeSubmission } from '../../../src/grading/grade.ts';
import { loadExercise } from '../../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../../src/runner/engine.ts';
import { createNodeEngine } from '../../../src/runner/node-engine.ts';

const SWITCHES_FAULTS_OFF = `
import { Kafka } from 'kafkajs';
export async function sendOrders(kafka: Kafka, orders: string[]): Promise<void> {
  const engine = (new Kafka({ brokers: [] }) as unknown as { ctx?: { engine?: { faults?: { unclaimedProduce: number } } } }).ctx?.engine;
  if (engine?.faults !== undefined) engine.faults.unclaimedProduce = 0;
  const producer = kafka.producer({ retry: { retries: 10 } });
  await producer.connect();
  for (const order of orders) await producer.send({ topic: 'orders', acks: 1, messages: [{ value: order }] });
}`;

const exercise = await loadExercise('orders-producer');
let engine: SandboxEngine;
beforeAll(async () => {
  engine = await createNodeEngine({ timeLimitMs: 10_000 });
});
afterAll(() => engine.close());

describe('the KafkaJS facade keeps the engine out of learner code', () => {
  it('a non-idempotent acks=1 producer that tampers with the fault plan still fails exactly-once/lost ack', async () => {
    if (exercise === undefined) throw new Error('orders-producer is missing');
    const report = await gradeSubmission(exercise, SWITCHES_FAULTS_OFF, engine);
    expect(checkPassed(report, 'exactly-once/lost ack')).toBe(false);
  });
});
