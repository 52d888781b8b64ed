// expect-fail: exactly-once/consumer crash before commit
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
      await transaction.send({ topic: 'processed_orders', messages: [{ key: message.key, value: message.value }] });
      await transaction.commit();
      // The offset is committed after, outside the transaction: a crash in between processes the order again.
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
}
