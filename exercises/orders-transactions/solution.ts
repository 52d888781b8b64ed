import type { Kafka } from 'kafkajs';

/** Read `orders`, write each order to `processed_orders`, exactly once, with Kafka transactions. */
export async function processOrders(kafka: Kafka): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'order-processor' });
  // One transactional.id per logical processor: a restarted instance reuses it and so fences the old one.
  const producer = kafka.producer({ transactionalId: 'order-processor', idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    // The offset is committed by the transaction, never by the consumer itself.
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const transaction = await producer.transaction();
      try {
        await transaction.send({ topic: 'processed_orders', messages: [{ key: message.key, value: message.value }] });
        // The consumed offset joins the transaction: output and progress commit together, or neither does.
        await transaction.sendOffsets({ consumerGroupId: 'order-processor', topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }] });
        await transaction.commit();
      } catch (error) {
        const type = (error as { type?: string }).type;
        // KafkaJS answers a fenced producer INVALID_PRODUCER_EPOCH; PRODUCER_FENCED is the newer name.
        if (type === 'INVALID_PRODUCER_EPOCH' || type === 'PRODUCER_FENCED') {
          // Another instance with our transactional.id took over: this one is a zombie and must stop.
          // Not awaited: disconnect() waits for this handler to return, so awaiting it here never ends.
          void consumer.disconnect();
          return;
        }
        await transaction.abort();
        throw error;
      }
    },
  });
}
