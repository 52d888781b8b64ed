/**
 * Learner code in KafkaJS style writes `Buffer.from(order)` as a message value without importing
 * Buffer (it is a Node global). The sandbox installs the facade's Buffer-compatible value as
 * `globalThis.Buffer` when the realm has none (QuickJS, a browser Worker).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../../src/grading/grade.ts';
import { loadExercise } from '../../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../../src/runner/engine.ts';
import { createNodeEngine } from '../../../src/runner/node-engine.ts';

const BUFFER_VALUES = `
import type { Kafka } from 'kafkajs';
export async function sendOrders(kafka: Kafka, orders: string[]): Promise<void> {
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  for (const order of orders) await producer.send({ topic: 'orders', messages: [{ key: Buffer.from(order), value: Buffer.from(order) }] });
  await producer.disconnect();
}`;

const exercise = await loadExercise('orders-producer');
if (exercise === undefined) throw new Error('orders-producer is missing');
let engine: SandboxEngine;
beforeAll(async () => {
  engine = await createNodeEngine({ timeLimitMs: 10_000 });
});
afterAll(() => engine.close());

describe('the Buffer global in the sandbox', () => {
  it('lets Buffer.from(order) values pass like string values', async () => {
    const report = await gradeSubmission(exercise, BUFFER_VALUES, engine);
    expect(report.passed).toBe(true);
  });
});
