// expect-fail: exactly-once/consumer crash before commit
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
      // At-least-once: a crash between the charge and the commit bills the redelivered order again.
      await billing.charge(message.value?.toString() ?? '');
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
}
