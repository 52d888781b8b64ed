// expect-fail: at-most-once/lost ack
import type { Kafka } from 'kafkajs';

// acks=1 with KafkaJS's default retries (5): a retry after a lost ack writes the order a second time.
export async function sendOrders(kafka: Kafka, orders: string[], guarantee: string): Promise<void> {
  const producer = kafka.producer(guarantee === 'exactly-once' ? { idempotent: true } : {});
  await producer.connect();
  for (const order of orders) {
    try {
      await producer.send({ topic: 'orders', acks: guarantee === 'at-most-once' ? 1 : -1, messages: [{ value: order }] });
    } catch {
      // given up
    }
  }
  await producer.disconnect();
}
