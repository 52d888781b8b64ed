import type { Kafka } from 'kafkajs';

type Guarantee = 'at-most-once' | 'at-least-once' | 'exactly-once';

/** Send every order to the `orders` topic with the delivery guarantee asked for. */
export async function sendOrders(kafka: Kafka, orders: string[], guarantee: Guarantee): Promise<void> {
  if (guarantee === 'exactly-once') {
    // The idempotent producer numbers each batch, so a retry after a lost ack is recognised by the
    // leader and answered with the original offset instead of being written twice.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (const order of orders) await producer.send({ topic: 'orders', acks: -1, messages: [{ key: order, value: order }] });
    await producer.disconnect();
    return;
  }
  if (guarantee === 'at-least-once') {
    // acks=all: acknowledged only once every in-sync replica has it; retries resend what was not acknowledged.
    const producer = kafka.producer({ retry: { retries: 10 } });
    await producer.connect();
    for (const order of orders) await producer.send({ topic: 'orders', acks: -1, messages: [{ key: order, value: order }] });
    await producer.disconnect();
    return;
  }
  // at-most-once: one attempt per order, never a resend; an order that fails is given up.
  const producer = kafka.producer({ retry: { retries: 0 } });
  await producer.connect();
  for (const order of orders) {
    try {
      await producer.send({ topic: 'orders', acks: 1, messages: [{ key: order, value: order }] });
    } catch {
      // Given up on purpose: at-most-once prefers losing an order to sending it twice.
    }
  }
  await producer.disconnect();
}
