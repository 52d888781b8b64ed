// expect-fail: at-least-once/leader crash before replication
import type { Kafka } from 'kafkajs';

export async function sendOrders(kafka: Kafka, orders: string[], _guarantee: string): Promise<void> {
  const producer = kafka.producer({ retry: { retries: 10 } });
  await producer.connect();
  // acks=1: the leader acknowledges before any follower has the record.
  for (const order of orders) await producer.send({ topic: 'orders', acks: 1, messages: [{ value: order }] });
  await producer.disconnect();
}
