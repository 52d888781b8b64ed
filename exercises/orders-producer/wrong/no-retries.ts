// expect-fail: at-least-once/lost request
import type { Kafka } from 'kafkajs';

export async function sendOrders(kafka: Kafka, orders: string[], _guarantee: string): Promise<void> {
  // acks=all but no retries: a lost request surfaces as an error, and nothing sends the order again.
  const producer = kafka.producer({ retry: { retries: 0 } });
  await producer.connect();
  for (const order of orders) await producer.send({ topic: 'orders', acks: -1, messages: [{ value: order }] });
  await producer.disconnect();
}
