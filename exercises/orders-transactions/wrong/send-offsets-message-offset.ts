// expect-fail: exactly-once/consumer crash before commit
import type { Kafka } from 'kafkajs';

// sendOffsets with message.offset instead of the next offset to read: a restarted instance reads the
// last committed message again and forwards it a second time.
export async function processOrders(kafka: Kafka): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'order-processor' });
  const producer = kafka.producer({ transactionalId: 'order-processor', idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const transaction = await producer.transaction();
      try {
        await transaction.send({ topic: 'processed_orders', messages: [{ key: message.key, value: message.value }] });
        await transaction.sendOffsets({ consumerGroupId: 'order-processor', topics: [{ topic, partitions: [{ partition, offset: message.offset }] }] });
        await transaction.commit();
      } catch (error) {
        const type = (error as { type?: string }).type;
        if (type === 'PRODUCER_FENCED' || type === 'INVALID_PRODUCER_EPOCH') {
          void consumer.disconnect();
          return;
        }
        await transaction.abort();
        throw error;
      }
    },
  });
}
