// expect-fail: exactly-once/no fault
import type { Kafka } from 'kafkajs';

export async function sendOrders(kafka: Kafka, orders: string[], _guarantee: string): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (const order of orders) {
    await producer.send({ topic: 'orders', acks: -1, messages: [{ value: order }] });
    // Idempotence dedupes the producer's own retries, not a second send by the application.
    await producer.send({ topic: 'orders', acks: -1, messages: [{ value: order }] });
  }
  await producer.disconnect();
}
