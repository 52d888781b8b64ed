// expect-fail: exactly-once/consumer crash before commit
import { Kafka } from 'kafkajs';

interface Billing {
  charge(orderId: string, options?: { idempotencyKey?: string }): Promise<void>;
}

// Ignores the kafka argument and builds its own client, as a real service would from its config. The
// client is part of the process all the same: a crash takes it down, and the restarted process reads
// the uncommitted order again — without an idempotency key it is billed twice.
export async function consumeOrders(_kafka: unknown, billing: Billing, guarantee: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'my-billing-service', brokers: ['broker-0:9092'] });
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const next = String(Number(message.offset) + 1);
      if (guarantee === 'at-most-once') await consumer.commitOffsets([{ topic, partition, offset: next }]);
      await billing.charge(message.value!.toString());
      if (guarantee !== 'at-most-once') await consumer.commitOffsets([{ topic, partition, offset: next }]);
    },
  });
}
