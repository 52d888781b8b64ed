// expect-fail: exactly-once/crash at any call
import type { Kafka } from 'kafkajs';

interface Billing {
  charge(orderId: string, options?: { idempotencyKey?: string }): Promise<void>;
}

// Remembers what was billed... but only as long as this process lives: a crash starts a new process
// with an empty set, and the order whose commit the crash cut off is billed again.
const billed = new Set<string>();

export async function consumeOrders(kafka: Kafka, billing: Billing, guarantee: string): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const order = message.value!.toString();
      const next = String(Number(message.offset) + 1);
      if (guarantee === 'at-most-once') {
        await consumer.commitOffsets([{ topic, partition, offset: next }]);
        await billing.charge(order);
        return;
      }
      if (guarantee === 'exactly-once' && billed.has(order)) {
        await consumer.commitOffsets([{ topic, partition, offset: next }]);
        return;
      }
      await billing.charge(order);
      billed.add(order);
      await consumer.commitOffsets([{ topic, partition, offset: next }]);
    },
  });
}
