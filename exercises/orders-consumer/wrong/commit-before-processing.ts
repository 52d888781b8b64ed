// expect-fail: at-least-once/consumer crash after commit
import type { Kafka } from 'kafkajs';

interface Billing {
  charge(orderId: string, options?: { idempotencyKey?: string }): Promise<void>;
}

export async function consumeOrders(kafka: Kafka, billing: Billing, _guarantee: string): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      // Committed before charging: a crash right after the commit skips this order for good.
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
      await billing.charge(message.value?.toString() ?? '');
    },
  });
}
