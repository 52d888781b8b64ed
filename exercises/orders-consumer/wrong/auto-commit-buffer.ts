// expect-fail: at-least-once/crash at any call
import type { Kafka } from 'kafkajs';

interface Billing {
  charge(orderId: string, options?: { idempotencyKey?: string }): Promise<void>;
}

// Collects orders as they arrive and bills them in batches every 50 ms, with auto-commit on. The
// consumer commits what eachMessage returned from, so an order can be committed while it still sits in
// the buffer: a crash then loses it.
export async function consumeOrders(kafka: Kafka, billing: Billing, guarantee: string) {
  const buffer: string[] = [];
  setInterval(() => {
    for (const order of buffer.splice(0)) void billing.charge(order, guarantee === 'exactly-once' ? { idempotencyKey: order } : undefined);
  }, 50);
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      buffer.push(message.value?.toString() ?? '');
    },
  });
}
