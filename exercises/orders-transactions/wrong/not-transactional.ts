// expect-fail: exactly-once/producer restart
import type { Kafka } from 'kafkajs';

export async function processOrders(kafka: Kafka): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'order-processor' });
  // Idempotence dedupes retries within one producer session only: a restarted producer gets a new id.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      await producer.send({ topic: 'processed_orders', acks: -1, messages: [{ key: message.key, value: message.value }] });
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
}
