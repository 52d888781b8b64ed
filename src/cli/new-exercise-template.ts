/**
 * The files `npm run new:exercise` writes: a small exercise that works as it is — a producer graded
 * exactly-once with no fault and with a lost acknowledgement — written to be read and then replaced.
 * Each file shows the shape the loaders check (src/grading/assemble-exercise.ts).
 */

/** `exercises/<id>/` as file name → contents. */
export function exerciseFiles(id: string, lesson: string): Record<string, string> {
  return {
    'exercise.md': exerciseMarkdown(id, lesson),
    'starter.ts': STARTER,
    'solution.ts': SOLUTION,
    'checks.ts': CHECKS,
    'wrong/retries-without-idempotence.ts': WRONG_RETRIES,
  };
}

function exerciseMarkdown(id: string, lesson: string): string {
  const title = `${id.charAt(0).toUpperCase()}${id.slice(1).replace(/-/g, ' ')}: every order once`;
  return `---
title: ${JSON.stringify(title)}
lesson: ${lesson}
---

Send every order to the \`orders\` topic exactly once, even when the broker's acknowledgement of a
send is lost and the producer retries it.

## Contract

\`\`\`ts
import type { Kafka } from 'kafkajs';
export async function sendOrders(kafka: Kafka, orders: string[]): Promise<void>
\`\`\`

Export (a named export) an async function \`sendOrders(kafka, orders)\`: \`kafka\` is a KafkaJS client of
the simulated cluster, \`orders\` the order ids to send. Send each order as one message to topic
\`orders\`, the order id as its value, and resolve once every send has settled. The harness creates
topic \`orders\` on a fresh cluster, calls sendOrders with no fault and with a lost acknowledgement,
with order ids that change per run, then reads \`orders\` with read_committed: every order must be
there exactly once.
`;
}

const STARTER = `import type { Kafka } from 'kafkajs';

/** Send every order to the \`orders\` topic exactly once. */
export async function sendOrders(kafka: Kafka, orders: string[]): Promise<void> {
  // Create a producer, connect it, send each order to 'orders', and disconnect.
  void kafka;
  void orders;
}
`;

const SOLUTION = `import type { Kafka } from 'kafkajs';

/** Send every order to the \`orders\` topic exactly once. */
export async function sendOrders(kafka: Kafka, orders: string[]): Promise<void> {
  // The idempotent producer numbers its batches, so the leader recognises a retry after a lost ack.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (const order of orders) await producer.send({ topic: 'orders', acks: -1, messages: [{ key: order, value: order }] });
  await producer.disconnect();
}
`;

const WRONG_RETRIES = `// expect-fail: exactly-once/lost ack
import type { Kafka } from 'kafkajs';

// Retries without idempotence: the retry after the lost ack writes the order a second time.
export async function sendOrders(kafka: Kafka, orders: string[]): Promise<void> {
  const producer = kafka.producer({ retry: { retries: 5 } });
  await producer.connect();
  for (const order of orders) await producer.send({ topic: 'orders', acks: -1, messages: [{ key: order, value: order }] });
  await producer.disconnect();
}
`;

const CHECKS = `/**
 * Hidden checks: which runs the sandbox makes (each with its seed, its order ids and its faults) and
 * how each run is judged. They run outside the sandbox; the learner never sees them.
 */
import { defineChecks } from '../../src/grading/define-checks.ts';
import { judgeDelivery } from '../../src/grading/judge-delivery.ts';
import { orderIdsFor } from '../../src/grading/order-ids.ts';

/** Each scenario names a run in the report (\`exactly-once/lost ack\`) and plans its faults. */
const SCENARIOS = [
  { name: 'no fault', faults: (_orders: readonly string[]): unknown[] => [] },
  { name: 'lost ack', faults: (orders: readonly string[]): unknown[] => [{ fault: 'lose-ack', on: { topic: 'orders', value: orders[1] } }] },
];

export const checks = defineChecks({
  // The producer driver calls the learner's sendOrders(kafka, orders, guarantee) and reads back 'orders'.
  driver: 'producer',
  runs: () =>
    SCENARIOS.map((scenario, index) => {
      const seed = 7000 + index;
      const orders = orderIdsFor(seed, 3);
      return { scenario: scenario.name, seed, guarantee: 'exactly-once' as const, orders, faults: scenario.faults(orders) };
    }),
  judge: (run) => judgeDelivery(run, { producesTo: 'orders' }),
});
`;
