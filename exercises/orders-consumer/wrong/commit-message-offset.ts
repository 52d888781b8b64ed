// expect-fail: at-most-once/consumer crash before commit
import type { Kafka } from 'kafkajs';

interface Billing {
  charge(orderId: string, options?: { idempotencyKey?: string }): Promise<void>;
}

// Commits message.offset, the offset of the message just read: the committed offset is the next one
// to read, so after a restart that message is delivered and charged again.
export async function consumeOrders(kafka: Kafka, billing: Billing, guarantee: string): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const order = message.value?.toString() ?? '';
      const commit = () => consumer.commitOffsets([{ topic, partition, offset: message.offset }]);
      if (guarantee === 'at-most-once') {
        await commit();
        await billing.charge(order);
        return;
      }
      await billing.charge(order, guarantee === 'exactly-once' ? { idempotencyKey: order } : {});
      await commit();
    },
  });
}
