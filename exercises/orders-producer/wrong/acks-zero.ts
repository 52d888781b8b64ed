// expect-fail: at-least-once/lost request
import type { Kafka } from 'kafkajs';

export async function sendOrders(kafka: Kafka, orders: string[], _guarantee: string): Promise<void> {
  const producer = kafka.producer({ retry: { retries: 10 } });
  await producer.connect();
  // acks=0: "sent" as soon as it is written to the socket, so a lost request is never noticed.
  for (const order of orders) await producer.send({ topic: 'orders', acks: 0, messages: [{ value: order }] });
  await producer.disconnect();
}
