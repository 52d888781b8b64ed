// expect-fail: exactly-once/consumer crash before commit
import type { Kafka } from 'kafkajs';

interface Billing {
  charge(orderId: string, options?: { idempotencyKey?: string }): Promise<void>;
}

export async function consumeOrders(kafka: Kafka, billing: Billing, _guarantee: string): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'billing' });
  const producer = kafka.producer({ transactionalId: 'billing-app', idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      // A Kafka transaction commits the offset atomically with Kafka writes only: the charge is outside
      // it, so a crash before the transaction commits bills the redelivered order again.
      const transaction = await producer.transaction();
      await billing.charge(message.value?.toString() ?? '');
      await transaction.sendOffsets({ consumerGroupId: 'billing', topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }] });
      await transaction.commit();
    },
  });
}
