import type { Kafka } from 'kafkajs';

/** Read `orders`, write each order to `processed_orders`, exactly once, with Kafka transactions. */
export async function processOrders(kafka: Kafka): Promise<void> {
  // 1. A consumer in group 'order-processor' on 'orders' (from the beginning), committing nothing itself.
  // 2. A producer with transactionalId 'order-processor'.
  // 3. For each message: begin a transaction, send the order to 'processed_orders', add the consumed
  //    offset with sendOffsets, commit. If the producer is fenced (INVALID_PRODUCER_EPOCH), stop:
  //    another instance took over. Inside the handler, don't await consumer.disconnect() — it waits
  //    for the handler itself to return.
  void kafka;
}
