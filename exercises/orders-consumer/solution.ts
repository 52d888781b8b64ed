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
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    // Commits are ours to place: before the charge, or after it.
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const order = message.value?.toString() ?? '';
      // The committed offset is the next one to read.
      const commit = () => consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
      if (guarantee === 'at-most-once') {
        // Commit first: after a crash the order is not read again, so it is charged at most once.
        await commit();
        await billing.charge(order);
        return;
      }
      // Charge first, then commit: a crash in between redelivers the order after the restart. For
      // exactly-once the billing service must recognise the redelivery: the order id is the key.
      await billing.charge(order, guarantee === 'exactly-once' ? { idempotencyKey: order } : {});
      await commit();
    },
  });
}
