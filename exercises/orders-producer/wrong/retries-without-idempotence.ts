// expect-fail: exactly-once/lost ack
import type { Kafka } from 'kafkajs';

export async function sendOrders(kafka: Kafka, orders: string[], _guarantee: string): Promise<void> {
  // acks=all and retries, but no idempotence: a retry after a lost ack writes the order again.
  const producer = kafka.producer({ retry: { retries: 10 } });
  await producer.connect();
  for (const order of orders) await producer.send({ topic: 'orders', acks: -1, messages: [{ value: order }] });
  await producer.disconnect();
}
