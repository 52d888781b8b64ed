// expect-fail: exactly-once/no fault
import type { Kafka } from 'kafkajs';

export async function sendOrders(kafka: Kafka, _orders: string[], _guarantee: string): Promise<void> {
  // Sends the orders of lesson 1 instead of the ones it was given: the checks vary the ids per run.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (const order of ['order1', 'order2', 'order3']) await producer.send({ topic: 'orders', acks: -1, messages: [{ value: order }] });
  await producer.disconnect();
}
