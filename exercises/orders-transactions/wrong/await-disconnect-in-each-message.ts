// expect-fail: exactly-once/zombie producer
import type { Kafka } from 'kafkajs';

// Right everywhere except one await: on a fenced producer it awaits consumer.disconnect() inside
// eachMessage. In KafkaJS 2.2.4 disconnect() waits for this very handler to return, so neither ever
// returns: the zombie keeps its partition and the order it was fenced on is never forwarded.
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
        const type = (error as { type?: string }).type;
        if (type === 'INVALID_PRODUCER_EPOCH' || type === 'PRODUCER_FENCED') {
          await consumer.disconnect();
          return;
        }
        await transaction.abort();
        throw error;
      }
    },
  });
}
