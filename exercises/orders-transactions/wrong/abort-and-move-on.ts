// expect-fail: exactly-once/any call fails
import type { Kafka } from 'kafkajs';

// Aborts a transaction that fails and moves on to the next order. The abort throws the output away,
// but the consumer has already moved past the order: the next transaction's sendOffsets commits a
// position beyond it, and it is never processed again.
export async function processOrders(kafka: Kafka): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'order-processor' });
  const producer = kafka.producer({ transactionalId: 'order-processor', maxInFlightRequests: 1 });
  await consumer.connect();
  await producer.connect();
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
        console.log(`skipping offset ${message.offset}: ${(error as Error).message}`);
        await transaction.abort();
      }
    },
  });
}
