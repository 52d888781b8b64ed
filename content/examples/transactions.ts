// Consume from `orders`, produce a billing record, and commit both atomically.
// Type-checked against the real kafkajs types by `tsc -p tsconfig.json` (content/ is included).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'billing', brokers: ['localhost:9092'] });
const consumer = kafka.consumer({ groupId: 'billing', readUncommitted: false });
const producer = kafka.producer({ transactionalId: 'billing-1', idempotent: true, maxInFlightRequests: 1 });

export async function runBilling(): Promise<void> {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const transaction = await producer.transaction();
      try {
        await transaction.send({ topic: 'billing', messages: [{ key: message.key, value: message.value }] });
        // The consumed offset joins the transaction: output and progress commit together.
        await transaction.sendOffsets({
          consumerGroupId: 'billing',
          topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }],
        });
        await transaction.commit();
      } catch (error) {
        await transaction.abort();
        throw error;
      }
    },
  });
}
