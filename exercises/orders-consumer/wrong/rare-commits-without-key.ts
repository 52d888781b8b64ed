// expect-fail: exactly-once/crash at any call
import type { Kafka } from 'kafkajs';

interface Billing {
  charge(orderId: string, options?: { idempotencyKey?: string }): Promise<void>;
}

// Charges, then lets auto-commit catch up once 100 orders were processed. With fewer orders than that
// nothing is committed before the run ends, so a crash anywhere replays every order billed so far.
export async function consumeOrders(kafka: Kafka, billing: Billing, _guarantee: 'at-most-once' | 'at-least-once' | 'exactly-once') {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommitThreshold: 100,
    eachMessage: async ({ message }) => {
      await billing.charge(String(message.value));
    },
  });
}
