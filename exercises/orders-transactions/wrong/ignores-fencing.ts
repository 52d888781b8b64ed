// expect-fail: exactly-once/zombie producer
import type { Kafka } from 'kafkajs';

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
        await transaction.sendOffsets({ consumerGroupId: 'order-processor', topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }] });
        await transaction.commit();
      } catch (error) {
        // Treats being fenced like any other error: the zombie keeps its partition and retries forever,
        // so the instance that fenced it never gets to process the orders.
        await transaction.abort().catch(() => undefined);
        throw error;
      }
    },
  });
}
