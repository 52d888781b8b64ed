import type { Kafka } from 'kafkajs';

type Guarantee = 'at-most-once' | 'at-least-once' | 'exactly-once';

/** Send every order to the `orders` topic with the delivery guarantee asked for. */
export async function sendOrders(kafka: Kafka, orders: string[], guarantee: Guarantee): Promise<void> {
  // Create a producer configured for `guarantee` (acks, retries, idempotence), connect it,
  // send each order to 'orders', and disconnect.
  void kafka;
  void orders;
  void guarantee;
}
