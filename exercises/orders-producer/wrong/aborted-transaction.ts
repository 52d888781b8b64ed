// expect-fail: at-least-once/no fault
import type { Kafka } from 'kafkajs';

export async function sendOrders(kafka: Kafka, orders: string[], _guarantee: string): Promise<void> {
  const producer = kafka.producer({ transactionalId: 'orders-tx', idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const transaction = await producer.transaction();
  for (const order of orders) await transaction.send({ topic: 'orders', messages: [{ value: order }] });
  // Aborted: read_committed readers never see these records.
  await transaction.abort();
  await producer.disconnect();
}
