import type { Kafka } from 'kafkajs';

type Guarantee = 'at-most-once' | 'at-least-once' | 'exactly-once';

/** The billing service: charging is the side effect outside Kafka. */
interface Billing {
  /**
   * Bills the customer for an order. A repeated `idempotencyKey` is ignored by the billing service;
   * `storeOffset` is saved in the same billing-database transaction as the charge.
   */
  charge(orderId: string, options?: { idempotencyKey?: string; storeOffset?: { topic: string; partition: number; offset: string } }): Promise<void>;
  /** The offset last stored with a charge for this partition, or null. */
  storedOffset(topic: string, partition: number): Promise<string | null>;
}

/** Consume `orders` in group 'billing' and charge each order with the delivery guarantee asked for. */
export async function consumeOrders(kafka: Kafka, billing: Billing, guarantee: Guarantee): Promise<void> {
  // Create a consumer with groupId 'billing', subscribe to 'orders' from the beginning, and run it:
  // for each message, charge message.value and commit its offset — in the order the guarantee needs.
  void kafka;
  void billing;
  void guarantee;
}
